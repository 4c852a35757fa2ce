import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addYears } from '../../dates';
import { PolicyInputError, type RuleResult } from '../types';
import { committeeFormation, type CommitteeFormationInput } from './committee-formation';

const params = committeeFormation.defaultParams;
const judge = (input: CommitteeFormationInput) => committeeFormation.evaluate(input, params) as RuleResult;

// 1 000 000.00 m² in 0.01 m²: 60% is 60 000 000 exactly.
const TOTAL = 100_000_000;

describe('committee-formation (T/ZAS 4006.1—2020 5.4.1)', () => {
  it('passes at exactly 60% of the area, whatever the delivery date', () => {
    const r = judge({ totalBuildingArea: TOTAL, deliveredArea: 60_000_000, firstDeliveryDate: null, asOf: '2025-01-01' });
    expect(r.status).toBe('pass');
    expect(r.citation).toBe('T/ZAS 4006.1—2020 5.4.1');
    expect(r.details).toMatchObject({ deliveredPercent: '60.00', path: 'area' });
  });

  it('fails at 60% minus 0.01 m², and never shows the share as 60.00%', () => {
    const r = judge({ totalBuildingArea: TOTAL, deliveredArea: 59_999_999, firstDeliveryDate: null, asOf: '2025-01-01' });
    expect(r.status).toBe('fail');
    expect(r.details).toMatchObject({ deliveredPercent: '59.99' });
    expect(r.message['zh-CN']).toContain('59.99%');
    expect(r.message['zh-CN']).toContain('未达到 60%');
    expect(r.message['zh-CN']).toContain('尚无首套房屋交付日期');
    expect(r.message.en).toContain('59.99%');
  });

  it('is exact for areas that do not divide evenly (no floating point)', () => {
    // 3 units of total: 60% is 1.8 units, so 2 pass and 1 fails.
    expect(judge({ totalBuildingArea: 3, deliveredArea: 2, firstDeliveryDate: null, asOf: '2025-01-01' }).status).toBe('pass');
    expect(judge({ totalBuildingArea: 3, deliveredArea: 1, firstDeliveryDate: null, asOf: '2025-01-01' }).status).toBe('fail');
    // 0.1 + 0.2 style trap: 30% of 10 is 3.
    expect(
      judge({ totalBuildingArea: 10, deliveredArea: 3, firstDeliveryDate: '2020-01-01', asOf: '2025-01-01' }).status,
    ).toBe('pass');
  });

  it('passes at exactly 30% once two years have passed to the day', () => {
    const r = judge({ totalBuildingArea: TOTAL, deliveredArea: 30_000_000, firstDeliveryDate: '2022-03-10', asOf: '2024-03-10' });
    expect(r.status).toBe('pass');
    expect(r.details).toMatchObject({ path: 'waiting', waitingEndsOn: '2024-03-10', waitingOver: true });
    expect(r.message['zh-CN']).toContain('首套房屋交付已满 2 年');
  });

  it('fails one day short of two years, saying when the two years are complete', () => {
    const r = judge({ totalBuildingArea: TOTAL, deliveredArea: 30_000_000, firstDeliveryDate: '2022-03-10', asOf: '2024-03-09' });
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('满 2 年之日为 2024-03-10');
    expect(r.message['zh-CN']).toContain('30.00%');
    expect(r.message.en).toContain('complete only on 2024-03-10');
  });

  it('fails after two years at 30% minus 0.01 m²', () => {
    const r = judge({ totalBuildingArea: TOTAL, deliveredArea: 29_999_999, firstDeliveryDate: '2020-01-01', asOf: '2024-03-10' });
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('29.99%');
    expect(r.message['zh-CN']).toContain('未达到 30%');
  });

  it('counts two years from a 29 February delivery to 28 February (民法典 第202条)', () => {
    const base = { totalBuildingArea: TOTAL, deliveredArea: 45_000_000, firstDeliveryDate: '2024-02-29' };
    expect(judge({ ...base, asOf: '2026-02-28' }).status).toBe('pass');
    const short = judge({ ...base, asOf: '2026-02-27' });
    expect(short.status).toBe('fail');
    expect(short.details).toMatchObject({ waitingEndsOn: '2026-02-28' });
  });

  it('fails with a clear message when the total area is 0', () => {
    const r = judge({ totalBuildingArea: 0, deliveredArea: 0, firstDeliveryDate: '2020-01-01', asOf: '2025-01-01' });
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('总建筑面积为 0');
    expect(r.details).toEqual({ reason: 'no-total-area' });
  });

  it('rejects impossible input', () => {
    const ok = { totalBuildingArea: 100, deliveredArea: 50, firstDeliveryDate: null, asOf: '2025-01-01' };
    expect(() => judge({ ...ok, deliveredArea: 101 })).toThrow(PolicyInputError);
    expect(() => judge({ ...ok, deliveredArea: -1 })).toThrow(PolicyInputError);
    expect(() => judge({ ...ok, deliveredArea: 50.5 })).toThrow(PolicyInputError);
    expect(() => judge({ ...ok, asOf: '2025-02-30' })).toThrow(PolicyInputError);
    expect(() => judge({ ...ok, firstDeliveryDate: '2024/01/01' })).toThrow(PolicyInputError);
  });

  it('is monotonic: more delivered area or a later day never turns a pass into a fail', () => {
    const date = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2018-01-01', n));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(date, { nil: null }),
        date,
        fc.integer({ min: 0, max: 1000 }),
        (total, f1, f2, first, asOf, later) => {
          const [lo, hi] = [Math.floor(total * Math.min(f1, f2)), Math.floor(total * Math.max(f1, f2))];
          const a = judge({ totalBuildingArea: total, deliveredArea: lo, firstDeliveryDate: first, asOf });
          const b = judge({ totalBuildingArea: total, deliveredArea: hi, firstDeliveryDate: first, asOf: addDays(asOf, later) });
          if (a.status === 'pass') expect(b.status).toBe('pass');
        },
      ),
    );
  });

  it('agrees with the rule as stated, for any input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        (total, f, d1, d2) => {
          const delivered = Math.floor(total * f);
          const first = addDays('2020-01-01', d1);
          const asOf = addDays('2020-01-01', d2);
          const expected =
            100n * BigInt(delivered) >= 60n * BigInt(total) ||
            (asOf >= addYears(first, 2) && 100n * BigInt(delivered) >= 30n * BigInt(total));
          expect(judge({ totalBuildingArea: total, deliveredArea: delivered, firstDeliveryDate: first, asOf }).status).toBe(
            expected ? 'pass' : 'fail',
          );
        },
      ),
    );
  });
});
