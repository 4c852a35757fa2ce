/**
 * The 18-character resident identity number of GB 11643-1999: 17 digits and a check
 * character (0–9 or X) computed with ISO 7064 MOD 11-2. The server checks it again; the form
 * checks it first so that a typo is caught while the person is still holding the card.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function isValidIdNumber(raw: string | null | undefined): boolean {
  if (!raw) return false;
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(value[i]) * WEIGHTS[i];
  if (CHECK_CHARS[sum % 11] !== value[17]) return false;
  // The birth date (positions 7–14) must be a real calendar date.
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Mainland mobile numbers and landlines with an area code; loose on purpose. */
export function isPlausiblePhone(raw: string | null | undefined): boolean {
  if (!raw) return false;
  return /^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$/.test(raw.trim());
}
