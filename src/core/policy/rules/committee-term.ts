// committee-term — the length of an owners' committee's term.
//
// T/ZAS 4006.1—2020 5.4.2: "任期为3至5年".
//
// How a term is measured: `termStart` is the day the term begins (the election, or the day the
// committee took office as recorded) and `termEnd` the last day of the term. The term is a
// period counted in years by the Civil Code: the start day is not counted (民法典 第201条) and
// a term of n years ends on the corresponding day n years later, or on the last day of the
// month where there is none (第202条). So a term from 2024-06-01 is exactly 3 years when it ends
// on 2027-06-01 and exactly 5 years when it ends on 2029-06-01; both pass ("3至5年" includes
// both ends), 2027-05-31 and 2029-06-02 do not. A term written with both ends inclusive
// (2024-06-01 至 2027-05-31) is, counted this way, one day short of 3 years; the message shows
// the allowed range of end dates so that the record can be put right.

import { addYears, compareDates, type IsoDate } from '../../dates';
import { CITATIONS, citeFor, forAspect } from '../citations';
import type { QuarterFacts } from '../facts';
import type { RuleDefinition, RuleResult } from '../types';
import { requireDate } from './shared';

export interface CommitteeTermInput {
  termStart: IsoDate;
  termEnd: IsoDate;
}

export interface CommitteeTermParams {
  minYears: number;
  maxYears: number;
}

const ID = 'committee-term';
const CITED = [CITATIONS.zas542Term, forAspect(CITATIONS.civil201, 'period'), forAspect(CITATIONS.civil202, 'period')];

export const committeeTerm: RuleDefinition<CommitteeTermInput, CommitteeTermParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会任期', en: 'Term of the owners’ committee' },
  description: {
    'zh-CN': '业主委员会任期为3至5年（按民法典期间计算方法计算）。',
    en: 'An owners’ committee’s term lasts 3 to 5 years, counted as the Civil Code counts periods.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { minYears: 3, maxYears: 5 },

  inputFrom(facts: QuarterFacts) {
    const c = facts.committee;
    if (!c?.termStart || !c.termEnd) return undefined;
    return { termStart: c.termStart, termEnd: c.termEnd };
  },

  evaluate(input, params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const start = requireDate(input.termStart, 'termStart');
    const end = requireDate(input.termEnd, 'termEnd');
    const { minYears, maxYears } = params;
    const earliestEnd = addYears(start, minYears);
    const latestEnd = addYears(start, maxYears);
    const details = { termStart: start, termEnd: end, earliestEnd, latestEnd };
    const rangeZh = `任期自 ${start} 起算，应在 ${earliestEnd}（满${minYears}年）至 ${latestEnd}（满${maxYears}年）之间届满`;
    const rangeEn = `a term beginning on ${start} must end between ${earliestEnd} (${minYears} years) and ${latestEnd} (${maxYears} years)`;

    if (compareDates(end, earliestEnd) < 0) {
      return {
        rule: ID,
        status: 'fail',
        citation,
        message: {
          'zh-CN': `任期至 ${end} 届满，不足 ${minYears} 年：${rangeZh}。`,
          en: `The term ends on ${end}, short of ${minYears} years: ${rangeEn}.`,
        },
        details,
      };
    }
    if (compareDates(end, latestEnd) > 0) {
      return {
        rule: ID,
        status: 'fail',
        citation,
        message: {
          'zh-CN': `任期至 ${end} 届满，超过 ${maxYears} 年：${rangeZh}。`,
          en: `The term ends on ${end}, longer than ${maxYears} years: ${rangeEn}.`,
        },
        details,
      };
    }
    return {
      rule: ID,
      status: 'pass',
      citation,
      message: {
        'zh-CN': `任期 ${start} 至 ${end}，在 ${minYears} 至 ${maxYears} 年之间。`,
        en: `The term from ${start} to ${end} lasts between ${minYears} and ${maxYears} years.`,
      },
      details,
    };
  },
};
