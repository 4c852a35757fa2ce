import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PolicyInputError, type RuleResult } from '../types';
import { committeePartyShare, type CommitteePartyShareParams } from './committee-party-share';
import { committeeReservePool } from './committee-reserve-pool';
import { statusRank } from './shared';

const share = (memberCount: number, partyMemberCount: number, params: CommitteePartyShareParams = committeePartyShare.defaultParams) =>
  committeePartyShare.evaluate({ memberCount, partyMemberCount }, params) as RuleResult;

describe('committee-party-share (西政办〔2020〕29号 二（三）7; 百委〔2023〕37号 二（一）4)', () => {
  it('passes at exactly 50%', () => {
    const r = share(10, 5);
    expect(r.status).toBe('pass');
    expect(r.citation).toBe('西政办〔2020〕29号 二（三）7');
    expect(r.details).toMatchObject({ sharePercent: '50.00' });
  });

  it('warns just below 50% (5 of 11 = 45.45%)', () => {
    const r = share(11, 5);
    expect(r.status).toBe('warn');
    expect(r.message['zh-CN']).toContain('占 45.45%');
    expect(r.message['zh-CN']).toContain('已达到不少于 30% 的底线');
  });

  it('warns at exactly 30%, fails just below', () => {
    expect(share(10, 3).status).toBe('warn');
    const r = share(7, 2); // 28.57%
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('28.57%');
    expect(r.message['zh-CN']).toContain('低于最低 30% 的要求');
    expect(share(100, 29).status).toBe('fail');
    expect(share(100, 30).status).toBe('warn');
    expect(share(100, 49).status).toBe('warn');
    expect(share(100, 50).status).toBe('pass');
  });

  it('only warns when the pack sets no floor', () => {
    expect(share(7, 0, { targetPercent: 50, floorPercent: null }).status).toBe('warn');
  });

  it('is not applicable without members and rejects impossible counts', () => {
    expect(share(0, 0).status).toBe('not-applicable');
    expect(() => share(5, 6)).toThrow(PolicyInputError);
    expect(() => share(5, -1)).toThrow(PolicyInputError);
  });

  it('never gets worse as party members are added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (n, a, b) => {
        const [lo, hi] = [Math.min(a, b, n), Math.min(Math.max(a, b), n)];
        expect(statusRank(share(n, hi).status)).toBeLessThanOrEqual(statusRank(share(n, lo).status));
      }),
    );
  });

  it('matches the integer definition for any committee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), (n, k) => {
        const p = Math.min(k, n);
        const expected = 100 * p >= 50 * n ? 'pass' : 100 * p >= 30 * n ? 'warn' : 'fail';
        expect(share(n, p).status).toBe(expected);
      }),
    );
  });
});

describe('committee-reserve-pool (百委〔2023〕37号 二（二）6)', () => {
  const pool = (party: number, others: number) =>
    committeeReservePool.evaluate(
      {
        candidates: [
          ...Array.from({ length: party }, (_, i) => ({ name: `党员${i}`, isPartyMember: true })),
          ...Array.from({ length: others }, (_, i) => ({ name: `群众${i}`, isPartyMember: false })),
        ],
      },
      committeeReservePool.defaultParams,
    ) as RuleResult;

  it('passes at exactly 50% party members and warns below', () => {
    expect(pool(2, 2).status).toBe('pass');
    expect(pool(2, 3).status).toBe('warn');
    expect(pool(2, 2).citation).toBe('百委〔2023〕37号 二（二）6');
  });

  it('warns when the pool is empty', () => {
    expect(pool(0, 0).status).toBe('warn');
    expect(pool(0, 0).message['zh-CN']).toContain('尚无');
  });
});
