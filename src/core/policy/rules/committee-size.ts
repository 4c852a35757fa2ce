// committee-size — how many members an owners' committee may have.
//
// T/ZAS 4006.1—2020 5.4.2: "由5至11人单数组成，户数不足100户的，可由3人组成".
// - "5至11人单数": 5, 7, 9 or 11 ("至" includes both ends).
// - "不足100户": fewer than 100 households. "不足" leaves the number out (like "不满",
//   民法典 第1259条), so a quarter of exactly 100 households may NOT have a committee of 3;
//   one of 99 may. A small quarter may still choose 5–11.

import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts } from '../facts';
import type { RuleDefinition, RuleResult } from '../types';
import { requireCount } from './shared';

export interface CommitteeSizeInput {
  memberCount: number;
  /** Households (户数) of the quarter. */
  households: number;
}

export interface CommitteeSizeParams {
  minMembers: number;
  maxMembers: number;
  /** An odd number of members is required ("单数"), so that votes cannot tie. */
  oddOnly: boolean;
  /** Quarters with fewer households than this … */
  smallQuarterBelowHouseholds: number;
  /** … may have a committee of this size. */
  smallQuarterMembers: number;
}

const ID = 'committee-size';
const CITED = [CITATIONS.zas542Size];

export const committeeSize: RuleDefinition<CommitteeSizeInput, CommitteeSizeParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会人数', en: 'Size of the owners’ committee' },
  description: {
    'zh-CN': '业主委员会由5至11人单数组成；户数不足100户的小区可由3人组成。',
    en: 'An owners’ committee has an odd number of members from 5 to 11; a quarter of fewer than 100 households may have 3.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { minMembers: 5, maxMembers: 11, oddOnly: true, smallQuarterBelowHouseholds: 100, smallQuarterMembers: 3 },

  inputFrom(facts: QuarterFacts) {
    const members = facts.committee?.members;
    if (!members || facts.households === undefined) return undefined;
    return { memberCount: members.length, households: facts.households };
  },

  evaluate(input, params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const n = requireCount(input.memberCount, 'memberCount');
    const households = requireCount(input.households, 'households');
    const { minMembers, maxMembers, oddOnly, smallQuarterBelowHouseholds, smallQuarterMembers } = params;
    const inRange = n >= minMembers && n <= maxMembers && (!oddOnly || n % 2 === 1);
    const small = households < smallQuarterBelowHouseholds;
    const details = { memberCount: n, households, smallQuarter: small };
    const rangeZh = `${minMembers}至${maxMembers}人${oddOnly ? '的单数' : ''}`;
    const rangeEn = `${oddOnly ? 'an odd number ' : ''}from ${minMembers} to ${maxMembers}`;

    if (inRange) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: { 'zh-CN': `业主委员会 ${n} 人，符合${rangeZh}的要求。`, en: `The committee has ${n} members: ${rangeEn}, as required.` },
        details,
      };
    }
    if (n === smallQuarterMembers && small) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: {
          'zh-CN': `小区 ${households} 户，不足 ${smallQuarterBelowHouseholds} 户，业主委员会可由 ${n} 人组成。`,
          en: `The quarter has ${households} households, fewer than ${smallQuarterBelowHouseholds}, so a committee of ${n} is allowed.`,
        },
        details,
      };
    }
    let zh = `业主委员会 ${n} 人，不符合要求：应为${rangeZh}`;
    let en = `The committee has ${n} members, which is not allowed: it must be ${rangeEn}`;
    if (n === smallQuarterMembers) {
      zh += `；只有户数不足 ${smallQuarterBelowHouseholds} 户的小区可由 ${n} 人组成，本小区 ${households} 户`;
      en += `; only a quarter of fewer than ${smallQuarterBelowHouseholds} households may have ${n}, and this one has ${households}`;
    } else if (small) {
      zh += `（本小区 ${households} 户，也可由 ${smallQuarterMembers} 人组成）`;
      en += ` (with ${households} households this quarter may also have ${smallQuarterMembers})`;
    }
    return { rule: ID, status: 'fail', citation, message: { 'zh-CN': `${zh}。`, en: `${en}.` }, details };
  },
};
