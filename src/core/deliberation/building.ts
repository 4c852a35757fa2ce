// Building-level deliberation (楼道议事, DB3305/T 309—2024 5.1.3.2.2) as a state machine: a topic
// of one building (raised by its building leader or collected on visits, 5.1.3.2.2.1) is decided
// by its household representatives in a building-majority vote (two thirds take part, more than
// half of them agree, 5.1.3.2.2.5 — the voting module's `building-majority` rule), posted on the
// building's notice board (5.1.3.2.2.6) and rated by its households (5.1.3.2.2.7). What the
// building cannot settle goes to the quarter's pipeline with its history (5.1.3.2.2.5
// 若现场解决不了的，提交小区议事会).
import type { AdvanceRefusal, ProposalStage, StepRecord } from './pipeline';

export const HZ_BUILDING = 'DB3305/T 309—2024 5.1.3.2.2';
export type BuildingStep = 'resolved' | 'published';
export const buildingSteps: readonly BuildingStep[] = ['resolved', 'published'];

/**
 * 决议 links the building's vote, which those who run the quarter's votes open; 公示 is posted
 * by the building leader, the grid worker or the commissioner.
 */
export const buildingStepRoles: Record<BuildingStep, readonly string[]> = {
  resolved: ['committee', 'commissioner', 'community_office'],
  published: ['building_leader', 'grid_worker', 'commissioner'],
};
export const buildingStepRecords: Record<BuildingStep, readonly ('voteId' | 'notice')[]> = { resolved: ['voteId'], published: ['notice'] };
export const buildingStepClauses: Record<BuildingStep, string> = {
  resolved: `${HZ_BUILDING}.5`,
  published: `${HZ_BUILDING}.6`,
};
/** Who takes a building's topic to the quarter. */
export const escalateRoles: readonly string[] = ['building_leader', 'grid_worker', 'commissioner'];
export const ESCALATE_CLAUSE = `${HZ_BUILDING}.5 若现场解决不了的，提交小区议事会`;
export const RATING_CLAUSE = `${HZ_BUILDING}.7`;

const order: ProposalStage[] = ['topic', 'resolved', 'published'];

export function nextBuildingStep(stage: ProposalStage): BuildingStep | null {
  if (stage === 'topic') return 'resolved';
  if (stage === 'resolved') return 'published';
  return null;
}

/** As checkAdvance (pipeline.ts), for a building's topic: 议题 → 决议 → 公示. */
export function checkBuildingAdvance(from: ProposalStage, to: ProposalStage, role: string, record: StepRecord = {}): { ok: true; step: BuildingStep } | (AdvanceRefusal & { clause: string }) {
  const next = nextBuildingStep(from);
  if (!next) return { ok: false, code: 'PROPOSAL_CLOSED', status: 409, clause: HZ_BUILDING };
  if (to !== next) {
    const before = order.indexOf(to) >= 0 && order.indexOf(to) < order.indexOf(next);
    return { ok: false, code: before ? 'PROPOSAL_STEP_REPEATED' : 'PROPOSAL_STEP_SKIPPED', status: 409, clause: HZ_BUILDING, next };
  }
  if (!buildingStepRoles[next].includes(role)) return { ok: false, code: 'PROPOSAL_WRONG_ROLE', status: 403, clause: buildingStepClauses[next], step: next, roles: buildingStepRoles[next] };
  const missing = buildingStepRecords[next].filter((field) => !(record[field] ?? '').toString().trim());
  if (missing.length) return { ok: false, code: 'PROPOSAL_RECORD_MISSING', status: 422, clause: buildingStepClauses[next], step: next, missing };
  return { ok: true, step: next };
}

export type SimpleCheck = { ok: true } | { ok: false; code: string; status: 403 | 409 | 422; clause: string };

/**
 * A building's topic goes to the quarter while it is undecided, or after its vote failed; once
 * (the server checks that it has not gone already).
 */
export function checkEscalate(stage: ProposalStage, role: string, reason: string | null | undefined): SimpleCheck {
  if (!escalateRoles.includes(role)) return { ok: false, code: 'PROPOSAL_ESCALATE_ROLE', status: 403, clause: ESCALATE_CLAUSE };
  if (stage !== 'topic' && stage !== 'rejected') return { ok: false, code: 'PROPOSAL_NOT_ESCALATABLE', status: 409, clause: ESCALATE_CLAUSE };
  if (!reason?.trim()) return { ok: false, code: 'PROPOSAL_REASON_MISSING', status: 422, clause: ESCALATE_CLAUSE };
  return { ok: true };
}

/** A household of the building rates the posted result (5.1.3.2.2.7), once it is posted. */
export function checkBuildingRating(stage: ProposalStage, role: string): SimpleCheck {
  if (role !== 'owner') return { ok: false, code: 'PROPOSAL_RATING_ROLE', status: 403, clause: RATING_CLAUSE };
  if (stage !== 'published') return { ok: false, code: 'PROPOSAL_NOT_POSTED', status: 409, clause: RATING_CLAUSE };
  return { ok: true };
}
