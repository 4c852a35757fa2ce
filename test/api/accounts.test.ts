// The lifecycle of an account (issue 11, point 7): disable, enable, reset the password and move,
// each authorised by scope (404) before permission (403), refused on one's own account, audited
// without the password, and ending the account's sessions at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';

let t: TestApp;
let community: Session;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('community');
});
afterAll(async () => {
  await t?.close();
});

/** A fresh account of quarter 1 (or the given place), with its id and a session. */
async function account(role: 'grid_worker' | 'building_leader' | 'commissioner' = 'grid_worker', scope?: { level: 'quarter' | 'building' | 'community'; id: string }) {
  const username = `acct${++seq}`;
  const level = scope?.level ?? (role === 'building_leader' ? 'building' : 'quarter');
  const scopeId = scope?.id ?? (level === 'building' ? t.fx.buildings.q1[0] : t.fx.q1);
  const { id } = await insertUser(t.db.kysely, { username, displayName: `账号${seq}`, role, scopeLevel: level, scopeId, password: PASSWORD });
  return { id, username, session: await t.login(username) };
}

const loginStatus = async (username: string, password = PASSWORD) =>
  (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.77.0.${++seq % 250}` })).statusCode;

async function auditOf(userId: string) {
  const district = await t.login('district');
  return (await district.get(`/api/audit?entity=user&pageSize=200`)).json().items.filter((e: { entityId: string }) => e.entityId === userId);
}

describe('disable and enable', () => {
  it('a disabled account cannot log in and its sessions end at once; enabled, it logs in again', async () => {
    const a = await account();
    expect((await a.session.get('/api/auth/me')).statusCode).toBe(200);
    const res = await community.post(`/api/users/${a.id}/disable`);
    expect(res.statusCode).toBe(204);
    expect((await a.session.get('/api/auth/me')).statusCode).toBe(401);
    expect(await loginStatus(a.username)).toBe(401);
    const listed = (await community.get('/api/users?pageSize=200')).json().items.find((u: { id: string }) => u.id === a.id);
    expect(listed.disabled).toBe(true);

    expect((await community.post(`/api/users/${a.id}/enable`)).statusCode).toBe(204);
    expect(await loginStatus(a.username)).toBe(200);
    // The session from before the disable stays over.
    expect((await a.session.get('/api/auth/me')).statusCode).toBe(401);

    const entries = await auditOf(a.id);
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual(['disable', 'enable']);
    expect(entries[0]).toMatchObject({ username: 'community' });
  });

  it('nobody disables, resets or moves their own account', async () => {
    const me = (await community.get('/api/auth/me')).json().user.id;
    for (const [path, body] of [
      ['disable', {}],
      ['reset-password', {}],
      ['move', { role: 'community_office', scopeLevel: 'community', scopeId: t.fx.communityA1 }],
    ] as const) {
      const res = await community.post(`/api/users/${me}/${path}`, body);
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.code).toBe('OWN_ACCOUNT');
    }
    expect((await community.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('scope first (404), then permission (403): an account above or beside the caller looks unknown', async () => {
    const a = await account();
    const ids = Object.fromEntries((await t.db.kysely.selectFrom('users').select(['username', 'id']).execute()).map((u) => [u.username, u.id]));
    // Above the community office (its street), in another community, in another district.
    for (const other of ['street', 'district', 'commissioner2', 'districtB']) {
      const res = await community.post(`/api/users/${ids[other]}/disable`);
      expect(res.statusCode, other).toBe(404);
    }
    // Inside the commissioner's quarter, but a commissioner manages no accounts.
    const commissioner = await t.login('commissioner');
    expect((await commissioner.post(`/api/users/${a.id}/disable`)).statusCode).toBe(403);
    // Outside the commissioner's quarter: 404 before the 403.
    expect((await commissioner.post(`/api/users/${ids.commissioner2}/disable`)).statusCode).toBe(404);
    expect((await commissioner.post(`/api/users/00000000-0000-4000-8000-000000000000/disable`)).statusCode).toBe(404);
    // The street office manages accounts of its communities, the community office's too.
    const street = await t.login('street');
    const b = await account();
    expect((await street.post(`/api/users/${b.id}/disable`)).statusCode).toBe(204);
  });
});

describe('reset password', () => {
  it('generates a temporary password shown once, ends the sessions, and forces a change at the next login', async () => {
    const a = await account();
    const res = await community.post(`/api/users/${a.id}/reset-password`, {});
    expect(res.statusCode).toBe(200);
    const temporary = res.json().temporaryPassword as string;
    expect(temporary).toMatch(/^[A-Za-z2-9]{12}$/);
    expect((await a.session.get('/api/auth/me')).statusCode).toBe(401);
    expect(await loginStatus(a.username, PASSWORD)).toBe(401);

    const fresh = await t.login(a.username, temporary);
    const me = (await fresh.get('/api/auth/me')).json().user;
    expect(me.mustChangePassword).toBe(true);
    const blocked = await fresh.get(`/api/quarters/${t.fx.q1}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    // Logging in again, and the public board, need no changed password.
    expect((await fresh.post('/api/auth/login', { username: 'grid', password: PASSWORD })).statusCode).toBe(200);
    expect((await fresh.post('/api/auth/password', { currentPassword: temporary, newPassword: 'my-own-password-9' })).statusCode).toBe(204);
    expect((await fresh.get(`/api/quarters/${t.fx.q1}`)).statusCode).toBe(200);
    expect((await fresh.get('/api/auth/me')).json().user.mustChangePassword).toBe(false);

    // The log says who reset it and when, never the password.
    const entries = await auditOf(a.id);
    const reset = entries.find((e: { action: string }) => e.action === 'reset-password');
    expect(reset).toMatchObject({ username: 'community', after: { generated: true } });
    expect(JSON.stringify(entries)).not.toContain(temporary);
    const raw = await t.db.kysely.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', a.id).execute();
    expect(JSON.stringify(raw)).not.toContain(temporary);
  });

  it('takes the operator’s temporary password and answers none', async () => {
    const a = await account();
    const res = await community.post(`/api/users/${a.id}/reset-password`, { password: 'given-temp-77' });
    expect(res.json()).toEqual({ temporaryPassword: null });
    expect(await loginStatus(a.username, 'given-temp-77')).toBe(200);
    expect((await community.post(`/api/users/${a.id}/reset-password`, { password: 'short' })).statusCode).toBe(400);
  });
});

describe('move', () => {
  it('binds a grid worker to another community of the operator’s street and ends its sessions', async () => {
    const street = await t.login('street');
    const a = await account();
    const res = await street.post(`/api/users/${a.id}/move`, { role: 'grid_worker', scopeLevel: 'community', scopeId: t.fx.communityA2 });
    expect(res.statusCode).toBe(204);
    expect((await a.session.get('/api/auth/me')).statusCode).toBe(401);
    const moved = await t.login(a.username);
    expect((await moved.get('/api/auth/me')).json().user.scope).toMatchObject({ level: 'community', id: t.fx.communityA2 });
    // Now outside community 1's office: unknown to it.
    expect((await community.post(`/api/users/${a.id}/disable`)).statusCode).toBe(404);
    const entries = await auditOf(a.id);
    expect(entries.filter((e: { action: string }) => e.action === 'move')).toHaveLength(2);
    expect(entries[0]).toMatchObject({ before: { role: 'grid_worker', scopeLevel: 'quarter', scopeId: t.fx.q1 }, after: { scopeLevel: 'community', scopeId: t.fx.communityA2 } });
  });

  it('refuses a target outside the operator’s scope, a role that does not fit the level, and owners', async () => {
    const a = await account();
    const outside = await community.post(`/api/users/${a.id}/move`, { role: 'grid_worker', scopeLevel: 'quarter', scopeId: t.fx.q2 });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('SCOPE_OUTSIDE');
    const above = await community.post(`/api/users/${a.id}/move`, { role: 'street_office', scopeLevel: 'street', scopeId: t.fx.streetA1 });
    expect(above.json().error.code).toBe('SCOPE_OUTSIDE');
    const misfit = await community.post(`/api/users/${a.id}/move`, { role: 'commissioner', scopeLevel: 'community', scopeId: t.fx.communityA1 });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json().error.code).toBe('ROLE_LEVEL_MISMATCH');
    const owner = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'owner').executeTakeFirstOrThrow();
    expect((await community.post(`/api/users/${owner.id}/move`, { role: 'grid_worker', scopeLevel: 'quarter', scopeId: t.fx.q1 })).json().error.code).toBe('OWNER_ACCOUNT_FIXED');
    // Nothing changed, and the session lives.
    expect((await a.session.get('/api/auth/me')).json().user.scope.id).toBe(t.fx.q1);
  });

  it('moves a company account to another company serving the quarter, and refuses a company that serves none of it', async () => {
    const k = t.db.kysely;
    const common = { district_id: t.fx.districtA, quarter_id: t.fx.q1 };
    const first = (await k.insertInto('property_companies').values({ district_id: t.fx.districtA, name: '旧物业', credit_code: '91330106MA2BBBBB1X' }).returning('id').executeTakeFirstOrThrow()).id;
    const second = (await k.insertInto('property_companies').values({ district_id: t.fx.districtA, name: '新物业', credit_code: '91330106MA2BBBBB2X' }).returning('id').executeTakeFirstOrThrow()).id;
    const elsewhere = (await k.insertInto('property_companies').values({ district_id: t.fx.districtB, name: '乙物业', credit_code: '91330106MA2BBBBB3X' }).returning('id').executeTakeFirstOrThrow()).id;
    await k.insertInto('service_contracts').values({ ...common, property_company_id: first, selection_method: 'tender', starts_on: '2020-01-01', fee_standard_fen: 150 }).execute();
    await k.insertInto('service_contracts').values({ ...common, property_company_id: second, selection_method: 'tender', starts_on: '2024-01-01', fee_standard_fen: 150 }).execute();
    const created = await community.post('/api/users', {
      username: 'company-staff',
      displayName: '物业员工',
      role: 'company',
      scopeLevel: 'quarter',
      scopeId: t.fx.q1,
      password: 'a-long-password-1',
      office: { kind: 'property_company', id: first },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const records = (await community.get(`/api/users/office-records?role=company&scopeLevel=quarter&scopeId=${t.fx.q1}`)).json().items;
    expect(records.map((r: { label: string }) => r.label).sort()).toEqual(['新物业', '旧物业']);
    const wrong = await community.post(`/api/users/${id}/move`, { role: 'company', scopeLevel: 'quarter', scopeId: t.fx.q1, office: { kind: 'property_company', id: elsewhere } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('OFFICE_LINK_INVALID');
    const kindMismatch = await community.post(`/api/users/${id}/move`, { role: 'company', scopeLevel: 'quarter', scopeId: t.fx.q1, office: { kind: 'commissioner', id: second } });
    expect(kindMismatch.json().error.code).toBe('OFFICE_LINK_INVALID');
    expect((await community.post(`/api/users/${id}/move`, { role: 'company', scopeLevel: 'quarter', scopeId: t.fx.q1, office: { kind: 'property_company', id: second } })).statusCode).toBe(204);
    const listed = (await community.get('/api/users?pageSize=200')).json().items.find((u: { id: string }) => u.id === id);
    expect(listed.office).toEqual({ kind: 'property_company', id: second, label: '新物业' });
    expect(listed.officeEnded).toBeNull();
  });
});

describe('the list of accounts', () => {
  type Row = { id: string; username: string; displayName: string; role: string; disabled: boolean; scopeName: string };
  const list = async (query: string) => (await community.get(`/api/users?${query}`)).json() as { total: number; items: Row[] };

  it('answers a page with the total of the scope, in the asked order', async () => {
    for (let i = 0; i < 3; i++) await account();
    const all = await list('pageSize=200&sort=username');
    expect(all.items).toHaveLength(all.total);
    const names = all.items.map((u) => u.username);
    expect(names).toEqual([...names].sort());
    const page2 = await list('page=2&pageSize=2&sort=username');
    expect(page2.total).toBe(all.total);
    expect(page2.items.map((u) => u.username)).toEqual(names.slice(2, 4));
    const desc = await list('pageSize=3&sort=username&order=desc');
    expect(desc.items.map((u) => u.username)).toEqual([...names].reverse().slice(0, 3));
    // Places are named on the page as they were one by one.
    expect(all.items.find((u) => u.username === 'leader')?.scopeName).toMatch(/\S+ \S+/);
  });

  it('filters by role, by part of the username or name, and by status', async () => {
    const a = await account();
    expect((await community.post(`/api/users/${a.id}/disable`)).statusCode).toBe(204);
    const grid = await list('role=grid_worker&pageSize=200');
    expect(grid.total).toBeGreaterThan(0);
    expect(grid.items.every((u) => u.role === 'grid_worker')).toBe(true);
    const byName = await list(`q=${encodeURIComponent(`账号${seq}`)}`);
    expect(byName.items.map((u) => u.id)).toEqual([a.id]);
    expect((await list(`q=${a.username.toUpperCase()}`)).items.map((u) => u.id)).toContain(a.id);
    const disabled = await list('status=disabled&pageSize=200');
    expect(disabled.items.map((u) => u.id)).toContain(a.id);
    expect(disabled.items.every((u) => u.disabled)).toBe(true);
    expect((await list('status=active&pageSize=200')).items.map((u) => u.id)).not.toContain(a.id);
    expect((await list('q=%25')).total).toBe(0);
    expect((await community.get('/api/users?role=nobody')).statusCode).toBe(400);
  });
});
