/**
 * Citizen identity numbers (公民身份号码) of the PRC, GB 11643—1999, and masking of personal
 * data for display.
 *
 * Pure functions, no I/O: the same checks run in the browser (to tell a user what is wrong
 * while typing), in the import of Excel files and on the server.
 *
 * Layout of the 18 characters:
 *   1–6   address code (行政区划代码, GB/T 2260) where the number was first issued
 *   7–14  date of birth YYYYMMDD
 *   15–17 sequence code; the 17th digit is odd for men, even for women
 *   18    check character, ISO 7064 MOD 11-2 over the first 17 digits ("X" stands for 10)
 */

export type Sex = 'male' | 'female';

/** Why a string is not a valid identity number, from the coarsest check to the finest. */
export type IdNumberError =
  /** not 18 characters once trimmed (the old 15-digit numbers are no longer valid) */
  | 'length'
  /** not 17 digits followed by a digit or X, or an impossible address code */
  | 'characters'
  /** positions 7–14 are not a real date between 1900-01-01 and today */
  | 'birthDate'
  /** the check character does not match (a typo somewhere) */
  | 'checksum';

export type IdNumberResult =
  | { ok: true; value: string; birthDate: string; sex: Sex }
  | { ok: false; reason: IdNumberError };

/** Weights 2^(17−i) mod 11 of positions 1–17 (GB 11643—1999, 7.2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each value of (weighted sum mod 11). */
const CHECK_CHARACTERS = '10X98765432';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO 7064 MOD 11-2 check character of the first 17 digits: '0'–'9' or 'X'. */
export function checkDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('checkDigit needs exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Checks an identity number as a person types it or as a spreadsheet holds it.
 *
 * `today` (a `YYYY-MM-DD` string or a Date) bounds the birth date; without it the current
 * date in China (UTC+8, no daylight saving) is used, so a server running in UTC does not
 * reject someone born "tomorrow" in its own time zone but today in Beijing.
 */
export function parseIdNumber(input: string, today?: string | Date): IdNumberResult {
  if (typeof input !== 'string') return { ok: false, reason: 'characters' };
  // Full-width digits and letters come from Chinese input methods and from Excel sheets
  // typed with them; they are the same characters to the person who typed them.
  const value = toHalfWidth(input.trim()).toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'length' };
  // The address code never starts with 0 (province codes run from 11 to 9x).
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) return { ok: false, reason: 'characters' };

  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (year < 1900 || !isRealDate(year, month, day)) return { ok: false, reason: 'birthDate' };
  if (value.slice(6, 14) > todayCompact(today)) return { ok: false, reason: 'birthDate' };

  if (checkDigit(value.slice(0, 17)) !== value[17]) return { ok: false, reason: 'checksum' };

  return {
    ok: true,
    value,
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: (value.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Builds a valid identity number, for demo data and tests.
 *
 * `area6` is a 6-digit address code, `birthDate` `YYYY-MM-DD` (or `YYYYMMDD`), `seq3` the
 * sequence code 0–999 (its last digit odd for a man, even for a woman).
 */
export function makeIdNumber(area6: string, birthDate: string, seq3: number | string): string {
  if (!/^[1-9]\d{5}$/.test(area6)) throw new RangeError(`bad address code: ${area6}`);
  const compact =
    birthDate.length === 10 && birthDate[4] === '-' && birthDate[7] === '-'
      ? birthDate.slice(0, 4) + birthDate.slice(5, 7) + birthDate.slice(8)
      : birthDate;
  const year = Number(compact.slice(0, 4));
  if (!/^\d{8}$/.test(compact) || year < 1900 || !isRealDate(year, Number(compact.slice(4, 6)), Number(compact.slice(6)))) {
    throw new RangeError(`bad birth date: ${birthDate}`);
  }
  const seq = typeof seq3 === 'number' ? seq3 : /^\d{1,3}$/.test(seq3) ? Number(seq3) : Number.NaN;
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError(`bad sequence code: ${seq3}`);
  const first17 = area6 + compact + (seq < 10 ? '00' : seq < 100 ? '0' : '') + seq;
  return first17 + checkDigit(first17);
}

/**
 * Masks an identity number for display: first 3 and last 4 characters visible,
 * `330***********1234`. PIPL (个人信息保护法) art. 28 makes identity numbers sensitive
 * personal information, so the full number is never shown. Shorter strings keep less.
 */
export function maskIdNumber(s: string | null | undefined): string {
  if (!s) return '';
  return maskMiddle(s.trim(), 3, 4);
}

/** Masks a phone number: `13812345678` → `138****5678`. */
export function maskPhone(s: string | null | undefined): string {
  if (!s) return '';
  return maskMiddle(s.trim(), 3, 4);
}

/**
 * Masks a person's name the way Chinese public notices do: the first and last characters
 * stay, everything between becomes `*`. `张三丰` → `张*丰`, `李四` → `李*`, `欧阳娜娜` → `欧**娜`.
 */
export function maskName(s: string | null | undefined): string {
  if (!s) return '';
  // Array.from keeps characters outside the BMP (e.g. 𠮷) whole.
  const chars = Array.from(s.trim());
  if (chars.length <= 1) return chars.length === 1 ? '*' : '';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/**
 * Keeps `head` and `tail` characters when the string is long enough that a reader still
 * learns little; a short string keeps proportionally less so that it is never shown whole.
 */
function maskMiddle(s: string, head: number, tail: number): string {
  const chars = Array.from(s);
  const n = chars.length;
  if (n === 0) return '';
  if (n > head + tail) {
    return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
  }
  // Too short for the usual pattern: show at most the last quarter.
  const keep = Math.floor(n / 4);
  return '*'.repeat(n - keep) + chars.slice(n - keep).join('');
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isRealDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 ? (isLeapYear(y) ? 29 : 28) : DAYS_IN_MONTH[m - 1]);
}

/** Today as `YYYYMMDD`, in China's time zone when taken from a Date. */
function todayCompact(today?: string | Date): string {
  if (typeof today === 'string') {
    const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(today.trim());
    if (!m) throw new RangeError(`bad date for today: ${today}`);
    return `${m[1]}${m[2]}${m[3]}`;
  }
  const shanghai = new Date((today ?? new Date()).getTime() + SHANGHAI_OFFSET_MS);
  if (Number.isNaN(shanghai.getTime())) throw new RangeError('bad date for today');
  return (
    String(shanghai.getUTCFullYear()).padStart(4, '0') +
    String(shanghai.getUTCMonth() + 1).padStart(2, '0') +
    String(shanghai.getUTCDate()).padStart(2, '0')
  );
}

/** Full-width ASCII variants (U+FF01–FF5E) to their ASCII forms. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
