// Table types of the places module (districts, streets, communities; migration 0001). Added to the
// Database interface by module augmentation: the module owns these tables and other modules call
// its functions.
import type { Generated } from 'kysely';
import type { DefaultTimestamp } from '../../db/schema';

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

declare module '../../db/schema' {
  interface Database {
    districts: DistrictsTable;
    streets: StreetsTable;
    communities: CommunitiesTable;
  }
}
