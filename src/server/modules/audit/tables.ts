// Table types of the audit module (the audit log, written by platform/audit.ts in each command's
// transaction). Added to the Database interface by module augmentation: the module owns these
// tables and other modules call its functions.
import type { Generated } from 'kysely';
import type { DefaultTimestamp, Json } from '../../db/schema';

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultTimestamp;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  district_id: string | null;
  street_id: string | null;
  community_id: string | null;
  quarter_id: string | null;
  before: Json | null;
  after: Json | null;
  ip: string | null;
}

declare module '../../db/schema' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
