// The registry module's permissions, and its authorize… functions: load the record's place, check
// the actor's scope (404), then the permission (403). Every service of the module asks here.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, defineGrants, OFFICES, type Actor, type PlacePath } from '../../platform/access';
import { placeOfRow } from '../../platform/db-helpers';

// Who may do what with the registry. Owners' personal data is read by those who serve or
// represent the owners; residents' data (including people needing care) by those who look
// after them (ZAS 6.2.2.2). Departments and mediators see quarters, not people.
export const registryGrants = defineGrants({
  'quarter.create': OFFICES,
  'quarter.update': [...OFFICES, 'commissioner'],
  'registry.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker'],
  'registry.write': [...OFFICES, 'commissioner', 'company'],
  'registry.import': [...OFFICES, 'commissioner', 'company'],
  'owners.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'company'],
  'residents.read': [...OFFICES, 'commissioner', 'grid_worker', 'building_leader'],
  'residents.write': [...OFFICES, 'commissioner', 'grid_worker'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof registryGrants, true> {}
}

type DB = Kysely<Database>;

export async function quarterPlace(db: DB, quarterId: string): Promise<(PlacePath & { name: string }) | null> {
  const q = await db
    .selectFrom('quarters')
    .select(['id', 'name', 'district_id', 'street_id', 'community_id'])
    .where('id', '=', quarterId)
    .executeTakeFirst();
  return q ? { districtId: q.district_id, streetId: q.street_id, communityId: q.community_id, quarterId: q.id, name: q.name } : null;
}

export async function buildingPlace(db: DB, buildingId: string): Promise<(PlacePath & { name: string; quarterName: string }) | null> {
  const b = await db
    .selectFrom('buildings')
    .innerJoin('quarters', 'quarters.id', 'buildings.quarter_id')
    .select(['buildings.id', 'buildings.name', 'quarters.name as quarterName', 'quarters.id as quarterId', 'quarters.district_id', 'quarters.street_id', 'quarters.community_id'])
    .where('buildings.id', '=', buildingId)
    .executeTakeFirst();
  return b
    ? {
        districtId: b.district_id,
        streetId: b.street_id,
        communityId: b.community_id,
        quarterId: b.quarterId,
        buildingId: b.id,
        name: b.name,
        quarterName: b.quarterName,
      }
    : null;
}

type RegistryPermission = keyof typeof registryGrants;
/** What is done with a record: one of the registry's permissions, or `view` (anyone in scope). */
export type RegistryAction = RegistryPermission | 'view';

// A building's account (building leader, ZAS 6.2.2.2) works inside its quarter: the quarter and
// the records of the quarter (owners, residents, import runs) are in its scope, and its role's
// permissions decide what it may do with them (403 where it may not, as for any role inside its
// place). Another building's own records (a building, its units) stay outside its scope (404).
function check(actor: Actor, place: PlacePath | null, action: RegistryAction) {
  assertInScope(actor, place, { parentRead: true });
  if (action !== 'view') assertCan(actor, action);
}

/** A quarter the actor may act on: its path and name; 404 outside scope, then 403 without the permission. */
export async function authorizeQuarter(db: DB, actor: Actor, quarterId: string, action: RegistryAction): Promise<PlacePath & { name: string }> {
  const place = await quarterPlace(db, quarterId);
  check(actor, place, action);
  return place!;
}

/** A building the actor may act on, with its path, name and quarter's name. */
export async function authorizeBuilding(db: DB, actor: Actor, buildingId: string, action: RegistryAction) {
  const place = await buildingPlace(db, buildingId);
  check(actor, place, action);
  return place!;
}

/** A unit the actor may act on, with its path and label (`building number`). */
export async function authorizeUnit(db: DB, actor: Actor, unitId: string, action: RegistryAction): Promise<PlacePath & { label: string }> {
  const u = await db
    .selectFrom('units as u')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('quarters as q', 'q.id', 'u.quarter_id')
    .select(['u.number', 'b.name as buildingName', 'u.building_id', 'q.id as quarter_id', 'q.district_id', 'q.street_id', 'q.community_id'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  const place = u ? { ...placeOfRow(u), label: `${u.buildingName} ${u.number}` } : null;
  check(actor, place, action);
  return place!;
}

/** The path of an owner's quarter, or null. */
export async function ownerPlace(db: DB, ownerId: string): Promise<PlacePath | null> {
  const o = await db
    .selectFrom('owners as o')
    .innerJoin('quarters as q', 'q.id', 'o.quarter_id')
    .select(['q.id as quarter_id', 'q.district_id', 'q.street_id', 'q.community_id'])
    .where('o.id', '=', ownerId)
    .executeTakeFirst();
  return o ? placeOfRow(o) : null;
}

/** An owner the actor may act on: the path of the owner's quarter. */
export async function authorizeOwner(db: DB, actor: Actor, ownerId: string, action: RegistryAction): Promise<PlacePath> {
  const place = await ownerPlace(db, ownerId);
  check(actor, place, action);
  return place!;
}

/** A resident the actor may act on: the path of the resident's quarter, and the quarter's id. */
export async function authorizeResident(db: DB, actor: Actor, residentId: string, action: RegistryAction): Promise<PlacePath & { quarterId: string }> {
  const r = await db
    .selectFrom('residents as r')
    .innerJoin('quarters as q', 'q.id', 'r.quarter_id')
    .select(['q.id as quarter_id', 'q.district_id', 'q.street_id', 'q.community_id'])
    .where('r.id', '=', residentId)
    .executeTakeFirst();
  const place = r ? { ...placeOfRow(r), quarterId: r.quarter_id } : null;
  check(actor, place, action);
  return place!;
}

/** An import run the actor may read, with the path of its quarter. */
export async function authorizeImportRun(db: DB, actor: Actor, importId: string, action: RegistryAction) {
  const run = await db.selectFrom('import_runs').selectAll().where('id', '=', importId).executeTakeFirst();
  const place = run ? await quarterPlace(db, run.quarter_id) : null;
  check(actor, place, action);
  return { run: run!, place: place! };
}
