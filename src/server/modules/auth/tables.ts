// Table types of the auth module (sessions and failed logins). Added to the Database interface by
// module augmentation: the module owns these tables and other modules call its functions.
import type { Generated } from 'kysely';
import type { Timestamp, DefaultTimestamp } from '../../db/schema';

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  last_seen_at: DefaultTimestamp;
}
export interface LoginAttemptsTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: DefaultTimestamp;
}

declare module '../../db/schema' {
  interface Database {
    sessions: SessionsTable;
    login_attempts: LoginAttemptsTable;
  }
}
