// Proactive governance (未诉先办, issue 12): the categories of cases that recur in a place are
// surfaced as the month's problems, so that the offices fix the cause rather than each complaint.
//
// The rule. A category recurs at a place in a month when either
//   - it had at least `minCount` cases (3 by default) in that month: the same trouble raised
//     again and again within weeks; or
//   - it had at least one case in each of the `months` months (3 by default) ending with that
//     month: a trouble that comes back month after month. A month without a case breaks the run.
// Months are calendar months in China Standard Time (UTC+8, no daylight saving), written YYYY-MM.

const HOUR = 3600_000;
const SHANGHAI_OFFSET = 8 * HOUR;

export const RECURRING_MIN_COUNT = 3;
export const RECURRING_MONTHS = 3;

export interface MonthCount {
  category: string;
  /** YYYY-MM */
  month: string;
  count: number;
}

export interface RecurringCategory {
  category: string;
  /** Cases of the month asked for. */
  count: number;
  /** The run of months ending with the month asked for, oldest first (0 where there were none). */
  months: { month: string; count: number }[];
}

/** The month (YYYY-MM) of an instant in Asia/Shanghai. */
export function shanghaiMonth(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 7);
}

/** The month `n` months after (or before, n < 0) a month. */
export function addMonthsTo(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first instant (00:00 China Standard Time on its 1st) of a month. */
export function shanghaiMonthStart(month: string): Date {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1) - SHANGHAI_OFFSET);
}

/** The `months` months ending with `month`, oldest first. */
export function monthsEndingWith(month: string, months: number = RECURRING_MONTHS): string[] {
  return Array.from({ length: months }, (_, i) => addMonthsTo(month, i - months + 1));
}

/** The categories that recur in `month` (the rule above), the most cases first. */
export function recurringCategories(
  counts: readonly MonthCount[],
  month: string,
  opts: { minCount?: number; months?: number } = {},
): RecurringCategory[] {
  const minCount = opts.minCount ?? RECURRING_MIN_COUNT;
  const run = monthsEndingWith(month, opts.months ?? RECURRING_MONTHS);
  const byCategory = new Map<string, Map<string, number>>();
  for (const c of counts) {
    const months = byCategory.get(c.category) ?? new Map<string, number>();
    months.set(c.month, (months.get(c.month) ?? 0) + c.count);
    byCategory.set(c.category, months);
  }
  const out: RecurringCategory[] = [];
  for (const [category, months] of byCategory) {
    const series = run.map((m) => ({ month: m, count: months.get(m) ?? 0 }));
    const count = months.get(month) ?? 0;
    if (count >= minCount || series.every((s) => s.count > 0)) out.push({ category, count, months: series });
  }
  return out.sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}
