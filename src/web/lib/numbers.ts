// Areas, counts and percentages, computed on integers. No dependencies, so that the light
// pages can use them without loading dayjs (lib/format.ts adds the dates).

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Areas travel as integers in 0.01 m² so that sums over thousands of units stay exact
 * (the vote thresholds of 民法典 第278条 compare area sums). Formatting works on the integer's
 * digits, never on a float, so 8953 is always "89.53".
 */
export function formatAreaNumber(hundredths: number | string | null | undefined, group = true): string {
  if (hundredths === null || hundredths === undefined || hundredths === '') return '';
  let value = BigInt(typeof hundredths === 'number' ? Math.trunc(hundredths) : String(hundredths).trim());
  const negative = value < 0n;
  if (negative) value = -value;
  const whole = (value / 100n).toString();
  const fraction = (value % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${group ? groupThousands(whole) : whole}.${fraction}`;
}

/** `8953` → `89.53 ㎡`; empty values become an em dash so tables stay aligned. */
export function formatArea(hundredths: number | string | null | undefined): string {
  if (hundredths === null || hundredths === undefined || hundredths === '') return '—';
  return `${formatAreaNumber(hundredths)} ㎡`;
}

/** What an area field of a form shows when editing: plain digits, no grouping, no unit. */
export function areaToInput(hundredths: number | null | undefined): string {
  if (hundredths === null || hundredths === undefined) return '';
  return formatAreaNumber(hundredths, false);
}

export const AREA_INPUT_PATTERN = /^\s*\d{1,12}(?:\.\d{0,2})?\s*$/;

/**
 * Parses what a person typed in ㎡ ("89.5", "89.53", "1,234.5") into 0.01 m² by splitting
 * the string, not by multiplying a float: 0.29 * 100 would give 28.999999999999996.
 * Returns null when the text is not an area with at most two decimals.
 */
export function parseAreaInput(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const cleaned = String(text).replace(/[,，\s]/g, '').replace(/(㎡|m²|m2)$/i, '');
  if (!/^\d{1,12}(?:\.\d{0,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  const value = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(value);
}

/**
 * part / whole as a percentage with two decimals, rounded DOWN, computed on integers: the same
 * rule as the checks' messages (core/policy/rules/shared.ts formatPercent), so that a share shown
 * in two places reads the same, and a share just below the 60% and 30% boundaries of T/ZAS
 * 4006.1—2020 5.4.1 is never shown as reaching them (59.999…% shows 59.99%).
 */
export function formatPercent(part: number | null | undefined, whole: number | null | undefined): string {
  if (part === null || part === undefined || !whole) return '—';
  const p = BigInt(Math.trunc(part));
  const w = BigInt(Math.trunc(whole));
  const negative = p * w < 0n;
  const abs = (v: bigint) => (v < 0n ? -v : v);
  const hundredthsOfPercent = (abs(p) * 10000n) / abs(w);
  const whole100 = hundredthsOfPercent / 100n;
  const frac = (hundredthsOfPercent % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole100}.${frac}%`;
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return groupThousands(String(value));
}
