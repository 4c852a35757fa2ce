// committee-term-expiry — remind before a committee's term runs out, and flag an expired one.
//
// The term itself comes from T/ZAS 4006.1—2020 5.4.2 ("任期为3至5年"); once it has run out the
// committee no longer holds a mandate, so re-election (换届) must be done in time. The seeds set
// no lead time for the reminder: `reminderDays` (90 by default) is this product's setting, and
// a district can change it in its pack. termEnd is the last day of the term (see
// committee-term.ts): on that day the committee is still in office.
//
// - re-election already done (successorElected) → pass;
// - asOf after termEnd → fail (term expired without a successor);
// - asOf on or after termEnd − reminderDays → warn (time to prepare the re-election, and the
//   term-end audit where the pack asks for one);
// - otherwise pass.

import { addDays, compareDates, daysBetween, type IsoDate } from '../../dates';
import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts } from '../facts';
import type { RuleDefinition, RuleResult } from '../types';
import { requireBoolean, requireCount, requireDate } from './shared';

export interface CommitteeTermExpiryInput {
  termEnd: IsoDate;
  asOf: IsoDate;
  successorElected?: boolean;
}

export interface CommitteeTermExpiryParams {
  /** Days before the end of the term from which the reminder shows. */
  reminderDays: number;
}

const ID = 'committee-term-expiry';
const CITED = [CITATIONS.zas542Term];

export const committeeTermExpiry: RuleDefinition<CommitteeTermExpiryInput, CommitteeTermExpiryParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会换届提醒', en: 'Owners’ committee re-election reminder' },
  description: {
    'zh-CN': '任期届满前提醒筹备换届；任期届满仍未换届的，列为不合规。',
    en: 'Reminds before the term ends that the re-election must be prepared; a term that ran out without re-election fails.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { reminderDays: 90 },

  inputFrom(facts: QuarterFacts) {
    const c = facts.committee;
    if (!c?.termEnd || !facts.asOf) return undefined;
    return { termEnd: c.termEnd, asOf: facts.asOf, successorElected: c.successorElected };
  },

  evaluate(input, params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const termEnd = requireDate(input.termEnd, 'termEnd');
    const asOf = requireDate(input.asOf, 'asOf');
    const successorElected = input.successorElected === undefined ? false : requireBoolean(input.successorElected, 'successorElected');
    const reminderDays = requireCount(params.reminderDays, 'reminderDays');
    const daysLeft = daysBetween(asOf, termEnd);
    const remindFrom = addDays(termEnd, -reminderDays);
    const details = { termEnd, daysLeft, remindFrom, successorElected };

    if (successorElected) {
      return {
        rule: ID,
        status: 'pass',
        citation,
        message: { 'zh-CN': '已完成换届选举。', en: 'The next committee has been elected.' },
        details,
      };
    }
    if (daysLeft < 0) {
      return {
        rule: ID,
        status: 'fail',
        citation,
        message: {
          'zh-CN': `业主委员会任期已于 ${termEnd} 届满（已过 ${-daysLeft} 天），尚未完成换届。`,
          en: `The committee’s term ended on ${termEnd} (${-daysLeft} days ago) and no new committee has been elected.`,
        },
        details,
      };
    }
    if (compareDates(asOf, remindFrom) >= 0) {
      return {
        rule: ID,
        status: 'warn',
        citation,
        message: {
          'zh-CN': `业主委员会任期将于 ${termEnd} 届满（还有 ${daysLeft} 天），请及早筹备换届。`,
          en: `The committee’s term ends on ${termEnd} (${daysLeft} days left): prepare the re-election now.`,
        },
        details,
      };
    }
    return {
      rule: ID,
      status: 'pass',
      citation,
      message: {
        'zh-CN': `业主委员会任期至 ${termEnd}，还有 ${daysLeft} 天。`,
        en: `The committee’s term runs until ${termEnd}, ${daysLeft} days from now.`,
      },
      details,
    };
  },
};
