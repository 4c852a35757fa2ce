// committee-reserve-pool — a pool of reserve candidates for the committee, half of them party
// members.
//
// 百委〔2023〕37号 二（二）6 (附件1 序号19): "使每个小区都有一定数量的业委会成员后备人选，其中党员不少于
// 50%". "一定数量" gives no number, so only an empty pool is flagged; "不少于50%" includes 50%
// (民法典 第1259条), decided as 100·party ≥ 50·candidates. The sentence states a goal of the
// street's mobilisation work ("使…"), so falling short warns. Only the BG pack puts this rule in
// force.

import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts, ReserveCandidateFacts } from '../facts';
import type { RuleDefinition, RuleResult } from '../types';
import { formatPercent, reachesPercent, requireArray, requireBoolean } from './shared';

export interface CommitteeReservePoolInput {
  candidates: ReserveCandidateFacts[];
}

export interface CommitteeReservePoolParams {
  minPartyPercent: number;
}

const ID = 'committee-reserve-pool';
const CITED = [CITATIONS.bg2b6, CITATIONS.bgAnnex19];

export const committeeReservePool: RuleDefinition<CommitteeReservePoolInput, CommitteeReservePoolParams> = {
  id: ID,
  title: { 'zh-CN': '业委会成员后备人选', en: 'Reserve candidates for the committee' },
  description: {
    'zh-CN': '每个小区都有一定数量的业委会成员后备人选，其中党员不少于50%。',
    en: 'Each quarter keeps reserve candidates for the committee, at least 50% of them party members.',
  },
  severity: 'warn',
  citations: CITED,
  defaultParams: { minPartyPercent: 50 },

  inputFrom(facts: QuarterFacts) {
    return facts.committeeReservePool ? { candidates: facts.committeeReservePool } : undefined;
  },

  evaluate(input, params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const candidates = requireArray<ReserveCandidateFacts>(input.candidates, 'candidates');
    candidates.forEach((c, i) => requireBoolean(c.isPartyMember, `candidates[${i}].isPartyMember`));
    const n = candidates.length;
    if (n === 0) {
      return {
        rule: ID,
        status: 'warn',
        citation,
        message: { 'zh-CN': '小区尚无业委会成员后备人选。', en: 'The quarter has no reserve candidates for the committee.' },
        details: { candidates: 0 },
      };
    }
    const p = candidates.filter((c) => c.isPartyMember).length;
    const share = formatPercent(p, n);
    const details = { candidates: n, partyMembers: p, sharePercent: share };
    if (reachesPercent(p, n, params.minPartyPercent)) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: {
          'zh-CN': `后备人选 ${n} 人，其中党员 ${p} 人（${share}%），不少于 ${params.minPartyPercent}%。`,
          en: `${n} reserve candidates, ${p} of them party members (${share}%), at least ${params.minPartyPercent}%.`,
        },
        details,
      };
    }
    return {
      rule: ID,
      status: 'warn',
      citation,
      message: {
        'zh-CN': `后备人选 ${n} 人，其中党员 ${p} 人（${share}%），低于 ${params.minPartyPercent}%。`,
        en: `${n} reserve candidates, only ${p} of them party members (${share}%), below ${params.minPartyPercent}%.`,
      },
      details,
    };
  },
};
