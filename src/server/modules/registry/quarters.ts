// Quarters (小区): one property management area each (T/ZAS 4006.1—2020 3.2), with the facts
// the rules of other modules are computed from — total building area, area sold and
// delivered, first delivery date, households (ZAS 5.4.1).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, scopeFilter, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, conflict } from '../../platform/errors';
import { communityPlace, districtHierarchy } from '../places';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { authorizeQuarter } from './access';
import { fieldIssue } from './errors';
import type { QuartersTable } from './tables';
import type { quarterTypes } from '../../../contracts/registry';

// Kept while organizations and voting import them from this file; their home is access.ts, and
// other modules take them from '../registry'.
export { buildingPlace, quarterPlace } from './access';

type DB = Kysely<Database>;

export type QuarterType = (typeof quarterTypes)[number];

export interface QuarterInput {
  name: string;
  communityId: string;
  type?: QuarterType;
  address?: string;
  totalBuildingArea: number;
  soldArea?: number;
  deliveredArea: number;
  firstDeliveryDate: string | null;
  households: number;
}

function quarterSelect(db: DB) {
  return db
    .selectFrom('quarters as q')
    .select([
      'q.id',
      'q.name',
      'q.community_id as communityId',
      'q.street_id as streetId',
      'q.district_id as districtId',
      'q.type',
      'q.address',
      'q.total_building_area as totalBuildingArea',
      'q.sold_area as soldArea',
      'q.delivered_area as deliveredArea',
      'q.first_delivery_date as firstDeliveryDate',
      'q.households',
      'q.created_at as createdAt',
      'q.updated_at as updatedAt',
      sql<number>`(select count(*) from buildings b where b.quarter_id = q.id)`.as('buildingCount'),
      sql<number>`(select count(*) from units u where u.quarter_id = q.id)`.as('unitCount'),
      sql<number>`(select count(*) from owners o where o.quarter_id = q.id)`.as('ownerCount'),
    ]);
}

type QuarterRowView = Awaited<ReturnType<ReturnType<typeof quarterSelect>['executeTakeFirstOrThrow']>>;
type Hierarchy = Awaited<ReturnType<typeof districtHierarchy>>;
export type QuarterView = Omit<QuarterRowView, 'createdAt' | 'updatedAt'> & {
  communityName: string;
  streetName: string;
  districtName: string;
  createdAt: string;
  updatedAt: string;
};

function toView(row: QuarterRowView, places: Hierarchy): QuarterView {
  return {
    ...row,
    communityName: places.communities.find((c) => c.id === row.communityId)?.name ?? '',
    streetName: places.streets.find((s) => s.id === row.streetId)?.name ?? '',
    districtName: places.name,
    buildingCount: Number(row.buildingCount),
    unitCount: Number(row.unitCount),
    ownerCount: Number(row.ownerCount),
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function listQuarters(
  db: DB,
  actor: Actor,
  filter: { communityId?: string; streetId?: string; q?: string } = {},
): Promise<QuarterView[]> {
  const scope = scopeFilter(actor);
  const places = await districtHierarchy(db, actor.path.districtId);
  let query = quarterSelect(db).where(`q.${scope.column === 'quarter_id' ? 'id' : scope.column}`, '=', scope.value);
  if (filter.communityId) query = query.where('q.community_id', '=', filter.communityId);
  if (filter.streetId) query = query.where('q.street_id', '=', filter.streetId);
  const text = filter.q?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    // A quarter is found by its own name or address, or by its community's name.
    const communityIds = places.communities.filter((c) => c.name.includes(text)).map((c) => c.id);
    query = query.where((eb) =>
      eb.or([eb('q.name', 'like', like), eb('q.address', 'like', like), ...(communityIds.length ? [eb('q.community_id', 'in', communityIds)] : [])]),
    );
  }
  // Ordered by street, community and quarter name; the places module gives the first two in the
  // database's order of names, and the stable sort keeps the quarters' order within a community.
  const rank = (list: { id: string }[], id: string) => list.findIndex((p) => p.id === id);
  const rows = await query.orderBy('q.name').execute();
  return rows
    .map((row) => ({ row, street: rank(places.streets, row.streetId), community: rank(places.communities, row.communityId) }))
    .sort((a, b) => a.street - b.street || a.community - b.community)
    .map(({ row }) => toView(row, places));
}

/** Id, name and community of every quarter in scope, for the hierarchy tree. */
export async function quarterSummariesInScope(db: DB, actor: Actor) {
  const scope = scopeFilter(actor);
  return db
    .selectFrom('quarters')
    .select(['id', 'name', 'community_id as communityId'])
    .where(scope.column === 'quarter_id' ? 'id' : scope.column, '=', scope.value)
    .orderBy('name')
    .execute();
}

export async function getQuarter(db: DB, actor: Actor, quarterId: string): Promise<QuarterView> {
  const place = await authorizeQuarter(db, actor, quarterId, 'view');
  return toView(await quarterSelect(db).where('q.id', '=', quarterId).executeTakeFirstOrThrow(), await districtHierarchy(db, place.districtId));
}

const notAboveTotal = { 'zh-CN': '不能大于总建筑面积', en: 'cannot exceed the total building area' };

function checkAreas(input: { totalBuildingArea: number; deliveredArea: number; soldArea?: number }) {
  if (input.deliveredArea > input.totalBuildingArea) {
    throw new AppError('AREA_EXCEEDS_TOTAL', { field: '已交付面积', fieldEn: 'The delivered area' }, fieldIssue('deliveredArea', notAboveTotal));
  }
  if ((input.soldArea ?? 0) > input.totalBuildingArea) {
    throw new AppError('AREA_EXCEEDS_TOTAL', { field: '已出售面积', fieldEn: 'The sold area' }, fieldIssue('soldArea', notAboveTotal));
  }
}

export async function createQuarter(db: DB, ctx: RequestContext, input: QuarterInput): Promise<{ id: string }> {
  assertCan(ctx.actor, 'quarter.create');
  const community = await communityPlace(db, input.communityId);
  assertInScope(ctx.actor, community);
  checkAreas(input);
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
          const row = await tx
            .insertInto('quarters')
            .values({
              district_id: community!.districtId,
              street_id: community!.streetId!,
              community_id: community!.communityId!,
              name: input.name.trim(),
              type: input.type ?? 'commercial',
              address: input.address?.trim() ?? '',
              total_building_area: input.totalBuildingArea,
              sold_area: input.soldArea ?? 0,
              delivered_area: input.deliveredArea,
              first_delivery_date: input.firstDeliveryDate,
              households: input.households,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await recordAudit(tx, ctx, {
            action: 'create',
            entity: 'quarter',
            entityId: row.id,
            place: { ...community!, quarterId: row.id },
            after: input,
          });
          return row;
      }),
    () => conflict(`小区“${input.name}”`, `Quarter "${input.name}"`),
  );
}

export async function updateQuarter(
  db: DB,
  ctx: RequestContext,
  quarterId: string,
  patch: Partial<Omit<QuarterInput, 'communityId'>>,
): Promise<void> {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'quarter.update');
  await uniquely(
    () =>
      db.transaction().execute(async (tx) => {
          const before = await tx.selectFrom('quarters').selectAll().where('id', '=', quarterId).forUpdate().executeTakeFirstOrThrow();
          const next = {
            totalBuildingArea: patch.totalBuildingArea ?? before.total_building_area,
            deliveredArea: patch.deliveredArea ?? before.delivered_area,
            soldArea: patch.soldArea ?? before.sold_area,
          };
          checkAreas(next);
          const set = patchColumns<QuartersTable>()(patch, {
            name: (v) => ({ name: v.trim() }),
            type: 'type',
            address: (v) => ({ address: v.trim() }),
            totalBuildingArea: 'total_building_area',
            soldArea: 'sold_area',
            deliveredArea: 'delivered_area',
            firstDeliveryDate: 'first_delivery_date',
            households: 'households',
          });
          await tx.updateTable('quarters').set({ ...set, updated_at: new Date() }).where('id', '=', quarterId).execute();
          await recordAudit(tx, ctx, { action: 'update', entity: 'quarter', entityId: quarterId, place, before, after: patch });
      }),
    () => conflict(`小区“${patch.name}”`, `Quarter "${patch.name}"`),
  );
}

