import { describe, expect, it } from 'vitest';
import { availableHazardSteps, hazardActions, hazardStatuses, takeHazardStep, type HazardParty } from './hazards';

describe('the hazard loop (T/ZAS 4006.1—2020 6.2.4.3; 湘建房〔2021〕231号 五（二）)', () => {
  it('runs found → dissuaded → reported → handling → verified', () => {
    expect(takeHazardStep('found', 'dissuade', ['patrol'])).toEqual({ ok: true, to: 'dissuaded' });
    expect(takeHazardStep('dissuaded', 'report', ['patrol'])).toEqual({ ok: true, to: 'reported' });
    expect(takeHazardStep('found', 'report', ['patrol'])).toEqual({ ok: true, to: 'reported' });
    expect(takeHazardStep('reported', 'handle', ['handler'])).toEqual({ ok: true, to: 'handling' });
    expect(takeHazardStep('handling', 'verify', ['verifier'], { passed: true })).toEqual({ ok: true, to: 'verified' });
  });
  it('a failed verification sends it back to be handled again', () => {
    expect(takeHazardStep('handling', 'verify', ['verifier'], { passed: false })).toEqual({ ok: true, to: 'reported' });
  });
  it('refuses a skipped step, the wrong part, and verifying one’s own work', () => {
    expect(takeHazardStep('found', 'handle', ['handler'])).toMatchObject({ ok: false, code: 'HAZARD_STEP_OUT_OF_ORDER' });
    expect(takeHazardStep('reported', 'verify', ['verifier'])).toMatchObject({ ok: false, code: 'HAZARD_STEP_OUT_OF_ORDER' });
    for (const s of hazardStatuses) expect(takeHazardStep(s, 'verify', ['patrol', 'handler'])).toMatchObject({ ok: false, code: 'HAZARD_NOT_YOUR_STEP' });
    expect(takeHazardStep('handling', 'verify', ['handler', 'verifier'], { passed: true, handledBySelf: true })).toEqual({ ok: false, code: 'HAZARD_OWN_VERIFICATION' });
  });
  it('offers exactly the steps it allows', () => {
    const sets: HazardParty[][] = [['patrol'], ['handler'], ['verifier'], ['patrol', 'handler', 'verifier']];
    for (const s of hazardStatuses) for (const p of sets) for (const a of hazardActions) expect(availableHazardSteps(s, p).includes(a)).toBe(takeHazardStep(s, a, p).ok);
    expect(availableHazardSteps('verified', ['patrol', 'handler', 'verifier'])).toEqual([]);
  });
});
