// Emergency plans and drills of a quarter (T/ZAS 4006.1—2020 6.2.4.1): a class without a plan and
// a year without a drill show with the clause, in the quarter's answer and its dossier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears, shanghaiDate } from '../../src/core/dates';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let commissioner: Session;

beforeAll(async () => {
  t = await createTestApp();
  commissioner = await t.login('commissioner');
});
afterAll(async () => {
  await t?.close();
});

describe('emergency plans and drills', () => {
  it('lists what is missing until every class has a plan and a drill was held this year', async () => {
    const before = (await commissioner.get(`/api/quarters/${t.fx.q1}/emergency`)).json();
    expect(before.gaps).toHaveLength(6);
    expect(before.gaps[0]).toMatchObject({ kind: 'missing-plan', citation: 'T/ZAS 4006.1—2020 6.2.4.1', message: '缺少“安全事故”应急预案' });
    for (const planClass of ['accident', 'public-health', 'committee-unable', 'company-leaving', 'facility-failure']) {
      const res = await commissioner.post(`/api/quarters/${t.fx.q1}/emergency-plans`, { planClass, title: `${planClass} 预案`, contacts: '小区专员 周敏 13857100001', approvedOn: '2026-01-10' });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await commissioner.get(`/api/quarters/${t.fx.q1}/emergency`)).json().gaps.map((g: { kind: string }) => g.kind)).toEqual(['no-drill']);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await commissioner.post(`/api/quarters/${t.fx.q1}/emergency-drills`, { heldOn: today, attendance: 56, planClass: 'accident' })).statusCode).toBe(201);
    const after = (await commissioner.get(`/api/quarters/${t.fx.q1}/emergency`)).json();
    expect(after.gaps).toEqual([]);
    expect(after.drills[0]).toMatchObject({ heldOn: today, attendance: 56 });
    const q2 = (await commissioner.get(`/api/quarters/${t.fx.q2}/emergency`)).statusCode;
    expect(q2).toBe(404);
    expect((await (await t.login('committee')).post(`/api/quarters/${t.fx.q1}/emergency-drills`, { heldOn: today, attendance: 1 })).statusCode).toBe(403);
    const dossier = (await (await t.login('commissioner2')).get(`/api/quarters/${t.fx.q2}/dossier`)).json();
    expect(dossier.sections.find((s: { key: string }) => s.key === 'cases').data.emergencyGaps).toBe(6);
  });
});

type Check = { rule: string; status: string; citation: string; message: string };
const emergencyChecks = async (s: Session, quarterId: string, asOf: string) =>
  ((await s.get(`/api/quarters/${quarterId}/checks?asOf=${asOf}`)).json().items as Check[]).filter((c) => c.rule.startsWith('emergency-'));

describe("the quarter's checks (T/ZAS 4006.1—2020 6.2.4.1)", () => {
  it('a class without a plan and a year without a drill fail with the clause; a drill exactly a year ago still counts, a day more does not', async () => {
    const district = await t.login('district');
    // Quarter 3 has no plans and no drills.
    const none = await emergencyChecks(district, t.fx.q3, '2026-06-15');
    expect(none).toEqual([
      expect.objectContaining({ rule: 'emergency-plan-classes', status: 'fail', citation: 'T/ZAS 4006.1—2020 6.2.4.1', message: expect.stringContaining('安全事故、公共卫生事件、业主委员会不能正常履职、物业服务企业退出、设施设备故障') }),
      expect.objectContaining({ rule: 'emergency-drill-yearly', status: 'fail', citation: 'T/ZAS 4006.1—2020 6.2.4.1', message: '没有应急演练记录。' }),
    ]);
    for (const planClass of ['accident', 'public-health', 'committee-unable', 'company-leaving'])
      expect((await district.post(`/api/quarters/${t.fx.q3}/emergency-plans`, { planClass, title: `${planClass} 预案`, contacts: '社区 0571-1', approvedOn: '2025-01-10' })).statusCode).toBe(201);
    const partly = await emergencyChecks(district, t.fx.q3, '2026-06-15');
    expect(partly[0]).toMatchObject({ status: 'fail', message: '缺少应急预案：设施设备故障。标准列明的每类突发事件都应有预案及联系人。' });
    expect((await district.post(`/api/quarters/${t.fx.q3}/emergency-plans`, { planClass: 'facility-failure', title: '设施故障预案', contacts: '物业 0571-2', approvedOn: '2025-01-10' })).statusCode).toBe(201);
    expect((await district.post(`/api/quarters/${t.fx.q3}/emergency-drills`, { heldOn: '2025-06-15', attendance: 40 })).statusCode).toBe(201);
    // A plan approved after the day judged does not count for that day.
    expect((await emergencyChecks(district, t.fx.q3, '2025-01-09'))[0].status).toBe('fail');
    // The year since 2025-06-15 is full on 2026-06-15 (民法典 第1259条): that day the drill still counts.
    expect((await emergencyChecks(district, t.fx.q3, '2026-06-15')).map((c) => c.status)).toEqual(['pass', 'pass']);
    const late = await emergencyChecks(district, t.fx.q3, '2026-06-16');
    expect(late[1]).toMatchObject({ status: 'fail', message: '近一年没有应急演练（上次演练 2025-06-15）。' });
    const en = ((await district.get(`/api/quarters/${t.fx.q3}/checks?asOf=2026-06-16`, { 'accept-language': 'en' })).json().items as Check[]).find((c) => c.rule === 'emergency-drill-yearly');
    expect(en!.message).toBe('No emergency drill in the last year (the last was on 2025-06-15).');
  });

  it("today, by the Shanghai day: a drill a year and a day ago no longer counts, one exactly a year ago does", async () => {
    const district = await t.login('district');
    const today = shanghaiDate();
    const drill = async (heldOn: string) => expect((await district.post(`/api/quarters/${t.fx.q3}/emergency-drills`, { heldOn, attendance: 20 })).statusCode).toBe(201);
    const status = async () => ((await district.get(`/api/quarters/${t.fx.q3}/checks`)).json().items as Check[]).find((c) => c.rule === 'emergency-drill-yearly')!.status;
    await drill(addDays(addYears(today, -1), -1));
    expect(await status()).toBe('fail');
    await drill(addYears(today, -1));
    expect(await status()).toBe('pass');
  });

  it("the to-do list follows a new plan and a drill the same day (the write marks the quarter's kept checks stale)", async () => {
    const street = await t.login('street');
    const office = await t.login('district');
    const listed = async () =>
      ((await street.get('/api/organizations/actions?pageSize=200')).json().failingChecks.items as { quarterId: string; rule: string; citation: string }[]).filter((c) => c.quarterId === t.fx.q2 && c.rule.startsWith('emergency-'));
    expect((await listed()).map((c) => c.rule)).toEqual(['emergency-plan-classes', 'emergency-drill-yearly']);
    expect((await listed())[0].citation).toBe('T/ZAS 4006.1—2020 6.2.4.1');
    for (const planClass of ['accident', 'public-health', 'committee-unable', 'company-leaving', 'facility-failure'])
      expect((await office.post(`/api/quarters/${t.fx.q2}/emergency-plans`, { planClass, title: `${planClass} 预案`, contacts: '社区 0571-1', approvedOn: '2026-01-10' })).statusCode).toBe(201);
    expect((await listed()).map((c) => c.rule)).toEqual(['emergency-drill-yearly']);
    expect((await office.post(`/api/quarters/${t.fx.q2}/emergency-drills`, { heldOn: shanghaiDate(), attendance: 30 })).statusCode).toBe(201);
    expect(await listed()).toEqual([]);
  });
});

describe('a change to a plan', () => {
  it('changes its contacts; bad input is refused whole with a clear status', async () => {
    const company = await t.login('company');
    const created = await company.post(`/api/quarters/${t.fx.q1}/emergency-plans`, { planClass: 'accident', title: '消防应急预案', contacts: '孙立 0571-88001234', approvedOn: '2026-02-01' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const changed = await company.patch(`/api/emergency-plans/${id}`, { contacts: '新项目经理 李强 0571-88005678' });
    expect(changed.statusCode, changed.body).toBe(200);
    const plan = (await company.get(`/api/quarters/${t.fx.q1}/emergency`)).json().plans.find((p: { id: string }) => p.id === id);
    expect(plan).toMatchObject({ contacts: '新项目经理 李强 0571-88005678', title: '消防应急预案', approvedOn: '2026-02-01' });
    expect((await company.patch(`/api/emergency-plans/${id}`, {})).statusCode).toBe(400);
    expect((await company.patch(`/api/emergency-plans/${id}`, { planClass: 'earthquake' })).statusCode).toBe(400);
    expect((await company.patch(`/api/emergency-plans/${id}`, { title: '新标题', approvedOn: '2026-13-45' })).statusCode).toBe(400);
    expect((await company.get(`/api/quarters/${t.fx.q1}/emergency`)).json().plans.find((p: { id: string }) => p.id === id).title).toBe('消防应急预案');
    expect((await company.patch('/api/emergency-plans/00000000-0000-4000-8000-000000000000', { title: '无效标题' })).statusCode).toBe(404);
    expect((await (await t.login('committee')).patch(`/api/emergency-plans/${id}`, { title: '无效标题' })).statusCode).toBe(403);
    expect((await (await t.login('commissioner2')).patch(`/api/emergency-plans/${id}`, { title: '无效标题' })).statusCode).toBe(404);
    expect((await company.post(`/api/quarters/${t.fx.q1}/emergency-drills`, { heldOn: '2026-03-01', attendance: -1 })).statusCode).toBe(400);
  });
});
