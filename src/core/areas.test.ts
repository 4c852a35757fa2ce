import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AREA, formatArea, parseArea, percentOf, sumAreas } from './areas.ts';

const ok = (value: number) => ({ ok: true, value });
const bad = (reason: string) => ({ ok: false, reason });

describe('parseArea', () => {
  it('reads what people type', () => {
    expect(parseArea('89.53')).toEqual(ok(8953));
    expect(parseArea('89.5')).toEqual(ok(8950));
    expect(parseArea('89')).toEqual(ok(8900));
    expect(parseArea('89.')).toEqual(ok(8900));
    expect(parseArea('.5')).toEqual(ok(50));
    expect(parseArea('0')).toEqual(ok(0));
    expect(parseArea('007.10')).toEqual(ok(710));
  });

  it('ignores blanks, units and thousands separators', () => {
    expect(parseArea('89.53㎡')).toEqual(ok(8953));
    expect(parseArea('89.53 ㎡')).toEqual(ok(8953));
    expect(parseArea('89.53m²')).toEqual(ok(8953));
    expect(parseArea('89.53 m2')).toEqual(ok(8953));
    expect(parseArea('89.53平方米')).toEqual(ok(8953));
    expect(parseArea(' 1,234.5 ')).toEqual(ok(123450));
    expect(parseArea('12,345,678.01')).toEqual(ok(1234567801));
  });

  it('reads full-width digits from Chinese input methods', () => {
    expect(parseArea('８９．５３')).toEqual(ok(8953));
    expect(parseArea('１，２３４．５')).toEqual(ok(123450));
  });

  it('accepts zeros after the second decimal, which change nothing', () => {
    expect(parseArea('89.530')).toEqual(ok(8953));
    expect(parseArea('89.5300000')).toEqual(ok(8953));
  });

  it('gets the cents right where float arithmetic does not', () => {
    expect(0.29 * 100).not.toBe(29);
    expect(parseArea('0.29')).toEqual(ok(29));
    expect(parseArea(0.29)).toEqual(ok(29));
    expect(parseArea(1.15)).toEqual(ok(115));
    expect(parseArea(89.53)).toEqual(ok(8953));
    expect(parseArea(4.35)).toEqual(ok(435));
  });

  it('reads numbers as a spreadsheet holds them, float noise included', () => {
    expect(parseArea(89)).toEqual(ok(8900));
    expect(parseArea(89.52999999999999)).toEqual(ok(8953));
    expect(parseArea(0.1 + 0.2)).toEqual(ok(30));
    expect(parseArea(-0)).toEqual(ok(0));
  });

  it('says "empty" for nothing', () => {
    for (const v of ['', '   ', '㎡', null, undefined]) expect(parseArea(v)).toEqual(bad('empty'));
  });

  it('says "negative" for a minus sign before a non-zero area', () => {
    expect(parseArea('-1')).toEqual(bad('negative'));
    expect(parseArea('-0.01')).toEqual(bad('negative'));
    expect(parseArea(-89.53)).toEqual(bad('negative'));
    expect(parseArea('-0')).toEqual(ok(0));
    expect(parseArea('-0.00')).toEqual(ok(0));
  });

  it('says "notNumber" for anything else', () => {
    for (const v of ['abc', '89.5.3', '1,23.4', '1234,567', '89,53', '8 953', '1e3', '+5', '--5', '.', '-', '89.53元', '0x10']) {
      expect(parseArea(v), v).toEqual(bad('notNumber'));
    }
    expect(parseArea(Number.NaN)).toEqual(bad('notNumber'));
    expect(parseArea(Number.POSITIVE_INFINITY)).toEqual(bad('notNumber'));
  });

  it('says "tooManyDecimals" instead of rounding', () => {
    expect(parseArea('89.535')).toEqual(bad('tooManyDecimals'));
    expect(parseArea('89.001')).toEqual(bad('tooManyDecimals'));
    expect(parseArea(89.535)).toEqual(bad('tooManyDecimals'));
    expect(parseArea(0.285)).toEqual(bad('tooManyDecimals'));
    expect(parseArea(1e-7)).toEqual(bad('tooManyDecimals'));
  });

  it('allows up to 100,000,000 m² and no more', () => {
    expect(parseArea('100000000')).toEqual(ok(MAX_AREA));
    expect(parseArea('100,000,000.00')).toEqual(ok(MAX_AREA));
    expect(parseArea(100_000_000)).toEqual(ok(MAX_AREA));
    expect(parseArea('100000000.01')).toEqual(bad('tooLarge'));
    expect(parseArea('99999999999999999999')).toEqual(bad('tooLarge'));
    expect(parseArea(100_000_000.01)).toEqual(bad('tooLarge'));
    expect(parseArea(1e300)).toEqual(bad('tooLarge'));
  });

  it('reads back every area it formats (round trip)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AREA }), fc.boolean(), (n, grouping) => {
        expect(parseArea(formatArea(n, { grouping }))).toEqual(ok(n));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a spreadsheet number n/100 back as n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AREA }), (n) => {
        expect(parseArea(n / 100)).toEqual(ok(n));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatArea', () => {
  it('prints two decimals', () => {
    expect(formatArea(8953)).toBe('89.53');
    expect(formatArea(8950)).toBe('89.50');
    expect(formatArea(5)).toBe('0.05');
    expect(formatArea(0)).toBe('0.00');
    expect(formatArea(-5)).toBe('-0.05');
    expect(formatArea(MAX_AREA)).toBe('100000000.00');
  });

  it('groups thousands on request', () => {
    expect(formatArea(123450, { grouping: true })).toBe('1,234.50');
    expect(formatArea(99999, { grouping: true })).toBe('999.99');
    expect(formatArea(MAX_AREA, { grouping: true })).toBe('100,000,000.00');
  });

  it('refuses non-integers', () => {
    expect(() => formatArea(89.53)).toThrow(RangeError);
    expect(() => formatArea(Number.NaN)).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it('rounds to two decimals, half up', () => {
    expect(percentOf(1, 3)).toBe('33.33');
    expect(percentOf(2, 3)).toBe('66.67');
    expect(percentOf(1, 8)).toBe('12.50');
    expect(percentOf(1, 800)).toBe('0.13'); // exactly 0.125
    expect(percentOf(1, 1600)).toBe('0.06'); // 0.0625
    expect(percentOf(3, 5)).toBe('60.00');
    expect(percentOf(0, 5)).toBe('0.00');
    expect(percentOf(5, 5)).toBe('100.00');
    expect(percentOf(7, 5)).toBe('140.00');
    expect(percentOf(-1, 800)).toBe('-0.13');
  });

  it('stays exact for large areas', () => {
    // 59.995 % exactly: rounds up to 60.00, where a float division could land on 59.99
    expect(percentOf(11999, 20000)).toBe('60.00');
    expect(percentOf(MAX_AREA * 900 - 1, MAX_AREA * 1000)).toBe('90.00');
    expect(percentOf(599_949_999, 1_000_000_000)).toBe('59.99');
  });

  it('refuses a zero total and non-integers', () => {
    expect(() => percentOf(1, 0)).toThrow(RangeError);
    expect(() => percentOf(0.5, 10)).toThrow(RangeError);
  });

  it('is the correctly rounded value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_AREA }), fc.integer({ min: 1, max: MAX_AREA }), (part, total) => {
        const hundredths = BigInt(percentOf(part, total).replace('.', ''));
        const p = BigInt(part) * 20000n;
        const t = BigInt(total);
        // half up: h ≤ x + 1/2 < h + 1 with x = part·10000/total
        expect(2n * hundredths * t <= p + t).toBe(true);
        expect(p + t < 2n * (hundredths + 1n) * t).toBe(true);
      }),
    );
  });
});

describe('sumAreas', () => {
  it('adds integers', () => {
    expect(sumAreas([8953, 12000, 47])).toBe(21000);
    expect(sumAreas([])).toBe(0);
    expect(sumAreas(new Set([1, 2]))).toBe(3);
  });

  it('refuses floats and overflow', () => {
    expect(() => sumAreas([89.53])).toThrow(RangeError);
    expect(() => sumAreas([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
