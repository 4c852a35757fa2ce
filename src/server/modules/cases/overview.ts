// What the cases add up to: the three rates (三率: response, resolution, satisfaction) per
// handler, quarter or category of the caller's queue; the dossier's section of a quarter with
// its open and overdue cases; and the dashboard's figures.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, type Actor } from '../../platform/access';
import type { Locale } from '../../platform/i18n';
import type { DashboardAggregate, DossierSectionProvider } from '../../platform/module';
import { caseRates, handlerLabel, type HandlerKind } from '../../../core/cases';
import { quarterPlacesByIds } from '../registry';
import { queueOf, queueWhere } from './access';
import { emergencyGapsOf } from './emergency';

type DB = Kysely<Database>;

export type RatesBy = 'handler' | 'quarter' | 'category';

/** The three rates with the handling time, grouped as asked, over the caller's queue. */
export async function caseRatesBy(db: DB, actor: Actor, query: { by: RatesBy; quarterId?: string }, locale: Locale, now: Date = new Date()) {
  assertCan(actor, 'cases.read');
  const queue = await queueOf(db, actor);
  const key =
    query.by === 'handler' ? sql<string>`cases.handler_kind || ':' || coalesce(cases.handler_department, '')` : query.by === 'quarter' ? sql<string>`cases.quarter_id::text` : sql<string>`cases.category`;
  let q = db.selectFrom('cases').where(queueWhere(actor, queue));
  if (query.quarterId) q = q.where('cases.quarter_id', '=', query.quarterId);
  const rows = await q
    .select([
      key.as('key'),
      sql<string>`min(cases.category_name)`.as('categoryName'),
      sql<number>`count(*)`.as('total'),
      sql<number>`count(*) filter (where cases.acknowledged_at is not null or cases.acknowledge_due_at < ${now})`.as('responseDue'),
      sql<number>`count(*) filter (where cases.acknowledged_at is not null and cases.acknowledged_at <= cases.acknowledge_due_at)`.as('respondedOnTime'),
      sql<number>`count(*) filter (where cases.status = 'closed')`.as('closed'),
      sql<number>`count(*) filter (where cases.rating is not null)`.as('visits'),
      sql<number>`count(*) filter (where cases.rating in ('satisfied', 'basically_satisfied'))`.as('satisfiedVisits'),
      sql<number | null>`avg(extract(epoch from (cases.replied_at - cases.received_at)) / 3600) filter (where cases.replied_at is not null)`.as('meanHours'),
    ])
    .groupBy(key)
    .orderBy(sql`count(*)`, 'desc')
    .limit(500)
    .execute();
  const quarters = query.by === 'quarter' ? await quarterPlacesByIds(db, rows.map((r) => r.key)) : new Map();
  return {
    by: query.by,
    items: rows.map((r) => {
      const figures = {
        total: Number(r.total),
        responseDue: Number(r.responseDue),
        respondedOnTime: Number(r.respondedOnTime),
        closed: Number(r.closed),
        visits: Number(r.visits),
        satisfiedVisits: Number(r.satisfiedVisits),
        meanHoursToReply: r.meanHours === null ? null : Math.round(Number(r.meanHours) * 10) / 10,
      };
      const [kind, department] = r.key.split(':');
      const label =
        query.by === 'handler'
          ? handlerLabel({ kind: kind as HandlerKind, department: department || null })[locale]
          : query.by === 'quarter'
            ? (quarters.get(r.key)?.name ?? r.key)
            : r.categoryName;
      return { key: r.key, label, ...figures, ...caseRates(figures) };
    }),
  };
}

/** Open, overdue and escalated cases of a place of the caller's queue. */
async function openFigures(db: DB, actor: Actor, quarterId?: string, now: Date = new Date()) {
  const queue = await queueOf(db, actor);
  let q = db.selectFrom('cases').where(queueWhere(actor, queue)).where('cases.status', '<>', 'closed');
  if (quarterId) q = q.where('cases.quarter_id', '=', quarterId);
  const row = await q
    .select([
      sql<number>`count(*)`.as('open'),
      sql<number>`count(*) filter (where (cases.status = 'received' and cases.acknowledge_due_at < ${now}) or (cases.status not in ('replied', 'closed') and cases.resolve_due_at < ${now}))`.as('overdue'),
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

export const casesDashboard: DashboardAggregate = {
  key: 'cases',
  figures: async (db, actor) => (actor.permissions.includes('cases.read') ? openFigures(db, actor) : {}),
};
