import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../support/app';
import { MAX_FAILURES_PER_USERNAME, MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES } from '../../src/server/modules/auth/service';
import { buildApp } from '../../src/server/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const login = (username: string, password: string, remoteAddress = '10.9.9.9', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

describe('health and documentation', () => {
  it('reports the database in use', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.GONGZHI_TEST_DB === 'postgres' ? 'postgresql' : 'pglite' });
  });
  it('serves the OpenAPI document and its page', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/quarters', '/api/quarters/{id}', '/api/quarters/{id}/imports']) expect(doc.paths[path], path).toBeDefined();
    expect((await t.app.inject({ url: '/api/docs/' })).statusCode).toBe(200);
  });
  it('sends security headers: the API set on JSON answers, the page set on pages', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    const refused = await t.app.inject({ url: '/api/nothing-here' });
    expect(refused.headers['cache-control']).toBe('no-store');
    const page = await t.app.inject({ url: '/api/docs/' });
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['cache-control']).toBeUndefined();
  });
  it('answers an unknown API route with the error JSON', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ROUTE_NOT_FOUND');
  });
});

describe('login', () => {
  it('logs in, sets an httpOnly SameSite cookie, returns the CSRF token and the user', async () => {
    const res = await login('community', PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(body.user).toMatchObject({ username: 'community', role: 'community_office', scope: { level: 'community', name: '一社区' } });
    expect(body.user.permissions).toContain('quarter.create');
    const cookie = res.headers['set-cookie'] as string;
    expect(cookie).toMatch(/gz_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('refuses bad credentials with 401 and the error JSON, in the request language', async () => {
    const zh = await login('community', 'wrong-password', '10.1.1.1');
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确。' } });
    const en = await login('nobody', 'x', '10.1.1.2', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('Wrong username or password.');
  });

  it('refuses a malformed body with 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{not json', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_JSON');
  });

  it(`locks a username at an address after ${MAX_FAILURES_PER_USERNAME} failures there, even with the right password; the user elsewhere is not locked out`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) {
      expect((await login('grid', 'wrong', '10.2.0.1')).statusCode).toBe(401);
    }
    const locked = await login('grid', PASSWORD, '10.2.0.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    // A stranger's guesses do not lock the real user out: from their own address they log in.
    expect((await login('grid', PASSWORD, '10.2.0.99')).statusCode).toBe(200);
    // Other accounts at the guessing address are unaffected.
    expect((await login('party', PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it(`guessing spread over many addresses stops at ${MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES} failures of the username`, async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES; i++) {
      expect((await login('leader', 'wrong', `10.4.${i >> 2}.${i & 3}`)).statusCode).toBe(401);
    }
    expect((await login('leader', PASSWORD, '10.4.250.1')).statusCode).toBe(429);
  });

  it(`100 wrong passwords sent at once: at most ${MAX_FAILURES_PER_USERNAME} are checked, the rest refused with 429`, async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => login('committee', 'wrong', '10.5.0.1')));
    const checked = answers.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(MAX_FAILURES_PER_USERNAME);
    expect(answers.filter((r) => r.statusCode === 429).length).toBe(100 - checked);
  });

  it('one failure short of the limit still lets the right password in', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME - 1; i++) await login('supervisor', 'wrong', '10.3.0.1');
    expect((await login('supervisor', PASSWORD, '10.3.0.1')).statusCode).toBe(200);
  });
});

describe('sessions and CSRF', () => {
  it('requires a session for the API', async () => {
    const res = await t.app.inject({ url: '/api/quarters' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cookie-authenticated write without the CSRF token, or with a wrong one', async () => {
    const s = await t.login('community');
    const url = `/api/quarters/${t.fx.q1}`;
    const missing = await t.app.inject({ method: 'PATCH', url, payload: { households: 130 }, headers: { cookie: s.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({ method: 'PATCH', url, payload: { households: 130 }, headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expect(wrong.statusCode).toBe(403);
    const other = await t.login('community');
    const crossed = await t.app.inject({ method: 'PATCH', url, payload: { households: 130 }, headers: { cookie: s.cookie, 'x-csrf-token': other.csrf } });
    expect(crossed.statusCode).toBe(403);
    expect((await s.patch(url, { households: 130 })).statusCode).toBe(204);
  });

  it('keeps sessions in the database, so another server process on the same database accepts them', async () => {
    const s = await t.login('street');
    const { buildApp } = await import('../../src/server/app');
    const second = await buildApp({ db: t.db, webDir: null });
    const res = await second.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('street');
    await second.close();
  });

  it('logs out', async () => {
    const s = await t.login('company');
    expect((await s.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password, ends other sessions, and checks the old one', async () => {
    const a = await t.login('committee');
    const b = await t.login('committee');
    const wrong = await a.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'another-password' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    const weak = await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect((await a.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'another-password' })).statusCode).toBe(204);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await login('committee', PASSWORD, '10.4.0.1')).statusCode).toBe(401);
    expect((await login('committee', 'another-password', '10.4.0.2')).statusCode).toBe(200);
  });

  it('records logins and password changes in the audit log', async () => {
    const district = await t.login('district');
    const entries = (await district.get('/api/audit?entity=session&pageSize=200')).json().items;
    expect(entries.some((e: { action: string; username: string }) => e.action === 'login' && e.username === 'community')).toBe(true);
  });

  it('keeps logins in the security log, apart from the changes to data, and names the person', async () => {
    const district = await t.login('district');
    await district.patch(`/api/quarters/${t.fx.q1}`, { households: 121 });
    type Entry = { action: string; entity: string; username: string | null; name: string | null };
    const security = (await district.get('/api/audit?log=security&pageSize=200')).json().items as Entry[];
    expect(security.length).toBeGreaterThan(0);
    expect(security.every((e) => ['login', 'logout', 'password'].includes(e.action) || e.entity === 'session')).toBe(true);
    const login = security.find((e) => e.username === 'district')!;
    expect(login.name).toBe('测试district');
    const changes = (await district.get('/api/audit?log=changes&pageSize=200')).json().items as Entry[];
    expect(changes.some((e) => e.entity === 'quarter' && e.name === '测试district')).toBe(true);
    expect(changes.some((e) => e.action === 'login' || e.entity === 'session')).toBe(false);
  });
});

describe('the session cookie', () => {
  const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie'] ?? '');

  it('is Secure behind a TLS proxy without any setting (X-Forwarded-Proto or Forwarded), and not on plain local HTTP', async () => {
    expect(cookieOf(await login('party', PASSWORD, '10.6.0.1'))).not.toMatch(/;\s*Secure/i);
    expect(cookieOf(await login('party', PASSWORD, '10.6.0.1', { 'x-forwarded-proto': 'https' }))).toMatch(/;\s*Secure/i);
    expect(cookieOf(await login('party', PASSWORD, '10.6.0.1', { forwarded: 'for=10.0.0.1;proto=https' }))).toMatch(/;\s*Secure/i);
    expect(cookieOf(await login('party', PASSWORD, '10.6.0.1', { 'x-forwarded-proto': 'http' }))).not.toMatch(/;\s*Secure/i);
  });

  it('is always Secure with GONGZHI_SECURE_COOKIES=1 (secureCookies)', async () => {
    const app = await buildApp({ db: t.db, webDir: null, rateLimitPerMinute: 1_000_000, secureCookies: true });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'party', password: PASSWORD }, remoteAddress: '10.6.0.2' });
      expect(res.statusCode).toBe(200);
      expect(cookieOf(res)).toMatch(/;\s*Secure/i);
    } finally {
      await app.close();
    }
  });
});
