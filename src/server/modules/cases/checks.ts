// The cases module's checks of a quarter: its emergency plans and drills (T/ZAS 4006.1—2020
// 6.2.4.1: 应急预案 of each class the standard names, and drills). A quarter without a plan of a
// required class, or without a drill in the year up to the day judged, fails with the clause.
// The judgement is kept by the organisations' to-do list; migration 0021 marks a quarter stale
// on any write to its plans or drills, and a kept judgement holds for one day only, so a drill
// that falls out of the year shows the next day.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { QuarterCheck, QuarterChecksProvider } from '../../platform/module';
import { PLAN_CLAUSE, planClassLabels, planGaps, type PlanClass } from '../../../core/cases';

export const EMERGENCY_PLAN_RULE = 'emergency-plan-classes';
export const EMERGENCY_DRILL_RULE = 'emergency-drill-yearly';

export const casesQuarterChecks: QuarterChecksProvider = {
  key: 'cases',
  async checks(db: Kysely<Database>, quarterIds, asOf, locale) {
    const out = new Map<string, QuarterCheck[]>();
    if (!quarterIds.length) return out;
    // Only what existed on the day judged: a plan approved later or a drill after it does not count.
    const [plans, drills] = await Promise.all([
      db.selectFrom('emergency_plans').select(['quarter_id', 'plan_class']).distinct().where('quarter_id', 'in', quarterIds).where('approved_on', '<=', asOf).execute(),
      db
        .selectFrom('emergency_drills')
        .select(['quarter_id', (eb) => eb.fn.max('held_on').as('last')])
        .where('quarter_id', 'in', quarterIds)
        .where('held_on', '<=', asOf)
        .groupBy('quarter_id')
        .execute(),
    ]);
    const classesOf = new Map<string, { planClass: PlanClass }[]>();
    for (const p of plans) classesOf.set(p.quarter_id, [...(classesOf.get(p.quarter_id) ?? []), { planClass: p.plan_class as PlanClass }]);
    const lastDrill = new Map(drills.map((d) => [d.quarter_id, d.last ? String(d.last).slice(0, 10) : null]));
    const en = locale === 'en';
    for (const q of quarterIds) {
      const gaps = planGaps(classesOf.get(q) ?? [], lastDrill.get(q) ?? null, asOf);
      const missing = gaps.filter((g) => g.kind === 'missing-plan').map((g) => planClassLabels[g.planClass!][en ? 'en' : 'zh-CN']);
      const noDrill = gaps.some((g) => g.kind === 'no-drill');
      const last = lastDrill.get(q) ?? null;
      out.set(q, [
        {
          rule: EMERGENCY_PLAN_RULE,
          status: missing.length ? 'fail' : 'pass',
          citation: PLAN_CLAUSE,
          message: en
            ? missing.length
              ? `No emergency plan for: ${missing.join(', ').toLowerCase()}. Each class the standard names needs one, with its contacts.`
              : 'An emergency plan of each required class is on record.'
            : missing.length
              ? `缺少应急预案：${missing.join('、')}。标准列明的每类突发事件都应有预案及联系人。`
              : '各类应急预案齐全。',
        },
        {
          rule: EMERGENCY_DRILL_RULE,
          status: noDrill ? 'fail' : 'pass',
          citation: PLAN_CLAUSE,
          message: en
            ? noDrill
              ? last
                ? `No emergency drill in the last year (the last was on ${last}).`
                : 'No emergency drill on record.'
              : `An emergency drill was held in the last year (on ${last}).`
            : noDrill
              ? last
                ? `近一年没有应急演练（上次演练 ${last}）。`
                : '没有应急演练记录。'
              : `近一年已开展应急演练（${last}）。`,
        },
      ]);
    }
    return out;
  },
};
