import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RuleResult } from '../types';
import { committeeSize } from './committee-size';

const judge = (memberCount: number, households: number) =>
  committeeSize.evaluate({ memberCount, households }, committeeSize.defaultParams) as RuleResult;

describe('committee-size (T/ZAS 4006.1—2020 5.4.2)', () => {
  it.each([5, 7, 9, 11])('passes with %i members', (n) => {
    const r = judge(n, 500);
    expect(r.status).toBe('pass');
    expect(r.citation).toBe('T/ZAS 4006.1—2020 5.4.2');
  });

  it.each([4, 6, 12, 13, 1, 2, 0, 10])('fails with %i members', (n) => {
    const r = judge(n, 500);
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('应为5至11人的单数');
  });

  it('allows 3 members with 99 households but not with exactly 100 (不足100户)', () => {
    expect(judge(3, 99).status).toBe('pass');
    const r = judge(3, 100);
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('只有户数不足 100 户的小区可由 3 人组成，本小区 100 户');
  });

  it('still allows 5–11 in a small quarter, and no other small size', () => {
    expect(judge(5, 40).status).toBe('pass');
    expect(judge(4, 40).status).toBe('fail');
    expect(judge(1, 40).status).toBe('fail');
    expect(judge(4, 40).message['zh-CN']).toContain('也可由 3 人组成');
  });

  it('passes exactly for odd 5–11, or 3 below 100 households', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 300 }), (n, h) => {
        const expected = (n >= 5 && n <= 11 && n % 2 === 1) || (n === 3 && h < 100);
        expect(judge(n, h).status).toBe(expected ? 'pass' : 'fail');
      }),
    );
  });
});
