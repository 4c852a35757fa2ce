// party-organization-required — a committee or company with 3 or more party members has its
// own party organisation.
//
// T/ZAS 4006.1—2020 5.1.2: "业主委员会、物业服务企业中有3名及以上党员的，宜单独建立党组织". The
// standard says "宜" (should, recommended — in GB/T 1.1 wording a recommendation, not a
// requirement), so by default a body without its own organisation WARNS. "3名及以上" includes 3.
//
// Packs raise this where their text is mandatory (see packs.ts):
// - 西政办〔2020〕29号 二（三）7 "已有3名以上党员的业主委员会应建立党支部": "应" → fail, committees;
// - 百委〔2023〕37号 二（四）11 "物业服务企业有3名以上正式党员的，单独建立党组织": a plain
//   imperative → fail, companies, counting full (正式) party members only.
// One result per body, each citing the clause for its kind (aspect 'committee' / 'company').

import { CITATIONS, citeFor } from '../citations';
import type { PartyBodyFacts, QuarterFacts } from '../facts';
import { PolicyInputError, type RuleDefinition, type RuleResult, type Severity } from '../types';
import { requireArray, requireBoolean, requireCount } from './shared';

export interface PartyOrganizationRequiredInput {
  bodies: PartyBodyFacts[];
}

export interface PartyOrganizationKindParams {
  /** Party members from which the body should have its own organisation. */
  minPartyMembers: number;
  /** Status when such a body has none: 'warn' for "宜/鼓励", 'fail' for "应" or an imperative. */
  statusWhenMissing: Severity;
  /** Count only full (正式) party members, not probationary ones. */
  fullMembersOnly: boolean;
}

export interface PartyOrganizationRequiredParams {
  committee: PartyOrganizationKindParams;
  company: PartyOrganizationKindParams;
}

const ID = 'party-organization-required';
const CITED = [CITATIONS.zas512];
const KIND_NAME = { committee: { 'zh-CN': '业主委员会', en: 'owners’ committee' }, company: { 'zh-CN': '物业服务企业', en: 'property company' } };

export const partyOrganizationRequired: RuleDefinition<PartyOrganizationRequiredInput, PartyOrganizationRequiredParams> = {
  id: ID,
  title: { 'zh-CN': '业委会、物业企业单独建立党组织', en: 'Own party organisation in committee and company' },
  description: {
    'zh-CN': '业主委员会、物业服务企业中有3名及以上党员的，单独建立党组织。',
    en: 'An owners’ committee or property company with 3 or more party members sets up its own party organisation.',
  },
  severity: 'warn',
  citations: CITED,
  defaultParams: {
    committee: { minPartyMembers: 3, statusWhenMissing: 'warn', fullMembersOnly: false },
    company: { minPartyMembers: 3, statusWhenMissing: 'warn', fullMembersOnly: false },
  },
  severityFor: (params): Severity =>
    params.committee.statusWhenMissing === 'fail' || params.company.statusWhenMissing === 'fail' ? 'fail' : 'warn',

  inputFrom(facts: QuarterFacts) {
    return facts.partyBodies ? { bodies: facts.partyBodies } : undefined;
  },

  evaluate(input, params, context): RuleResult[] {
    const citations = context?.citations ?? CITED;
    const bodies = requireArray<PartyBodyFacts>(input.bodies, 'bodies');
    if (bodies.length === 0) {
      return [
        {
          rule: ID,
          status: 'not-applicable',
          citation: citeFor(citations),
          message: { 'zh-CN': '未登记业主委员会或物业服务企业的党员情况。', en: 'No committee or company party membership is recorded.' },
        },
      ];
    }
    return bodies.map((body, i): RuleResult => {
      if (body.kind !== 'committee' && body.kind !== 'company') {
        throw new PolicyInputError(`bodies[${i}].kind`, {
          'zh-CN': `类型应为 committee（业主委员会）或 company（物业服务企业），实际为 ${JSON.stringify(body.kind)}`,
          en: `kind must be committee or company, got ${JSON.stringify(body.kind)}`,
        });
      }
      const all = requireCount(body.partyMemberCount, `bodies[${i}].partyMemberCount`);
      const full = body.fullPartyMemberCount === undefined ? undefined : requireCount(body.fullPartyMemberCount, `bodies[${i}].fullPartyMemberCount`);
      if (full !== undefined && full > all) {
        throw new PolicyInputError(`bodies[${i}].fullPartyMemberCount`, {
          'zh-CN': `正式党员人数 ${full} 大于党员总数 ${all}`,
          en: `fullPartyMemberCount ${full} exceeds partyMemberCount ${all}`,
        });
      }
      const has = requireBoolean(body.hasPartyOrganization, `bodies[${i}].hasPartyOrganization`);
      const p = params[body.kind];
      const citation = citeFor(citations, body.kind);
      // Where only full members count and they are not recorded separately, every recorded
      // party member is taken as a full member, and the details say so.
      const counted = p.fullMembersOnly ? (full ?? all) : all;
      const memberWord = p.fullMembersOnly ? { zh: '正式党员', en: 'full party members' } : { zh: '党员', en: 'party members' };
      const kind = KIND_NAME[body.kind];
      const details = {
        kind: body.kind,
        name: body.name,
        countedPartyMembers: counted,
        minPartyMembers: p.minPartyMembers,
        fullMembersOnly: p.fullMembersOnly,
        ...(p.fullMembersOnly && full === undefined ? { assumedAllFullMembers: true } : {}),
      };
      const head = `${kind['zh-CN']}“${body.name}”有${memberWord.zh} ${counted} 名`;
      const headEn = `The ${kind.en} “${body.name}” has ${counted} ${memberWord.en}`;

      if (counted < p.minPartyMembers) {
        return {
          rule: ID,
          status: 'not-applicable',
          citation,
          message: {
            'zh-CN': `${head}，不足 ${p.minPartyMembers} 名，无须单独建立党组织。`,
            en: `${headEn}, fewer than ${p.minPartyMembers}: no organisation of its own is required.`,
          },
          details,
        };
      }
      if (has) {
        return {
          rule: ID,
          status: 'pass',
          citation,
          message: { 'zh-CN': `${head}，已单独建立党组织。`, en: `${headEn} and has its own party organisation.` },
          details,
        };
      }
      return {
        rule: ID,
        status: p.statusWhenMissing,
        citation,
        message: {
          'zh-CN': `${head}（${p.minPartyMembers} 名及以上），${p.statusWhenMissing === 'fail' ? '应' : '宜'}单独建立党组织，目前尚未建立。`,
          en: `${headEn} (${p.minPartyMembers} or more) and ${p.statusWhenMissing === 'fail' ? 'must' : 'should'} have its own party organisation, but has none.`,
        },
        details,
      };
    });
  },
};
