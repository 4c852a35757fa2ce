// The hazard database (风险隐患信息数据库, T/ZAS 4006.1—2020 6.2.4.3) and its loop as a state
// machine: found on patrol → dissuaded on the spot (劝阻) → reported → handled → verified by
// someone other than whoever handled it (湘建房〔2021〕231号 五（二）: 巡查、发现、劝阻、报告、处置、
// 评估, "形成责任闭环"). A verification that fails sends it back to be handled again.
//
// Parts, as for cases: `patrol` (grid workers, building leaders, the company, the commissioner,
// the offices) find, dissuade and report; `handler` (the company, the community, the
// commissioner, a department) handles; `verifier` (the commissioner and the offices) verifies.

import type { TimeLimit } from './deadlines';

export const hazardClasses = ['fire', 'electricity', 'gas', 'structure', 'elevator', 'public-health', 'flood', 'public-order', 'other'] as const;
export type HazardClass = (typeof hazardClasses)[number];
export const hazardLevels = ['general', 'major', 'severe'] as const;
export type HazardLevel = (typeof hazardLevels)[number];

export const hazardStatuses = ['found', 'dissuaded', 'reported', 'handling', 'verified'] as const;
export type HazardStatus = (typeof hazardStatuses)[number];
export const hazardActions = ['dissuade', 'report', 'handle', 'verify'] as const;
export type HazardAction = (typeof hazardActions)[number];
export type HazardParty = 'patrol' | 'handler' | 'verifier';

export const HAZARD_CLAUSE = 'T/ZAS 4006.1—2020 6.2.4.3；湘建房〔2021〕231号 五（二）';

const STEPS: Record<HazardAction, { from: readonly HazardStatus[]; by: HazardParty }> = {
  dissuade: { from: ['found'], by: 'patrol' },
  report: { from: ['found', 'dissuaded'], by: 'patrol' },
  handle: { from: ['reported'], by: 'handler' },
  verify: { from: ['handling'], by: 'verifier' },
};

export type HazardOutcome =
  | { ok: true; to: HazardStatus }
  | { ok: false; code: 'HAZARD_NOT_YOUR_STEP'; by: HazardParty }
  | { ok: false; code: 'HAZARD_STEP_OUT_OF_ORDER'; from: readonly HazardStatus[]; status: HazardStatus }
  | { ok: false; code: 'HAZARD_OWN_VERIFICATION' };

/**
 * Whether a caller playing `parties` may take `action` on a hazard in `status`. `handledBySelf`:
 * the caller handled it, and may not verify their own work.
 */
export function takeHazardStep(status: HazardStatus, action: HazardAction, parties: readonly HazardParty[], opts: { passed?: boolean; handledBySelf?: boolean } = {}): HazardOutcome {
  const step = STEPS[action];
  if (!parties.includes(step.by)) return { ok: false, code: 'HAZARD_NOT_YOUR_STEP', by: step.by };
  if (!step.from.includes(status)) return { ok: false, code: 'HAZARD_STEP_OUT_OF_ORDER', from: step.from, status };
  switch (action) {
    case 'dissuade':
      return { ok: true, to: 'dissuaded' };
    case 'report':
      return { ok: true, to: 'reported' };
    case 'handle':
      return { ok: true, to: 'handling' };
    case 'verify':
      if (opts.handledBySelf) return { ok: false, code: 'HAZARD_OWN_VERIFICATION' };
      return { ok: true, to: opts.passed === false ? 'reported' : 'verified' };
  }
}

export function availableHazardSteps(status: HazardStatus, parties: readonly HazardParty[]): HazardAction[] {
  return hazardActions.filter((a) => STEPS[a].from.includes(status) && parties.includes(STEPS[a].by));
}

/** The time to remove a hazard, by its level (the platform's default; no seed fixes one). */
export const HAZARD_LIMITS: Record<HazardLevel, TimeLimit> = {
  general: { amount: 15, unit: 'calendar_days' },
  major: { amount: 5, unit: 'working_days' },
  severe: { amount: 24, unit: 'hours' },
};

export const hazardStatusLabels: Record<HazardStatus, { 'zh-CN': string; en: string }> = {
  found: { 'zh-CN': '已发现', en: 'Found' },
  dissuaded: { 'zh-CN': '已劝阻', en: 'Dissuaded' },
  reported: { 'zh-CN': '已报告，待处置', en: 'Reported' },
  handling: { 'zh-CN': '已处置，待核验', en: 'Handled, to verify' },
  verified: { 'zh-CN': '已核验销号', en: 'Verified and closed' },
};
