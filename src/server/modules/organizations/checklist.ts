// The qualification checklist of a candidate for the owners' committee, as data with citations.
//
// 百委〔2023〕37号 二（二）5 (附件1 序号17): "严格把关“三优先”“十不能”资格条件 … 突出政治标准、专业
// 能力、群众公认 … 确保把讲政治、肯干事、善协调、热心肠的业主选进业委会". The document names the two
// lists “三优先” and “十不能” but does not print their items (they are set by the district's own
// rules), so each list is one line of the checklist, confirmed by the reviewer against the local
// list; the criteria the document does print are lines of their own, in its words.
// T/ZAS 4006.1—2020 5.4.3 adds what every member must be: "遵守法律法规、具有完全民事行为能力、
// 必要的工作时间和组织协调能力".
//
// kind:
// - 'requirement' (ZAS 5.4.3 "应") and 'exclusion' (十不能: "不能") must be answered true (met / no
//   excluding circumstance) before a review step may approve;
// - 'priority' (三优先) and 'criterion' (the emphases of BG 5) are recorded and shown, and weigh
//   in the reviewer's opinion, but do not bar approval.
import type { Locale, Localized } from '../../platform/i18n';
import type { ChecklistItemId } from '../../../contracts/organizations';

export type ChecklistKind = 'requirement' | 'exclusion' | 'priority' | 'criterion';

export interface ChecklistItem {
  /** One of the ids the contract lists (contracts/organizations.ts). */
  id: ChecklistItemId;
  kind: ChecklistKind;
  label: Localized;
  citation: string;
  quote: string;
  /** False where the source names a list without printing its items. */
  itemsPrinted: boolean;
}

const BG5 = '百委〔2023〕37号 二（二）5';
const ZAS543 = 'T/ZAS 4006.1—2020 5.4.3';
const BG5_LISTS = '严格把关“三优先”“十不能”资格条件';
const BG5_STANDARDS = '突出政治标准、专业能力、群众公认';
const BG5_QUALITIES = '确保把讲政治、肯干事、善协调、热心肠的业主选进业委会';
const ZAS543_QUOTE = '业主委员会成员应是物业管理区域内的业主，遵守法律法规、具有完全民事行为能力、必要的工作时间和组织协调能力';

export const qualificationChecklist: readonly ChecklistItem[] = [
  { id: 'law-abiding', kind: 'requirement', label: { 'zh-CN': '遵守法律法规', en: 'Abides by laws and regulations' }, citation: ZAS543, quote: ZAS543_QUOTE, itemsPrinted: true },
  { id: 'full-capacity', kind: 'requirement', label: { 'zh-CN': '具有完全民事行为能力', en: 'Has full civil capacity' }, citation: ZAS543, quote: ZAS543_QUOTE, itemsPrinted: true },
  { id: 'time-available', kind: 'requirement', label: { 'zh-CN': '有必要的工作时间', en: 'Has the time the work needs' }, citation: ZAS543, quote: ZAS543_QUOTE, itemsPrinted: true },
  { id: 'coordination-ability', kind: 'requirement', label: { 'zh-CN': '有组织协调能力', en: 'Can organise and coordinate' }, citation: ZAS543, quote: ZAS543_QUOTE, itemsPrinted: true },
  {
    id: 'ten-exclusions',
    kind: 'exclusion',
    label: { 'zh-CN': '不存在“十不能”所列情形（按本地“十不能”清单逐项核对）', en: 'None of the "ten exclusions" (十不能) applies (checked item by item against the local list)' },
    citation: BG5,
    quote: BG5_LISTS,
    itemsPrinted: false,
  },
  {
    id: 'three-priorities',
    kind: 'priority',
    label: { 'zh-CN': '符合“三优先”条件（按本地“三优先”清单核对）', en: 'Meets the "three priorities" (三优先) (checked against the local list)' },
    citation: BG5,
    quote: BG5_LISTS,
    itemsPrinted: false,
  },
  { id: 'political-standard', kind: 'criterion', label: { 'zh-CN': '政治标准', en: 'Political standard' }, citation: BG5, quote: BG5_STANDARDS, itemsPrinted: true },
  { id: 'professional-ability', kind: 'criterion', label: { 'zh-CN': '专业能力', en: 'Professional ability' }, citation: BG5, quote: BG5_STANDARDS, itemsPrinted: true },
  { id: 'public-recognition', kind: 'criterion', label: { 'zh-CN': '群众公认', en: 'Recognised by the residents' }, citation: BG5, quote: BG5_STANDARDS, itemsPrinted: true },
  { id: 'politically-sound', kind: 'criterion', label: { 'zh-CN': '讲政治', en: 'Politically sound' }, citation: BG5, quote: BG5_QUALITIES, itemsPrinted: true },
  { id: 'willing-to-work', kind: 'criterion', label: { 'zh-CN': '肯干事', en: 'Willing to do the work' }, citation: BG5, quote: BG5_QUALITIES, itemsPrinted: true },
  { id: 'good-coordinator', kind: 'criterion', label: { 'zh-CN': '善协调', en: 'Good at coordinating' }, citation: BG5, quote: BG5_QUALITIES, itemsPrinted: true },
  { id: 'warm-hearted', kind: 'criterion', label: { 'zh-CN': '热心肠', en: 'Warm-hearted toward neighbours' }, citation: BG5, quote: BG5_QUALITIES, itemsPrinted: true },
];

export type ChecklistAnswers = Partial<Record<string, boolean>>;

/** The checklist with the candidate's answers, in the request's language. */
export function checklistView(answers: ChecklistAnswers, locale: Locale) {
  return qualificationChecklist.map((item) => ({
    id: item.id,
    kind: item.kind,
    label: item.label[locale],
    citation: item.citation,
    quote: item.quote,
    itemsPrinted: item.itemsPrinted,
    answer: answerOf(answers, item.id),
  }));
}

/** A recorded answer; anything but true or false (never written, but jsonb) reads as unanswered. */
function answerOf(answers: ChecklistAnswers, id: string): boolean | null {
  const a = answers[id];
  return typeof a === 'boolean' ? a : null;
}

/** Items that bar approval: unanswered, or answered "not met". */
export function checklistProblems(answers: ChecklistAnswers): { unanswered: ChecklistItem[]; unmet: ChecklistItem[] } {
  const binding = qualificationChecklist.filter((i) => i.kind === 'requirement' || i.kind === 'exclusion');
  return {
    unanswered: binding.filter((i) => typeof answers[i.id] !== 'boolean'),
    unmet: binding.filter((i) => answers[i.id] === false),
  };
}
