// Input that used to reach the database and answer 500, and a path that used to slip past the
// API's gate: each case here answered 500 (or lacked the API's headers) before its fix.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let community: Session;
beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('community');
});
afterAll(async () => {
  await t?.close();
});

const quarter = (over: Record<string, unknown> = {}) => ({
  name: `坏输入${Math.random().toString(36).slice(2, 7)}`,
  communityId: t.fx.communityA1,
  totalBuildingArea: 1_000_000,
  deliveredArea: 500_000,
  firstDeliveryDate: '2020-05-01',
  households: 120,
  ...over,
});

describe('text that cannot be stored', () => {
  it('a NUL in the login name, without an account: 400 naming the field, not 500', async () => {
    for (const username of ['adm\u0000in', '\u0000']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'whatever-1' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details.issues[0].path).toBe('username');
      expect(res.json().error.message).toContain('无法保存的字符');
    }
  });

  it('a lone surrogate or a NUL in a name, a query or a key: 400, and nothing written', async () => {
    const before = (await community.get('/api/quarters?pageSize=200')).json().total;
    for (const name of ['翠苑\ud800', '\udc00翠苑', '翠\u0000苑']) {
      const res = await community.post('/api/quarters', quarter({ name }));
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json().error.details.issues[0].path).toBe('name');
    }
    const keyed = await community.post('/api/quarters', { ...quarter(), ['na\u0000me']: 'x' });
    expect(keyed.statusCode).toBe(400);
    expect((await community.get('/api/search?q=%00')).statusCode).toBe(400);
    expect((await community.get('/api/quarters?pageSize=200')).json().total).toBe(before);
  });

  it('answers in English when asked', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'x\u0000', password: 'whatever-1' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('cannot be stored');
  });

  it('a well-formed pair (an emoji, a rare Han character outside the BMP) is kept as typed', async () => {
    const name = `𠀀苑😀${Math.random().toString(36).slice(2, 6)}`;
    const res = await community.post('/api/quarters', quarter({ name }));
    expect(res.statusCode).toBe(201);
    expect((await community.get(`/api/quarters/${res.json().id}`)).json().name).toBe(name);
  });
});

describe('dates outside any record of this domain', () => {
  it('year 0000 and 0001 are refused with 400, the calendar years around them accepted', async () => {
    for (const firstDeliveryDate of ['0000-01-01', '0001-01-01', '1899-12-31', '2200-01-01']) {
      const res = await community.post('/api/quarters', quarter({ firstDeliveryDate }));
      expect(res.statusCode, firstDeliveryDate).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    for (const firstDeliveryDate of ['1900-01-01', '2199-12-31']) {
      expect((await community.post('/api/quarters', quarter({ firstDeliveryDate }))).statusCode, firstDeliveryDate).toBe(201);
    }
  });
});

describe('a text that does not fit its pattern says what the pattern asks for', () => {
  it('a date and a one-time code each get their own message, in Chinese and in English', async () => {
    const date = await community.post('/api/quarters', quarter({ firstDeliveryDate: '2020/05/01' }));
    expect(date.statusCode).toBe(400);
    expect(date.json().error.details.issues[0].message).toBe('格式不正确（日期请用 YYYY-MM-DD）');
    // The verification code is six digits: the old message spoke of dates.
    const code = await t.app.inject({
      method: 'POST',
      url: '/api/votes/00000000-0000-4000-8000-000000000000/verify/code',
      payload: { challengeId: '00000000-0000-4000-8000-000000000000', code: '12ab56' },
    });
    expect(code.statusCode).toBe(400);
    expect(code.json().error.details.issues[0]).toEqual({ path: 'code', message: '应为 6 位数字' });
    const codeEn = await t.app.inject({
      method: 'POST',
      url: '/api/votes/00000000-0000-4000-8000-000000000000/verify/code',
      headers: { 'accept-language': 'en' },
      payload: { challengeId: '00000000-0000-4000-8000-000000000000', code: '12ab56' },
    });
    expect(codeEn.json().error.details.issues[0].message).toBe('must be 6 digits');
    expect(JSON.stringify(code.json())).not.toContain('YYYY');
  });
});

describe('a percent-encoded path', () => {
  it('/%61pi/health is the API: it gets the API headers and counts against the API rate limit', async () => {
    const app = await buildApp({ db: t.db, webDir: null, rateLimitPerMinute: 3 });
    try {
      const plain = await app.inject({ method: 'GET', url: '/api/health' });
      expect(plain.headers['cache-control']).toBe('no-store');
      const encoded = await app.inject({ method: 'GET', url: '/%61pi/health' });
      expect(encoded.statusCode).toBe(200);
      expect(encoded.headers['cache-control']).toBe('no-store');
      expect(encoded.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      // Two more requests spend the limit of 3, by either spelling; the next is refused.
      await app.inject({ method: 'GET', url: '/%61%70%69/health' });
      const refused = await app.inject({ method: 'GET', url: '/%61pi/health' });
      expect(refused.statusCode).toBe(429);
    } finally {
      await app.close();
    }
  });
});

describe('an address the router cannot read', () => {
  it('bad percent-encoding: 400 BAD_URL, a path segment over the limit: 414 URL_TOO_LONG, in the API’s shape, language and headers', async () => {
    for (const url of ['/api/public/quarters/%E0%A4%A', '/api/quarters/%zz/dossier']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect([res.statusCode, res.json()]).toEqual([400, { error: { code: 'BAD_URL', message: '网址无效（含有无法识别的字符编码）。' } }]);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const long = await t.app.inject({ method: 'GET', url: `/api/public/quarters/${'x'.repeat(10_000)}`, headers: { 'accept-language': 'en' } });
    expect([long.statusCode, long.json()]).toEqual([414, { error: { code: 'URL_TOO_LONG', message: 'The address is too long.' } }]);
    expect(long.headers['x-content-type-options']).toBe('nosniff');
  });
});
