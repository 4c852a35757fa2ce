// What the quarter's public board (码上办) shows of the registry: the quarter's name, address and
// size, none of its owners. One lookup by primary key.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

type DB = Kysely<Database>;

export interface PublicQuarter {
  id: string;
  districtId: string;
  streetId: string;
  communityId: string;
  name: string;
  address: string;
  households: number;
}

/** The quarter as anyone may know it, or null when there is no such quarter. */
export async function publicQuarter(db: DB, quarterId: string): Promise<PublicQuarter | null> {
  const q = await db
    .selectFrom('quarters')
    .select(['id', 'district_id', 'street_id', 'community_id', 'name', 'address', 'households'])
    .where('id', '=', quarterId)
    .executeTakeFirst();
  return q ? { id: q.id, districtId: q.district_id, streetId: q.street_id, communityId: q.community_id, name: q.name, address: q.address, households: q.households } : null;
}
