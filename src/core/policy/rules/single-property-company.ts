// single-property-company — one property company per management area at any one time.
//
// T/ZAS 4006.1—2020 5.5.2: "一个物业管理区域配备一个物业服务企业". Contracts run from startsOn to
// endsOn, both days included (endsOn is the last day of service; null while open-ended). Two
// contracts of DIFFERENT companies that share even one day mean two companies serve the area
// at once → fail. Successive contracts of the same company (a renewal) may overlap.

import { compareDates, type IsoDate, maxDate, minDate } from '../../dates';
import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts, ServiceContractFacts } from '../facts';
import { PolicyInputError, type RuleDefinition, type RuleResult } from '../types';
import { requireArray, requireDate } from './shared';

export interface SinglePropertyCompanyInput {
  contracts: ServiceContractFacts[];
}

export type SinglePropertyCompanyParams = Record<string, never>;

export interface ContractOverlap {
  companies: [string, string];
  from: IsoDate;
  /** null: both contracts are open-ended. */
  until: IsoDate | null;
}

const ID = 'single-property-company';
const CITED = [CITATIONS.zas552];

export const singlePropertyCompany: RuleDefinition<SinglePropertyCompanyInput, SinglePropertyCompanyParams> = {
  id: ID,
  title: { 'zh-CN': '一个物业管理区域一个物业服务企业', en: 'One property company per management area' },
  description: {
    'zh-CN': '同一时间，一个物业管理区域只由一个物业服务企业提供服务。',
    en: 'At any one time a property management area is served by a single property company.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: {},

  inputFrom(facts: QuarterFacts) {
    return facts.serviceContracts ? { contracts: facts.serviceContracts } : undefined;
  },

  evaluate(input, _params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const contracts = requireArray<ServiceContractFacts>(input.contracts, 'contracts');
    contracts.forEach((c, i) => {
      requireDate(c.startsOn, `contracts[${i}].startsOn`);
      if (c.endsOn !== null) {
        requireDate(c.endsOn, `contracts[${i}].endsOn`);
        if (compareDates(c.endsOn, c.startsOn) < 0) {
          throw new PolicyInputError(`contracts[${i}].endsOn`, {
            'zh-CN': `“${c.company}”的合同终止日 ${c.endsOn} 早于起始日 ${c.startsOn}`,
            en: `The contract of “${c.company}” ends (${c.endsOn}) before it starts (${c.startsOn})`,
          });
        }
      }
    });
    if (contracts.length === 0) {
      return {
        rule: ID,
        status: 'not-applicable',
        citation,
        message: { 'zh-CN': '未登记物业服务合同。', en: 'No property service contract is recorded.' },
      };
    }

    const overlaps: ContractOverlap[] = [];
    for (let i = 0; i < contracts.length; i++) {
      for (let j = i + 1; j < contracts.length; j++) {
        const a = contracts[i];
        const b = contracts[j];
        if (a.company === b.company) continue;
        const from = maxDate(a.startsOn, b.startsOn);
        const until = a.endsOn === null ? b.endsOn : b.endsOn === null ? a.endsOn : minDate(a.endsOn, b.endsOn);
        if (until === null || compareDates(from, until) <= 0) {
          overlaps.push({ companies: [a.company, b.company], from, until });
        }
      }
    }
    if (overlaps.length === 0) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: {
          'zh-CN': `${contracts.length} 份物业服务合同的服务期互不重叠，同一时间只有一个物业服务企业。`,
          en: `The ${contracts.length} service contract(s) do not overlap: one property company at a time.`,
        },
      };
    }
    const zh = overlaps.map((o) => `“${o.companies[0]}”与“${o.companies[1]}”在 ${o.from} 至 ${o.until ?? '无固定期限'} 同时服务`);
    const en = overlaps.map((o) => `“${o.companies[0]}” and “${o.companies[1]}” both serve from ${o.from} to ${o.until ?? 'open-ended'}`);
    return {
      rule: ID,
      status: 'fail',
      citation,
      message: {
        'zh-CN': `一个物业管理区域应只配备一个物业服务企业，但${zh.join('；')}。`,
        en: `A management area has one property company at a time, but ${en.join('; ')}.`,
      },
      details: { overlaps },
    };
  },
};
