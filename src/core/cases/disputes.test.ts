import { describe, expect, it } from 'vitest';
import { availableDisputeSteps, disputeActions, disputeStatuses, reportedUpward, takeDisputeStep, type DisputeParty } from './disputes';

describe('the dispute register and mediation (HZ 5.1.4)', () => {
  it('runs registered → mediating → agreed → closed, and a failed mediation may be scheduled again', () => {
    expect(takeDisputeStep('registered', 'schedule', ['registrar'])).toEqual({ ok: true, to: 'mediating' });
    expect(takeDisputeStep('mediating', 'agree', ['mediator'])).toEqual({ ok: true, to: 'agreed' });
    expect(takeDisputeStep('agreed', 'follow_up', ['registrar'])).toEqual({ ok: true, to: 'closed' });
    expect(takeDisputeStep('mediating', 'fail', ['mediator'])).toEqual({ ok: true, to: 'failed' });
    expect(takeDisputeStep('failed', 'schedule', ['registrar'])).toEqual({ ok: true, to: 'mediating' });
  });
  it('refuses a skipped step and the wrong part', () => {
    expect(takeDisputeStep('registered', 'agree', ['mediator'])).toMatchObject({ ok: false, code: 'DISPUTE_STEP_OUT_OF_ORDER' });
    expect(takeDisputeStep('mediating', 'follow_up', ['registrar'])).toMatchObject({ ok: false, code: 'DISPUTE_STEP_OUT_OF_ORDER' });
    for (const s of disputeStatuses) expect(takeDisputeStep(s, 'agree', ['registrar'])).toMatchObject({ ok: false, code: 'DISPUTE_NOT_YOUR_STEP' });
  });
  it('offers exactly the steps it allows; major disputes go upward', () => {
    const sets: DisputeParty[][] = [['registrar'], ['mediator'], ['registrar', 'mediator']];
    for (const s of disputeStatuses) for (const p of sets) for (const a of disputeActions) expect(availableDisputeSteps(s, p).includes(a)).toBe(takeDisputeStep(s, a, p).ok);
    expect(reportedUpward('major')).toBe(true);
    expect(reportedUpward('high')).toBe(false);
  });
});
