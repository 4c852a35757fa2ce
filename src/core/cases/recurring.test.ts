import { describe, expect, it } from 'vitest';
import { addMonthsTo, monthsEndingWith, recurringCategories, shanghaiMonth, shanghaiMonthStart } from './recurring';

const c = (category: string, month: string, count: number) => ({ category, month, count });

describe('recurring categories (未诉先办)', () => {
  it('a category with exactly 3 cases in the month recurs; with 2 (and no run of months) it does not', () => {
    const out = recurringCategories([c('noise', '2026-11', 3), c('parking', '2026-11', 2)], '2026-11');
    expect(out.map((r) => r.category)).toEqual(['noise']);
    expect(out[0]).toEqual({ category: 'noise', count: 3, months: [{ month: '2026-09', count: 0 }, { month: '2026-10', count: 0 }, { month: '2026-11', count: 3 }] });
  });

  it('one case in each of three months in a row recurs; a month without one breaks the run', () => {
    const out = recurringCategories(
      [c('lift', '2026-09', 1), c('lift', '2026-10', 1), c('lift', '2026-11', 1), c('water', '2026-09', 2), c('water', '2026-11', 2), c('green', '2026-10', 5), c('green', '2026-11', 1)],
      '2026-11',
    );
    expect(out.map((r) => r.category)).toEqual(['lift']);
    expect(out[0].months.map((m) => m.count)).toEqual([1, 1, 1]);
  });

  it('months before the run and after the month do not count; the threshold may be changed', () => {
    const counts = [c('lift', '2026-08', 4), c('lift', '2026-12', 4), c('lift', '2026-11', 2)];
    expect(recurringCategories(counts, '2026-11')).toEqual([]);
    expect(recurringCategories(counts, '2026-11', { minCount: 2 }).map((r) => r.count)).toEqual([2]);
  });

  it('the most cases first, then by category', () => {
    const out = recurringCategories([c('b', '2026-11', 3), c('a', '2026-11', 3), c('z', '2026-11', 7)], '2026-11');
    expect(out.map((r) => r.category)).toEqual(['z', 'a', 'b']);
  });

  it('months in China Standard Time, across a year', () => {
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(shanghaiMonthStart('2027-01').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(addMonthsTo('2027-01', -1)).toBe('2026-12');
    expect(addMonthsTo('2026-12', 1)).toBe('2027-01');
    expect(monthsEndingWith('2027-02')).toEqual(['2026-12', '2027-01', '2027-02']);
  });
});
