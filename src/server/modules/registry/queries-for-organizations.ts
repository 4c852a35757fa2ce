// What the organisations module needs to know from the registry, asked through functions so
// that it never reads the registry's tables itself (docs/architecture.md, "The module template": a module owns its tables).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { scopeFilter, type Actor, type PlacePath } from '../../platform/access';
import { placeOfRow } from '../../platform/db-helpers';

type DB = Kysely<Database>;
type Exec = Kysely<Database> | Transaction<Database>;

export interface OwnerStanding {
  id: string;
  quarterId: string;
  name: string;
  kind: string;
  /** Units the owner holds now (alone or with co-owners). */
  unitCount: number;
}

/**
 * The owners among `ownerIds` with their quarter and how many units they hold now. Being an
 * owner "of the management area" (T/ZAS 4006.1—2020 5.4.3) means holding a unit in it today,
 * not merely having been registered once: an owner who sold their flat has unitCount 0.
 */
export async function ownerStandings(db: DB, ownerIds: string[]): Promise<Map<string, OwnerStanding>> {
  const map = new Map<string, OwnerStanding>();
  const ids = [...new Set(ownerIds)];
  if (!ids.length) return map;
  const rows = await db
    .selectFrom('owners as o')
    .select([
      'o.id',
      'o.quarter_id',
      'o.name',
      'o.kind',
      sql<number>`(select count(*) from unit_owners uo where uo.owner_id = o.id)`.as('unitCount'),
    ])
    .where('o.id', 'in', ids)
    .execute();
  for (const r of rows) map.set(r.id, { id: r.id, quarterId: r.quarter_id, name: r.name, kind: r.kind, unitCount: Number(r.unitCount) });
  return map;
}

/** Person owners of a quarter who hold at least one unit, largest holdings first (for demo data). */
export async function personOwnersWithUnits(db: DB, quarterId: string, limit: number): Promise<{ id: string; name: string; phone: string | null }[]> {
  return db
    .selectFrom('owners as o')
    .select(['o.id', 'o.name', 'o.phone'])
    .where('o.quarter_id', '=', quarterId)
    .where('o.kind', '=', 'person')
    .where(sql<boolean>`exists (select 1 from unit_owners uo where uo.owner_id = o.id)`)
    .orderBy('o.created_at')
    .orderBy('o.id')
    .limit(limit)
    .execute();
}

/** Buildings of a quarter by id and name (for building leaders in demo data). */
export async function buildingsOfQuarter(db: DB, quarterId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('buildings').select(['id', 'name']).where('quarter_id', '=', quarterId).orderBy(sql`length(name)`).orderBy('name').execute();
}

export interface QuarterFactsRow extends PlacePath {
  quarterId: string;
  name: string;
  totalBuildingArea: number;
  deliveredArea: number;
  firstDeliveryDate: string | null;
  households: number;
}

function toFactsRow(q: {
  id: string;
  name: string;
  district_id: string;
  street_id: string;
  community_id: string;
  total_building_area: number;
  delivered_area: number;
  first_delivery_date: string | null;
  households: number;
}): QuarterFactsRow {
  return {
    quarterId: q.id,
    name: q.name,
    districtId: q.district_id,
    streetId: q.street_id,
    communityId: q.community_id,
    totalBuildingArea: q.total_building_area,
    deliveredArea: q.delivered_area,
    firstDeliveryDate: q.first_delivery_date,
    households: q.households,
  };
}

const factColumns = ['id', 'name', 'district_id', 'street_id', 'community_id', 'total_building_area', 'delivered_area', 'first_delivery_date', 'households'] as const;

/** The registry facts (ZAS 5.4.1 areas, households) of every quarter in the actor's scope, in one query. */
export async function quarterFactsInScope(db: DB, actor: Actor): Promise<QuarterFactsRow[]> {
  const scope = scopeFilter(actor);
  const rows = await db
    .selectFrom('quarters')
    .select([...factColumns])
    .where(scope.column === 'quarter_id' ? 'id' : scope.column, '=', scope.value)
    .orderBy('name')
    .execute();
  return rows.map(toFactsRow);
}

/** How many quarters the actor's scope holds (one count, so that a kept list can tell whether it covers them all). */
export async function quarterCountInScope(db: DB, actor: Actor): Promise<number> {
  const scope = scopeFilter(actor);
  const row = await db
    .selectFrom('quarters')
    .select(sql<number>`count(*)`.as('n'))
    .where(scope.column === 'quarter_id' ? 'id' : scope.column, '=', scope.value)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The same facts for given quarters (used by reminders, which run without an actor). */
export async function quarterFactsByIds(db: DB, quarterIds: string[]): Promise<Map<string, QuarterFactsRow>> {
  const map = new Map<string, QuarterFactsRow>();
  const ids = [...new Set(quarterIds)];
  if (!ids.length) return map;
  const rows = await db.selectFrom('quarters').select([...factColumns]).where('id', 'in', ids).execute();
  for (const r of rows) map.set(r.id, toFactsRow(r));
  return map;
}

export type QuarterPlaceRow = PlacePath & { quarterId: string; name: string };

/** The places (district › street › community › quarter) and names of the given quarters. */
export async function quarterPlacesByIds(db: Exec, quarterIds: string[]): Promise<Map<string, QuarterPlaceRow>> {
  const map = new Map<string, QuarterPlaceRow>();
  const ids = [...new Set(quarterIds)];
  if (!ids.length) return map;
  const rows = await db.selectFrom('quarters').select(['id', 'name', 'district_id', 'street_id', 'community_id']).where('id', 'in', ids).execute();
  for (const q of rows) map.set(q.id, { ...placeOfRow({ ...q, quarter_id: q.id }), quarterId: q.id, name: q.name });
  return map;
}

/** One quarter's place and name, or null when there is no such quarter. */
export async function quarterPlaceById(db: Exec, quarterId: string): Promise<QuarterPlaceRow | null> {
  return (await quarterPlacesByIds(db, [quarterId])).get(quarterId) ?? null;
}

/** The given buildings with their quarter and name (a building leader's building, its name in a list). */
export async function buildingsByIds(db: Exec, buildingIds: string[]): Promise<Map<string, { id: string; quarterId: string; name: string }>> {
  const map = new Map<string, { id: string; quarterId: string; name: string }>();
  const ids = [...new Set(buildingIds)];
  if (!ids.length) return map;
  const rows = await db.selectFrom('buildings').select(['id', 'quarter_id', 'name']).where('id', 'in', ids).execute();
  for (const b of rows) map.set(b.id, { id: b.id, quarterId: b.quarter_id, name: b.name });
  return map;
}

/** How many quarters a district, street, community (or one quarter) holds: the dashboard's platform figure. */
export async function quarterCountIn(db: Exec, place: { column: 'district_id' | 'street_id' | 'community_id' | 'quarter_id'; id: string }): Promise<number> {
  const row = await db
    .selectFrom('quarters')
    .select(sql<string>`count(*)`.as('n'))
    .where(place.column === 'quarter_id' ? 'id' : place.column, '=', place.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
