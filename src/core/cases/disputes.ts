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

// ---- the kind of a dispute ----
// What a dispute is about, as the register sorts it for the committee's monthly analysis (HZ
// 5.1.4.1.3) and as the public board names a public mediation without its parties: between
// neighbours; over the use, upkeep and management of the property (ZAS 6.1.4.5); over the
// company's service and its fees (湘建房〔2021〕231号 附件: 因物业管理收费引发的矛盾和纠纷); parking;
// renovation and building work; anything else.
export const disputeCategories = ['neighbour', 'property_use', 'property_service', 'parking', 'renovation', 'other'] as const;
export type DisputeCategory = (typeof disputeCategories)[number];

export const disputeCategoryLabels: Record<DisputeCategory, { 'zh-CN': string; en: string }> = {
  neighbour: { 'zh-CN': '相邻关系（漏水、噪音等）', en: 'Between neighbours (leaks, noise…)' },
  property_use: { 'zh-CN': '物业使用与维护', en: 'Use and upkeep of the property' },
  property_service: { 'zh-CN': '物业服务与收费', en: 'Property service and fees' },
  parking: { 'zh-CN': '停车与车位', en: 'Parking' },
  renovation: { 'zh-CN': '装修与搭建', en: 'Renovation and building work' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

// ---- joint mediation across quarters (联合调解, HZ 5.1.4.2) ----
// "跨小区的矛盾纠纷，由业主委员会上报有关部门启动毗邻小区矛盾调解互动机制": a dispute that reaches
// across quarters is mediated jointly with the neighbouring quarters. A neighbour is a quarter of
// the same street, whose office coordinates them; a quarter of another street of the same
// district is named only by the district's office, which coordinates both streets; a quarter of
// another district never (its offices have no part in this district's register).
export const JOINT_MEDIATION_CLAUSE = 'DB3305/T 309—2024 5.1.4.2';
/** At most this many other quarters in one joint mediation. */
export const JOINT_QUARTERS_MAX = 5;

export interface QuarterPlaceRef {
  quarterId: string;
  streetId?: string | null;
  districtId: string;
}

export type JointRefusal = 'same_quarter' | 'other_district' | 'other_street';

/** Why `other` may not join the joint mediation of a dispute of `home`, or null when it may. */
export function jointQuarterRefusal(home: QuarterPlaceRef, other: QuarterPlaceRef, callerIsDistrictWide: boolean): JointRefusal | null {
  if (other.quarterId === home.quarterId) return 'same_quarter';
  if (other.districtId !== home.districtId) return 'other_district';
  if (other.streetId !== home.streetId && !callerIsDistrictWide) return 'other_street';
  return null;
}

export const jointRefusalLabels: Record<JointRefusal, { 'zh-CN': string; en: string }> = {
  same_quarter: { 'zh-CN': '纠纷所在小区本身无须列为联合调解的其他小区', en: 'the dispute’s own quarter is not one of the other quarters' },
  other_district: { 'zh-CN': '该小区不在本区，不能参与本区的联合调解', en: 'that quarter is in another district and cannot join this district’s joint mediation' },
  other_street: { 'zh-CN': '跨街道的小区只能由区三方办列入联合调解，街道内的毗邻小区可直接列入', en: 'a quarter of another street is named only by the district office; quarters of the same street may be named directly' },
};
