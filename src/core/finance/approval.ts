// The large-spending procedure 四审两公开 (百委〔2023〕37号 二（三）9): a fund-use project
// (资金使用立项, DB3305/T 309—2024 5.1.1.1) at or above the quarter's threshold passes, in this
// order, 业委会初审 → 社区(小区)党组织审核 → 三方联席会议审议 → 业主大会审定 → 审定结果公开, and
// only then is money paid; 使用情况公开 closes it. Pure: the server asks this what may happen.

export const BG9 = '百委〔2023〕37号 二（三）9';
export const BG9_QUOTE = '业委会初审、社区(小区)党组织审核、三方联席会议审议、业主大会审定、审定结果公开、使用情况公开';

export const reviewSteps = ['committee_review', 'party_review', 'joint_review', 'assembly_decision', 'decision_publication', 'use_publication'] as const;
export type ReviewStep = (typeof reviewSteps)[number];

export const projectStages = ['proposed', 'committee_reviewed', 'party_reviewed', 'joint_reviewed', 'assembly_decided', 'decision_published', 'use_published', 'rejected'] as const;
export type ProjectStage = (typeof projectStages)[number];

/** The stage a step leads to when it approves. */
export const stageAfter: Record<ReviewStep, ProjectStage> = {
  committee_review: 'committee_reviewed',
  party_review: 'party_reviewed',
  joint_review: 'joint_reviewed',
  assembly_decision: 'assembly_decided',
  decision_publication: 'decision_published',
  use_publication: 'use_published',
};

/**
 * Who takes each step. The committee reviews first; the party organisation of the quarter, or
 * the community's (the community office stands for it), reviews next; the joint meeting is
 * convened by the commissioner or the community office, who record its result; the assembly's
 * decision is a vote, recorded by those who run votes; the committee (or, where the residents'
 * committee keeps the account, the community) publishes.
 */
export const stepRoles: Record<ReviewStep, readonly string[]> = {
  committee_review: ['committee'],
  party_review: ['party_secretary', 'community_office'],
  joint_review: ['commissioner', 'community_office'],
  assembly_decision: ['committee', 'commissioner', 'community_office'],
  decision_publication: ['committee', 'commissioner', 'community_office'],
  use_publication: ['committee', 'commissioner', 'community_office'],
};

/** Steps that may refuse the project (the four reviews); publications only record. */
export const mayReject: ReadonlySet<ReviewStep> = new Set(['committee_review', 'party_review', 'joint_review', 'assembly_decision']);

/**
 * Is the project large? At or above the threshold (以上 includes the number itself,
 * 民法典 第1259条). A threshold of null makes every project large.
 */
export function isLarge(amountFen: number, thresholdFen: number | null): boolean {
  return thresholdFen === null || amountFen >= thresholdFen;
}

export interface ProjectState {
  stage: ProjectStage;
  /** At or above the threshold when it was proposed: the procedure applies. */
  large: boolean;
  /** Payments booked on it (use can be published only after some). */
  payments: number;
}

export type StepRefusal =
  | { code: 'WRONG_ROLE'; roles: readonly string[] }
  | { code: 'OUT_OF_ORDER'; expected: ReviewStep | null }
  | { code: 'CLOSED' }
  | { code: 'CANNOT_REJECT' }
  | { code: 'NO_PAYMENTS' };

/** The step a project waits for, or null when it is closed (use published or refused). */
export function nextStep(p: ProjectState): ReviewStep | null {
  if (p.stage === 'rejected' || p.stage === 'use_published') return null;
  // A small project needs no review: once paid, its use is published.
  if (!p.large) return 'use_publication';
  const i = projectStages.indexOf(p.stage);
  return reviewSteps[i];
}

/**
 * Why `role` may not take `step` now (wrong role first, as the role is known before the state),
 * or null. The outcome 'rejected' ends the project.
 */
export function refuseStep(p: ProjectState, step: ReviewStep, role: string, outcome: 'approved' | 'rejected'): StepRefusal | null {
  if (!stepRoles[step].includes(role)) return { code: 'WRONG_ROLE', roles: stepRoles[step] };
  const expected = nextStep(p);
  if (expected === null) return { code: 'CLOSED' };
  if (step !== expected) return { code: 'OUT_OF_ORDER', expected };
  if (outcome === 'rejected' && !mayReject.has(step)) return { code: 'CANNOT_REJECT' };
  if (step === 'use_publication' && p.payments === 0) return { code: 'NO_PAYMENTS' };
  return null;
}

/** The stage after a step was taken. */
export function applyStep(step: ReviewStep, outcome: 'approved' | 'rejected'): ProjectStage {
  return outcome === 'rejected' ? 'rejected' : stageAfter[step];
}

/**
 * May money be paid on the project? A large one only once the assembly's decision is published
 * (审定结果公开 comes before any use); a small one until it is closed.
 */
export function paymentAllowed(p: Pick<ProjectState, 'stage' | 'large'>): boolean {
  if (p.stage === 'rejected' || p.stage === 'use_published') return false;
  return !p.large || p.stage === 'decision_published';
}

/** The steps a large project has passed, in order, for a page that shows them. */
export function passedSteps(stage: ProjectStage): ReviewStep[] {
  if (stage === 'rejected') return [];
  return reviewSteps.slice(0, projectStages.indexOf(stage));
}
