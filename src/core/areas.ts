/**
 * Areas as integers in 0.01 m² (`8953` = 89.53 m²).
 *
 * Voting thresholds compare areas exactly (民法典 第278条: "more than half", "two thirds"),
 * so an area must never pass through floating-point arithmetic: `0.29 * 100` is
 * 28.999999999999996 in IEEE doubles. Text is therefore parsed digit by digit, and numbers
 * (as spreadsheets hold them) are first turned into their decimal text.
 */

/** 100,000,000 m², far above any residential quarter: larger input is a typo or a unit mix-up. */
export const MAX_AREA = 10_000_000_000;

export type AreaError =
  /** nothing but blanks (or only a unit such as ㎡) */
  | 'empty'
  /** a minus sign in front of a non-zero area */
  | 'negative'
  /** not a decimal number (letters, two points, misplaced thousands separators, …) */
  | 'notNumber'
  /** a non-zero third decimal: areas are registered to 0.01 m², rounding would change them */
  | 'tooManyDecimals'
  /** above MAX_AREA */
  | 'tooLarge';

export type AreaResult = { ok: true; value: number } | { ok: false; reason: AreaError };

/** Units people write after the number in forms and spreadsheets. */
const UNIT_SUFFIX = /\s*(?:㎡|m²|m\^?2|平方米|平米|平)$/i;
/** Either plain digits or digits grouped by thousands with commas, then an optional fraction. */
const DECIMAL = /^(?:(\d{1,3}(?:,\d{3})+)|(\d*))(?:\.(\d*))?$/;

/**
 * Reads an area from what a person typed (`"89.53"`, `"89.53㎡"`, `" 1,234.5 "`) or what a
 * spreadsheet cell holds (`89.53` as a number) into an integer in 0.01 m².
 *
 * Trailing zeros beyond the second decimal are accepted (`"89.530"` is exactly 89.53 m²);
 * any other third decimal is refused rather than rounded.
 */
export function parseArea(input: string | number | null | undefined): AreaResult {
  if (input === null || input === undefined) return { ok: false, reason: 'empty' };
  if (typeof input === 'number') return parseAreaNumber(input);
  if (typeof input !== 'string') return { ok: false, reason: 'notNumber' };

  let text = toHalfWidth(input).trim().replace(UNIT_SUFFIX, '');
  if (text === '') return { ok: false, reason: 'empty' };

  let negative = false;
  if (text.startsWith('-')) {
    negative = true;
    text = text.slice(1);
  }
  const m = DECIMAL.exec(text);
  const grouped = m?.[1];
  const plain = m?.[2];
  const fraction = m?.[3];
  const integerDigits = (grouped ?? plain ?? '').replace(/,/g, '');
  if (!m || (integerDigits === '' && !fraction)) return { ok: false, reason: 'notNumber' };

  const significantFraction = (fraction ?? '').replace(/0+$/, '');
  const integerPart = integerDigits.replace(/^0+/, '');
  const isZero = integerPart === '' && significantFraction === '';
  if (negative && !isZero) return { ok: false, reason: 'negative' };
  if (significantFraction.length > 2) return { ok: false, reason: 'tooManyDecimals' };
  // MAX_AREA is 9 digits in m²; checking the length first keeps the arithmetic below exact.
  if (integerPart.length > 9) return { ok: false, reason: 'tooLarge' };

  const value = Number(integerPart || '0') * 100 + Number(significantFraction.padEnd(2, '0'));
  if (value > MAX_AREA) return { ok: false, reason: 'tooLarge' };
  return { ok: true, value };
}

/**
 * A number from a spreadsheet. Excel keeps 15 significant digits, so a cell that shows
 * 89.53 may hold 89.52999999999999 after a formula; rounding to 15 significant digits
 * recovers what the user sees, while a genuine third decimal (89.535) stays and is refused.
 */
function parseAreaNumber(n: number): AreaResult {
  if (!Number.isFinite(n)) return { ok: false, reason: 'notNumber' };
  if (n < 0) return { ok: false, reason: 'negative' };
  if (n > MAX_AREA / 100) return { ok: false, reason: 'tooLarge' };
  const text = String(Number(n.toPrecision(15)));
  // Below 1e-6 JavaScript writes an exponent: such a number has far more than 2 decimals.
  if (text.includes('e')) return { ok: false, reason: 'tooManyDecimals' };
  return parseArea(text);
}

/**
 * `8953` → `"89.53"`, always two decimals as registries print them. With `grouping`,
 * thousands are separated by commas (`"1,234.50"`), which parseArea reads back.
 */
export function formatArea(value: number, options: { grouping?: boolean } = {}): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`area must be an integer in 0.01 m²: ${value}`);
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value)).padStart(3, '0');
  let integerPart = digits.slice(0, -2);
  if (options.grouping) integerPart = integerPart.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${integerPart}.${digits.slice(-2)}`;
}

/**
 * `part / total` as a percentage with two decimals, rounded half up (half away from zero),
 * computed in integers: `percentOf(1, 3)` → `"33.33"`, `percentOf(1, 800)` → `"0.13"`.
 * Only for display: decisions compare the integers themselves (e.g. `100·delivered ≥ 60·total`).
 */
export function percentOf(part: number, total: number): string {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(total)) {
    throw new RangeError('percentOf needs integers');
  }
  if (total <= 0) throw new RangeError('percentOf needs a positive total');
  const magnitude = BigInt(Math.abs(part));
  const t = BigInt(total);
  // hundredths of a percent = part·10000/total, rounded half up: ⌊(2·part·10000 + total) / (2·total)⌋
  const hundredths = (2n * magnitude * 10000n + t) / (2n * t);
  const digits = hundredths.toString().padStart(3, '0');
  const sign = part < 0 && hundredths !== 0n ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Sum of areas, refusing anything that is not an integer so that no float sneaks in. */
export function sumAreas(areas: Iterable<number>): number {
  let sum = 0;
  for (const a of areas) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`area must be an integer in 0.01 m²: ${a}`);
    sum += a;
  }
  if (!Number.isSafeInteger(sum)) throw new RangeError('sum of areas is too large');
  return sum;
}

/** Full-width digits, point and comma (typed with Chinese input methods) to ASCII. */
function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF10-\uFF19\uFF0C\uFF0D\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
