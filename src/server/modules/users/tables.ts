// Table types of the users module (accounts). Added to the Database interface by module
// augmentation: the module owns these tables and other modules call its functions.
import type { ColumnType, Generated } from 'kysely';
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
  /** Sessions started before this instant are over (a reset or a move ended them). */
  sessions_ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  must_change_password: Generated<boolean>;
  /** The organisation record the role comes from (OfficeKind), or none. */
  office_kind: string | null;
  office_id: string | null;
}

declare module '../../db/schema' {
  interface Database {
    users: UsersTable;
  }
}
