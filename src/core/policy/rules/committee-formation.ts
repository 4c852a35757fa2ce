// committee-formation — may an owners' committee (业主委员会) be formed yet?
//
// T/ZAS 4006.1—2020 5.4.1: "房屋出售并交付使用的建筑物面积达到物业总建筑物面积60%以上，首套房屋出售
// 并交付使用已满2年，且房屋出售并交付使用的建筑面积达到物业总建筑面积30%以上，可成立业主委员会。"
//
// The clause joins its two conditions with a comma, not with an explicit "或". They are read as
// alternatives: (a) delivered area ≥ 60% of the total, OR (b) first delivery at least 2 years ago
// AND delivered area ≥ 30%. Read as one conjunction, the 30% test would be idle (60% already
// implies 30%), which cannot be what was meant; the alternative reading is also the one of the
// provincial property regulations these standards follow.
//
// - "以上" includes the number (民法典 第1259条): exactly 60% (or 30%) is enough.
// - Areas are integers in 0.01 m² and compared exactly: 100·delivered ≥ 60·total.
// - "已满2年": the day of first delivery is not counted (民法典 第201条); the two years end on
//   the corresponding day two years later, or on the last day of the month where that day does
//   not exist (第202条: 2024-02-29 → 2026-02-28); the period is full (届满, 第1259条) on that
//   day. So condition (b) holds from addYears(firstDeliveryDate, 2) on, that day included, and
//   not the day before.

import { addYears, compareDates, type IsoDate } from '../../dates';
import { CITATIONS, citeFor, forAspect } from '../citations';
import type { QuarterFacts } from '../facts';
import { PolicyInputError, type RuleDefinition, type RuleResult } from '../types';
import { formatArea, formatPercent, reachesPercent, requireCount, requireDate } from './shared';

export interface CommitteeFormationInput {
  /** 物业总建筑面积, 0.01 m². */
  totalBuildingArea: number;
  /** Area sold and delivered for use (出售并交付使用), 0.01 m². */
  deliveredArea: number;
  /** The day the first unit was sold and delivered; null when none has been. */
  firstDeliveryDate: IsoDate | null;
  /** The day the question is asked for. */
  asOf: IsoDate;
}

export interface CommitteeFormationParams {
  /** Delivered share that suffices on its own (whole percent). */
  areaPercent: number;
  /** Years since first delivery after which the lower share suffices. */
  waitingYears: number;
  /** Delivered share that suffices once the waiting years are over (whole percent). */
  areaPercentAfterWaiting: number;
}

const ID = 'committee-formation';
const CITED = [CITATIONS.zas541, forAspect(CITATIONS.civil202, 'period'), forAspect(CITATIONS.civil1259, 'threshold')];

export const committeeFormation: RuleDefinition<CommitteeFormationInput, CommitteeFormationParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会成立条件', en: 'Conditions for forming an owners’ committee' },
  description: {
    'zh-CN': '已交付面积达到总建筑面积60%以上，或首套房屋交付已满2年且已交付面积达到30%以上，可成立业主委员会。',
    en: 'A committee may be formed once 60% of the floor area is delivered, or 30% once two years have passed since the first delivery.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { areaPercent: 60, waitingYears: 2, areaPercentAfterWaiting: 30 },

  inputFrom(facts: QuarterFacts) {
    if (!facts.area || !facts.asOf) return undefined;
    return { ...facts.area, asOf: facts.asOf };
  },

  evaluate(input, params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const total = requireCount(input.totalBuildingArea, 'totalBuildingArea');
    const delivered = requireCount(input.deliveredArea, 'deliveredArea');
    const asOf = requireDate(input.asOf, 'asOf');
    const first = input.firstDeliveryDate === null ? null : requireDate(input.firstDeliveryDate, 'firstDeliveryDate');
    const { areaPercent, waitingYears, areaPercentAfterWaiting } = params;

    if (total === 0) {
      return {
        rule: ID,
        status: 'fail',
        citation,
        message: {
          'zh-CN': '物业总建筑面积为 0，无法计算已交付面积占比；请先在小区档案中登记总建筑面积。',
          en: 'The total building area is 0, so the delivered share cannot be computed; record the total building area in the quarter dossier first.',
        },
        details: { reason: 'no-total-area' },
      };
    }
    if (delivered > total) {
      throw new PolicyInputError('deliveredArea', {
        'zh-CN': `已交付面积 ${formatArea(delivered)} m² 大于总建筑面积 ${formatArea(total)} m²，请核对小区档案。`,
        en: `The delivered area ${formatArea(delivered)} m² exceeds the total building area ${formatArea(total)} m²; check the quarter dossier.`,
      });
    }

    const share = formatPercent(delivered, total);
    const reachesMain = reachesPercent(delivered, total, areaPercent);
    const reachesLower = reachesPercent(delivered, total, areaPercentAfterWaiting);
    const waitingEnds = first === null ? null : addYears(first, waitingYears);
    const waited = waitingEnds !== null && compareDates(asOf, waitingEnds) >= 0;
    const details = {
      deliveredPercent: share,
      areaPercent,
      areaPercentAfterWaiting,
      firstDeliveryDate: first,
      waitingEndsOn: waitingEnds,
      waitingOver: waited,
      path: reachesMain ? 'area' : waited && reachesLower ? 'waiting' : null,
    };

    if (reachesMain) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: {
          'zh-CN': `已交付面积占总建筑面积 ${share}%，达到 ${areaPercent}% 以上，可以成立业主委员会。`,
          en: `${share}% of the total building area is delivered, at least ${areaPercent}%: an owners’ committee may be formed.`,
        },
        details,
      };
    }
    if (waited && reachesLower) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: {
          'zh-CN': `首套房屋交付已满 ${waitingYears} 年（${waitingEnds} 届满），已交付面积占比 ${share}%，达到 ${areaPercentAfterWaiting}% 以上，可以成立业主委员会。`,
          en: `${waitingYears} years have passed since the first delivery (complete on ${waitingEnds}) and ${share}% is delivered, at least ${areaPercentAfterWaiting}%: an owners’ committee may be formed.`,
        },
        details,
      };
    }

    // Say what is missing on each of the two paths.
    let waitingZh: string;
    let waitingEn: string;
    if (first === null) {
      waitingZh = `尚无首套房屋交付日期，不能按“交付满 ${waitingYears} 年且达到 ${areaPercentAfterWaiting}%”的条件成立`;
      waitingEn = `no first delivery date is recorded, so the "${waitingYears} years and ${areaPercentAfterWaiting}%" condition cannot apply`;
    } else if (!waited) {
      waitingZh = `首套房屋交付于 ${first}，满 ${waitingYears} 年之日为 ${waitingEnds}，截至 ${asOf} 尚未届满${reachesLower ? '' : `，且占比未达到 ${areaPercentAfterWaiting}%`}`;
      waitingEn = `the first delivery was on ${first}, so ${waitingYears} years are complete only on ${waitingEnds}, not yet on ${asOf}${reachesLower ? '' : `, and the share is also below ${areaPercentAfterWaiting}%`}`;
    } else {
      waitingZh = `首套房屋交付已满 ${waitingYears} 年（${waitingEnds} 届满），但占比未达到 ${areaPercentAfterWaiting}%`;
      waitingEn = `${waitingYears} years have passed since the first delivery (complete on ${waitingEnds}), but the share is below ${areaPercentAfterWaiting}%`;
    }
    return {
      rule: ID,
      status: 'fail',
      citation,
      message: {
        'zh-CN': `暂不具备成立业主委员会的条件：已交付面积占总建筑面积 ${share}%，未达到 ${areaPercent}%；${waitingZh}。`,
        en: `An owners’ committee may not be formed yet: ${share}% of the total building area is delivered, below ${areaPercent}%; ${waitingEn}.`,
      },
      details,
    };
  },
};
