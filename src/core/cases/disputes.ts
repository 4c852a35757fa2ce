// The dispute register and mediation (HZ DB3305/T 309—2024 5.1.4; T/ZAS 4006.1—2020 6.3.3;
// 西政办〔2020〕29号 8) as a state machine: registered → mediating (simple, public with its time
// and place announced, or joint across quarters, HZ 5.1.4.2) → agreed or failed → closed after
// the follow-up visit. A major dispute is reported upward when it is registered.
//
// Parts: `registrar` (the offices, the commissioner, the owners' committee) registers, schedules
// and follows up; `mediator` (the mediator role, the community office, the commissioner, the
// committee: ZAS 6.1.4.5) records the outcome.

export const disputeRisks = ['low', 'medium', 'high', 'major'] as const;
export type DisputeRisk = (typeof disputeRisks)[number];
export const mediationKinds = ['simple', 'public', 'joint'] as const;
export type MediationKind = (typeof mediationKinds)[number];
export const disputeStatuses = ['registered', 'mediating', 'agreed', 'failed', 'closed'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];
export const disputeActions = ['schedule', 'agree', 'fail', 'follow_up'] as const;
export type DisputeAction = (typeof disputeActions)[number];
export type DisputeParty = 'registrar' | 'mediator';

export const DISPUTE_CLAUSE = 'DB3305/T 309—2024 5.1.4；T/ZAS 4006.1—2020 6.3.3';

const STEPS: Record<DisputeAction, { from: readonly DisputeStatus[]; by: DisputeParty; to: DisputeStatus }> = {
  // A failed mediation may be scheduled again (another kind, another mediator).
  schedule: { from: ['registered', 'failed'], by: 'registrar', to: 'mediating' },
  agree: { from: ['mediating'], by: 'mediator', to: 'agreed' },
  fail: { from: ['mediating'], by: 'mediator', to: 'failed' },
  follow_up: { from: ['agreed'], by: 'registrar', to: 'closed' },
};

export type DisputeOutcome =
  | { ok: true; to: DisputeStatus }
  | { ok: false; code: 'DISPUTE_NOT_YOUR_STEP'; by: DisputeParty }
  | { ok: false; code: 'DISPUTE_STEP_OUT_OF_ORDER'; from: readonly DisputeStatus[]; status: DisputeStatus };

export function takeDisputeStep(status: DisputeStatus, action: DisputeAction, parties: readonly DisputeParty[]): DisputeOutcome {
  const step = STEPS[action];
  if (!parties.includes(step.by)) return { ok: false, code: 'DISPUTE_NOT_YOUR_STEP', by: step.by };
  if (!step.from.includes(status)) return { ok: false, code: 'DISPUTE_STEP_OUT_OF_ORDER', from: step.from, status };
  return { ok: true, to: step.to };
}

export function availableDisputeSteps(status: DisputeStatus, parties: readonly DisputeParty[]): DisputeAction[] {
  return disputeActions.filter((a) => STEPS[a].from.includes(status) && parties.includes(STEPS[a].by));
}

/** A major dispute is reported to the street when it is registered (HZ 5.1.4). */
export const reportedUpward = (risk: DisputeRisk) => risk === 'major';

export const disputeStatusLabels: Record<DisputeStatus, { 'zh-CN': string; en: string }> = {
  registered: { 'zh-CN': '已登记', en: 'Registered' },
  mediating: { 'zh-CN': '调解中', en: 'In mediation' },
  agreed: { 'zh-CN': '已达成协议，待回访', en: 'Agreed, to follow up' },
  failed: { 'zh-CN': '调解未成', en: 'Mediation failed' },
  closed: { 'zh-CN': '已回访结案', en: 'Followed up and closed' },
};
