// A duty of the owners' committee that recurs in every calendar period (month, half year, year)
// while it is in office: appraisal, dispute-analysis meetings. One result for the committee.
//
// Why the running period only warns: "每年…1次" / "每半年…" can still be met until the period's
// last day, so a period that has not ended without the duty done is a reminder (warn), not a
// breach; once the period is over without it, the pack's status for a missed period applies.
// The first period counts from the day the committee took office even when it is a part period,
// because the texts ask for the duty in every period of office and give no exception.

import { addMonths, type IsoDate } from '../../dates';
import type { Localized, RuleResult, Severity } from '../types';
import { judgePeriods, type PeriodMonths, requireArray, requireDate } from './shared';

export interface PeriodicDutyInput {
  /** The day the committee took office (its term start). */
  since: IsoDate;
  asOf: IsoDate;
  /** Days on which the duty was done. */
  dates: IsoDate[];
}

export interface PeriodicDutyParams {
  periodMonths: PeriodMonths;
  minPerPeriod: number;
  /** Status for a period that ended without the duty done. */
  missedStatus: Severity;
  /** Judge only this many latest periods (the running one included); null: all. */
  lookbackPeriods: number | null;
}

export function judgePeriodicDuty(args: {
  rule: string;
  citation: string;
  duty: Localized;
  input: PeriodicDutyInput;
  params: PeriodicDutyParams;
}): RuleResult {
  const { rule, citation, duty, params } = args;
  const since = requireDate(args.input.since, 'since');
  const asOf = requireDate(args.input.asOf, 'asOf');
  const dates = requireArray<IsoDate>(args.input.dates, 'dates').map((d, i) => requireDate(d, `dates[${i}]`));
  const lookbackFrom =
    params.lookbackPeriods === null ? undefined : addMonths(asOf, -(params.lookbackPeriods - 1) * params.periodMonths);
  const verdicts = judgePeriods({ since, asOf, months: params.periodMonths, events: dates, minPerPeriod: params.minPerPeriod, lookbackFrom });
  const missed = verdicts.filter((v) => v.state === 'missed');
  const pending = verdicts.filter((v) => v.state === 'pending');
  const details = {
    periods: verdicts.map((v) => ({ start: v.period.start, end: v.period.end, count: v.count, state: v.state })),
  };
  if (verdicts.length === 0) {
    return {
      rule,
      status: 'not-applicable',
      citation,
      message: { 'zh-CN': `评估日 ${asOf} 早于任期开始日 ${since}。`, en: `The evaluation day ${asOf} is before the term began (${since}).` },
      details,
    };
  }
  const missedZh = missed.map((v) => v.period.label['zh-CN']).join('、');
  const missedEn = missed.map((v) => v.period.label.en).join(', ');
  const pendingZh = pending.map((v) => v.period.label['zh-CN']).join('、');
  const pendingEn = pending.map((v) => v.period.label.en).join(', ');
  if (missed.length > 0) {
    return {
      rule,
      status: params.missedStatus,
      citation,
      message: {
        'zh-CN': `${missedZh}未${duty['zh-CN']}${pending.length ? `；${pendingZh}尚未${duty['zh-CN']}` : ''}。`,
        en: `No ${duty.en} in ${missedEn}${pending.length ? `; none yet in ${pendingEn}` : ''}.`,
      },
      details,
    };
  }
  if (pending.length > 0) {
    const last = pending[pending.length - 1].period.end;
    return {
      rule,
      status: 'warn',
      citation,
      message: {
        'zh-CN': `${pendingZh}尚未${duty['zh-CN']}，应在 ${last} 前完成。`,
        en: `No ${duty.en} yet in ${pendingEn}; due by ${last}.`,
      },
      details,
    };
  }
  return {
    rule,
    status: 'pass',
    citation,
    message: {
      'zh-CN': `自 ${since} 起每个周期均已${duty['zh-CN']}。`,
      en: `A ${duty.en} was held in every period since ${since}.`,
    },
    details,
  };
}
