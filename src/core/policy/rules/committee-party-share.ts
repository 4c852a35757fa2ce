// committee-party-share — the share of party members on the owners' committee.
//
// 西政办〔2020〕29号 二（三）7: "进一步提高新组建或新换届业主委员会中的党员比例，原则上党员比例要达到
// 50%以上，最低不少于30%". The target ("原则上…50%以上") is a goal that may be missed for cause,
// so falling short of it warns; the floor ("最低不少于30%") is a minimum, so falling below it
// fails. "以上" and "不少于" include the number (民法典 第1259条): exactly 50% passes, exactly 30%
// only warns. 百委〔2023〕37号 二（一）4 (附件1 序号14) sets the same target ("逐步…提高至50%
// 左右") but no floor; the BG pack therefore has floorPercent null (see packs.ts).
//
// Decided exactly in integers: 100·partyMembers ≥ 50·members.

import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts } from '../facts';
import { PolicyInputError, type RuleDefinition, type RuleResult, type Severity } from '../types';
import { formatPercent, reachesPercent, requireCount } from './shared';

export interface CommitteePartyShareInput {
  memberCount: number;
  partyMemberCount: number;
}

export interface CommitteePartyShareParams {
  /** Share (whole percent) the committee should reach; below it: warn. */
  targetPercent: number;
  /** Share below which the committee fails; null where the pack sets no floor. */
  floorPercent: number | null;
}

const ID = 'committee-party-share';
const CITED = [CITATIONS.xh2c7Share, CITATIONS.bg2a4, CITATIONS.bgAnnex14];

export const committeePartyShare: RuleDefinition<CommitteePartyShareInput, CommitteePartyShareParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会党员比例', en: 'Party members on the owners’ committee' },
  description: {
    'zh-CN': '业主委员会成员中党员比例原则上达到50%以上，最低不少于30%。',
    en: 'Party members should make up at least 50% of the committee, and never less than 30%.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { targetPercent: 50, floorPercent: 30 },
  severityFor: (params): Severity => (params.floorPercent === null ? 'warn' : 'fail'),

  inputFrom(facts: QuarterFacts) {
    const members = facts.committee?.members;
    if (!members || members.some((m) => m.isPartyMember === undefined)) return undefined;
    return { memberCount: members.length, partyMemberCount: members.filter((m) => m.isPartyMember).length };
  },

  evaluate(input, params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const n = requireCount(input.memberCount, 'memberCount');
    const p = requireCount(input.partyMemberCount, 'partyMemberCount');
    if (p > n) {
      throw new PolicyInputError('partyMemberCount', {
        'zh-CN': `党员人数 ${p} 大于业主委员会人数 ${n}`,
        en: `partyMemberCount ${p} exceeds memberCount ${n}`,
      });
    }
    if (n === 0) {
      return {
        rule: ID,
        status: 'not-applicable',
        citation,
        message: { 'zh-CN': '尚未登记业主委员会成员。', en: 'No committee members are recorded.' },
      };
    }
    const { targetPercent, floorPercent } = params;
    const share = formatPercent(p, n);
    const details = { memberCount: n, partyMemberCount: p, sharePercent: share, targetPercent, floorPercent };
    const head = { 'zh-CN': `业主委员会 ${n} 人中党员 ${p} 人，占 ${share}%`, en: `Party members: ${p} of the committee’s ${n} members (${share}%)` };

    if (reachesPercent(p, n, targetPercent)) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: { 'zh-CN': `${head['zh-CN']}，达到 ${targetPercent}% 以上。`, en: `${head.en}, at least ${targetPercent}%.` },
        details,
      };
    }
    if (floorPercent === null || reachesPercent(p, n, floorPercent)) {
      return {
        rule: ID,
        status: 'warn',
        citation,
        message: {
          'zh-CN': `${head['zh-CN']}，低于 ${targetPercent}% 的目标${floorPercent === null ? '' : `（已达到不少于 ${floorPercent}% 的底线）`}，应逐步提高。`,
          en: `${head.en}, below the ${targetPercent}% target${floorPercent === null ? '' : ` (the ${floorPercent}% floor is met)`}; the share should be raised.`,
        },
        details,
      };
    }
    return {
      rule: ID,
      status: 'fail',
      citation,
      message: {
        'zh-CN': `${head['zh-CN']}，低于最低 ${floorPercent}% 的要求（目标 ${targetPercent}%）。`,
        en: `${head.en}, below the ${floorPercent}% minimum (target ${targetPercent}%).`,
      },
      details,
    };
  },
};
