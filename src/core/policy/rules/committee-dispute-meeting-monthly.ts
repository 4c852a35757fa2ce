// committee-dispute-meeting-monthly — the committee's monthly dispute-analysis meeting.
//
// DB3305/T 309—2024 5.1.4.1.3: "业主委员会实行矛盾纠纷分析例会制度，每月就排查出矛盾纠纷的情况进行
// 梳理、分析、研判，提出办理意见". Only the HZ pack puts this rule in force (ZAS has no such
// meeting). The clause states the practice without "应", so a month without a meeting warns.
// Only the last 12 months are judged by default, to keep the message about what can still be
// acted on. The running month only warns (see periodic-duty.ts).

import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts } from '../facts';
import type { RuleDefinition, RuleResult, Severity } from '../types';
import { judgePeriodicDuty, type PeriodicDutyInput, type PeriodicDutyParams } from './periodic-duty';

export type CommitteeDisputeMeetingInput = PeriodicDutyInput;
export type CommitteeDisputeMeetingParams = PeriodicDutyParams;

const ID = 'committee-dispute-meeting-monthly';
const CITED = [CITATIONS.hz51413];

export const committeeDisputeMeetingMonthly: RuleDefinition<CommitteeDisputeMeetingInput, CommitteeDisputeMeetingParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会矛盾纠纷分析例会', en: 'Monthly dispute-analysis meeting of the committee' },
  description: {
    'zh-CN': '业主委员会每月召开矛盾纠纷分析例会，梳理、分析、研判排查出的矛盾纠纷。',
    en: 'The owners’ committee meets every month to review and analyse the disputes found.',
  },
  severity: 'warn',
  citations: CITED,
  defaultParams: { periodMonths: 1, minPerPeriod: 1, missedStatus: 'warn', lookbackPeriods: 12 },
  severityFor: (params): Severity => params.missedStatus,

  inputFrom(facts: QuarterFacts) {
    const c = facts.committee;
    if (!c?.termStart || !c.disputeMeetings || !facts.asOf) return undefined;
    return { since: c.termStart, asOf: facts.asOf, dates: c.disputeMeetings };
  },

  evaluate(input, params, context): RuleResult {
    return judgePeriodicDuty({
      rule: ID,
      citation: citeFor(context?.citations ?? CITED),
      duty: { 'zh-CN': '召开矛盾纠纷分析例会', en: 'dispute-analysis meeting' },
      input,
      params,
    });
  },
};
