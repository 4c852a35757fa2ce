// Emergency plans and drills of a quarter (T/ZAS 4006.1—2020 6.2.4.1): a class without a plan and
// a year without a drill show with the clause, in the quarter's answer and its dossier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let commissioner: Session;

beforeAll(async () => {
  t = await createTestApp();
  commissioner = await t.login('commissioner');
});
afterAll(async () => {
  await t?.close();
});

describe('emergency plans and drills', () => {
  it('lists what is missing until every class has a plan and a drill was held this year', async () => {
    const before = (await commissioner.get(`/api/quarters/${t.fx.q1}/emergency`)).json();
    expect(before.gaps).toHaveLength(6);
    expect(before.gaps[0]).toMatchObject({ kind: 'missing-plan', citation: 'T/ZAS 4006.1—2020 6.2.4.1', message: '缺少“安全事故”应急预案' });
    for (const planClass of ['accident', 'public-health', 'committee-unable', 'company-leaving', 'facility-failure']) {
      const res = await commissioner.post(`/api/quarters/${t.fx.q1}/emergency-plans`, { planClass, title: `${planClass} 预案`, contacts: '小区专员 周敏 13857100001', approvedOn: '2026-01-10' });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await commissioner.get(`/api/quarters/${t.fx.q1}/emergency`)).json().gaps.map((g: { kind: string }) => g.kind)).toEqual(['no-drill']);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await commissioner.post(`/api/quarters/${t.fx.q1}/emergency-drills`, { heldOn: today, attendance: 56, planClass: 'accident' })).statusCode).toBe(201);
    const after = (await commissioner.get(`/api/quarters/${t.fx.q1}/emergency`)).json();
    expect(after.gaps).toEqual([]);
    expect(after.drills[0]).toMatchObject({ heldOn: today, attendance: 56 });
    const q2 = (await commissioner.get(`/api/quarters/${t.fx.q2}/emergency`)).statusCode;
    expect(q2).toBe(404);
    expect((await (await t.login('committee')).post(`/api/quarters/${t.fx.q1}/emergency-drills`, { heldOn: today, attendance: 1 })).statusCode).toBe(403);
    const dossier = (await (await t.login('commissioner2')).get(`/api/quarters/${t.fx.q2}/dossier`)).json();
    expect(dossier.sections.find((s: { key: string }) => s.key === 'cases').data.emergencyGaps).toBe(6);
  });
});
