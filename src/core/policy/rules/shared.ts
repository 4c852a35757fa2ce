// Small helpers the rules share: input checks, exact percentages, names lists, and calendar
// periods for the duties that recur every month, half year or year.

import { compareDates, daysInMonth, isIsoDate, type IsoDate, maxDate, parseIsoDate } from '../../dates';
import { PolicyInputError, type Localized, type RuleStatus } from '../types';

// ---- input checks -------------------------------------------------------------------------

export function requireCount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new PolicyInputError(field, {
      'zh-CN': `${field} 应为不小于 0 的整数，实际为 ${JSON.stringify(value)}`,
      en: `${field} must be a whole number ≥ 0, got ${JSON.stringify(value)}`,
    });
  }
  return value;
}

export function requireDate(value: unknown, field: string): IsoDate {
  if (!isIsoDate(value)) {
    throw new PolicyInputError(field, {
      'zh-CN': `${field} 应为 YYYY-MM-DD 格式的有效日期，实际为 ${JSON.stringify(value)}`,
      en: `${field} must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}`,
    });
  }
  return value;
}

export function requireArray<T>(value: unknown, field: string): T[] {
  if (!Array.isArray(value)) {
    throw new PolicyInputError(field, { 'zh-CN': `${field} 应为列表`, en: `${field} must be a list` });
  }
  return value as T[];
}

export function requireBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw new PolicyInputError(field, {
      'zh-CN': `${field} 应为是或否（true/false），实际为 ${JSON.stringify(value)}`,
      en: `${field} must be true or false, got ${JSON.stringify(value)}`,
    });
  }
  return value;
}

// ---- exact percentages ----------------------------------------------------------------------

/**
 * part / whole ≥ percent / 100, decided in exact integer arithmetic (100·part ≥ percent·whole)
 * so that 60% of an area is never missed by a rounding error. `percent` is a whole number.
 * "以上" and "不少于" include the number itself (民法典 第1259条), hence ≥.
 */
export function reachesPercent(part: number, whole: number, percent: number): boolean {
  return BigInt(part) * 100n >= BigInt(percent) * BigInt(whole);
}

/**
 * part / whole as a percentage with two decimals, rounded DOWN, for messages: a share just
 * below a threshold must never be shown as reaching it (59.999…% shows 59.99%, not 60.00%).
 */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const hundredths = (BigInt(part) * 10000n) / BigInt(whole);
  const whole100 = hundredths / 100n;
  const frac = hundredths % 100n;
  return `${whole100}.${frac.toString().padStart(2, '0')}`;
}

/** An area in 0.01 m² written in m² with two decimals. */
export function formatArea(hundredths: number): string {
  const v = BigInt(hundredths);
  return `${v / 100n}.${(v % 100n).toString().padStart(2, '0')}`;
}

// ---- words ------------------------------------------------------------------------------------

export function listNames(names: readonly string[]): Localized {
  return { 'zh-CN': names.join('、'), en: names.join(', ') };
}

const STATUS_RANK: Record<RuleStatus, number> = { 'not-applicable': 0, pass: 1, warn: 2, fail: 3 };

/** The worst of several statuses: fail over warn over pass over not-applicable. */
export function worstStatus(statuses: readonly RuleStatus[]): RuleStatus {
  return statuses.reduce<RuleStatus>((w, s) => (STATUS_RANK[s] > STATUS_RANK[w] ? s : w), 'not-applicable');
}

export function statusRank(status: RuleStatus): number {
  return STATUS_RANK[status];
}

// ---- calendar periods -----------------------------------------------------------------------

export type PeriodMonths = 1 | 6 | 12;

export interface CalendarPeriod {
  start: IsoDate;
  end: IsoDate;
  label: Localized;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function periodContaining(date: IsoDate, months: PeriodMonths): CalendarPeriod {
  const { year, month } = parseIsoDate(date);
  const firstMonth = Math.floor((month - 1) / months) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const start = `${year}-${pad2(firstMonth)}-01`;
  const end = `${year}-${pad2(lastMonth)}-${pad2(daysInMonth(year, lastMonth))}`;
  const label: Localized =
    months === 12
      ? { 'zh-CN': `${year}年`, en: `${year}` }
      : months === 6
        ? firstMonth === 1
          ? { 'zh-CN': `${year}年上半年`, en: `${year} H1` }
          : { 'zh-CN': `${year}年下半年`, en: `${year} H2` }
        : { 'zh-CN': `${year}年${month}月`, en: `${year}-${pad2(month)}` };
  return { start, end, label };
}

function nextDay(date: IsoDate): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  if (day < daysInMonth(year, month)) return `${year}-${pad2(month)}-${pad2(day + 1)}`;
  if (month < 12) return `${year}-${pad2(month + 1)}-01`;
  return `${year + 1}-01-01`;
}

/** The calendar periods (months, half years or years) that overlap [since, until], in order. */
export function periodsBetween(since: IsoDate, until: IsoDate, months: PeriodMonths): CalendarPeriod[] {
  const periods: CalendarPeriod[] = [];
  if (compareDates(since, until) > 0) return periods;
  let p = periodContaining(since, months);
  for (;;) {
    periods.push(p);
    if (compareDates(p.end, until) >= 0) break;
    p = periodContaining(nextDay(p.end), months);
  }
  return periods;
}

export interface PeriodVerdict {
  period: CalendarPeriod;
  /** Events in the period (up to asOf). */
  count: number;
  /** 'done', 'missed' (period over, too few), 'pending' (period still running, too few so far). */
  state: 'done' | 'missed' | 'pending';
}

/**
 * Judges a duty that must happen at least `minPerPeriod` times in every calendar period from
 * `since` to `asOf`. A period is over once its last day has passed: on 31 December the year's
 * duty can still be done, so that period is 'pending', not 'missed'. Events after `asOf` are
 * ignored (they cannot have happened yet). Periods before `lookbackFrom` are not judged.
 */
export function judgePeriods(args: {
  since: IsoDate;
  asOf: IsoDate;
  months: PeriodMonths;
  events: readonly IsoDate[];
  minPerPeriod?: number;
  lookbackFrom?: IsoDate;
}): PeriodVerdict[] {
  const { asOf, months, events } = args;
  const min = args.minPerPeriod ?? 1;
  const since = args.lookbackFrom ? maxDate(args.since, periodContaining(args.lookbackFrom, months).start) : args.since;
  const happened = events.filter((d) => compareDates(d, asOf) <= 0);
  return periodsBetween(since, asOf, months).map((period) => {
    const count = happened.filter((d) => compareDates(d, period.start) >= 0 && compareDates(d, period.end) <= 0).length;
    const over = compareDates(period.end, asOf) < 0;
    return { period, count, state: count >= min ? 'done' : over ? 'missed' : 'pending' };
  });
}
