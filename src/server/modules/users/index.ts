// The users module's public surface: its descriptor, and the functions other modules may call.
// Accounts, each bound to one place.
import type { ModuleDescriptor } from '../../platform/module';
import { usersGrants } from './access';
import { usersErrors } from './errors';
import { usersRoutes } from './routes';

export {
  accountFor,
  assertStrongPassword,
  districtAccountsWithRoles,
  hashPassword,
  ownerAccountIds,
  setPasswordHash,
  type AccountRow,
} from './accounts';
export { insertUser, type NewUser } from './service';
export { officeEndedFor, officeEndedMessage } from './office';
export { moveAccount, resetPassword, setAccountDisabled, temporaryPassword } from './lifecycle';
export { displayNamesOf } from './names';
// The quarter's accounts people call; the organisations module merges them into the contact network.
export { quarterContacts as accountContacts } from './contacts';

export const usersModule: ModuleDescriptor = {
  name: 'users',
  tables: ['users'],
  routes: usersRoutes,
  grants: usersGrants,
  errors: usersErrors,
};
