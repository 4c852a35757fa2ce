import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyStep, isLarge, nextStep, passedSteps, paymentAllowed, refuseStep, reviewSteps, stepRoles, type ProjectState } from './approval';

const roles = ['committee', 'party_secretary', 'community_office', 'commissioner', 'supervisory', 'company', 'owner'];

describe('四审两公开', () => {
  it('a large project passes the steps only in order, each by its own roles, and is paid only after the decision is published', () => {
    let p: ProjectState = { stage: 'proposed', large: true, payments: 0 };
    for (const step of reviewSteps) {
      expect(paymentAllowed(p)).toBe(step === 'use_publication');
      for (const other of reviewSteps.filter((s) => s !== step)) {
        const refusal = refuseStep(p, other, stepRoles[other][0], 'approved');
        expect(refusal?.code).toBe('OUT_OF_ORDER');
      }
      expect(refuseStep(p, step, 'owner', 'approved')).toEqual({ code: 'WRONG_ROLE', roles: stepRoles[step] });
      if (step === 'use_publication') {
        expect(refuseStep(p, step, stepRoles[step][0], 'approved')?.code).toBe('NO_PAYMENTS');
        p = { ...p, payments: 1 };
      }
      expect(refuseStep(p, step, stepRoles[step][0], 'approved')).toBeNull();
      p = { ...p, stage: applyStep(step, 'approved') };
    }
    expect(p.stage).toBe('use_published');
    expect(nextStep(p)).toBeNull();
    expect(paymentAllowed(p)).toBe(false);
    expect(passedSteps('decision_published')).toEqual(reviewSteps.slice(0, 5));
  });

  it('any random sequence of attempts never pays a large project before every review and the decision’s publication', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...reviewSteps), fc.constantFrom(...roles), fc.constantFrom('approved' as const, 'rejected' as const)), { maxLength: 40 }), (attempts) => {
        let p: ProjectState = { stage: 'proposed', large: true, payments: 0 };
        const taken: string[] = [];
        for (const [step, role, outcome] of attempts) {
          if (paymentAllowed(p)) {
            expect(taken).toEqual(reviewSteps.slice(0, 5));
            p = { ...p, payments: p.payments + 1 };
          }
          if (refuseStep(p, step, role, outcome)) continue;
          expect(stepRoles[step]).toContain(role);
          taken.push(step);
          p = { ...p, stage: applyStep(step, outcome) };
        }
        if (p.stage === 'rejected') expect(paymentAllowed(p)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('a refused project is closed; a publication cannot refuse', () => {
    const p: ProjectState = { stage: 'committee_reviewed', large: true, payments: 0 };
    expect(applyStep('party_review', 'rejected')).toBe('rejected');
    expect(refuseStep({ ...p, stage: 'rejected' }, 'party_review', 'party_secretary', 'approved')?.code).toBe('CLOSED');
    expect(refuseStep({ ...p, stage: 'assembly_decided' }, 'decision_publication', 'committee', 'rejected')?.code).toBe('CANNOT_REJECT');
  });

  it('the threshold includes its own amount (民法典 第1259条); a small project is paid without review', () => {
    expect(isLarge(5_000_000, 5_000_000)).toBe(true);
    expect(isLarge(4_999_999, 5_000_000)).toBe(false);
    expect(isLarge(1, null)).toBe(true);
    const small: ProjectState = { stage: 'proposed', large: false, payments: 0 };
    expect(paymentAllowed(small)).toBe(true);
    expect(nextStep(small)).toBe('use_publication');
  });
});
