// committee-appraisal — the committee members' performance is appraised every period.
//
// Default: yearly, 百委〔2023〕37号 二（二）7 "每年由社区党组织牵头开展考核评价，建立不合格人员退出
// 机制" — a plain imperative, so a year that ended without an appraisal fails.
// HN pack: every half year, 湘建房〔2021〕231号 四（三）"推动街道、居（村）民委员会每半年对…业主委员会
// 委员…履职情况进行评估" (annex 序号24 likewise). The HN text introduces this with "各地可建立"
// (may), so there a missed half year warns. The year-end publication of the results that HN
// asks for is not judged here.
// The running period only warns (see periodic-duty.ts).

import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts } from '../facts';
import type { RuleDefinition, RuleResult, Severity } from '../types';
import { judgePeriodicDuty, type PeriodicDutyInput, type PeriodicDutyParams } from './periodic-duty';

export type CommitteeAppraisalInput = PeriodicDutyInput;
export type CommitteeAppraisalParams = PeriodicDutyParams;

const ID = 'committee-appraisal';
const CITED = [CITATIONS.bg2b7Appraisal, CITATIONS.bgAnnex20];

export const committeeAppraisal: RuleDefinition<CommitteeAppraisalInput, CommitteeAppraisalParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会成员考核评价', en: 'Appraisal of committee members' },
  description: {
    'zh-CN': '按周期（默认每年）对业主委员会成员履职情况开展考核评价。',
    en: 'The committee members’ performance is appraised every period (yearly by default).',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { periodMonths: 12, minPerPeriod: 1, missedStatus: 'fail', lookbackPeriods: null },
  severityFor: (params): Severity => params.missedStatus,

  inputFrom(facts: QuarterFacts) {
    const c = facts.committee;
    if (!c?.termStart || !c.appraisals || !facts.asOf) return undefined;
    return { since: c.termStart, asOf: facts.asOf, dates: c.appraisals };
  },

  evaluate(input, params, context): RuleResult {
    return judgePeriodicDuty({
      rule: ID,
      citation: citeFor(context?.citations ?? CITED),
      duty: { 'zh-CN': '开展业主委员会成员考核评价', en: 'appraisal of the committee members' },
      input,
      params,
    });
  },
};
