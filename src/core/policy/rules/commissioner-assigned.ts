// commissioner-assigned — one quarter commissioner (小区专员), trained before taking office.
//
// T/ZAS 4006.1—2020 5.3.1: "每个小区应配备1名在职社工担任小区专员，在完成岗前培训后上岗".
// - Exactly one per quarter by default ("1名"); 百委〔2023〕37号 二（一）2 says "每个小区至少1人",
//   so the BG pack lifts the maximum (see packs.ts).
// - Training must be completed before taking office ("完成岗前培训后上岗"). Dates carry no
//   time of day, so training finished on the day the commissioner starts is accepted (an
//   induction in the morning, work from the afternoon); a training date after the start, or
//   none, fails.
// Two results: the count (aspect 'count') and the training (aspect 'training'), so that a pack
// can cite a different clause for each.

import { compareDates, type IsoDate } from '../../dates';
import { CITATIONS, citeFor } from '../citations';
import type { CommissionerFacts, QuarterFacts } from '../facts';
import type { RuleDefinition, RuleResult } from '../types';
import { listNames, requireArray, requireDate } from './shared';

export interface CommissionerAssignedInput {
  commissioners: { name: string; trainedOn: IsoDate | null; startedOn: IsoDate }[];
}

export interface CommissionerAssignedParams {
  minPerQuarter: number;
  /** null: no upper limit. */
  maxPerQuarter: number | null;
  trainingBeforeStart: boolean;
}

const ID = 'commissioner-assigned';
const CITED = [CITATIONS.zas531];

export const commissionerAssigned: RuleDefinition<CommissionerAssignedInput, CommissionerAssignedParams> = {
  id: ID,
  title: { 'zh-CN': '小区专员配备与岗前培训', en: 'Quarter commissioner assigned and trained' },
  description: {
    'zh-CN': '每个小区配备1名在职社工担任小区专员，完成岗前培训后上岗。',
    en: 'Each quarter has one social worker as its commissioner, who completes induction training before taking office.',
  },
  severity: 'fail',
  citations: CITED,
  defaultParams: { minPerQuarter: 1, maxPerQuarter: 1, trainingBeforeStart: true },

  inputFrom(facts: QuarterFacts) {
    return facts.commissioners ? { commissioners: facts.commissioners } : undefined;
  },

  evaluate(input, params, context): RuleResult[] {
    const citations = context?.citations ?? CITED;
    const list = requireArray<CommissionerFacts>(input.commissioners, 'commissioners');
    list.forEach((c, i) => {
      requireDate(c.startedOn, `commissioners[${i}].startedOn`);
      if (c.trainedOn !== null) requireDate(c.trainedOn, `commissioners[${i}].trainedOn`);
    });
    const { minPerQuarter, maxPerQuarter, trainingBeforeStart } = params;
    const n = list.length;
    const names = list.map((c) => c.name);
    const wantedZh =
      maxPerQuarter === minPerQuarter
        ? `应配备 ${minPerQuarter} 名`
        : maxPerQuarter === null
          ? `应至少配备 ${minPerQuarter} 名`
          : `应配备 ${minPerQuarter} 至 ${maxPerQuarter} 名`;
    const wantedEn = maxPerQuarter === minPerQuarter ? `${minPerQuarter}` : maxPerQuarter === null ? `at least ${minPerQuarter}` : `${minPerQuarter} to ${maxPerQuarter}`;

    const countCitation = citeFor(citations, 'count');
    let count: RuleResult;
    if (n < minPerQuarter) {
      count = {
        rule: ID,
        status: 'fail',
        citation: countCitation,
        message: {
          'zh-CN': n === 0 ? `小区未配备小区专员，${wantedZh}。` : `小区配备小区专员 ${n} 名，${wantedZh}。`,
          en: n === 0 ? `The quarter has no commissioner; it needs ${wantedEn}.` : `The quarter has ${n} commissioner(s); it needs ${wantedEn}.`,
        },
        details: { count: n },
      };
    } else if (maxPerQuarter !== null && n > maxPerQuarter) {
      count = {
        rule: ID,
        status: 'fail',
        citation: countCitation,
        message: {
          'zh-CN': `小区配备了 ${n} 名小区专员（${listNames(names)['zh-CN']}），${wantedZh}。`,
          en: `The quarter has ${n} commissioners (${listNames(names).en}); it should have ${wantedEn}.`,
        },
        details: { count: n, names },
      };
    } else {
      count = {
        rule: ID,
        status: 'pass',
        citation: countCitation,
        message: { 'zh-CN': `小区专员：${listNames(names)['zh-CN']}。`, en: `Commissioner(s): ${listNames(names).en}.` },
        details: { count: n, names },
      };
    }
    if (n === 0 || !trainingBeforeStart) return [count];

    const untrained = list.filter((c) => c.trainedOn === null || compareDates(c.trainedOn, c.startedOn) > 0);
    const trainingCitation = citeFor(citations, 'training');
    if (untrained.length === 0) {
      return [
        count,
        {
          rule: ID,
          status: 'pass',
          citation: trainingCitation,
          message: { 'zh-CN': '小区专员均在上岗前完成岗前培训。', en: 'Every commissioner completed induction training before taking office.' },
        },
      ];
    }
    const zh = untrained.map((c) => (c.trainedOn === null ? `${c.name}（无培训记录，${c.startedOn} 上岗）` : `${c.name}（${c.startedOn} 上岗，${c.trainedOn} 才培训）`));
    const en = untrained.map((c) => (c.trainedOn === null ? `${c.name} (no training recorded, started ${c.startedOn})` : `${c.name} (started ${c.startedOn}, trained only on ${c.trainedOn})`));
    return [
      count,
      {
        rule: ID,
        status: 'fail',
        citation: trainingCitation,
        message: {
          'zh-CN': `小区专员应在完成岗前培训后上岗：${zh.join('；')}。`,
          en: `Commissioners must complete induction training before taking office: ${en.join('; ')}.`,
        },
        details: { untrained: untrained.map((c) => ({ name: c.name, trainedOn: c.trainedOn, startedOn: c.startedOn })) },
      },
    ];
  },
};
