// The check items of a patrol of a quarter (巡查), from the problems 湘建房〔2021〕231号 五（二）
// names for joint patrols (违章搭建、违规装修、违法养犬、噪音污染、消防车通道堵塞) and the
// quarter's own safety rounds (T/ZAS 4006.1—2020 6.2.2.1: 巡查制度), each with what a finding
// becomes: a case of a category (dispatched as that category says) or a hazard of a class.

import type { HazardClass } from './hazards';

export interface PatrolItem {
  code: string;
  name: { 'zh-CN': string; en: string };
  /** What a finding of this item becomes in one step. */
  finding: { kind: 'case'; category: string } | { kind: 'hazard'; class: HazardClass };
  citation: string;
}

const HN = '湘建房〔2021〕231号 五（二）';
const ZAS = 'T/ZAS 4006.1—2020 6.2.2.1';

export const PATROL_ITEMS: readonly PatrolItem[] = [
  { code: 'illegal-construction', name: { 'zh-CN': '违章搭建', en: 'Illegal construction' }, finding: { kind: 'case', category: 'illegal-construction' }, citation: HN },
  { code: 'renovation', name: { 'zh-CN': '违规装修', en: 'Renovation against the rules' }, finding: { kind: 'case', category: 'renovation' }, citation: HN },
  { code: 'dogs', name: { 'zh-CN': '违法养犬', en: 'Dogs kept against the law' }, finding: { kind: 'case', category: 'dogs' }, citation: HN },
  { code: 'noise', name: { 'zh-CN': '噪音污染', en: 'Noise' }, finding: { kind: 'case', category: 'pollution-noise' }, citation: HN },
  { code: 'fire-lane', name: { 'zh-CN': '消防车通道堵塞', en: 'Fire lane blocked' }, finding: { kind: 'hazard', class: 'fire' }, citation: HN },
  { code: 'corridor', name: { 'zh-CN': '楼道堆物', en: 'Things piled in stairwells' }, finding: { kind: 'hazard', class: 'fire' }, citation: ZAS },
  { code: 'ebike', name: { 'zh-CN': '电动自行车违规停放充电', en: 'E-bikes parked or charged indoors' }, finding: { kind: 'hazard', class: 'electricity' }, citation: ZAS },
  { code: 'facilities', name: { 'zh-CN': '公共设施损坏', en: 'Damaged shared facilities' }, finding: { kind: 'case', category: 'common-facilities' }, citation: ZAS },
];

export function patrolItem(code: string): PatrolItem | undefined {
  return PATROL_ITEMS.find((i) => i.code === code);
}
