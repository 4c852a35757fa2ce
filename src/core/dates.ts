// Calendar dates as 'YYYY-MM-DD' strings, and periods counted the way the Civil Code counts
// them. No time zones are involved: a date here is a day of the Gregorian calendar, not an
// instant, so nothing goes through `Date` (which would shift days across UTC offsets).
//
// 民法典 第200–204条, in short:
// - 第200条 periods are counted by the Gregorian calendar in years, months, days, hours;
// - 第201条 the day on which a period starts is not counted; counting begins the next day;
// - 第202条 a period of years or months ends on the corresponding day of the last month
//   (到期月的对应日); where that month has no such day, on the last day of that month
//   (so 2024-02-29 + 2 years → 2026-02-28, and 2024-01-31 + 1 month → 2024-02-29);
// - 第203条 the period ends at 24:00 of its last day; a last day that is a statutory holiday
//   moves to the day after the holiday. That shift is NOT applied here: it concerns deadlines
//   for doing an act (filing, paying) and needs the State Council's holiday calendar. The
//   periods this project checks (how long since first delivery, how long a term lasts) are
//   waiting periods and terms, to which it does not apply.
// - 第1259条 "届满" includes the number itself: a period of two years is full (届满) on its
//   last day.
//
// So for an event on day D (the first delivery, the start of a term), D itself is not counted
// and the period of n years is complete on addYears(D, n): the corresponding day, n years on.
// `addYears` returns exactly that last day.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDay {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `value` is a real calendar day written as YYYY-MM-DD (year 0001–9999). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Splits a YYYY-MM-DD string; throws RangeError for anything that is not a real day. */
export function parseIsoDate(value: IsoDate): CalendarDay {
  if (!isIsoDate(value)) {
    throw new RangeError(`Not a calendar date in YYYY-MM-DD form: ${JSON.stringify(value)}`);
  }
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

export function formatIsoDate({ year, month, day }: CalendarDay): IsoDate {
  if (year < 1 || year > 9999) throw new RangeError(`Year out of range 1–9999: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Day number of a proleptic Gregorian date (1970-01-01 = 0), after H. Hinnant's
// days_from_civil: exact integer arithmetic, no Date and no time zone.
function dayNumber({ year, month, day }: CalendarDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): CalendarDay {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

/** -1, 0 or 1 as `a` is before, the same day as, or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a);
  parseIsoDate(b);
  // Valid YYYY-MM-DD strings of 4-digit years sort like the days they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The day `n` days after `date` (before it when n is negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'Number of days');
  return formatIsoDate(fromDayNumber(dayNumber(parseIsoDate(date)) + n));
}

/**
 * Number of days from `from` to `to`: positive when `to` is later, 0 on the same day.
 * addDays(from, daysBetween(from, to)) === to.
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(parseIsoDate(to)) - dayNumber(parseIsoDate(from));
}

/**
 * The last day of a period of `n` months counted from an event on `date` (民法典 第201–202条):
 * the corresponding day n months on, or the last day of that month when it has no such day.
 * Negative n counts backwards the same way.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'Number of months');
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/**
 * The last day of a period of `n` years counted from an event on `date`
 * (民法典 第201–202条): the corresponding day n years on; for 29 February in a year that
 * has none, 28 February. addYears('2024-02-29', 2) === '2026-02-28'.
 * The event day itself is not counted (第201条) and the period is full (届满, 第1259条) on the
 * day returned, so "at least n years since D" holds on and after addYears(D, n).
 */
export function addYears(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'Number of years');
  return addMonths(date, n * 12);
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).year;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** China Standard Time is UTC+8 all year (no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar day in Asia/Shanghai at `at`: the quarters' local time, in which every date is kept and shown. */
export function shanghaiDate(at: Date = new Date()): IsoDate {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The day and minute in Asia/Shanghai at `at`, 'YYYY-MM-DD HH:mm', as the pages show a time. */
export function shanghaiMinute(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
