// Table types of the notifications module (inbox and outbox). Added to the Database interface by
// module augmentation: the module owns these tables and other modules call its functions.
import type { Generated } from 'kysely';
import type { Timestamp, DefaultTimestamp } from '../../db/schema';

export interface InboxItemsTable {
  id: Generated<string>;
  user_id: string;
  district_id: string;
  quarter_id: string | null;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  due_at: Timestamp | null;
  dedupe_key: string | null;
  created_at: DefaultTimestamp;
  read_at: Timestamp | null;
  done_at: Timestamp | null;
}
export interface NotificationOutboxTable {
  id: Generated<number>;
  district_id: string;
  quarter_id: string | null;
  channel: Generated<string>;
  user_id: string | null;
  owner_id: string | null;
  subject: string;
  body: string;
  dedupe_key: string | null;
  created_at: DefaultTimestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
}

declare module '../../db/schema' {
  interface Database {
    inbox_items: InboxItemsTable;
    notification_outbox: NotificationOutboxTable;
  }
}
