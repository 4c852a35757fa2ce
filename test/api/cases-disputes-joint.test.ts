// Disputes, issue 12: a joint mediation across quarters (联合调解, HZ DB3305/T 309—2024 5.1.4.2)
// seen and taken part in by the offices of every quarter it names, and refused for quarters that
// are no neighbours; the owners' committee's monthly dispute analysis read from the register (HZ
// 5.1.4.1.3); the public mediations as a part of the quarter's public board, without parties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { addMonthsTo, shanghaiMonth, shanghaiMonthStart } from '../../src/core/cases';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';

let t: TestApp;
type Name = 'commissioner' | 'committee' | 'community' | 'street' | 'district' | 'company' | 'owner' | 'commissioner2' | 'community2' | 'mediator2' | 'commissioner3' | 'districtB';
const s = {} as Record<Name, Session>;

beforeAll(async () => {
  t = await createTestApp();
  const k = t.db.kysely;
  const user = (username: string, role: 'commissioner' | 'community_office' | 'mediator', scopeLevel: 'quarter' | 'community', scopeId: string) =>
    insertUser(k, { username, displayName: `测试${username}`, role, scopeLevel, scopeId, password: PASSWORD, ownerId: null, phone: null });
  // Quarter 2 lies in another community of quarter 1's street; quarter 3 in another street.
  await user('community2', 'community_office', 'community', t.fx.communityA2);
  await user('mediator2', 'mediator', 'community', t.fx.communityA2);
  await user('commissioner3', 'commissioner', 'quarter', t.fx.q3);
  for (const name of Object.keys({ commissioner: 1, committee: 1, community: 1, street: 1, district: 1, company: 1, owner: 1, commissioner2: 1, community2: 1, mediator2: 1, commissioner3: 1, districtB: 1 }) as Name[]) s[name] = await t.login(name);
});
afterAll(async () => {
  await t?.close();
});

const register = async (by: Session, quarterId: string, over: Record<string, unknown> = {}) => {
  const res = await by.post('/api/disputes', { quarterId, subject: '排水沟堵塞', category: 'property_use', parties: '一号小区物业 与 二号小区业委会', description: '两小区之间排水沟淤堵，雨天倒灌。', risk: 'high', ...over });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
};
const joint = (ids: string[]) => ({ kind: 'joint', mediatorName: '街道调委会 何敏', jointQuarterIds: ids });

describe('joint mediation across quarters (HZ 5.1.4.2)', () => {
  it('names neighbours of the street; their offices then see the dispute and take part', async () => {
    const id = await register(s.commissioner, t.fx.q1);
    // Before: the other quarter's offices know nothing of it.
    for (const who of ['commissioner2', 'community2', 'mediator2'] as const) expect((await s[who].get(`/api/disputes/${id}`)).statusCode, who).toBe(404);
    expect((await s.commissioner.post(`/api/disputes/${id}/schedule`, joint([t.fx.q2]))).json().status).toBe('mediating');
    for (const who of ['commissioner2', 'community2', 'mediator2'] as const) {
      const res = await s[who].get(`/api/disputes/${id}`);
      expect(res.statusCode, who).toBe(200);
      expect(res.json()).toMatchObject({ mediationKind: 'joint', category: 'property_use', jointQuarters: [{ id: t.fx.q2, name: '二号小区' }] });
      expect((await s[who].get('/api/disputes?pageSize=100')).json().items.map((d: { id: string }) => d.id), who).toContain(id);
      expect((await s[who].get(`/api/disputes?quarterId=${t.fx.q2}&pageSize=100`)).json().items.map((d: { id: string }) => d.id), who).toContain(id);
    }
    // The other quarter's commissioner and community office were told.
    expect(JSON.stringify((await s.commissioner2.get('/api/inbox')).json())).toContain(id);
    expect(JSON.stringify((await s.community2.get('/api/inbox')).json())).toContain(id);
    // Quarter 3 was not named: still unknown there.
    expect((await s.commissioner3.get(`/api/disputes/${id}`)).statusCode).toBe(404);
    expect((await s.districtB.get(`/api/disputes/${id}`)).statusCode).toBe(404);
    // The other quarter's mediator records the outcome; its commissioner follows up.
    expect((await s.mediator2.post(`/api/disputes/${id}/agree`, { agreement: '两小区物业各清淤一半，费用各自承担。' })).json().status).toBe('agreed');
    expect((await s.commissioner2.post(`/api/disputes/${id}/follow-up`, { note: '已清淤，雨天未再倒灌。' })).json().status).toBe('closed');
    const detail = (await s.commissioner.get(`/api/disputes/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['register', 'schedule', 'agree', 'follow_up']);
    expect(detail.events[1].note).toContain('联合调解：二号小区');
  });

  it('offers the quarters of the street, of the district to the district office; only to those who schedule', async () => {
    const id = await register(s.commissioner, t.fx.q1);
    const names = async (by: Session) => {
      const res = await by.get(`/api/disputes/${id}/joint-candidates`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().citation).toBe('DB3305/T 309—2024 5.1.4.2');
      return res.json().items.map((q: { name: string }) => q.name);
    };
    expect(await names(s.commissioner)).toEqual(['二号小区']);
    expect(await names(s.street)).toEqual(['二号小区']);
    expect((await names(s.district)).sort()).toEqual(['三号小区', '二号小区']);
    expect((await s.mediator2.get(`/api/disputes/${id}/joint-candidates`)).statusCode).toBe(404);
    expect((await s.owner.get(`/api/disputes/${id}/joint-candidates`)).statusCode).toBe(403);
    expect((await s.districtB.get(`/api/disputes/${id}/joint-candidates`)).statusCode).toBe(404);
  });

  it('refuses quarters that are no neighbours, with the clause; the district office may name another street', async () => {
    const id = await register(s.commissioner, t.fx.q1);
    const refuse = async (by: Session, body: unknown) => {
      const res = await by.post(`/api/disputes/${id}/schedule`, body);
      expect(res.statusCode, res.body).toBe(422);
      return res.json().error as { code: string; message: string; details?: { reason?: string; clause?: string } };
    };
    expect((await refuse(s.commissioner, joint([]))).code).toBe('DISPUTE_JOINT_QUARTERS_NEEDED');
    expect((await refuse(s.commissioner, { kind: 'joint', mediatorName: '何敏' })).code).toBe('DISPUTE_JOINT_QUARTERS_NEEDED');
    expect((await refuse(s.commissioner, { kind: 'simple', mediatorName: '何敏', jointQuarterIds: [t.fx.q2] })).code).toBe('DISPUTE_JOINT_QUARTERS_UNEXPECTED');
    const street = await refuse(s.commissioner, joint([t.fx.q3]));
    expect(street).toMatchObject({ code: 'DISPUTE_JOINT_QUARTER_REFUSED', details: { reason: 'other_street', clause: 'DB3305/T 309—2024 5.1.4.2' } });
    expect(street.message).toContain('三号小区');
    expect(street.message).toContain('5.1.4.2');
    const other = await refuse(s.district, joint([t.fx.qb]));
    expect(other).toMatchObject({ code: 'DISPUTE_JOINT_QUARTER_REFUSED', details: { reason: 'other_district' } });
    // Another district's quarter is not named by its name.
    expect(other.message).not.toContain('乙号小区');
    expect((await refuse(s.commissioner, joint(['00000000-0000-4000-8000-000000000000']))).details?.reason).toBe('other_district');
    expect((await refuse(s.commissioner, joint([t.fx.q1]))).details?.reason).toBe('same_quarter');
    // Bad ids are a bad request.
    expect((await s.commissioner.post(`/api/disputes/${id}/schedule`, joint(['not-a-uuid']))).statusCode).toBe(400);
    // In English too.
    const en = await s.commissioner.post(`/api/disputes/${id}/schedule`, joint([t.fx.q3]), { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('district office');
    // Nothing was scheduled by a refusal.
    expect((await s.commissioner.get(`/api/disputes/${id}`)).json()).toMatchObject({ status: 'registered', jointQuarters: [] });
    // The district office coordinates two streets.
    expect((await s.district.post(`/api/disputes/${id}/schedule`, joint([t.fx.q3, t.fx.q2, t.fx.q3]))).json().status).toBe('mediating');
    expect((await s.commissioner3.get(`/api/disputes/${id}`)).json().jointQuarters.map((q: { name: string }) => q.name).sort()).toEqual(['三号小区', '二号小区']);
    // A failed joint mediation scheduled again as a simple one is the dispute's quarter's own again.
    expect((await s.mediator2.post(`/api/disputes/${id}/fail`, { note: '双方未到场' })).json().status).toBe('failed');
    expect((await s.commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'simple', mediatorName: '吴律师' })).json().status).toBe('mediating');
    expect((await s.commissioner3.get(`/api/disputes/${id}`)).statusCode).toBe(404);
  });
});

describe("the owners' committee's monthly dispute analysis (HZ 5.1.4.1.3)", () => {
  const month = shanghaiMonth(new Date());
  const analysis = (by: Session, quarterId: string, m = month) => by.get(`/api/disputes/analysis?quarterId=${quarterId}&month=${m}`);

  it('sums the month of a quarter from the register: kinds, risk, status, new and carried over, the major reported up', async () => {
    const k = t.db.kysely;
    // Quarter 3, its own: two registered this month (one major), one carried over from last
    // month in mediation, one closed last month (not this month's).
    const fresh = await register(s.commissioner3, t.fx.q3, { category: 'neighbour', risk: 'low' });
    const major = await register(s.commissioner3, t.fx.q3, { category: 'parking', risk: 'major' });
    const place = await k.selectFrom('quarters').select(['district_id', 'street_id', 'community_id']).where('id', '=', t.fx.q3).executeTakeFirstOrThrow();
    const lastMonth = new Date(shanghaiMonthStart(addMonthsTo(month, -1)).getTime() + 5 * 86_400_000);
    const old = async (status: string, subject: string) => {
      const row = await k
        .insertInto('disputes')
        .values({ ...place, quarter_id: t.fx.q3, subject, category: 'property_service', parties: '业主 与 物业', description: '物业费争议', risk: 'medium', status, registered_at: lastMonth, updated_at: lastMonth })
        .returning('id')
        .executeTakeFirstOrThrow();
      await k.insertInto('dispute_events').values({ dispute_id: row.id, district_id: place.district_id, quarter_id: t.fx.q3, at: lastMonth, action: 'register', to_status: 'registered', actor_office: '小区专员' }).execute();
      await k.insertInto('dispute_events').values({ dispute_id: row.id, district_id: place.district_id, quarter_id: t.fx.q3, at: new Date(lastMonth.getTime() + 3600_000), action: 'schedule', from_status: 'registered', to_status: status === 'closed' ? 'closed' : 'mediating', actor_office: '小区专员' }).execute();
      return row.id;
    };
    const carried = await old('mediating', '物业费上涨争议');
    const closed = await old('closed', '已结的旧纠纷');

    const res = await analysis(s.commissioner3, t.fx.q3);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    const ids = a.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([fresh, major, carried]));
    expect(ids).not.toContain(closed);
    expect(a).toMatchObject({ quarterId: t.fx.q3, quarterName: '三号小区', month, citation: 'DB3305/T 309—2024 5.1.4.1.3', reportedUp: [major] });
    // Joint mediations quarter 3 took part in (the test above) count too, as joint.
    const own = a.items.filter((i: { joint: boolean }) => !i.joint);
    expect(own.length).toBe(3);
    expect(a.total).toBe(a.items.length);
    expect(a.newCount + a.carriedOver).toBe(a.total);
    expect(a.items.find((i: { id: string }) => i.id === carried)).toMatchObject({ isNew: false, status: 'mediating', statusLabel: '调解中', category: 'property_service' });
    expect(a.items.find((i: { id: string }) => i.id === major)).toMatchObject({ isNew: true, status: 'registered', risk: 'major', reportedUpAt: expect.any(String) });
    expect(a.byCategory.parking).toBeGreaterThanOrEqual(1);
    expect(a.byRisk.major).toBe(1);
    expect(Object.values(a.byStatus as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(a.total);
    // Last month: the two old ones, both new then; the closed one closed within it.
    const before = (await analysis(s.commissioner3, t.fx.q3, addMonthsTo(month, -1))).json();
    expect(before.items.map((i: { id: string }) => i.id).sort()).toEqual([carried, closed].sort());
    expect(before).toMatchObject({ newCount: 2, carriedOver: 0, byStatus: { closed: 1, mediating: 1 } });
    // A month of no disputes.
    expect((await analysis(s.commissioner3, t.fx.q3, '2020-01')).json()).toMatchObject({ total: 0, items: [], reportedUp: [] });
  });

  it('the committee and the offices of the quarter read it; others 403; outside the place 404; bad input 400', async () => {
    for (const who of ['committee', 'commissioner', 'community', 'street', 'district'] as const) expect((await analysis(s[who], t.fx.q1)).statusCode, who).toBe(200);
    for (const who of ['company', 'owner'] as const) expect((await analysis(s[who], t.fx.q1)).statusCode, who).toBe(403);
    expect((await analysis(s.committee, t.fx.q3)).statusCode).toBe(404);
    expect((await analysis(s.street, t.fx.q3)).statusCode).toBe(404);
    expect((await analysis(s.districtB, t.fx.q1)).statusCode).toBe(404);
    expect((await analysis(s.district, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    for (const bad of ['2026-13', '2026-1', 'last', '']) {
      const res = await analysis(s.committee, t.fx.q1, bad);
      expect(res.statusCode, bad).toBe(400);
    }
    expect((await analysis(s.committee, t.fx.q1, '2026-13')).json().error.message).toMatch(/YYYY-MM/);
    expect((await s.committee.get(`/api/disputes/analysis?month=${month}`)).statusCode).toBe(400);
  });
});

describe('public mediations on the public board (HZ 5.1.4.2)', () => {
  it('shows the time, the place and the kind of dispute; never the parties, the subject or the mediator; the old list still answers', async () => {
    const id = await register(s.commissioner, t.fx.q1, { subject: '张某家狗夜间吠叫', category: 'neighbour', parties: '5幢301 张某 与 5幢401 王某', risk: 'low' });
    const when = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expect((await s.commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'public', at: when, place: '小区议事厅', mediatorName: '人民调解员 孙律师' })).json().status).toBe('mediating');
    const res = await t.app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}` });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.mediations).toContainEqual({ at: new Date(when).toISOString(), place: '小区议事厅', category: 'neighbour', categoryLabel: '相邻关系（漏水、噪音等）' });
    expect(res.body).not.toMatch(/张某|王某|5幢301|孙律师|狗夜间/);
    const en = await t.app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}`, headers: { 'accept-language': 'en' } });
    expect(en.json().mediations).toContainEqual(expect.objectContaining({ categoryLabel: 'Between neighbours (leaks, noise…)' }));
    // The list of them alone answers what the board shows, and no more.
    const alone = await t.app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}/mediations` });
    expect(alone.json().items).toContainEqual({ at: new Date(when).toISOString(), place: '小区议事厅', category: 'neighbour', categoryLabel: '相邻关系（漏水、噪音等）' });
    expect(alone.body).not.toMatch(/张某|王某|5幢301|孙律师|狗夜间/);
    // Another quarter's board has none of it.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q2}` })).json().mediations).toEqual([]);
  });
});
