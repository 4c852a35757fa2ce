// committee-officers — the committee has a chair, vice-chair(s) and members.
//
// T/ZAS 4006.1—2020 5.4.2: "配备主任、副主任、委员". One chair (主任), at least one vice-chair
// (副主任; the clause does not limit how many), the rest members (委员).

import { CITATIONS, citeFor } from '../citations';
import type { CommitteeRole, QuarterFacts } from '../facts';
import { PolicyInputError, type RuleDefinition, type RuleResult } from '../types';
import { listNames, requireArray } from './shared';

export interface CommitteeOfficersInput {
  members: { name: string; role: CommitteeRole }[];
}

export interface CommitteeOfficersParams {
  minViceChairs: number;
}

const ID = 'committee-officers';
const CITED = [CITATIONS.zas542Officers];
const ROLES: readonly CommitteeRole[] = ['chair', 'vice-chair', 'member'];

export const committeeOfficers: RuleDefinition<CommitteeOfficersInput, CommitteeOfficersParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会主任、副主任配备', en: 'Chair and vice-chair of the owners’ committee' },
  description: {
    'zh-CN': '业主委员会配备1名主任和副主任、委员。',
    en: 'The owners’ committee has one chair, vice-chair(s) and members.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { minViceChairs: 1 },

  inputFrom(facts: QuarterFacts) {
    const members = facts.committee?.members;
    if (!members || members.length === 0 || members.some((m) => m.role === undefined)) return undefined;
    return { members: members.map((m) => ({ name: m.name, role: m.role as CommitteeRole })) };
  },

  evaluate(input, params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const members = requireArray<{ name: string; role: CommitteeRole }>(input.members, 'members');
    members.forEach((m, i) => {
      if (!ROLES.includes(m.role)) {
        throw new PolicyInputError(`members[${i}].role`, {
          'zh-CN': `职务应为 chair（主任）、vice-chair（副主任）或 member（委员），实际为 ${JSON.stringify(m.role)}`,
          en: `role must be chair, vice-chair or member, got ${JSON.stringify(m.role)}`,
        });
      }
    });
    const chairs = members.filter((m) => m.role === 'chair').map((m) => m.name);
    const viceChairs = members.filter((m) => m.role === 'vice-chair').map((m) => m.name);
    const details = { chairs, viceChairs };
    const problemsZh: string[] = [];
    const problemsEn: string[] = [];
    if (chairs.length === 0) {
      problemsZh.push('未配备主任');
      problemsEn.push('there is no chair');
    } else if (chairs.length > 1) {
      problemsZh.push(`配备了 ${chairs.length} 名主任（${listNames(chairs)['zh-CN']}），应为 1 名`);
      problemsEn.push(`there are ${chairs.length} chairs (${listNames(chairs).en}) instead of one`);
    }
    if (viceChairs.length < params.minViceChairs) {
      problemsZh.push('未配备副主任');
      problemsEn.push('there is no vice-chair');
    }
    if (problemsZh.length > 0) {
      return {
        rule: ID,
        status: 'fail',
        citation,
        message: { 'zh-CN': `业主委员会${problemsZh.join('；')}。`, en: `Owners’ committee: ${problemsEn.join('; ')}.` },
        details,
      };
    }
    return {
      rule: ID,
      status: 'pass',
      citation,
      message: {
        'zh-CN': `业主委员会主任 ${chairs[0]}，副主任 ${listNames(viceChairs)['zh-CN']}。`,
        en: `Chair ${chairs[0]}; vice-chair(s) ${listNames(viceChairs).en}.`,
      },
      details,
    };
  },
};
