import { describe, expect, it } from 'vitest';
import { buildingStepRoles, checkBuildingAdvance, checkBuildingRating, checkEscalate, nextBuildingStep } from './building';

const allRoles = ['district_office', 'street_office', 'community_office', 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'owner', 'department', 'mediator'];

describe('building-level deliberation 议题 → 决议 → 公示 (DB3305/T 309—2024 5.1.3.2.2)', () => {
  it('each stage leads to the next; a posted, rejected or proposed one leads nowhere', () => {
    expect(['topic', 'resolved', 'published', 'rejected', 'proposed'].map((s) => nextBuildingStep(s as never))).toEqual(['resolved', 'published', null, null, null]);
  });
  for (const [from, step] of [
    ['topic', 'resolved'],
    ['resolved', 'published'],
  ] as const) {
    for (const role of allRoles) {
      const allowed = buildingStepRoles[step].includes(role);
      it(`${from} → ${step}, ${role}: ${allowed ? 'taken' : '403'}`, () => {
        const r = checkBuildingAdvance(from, step, role, { voteId: 'v', notice: '已张贴' });
        if (allowed) expect(r).toEqual({ ok: true, step });
        else expect(r).toMatchObject({ ok: false, code: 'PROPOSAL_WRONG_ROLE', status: 403 });
      });
    }
  }
  it('no step is skipped or repeated (409), none after the posting, and each needs its record (422)', () => {
    expect(checkBuildingAdvance('topic', 'published', 'building_leader', { notice: 'x' })).toMatchObject({ code: 'PROPOSAL_STEP_SKIPPED', status: 409, next: 'resolved' });
    expect(checkBuildingAdvance('resolved', 'resolved', 'committee', { voteId: 'v' })).toMatchObject({ code: 'PROPOSAL_STEP_REPEATED', status: 409, next: 'published' });
    expect(checkBuildingAdvance('resolved', 'topic', 'committee')).toMatchObject({ code: 'PROPOSAL_STEP_REPEATED' });
    expect(checkBuildingAdvance('topic', 'proposed', 'committee')).toMatchObject({ code: 'PROPOSAL_STEP_SKIPPED' });
    expect(checkBuildingAdvance('published', 'published', 'building_leader', { notice: 'x' })).toMatchObject({ code: 'PROPOSAL_CLOSED', status: 409 });
    expect(checkBuildingAdvance('topic', 'resolved', 'committee', {})).toMatchObject({ code: 'PROPOSAL_RECORD_MISSING', status: 422, missing: ['voteId'] });
    expect(checkBuildingAdvance('resolved', 'published', 'building_leader', {})).toMatchObject({ code: 'PROPOSAL_RECORD_MISSING', missing: ['notice'] });
  });
  it('goes to the quarter while undecided or after a failed vote, by those who collect it, with the reason', () => {
    expect(checkEscalate('topic', 'building_leader', '需要动用公共收益')).toEqual({ ok: true });
    expect(checkEscalate('rejected', 'grid_worker', '表决未通过')).toEqual({ ok: true });
    expect(checkEscalate('resolved', 'building_leader', 'x')).toMatchObject({ code: 'PROPOSAL_NOT_ESCALATABLE', status: 409 });
    expect(checkEscalate('topic', 'owner', 'x')).toMatchObject({ code: 'PROPOSAL_ESCALATE_ROLE', status: 403 });
    expect(checkEscalate('topic', 'commissioner', ' ')).toMatchObject({ code: 'PROPOSAL_REASON_MISSING', status: 422 });
  });
  it('households rate the posted result only', () => {
    expect(checkBuildingRating('published', 'owner')).toEqual({ ok: true });
    expect(checkBuildingRating('resolved', 'owner')).toMatchObject({ code: 'PROPOSAL_NOT_POSTED', status: 409 });
    expect(checkBuildingRating('published', 'building_leader')).toMatchObject({ code: 'PROPOSAL_RATING_ROLE', status: 403 });
  });
});
