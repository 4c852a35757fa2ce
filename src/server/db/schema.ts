// Table types for Kysely. Each module owns its tables; other modules call its functions.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default: optional on insert. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
// Areas (0.01 m²) and money (fen) are bigint in the database and plain numbers in code:
// the parsers in db/index.ts turn int8 into numbers, which stay exact below 2^53.
type Int8 = ColumnType<number, number | bigint, number | bigint>;
type DateOnly = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;
type DefaultJson = ColumnType<unknown, string | undefined, string>;
type DefaultInt8 = ColumnType<number, number | bigint | undefined, number | bigint>;

export interface DistrictsTable {
  id: Generated<string>;
  name: string;
  policy_pack: Generated<string>;
  created_at: DefaultTimestamp;
}
export interface StreetsTable {
  id: Generated<string>;
  district_id: string;
  name: string;
  created_at: DefaultTimestamp;
}
export interface CommunitiesTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  name: string;
  created_at: DefaultTimestamp;
}
export interface QuartersTable {
  id: Generated<string>;
  district_id: string;
  street_id: string;
  community_id: string;
  name: string;
  type: Generated<string>;
  address: Generated<string>;
  total_building_area: Int8;
  sold_area: DefaultInt8;
  delivered_area: Int8;
  first_delivery_date: DateOnly | null;
  households: number;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface BuildingsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  name: string;
  floors: number | null;
  created_at: DefaultTimestamp;
}
export interface UnitsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  building_id: string;
  number: string;
  exclusive_area: Int8;
  use: Generated<string>;
  certificate_hash: string | null;
  certificate_masked: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface OwnersTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  kind: string;
  name: string;
  id_number_hash: string | null;
  id_number_masked: string | null;
  phone: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface UnitOwnersTable {
  unit_id: string;
  owner_id: string;
  district_id: string;
  quarter_id: string;
  created_at: DefaultTimestamp;
}
export interface ResidentsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  unit_id: string | null;
  name: string;
  kind: string;
  needs_care: Generated<boolean>;
  care_note: string | null;
  phone: string | null;
  id_number_hash: string | null;
  id_number_masked: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
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
export interface ImportRunsTable {
  id: Generated<string>;
  district_id: string;
  quarter_id: string;
  user_id: string | null;
  file_name: string;
  status: string;
  total: Generated<number>;
  errors: DefaultJson;
  summary: Json | null;
  created_at: DefaultTimestamp;
  finished_at: Timestamp | null;
}

export interface PlatformSettingsTable {
  key: string;
  value: string;
}

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

export interface Database {
  inbox_items: InboxItemsTable;
  notification_outbox: NotificationOutboxTable;
  platform_settings: PlatformSettingsTable;
  districts: DistrictsTable;
  streets: StreetsTable;
  communities: CommunitiesTable;
  quarters: QuartersTable;
  buildings: BuildingsTable;
  units: UnitsTable;
  owners: OwnersTable;
  unit_owners: UnitOwnersTable;
  residents: ResidentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  import_runs: ImportRunsTable;
}

export type QuarterRow = Selectable<QuartersTable>;
export type UserRow = Selectable<UsersTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type QuarterUpdate = Updateable<QuartersTable>;
