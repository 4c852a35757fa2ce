// The lifecycle of a case (诉求) as a state machine, in the order GB/T 17242 asks complaints to
// be handled (T/ZAS 4006.1—2020 7.1.2: 投诉处理按照 GB/T 17242 的要求进行): received → acknowledged
// (受理) → assigned (派单) → in progress (办理) → replied (答复) → return visit (回访) with the
// raiser's rating → closed; an unsatisfied return visit reopens the case for another dispatch.
//
// Who may take a step is said by the part the caller plays for the case, which the server works
// out from the account (core knows no accounts):
//   dispatcher  the office that receives and dispatches: the quarter commissioner, the community,
//               street and district offices (ZAS 6.1.3.4: the commissioner coordinates complaints);
//   handler     the office the case is dispatched to (its own queue);
//   raiser      whoever raised it: an owner's account, or anyone holding its tracking code.
// The part is checked before the step, so the same call by the same caller always answers the
// same refusal whatever state the case is in.

export const caseStatuses = ['received', 'acknowledged', 'assigned', 'in_progress', 'replied', 'reopened', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseActions = ['acknowledge', 'assign', 'start', 'reply', 'visit'] as const;
export type CaseAction = (typeof caseActions)[number];

export const caseParties = ['dispatcher', 'handler', 'raiser'] as const;
export type CaseParty = (typeof caseParties)[number];

export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Rating = (typeof ratings)[number];

export const CASE_CLAUSE = 'T/ZAS 4006.1—2020 7.1.2（GB/T 17242）';

interface Step {
  from: readonly CaseStatus[];
  by: readonly CaseParty[];
  /** The status after the step; a return visit's depends on its rating. */
  to: CaseStatus | ((rating: Rating) => CaseStatus);
}

export const STEPS: Record<CaseAction, Step> = {
  acknowledge: { from: ['received'], by: ['dispatcher'], to: 'acknowledged' },
  // Dispatched again while no one has started on it (the handler says it is not theirs), or
  // after an unsatisfied return visit.
  assign: { from: ['acknowledged', 'assigned', 'reopened'], by: ['dispatcher'], to: 'assigned' },
  start: { from: ['assigned'], by: ['handler'], to: 'in_progress' },
  reply: { from: ['in_progress'], by: ['handler'], to: 'replied' },
  // The raiser rates the reply; the dispatcher records a return visit made by phone.
  visit: { from: ['replied'], by: ['raiser', 'dispatcher'], to: (rating) => (rating === 'unsatisfied' ? 'reopened' : 'closed') },
};

export type StepOutcome =
  | { ok: true; to: CaseStatus }
  | { ok: false; code: 'CASE_NOT_YOUR_STEP'; by: readonly CaseParty[] }
  | { ok: false; code: 'CASE_STEP_OUT_OF_ORDER'; from: readonly CaseStatus[]; status: CaseStatus };

/** Whether a caller playing `parties` may take `action` on a case in `status`, and where it leads. */
export function takeStep(status: CaseStatus, action: CaseAction, parties: readonly CaseParty[], rating?: Rating): StepOutcome {
  const step = STEPS[action];
  if (!step.by.some((p) => parties.includes(p))) return { ok: false, code: 'CASE_NOT_YOUR_STEP', by: step.by };
  if (!step.from.includes(status)) return { ok: false, code: 'CASE_STEP_OUT_OF_ORDER', from: step.from, status };
  if (typeof step.to === 'function') {
    if (!rating) throw new RangeError('A return visit needs a rating');
    return { ok: true, to: step.to(rating) };
  }
  return { ok: true, to: step.to };
}

/** The steps a caller playing `parties` may take now, for the buttons a page shows. */
export function availableSteps(status: CaseStatus, parties: readonly CaseParty[]): CaseAction[] {
  return caseActions.filter((a) => STEPS[a].from.includes(status) && STEPS[a].by.some((p) => parties.includes(p)));
}

/** A case still waiting for its first response (受理). */
export const awaitingAcknowledgement = (status: CaseStatus) => status === 'received';
/** A case whose reply is still owed: dispatched or not, it has no reply yet. */
export const awaitingReply = (status: CaseStatus) => status !== 'replied' && status !== 'closed';

export const statusLabels: Record<CaseStatus, { 'zh-CN': string; en: string }> = {
  received: { 'zh-CN': '已登记', en: 'Received' },
  acknowledged: { 'zh-CN': '已受理', en: 'Acknowledged' },
  assigned: { 'zh-CN': '已派单', en: 'Dispatched' },
  in_progress: { 'zh-CN': '办理中', en: 'In progress' },
  replied: { 'zh-CN': '已答复，待回访', en: 'Replied, awaiting return visit' },
  reopened: { 'zh-CN': '不满意，重新办理', en: 'Reopened (unsatisfied)' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
};

export const ratingLabels: Record<Rating, { 'zh-CN': string; en: string }> = {
  satisfied: { 'zh-CN': '满意', en: 'Satisfied' },
  basically_satisfied: { 'zh-CN': '基本满意', en: 'Basically satisfied' },
  unsatisfied: { 'zh-CN': '不满意', en: 'Unsatisfied' },
};

/** Every status a case can reach from `received`, in order, for a timeline's empty steps. */
export const mainPath: readonly CaseStatus[] = ['received', 'acknowledged', 'assigned', 'in_progress', 'replied', 'closed'];
