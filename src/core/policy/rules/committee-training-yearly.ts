// committee-training-yearly — every committee member is trained at least once a year.
//
// 百委〔2023〕37号 二（二）7 (附件1 序号22): "建立业委会成员教育培训制度，履职期间每年参加培训1次以上".
// - "每年" is read as the calendar year; "1次以上" includes 1 (民法典 第1259条).
// - Every calendar year in which the member is in office is judged, from the year they took
//   office (servingSince) to the year of asOf; without servingSince only the current year is.
//   The first year counts even when the member took office late in it: the text asks for
//   training in every year of office and makes no exception.
// - A training on any day of that calendar year counts, including one just before taking
//   office that year. Trainings dated after asOf are ignored.
// - A past year without training fails. The current year only WARNS until it is over: the
//   member can still attend a training up to 31 December, so a missing training is a reminder
//   to act, not yet a breach. On 1 January it becomes a fail.
// One result for the committee, naming the members concerned.

import { compareDates, type IsoDate, yearOf } from '../../dates';
import { CITATIONS, citeFor } from '../citations';
import type { QuarterFacts } from '../facts';
import type { RuleDefinition, RuleResult, RuleStatus } from '../types';
import { judgePeriods, requireArray, requireCount, requireDate, worstStatus } from './shared';

export interface CommitteeTrainingMember {
  name: string;
  servingSince?: IsoDate | null;
  trainingDates: IsoDate[];
}

export interface CommitteeTrainingYearlyInput {
  asOf: IsoDate;
  members: CommitteeTrainingMember[];
}

export interface CommitteeTrainingYearlyParams {
  minPerYear: number;
}

const ID = 'committee-training-yearly';
const CITED = [CITATIONS.bg2b7Training, CITATIONS.bgAnnex22];

export const committeeTrainingYearly: RuleDefinition<CommitteeTrainingYearlyInput, CommitteeTrainingYearlyParams> = {
  id: ID,
  title: { 'zh-CN': '业主委员会成员年度培训', en: 'Yearly training of committee members' },
  description: {
    'zh-CN': '业主委员会成员履职期间每年参加培训1次以上；本年度未结束前缺训仅作提醒。',
    en: 'Each committee member attends training at least once in every calendar year of office; the current year only warns until it ends.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { minPerYear: 1 },

  inputFrom(facts: QuarterFacts) {
    const members = facts.committee?.members;
    if (!members || !facts.asOf || members.some((m) => m.trainingDates === undefined)) return undefined;
    return {
      asOf: facts.asOf,
      members: members.map((m) => ({ name: m.name, servingSince: m.servingSince ?? null, trainingDates: m.trainingDates ?? [] })),
    };
  },

  evaluate(input, params, context): RuleResult {
    const citation = citeFor(context?.citations ?? CITED);
    const asOf = requireDate(input.asOf, 'asOf');
    const min = requireCount(params.minPerYear, 'minPerYear');
    const members = requireArray<CommitteeTrainingMember>(input.members, 'members');
    if (members.length === 0) {
      return {
        rule: ID,
        status: 'not-applicable',
        citation,
        message: { 'zh-CN': '尚未登记业主委员会成员。', en: 'No committee members are recorded.' },
      };
    }

    const perMember = members.map((m, i) => {
      const since = m.servingSince == null ? asOf : requireDate(m.servingSince, `members[${i}].servingSince`);
      const dates = requireArray<IsoDate>(m.trainingDates, `members[${i}].trainingDates`).map((d, j) =>
        requireDate(d, `members[${i}].trainingDates[${j}]`),
      );
      if (compareDates(since, asOf) > 0) {
        return { name: m.name, status: 'not-applicable' as RuleStatus, missedYears: [] as number[], pendingYear: null as number | null };
      }
      // Judge whole calendar years: a training earlier in the year of taking office counts.
      const verdicts = judgePeriods({ since: `${yearOf(since)}-01-01`, asOf, months: 12, events: dates, minPerPeriod: min });
      const missedYears = verdicts.filter((v) => v.state === 'missed').map((v) => yearOf(v.period.start));
      const pending = verdicts.find((v) => v.state === 'pending');
      const pendingYear = pending ? yearOf(pending.period.start) : null;
      const status: RuleStatus = missedYears.length > 0 ? 'fail' : pendingYear !== null ? 'warn' : 'pass';
      return { name: m.name, status, missedYears, pendingYear };
    });

    const status = worstStatus(perMember.map((m) => m.status));
    const details = { members: perMember, currentYear: yearOf(asOf) };
    const missed = perMember.filter((m) => m.missedYears.length > 0);
    const pending = perMember.filter((m) => m.pendingYear !== null);
    const partsZh: string[] = [];
    const partsEn: string[] = [];
    if (missed.length > 0) {
      partsZh.push(`以下成员有年度未参加培训：${missed.map((m) => `${m.name}（${m.missedYears.map((y) => `${y}年`).join('、')}）`).join('；')}`);
      partsEn.push(`members without training in a past year: ${missed.map((m) => `${m.name} (${m.missedYears.join(', ')})`).join('; ')}`);
    }
    if (pending.length > 0) {
      const y = yearOf(asOf);
      partsZh.push(`以下成员 ${y} 年尚未参加培训，应在年底前完成：${pending.map((m) => m.name).join('、')}`);
      partsEn.push(`not yet trained in ${y}, due by 31 December: ${pending.map((m) => m.name).join(', ')}`);
    }
    if (status === 'pass' || status === 'not-applicable') {
      return {
        rule: ID,
        status,
        citation,
        message:
          status === 'pass'
            ? { 'zh-CN': '业主委员会成员履职期间每年均参加了培训。', en: 'Every committee member was trained in every year of office.' }
            : { 'zh-CN': '业主委员会成员尚未开始履职。', en: 'No committee member has taken office yet.' },
        details,
      };
    }
    return {
      rule: ID,
      status,
      citation,
      message: { 'zh-CN': `${partsZh.join('；')}。`, en: `${partsEn.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()) },
      details,
    };
  },
};
