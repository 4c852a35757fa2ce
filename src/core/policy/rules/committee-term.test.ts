import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../types';
import { committeeTerm } from './committee-term';
import { committeeTermExpiry, type CommitteeTermExpiryInput } from './committee-term-expiry';

const term = (termStart: string, termEnd: string) =>
  committeeTerm.evaluate({ termStart, termEnd }, committeeTerm.defaultParams) as RuleResult;
const expiry = (input: CommitteeTermExpiryInput) =>
  committeeTermExpiry.evaluate(input, committeeTermExpiry.defaultParams) as RuleResult;

describe('committee-term (T/ZAS 4006.1—2020 5.4.2)', () => {
  it('passes at exactly 3 and exactly 5 years', () => {
    expect(term('2024-06-01', '2027-06-01').status).toBe('pass');
    expect(term('2024-06-01', '2029-06-01').status).toBe('pass');
    expect(term('2024-06-01', '2028-01-15').status).toBe('pass');
    expect(term('2024-06-01', '2027-06-01').citation).toBe('T/ZAS 4006.1—2020 5.4.2');
  });

  it('fails a day under 3 years and a day over 5, showing the allowed end dates', () => {
    const short = term('2024-06-01', '2027-05-31');
    expect(short.status).toBe('fail');
    expect(short.message['zh-CN']).toContain('不足 3 年');
    expect(short.message['zh-CN']).toContain('应在 2027-06-01（满3年）至 2029-06-01（满5年）之间届满');
    const long = term('2024-06-01', '2029-06-02');
    expect(long.status).toBe('fail');
    expect(long.message['zh-CN']).toContain('超过 5 年');
  });

  it('counts a term begun on 29 February to 28 February', () => {
    expect(term('2024-02-29', '2027-02-28').status).toBe('pass');
    expect(term('2024-02-29', '2027-02-27').status).toBe('fail');
    expect(term('2024-02-29', '2029-02-28').status).toBe('pass');
    expect(term('2024-02-29', '2029-03-01').status).toBe('fail');
  });

  it('fails a term that ends before it starts', () => {
    expect(term('2024-06-01', '2024-05-01').status).toBe('fail');
  });
});

describe('committee-term-expiry', () => {
  it('passes well before the end', () => {
    const r = expiry({ termEnd: '2027-06-01', asOf: '2027-03-02' });
    expect(r.status).toBe('pass');
    expect(r.details).toMatchObject({ daysLeft: 91 });
  });

  it('warns from 90 days before the last day of the term to that day itself', () => {
    expect(expiry({ termEnd: '2027-06-01', asOf: '2027-03-03' }).status).toBe('warn'); // 90 days left
    const last = expiry({ termEnd: '2027-06-01', asOf: '2027-06-01' });
    expect(last.status).toBe('warn');
    expect(last.message['zh-CN']).toContain('还有 0 天');
  });

  it('fails the day after the term ended without re-election', () => {
    const r = expiry({ termEnd: '2027-06-01', asOf: '2027-06-02' });
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('已于 2027-06-01 届满（已过 1 天）');
  });

  it('passes once the successor is elected', () => {
    expect(expiry({ termEnd: '2027-06-01', asOf: '2027-07-01', successorElected: true }).status).toBe('pass');
  });

  it('follows the pack’s reminder period', () => {
    const r = committeeTermExpiry.evaluate({ termEnd: '2027-06-01', asOf: '2027-03-03' }, { reminderDays: 30 }) as RuleResult;
    expect(r.status).toBe('pass');
  });
});
