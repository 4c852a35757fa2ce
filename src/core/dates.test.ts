import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  daysInMonth,
  isIsoDate,
  parseIsoDate,
  yearOf,
} from './dates';

// Any real day between 1900 and 2199, built from parts so that it is always valid.
const arbDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => {
    const d = Math.min(day, daysInMonth(year, month));
    return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });

describe('isIsoDate / parseIsoDate', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false); // 1900 is not a leap year
    expect(isIsoDate('2000-02-29')).toBe(true); // 2000 is
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });

  it('throws a RangeError naming the bad value', () => {
    expect(() => parseIsoDate('2024-02-30')).toThrow(RangeError);
    expect(() => parseIsoDate('2024-02-30')).toThrow('"2024-02-30"');
    expect(() => compareDates('2024-01-01', 'tomorrow')).toThrow(RangeError);
  });
});

describe('addYears (民法典 第202条)', () => {
  it('ends on the corresponding day', () => {
    expect(addYears('2022-03-10', 2)).toBe('2024-03-10');
    expect(addYears('2021-12-31', 3)).toBe('2024-12-31');
  });

  it('ends on the last day of the month when the corresponding day does not exist', () => {
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', 100)).toBe('2124-02-29');
    expect(addYears('2096-02-29', 4)).toBe('2100-02-28'); // 2100 is not a leap year
  });

  it('counts backwards the same way', () => {
    expect(addYears('2026-02-28', -2)).toBe('2024-02-28');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
  });

  it('rejects fractional years and bad dates', () => {
    expect(() => addYears('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addYears('2024-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
  });
});

describe('addDays / daysBetween / compareDates', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(daysBetween('2026-02-28', '2024-02-29')).toBe(-730);
    expect(daysBetween('1970-01-01', '1970-01-01')).toBe(0);
  });

  it('orders dates', () => {
    expect(compareDates('2024-02-29', '2024-03-01')).toBe(-1);
    expect(compareDates('2024-03-01', '2024-03-01')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
  });

  it('daysBetween and addDays are inverse, and agree with compareDates', () => {
    fc.assert(
      fc.property(arbDate, arbDate, (a, b) => {
        const n = daysBetween(a, b);
        expect(addDays(a, n)).toBe(b);
        expect(Math.sign(n)).toBe(compareDates(b, a));
      }),
    );
  });

  it('agrees with the platform calendar in UTC', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -40000, max: 40000 }), (a, n) => {
        const utc = new Date(`${a}T00:00:00Z`);
        utc.setUTCDate(utc.getUTCDate() + n);
        fc.pre(utc.getUTCFullYear() >= 1000 && utc.getUTCFullYear() <= 9999);
        expect(addDays(a, n)).toBe(utc.toISOString().slice(0, 10));
      }),
    );
  });
});

describe('addYears properties', () => {
  it('keeps the month, never goes past the original day, and moves by n years', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -50, max: 50 }), (d, n) => {
        const r = parseIsoDate(addYears(d, n));
        const o = parseIsoDate(d);
        expect(r.month).toBe(o.month);
        expect(r.year).toBe(o.year + n);
        expect(r.day).toBeLessThanOrEqual(o.day);
        // Only 29 February ever moves, and only to the 28th.
        if (r.day !== o.day) expect([o.month, o.day, r.day]).toEqual([2, 29, 28]);
        expect(yearOf(addYears(d, n))).toBe(o.year + n);
      }),
    );
  });

  it('is monotonic: a later event never gives an earlier end', () => {
    fc.assert(
      fc.property(arbDate, arbDate, fc.integer({ min: 0, max: 10 }), (a, b, n) => {
        if (compareDates(a, b) <= 0) expect(compareDates(addYears(a, n), addYears(b, n))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('shanghaiDate', () => {
  it('turns the day at 16:00 UTC, midnight in China Standard Time', async () => {
    const { shanghaiDate } = await import('./dates');
    expect(shanghaiDate(new Date('2026-06-30T15:59:59.999Z'))).toBe('2026-06-30');
    expect(shanghaiDate(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01');
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
});

describe('shanghaiMinute', () => {
  it('shows the minute in China Standard Time across the day boundary', async () => {
    const { shanghaiMinute } = await import('./dates');
    expect(shanghaiMinute(new Date('2026-06-30T15:59:59.999Z'))).toBe('2026-06-30 23:59');
    expect(shanghaiMinute(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01 00:00');
    expect(shanghaiMinute(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01 00:30');
  });
});
