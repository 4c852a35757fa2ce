// What the cases add up to: the three rates (三率: response, resolution, satisfaction) per
// handler, quarter, category, community or street of the caller's queue; the dossier's section
// of a quarter with its open and overdue cases (the dashboard's card is dashboard.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, scopeFilter, type Actor } from '../../platform/access';
import type { Locale } from '../../platform/i18n';
import type { DossierSectionProvider } from '../../platform/module';
import { caseRates, handlerLabel, type HandlerKind } from '../../../core/cases';
import { placesWithin, upperPlaceNames } from '../places';
import { quarterPlacesByIds } from '../registry';
import { overdueCase, queueOf, queueWhere } from './access';
import { emergencyGapsOf } from './emergency';

type DB = Kysely<Database>;

export type RatesBy = 'handler' | 'quarter' | 'category' | 'community' | 'street';

/** A place the figures are narrowed to, inside the caller's queue (the dashboard's place). */
export interface CasesPlace {
  column: 'district_id' | 'street_id' | 'community_id' | 'quarter_id';
  id: string;
}

/** The columns of the three rates and the handling time over a set of cases (core/cases/rates.ts). */
function rateColumns(now: Date) {
  return [
    sql<number>`count(*)`.as('total'),
    sql<number>`count(*) filter (where cases.acknowledged_at is not null or cases.acknowledge_due_at < ${now})`.as('responseDue'),
    sql<number>`count(*) filter (where cases.acknowledged_at is not null and cases.acknowledged_at <= cases.acknowledge_due_at)`.as('respondedOnTime'),
    sql<number>`count(*) filter (where cases.status = 'closed')`.as('closed'),
    sql<number>`count(*) filter (where cases.rating is not null)`.as('visits'),
    sql<number>`count(*) filter (where cases.rating in ('satisfied', 'basically_satisfied'))`.as('satisfiedVisits'),
    sql<number | null>`avg(extract(epoch from (cases.replied_at - cases.received_at)) / 3600) filter (where cases.replied_at is not null)`.as('meanHours'),
  ] as const;
}

type RateCounts = { total: unknown; responseDue: unknown; respondedOnTime: unknown; closed: unknown; visits: unknown; satisfiedVisits: unknown; meanHours: unknown };

/** A group's figures with its rates; a group with nothing counted has null rates, never a division by zero. */
export function rateRowOf(key: string, label: string, r: RateCounts | undefined) {
  const figures = {
    total: Number(r?.total ?? 0),
    responseDue: Number(r?.responseDue ?? 0),
    respondedOnTime: Number(r?.respondedOnTime ?? 0),
    closed: Number(r?.closed ?? 0),
    visits: Number(r?.visits ?? 0),
    satisfiedVisits: Number(r?.satisfiedVisits ?? 0),
    meanHoursToReply: r?.meanHours === null || r?.meanHours === undefined ? null : Math.round(Number(r.meanHours) * 10) / 10,
  };
  return { key, label, ...figures, ...caseRates(figures) };
}

/** The caller's queue narrowed to a quarter or a place. */
async function queueCases(db: DB, actor: Actor, quarterId?: string, place?: CasesPlace) {
  const queue = await queueOf(db, actor);
  let q = db.selectFrom('cases').where(queueWhere(actor, queue));
  if (quarterId) q = q.where('cases.quarter_id', '=', quarterId);
  if (place) q = q.where(`cases.${place.column}`, '=', place.id);
  return q;
}

/**
 * The three rates with the handling time over the caller's queue narrowed to a place, as one row,
 * with its open, overdue and escalated cases: one pass over the place's cases for both.
 */
export async function caseRatesTotal(db: DB, actor: Actor, place: CasesPlace, label: string, now: Date = new Date()) {
  const row = await (await queueCases(db, actor, undefined, place))
    .select([
      ...rateColumns(now),
      sql<number>`count(*) filter (where cases.status <> 'closed')`.as('open'),
      sql<number>`count(*) filter (where cases.status <> 'closed' and ${overdueCase(now)})`.as('overdue'),
      sql<number>`count(*) filter (where cases.status <> 'closed' and cases.escalated_at is not null)`.as('escalated'),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), overdue: Number(row.overdue), escalated: Number(row.escalated), rates: rateRowOf(place.id, label, row) };
}

/**
 * The three rates with the handling time, grouped as asked, over the caller's queue (narrowed to
 * a place). By community or street every one of the place (or of the caller's scope) has its row,
 * one without cases with null rates, so that a table of them shows "—" rather than leaving it out.
 */
export async function caseRatesBy(db: DB, actor: Actor, query: { by: RatesBy; quarterId?: string; place?: CasesPlace }, locale: Locale, now: Date = new Date()) {
  assertCan(actor, 'cases.read');
  const { by } = query;
  const key =
    by === 'handler'
      ? sql<string>`cases.handler_kind || ':' || coalesce(cases.handler_department, '')`
      : by === 'quarter'
        ? sql<string>`cases.quarter_id::text`
        : by === 'community'
          ? sql<string>`cases.community_id::text`
          : by === 'street'
            ? sql<string>`cases.street_id::text`
            : sql<string>`cases.category`;
  const rows = await (await queueCases(db, actor, query.quarterId, query.place))
    .select([key.as('key'), sql<string>`min(cases.category_name)`.as('categoryName'), ...rateColumns(now)])
    .groupBy(key)
    .orderBy(sql`count(*)`, 'desc')
    .limit(500)
    .execute();
  if (by === 'community' || by === 'street') return { by, items: await withEveryPlace(db, actor, by, query, rows) };
  const quarters = by === 'quarter' ? await quarterPlacesByIds(db, rows.map((r) => r.key)) : new Map();
  return {
    by,
    items: rows.map((r) => {
      const [kind, department] = r.key.split(':');
      const label =
        by === 'handler' ? handlerLabel({ kind: kind as HandlerKind, department: department || null })[locale] : by === 'quarter' ? (quarters.get(r.key)?.name ?? r.key) : r.categoryName;
      return rateRowOf(r.key, label, r);
    }),
  };
}

/** The rows by community or street: those with cases first (most first), then the others of the place by name. */
async function withEveryPlace(db: DB, actor: Actor, by: 'community' | 'street', query: { quarterId?: string; place?: CasesPlace }, rows: (RateCounts & { key: string })[]) {
  const scope = scopeFilter(actor);
  const { column, id } = query.place ?? { column: scope.column, id: scope.value };
  // A quarter (or a caller bound to one) has one community and one street: those of its cases.
  const every = query.quarterId || column === 'quarter_id' ? [] : await placesWithin(db, by, { column, id });
  const listed = new Set(every.map((p) => p.id));
  const names = await upperPlaceNames(db, by, rows.map((r) => r.key).filter((k) => !listed.has(k)));
  for (const p of every) names.set(p.id, p.name);
  const counted = new Map(rows.map((r) => [r.key, r]));
  return [
    ...rows.map((r) => rateRowOf(r.key, names.get(r.key) ?? r.key, r)),
    ...every.filter((p) => !counted.has(p.id)).map((p) => rateRowOf(p.id, p.name, undefined)),
  ];
}

/** Open, overdue and escalated cases of a quarter or place of the caller's queue. */
async function openFigures(db: DB, actor: Actor, quarterId?: string, now: Date = new Date()) {
  const row = await (await queueCases(db, actor, quarterId))
    .where('cases.status', '<>', 'closed')
    .select([
      sql<number>`count(*)`.as('open'),
      sql<number>`count(*) filter (where ${overdueCase(now)})`.as('overdue'),
      sql<number>`count(*) filter (where cases.escalated_at is not null)`.as('escalated'),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(row.open), overdue: Number(row.overdue), escalated: Number(row.escalated) };
}

export const casesDossierSection: DossierSectionProvider = {
  key: 'cases',
  section: async (db, actor, quarterId, locale) => {
    if (!actor.permissions.includes('cases.read') || actor.role === 'owner') return null;
    const data: Record<string, number> = await openFigures(db, actor, quarterId);
    if (actor.permissions.includes('hazards.read')) {
      // Hazards not yet verified (T/ZAS 4006.1—2020 6.2.4.3).
      const h = await db.selectFrom('hazards').select(sql<number>`count(*)`.as('n')).where('quarter_id', '=', quarterId).where('status', '<>', 'verified').executeTakeFirstOrThrow();
      data.openHazards = Number(h.n);
      // Plans missing and no drill in a year (T/ZAS 4006.1—2020 6.2.4.1).
      data.emergencyGaps = (await emergencyGapsOf(db, quarterId)).length;
    }
    return { key: 'cases', title: locale === 'en' ? 'Complaints and requests' : '诉求办理', data };
  },
};
