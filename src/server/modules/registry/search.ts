// One search box for quarters, owners and units within the caller's scope.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { can, scopeFilter, type Actor } from '../../platform/access';
import { listQuarters } from './quarters';
import { containsText } from './search-text';

type DB = Kysely<Database>;

export async function searchRegistry(db: DB, actor: Actor, text: string) {
  const quarters = (await listQuarters(db, actor, { q: text, page: 1, pageSize: 20 })).items;
  const scope = scopeFilter(actor);
  const col = `q.${scope.column === 'quarter_id' ? 'id' : scope.column}` as const;
  const owners = can(actor, 'owners.read')
    ? await db
        .selectFrom('owners as o')
        .innerJoin('quarters as q', 'q.id', 'o.quarter_id')
        .select(['o.id', 'o.name', 'o.kind', 'o.id_number_masked as idNumberMasked', 'q.id as quarterId', 'q.name as quarterName'])
        .where(col, '=', scope.value)
        .where(containsText('o.name', text))
        .orderBy('o.name')
        .limit(20)
        .execute()
    : [];
  let unitQuery = db
    .selectFrom('units as u')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .innerJoin('quarters as q', 'q.id', 'u.quarter_id')
    .select(['u.id', 'u.number', 'b.name as buildingName', 'q.id as quarterId', 'q.name as quarterName'])
    .where(col, '=', scope.value)
    .where(containsText('u.number', text));
  if (actor.scope.level === 'building') unitQuery = unitQuery.where('u.building_id', '=', actor.scope.id);
  const units = can(actor, 'registry.read')
    ? (await unitQuery.orderBy('q.name').orderBy('u.number').limit(20).execute()).map((u) => ({
        id: u.id,
        label: `${u.buildingName} ${u.number}`,
        quarterId: u.quarterId,
        quarterName: u.quarterName,
      }))
    : [];
  return { quarters, owners, units };
}
