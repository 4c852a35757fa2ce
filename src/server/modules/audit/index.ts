// The audit module's public surface: its descriptor, and the functions other modules may call.
// Reading the audit log (the platform writes it in each command's transaction).
import type { ModuleDescriptor } from '../../platform/module';
import { auditGrants } from './access';
import { auditRoutes } from './routes';

export const auditModule: ModuleDescriptor = {
  name: 'audit',
  tables: ['audit_log'],
  routes: auditRoutes,
  grants: auditGrants,
};
