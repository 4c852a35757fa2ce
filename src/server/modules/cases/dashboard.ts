// The cases' card of the supervision dashboard (GET /api/dashboard): the open, overdue and
// escalated cases of the place with the most overdue ones (overdue cases go up to the street and
// show on the community's and the street's pages, 湘建房〔2021〕231号 五（二）), the three rates
// with the handling time (三率, as in 接诉即办) and the same per community, quarter or category.
// Four queries filtered by the place's indexed column, whatever the size of the district.
import { sql } from 'kysely';
import { can } from '../../platform/access';
import type { DashboardAggregate, DashboardPlace } from '../../platform/module';
import { quarterPlacesByIds } from '../registry';
import { overdueCase, queueOf, queueWhere } from './access';
import { caseRatesBy, caseRatesTotal, type RatesBy } from './overview';

/** How many overdue cases the card lists; the count says how many there are in all. */
const OVERDUE_LISTED = 10;

// One level below the place: a district's or a street's communities, a community's quarters, a quarter's categories.
const breakdownOf: Record<DashboardPlace['level'], RatesBy> = { district: 'community', street: 'community', community: 'quarter', quarter: 'category' };

export const casesDashboard: DashboardAggregate = {
  key: 'cases',
  figures: async (db, actor, place, locale) => {
    if (!can(actor, 'cases.read')) return null;
    const now = new Date();
    const at = { column: place.column, id: place.id };
    const queue = await queueOf(db, actor);
    const [{ rates, ...open }, breakdown, overdueRows] = await Promise.all([
      caseRatesTotal(db, actor, at, place.name, now),
      caseRatesBy(db, actor, { by: breakdownOf[place.level], place: at }, locale, now),
      db
        .selectFrom('cases')
        .where(queueWhere(actor, queue))
        .where(`cases.${place.column}`, '=', place.id)
        .where(overdueCase(now))
        .select(['cases.id', 'cases.quarter_id', 'cases.category_name', 'cases.status', 'cases.escalated_at', sql<Date>`case when cases.status = 'received' then cases.acknowledge_due_at else cases.resolve_due_at end`.as('due_at')])
        .orderBy('due_at')
        .orderBy('cases.id')
        .limit(OVERDUE_LISTED)
        .execute(),
    ]);
    const quarters = await quarterPlacesByIds(db, overdueRows.map((r) => r.quarter_id));
    return {
      ...open,
      overdueCases: overdueRows.map((r) => ({
        id: r.id,
        quarterId: r.quarter_id,
        quarterName: quarters.get(r.quarter_id)?.name ?? '',
        categoryName: r.category_name,
        status: r.status,
        dueAt: r.due_at,
        escalated: r.escalated_at !== null,
      })),
      rates,
      breakdown,
    };
  },
};
