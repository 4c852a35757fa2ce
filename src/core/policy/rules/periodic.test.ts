import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../dates';
import type { RuleResult } from '../types';
import { committeeAppraisal } from './committee-appraisal';
import { committeeDisputeMeetingMonthly } from './committee-dispute-meeting-monthly';
import { committeeTrainingYearly, type CommitteeTrainingMember } from './committee-training-yearly';
import { judgePeriods, periodContaining, periodsBetween } from './shared';

const training = (asOf: string, members: CommitteeTrainingMember[]) =>
  committeeTrainingYearly.evaluate({ asOf, members }, committeeTrainingYearly.defaultParams) as RuleResult;

describe('calendar periods', () => {
  it('cuts years, half years and months', () => {
    expect(periodContaining('2024-05-17', 12)).toMatchObject({ start: '2024-01-01', end: '2024-12-31' });
    expect(periodContaining('2024-05-17', 6)).toMatchObject({ start: '2024-01-01', end: '2024-06-30', label: { 'zh-CN': '2024年上半年' } });
    expect(periodContaining('2024-07-01', 6)).toMatchObject({ start: '2024-07-01', end: '2024-12-31' });
    expect(periodContaining('2024-02-10', 1)).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodsBetween('2023-11-20', '2025-01-01', 12).map((p) => p.start)).toEqual(['2023-01-01', '2024-01-01', '2025-01-01']);
    expect(periodsBetween('2025-01-02', '2025-01-01', 12)).toEqual([]);
  });

  it('covers every day between since and asOf exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 800 }), fc.constantFrom(1, 6, 12) as fc.Arbitrary<1 | 6 | 12>, (a, len, m) => {
        const since = addDays('2018-01-01', a);
        const until = addDays(since, len);
        const ps = periodsBetween(since, until, m);
        expect(ps[0].start <= since && since <= ps[0].end).toBe(true);
        expect(ps[ps.length - 1].start <= until && until <= ps[ps.length - 1].end).toBe(true);
        for (let i = 1; i < ps.length; i++) expect(addDays(ps[i - 1].end, 1)).toBe(ps[i].start);
      }),
    );
  });

  it('treats the running period as pending until its last day has passed', () => {
    const v = judgePeriods({ since: '2024-01-01', asOf: '2024-12-31', months: 12, events: [] });
    expect(v.map((x) => x.state)).toEqual(['pending']);
    const next = judgePeriods({ since: '2024-01-01', asOf: '2025-01-01', months: 12, events: [] });
    expect(next.map((x) => x.state)).toEqual(['missed', 'pending']);
  });
});

describe('committee-training-yearly (百委〔2023〕37号 二（二）7)', () => {
  it('passes when every member was trained in every year of office', () => {
    const r = training('2025-06-30', [
      { name: '张三', servingSince: '2023-05-01', trainingDates: ['2023-09-01', '2024-03-15', '2025-04-01'] },
    ]);
    expect(r.status).toBe('pass');
    expect(r.citation).toBe('百委〔2023〕37号 二（二）7');
  });

  it('fails a past year without training, naming the member and the year', () => {
    const r = training('2025-06-30', [
      { name: '张三', servingSince: '2023-05-01', trainingDates: ['2023-09-01', '2025-04-01'] },
      { name: '李四', servingSince: '2023-05-01', trainingDates: ['2023-09-01', '2024-09-01', '2025-04-01'] },
    ]);
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('张三（2024年）');
    expect(r.message['zh-CN']).not.toContain('李四');
  });

  it('only warns for the current year until 31 December, and fails on 1 January', () => {
    const member = { name: '李四', servingSince: '2024-01-10', trainingDates: [] };
    const dec31 = training('2024-12-31', [member]);
    expect(dec31.status).toBe('warn');
    expect(dec31.message['zh-CN']).toContain('2024 年尚未参加培训，应在年底前完成：李四');
    expect(training('2025-01-01', [member]).status).toBe('fail');
  });

  it('counts a training earlier in the year of taking office, and ignores future dates', () => {
    expect(training('2025-02-01', [{ name: '王五', servingSince: '2024-06-01', trainingDates: ['2024-03-01', '2025-01-15'] }]).status).toBe('pass');
    expect(training('2024-06-30', [{ name: '王五', servingSince: '2024-06-01', trainingDates: ['2024-09-01'] }]).status).toBe('warn');
  });

  it('judges only the current year when the start of office is unknown', () => {
    expect(training('2025-06-30', [{ name: '赵六', servingSince: null, trainingDates: ['2025-03-01'] }]).status).toBe('pass');
  });

  it('is not applicable for a member not yet in office', () => {
    expect(training('2025-06-30', [{ name: '赵六', servingSince: '2025-07-01', trainingDates: [] }]).status).toBe('not-applicable');
  });
});

describe('committee-appraisal', () => {
  it('yearly by default (百委〔2023〕37号 二（二）7): a year without appraisal fails', () => {
    const r = committeeAppraisal.evaluate(
      { since: '2023-03-01', asOf: '2025-02-01', dates: ['2023-12-10'] },
      committeeAppraisal.defaultParams,
    ) as RuleResult;
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('2024年未开展业主委员会成员考核评价');
    expect(r.message['zh-CN']).toContain('2025年尚未');
    expect(r.citation).toBe('百委〔2023〕37号 二（二）7');
  });

  it('half-yearly with warnings under HN-like params', () => {
    const params = { ...committeeAppraisal.defaultParams, periodMonths: 6 as const, missedStatus: 'warn' as const };
    const r = committeeAppraisal.evaluate({ since: '2024-01-01', asOf: '2024-12-01', dates: ['2024-03-01'] }, params) as RuleResult;
    expect(r.status).toBe('warn');
    expect(r.message['zh-CN']).toContain('2024年下半年尚未');
    const missed = committeeAppraisal.evaluate({ since: '2024-01-01', asOf: '2025-01-05', dates: ['2024-03-01'] }, params) as RuleResult;
    expect(missed.status).toBe('warn');
    expect(missed.message['zh-CN']).toContain('2024年下半年未开展');
  });
});

describe('committee-dispute-meeting-monthly (DB3305/T 309—2024 5.1.4.1.3)', () => {
  it('judges only the last 12 months and warns for a missed month', () => {
    const months = ['2024-08-05', '2024-09-05', '2024-10-05', '2024-11-05', '2024-12-05', '2025-01-05', '2025-02-05', '2025-03-05', '2025-04-05', '2025-05-05', '2025-07-05'];
    const r = committeeDisputeMeetingMonthly.evaluate(
      { since: '2020-01-01', asOf: '2025-07-20', dates: months },
      committeeDisputeMeetingMonthly.defaultParams,
    ) as RuleResult;
    expect(r.status).toBe('warn');
    expect(r.message['zh-CN']).toBe('2025年6月未召开矛盾纠纷分析例会。');
    expect((r.details as { periods: unknown[] }).periods).toHaveLength(12);
  });
});
