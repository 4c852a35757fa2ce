// Who may learn a raiser's phone (issue 12: "the raiser's tracking page leaks nothing personal";
// cases.ts keeps the phone whole for those who call back, 回访). Cases are raised in quarter 1 by
// every door — the public page after the phone code, staff entering a call, and a dispatch to a
// department — each with a phone that is nobody else's. Then every account of every role polls
// every GET route it may read (the access matrix's list, case routes filled with each case) and
// searches by the phone and its last four digits. The whole phone may appear only in the case's
// own answer to a dispatching office or to the handler; everywhere else it is masked or absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable } from './access-matrix.table';
import { insertUser } from '../../src/server/modules/users/service';
import { usernameOf } from '../support/access-targets';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';
import type { Role } from '../../src/server/platform/access';

let t: TestApp;
afterAll(async () => {
  await t?.close();
});

const PUBLIC_PHONE = '13645678901';
const CALL_PHONE = '13645678902';
const DEPT_PHONE = '13645678903';
const PHONES = [PUBLIC_PHONE, CALL_PHONE, DEPT_PHONE];

describe('a raiser’s phone, polled for by every role', () => {
  const sessions = new Map<Role, Session>();
  const caseIds: string[] = [];
  const trackingCodes: string[] = [];
  /** Every answer seen: role, url, and the body. */
  const seen: Array<{ role: Role; url: string; status: number; body: string }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    const k = t.db.kysely;
    await insertUser(k, { username: 'mediator', displayName: '测试调解员', role: 'mediator', scopeLevel: 'community', scopeId: t.fx.communityA1, password: PASSWORD, ownerId: null, phone: null });
    for (const [role, username] of Object.entries(usernameOf) as [Role, string][]) sessions.set(role, await t.login(username));
    const department = await k.selectFrom('users').select('id').where('username', '=', 'department').executeTakeFirstOrThrow();
    expect((await sessions.get('district_office')!.patch(`/api/cases/department-accounts/${department.id}`, { department: '住房和城乡建设部门' })).statusCode).toBe(200);

    // The public page: a phone code, then the case.
    const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as never, remoteAddress: '10.66.0.1' });
    const asked = await post(`/api/public/quarters/${t.fx.q1}/cases/phone-code`, { phone: PUBLIC_PHONE });
    expect(asked.statusCode, asked.body).toBe(200);
    const code = /验证码 (\d{6})/.exec([...t.sms].reverse().find((m) => m.to === PUBLIC_PHONE)!.body)![1];
    const token = await post(`/api/public/quarters/${t.fx.q1}/cases/phone-code/confirm`, { challengeId: asked.json().challengeId, code });
    expect(token.statusCode, token.body).toBe(200);
    const raised = await post(`/api/public/quarters/${t.fx.q1}/cases`, { raiseToken: token.json().raiseToken, phone: PUBLIC_PHONE, category: 'garbage', description: '垃圾三天没有清运', name: '赵女士' });
    expect(raised.statusCode, raised.body).toBe(201);
    trackingCodes.push(raised.json().trackingCode);

    // A call the community office enters, left with the office; and one dispatched to the department.
    const community = sessions.get('community_office')!;
    for (const [phone, category] of [
      [CALL_PHONE, 'garbage'],
      [DEPT_PHONE, 'property-supervision'],
    ] as const) {
      const res = await community.post('/api/cases', { quarterId: t.fx.q1, category, channel: 'phone', raiserName: '钱先生', raiserPhone: phone, description: '来电反映问题' });
      expect(res.statusCode, res.body).toBe(201);
      trackingCodes.push(res.json().trackingCode);
      if (phone === DEPT_PHONE) {
        expect((await community.post(`/api/cases/${res.json().id}/acknowledge`, {})).statusCode).toBe(200);
        const assigned = await community.post(`/api/cases/${res.json().id}/assign`, { handler: { kind: 'department', department: '住房和城乡建设部门' } });
        expect(assigned.statusCode, assigned.body).toBe(200);
      }
    }
    const rows = await k.selectFrom('cases').select('id').where('quarter_id', '=', t.fx.q1).execute();
    caseIds.push(...rows.map((r) => r.id));

    // Every GET route of the access matrix a role may read, with quarter 1 and each case filled in.
    const urls = new Set<string>();
    for (const key of Object.keys(accessTable)) {
      const [method, path] = key.split(' ');
      if (method !== 'GET' || path.includes('{photoId}')) continue;
      if (path.startsWith('/api/cases/{id}')) for (const id of caseIds) urls.add(path.replace('{id}', id));
      else if (path.startsWith('/api/public/cases/{trackingCode}')) for (const c of trackingCodes) urls.add(path.replace('{trackingCode}', c));
      else if (path.startsWith('/api/quarters/{id}') || path.startsWith('/api/public/quarters/{id}')) urls.add(path.replace('{id}', t.fx.q1));
      else if (!path.includes('{')) urls.add(path);
    }
    for (const phone of PHONES) for (const q of [phone, phone.slice(-4), phone.slice(0, 7)]) urls.add(`/api/search?q=${q}`);
    for (const query of ['', `?quarterId=${t.fx.q1}`, '?pageSize=200', '?escalated=true']) urls.add(`/api/cases${query}`);
    for (const by of ['handler', 'quarter', 'category']) urls.add(`/api/cases/rates?by=${by}`);
    for (const [role, session] of sessions) {
      for (const url of urls) {
        const res = await session.get(url);
        seen.push({ role, url, status: res.statusCode, body: res.body });
      }
    }
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      seen.push({ role: 'owner', url: `(anonymous) ${url}`, status: res.statusCode, body: res.body });
    }
  }, 300_000);

  it('reached the cases: each case answered the roles whose queue holds it', () => {
    const caseAnswers = seen.filter((s) => /^\/api\/cases\/[0-9a-f-]{36}$/.test(s.url) && s.status === 200);
    expect(new Set(caseAnswers.map((s) => s.url)).size).toBe(caseIds.length);
    expect(caseAnswers.some((s) => s.role === 'department')).toBe(true);
    expect(caseAnswers.some((s) => s.role === 'commissioner')).toBe(true);
  });

  it('shows the whole phone only in the case itself, and only to the dispatching office or the handler', () => {
    const leaks: string[] = [];
    let wholeSeen = 0;
    for (const s of seen) {
      const phones = PHONES.filter((p) => s.body.includes(p));
      if (phones.length === 0) continue;
      const isCase = /^\/api\/cases\/[0-9a-f-]{36}$/.test(s.url) && s.status === 200;
      const parties: string[] = isCase ? JSON.parse(s.body).parties : [];
      if (isCase && (parties.includes('dispatcher') || parties.includes('handler'))) {
        wholeSeen++;
        continue;
      }
      leaks.push(`${s.role} ${s.url} ${phones.join(',')}`);
    }
    expect(leaks).toEqual([]);
    // The ones who call back did get it (the test would pass vacuously otherwise).
    expect(wholeSeen).toBeGreaterThan(0);
  });

  it('searching by the phone or its last four digits finds no case and no raiser', () => {
    for (const s of seen.filter((x) => x.url.includes('/api/search?q=') && x.status === 200)) {
      expect(s.body, `${s.role} ${s.url}`).not.toMatch(/赵女士|钱先生/);
      for (const c of trackingCodes) expect(s.body).not.toContain(c);
    }
  });

  it('the tracking pages and the public board carry neither the phone nor the name', () => {
    const open = seen.filter((s) => s.url.startsWith('(anonymous)') && s.status === 200);
    expect(open.some((s) => s.url.includes('/api/public/cases/'))).toBe(true);
    for (const s of open) {
      expect(s.body, s.url).not.toMatch(/赵女士|钱先生|赵\*|钱\*/);
      // Neither whole nor masked (a masked phone still gives its last four digits).
      for (const p of PHONES) expect(s.body, s.url).not.toMatch(new RegExp(`${p}|\\*${p.slice(-4)}`));
    }
  });
});
