// Table types of the users module (accounts). Added to the Database interface by module
// augmentation: the module owns these tables and other modules call its functions.
import type { Generated } from 'kysely';
import type { DefaultTimestamp } from '../../db/schema';

export interface UsersTable {
  id: Generated<string>;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  scope_level: string;
  scope_id: string;
  district_id: string;
  street_id: string | null;
  community_id: string | null;
  quarter_id: string | null;
  building_id: string | null;
  owner_id: string | null;
  phone: string | null;
  locale: Generated<string>;
  disabled: Generated<boolean>;
  created_at: DefaultTimestamp;
  password_changed_at: DefaultTimestamp;
}

declare module '../../db/schema' {
  interface Database {
    users: UsersTable;
  }
}
