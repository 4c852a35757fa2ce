// Buildings (楼栋) of a quarter.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { conflict } from '../../platform/errors';
import type { BuildingsTable } from './tables';
import { authorizeBuilding, authorizeQuarter } from './access';

type DB = Kysely<Database>;

export async function listBuildings(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarter(db, actor, quarterId, 'registry.read');
  let q = db
    .selectFrom('buildings as b')
    .select([
      'b.id',
      'b.name',
      'b.floors',
      sql<number>`(select count(*) from units u where u.building_id = b.id)`.as('unitCount'),
      sql<number>`coalesce((select sum(u.exclusive_area) from units u where u.building_id = b.id), 0)`.as('totalArea'),
    ])
    .where('b.quarter_id', '=', quarterId);
  if (actor.scope.level === 'building') q = q.where('b.id', '=', actor.scope.id);
  const rows = await q.orderBy(sql`length(b.name)`).orderBy('b.name').execute();
  return rows.map((r) => ({ ...r, unitCount: Number(r.unitCount), totalArea: Number(r.totalArea) }));
}

export async function createBuilding(db: DB, ctx: RequestContext, quarterId: string, input: { name: string; floors?: number | null }) {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'registry.write');
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('buildings')
          .values({ district_id: place.districtId, quarter_id: quarterId, name: input.name.trim(), floors: input.floors ?? null })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(tx, ctx, { action: 'create', entity: 'building', entityId: row.id, place, after: input });
        return row;
      }),
    () => conflict(`楼栋“${input.name}”`, `Building "${input.name}"`),
  );
}

export async function updateBuilding(db: DB, ctx: RequestContext, buildingId: string, patch: { name?: string; floors?: number | null }) {
  const place = await authorizeBuilding(db, ctx.actor, buildingId, 'registry.write');
  const set = patchColumns<BuildingsTable>()(patch, { name: (v) => ({ name: v.trim() }), floors: 'floors' });
  await uniquely(
    () =>
      db.transaction().execute(async (tx) => {
        const before = await tx.selectFrom('buildings').selectAll().where('id', '=', buildingId).executeTakeFirstOrThrow();
        if (Object.keys(set).length) await tx.updateTable('buildings').set(set).where('id', '=', buildingId).execute();
        await recordAudit(tx, ctx, { action: 'update', entity: 'building', entityId: buildingId, place, before, after: patch });
      }),
    () => conflict(`楼栋“${patch.name}”`, `Building "${patch.name}"`),
  );
}
