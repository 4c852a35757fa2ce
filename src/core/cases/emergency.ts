// Emergency plans of a quarter (T/ZAS 4006.1—2020 6.2.4.1): one for each class the standard
// names, with its contacts, and drills recorded with their date and attendance. What is missing
// is said with the clause: a class without a plan, or no drill in the last year.

import { addYears, type IsoDate } from '../dates';

export const planClasses = ['accident', 'public-health', 'committee-unable', 'company-leaving', 'facility-failure'] as const;
export type PlanClass = (typeof planClasses)[number];

export const PLAN_CLAUSE = 'T/ZAS 4006.1—2020 6.2.4.1';

export const planClassLabels: Record<PlanClass, { 'zh-CN': string; en: string }> = {
  accident: { 'zh-CN': '安全事故', en: 'Accidents' },
  'public-health': { 'zh-CN': '公共卫生事件', en: 'Public health events' },
  'committee-unable': { 'zh-CN': '业主委员会不能正常履职', en: "The owners' committee unable to act" },
  'company-leaving': { 'zh-CN': '物业服务企业退出', en: 'The property company leaving' },
  'facility-failure': { 'zh-CN': '设施设备故障', en: 'Facility failure' },
};

export interface PlanGap {
  kind: 'missing-plan' | 'no-drill';
  planClass?: PlanClass;
  citation: string;
  message: { 'zh-CN': string; en: string };
}

/**
 * What a quarter lacks on `today`: a plan of each class, and a drill within a year (a drill on
 * the day a year before still counts: the year is full on its last day, 民法典 第1259条).
 */
export function planGaps(plans: readonly { planClass: PlanClass }[], lastDrillOn: IsoDate | null, today: IsoDate): PlanGap[] {
  const gaps: PlanGap[] = [];
  for (const c of planClasses) {
    if (!plans.some((p) => p.planClass === c))
      gaps.push({ kind: 'missing-plan', planClass: c, citation: PLAN_CLAUSE, message: { 'zh-CN': `缺少“${planClassLabels[c]['zh-CN']}”应急预案`, en: `No emergency plan for ${planClassLabels[c].en.toLowerCase()}` } });
  }
  if (!lastDrillOn || addYears(lastDrillOn, 1) < today)
    gaps.push({ kind: 'no-drill', citation: PLAN_CLAUSE, message: { 'zh-CN': '近一年没有应急演练记录', en: 'No emergency drill in the last year' } });
  return gaps;
}
