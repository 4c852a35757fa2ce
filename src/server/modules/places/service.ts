// Places: districts, streets and communities (区 › 街道 › 社区). Quarters and buildings belong to
// the registry module, which builds on this one: it resolves paths at every level (placePath) and
// hands the quarters to placesTree, so this module imports no other.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, type Actor, type PlacePath, type ScopeLevel } from '../../platform/access';
import { uniquely } from '../../platform/db-helpers';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { conflict, notFound } from '../../platform/errors';

type DB = Kysely<Database>;

export type UpperLevel = 'district' | 'street' | 'community';

/** A district, street or community with its path and name, or null if it does not exist. */
export async function upperPlace(db: DB, level: UpperLevel, id: string): Promise<(PlacePath & { name: string }) | null> {
  switch (level) {
    case 'district': {
      const d = await db.selectFrom('districts').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
      return d ? { districtId: d.id, name: d.name } : null;
    }
    case 'street': {
      const s = await db.selectFrom('streets').select(['id', 'district_id', 'name']).where('id', '=', id).executeTakeFirst();
      return s ? { districtId: s.district_id, streetId: s.id, name: s.name } : null;
    }
    case 'community':
      return communityPlace(db, id);
  }
}

/**
 * @deprecated The path of a district, street or community (null for other levels): kept while
 * organizations/bodies.ts imports it from this file; call `upperPlace` from '../places', or
 * `placePath` from '../registry' for every level.
 */
export async function placePath(db: DB, level: ScopeLevel, id: string): Promise<PlacePath | null> {
  return level === 'quarter' || level === 'building' ? null : upperPlace(db, level, id);
}

export async function communityPlace(db: DB, communityId: string): Promise<(PlacePath & { name: string }) | null> {
  const c = await db
    .selectFrom('communities')
    .select(['id', 'street_id', 'district_id', 'name'])
    .where('id', '=', communityId)
    .executeTakeFirst();
  return c ? { districtId: c.district_id, streetId: c.street_id, communityId: c.id, name: c.name } : null;
}

/**
 * A district's name with its streets and communities, each list in the database's order of
 * their names: what the registry shows beside its quarters and sorts them by.
 */
export async function districtHierarchy(db: DB, districtId: string) {
  const [district, streets, communities] = await Promise.all([
    db.selectFrom('districts').select(['id', 'name']).where('id', '=', districtId).executeTakeFirst(),
    db.selectFrom('streets').select(['id', 'name']).where('district_id', '=', districtId).orderBy('name').execute(),
    db.selectFrom('communities').select(['id', 'name', 'street_id as streetId']).where('district_id', '=', districtId).orderBy('name').execute(),
  ]);
  return { name: district?.name ?? '', streets, communities };
}

export async function districtPolicyPack(db: DB, districtId: string): Promise<string> {
  const d = await db.selectFrom('districts').select('policy_pack').where('id', '=', districtId).executeTakeFirst();
  return d?.policy_pack ?? 'ZAS';
}

export interface TreeNode {
  id: string;
  level: 'district' | 'street' | 'community' | 'quarter';
  name: string;
  children: TreeNode[];
  quarterCount?: number;
}

/**
 * The caller's part of the hierarchy, down to the given quarters (those in the caller's scope);
 * with `quarterCounts`, community nodes carry their count instead of the quarters.
 */
export async function placesTree(
  db: DB,
  actor: Actor,
  quarters: { id: string; name: string; communityId: string }[],
  quarterCounts?: Map<string, number>,
): Promise<TreeNode[]> {
  const districtIds = [actor.path.districtId];
  let streets = db.selectFrom('streets').select(['id', 'name', 'district_id']).where('district_id', 'in', districtIds);
  let communities = db.selectFrom('communities').select(['id', 'name', 'street_id']).where('district_id', 'in', districtIds);
  if (actor.scope.level !== 'district') {
    streets = streets.where('id', '=', actor.path.streetId ?? '00000000-0000-0000-0000-000000000000');
    if (actor.scope.level !== 'street') {
      communities = communities.where('id', '=', actor.path.communityId ?? '00000000-0000-0000-0000-000000000000');
    } else {
      communities = communities.where('street_id', '=', actor.path.streetId!);
    }
  }
  const district = await db.selectFrom('districts').select(['id', 'name']).where('id', '=', actor.path.districtId).executeTakeFirstOrThrow();
  const streetRows = await streets.orderBy('name').execute();
  const communityRows = await communities.orderBy('name').execute();
  const quarterNode = (q: { id: string; name: string }): TreeNode => ({ id: q.id, level: 'quarter', name: q.name, children: [] });
  const communityNode = (c: { id: string; name: string }): TreeNode => ({
    id: c.id,
    level: 'community',
    name: c.name,
    children: quarters.filter((q) => q.communityId === c.id).map(quarterNode),
    ...(quarterCounts ? { quarterCount: quarterCounts.get(c.id) ?? 0 } : {}),
  });
  const streetNode = (s: { id: string; name: string }): TreeNode => ({
    id: s.id,
    level: 'street',
    name: s.name,
    children: communityRows.filter((c) => c.street_id === s.id).map(communityNode),
  });
  switch (actor.scope.level) {
    case 'district':
      return [{ id: district.id, level: 'district', name: district.name, children: streetRows.map(streetNode) }];
    case 'street':
      return streetRows.map(streetNode);
    case 'community':
      return communityRows.map(communityNode);
    default:
      return quarters.map(quarterNode);
  }
}

/** Every district's id: for the work the server does for each district on its own (periodic jobs). */
export async function allDistrictIds(db: DB): Promise<string[]> {
  return (await db.selectFrom('districts').select('id').orderBy('id').execute()).map((d) => d.id);
}

export async function listDistricts(db: DB, actor: Actor) {
  return db
    .selectFrom('districts')
    .select(['id', 'name', 'policy_pack as policyPack'])
    .where('id', '=', actor.path.districtId)
    .execute();
}

export async function listStreets(db: DB, actor: Actor, districtId?: string) {
  let q = db.selectFrom('streets').select(['id', 'name', 'district_id as districtId']).where('district_id', '=', actor.path.districtId);
  if (districtId) q = q.where('district_id', '=', districtId);
  if (actor.scope.level !== 'district') q = q.where('id', '=', actor.path.streetId ?? '00000000-0000-0000-0000-000000000000');
  return q.orderBy('name').execute();
}

export async function listCommunities(db: DB, actor: Actor, streetId?: string) {
  let q = db
    .selectFrom('communities')
    .select(['id', 'name', 'street_id as streetId', 'district_id as districtId'])
    .where('district_id', '=', actor.path.districtId);
  if (streetId) q = q.where('street_id', '=', streetId);
  if (actor.scope.level === 'street') q = q.where('street_id', '=', actor.path.streetId!);
  else if (actor.scope.level !== 'district') q = q.where('id', '=', actor.path.communityId ?? '00000000-0000-0000-0000-000000000000');
  return q.orderBy('name').execute();
}

export async function createStreet(db: DB, ctx: RequestContext, input: { districtId: string; name: string }) {
  assertCan(ctx.actor, 'places.manage');
  if (ctx.actor.scope.level !== 'district') throw notFound();
  const place = await upperPlace(db, 'district', input.districtId);
  assertInScope(ctx.actor, place);
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
          const row = await tx.insertInto('streets').values({ district_id: input.districtId, name: input.name.trim() }).returning('id').executeTakeFirstOrThrow();
          await recordAudit(tx, ctx, { action: 'create', entity: 'street', entityId: row.id, place: { districtId: input.districtId, streetId: row.id }, after: input });
          return row;
      }),
    () => conflict(`街道“${input.name}”`, `Street "${input.name}"`),
  );
}

export async function createCommunity(db: DB, ctx: RequestContext, input: { streetId: string; name: string }) {
  assertCan(ctx.actor, 'places.manage');
  const place = await upperPlace(db, 'street', input.streetId);
  assertInScope(ctx.actor, place);
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
          const row = await tx
            .insertInto('communities')
            .values({ district_id: place!.districtId, street_id: input.streetId, name: input.name.trim() })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(tx, ctx, {
            action: 'create',
            entity: 'community',
            entityId: row.id,
            place: { districtId: place!.districtId, streetId: input.streetId, communityId: row.id },
            after: input,
          });
          return row;
      }),
    () => conflict(`社区“${input.name}”`, `Community "${input.name}"`),
  );
}

/**
 * The streets or communities inside a district, street or community, by name: the rows of a
 * table per community or street (the three rates), which must show a place with nothing to count.
 */
export async function placesWithin(db: DB, level: 'street' | 'community', within: { column: 'district_id' | 'street_id' | 'community_id'; id: string }): Promise<{ id: string; name: string }[]> {
  if (level === 'street') {
    if (within.column === 'community_id') {
      const c = await db.selectFrom('communities').select('street_id').where('id', '=', within.id).executeTakeFirst();
      return c ? db.selectFrom('streets').select(['id', 'name']).where('id', '=', c.street_id).execute() : [];
    }
    return db.selectFrom('streets').select(['id', 'name']).where(within.column === 'district_id' ? 'district_id' : 'id', '=', within.id).orderBy('name').execute();
  }
  return db.selectFrom('communities').select(['id', 'name']).where(within.column === 'community_id' ? 'id' : within.column, '=', within.id).orderBy('name').execute();
}

/** The names of the given streets or communities. */
export async function upperPlaceNames(db: DB, level: 'street' | 'community', ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.selectFrom(level === 'street' ? 'streets' : 'communities').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
