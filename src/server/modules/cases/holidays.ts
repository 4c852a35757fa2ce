// The State Council's holiday calendar (国务院办公厅 部分节假日安排): the holidays and the make-up
// working days (调休) by which working-day time limits are counted (core/cases/deadlines.ts,
// 民法典 第201、203条). A national calendar, kept by the district office: the migration fills the
// years whose notice is published (2026: 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04);
// the next year's is entered here (or with `gongzhi holiday set`) when its notice comes out.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { addDays, shanghaiDate, type IsoDate } from '../../../core/dates';
import type { TimeLimit, WorkCalendar } from '../../../core/cases';

type Exec = Kysely<Database> | Transaction<Database>;

/** The longest working-day limit a category may set is far below a year. */
const HORIZON_DAYS = 400;

/** The calendar of the days from `from` on that a time limit can reach. */
export async function workCalendar(db: Exec, from: Date): Promise<WorkCalendar> {
  const start = shanghaiDate(from);
  const rows = await db.selectFrom('public_calendar_days').select(['day', 'kind']).where('day', '>=', start).where('day', '<=', addDays(start, HORIZON_DAYS)).execute();
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  for (const r of rows) (r.kind === 'holiday' ? holidays : workdays).add(String(r.day).slice(0, 10));
  return { holidays, workdays };
}

/** The calendar for a limit, read only when the limit counts working days. */
export async function calendarFor(db: Exec, from: Date, ...limits: TimeLimit[]): Promise<WorkCalendar | undefined> {
  return limits.some((l) => l.unit === 'working_days') ? workCalendar(db, from) : undefined;
}

const dayOut = (r: { day: string; kind: 'holiday' | 'workday'; name: string; source: string }) => ({ day: String(r.day).slice(0, 10), kind: r.kind, name: r.name, source: r.source });

/** The days of a year (or of every year kept), in order. */
export async function listCalendarDays(db: Exec, actor: Actor, year?: number) {
  assertCan(actor, 'cases.read');
  let q = db.selectFrom('public_calendar_days').select(['day', 'kind', 'name', 'source']).orderBy('day');
  if (year !== undefined) q = q.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  const rows = await q.execute();
  return { items: rows.map(dayOut) };
}

/** Sets a day a holiday or a make-up working day (replacing what it was). */
export async function setCalendarDay(db: Kysely<Database>, ctx: RequestContext, day: IsoDate, input: { kind: 'holiday' | 'workday'; name: string; source?: string | null }) {
  assertCan(ctx.actor, 'holidays.manage');
  return db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('public_calendar_days').select(['day', 'kind', 'name', 'source']).where('day', '=', day).forUpdate().executeTakeFirst();
    const values = { kind: input.kind, name: input.name, source: input.source ?? '', updated_at: new Date() };
    const row = await tx
      .insertInto('public_calendar_days')
      .values({ day, ...values })
      .onConflict((oc) => oc.column('day').doUpdateSet(values))
      .returning(['day', 'kind', 'name', 'source'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entity: 'public_calendar_day', entityId: null, place: ctx.actor.path, before: before ? dayOut(before) : null, after: dayOut(row) });
    return dayOut(row);
  });
}

/** Takes a day off the calendar: it is again a working day exactly when it is Monday to Friday. */
export async function removeCalendarDay(db: Kysely<Database>, ctx: RequestContext, day: IsoDate) {
  assertCan(ctx.actor, 'holidays.manage');
  return db.transaction().execute(async (tx) => {
    const before = await tx.deleteFrom('public_calendar_days').where('day', '=', day).returning(['day', 'kind', 'name', 'source']).executeTakeFirst();
    if (!before) throw notFound();
    await recordAudit(tx, ctx, { action: 'delete', entity: 'public_calendar_day', entityId: null, place: ctx.actor.path, before: dayOut(before) });
    return { day };
  });
}
