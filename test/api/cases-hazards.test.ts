// The hazard database (T/ZAS 4006.1—2020 6.2.4.3) and its loop (湘建房〔2021〕231号 五（二）):
// found on patrol, dissuaded, reported, handled, verified by someone else; skipped steps and the
// wrong part refused; a failed verification sends it back; out of the caller's place is unknown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
const s = {} as Record<'grid' | 'company' | 'commissioner' | 'community' | 'owner' | 'commissioner2' | 'street', Session>;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['grid', 'company', 'commissioner', 'community', 'owner', 'commissioner2', 'street'] as const) s[name] = await t.login(name);
});
afterAll(async () => {
  await t?.close();
});

const found = async (level = 'major') => {
  const res = await s.grid.post('/api/hazards', { quarterId: t.fx.q1, class: 'fire', level, location: '3幢地下车库', description: '电动自行车在车库内充电，插线板私拉' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};

describe('the hazard loop', () => {
  it('found → dissuaded → reported → handled → verified, each step with who and when', async () => {
    const id = await found();
    expect((await s.company.post(`/api/hazards/${id}/handle`, {})).json().error).toMatchObject({ code: 'HAZARD_STEP_OUT_OF_ORDER', details: { clause: expect.stringContaining('6.2.4.3') } });
    expect((await s.grid.post(`/api/hazards/${id}/dissuade`, { note: '已当面劝阻' })).json().status).toBe('dissuaded');
    expect((await s.grid.post(`/api/hazards/${id}/report`, {})).json().status).toBe('reported');
    expect((await s.grid.post(`/api/hazards/${id}/handle`, {})).json().error.code).toBe('HAZARD_NOT_YOUR_STEP');
    expect((await s.commissioner.post(`/api/hazards/${id}/handle`, { note: '已拆除私拉电线' })).json().status).toBe('handling');
    // The commissioner handled it, so may not verify it; the community office does.
    expect((await s.commissioner.post(`/api/hazards/${id}/verify`, { passed: true })).json().error.code).toBe('HAZARD_OWN_VERIFICATION');
    expect((await s.company.post(`/api/hazards/${id}/verify`, { passed: true })).statusCode).toBe(403);
    expect((await s.community.post(`/api/hazards/${id}/verify`, { passed: true })).json().status).toBe('verified');
    const detail = (await s.street.get(`/api/hazards/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['find', 'dissuade', 'report', 'handle', 'verify']);
    expect(detail).toMatchObject({ status: 'verified', actions: [], overdue: false });
    expect(detail.verifiedAt).not.toBeNull();
  });
  it('a failed verification sends it back to be handled again', async () => {
    const id = await found('severe');
    await s.grid.post(`/api/hazards/${id}/report`, {});
    await s.company.post(`/api/hazards/${id}/handle`, {});
    expect((await s.commissioner.post(`/api/hazards/${id}/verify`, { passed: false, note: '仍有私拉电线' })).json().status).toBe('reported');
    expect((await s.company.get(`/api/hazards/${id}`)).json().actions).toEqual(['handle']);
  });
  it('lists open hazards of the caller’s place, and hides them elsewhere', async () => {
    const id = await found();
    const open = (await s.community.get('/api/hazards?open=true')).json();
    expect(open.items.map((h: { id: string }) => h.id)).toContain(id);
    expect(open.items.every((h: { status: string }) => h.status !== 'verified')).toBe(true);
    expect((await s.commissioner2.get(`/api/hazards/${id}`)).statusCode).toBe(404);
    expect((await s.commissioner2.get('/api/hazards')).json().items).toEqual([]);
    expect((await s.owner.get('/api/hazards')).statusCode).toBe(403);
    await t.db.kysely.updateTable('hazards').set({ due_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    expect((await s.community.get(`/api/hazards/${id}`)).json().overdue).toBe(true);
  });
});
