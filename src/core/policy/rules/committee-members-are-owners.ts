// committee-members-are-owners — every committee member owns a unit in the quarter.
//
// T/ZAS 4006.1—2020 5.4.3: "业主委员会成员应是物业管理区域内的业主". "应" is a requirement, so a
// member who is not an owner of this management area fails the rule; the message names them.

import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts } from '../facts';
import type { RuleDefinition, RuleResult } from '../types';
import { listNames, requireArray, requireBoolean } from './shared';

export interface CommitteeMembersAreOwnersInput {
  members: { name: string; isOwnerOfQuarter: boolean }[];
}

export type CommitteeMembersAreOwnersParams = Record<string, never>;

const ID = 'committee-members-are-owners';
const CITED = [CITATIONS.zas543];

export const committeeMembersAreOwners: RuleDefinition<CommitteeMembersAreOwnersInput, CommitteeMembersAreOwnersParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会成员应为本小区业主', en: 'Committee members own property in the quarter' },
  description: {
    'zh-CN': '业主委员会每名成员都应是本物业管理区域内的业主。',
    en: 'Every member of the owners’ committee must be an owner in this property management area.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: {},

  inputFrom(facts: QuarterFacts) {
    const members = facts.committee?.members;
    if (!members || members.some((m) => m.isOwnerOfQuarter === undefined)) return undefined;
    return { members: members.map((m) => ({ name: m.name, isOwnerOfQuarter: m.isOwnerOfQuarter as boolean })) };
  },

  evaluate(input, _params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const members = requireArray<{ name: string; isOwnerOfQuarter: boolean }>(input.members, 'members');
    members.forEach((m, i) => requireBoolean(m.isOwnerOfQuarter, `members[${i}].isOwnerOfQuarter`));
    if (members.length === 0) {
      return {
        rule: ID,
        status: 'not-applicable',
        citation,
        message: { 'zh-CN': '尚未登记业主委员会成员。', en: 'No committee members are recorded.' },
      };
    }
    const notOwners = members.filter((m) => !m.isOwnerOfQuarter).map((m) => m.name);
    if (notOwners.length === 0) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: {
          'zh-CN': `业主委员会 ${members.length} 名成员均为本小区业主。`,
          en: `All ${members.length} committee members are owners in this quarter.`,
        },
      };
    }
    const names = listNames(notOwners);
    return {
      rule: ID,
      status: 'fail',
      citation,
      message: {
        'zh-CN': `以下 ${notOwners.length} 名业主委员会成员不是本小区业主：${names['zh-CN']}。`,
        en: `${notOwners.length} committee member(s) are not owners in this quarter: ${names.en}.`,
      },
      details: { notOwners },
    };
  },
};
