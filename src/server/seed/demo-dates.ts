// Dates for the demo: real calendar days, drawn from the seeded stream.
import { Random } from './random.ts';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

export function formatDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function randomDate(rng: Random, fromYear: number, toYear: number, notAfter: string): string {
  for (;;) {
    const year = rng.int(fromYear, toYear);
    const month = rng.int(1, 12);
    const date = formatDate(year, month, rng.int(1, daysInMonth(year, month)));
    if (date <= notAfter) return date;
  }
}
