import { describe, expect, it } from 'vitest';
import { checkAdvance, checkReject, nextStep, pipelineOrder, stepRoles, steps, stepsFor, type PipelineStage, type Step } from './pipeline';

const allRoles = ['district_office', 'street_office', 'community_office', 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'owner', 'department', 'mediator'];
const fullRecord = { opinion: '同意', meetingId: 'm1', voteId: 'v1', notice: '已在宣传栏公开' };

describe('the pipeline 议题 → 提议 → 商议 → 审议 → 决议 → 公开 → 备案', () => {
  it('each stage leads to the next, and filed and rejected lead nowhere', () => {
    expect(pipelineOrder.map((s) => nextStep(s))).toEqual(['proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed', null]);
    expect(nextStep('rejected')).toBeNull();
  });

  for (const step of steps) {
    const from = pipelineOrder[pipelineOrder.indexOf(step) - 1];
    describe(`${from} → ${step}`, () => {
      for (const role of allRoles) {
        const allowed = stepRoles[step].includes(role);
        it(`${role}: ${allowed ? 'taken' : 'refused 403'}`, () => {
          const r = checkAdvance(from, step, role, fullRecord);
          if (allowed) expect(r).toEqual({ ok: true, step });
          else expect(r).toMatchObject({ ok: false, code: 'PROPOSAL_WRONG_ROLE', status: 403, step });
        });
      }
      it('a step already taken is refused as repeated, a later one as skipped (409)', () => {
        const role = stepRoles[step][0];
        for (const to of pipelineOrder) {
          if (to === step) continue;
          const r = checkAdvance(from, to, role, fullRecord);
          const code = pipelineOrder.indexOf(to) < pipelineOrder.indexOf(step) ? 'PROPOSAL_STEP_REPEATED' : 'PROPOSAL_STEP_SKIPPED';
          expect(r).toMatchObject({ ok: false, code, status: 409, next: step });
        }
      });
    });
  }

  it('a step without its record is refused (422) and names what is missing', () => {
    expect(checkAdvance('proposed', 'discussed', 'committee', {})).toMatchObject({ code: 'PROPOSAL_RECORD_MISSING', missing: ['meetingId'] });
    expect(checkAdvance('discussed', 'reviewed', 'supervisory', { opinion: '  ' })).toMatchObject({ code: 'PROPOSAL_RECORD_MISSING', missing: ['opinion'] });
    expect(checkAdvance('reviewed', 'resolved', 'committee', {})).toMatchObject({ code: 'PROPOSAL_RECORD_MISSING', missing: ['voteId'] });
    expect(checkAdvance('resolved', 'published', 'committee', {})).toMatchObject({ code: 'PROPOSAL_RECORD_MISSING', missing: ['notice'] });
    expect(checkAdvance('topic', 'proposed', 'committee', {})).toEqual({ ok: true, step: 'proposed' });
    expect(checkAdvance('published', 'filed', 'community_office', {})).toEqual({ ok: true, step: 'filed' });
  });

  it('the wrong step is told before the wrong role', () => {
    expect(checkAdvance('topic', 'reviewed', 'owner')).toMatchObject({ code: 'PROPOSAL_STEP_SKIPPED', status: 409 });
  });

  it('a filed or rejected proposal takes no step', () => {
    for (const from of ['filed', 'rejected'] as const) {
      for (const to of pipelineOrder) expect(checkAdvance(from, to, 'committee', fullRecord)).toMatchObject({ ok: false, code: 'PROPOSAL_CLOSED', status: 409 });
    }
  });
});

describe('rejection', () => {
  for (const from of pipelineOrder.slice(0, -1) as PipelineStage[]) {
    const step = nextStep(from) as Step;
    it(`at ${step}: by ${stepRoles[step].join(', ')} with a reason`, () => {
      expect(checkReject(from, stepRoles[step][0], '不符合规定')).toEqual({ ok: true, atStep: step });
      const wrong = allRoles.find((r) => !stepRoles[step].includes(r))!;
      expect(checkReject(from, wrong, '不符合规定')).toMatchObject({ ok: false, code: 'PROPOSAL_WRONG_ROLE', status: 403 });
      expect(checkReject(from, stepRoles[step][0], ' ')).toMatchObject({ ok: false, code: 'PROPOSAL_REASON_MISSING', status: 422 });
    });
  }
  it('not once filed or rejected', () => {
    expect(checkReject('filed', 'community_office', 'x')).toMatchObject({ code: 'PROPOSAL_CLOSED' });
    expect(checkReject('rejected', 'committee', 'x')).toMatchObject({ code: 'PROPOSAL_CLOSED' });
  });
});

describe('stepsFor', () => {
  it('offers a role only the step due that it takes', () => {
    expect(stepsFor('topic', 'committee')).toEqual(['proposed']);
    expect(stepsFor('topic', 'owner')).toEqual([]);
    expect(stepsFor('discussed', 'supervisory')).toEqual(['reviewed']);
    expect(stepsFor('filed', 'community_office')).toEqual([]);
  });
});
