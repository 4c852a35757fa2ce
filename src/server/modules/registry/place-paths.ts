// Places at every level of the hierarchy: districts, streets and communities come from the
// places module, quarters and buildings from this one.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor, PlacePath, ScopeLevel } from '../../platform/access';
import { placesTree, upperPlace, type TreeNode } from '../places';
import { buildingPlace, quarterPlace } from './access';
import { quarterCountsByCommunity, quarterSummariesInScope } from './quarters';

type DB = Kysely<Database>;

/** The path of a place at any level, or null if it does not exist. */
export async function placePath(db: DB, level: ScopeLevel, id: string): Promise<PlacePath | null> {
  if (level === 'quarter') return quarterPlace(db, id);
  if (level === 'building') return buildingPlace(db, id);
  return upperPlace(db, level, id);
}

/** The name of a place at any level (a building with its quarter's name), or '' if it does not exist. */
export async function placeName(db: DB, level: ScopeLevel, id: string): Promise<string> {
  if (level === 'quarter') return (await quarterPlace(db, id))?.name ?? '';
  if (level === 'building') {
    const b = await buildingPlace(db, id);
    return b ? `${b.quarterName} ${b.name}` : '';
  }
  return (await upperPlace(db, level, id))?.name ?? '';
}

/**
 * The caller's part of the hierarchy, down to quarters, or down to communities with their quarter
 * counts (a district's quarters are thousands: a client loads a community's when it opens it).
 * A caller bound to a quarter or a building gets its quarter either way.
 */
export async function hierarchyTree(db: DB, actor: Actor, depth: 'community' | 'quarter' = 'quarter'): Promise<TreeNode[]> {
  if (depth === 'community' && ['district', 'street', 'community'].includes(actor.scope.level)) {
    return placesTree(db, actor, [], await quarterCountsByCommunity(db, actor));
  }
  return placesTree(db, actor, await quarterSummariesInScope(db, actor));
}
