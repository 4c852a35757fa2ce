// The accounts of a quarter that people call, for the contact network (小区联系网, T/ZAS
// 4006.1—2020 6.1.3.2) that the organisations module gives the registry's dossier through its
// descriptor (organizations/contacts.ts), together with its own records of who is in office.
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
