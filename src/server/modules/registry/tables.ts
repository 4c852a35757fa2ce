// Table types of the registry module (quarters, buildings, units, owners, residents, import runs).
// Added to the Database interface by module augmentation: the module owns these tables and other
// modules call its functions.
import type { Generated } from 'kysely';
import type { Timestamp, DefaultTimestamp, Int8, DateOnly, Json, DefaultJson, DefaultInt8 } from '../../db/schema';

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
  /** How certificate_hash was made (registry/identifiers.ts, migration 0005). */
  certificate_hash_rule: Generated<number>;
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

/** A quarter's buildings and units, kept by triggers (migration 0024) for the list's sorts. */
export interface QuarterCountsTable {
  quarter_id: string;
  buildings: Generated<number>;
  units: Generated<number>;
}

declare module '../../db/schema' {
  interface Database {
    quarters: QuartersTable;
    buildings: BuildingsTable;
    units: UnitsTable;
    owners: OwnersTable;
    unit_owners: UnitOwnersTable;
    residents: ResidentsTable;
    import_runs: ImportRunsTable;
    quarter_counts: QuarterCountsTable;
  }
}
