// Time limits of a case (诉求) and when they run out. Pure arithmetic on instants, in China
// Standard Time (Asia/Shanghai is UTC+8 all year, with no daylight saving), so it runs in the
// browser and the server alike.
//
// How a limit is counted:
// - `hours`: that many hours after the moment the case was received (an urgent matter: a fire
//   hazard, a water supply failure);
// - `working_days`: 民法典 第201条 — the day the period starts is not counted; counting begins
//   the next working day (Monday–Friday), and 第203条 — the period ends at 24:00 of its last
//   day. A case received on a Friday afternoon with 1 working day is due at the end of Monday;
//   one received on a Saturday also at the end of Monday. The State Council's holiday calendar
//   (国务院办公厅 部分节假日安排, each year) is applied when given (WorkCalendar): its holidays are
//   not working days, and its make-up working days (调休, a Saturday or Sunday worked) are. 民法典
//   第203条: a period whose last day is a statutory holiday ends on the day after the holiday,
//   which counting only working days already gives.
// - `calendar_days`: the same, counting every day.
// A case is overdue only AFTER its deadline: at the deadline itself it is still on time.

import { shanghaiDate, type IsoDate } from '../dates';

export type LimitUnit = 'hours' | 'working_days' | 'calendar_days';

export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** China Standard Time is UTC+8, without daylight saving. */
const SHANGHAI_OFFSET = 8 * HOUR;

/** The start (00:00 China Standard Time) of the Shanghai day that holds `at`, as an instant. */
export function shanghaiDayStart(at: Date): Date {
  const local = at.getTime() + SHANGHAI_OFFSET;
  return new Date(local - (((local % DAY) + DAY) % DAY) - SHANGHAI_OFFSET);
}

/** Day of the week in Shanghai: 0 Sunday … 6 Saturday. */
export function shanghaiWeekday(at: Date): number {
  return new Date(at.getTime() + SHANGHAI_OFFSET).getUTCDay();
}

/**
 * The State Council's holidays and make-up working days (调休) by Shanghai day: the days that
 * differ from Monday–Friday. Empty when none is kept for the years concerned.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<IsoDate>;
  workdays: ReadonlySet<IsoDate>;
}

export const NO_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() };

export function isWorkingDay(at: Date, calendar: WorkCalendar = NO_CALENDAR): boolean {
  const day = shanghaiDate(at);
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const d = shanghaiWeekday(at);
  return d >= 1 && d <= 5;
}

/** The instant a limit runs out for a case received at `from` (working days by `calendar`). */
export function deadlineAfter(from: Date, limit: TimeLimit, calendar: WorkCalendar = NO_CALENDAR): Date {
  if (!Number.isInteger(limit.amount) || limit.amount < 1) throw new RangeError(`A time limit is a whole number of at least 1: ${limit.amount}`);
  if (limit.unit === 'hours') return new Date(from.getTime() + limit.amount * HOUR);
  let day = shanghaiDayStart(from);
  let counted = 0;
  while (counted < limit.amount) {
    day = new Date(day.getTime() + DAY);
    if (limit.unit === 'calendar_days' || isWorkingDay(day, calendar)) counted++;
  }
  // 24:00 of the last day, which is 00:00 of the next.
  return new Date(day.getTime() + DAY);
}

/** True once `now` is past the deadline; at the deadline itself a case is on time. */
export function isOverdue(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime();
}

/**
 * When to remind the handler before a deadline: a quarter of the time allowed before it, but at
 * least an hour and at most one day before.
 */
export function reminderAt(from: Date, deadline: Date): Date {
  const span = deadline.getTime() - from.getTime();
  const before = Math.min(DAY, Math.max(HOUR, Math.floor(span / 4)));
  return new Date(deadline.getTime() - before);
}

export function limitLabel(limit: TimeLimit): { 'zh-CN': string; en: string } {
  switch (limit.unit) {
    case 'hours':
      return { 'zh-CN': `${limit.amount} 小时`, en: `${limit.amount} hour${limit.amount === 1 ? '' : 's'}` };
    case 'working_days':
      return { 'zh-CN': `${limit.amount} 个工作日`, en: `${limit.amount} working day${limit.amount === 1 ? '' : 's'}` };
    case 'calendar_days':
      return { 'zh-CN': `${limit.amount} 日`, en: `${limit.amount} day${limit.amount === 1 ? '' : 's'}` };
  }
}
