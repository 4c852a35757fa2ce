// Cases (诉求, issue 12): categories, the lifecycle through the API with its refusals, each
// handler's own queue, the public raise page's phone code (attempt limit, expiry, resend), the
// tracking page that shows nothing personal, photos, and the deadline job's escalation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { runCaseDeadlines } from '../../src/server/modules/cases/deadlines';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';
import { PNG } from '../support/voting';

let t: TestApp;
const s = {} as Record<'district' | 'street' | 'community' | 'commissioner' | 'committee' | 'company' | 'owner' | 'department' | 'cityDept' | 'grid' | 'supervisor' | 'commissioner2', Session>;

beforeAll(async () => {
  t = await createTestApp();
  const k = t.db.kysely;
  await insertUser(k, { username: 'chengguan', displayName: '区城管局', role: 'department', scopeLevel: 'district', scopeId: t.fx.districtA, password: PASSWORD, ownerId: null, phone: null });
  for (const name of ['district', 'street', 'community', 'commissioner', 'committee', 'company', 'owner', 'department', 'grid', 'supervisor', 'commissioner2'] as const) s[name] = await t.login(name);
  s.cityDept = await t.login('chengguan');
  const ids = await k.selectFrom('users').select(['id', 'username']).where('username', 'in', ['department', 'chengguan']).execute();
  const id = (u: string) => ids.find((r) => r.username === u)!.id;
  expect((await s.district.patch(`/api/cases/department-accounts/${id('department')}`, { department: '住房和城乡建设部门' })).statusCode).toBe(200);
  expect((await s.district.patch(`/api/cases/department-accounts/${id('chengguan')}`, { department: '城管部门' })).statusCode).toBe(200);
});
afterAll(async () => {
  await t?.close();
});

const raise = async (by: Session, body: Record<string, unknown>) => {
  const res = await by.post('/api/cases', { quarterId: t.fx.q1, description: '楼道里堆满杂物', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; trackingCode: string };
};
const step = (by: Session, id: string, action: string, body: Record<string, unknown> = {}) => by.post(`/api/cases/${id}/${action}`, body);
const dispatched = async (category: string, handler?: Record<string, unknown>) => {
  const c = await raise(s.commissioner, { category, channel: 'phone', raiserName: '张先生', raiserPhone: '13912345678' });
  expect((await step(s.commissioner, c.id, 'acknowledge')).statusCode).toBe(200);
  const res = await step(s.commissioner, c.id, 'assign', handler ? { handler } : {});
  expect(res.statusCode, res.body).toBe(200);
  return c.id;
};
const ids = async (by: Session, query = '') => {
  const res = await by.get(`/api/cases?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id);
};

describe('categories (GET /api/cases/categories)', () => {
  it('lists the default handler of each category with its annex row, without a login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/cases/categories' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; handler: { kind: string; department: string | null }; citation: string }[];
    const of = (code: string) => items.find((i) => i.code === code)!;
    expect(of('illegal-construction')).toMatchObject({ handler: { kind: 'department', department: '城管部门' }, citation: '湘建房〔2021〕231号 附件 序号8' });
    expect(of('elevator').handler.department).toBe('市场监管部门');
    expect(of('property-service').handler).toMatchObject({ kind: 'company', department: null });
  });
  it('a district changes a category for itself only', async () => {
    const res = await s.district.patch('/api/cases/categories/garbage', { districtId: t.fx.districtA, handler: { kind: 'company' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code: 'garbage', handler: { kind: 'company', department: null }, local: true });
    const other = await t.app.inject({ method: 'GET', url: `/api/cases/categories?districtId=${t.fx.districtB}` });
    expect(other.json().items.find((i: { code: string }) => i.code === 'garbage').handler.kind).toBe('department');
    expect((await s.commissioner.patch('/api/cases/categories/garbage', { districtId: t.fx.districtA, handler: { kind: 'company' } })).statusCode).toBe(403);
    // A department that the annex does not name is refused.
    expect((await s.district.patch('/api/cases/categories/garbage', { districtId: t.fx.districtA, handler: { kind: 'department', department: '不存在局' } })).statusCode).toBe(422);
  });
});

describe('the lifecycle', () => {
  it('runs from an owner’s case to a department’s reply, reopens when unsatisfied, and closes', async () => {
    const c = await raise(s.owner, { category: 'fire-lane', location: '3幢北侧' });
    expect(c.trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    // Skipped step: dispatch before acknowledgement.
    const skipped = await step(s.commissioner, c.id, 'assign');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error).toMatchObject({ code: 'CASE_STEP_OUT_OF_ORDER', details: { clause: 'T/ZAS 4006.1—2020 7.1.2（GB/T 17242）' } });
    // Wrong part: the owner cannot acknowledge.
    expect((await step(s.owner, c.id, 'acknowledge')).json().error.code).toBe('CASE_NOT_YOUR_STEP');
    expect((await step(s.commissioner, c.id, 'acknowledge', { note: '已受理' })).statusCode).toBe(200);
    const assigned = await step(s.commissioner, c.id, 'assign');
    expect(assigned.json()).toMatchObject({ status: 'assigned' });
    // Dispatched by its category to 住建: the department sees it and works it, 城管 does not see it.
    expect(await ids(s.department)).toContain(c.id);
    expect((await s.cityDept.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await step(s.company, c.id, 'start')).statusCode).toBe(404);
    expect((await step(s.commissioner, c.id, 'start')).statusCode).toBe(403);
    expect((await step(s.department, c.id, 'reply', { text: '已处理' })).statusCode).toBe(409);
    expect((await step(s.department, c.id, 'start')).statusCode).toBe(200);
    expect((await step(s.department, c.id, 'reply', { text: '已督促物业重新施划消防车通道标线。' })).statusCode).toBe(200);
    const reopened = await step(s.owner, c.id, 'visit', { rating: 'unsatisfied', comment: '标线还是被车压着' });
    expect(reopened.json()).toMatchObject({ status: 'reopened' });
    expect((await step(s.commissioner, c.id, 'assign', { handler: { kind: 'department', department: '城管部门' } })).statusCode).toBe(200);
    expect(await ids(s.cityDept)).toContain(c.id);
    expect(await ids(s.department)).not.toContain(c.id);
    await step(s.cityDept, c.id, 'start');
    await step(s.cityDept, c.id, 'reply', { text: '已清理占道车辆' });
    expect(await ids(s.commissioner, '&open=true')).toContain(c.id);
    expect((await step(s.owner, c.id, 'visit', { rating: 'satisfied' })).json().status).toBe('closed');
    // A joint meeting's agenda asks for the cases not closed (T/ZAS 4006.1—2020 6.1.6.3).
    expect(await ids(s.commissioner, '&open=true')).not.toContain(c.id);
    expect(await ids(s.commissioner)).toContain(c.id);
    const detail = (await s.commissioner.get(`/api/cases/${c.id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['receive', 'acknowledge', 'assign', 'start', 'reply', 'visit', 'assign', 'start', 'reply', 'visit']);
    expect(detail.events[3]).toMatchObject({ office: '住房和城乡建设部门', actorName: '测试department' });
    expect(detail).toMatchObject({ status: 'closed', rating: 'satisfied', reopenCount: 1, actions: [] });
    expect((await step(s.owner, c.id, 'visit', { rating: 'unsatisfied' })).statusCode).toBe(409);
  });
  it('a dispatching office records a return visit made by phone', async () => {
    const id = await dispatched('property-service');
    await step(s.company, id, 'start');
    await step(s.company, id, 'reply', { text: '已清理' });
    expect((await step(s.company, id, 'visit', { rating: 'satisfied' })).statusCode).toBe(403);
    expect((await step(s.community, id, 'visit', { rating: 'basically_satisfied', comment: '电话回访' })).json().status).toBe('closed');
  });
});

describe('each handler sees exactly its own queue', () => {
  it('company, committee, departments, owner, offices', async () => {
    const company = await dispatched('property-service');
    const committee = await dispatched('owners-dispute');
    const housing = await dispatched('property-supervision');
    const city = await dispatched('illegal-construction');
    const mine = (await raise(s.owner, { category: 'livelihood' })).id;
    const all = [company, committee, housing, city, mine];
    const seen = async (by: Session) => (await ids(by, `&quarterId=${t.fx.q1}`)).filter((i) => all.includes(i)).sort();
    expect(await seen(s.company)).toEqual([company]);
    expect(await seen(s.committee)).toEqual([committee]);
    expect(await seen(s.department)).toEqual([housing]);
    expect(await seen(s.cityDept)).toEqual([city]);
    expect(await seen(s.owner)).toEqual([mine]);
    expect(await seen(s.commissioner)).toEqual([...all].sort());
    expect(await seen(s.community)).toEqual([...all].sort());
    expect(await seen(s.street)).toEqual([...all].sort());
    expect(await ids(s.commissioner2)).toEqual([]);
    expect((await s.supervisor.get('/api/cases')).statusCode).toBe(403);
    // Out of the queue looks unknown.
    expect((await s.company.get(`/api/cases/${committee}`)).statusCode).toBe(404);
    expect((await s.commissioner2.get(`/api/cases/${company}`)).statusCode).toBe(404);
  });
  it('answers a page with its total', async () => {
    const res = await s.commissioner.get('/api/cases?page=1&pageSize=2');
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 2 });
    expect(body.items).toHaveLength(2);
    expect(body.total).toBeGreaterThan(2);
  });
  it('the district office lists and sets the departments of department accounts', async () => {
    const list = (await s.district.get('/api/cases/department-accounts')).json();
    expect(list.departments).toContain('城管部门');
    expect(list.items.map((i: { department: string }) => i.department).sort()).toEqual(['住房和城乡建设部门', '城管部门']);
    expect((await s.street.get('/api/cases/department-accounts')).statusCode).toBe(403);
    const owner = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'owner').executeTakeFirstOrThrow();
    expect((await s.district.patch(`/api/cases/department-accounts/${owner.id}`, { department: '城管部门' })).json().error.code).toBe('CASE_NOT_DEPARTMENT_ACCOUNT');
  });
  it('a department account without a department sees nothing', async () => {
    await insertUser(t.db.kysely, { username: 'nodept', displayName: '无部门', role: 'department', scopeLevel: 'district', scopeId: t.fx.districtA, password: PASSWORD, ownerId: null, phone: null });
    expect(await ids(await t.login('nodept'))).toEqual([]);
  });
});

describe('the public raise page and the tracking page', () => {
  let n = 0;
  const ip = () => `10.77.0.${++n}`;
  const send = (url: string, payload: unknown, remoteAddress = '10.77.1.1') => t.app.inject({ method: 'POST', url, payload: payload as never, remoteAddress });
  const codeFor = (phone: string) => {
    const m = [...t.sms].reverse().find((x) => x.to === phone);
    return /验证码 (\d{6})/.exec(m!.body)![1];
  };
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
  const askCode = async (phone: string, remoteAddress = ip()) => {
    const res = await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code`, { phone }, remoteAddress);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().challengeId as string;
  };
  const raisePublic = async (phone: string, body: Record<string, unknown> = {}) => {
    const challengeId = await askCode(phone);
    const token = await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code/confirm`, { challengeId, code: codeFor(phone) });
    expect(token.statusCode, token.body).toBe(200);
    const res = await send(`/api/public/quarters/${t.fx.q1}/cases`, { raiseToken: token.json().raiseToken, phone, category: 'illegal-construction', description: '楼顶有人违章搭建阳光房', name: '李女士', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().trackingCode as string;
  };

  it('raises a case after the code, with a photo, and the tracking page shows no personal data', async () => {
    const code = await raisePublic('13811112222');
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    const photo = await t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/photos`, payload: multipart('a.png', PNG), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
    expect(photo.statusCode, photo.body).toBe(201);
    const text = await t.app.inject({ method: 'POST', url: `/api/public/cases/${code}/photos`, payload: multipart('a.png', Buffer.from('<html>not an image')), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
    expect(text.json().error.code).toBe('CASE_PHOTO_TYPE');
    const tracked = await t.app.inject({ method: 'GET', url: `/api/public/cases/${code}` });
    expect(tracked.statusCode).toBe(200);
    expect(tracked.json()).toMatchObject({ status: 'received', handlerLabel: '城管部门', photoCount: 1, canRate: false });
    expect(tracked.body).not.toMatch(/1381111|2222|李女士|李\*/);
    // Staff who dispatch see the phone to call back; the case came through the public page.
    const [row] = await ids(s.commissioner, '&status=received');
    const detail = (await s.commissioner.get(`/api/cases/${row}`)).json();
    expect(detail).toMatchObject({ channel: 'public', raiserPhone: '13811112222', raiserName: '李女士' });
    expect(detail.photos).toHaveLength(1);
    // Staff progress it; the tracking page names offices, never the staff member.
    await step(s.commissioner, detail.id, 'acknowledge');
    await step(s.commissioner, detail.id, 'assign');
    await step(s.cityDept, detail.id, 'start');
    await step(s.cityDept, detail.id, 'reply', { text: '已责令拆除' });
    const replied = await t.app.inject({ method: 'GET', url: `/api/public/cases/${code}` });
    expect(replied.json()).toMatchObject({ status: 'replied', canRate: true });
    expect(replied.json().timeline.find((e: { action: string }) => e.action === 'reply')).toMatchObject({ office: '城管部门', text: '已责令拆除' });
    expect(replied.body).not.toMatch(/测试|commissioner|chengguan|区城管局|13811112222/);
    const rated = await send(`/api/public/cases/${code}/visit`, { rating: 'unsatisfied', comment: '还没拆' });
    expect(rated.json()).toMatchObject({ status: 'reopened' });
    expect((await send(`/api/public/cases/${code}/visit`, { rating: 'satisfied' })).statusCode).toBe(409);
    // A code that does not exist looks like any other unknown.
    expect((await t.app.inject({ method: 'GET', url: '/api/public/cases/AAAAAAAAAAAA' })).statusCode).toBe(404);
  });
  it('the code allows 5 tries, then is dead even for the right code', async () => {
    const phone = '13822223333';
    const challengeId = await askCode(phone);
    const code = codeFor(phone);
    for (let i = 4; i >= 1; i--) {
      const res = await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code/confirm`, { challengeId, code: wrong(code) });
      expect(res.json().error).toMatchObject({ code: 'CASE_CODE_WRONG', details: { left: i } });
    }
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code/confirm`, { challengeId, code: wrong(code) })).json().error.code).toBe('CASE_CODE_TRIES');
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code/confirm`, { challengeId, code })).statusCode).toBe(429);
  });
  it('the code expires, a new one waits a minute, and the token is used once', async () => {
    const phone = '13833334444';
    const challengeId = await askCode(phone);
    const code = codeFor(phone);
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code`, { phone }, ip())).json().error.code).toBe('CASE_CODE_WAIT');
    await t.db.kysely.updateTable('case_phone_codes').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', challengeId).execute();
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code/confirm`, { challengeId, code })).json().error.code).toBe('CASE_CODE_EXPIRED');

    await t.db.kysely.updateTable('case_phone_codes').set({ created_at: new Date(Date.now() - 120_000) }).where('id', '=', challengeId).execute();
    const again = await askCode(phone);
    const token = (await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code/confirm`, { challengeId: again, code: codeFor(phone) })).json().raiseToken;
    const body = { raiseToken: token, phone, category: 'garbage', description: '垃圾桶满了' };
    // Another phone than the one proved is refused.
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases`, { ...body, phone: '13899999999' })).statusCode).toBe(401);
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases`, body)).statusCode).toBe(201);
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases`, body)).statusCode).toBe(401);
  });
  it('limits codes per phone in an hour', async () => {
    const phone = '13844445555';
    for (let i = 0; i < 5; i++) {
      await askCode(phone);
      await t.db.kysely.updateTable('case_phone_codes').set({ created_at: new Date(Date.now() - 120_000 + i) }).where('created_at', '>', new Date(Date.now() - 60_000)).execute();
    }
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code`, { phone }, ip())).json().error.code).toBe('CASE_CODE_LIMIT');
    expect((await send(`/api/public/quarters/${t.fx.q1}/cases/phone-code`, { phone: '12345' }, ip())).json().error.code).toBe('CASE_PHONE_INVALID');
  });
});

describe('deadlines: reminders before, escalation to the street after', () => {
  it('an overdue case goes up to the street once, into its inbox and the escalated list', async () => {
    const id = await dispatched('property-service');
    const k = t.db.kysely;
    await k.updateTable('cases').set({ received_at: new Date(Date.now() - 10 * 86_400_000), resolve_due_at: new Date(Date.now() - 60_000) }).where('id', '=', id).execute();
    const first = await runCaseDeadlines(k);
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    expect((await runCaseDeadlines(k)).escalated).toBe(0);
    expect(await ids(s.street, '&escalated=true')).toContain(id);
    expect(await ids(s.company, '&overdue=true')).toContain(id);
    const inbox = (await s.street.get('/api/inbox')).json();
    expect(JSON.stringify(inbox)).toContain(`/cases/${id}`);
    const detail = (await s.commissioner.get(`/api/cases/${id}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: 'escalate', note: expect.stringContaining('湘建房〔2021〕231号 五（二）') });
    expect(detail.overdue).toBe(true);
    // The community's dossier of the quarter counts it among the overdue and escalated.
    const dossier = (await s.community.get(`/api/quarters/${t.fx.q1}/dossier`)).json();
    const section = dossier.sections.find((x: { key: string }) => x.key === 'cases');
    expect(section.title).toBe('诉求办理');
    expect(section.data.overdue).toBeGreaterThanOrEqual(1);
    expect(section.data.escalated).toBeGreaterThanOrEqual(1);
  });
  it('reminds the handler once when the deadline is near', async () => {
    const id = await dispatched('owners-dispute');
    const k = t.db.kysely;
    await k.updateTable('cases').set({ received_at: new Date(Date.now() - 4 * 86_400_000), resolve_due_at: new Date(Date.now() + 3_600_000) }).where('id', '=', id).execute();
    await runCaseDeadlines(k);
    const row = await k.selectFrom('cases').select(['reminded_at', 'escalated_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.reminded_at).not.toBeNull();
    expect(row.escalated_at).toBeNull();
    expect(JSON.stringify((await s.committee.get('/api/inbox')).json())).toContain(`/cases/${id}`);
  });
});

describe('the three rates', () => {
  it('per handler of the caller’s queue', async () => {
    const res = await s.commissioner.get('/api/cases/rates?by=handler');
    expect(res.statusCode, res.body).toBe(200);
    const company = res.json().items.find((i: { key: string }) => i.key === 'company:');
    expect(company).toMatchObject({ label: '物业服务企业' });
    expect(company.total).toBeGreaterThan(0);
    expect(company.satisfactionRate).toBe(1);
  });
});

const BOUNDARY = '----cases-test';
function multipart(name: string, content: Buffer) {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}
