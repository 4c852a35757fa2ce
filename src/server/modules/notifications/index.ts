// The notifications module's public surface: its descriptor, and the functions other modules may call.
// Inbox, outbox and its channels.
import type { ModuleDescriptor } from '../../platform/module';
import { notificationsRoutes } from './routes';

export {
  deliverPending,
  logChannel,
  notifyUsers,
  queueMessages,
  runPeriodicJobs,
  sendDirect,
  type DirectMessage,
  type SmsSetting,
  usersForQuarterRoles,
  type Channel,
  type InboxMessage,
  type OutboxMessage,
} from './service';

export const notificationsModule: ModuleDescriptor = {
  name: 'notifications',
  tables: ['inbox_items', 'notification_outbox'],
  routes: notificationsRoutes,
};
