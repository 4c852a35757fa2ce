// The quarter's contact network (小区联系网, T/ZAS 4006.1—2020 6.1.3.2): the accounts of the
// quarter that people call, given to the registry's dossier through the descriptor
// (`quarterContacts`), because the registry may not ask this module itself (users already
// depends on the registry for the places accounts are bound to).
import { roleLabels, type Role } from '../../platform/access';
import type { QuarterContactsProvider } from '../../platform/module';
import { quarterAccountsWithRoles } from './accounts';

// Who to call, in this order.
const contactRoles: Role[] = ['commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'grid_worker', 'building_leader'];

export const quarterContacts: QuarterContactsProvider = async (db, quarterId, locale) => {
  const rows = await quarterAccountsWithRoles(db, quarterId, contactRoles);
  return rows
    .sort((a, b) => contactRoles.indexOf(a.role) - contactRoles.indexOf(b.role) || a.displayName.localeCompare(b.displayName, 'zh-CN'))
    .map((r) => ({ role: r.role, roleLabel: roleLabels[r.role][locale], name: r.displayName, phone: r.phone }));
};
