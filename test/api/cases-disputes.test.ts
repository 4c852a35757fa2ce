// The dispute register and mediation (HZ DB3305/T 309—2024 5.1.4; issue 12): registered,
// a major one reported to the street, mediation scheduled (a public one with its time and
// place, shown on the public board without the parties), agreement, follow-up; refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';

let t: TestApp;
const s = {} as Record<'commissioner' | 'committee' | 'mediator' | 'street' | 'company' | 'owner' | 'commissioner2', Session>;

beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.db.kysely, { username: 'mediator', displayName: '人民调解员 吴律师', role: 'mediator', scopeLevel: 'community', scopeId: t.fx.communityA1, password: PASSWORD, ownerId: null, phone: null });
  for (const name of ['commissioner', 'committee', 'mediator', 'street', 'company', 'owner', 'commissioner2'] as const) s[name] = await t.login(name);
});
afterAll(async () => {
  await t?.close();
});

const register = async (risk = 'medium') => {
  const res = await s.commissioner.post('/api/disputes', { quarterId: t.fx.q1, subject: '楼上漏水', parties: '2幢101 张某 与 2幢201 李某', description: '201 卫生间渗水到 101 天花板，协商未果。', risk });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reportedUpward: boolean };
};

describe('the dispute register', () => {
  it('registers, mediates in public, agrees and follows up', async () => {
    const { id, reportedUpward } = await register();
    expect(reportedUpward).toBe(false);
    expect((await s.mediator.post(`/api/disputes/${id}/agree`, { agreement: '201 负责维修' })).json().error.code).toBe('DISPUTE_STEP_OUT_OF_ORDER');
    // A public mediation announces its time and place.
    expect((await s.commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'public', mediatorName: '吴律师' })).json().error.code).toBe('DISPUTE_MEDIATION_INCOMPLETE');
    const when = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect((await s.commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'public', at: when, place: '社区议事厅', mediatorName: '吴律师' })).json().status).toBe('mediating');
    const board = await t.app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}/mediations` });
    expect(board.json().items).toEqual([{ at: new Date(when).toISOString(), place: '社区议事厅', category: expect.any(String), categoryLabel: expect.any(String) }]);
    // Neither the parties, nor the subject as written, nor the mediator.
    expect(board.body).not.toMatch(/张某|李某|101|楼上漏水|吴律师/);
    expect((await s.commissioner.post(`/api/disputes/${id}/follow-up`, { note: '回访' })).statusCode).toBe(409);
    expect((await s.street.post(`/api/disputes/${id}/agree`, { agreement: '201 负责维修' })).json().error.code).toBe('DISPUTE_NOT_YOUR_STEP');
    expect((await s.mediator.post(`/api/disputes/${id}/agree`, { agreement: '201 于两周内修复防水层并承担 101 天花板修复费用。' })).json().status).toBe('agreed');
    expect((await s.mediator.post(`/api/disputes/${id}/follow-up`, { note: '回访' })).json().error.code).toBe('DISPUTE_NOT_YOUR_STEP');
    expect((await s.committee.post(`/api/disputes/${id}/follow-up`, { note: '已修复，双方满意。' })).json().status).toBe('closed');
    const detail = (await s.mediator.get(`/api/disputes/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['register', 'schedule', 'agree', 'follow_up']);
    expect(detail).toMatchObject({ status: 'closed', agreement: expect.stringContaining('防水层'), actions: [] });
  });
  it('a major dispute goes to the street at once; a failed mediation may be scheduled again', async () => {
    const { id, reportedUpward } = await register('major');
    expect(reportedUpward).toBe(true);
    expect(JSON.stringify((await s.street.get('/api/inbox')).json())).toContain(id);
    await s.commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'simple', mediatorName: '吴律师' });
    expect((await s.mediator.post(`/api/disputes/${id}/fail`, { note: '双方各执一词' })).json().status).toBe('failed');
    expect((await s.commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'joint', mediatorName: '街道调委会', jointQuarterIds: [t.fx.q2] })).json().status).toBe('mediating');
  });
  it('is kept from those without a part and outside the place', async () => {
    const { id } = await register();
    expect((await s.company.get('/api/disputes')).statusCode).toBe(403);
    expect((await s.owner.get(`/api/disputes/${id}`)).statusCode).toBe(403);
    expect((await s.commissioner2.get(`/api/disputes/${id}`)).statusCode).toBe(404);
    expect((await s.mediator.get('/api/disputes')).json().total).toBeGreaterThanOrEqual(3);
  });
});
