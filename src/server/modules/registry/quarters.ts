// Quarters (小区): one property management area each (T/ZAS 4006.1—2020 3.2), with the facts
// the rules of other modules are computed from — total building area, area sold and
// delivered, first delivery date, households (ZAS 5.4.1).
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, scopeFilter, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, conflict } from '../../platform/errors';
import { communityPlace, districtHierarchy } from '../places';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { authorizeQuarter } from './access';
import { fieldIssue } from './errors';
import type { QuartersTable } from './tables';
import type { quarterSorts, quarterTypes } from '../../../contracts/registry';
import { containsIndexed } from './search-text';

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
    .leftJoin('quarter_counts as qc', 'qc.quarter_id', 'q.id')
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
      // Kept by the triggers of migration 0024, the figures the list sorts by.
      sql<number>`coalesce(qc.buildings, 0)`.as('buildingCount'),
      sql<number>`coalesce(qc.units, 0)`.as('unitCount'),
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

export interface QuarterListOptions {
  communityId?: string;
  streetId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
  sort?: (typeof quarterSorts)[number];
  order?: 'asc' | 'desc';
  totals?: boolean;
}

/**
 * One page of the quarters in scope, filtered and sorted in the database; the page's counts
 * (buildings, units, owners) are read for its rows only, so a page costs the same in a district
 * of 20 quarters or of 2,000 (docs/scaling.md).
 */
export async function listQuarters(db: DB, actor: Actor, options: QuarterListOptions = {}) {
  const { page = 1, pageSize = 50, sort = 'place', order = 'asc' } = options;
  const scope = scopeFilter(actor);
  const places = await districtHierarchy(db, actor.path.districtId);
  let base = db.selectFrom('quarters as q').where(`q.${scope.column === 'quarter_id' ? 'id' : scope.column}`, '=', scope.value);
  if (options.communityId) base = base.where('q.community_id', '=', options.communityId);
  if (options.streetId) base = base.where('q.street_id', '=', options.streetId);
  const text = options.q?.trim();
  if (text) {
    // A quarter is found by its own name or address, or by its community's name.
    const communityIds = places.communities.filter((c) => c.name.includes(text)).map((c) => c.id);
    base = base.where((eb) =>
      eb.or([containsIndexed('q.name', text), containsIndexed('q.address', text), ...(communityIds.length ? [eb('q.community_id', 'in', communityIds)] : [])]),
    );
  }
  // `place` orders by street, then community (each in the places module's order of names),
  // then name: the places' ranks come in as one array, so the database sorts and pages.
  const rank = (ids: string[], column: 'q.street_id' | 'q.community_id') => sql`array_position(${sql.val(ids)}::uuid[], ${sql.ref(column)})`;
  const by = {
    place: [rank(places.streets.map((x) => x.id), 'q.street_id'), rank(places.communities.map((x) => x.id), 'q.community_id'), sql.ref('q.name')],
    name: [sql.ref('q.name')],
    households: [sql.ref('q.households')],
    totalBuildingArea: [sql.ref('q.total_building_area')],
    deliveredShare: [sql`q.delivered_area::float8 / q.total_building_area`],
    firstDeliveryDate: [sql.ref('q.first_delivery_date')],
    // The counts kept by the triggers of migration 0024 (no row: none yet), not counted here:
    // counting would read every unit of the district for one page.
    buildingCount: [sql`coalesce(qc.buildings, 0)`],
    unitCount: [sql`coalesce(qc.units, 0)`],
  }[sort];
  const counted = sort === 'buildingCount' || sort === 'unitCount';
  const direction = order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const [count, pageIds, totals] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    (counted ? base.leftJoin('quarter_counts as qc', 'qc.quarter_id', 'q.id') : base)
      .select('q.id')
      .orderBy(sql.join(by.map((e) => sql`${e} ${direction}`)))
      .orderBy('q.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    options.totals ? quarterTotals(db, base) : undefined,
  ]);
  const ids = pageIds.map((r) => r.id);
  const rows = ids.length ? await quarterSelect(db).where('q.id', 'in', ids).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total: Number(count.n),
    items: ids.map((id) => toView(byId.get(id)!, places)),
    ...(totals ? { totals } : {}),
  };
}

/** The sums over every quarter the list's filter lets through (the home page's figures). */
async function quarterTotals(db: DB, base: SelectQueryBuilder<Database & { q: QuartersTable }, 'q', object>) {
  const filtered = base.select('q.id');
  const [quarters, buildings, units] = await Promise.all([
    base
      .select([
        sql<number>`count(*)`.as('quarters'),
        sql<number>`coalesce(sum(q.households), 0)`.as('households'),
        sql<number>`coalesce(sum(q.total_building_area), 0)`.as('area'),
      ])
      .executeTakeFirstOrThrow(),
    db.selectFrom('buildings').select(sql<number>`count(*)`.as('n')).where('quarter_id', 'in', filtered).executeTakeFirstOrThrow(),
    db.selectFrom('units').select(sql<number>`count(*)`.as('n')).where('quarter_id', 'in', filtered).executeTakeFirstOrThrow(),
  ]);
  return {
    quarters: Number(quarters.quarters),
    households: Number(quarters.households),
    area: Number(quarters.area),
    buildings: Number(buildings.n),
    units: Number(units.n),
  };
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

/** How many quarters each community in the actor's scope holds (one grouped count). */
export async function quarterCountsByCommunity(db: DB, actor: Actor): Promise<Map<string, number>> {
  const scope = scopeFilter(actor);
  const rows = await db
    .selectFrom('quarters')
    .select(['community_id', sql<number>`count(*)`.as('n')])
    .where(scope.column === 'quarter_id' ? 'id' : scope.column, '=', scope.value)
    .groupBy('community_id')
    .execute();
  return new Map(rows.map((r) => [r.community_id, Number(r.n)]));
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

