// The audit module's permissions; its authorize… functions (scope, then permission) go here too.
import { defineGrants, OFFICES } from '../../platform/access';

// The audit log is read by the tripartite offices of the scope (docs/architecture.md, "Rules of the code").
export const auditGrants = defineGrants({
  'audit.read': OFFICES,
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof auditGrants, true> {}
}
