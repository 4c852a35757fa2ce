// The users module's permissions; its authorize… functions (scope, then permission) go here too.
import { defineGrants, OFFICES } from '../../platform/access';

// Accounts are made by the offices, each inside its own scope.
export const usersGrants = defineGrants({
  'users.manage': OFFICES,
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof usersGrants, true> {}
}
