// Proactive governance (未诉先办, issue 12): the categories of cases that recur in a quarter, a
// community or a street, as the month's problems with their cases. The rule is
// core/cases/recurring.ts; here one grouped query counts the caller's queue by category and
// month over the months the rule looks at (the place's index on (place, received_at) bounds it).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, type Actor } from '../../platform/access';
import { monthsEndingWith, recurringCategories, shanghaiMonth, shanghaiMonthStart, addMonthsTo } from '../../../core/cases';
import { upperPlace } from '../places';
import { quarterPlace } from '../registry';
import { queueOf, queueWhere } from './access';

type DB = Kysely<Database>;
type Level = 'district' | 'street' | 'community' | 'quarter';

const CASE_IDS = 20;
const column = { district: 'district_id', street: 'street_id', community: 'community_id', quarter: 'quarter_id' } as const;

export interface RecurringQuery {
  quarterId?: string;
  streetId?: string;
  communityId?: string;
  month?: string;
}

/** The place asked for, else the caller's own (a building's people: their quarter). */
function placeAsked(actor: Actor, q: RecurringQuery): { level: Level; id: string } {
  if (q.quarterId) return { level: 'quarter', id: q.quarterId };
  if (q.communityId) return { level: 'community', id: q.communityId };
  if (q.streetId) return { level: 'street', id: q.streetId };
  if (actor.scope.level === 'building') return { level: 'quarter', id: actor.path.quarterId! };
  return { level: actor.scope.level, id: actor.scope.id };
}

export async function recurringProblems(db: DB, actor: Actor, query: RecurringQuery, now: Date = new Date()) {
  const asked = placeAsked(actor, query);
  const place = asked.level === 'quarter' ? await quarterPlace(db, asked.id) : await upperPlace(db, asked.level, asked.id);
  assertInScope(actor, place, { parentRead: true });
  assertCan(actor, 'cases.read');
  const month = query.month ?? shanghaiMonth(now);
  const run = monthsEndingWith(month);
  const queue = await queueOf(db, actor);
  const monthOf = sql<string>`to_char(cases.received_at at time zone 'Asia/Shanghai', 'YYYY-MM')`;
  const rows = await db
    .selectFrom('cases')
    .where(queueWhere(actor, queue))
    .where(`cases.${column[asked.level]}`, '=', asked.id)
    .where('cases.received_at', '>=', shanghaiMonthStart(run[0]))
    .where('cases.received_at', '<', shanghaiMonthStart(addMonthsTo(month, 1)))
    .select([
      'cases.category',
      monthOf.as('month'),
      sql<string>`min(cases.category_name)`.as('categoryName'),
      sql<number>`count(*)`.as('n'),
      sql<string[]>`(array_agg(cases.id::text order by cases.received_at desc, cases.id))[1:${sql.lit(CASE_IDS)}]`.as('ids'),
    ])
    .groupBy(['cases.category', monthOf])
    .execute();
  const names = new Map(rows.map((r) => [r.category, r.categoryName]));
  const ids = new Map(rows.filter((r) => r.month === month).map((r) => [r.category, r.ids]));
  const where = { level: asked.level, id: asked.id, name: place!.name };
  return {
    month,
    place: where,
    items: recurringCategories(
      rows.map((r) => ({ category: r.category, month: r.month, count: Number(r.n) })),
      month,
    ).map((r) => ({ category: r.category, categoryName: names.get(r.category) ?? r.category, place: where, count: r.count, months: r.months, caseIds: ids.get(r.category) ?? [] })),
  };
}
