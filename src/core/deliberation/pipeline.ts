// The quarter-level deliberation pipeline (小区议事, DB3305/T 309—2024 5.1.3.2.1.3) as a state
// machine: 议题 → 提议 → 商议 → 审议 → 决议 → 公开 → 备案, or rejected at a step with its reason.
// Pure: the server asks it whether a step may be taken, by whom, and with what record; the web
// app asks it which step comes next and who takes it.

export const proposalStages = ['topic', 'proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed', 'rejected'] as const;
export type ProposalStage = (typeof proposalStages)[number];

/** The stages in their order; `rejected` leaves the line at any step. */
export const pipelineOrder = ['topic', 'proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed'] as const;
export type PipelineStage = (typeof pipelineOrder)[number];
/** A step is named by the stage it leads to. */
export type Step = Exclude<PipelineStage, 'topic'>;
export const steps: readonly Step[] = ['proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed'];

export const HZ_PIPELINE = 'DB3305/T 309—2024 5.1.3.2.1.3';

/**
 * Who takes each step, and where the rule comes from:
 * - 提议: the owners' committee (or 20% of the owners co-signing, which the platform counts;
 *   业主大会和业主委员会指导规则 第21条);
 * - 商议: the joint meeting the owners' committee leads (业主委员会牵头联席会议商议), recorded by
 *   the committee or the quarter's party organisation that convenes it (T/ZAS 4006.1—2020 6.1.1.3);
 * - 审议: the owners' supervisory committee (业主监督管理委员会审议);
 * - 决议: the owners' assembly by a vote, which those who run the quarter's votes open and link;
 * - 公开: the owners' committee posts the result (小区宣传栏、电子屏), or the commissioner for it;
 * - 备案: the community records the filing (决议结果报社区备案).
 */
export const stepRoles: Record<Step, readonly string[]> = {
  proposed: ['committee'],
  discussed: ['committee', 'party_secretary'],
  reviewed: ['supervisory'],
  resolved: ['committee', 'commissioner', 'community_office'],
  published: ['committee', 'commissioner'],
  filed: ['community_office', 'commissioner'],
};

/** What each step must carry as its record. */
export const stepRecords: Record<Step, readonly ('opinion' | 'meetingId' | 'voteId' | 'notice')[]> = {
  proposed: [],
  discussed: ['meetingId'],
  reviewed: ['opinion'],
  resolved: ['voteId'],
  published: ['notice'],
  filed: [],
};

export const stepClauses: Record<Step, string> = {
  proposed: `${HZ_PIPELINE} 提议；业主大会和业主委员会指导规则 第21条`,
  discussed: `${HZ_PIPELINE} 商议；T/ZAS 4006.1—2020 6.1.1.3`,
  reviewed: `${HZ_PIPELINE} 审议`,
  resolved: `${HZ_PIPELINE} 决议；民法典 第278条`,
  published: `${HZ_PIPELINE} 公开`,
  filed: `${HZ_PIPELINE} 备案`,
};

export type AdvanceRefusal =
  | { ok: false; code: 'PROPOSAL_CLOSED'; status: 409; clause: string }
  | { ok: false; code: 'PROPOSAL_STEP_REPEATED'; status: 409; clause: string; next: Step }
  | { ok: false; code: 'PROPOSAL_STEP_SKIPPED'; status: 409; clause: string; next: Step }
  | { ok: false; code: 'PROPOSAL_WRONG_ROLE'; status: 403; clause: string; step: Step; roles: readonly string[] }
  | { ok: false; code: 'PROPOSAL_RECORD_MISSING'; status: 422; clause: string; step: Step; missing: string[] };

export type AdvanceCheck = { ok: true; step: Step } | AdvanceRefusal;

const indexOf = (s: PipelineStage) => pipelineOrder.indexOf(s);

/** The step that comes next from a stage, or null when the proposal is finished (filed, rejected). */
export function nextStep(stage: ProposalStage): Step | null {
  if (stage === 'rejected' || stage === 'filed') return null;
  return pipelineOrder[indexOf(stage) + 1] as Step;
}

export interface StepRecord {
  opinion?: string | null;
  meetingId?: string | null;
  voteId?: string | null;
  notice?: string | null;
}

/**
 * May `role` take the proposal from `from` to `to` with this record? The order of the answer:
 * a finished proposal, a repeated or skipped step (409) before the role (403), so that the
 * answer names the step that is due; then the record the step needs (422).
 */
export function checkAdvance(from: ProposalStage, to: PipelineStage, role: string, record: StepRecord = {}): AdvanceCheck {
  const next = nextStep(from);
  if (!next) return { ok: false, code: 'PROPOSAL_CLOSED', status: 409, clause: HZ_PIPELINE };
  if (to !== next) {
    const code = indexOf(to) < indexOf(next) ? 'PROPOSAL_STEP_REPEATED' : 'PROPOSAL_STEP_SKIPPED';
    return { ok: false, code, status: 409, clause: HZ_PIPELINE, next };
  }
  if (!stepRoles[next].includes(role)) return { ok: false, code: 'PROPOSAL_WRONG_ROLE', status: 403, clause: stepClauses[next], step: next, roles: stepRoles[next] };
  const missing = stepRecords[next].filter((field) => !(record[field] ?? '').toString().trim());
  if (missing.length) return { ok: false, code: 'PROPOSAL_RECORD_MISSING', status: 422, clause: stepClauses[next], step: next, missing };
  return { ok: true, step: next };
}

export type RejectCheck =
  | { ok: true; atStep: Step }
  | { ok: false; code: 'PROPOSAL_CLOSED'; status: 409; clause: string }
  | { ok: false; code: 'PROPOSAL_WRONG_ROLE'; status: 403; clause: string; step: Step; roles: readonly string[] }
  | { ok: false; code: 'PROPOSAL_REASON_MISSING'; status: 422; clause: string };

/**
 * A proposal is rejected at the step that is due, by the role that takes that step, with its
 * reason: the committee declines a topic, the joint meeting or the supervisory committee turns
 * a proposal down, the assembly's vote fails, the community refuses the filing.
 */
export function checkReject(from: ProposalStage, role: string, reason: string | null | undefined): RejectCheck {
  const next = nextStep(from);
  if (!next) return { ok: false, code: 'PROPOSAL_CLOSED', status: 409, clause: HZ_PIPELINE };
  if (!stepRoles[next].includes(role)) return { ok: false, code: 'PROPOSAL_WRONG_ROLE', status: 403, clause: stepClauses[next], step: next, roles: stepRoles[next] };
  if (!reason?.trim()) return { ok: false, code: 'PROPOSAL_REASON_MISSING', status: 422, clause: stepClauses[next] };
  return { ok: true, atStep: next };
}

/** Which steps a role may take now (the web app shows only those). */
export function stepsFor(stage: ProposalStage, role: string): Step[] {
  const next = nextStep(stage);
  return next && stepRoles[next].includes(role) ? [next] : [];
}
