// Scope isolation for every route: an account never sees or changes anything outside its place
// in district › street › community › quarter › building, and an out-of-scope id answers exactly
// like an unknown one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const UNKNOWN = '7b0b5c1e-0000-4000-8000-000000000000';
type Q = 'q1' | 'q2' | 'q3' | 'qb';

/** Every route that takes an id, as [name, method, url, body] for a quarter's records. */
function routesFor(q: Q | 'unknown'): [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?][] {
  const fx = t.fx;
  const id = q === 'unknown' ? UNKNOWN : fx[q];
  const b = q === 'unknown' ? UNKNOWN : fx.buildings[q][0];
  const u = q === 'unknown' ? UNKNOWN : fx.units[q][0];
  const o = q === 'unknown' ? UNKNOWN : fx.owners[q][0];
  const r = q === 'unknown' ? UNKNOWN : fx.residents[q][0];
  return [
    ['quarter', 'GET', `/api/quarters/${id}`],
    ['dossier', 'GET', `/api/quarters/${id}/dossier`],
    ['export', 'GET', `/api/quarters/${id}/export`],
    ['buildings', 'GET', `/api/quarters/${id}/buildings`],
    ['units', 'GET', `/api/quarters/${id}/units`],
    ['owners', 'GET', `/api/quarters/${id}/owners`],
    ['residents', 'GET', `/api/quarters/${id}/residents`],
    ['owner', 'GET', `/api/owners/${o}`],
    ['audit of quarter', 'GET', `/api/audit?quarterId=${id}`],
    ['edit quarter', 'PATCH', `/api/quarters/${id}`, { households: 99 }],
    ['add building', 'POST', `/api/quarters/${id}/buildings`, { name: '99幢' }],
    ['edit building', 'PATCH', `/api/buildings/${b}`, { floors: 9 }],
    ['add unit', 'POST', `/api/quarters/${id}/units`, { buildingId: b, number: '9-901', exclusiveArea: 1000 }],
    ['edit unit', 'PATCH', `/api/units/${u}`, { exclusiveArea: 1001 }],
    ['add owner', 'POST', `/api/quarters/${id}/owners`, { kind: 'organization', name: '某单位' }],
    ['edit owner', 'PATCH', `/api/owners/${o}`, { name: '改名' }],
    ['add co-owner', 'POST', `/api/units/${u}/owners`, { ownerId: o }],
    ['remove owner', 'DELETE', `/api/units/${u}/owners/${o}`],
    ['add resident', 'POST', `/api/quarters/${id}/residents`, { name: '某人', kind: 'tenant' }],
    ['edit resident', 'PATCH', `/api/residents/${r}`, { name: '改名' }],
  ];
}

async function call(s: Session, method: string, url: string, body?: unknown) {
  if (method === 'GET') return s.get(url);
  if (method === 'POST') return s.post(url, body);
  if (method === 'PATCH') return s.patch(url, body);
  return s.delete(url);
}

// Who may reach which quarter of the fixture.
const visibility: [string, Q[], Q[]][] = [
  ['district', ['q1', 'q2', 'q3'], ['qb']],
  ['street', ['q1', 'q2'], ['q3', 'qb']],
  ['community', ['q1'], ['q2', 'q3', 'qb']],
  ['commissioner', ['q1'], ['q2', 'q3', 'qb']],
  ['company', ['q1'], ['q2', 'q3', 'qb']],
  ['committee', ['q1'], ['q2', 'q3', 'qb']],
  ['owner', ['q1'], ['q2', 'q3', 'qb']],
  ['grid', ['q1'], ['q2', 'q3', 'qb']],
  ['leader', ['q1'], ['q2', 'q3', 'qb']],
  ['department', ['q1', 'q2', 'q3'], ['qb']],
  ['districtB', ['qb'], ['q1', 'q2', 'q3']],
  ['commissioner2', ['q2'], ['q1', 'q3', 'qb']],
];

describe('out-of-scope ids answer exactly like unknown ids', () => {
  for (const [username, , hidden] of visibility) {
    it(`${username}: every route, every hidden quarter`, async () => {
      const s = await t.login(username);
      const unknown = routesFor('unknown');
      for (const q of hidden) {
        const routes = routesFor(q);
        for (let i = 0; i < routes.length; i++) {
          const [name, method, url, body] = routes[i];
          const res = await call(s, method, url, body);
          const ref = await call(s, unknown[i][1], unknown[i][2], unknown[i][3]);
          expect(res.statusCode, `${username} ${name} ${q}: ${res.body}`).toBe(404);
          expect(res.json(), `${username} ${name} ${q}`).toEqual(ref.json());
        }
      }
    });
  }
});

describe('lists contain only what is in scope', () => {
  for (const [username, visible] of visibility) {
    it(`${username} lists exactly its quarters`, async () => {
      const s = await t.login(username);
      const res = await s.get('/api/quarters');
      expect(res.statusCode).toBe(200);
      const ids = res.json().items.map((q: { id: string }) => q.id).sort();
      expect(ids).toEqual(visible.map((q) => t.fx[q]).sort());
      const tree = JSON.stringify((await s.get('/api/places/tree')).json());
      for (const q of ['q1', 'q2', 'q3', 'qb'] as Q[]) expect(tree.includes(t.fx[q])).toBe(visible.includes(q));
      // Down to communities only: their quarter counts add up to the quarters in scope, and the
      // quarters are in no node (a caller bound to a quarter still gets its quarter).
      type Node = { level: string; id: string; children: Node[]; quarterCount?: number };
      const shallow = (await s.get('/api/places/tree?depth=community')).json().items as Node[];
      const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
      const communities = flat(shallow).filter((n) => n.level === 'community');
      const quarters = flat(shallow).filter((n) => n.level === 'quarter');
      if (communities.length) {
        expect(quarters).toEqual([]);
        expect(communities.reduce((sum, c) => sum + (c.quarterCount ?? 0), 0)).toBe(visible.length);
      } else {
        expect(quarters.map((q) => q.id).sort()).toEqual(visible.map((q) => t.fx[q]).sort());
      }
    });
  }

  it('search finds owners and units only inside scope', async () => {
    const s = await t.login('community');
    const res = await s.get(`/api/search?q=${encodeURIComponent('小区业主')}`);
    expect(res.statusCode).toBe(200);
    const quarters = new Set(res.json().owners.map((o: { quarterId: string }) => o.quarterId));
    expect([...quarters]).toEqual([t.fx.q1]);
    const units = new Set((await s.get('/api/search?q=1-101')).json().units.map((u: { quarterId: string }) => u.quarterId));
    expect([...units]).toEqual([t.fx.q1]);
  });

  it('a building leader sees only their building', async () => {
    const s = await t.login('leader');
    const units = (await s.get(`/api/quarters/${t.fx.q1}/units`)).json();
    expect(units.total).toBe(2);
    expect(new Set(units.items.map((u: { buildingId: string }) => u.buildingId))).toEqual(new Set([t.fx.buildings.q1[0]]));
    const buildings = (await s.get(`/api/quarters/${t.fx.q1}/buildings`)).json();
    expect(buildings.items.map((b: { id: string }) => b.id)).toEqual([t.fx.buildings.q1[0]]);
    const residents = (await s.get(`/api/quarters/${t.fx.q1}/residents`)).json();
    expect(residents.items).toHaveLength(2);
  });

  it('streets, communities, users and audit lists stay inside scope', async () => {
    const street = await t.login('street');
    expect((await street.get('/api/streets')).json().items.map((s: { id: string }) => s.id)).toEqual([t.fx.streetA1]);
    expect((await street.get('/api/communities')).json().items.map((c: { id: string }) => c.id).sort()).toEqual([t.fx.communityA1, t.fx.communityA2].sort());
    const users = (await street.get('/api/users?pageSize=200')).json().items.map((u: { username: string }) => u.username);
    expect(users).toContain('commissioner2');
    expect(users).not.toContain('districtB');
    expect(users).not.toContain('district');
    // A write in district B must not show in district A's audit log.
    const b = await t.login('districtB');
    expect((await b.patch(`/api/quarters/${t.fx.qb}`, { households: 121 })).statusCode).toBe(204);
    const district = await t.login('district');
    const entries = (await district.get('/api/audit?pageSize=200')).json().items;
    expect(entries.some((e: { quarterId: string }) => e.quarterId === t.fx.qb)).toBe(false);
    expect((await b.get('/api/audit?pageSize=200')).json().items.some((e: { quarterId: string }) => e.quarterId === t.fx.qb)).toBe(true);
  });
});

describe('roles inside scope', () => {
  it('owners, departments and mediating roles cannot read owners or residents of their quarter', async () => {
    for (const username of ['owner', 'department']) {
      const s = await t.login(username);
      expect((await s.get(`/api/quarters/${t.fx.q1}/owners`)).statusCode, username).toBe(403);
      expect((await s.get(`/api/quarters/${t.fx.q1}/residents`)).statusCode, username).toBe(403);
    }
    const company = await t.login('company');
    expect((await company.get(`/api/quarters/${t.fx.q1}/residents`)).statusCode).toBe(403);
    expect((await company.get(`/api/quarters/${t.fx.q1}/owners`)).statusCode).toBe(200);
  });

  it('an owner reads their own record and their quarter, not another owner', async () => {
    const s = await t.login('owner');
    expect((await s.get(`/api/owners/${t.fx.owners.q1[0]}`)).statusCode).toBe(200);
    expect((await s.get(`/api/owners/${t.fx.owners.q1[1]}`)).statusCode).toBe(404);
    const home = (await s.get('/api/me/home')).json();
    expect(home.quarter.id).toBe(t.fx.q1);
    expect(home.owner.units).toHaveLength(1);
  });

  it('only office staff create quarters, and only in their own communities', async () => {
    const body = (communityId: string) => ({
      name: `新小区${Math.random()}`,
      communityId,
      totalBuildingArea: 100000,
      deliveredArea: 60000,
      firstDeliveryDate: '2024-01-01',
      households: 50,
    });
    for (const username of ['commissioner', 'committee', 'company', 'owner', 'department']) {
      const s = await t.login(username);
      expect((await s.post('/api/quarters', body(t.fx.communityA1))).statusCode, username).toBe(403);
    }
    const community = await t.login('community');
    expect((await community.post('/api/quarters', body(t.fx.communityA1))).statusCode).toBe(201);
    const other = await community.post('/api/quarters', body(t.fx.communityA2));
    const unknown = await community.post('/api/quarters', body(UNKNOWN));
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(unknown.json());
  });

  it('read-only roles cannot write the registry of their own quarter', async () => {
    for (const username of ['committee', 'party', 'supervisor', 'leader', 'owner', 'department']) {
      const s = await t.login(username);
      const res = await s.post(`/api/quarters/${t.fx.q1}/buildings`, { name: `${username}幢` });
      expect(res.statusCode, username).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('accounts and places are created only inside the creator\'s scope', async () => {
    const community = await t.login('community');
    const inside = await community.post('/api/users', {
      username: 'newcommissioner',
      displayName: '新专员',
      role: 'commissioner',
      scopeLevel: 'quarter',
      scopeId: t.fx.q1,
      password: 'a-long-password',
    });
    expect(inside.statusCode).toBe(201);
    const outside = await community.post('/api/users', {
      username: 'sneaky',
      displayName: '越权',
      role: 'district_office',
      scopeLevel: 'district',
      scopeId: t.fx.districtA,
      password: 'a-long-password',
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('SCOPE_OUTSIDE');
    const street = await t.login('street');
    expect((await street.post('/api/communities', { streetId: t.fx.streetA1, name: '新社区' })).statusCode).toBe(201);
    expect((await street.post('/api/communities', { streetId: t.fx.streetA2, name: '新社区' })).statusCode).toBe(404);
    expect((await street.post('/api/streets', { districtId: t.fx.districtA, name: '新街道' })).statusCode).toBe(404);
    const district = await t.login('district');
    expect((await district.post('/api/streets', { districtId: t.fx.districtA, name: '新街道' })).statusCode).toBe(201);
    expect((await district.post('/api/streets', { districtId: t.fx.districtB, name: '新街道' })).statusCode).toBe(404);
  });
});
