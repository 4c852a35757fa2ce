import { describe, expect, it } from 'vitest';
import { availableSteps, caseActions, caseStatuses, takeStep, type CaseParty } from './lifecycle';
import { caseRates } from './rates';
import { ANNEX_DEPARTMENTS, DEFAULT_CATEGORIES } from './categories';

describe('the case lifecycle (GB/T 17242 through T/ZAS 4006.1—2020 7.1.2)', () => {
  it('runs received → acknowledged → assigned → in progress → replied → closed', () => {
    expect(takeStep('received', 'acknowledge', ['dispatcher'])).toEqual({ ok: true, to: 'acknowledged' });
    expect(takeStep('acknowledged', 'assign', ['dispatcher'])).toEqual({ ok: true, to: 'assigned' });
    expect(takeStep('assigned', 'start', ['handler'])).toEqual({ ok: true, to: 'in_progress' });
    expect(takeStep('in_progress', 'reply', ['handler'])).toEqual({ ok: true, to: 'replied' });
    expect(takeStep('replied', 'visit', ['raiser'], 'satisfied')).toEqual({ ok: true, to: 'closed' });
    expect(takeStep('replied', 'visit', ['dispatcher'], 'basically_satisfied')).toEqual({ ok: true, to: 'closed' });
  });
  it('an unsatisfied return visit reopens the case, which is dispatched again', () => {
    expect(takeStep('replied', 'visit', ['raiser'], 'unsatisfied')).toEqual({ ok: true, to: 'reopened' });
    expect(takeStep('reopened', 'assign', ['dispatcher'])).toEqual({ ok: true, to: 'assigned' });
    expect(takeStep('reopened', 'start', ['handler']).ok).toBe(false);
  });
  it('refuses a skipped step', () => {
    expect(takeStep('received', 'assign', ['dispatcher'])).toMatchObject({ ok: false, code: 'CASE_STEP_OUT_OF_ORDER' });
    expect(takeStep('assigned', 'reply', ['handler'])).toMatchObject({ ok: false, code: 'CASE_STEP_OUT_OF_ORDER' });
    expect(takeStep('in_progress', 'visit', ['raiser'], 'satisfied')).toMatchObject({ ok: false, code: 'CASE_STEP_OUT_OF_ORDER' });
    expect(takeStep('closed', 'visit', ['raiser'], 'unsatisfied')).toMatchObject({ ok: false, code: 'CASE_STEP_OUT_OF_ORDER' });
  });
  it('refuses the wrong part before the step, whatever the status', () => {
    for (const status of caseStatuses) {
      expect(takeStep(status, 'reply', ['dispatcher', 'raiser'])).toMatchObject({ ok: false, code: 'CASE_NOT_YOUR_STEP' });
      expect(takeStep(status, 'acknowledge', ['handler', 'raiser'])).toMatchObject({ ok: false, code: 'CASE_NOT_YOUR_STEP' });
      expect(takeStep(status, 'visit', ['handler'], 'satisfied')).toMatchObject({ ok: false, code: 'CASE_NOT_YOUR_STEP' });
    }
  });
  it('every action is offered exactly where takeStep allows it', () => {
    const parties: CaseParty[][] = [['dispatcher'], ['handler'], ['raiser'], ['dispatcher', 'handler']];
    for (const status of caseStatuses)
      for (const p of parties)
        for (const action of caseActions) expect(availableSteps(status, p).includes(action)).toBe(takeStep(status, action, p, 'satisfied').ok);
  });
  it('closed is final', () => {
    expect(availableSteps('closed', ['dispatcher', 'handler', 'raiser'])).toEqual([]);
  });
});

describe('the three rates', () => {
  it('are shares, null where nothing is counted', () => {
    expect(caseRates({ total: 4, responseDue: 4, respondedOnTime: 3, closed: 2, visits: 2, satisfiedVisits: 1, meanHoursToReply: 10 })).toEqual({ responseRate: 0.75, resolutionRate: 0.5, satisfactionRate: 0.5 });
    expect(caseRates({ total: 0, responseDue: 0, respondedOnTime: 0, closed: 0, visits: 0, satisfiedVisits: 0, meanHoursToReply: null })).toEqual({ responseRate: null, resolutionRate: null, satisfactionRate: null });
  });
});

describe('the default categories', () => {
  it('have unique codes, a department from the annex where they name one, and a citation', () => {
    expect(new Set(DEFAULT_CATEGORIES.map((c) => c.code)).size).toBe(DEFAULT_CATEGORIES.length);
    for (const c of DEFAULT_CATEGORIES) {
      expect(c.citation).toMatch(/湘建房〔2021〕231号|T\/ZAS 4006\.1—2020/);
      if (c.handler.kind === 'department') expect(Object.values(ANNEX_DEPARTMENTS)).toContain(c.handler.department);
      else expect(c.handler.department).toBeNull();
    }
  });
  it('send illegal construction to 城管, elevators to 市场监管, fire to 消防救援, secondary water to 卫健', () => {
    const dep = (code: string) => DEFAULT_CATEGORIES.find((c) => c.code === code)!.handler.department;
    expect(dep('illegal-construction')).toBe('城管部门');
    expect(dep('elevator')).toBe('市场监管部门');
    expect(dep('fire')).toBe('消防救援部门');
    expect(dep('water-hygiene')).toBe('卫健部门');
    expect(dep('zombie-car')).toBe('公安部门');
  });
});
