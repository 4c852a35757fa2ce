// What the cases module reads of the registry: the quarters of a street or a district, by name,
// from which a joint mediation (联合调解, DB3305/T 309—2024 5.1.4.2) names its other quarters.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** The quarters of a street or of a district (id and name, with their street), by street and name. */
export async function quartersOfPlace(db: Kysely<Database>, place: { streetId: string } | { districtId: string }, limit: number): Promise<{ id: string; name: string; streetId: string | null }[]> {
  let q = db.selectFrom('quarters').select(['id', 'name', 'street_id']);
  q = 'streetId' in place ? q.where('street_id', '=', place.streetId) : q.where('district_id', '=', place.districtId);
  const rows = await q.orderBy('street_id').orderBy('name').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, streetId: r.street_id }));
}
