// What recurs by the month and the year. The owners' committee's monthly dispute-analysis
// meeting (矛盾纠纷分析例会, DB3305/T 309—2024 5.1.4.1.3) is a meeting kind of the deliberation
// module; under the HZ pack a month without one shows in the quarter's checks (the organisations
// module's rule committee-dispute-meeting-monthly, fed through the descriptor's quarterFacts).
// The year's livelihood projects (民生实事, T/ZAS 4006.1—2020 6.2.5.2) are topics marked with the
// year, chosen by consultation at a joint meeting and tracked by their actions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';

let t: TestApp;
let staff: Session;
let office: Session;

beforeAll(async () => {
  t = await createTestApp();
  const k = t.db.kysely;
  await k.updateTable('districts').set({ policy_pack: 'HZ' }).where('id', '=', t.fx.districtA).execute();
  await k.insertInto('owners_committees').values({ district_id: t.fx.districtA, quarter_id: t.fx.q3, term_start: '2026-01-01', term_end: '2030-12-31', status: 'active' }).execute();
  await insertUser(k, { username: 'committee3', displayName: '三号小区业委会', role: 'committee', scopeLevel: 'quarter', scopeId: t.fx.q3, password: PASSWORD, ownerId: null, phone: null });
  staff = await t.login('committee3');
  office = await t.login('district');
});
afterAll(async () => {
  await t?.close();
});

const rule = async () =>
  ((await office.get(`/api/quarters/${t.fx.q3}/checks?asOf=2026-03-20`)).json().items as { rule: string; status: string; message: string }[]).find((r) => r.rule === 'committee-dispute-meeting-monthly');

async function disputeMeeting(startsAt: string, hold = true) {
  const created = await staff.post('/api/meetings', { quarterId: t.fx.q3, kind: 'dispute_analysis', title: '矛盾纠纷分析例会', startsAt, attendees: [{ party: 'committee', name: '主任' }] });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const attendee = (await staff.get(`/api/meetings/${id}`)).json().attendees[0].id as string;
  if (hold) expect((await staff.post(`/api/meetings/${id}/hold`, { minutes: '梳理本月矛盾纠纷 3 件', present: [attendee] })).statusCode).toBe(200);
}

describe('the monthly dispute-analysis meeting (HZ 5.1.4.1.3)', () => {
  it('months without a held meeting show in the checks; held ones, month by month, clear them', async () => {
    const before = await rule();
    expect(before).toMatchObject({ status: 'warn' });
    expect(before!.message).toContain('2026年1月');
    expect(before!.message).toContain('2026年2月');
    await disputeMeeting('2026-01-15T19:00:00+08:00');
    // Scheduled but not held does not count.
    await disputeMeeting('2026-02-15T19:00:00+08:00', false);
    const partly = await rule();
    expect(partly!.message).not.toContain('2026年1月');
    expect(partly!.message).toContain('2026年2月');
    await disputeMeeting('2026-02-16T19:00:00+08:00');
    await disputeMeeting('2026-03-10T19:00:00+08:00');
    expect(await rule()).toMatchObject({ status: 'pass' });
    const list = (await staff.get(`/api/meetings?quarterId=${t.fx.q3}`)).json().items;
    expect(list.every((m: { kind: string }) => m.kind === 'dispute_analysis')).toBe(true);
  });
});

describe("the to-do list's kept judgement (docs/scaling.md)", () => {
  it('a joint meeting written marks its quarter stale, as the rules read the held meetings', async () => {
    const k = t.db.kysely;
    const state = () => k.selectFrom('quarter_check_state').select(['stale', 'generation']).where('quarter_id', '=', t.fx.q3).executeTakeFirst();
    await office.get('/api/organizations/actions');
    expect(await state()).toMatchObject({ stale: false });
    const generation = (await state())!.generation;
    await disputeMeeting('2026-04-10T19:00:00+08:00', false);
    expect(await state()).toMatchObject({ stale: true });
    expect((await state())!.generation).toBeGreaterThan(generation);
  });
});

describe('the year’s livelihood projects (民生实事, ZAS 6.2.5.2)', () => {
  it('candidates of the year, chosen by consultation at a joint meeting and tracked by their action', async () => {
    const raise = async (title: string, year: number) => {
      const res = await staff.post('/api/proposals', { quarterId: t.fx.q3, title, livelihoodYear: year });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const lift = await raise('老旧电梯加装', 2026);
    const lights = await raise('楼道照明改造', 2026);
    await raise('健身器材更新', 2025);
    const m = await staff.post('/api/meetings', { quarterId: t.fx.q3, kind: 'regular', title: '民生实事协商会', startsAt: '2026-03-12T19:00:00+08:00', attendees: [{ party: 'committee', name: '主任' }] });
    const meetingId = m.json().id as string;
    const attendee = (await staff.get(`/api/meetings/${meetingId}`)).json().attendees[0].id as string;
    await staff.post(`/api/meetings/${meetingId}/hold`, { minutes: '协商确定 2026 年民生实事', present: [attendee] });
    const r = await staff.post(`/api/meetings/${meetingId}/resolutions`, { text: '楼道照明改造列入 2026 年民生实事', proposalId: lights, responsible: 'committee', dueDate: '2026-09-30' });
    expect(r.statusCode, r.body).toBe(201);
    const list = (await office.get(`/api/quarters/${t.fx.q3}/livelihood-projects?year=2026`)).json();
    expect(list).toMatchObject({ year: 2026, candidates: 2, chosen: 1, done: 0 });
    expect(list.items.find((i: { id: string }) => i.id === lights)).toMatchObject({ chosenBy: 'consultation', actions: [expect.objectContaining({ responsible: 'committee', dueDate: '2026-09-30', status: 'open' })] });
    expect(list.items.find((i: { id: string }) => i.id === lift)).toMatchObject({ chosenBy: null, actions: [] });
    await staff.post(`/api/actions/${r.json().actionId}/close`, { note: '改造完成' });
    expect((await office.get(`/api/quarters/${t.fx.q3}/livelihood-projects?year=2026`)).json()).toMatchObject({ done: 1 });
    expect((await office.get(`/api/quarters/${t.fx.q3}/livelihood-projects?year=2025`)).json()).toMatchObject({ candidates: 1, chosen: 0 });
    expect((await (await t.login('commissioner')).get(`/api/quarters/${t.fx.q3}/livelihood-projects`)).statusCode).toBe(404);
  });
});
