/**
 * Exact parsing of the times in a vote record. The format document says times are
 * "ISO 8601 with offset" and that `closesAt` may use `24:00` for the end of that day.
 *
 * `Date.parse` is not used: it accepts many non-ISO strings, rejects `24:00` or treats it
 * inconsistently between engines, and rounds to milliseconds. Instead the string is parsed
 * strictly and turned into whole seconds since 1970-01-01T00:00:00Z plus nanoseconds, all in
 * integers, so that "a ballot exactly at closesAt" compares equal and is inside the window.
 */

/** An instant: whole seconds since the Unix epoch (UTC) and 0…999,999,999 nanoseconds. */
export interface Instant {
  readonly seconds: number;
  readonly nanos: number;
}

const ZERO = 48; // '0'

/** The value of the `count` decimal digits at `at`, or −1 if any of them is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to the given proleptic Gregorian date (integer arithmetic only). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Parses an ISO 8601 date-time with offset, or returns `null` when the string is not one.
 * `24:00` (with zero minutes, seconds and fraction) is the end of that day, i.e. 00:00 of the
 * next day at the same offset, as ISO 8601 defines it and as the format document asks for
 * `closesAt`. Leap seconds (`:60`) are not accepted.
 */
export function parseIsoInstant(text: string): Instant | null {
  // Extended format only: YYYY-MM-DDThh:mm[:ss[.f…]] followed by Z or ±hh:mm. The offset is
  // required, because a local time without one names no instant. Up to 9 fractional digits
  // ("." or ","). Read by position rather than with a regular expression: a record holds one
  // time per ballot, and this is several times faster.
  const length = text.length;
  if (length < 17) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const t = text.charCodeAt(10);
  if (
    year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 ||
    text[4] !== '-' || text[7] !== '-' || (t !== 84 && t !== 116) /* T t */ || text[13] !== ':'
  ) {
    return null;
  }
  let at = 16;
  let second = 0;
  let nanos = 0;
  let fractionNonZero = false;
  if (text[at] === ':') {
    second = digits(text, at + 1, 2);
    if (second < 0) return null;
    at += 3;
    if (text[at] === '.' || text[at] === ',') {
      const start = ++at;
      while (at < length && digits(text, at, 1) >= 0) at++;
      const count = at - start;
      if (count < 1 || count > 9) return null;
      nanos = digits(text, start, count) * 10 ** (9 - count);
      fractionNonZero = nanos !== 0;
    }
  }
  let offsetSeconds = 0;
  const sign = text[at];
  if (sign === 'Z' || sign === 'z') {
    if (at + 1 !== length) return null;
  } else if (sign === '+' || sign === '-') {
    const offHours = digits(text, at + 1, 2);
    const offMinutes = digits(text, at + 4, 2);
    if (at + 6 !== length || text[at + 3] !== ':' || offHours < 0 || offMinutes < 0) return null;
    if (offHours > 23 || offMinutes > 59) return null;
    offsetSeconds = (sign === '-' ? -1 : 1) * (offHours * 3600 + offMinutes * 60);
  } else {
    return null;
  }
  if (month < 1 || month > 12) return null;
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day < 1 || day > monthDays) return null;
  if (minute > 59 || second > 59) return null;
  if (hour > 24) return null;
  if (hour === 24 && (minute !== 0 || second !== 0 || fractionNonZero)) return null;
  const seconds =
    daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
  return { seconds, nanos };
}

/** −1, 0 or 1 as `a` is before, at or after `b`. */
export function compareInstants(a: Instant, b: Instant): -1 | 0 | 1 {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  if (a.nanos !== b.nanos) return a.nanos < b.nanos ? -1 : 1;
  return 0;
}
