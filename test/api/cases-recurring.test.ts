// The month's recurring problems of cases (未诉先办, issue 12): counts by category and month in a
// quarter, a community or a street, the rule's boundaries through the API, the caller's queue,
// the scope (404) and permission (403), and the month by default in Asia/Shanghai.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { seedCases } from '../../src/server/seed/cases';

let t: TestApp;
const s = {} as Record<'district' | 'street' | 'commissioner' | 'commissioner2' | 'company' | 'supervisor' | 'districtB', Session>;

type Item = { category: string; categoryName: string; place: { level: string; id: string; name: string }; count: number; months: { month: string; count: number }[]; caseIds: string[] };

/** A case of the category in the quarter, received at the instant given (or now). */
async function caseAt(by: Session, quarterId: string, category: string, at?: string) {
  const res = await by.post('/api/cases', { quarterId, category, description: '同样的问题又出现了', channel: 'phone' });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  if (at) await t.db.kysely.updateTable('cases').set({ received_at: new Date(at) }).where('id', '=', id).execute();
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['district', 'street', 'commissioner', 'commissioner2', 'company', 'supervisor', 'districtB'] as const) s[name] = await t.login(name);
  // Quarter 1, May 2026 (China Standard Time): noise 3 times (recurs), fees twice (does not),
  // water hygiene once a month from March (recurs), green space in March and May (a gap).
  for (const day of ['05-03', '05-12', '05-31']) await caseAt(s.commissioner, t.fx.q1, 'pollution-noise', `2026-${day}T02:00:00Z`);
  // 00:00 on 1 June in Shanghai is in June: not a fourth May case.
  await caseAt(s.commissioner, t.fx.q1, 'pollution-noise', '2026-05-31T16:00:00Z');
  for (const day of ['05-04', '05-20']) await caseAt(s.commissioner, t.fx.q1, 'fees', `2026-${day}T02:00:00Z`);
  for (const month of ['03', '04', '05']) await caseAt(s.commissioner, t.fx.q1, 'water-hygiene', `2026-${month}-10T02:00:00Z`);
  for (const month of ['03', '05']) await caseAt(s.commissioner, t.fx.q1, 'green-space', `2026-${month}-10T02:00:00Z`);
  // The company's own queue: property services three times in May.
  for (const day of ['05-05', '05-06', '05-07']) await caseAt(s.commissioner, t.fx.q1, 'property-service', `2026-${day}T02:00:00Z`);
  // Quarter 2 (the same street): fees once more in May, so the street has three.
  await caseAt(s.commissioner2, t.fx.q2, 'fees', '2026-05-15T02:00:00Z');
});
afterAll(async () => {
  await t?.close();
});

const recurring = async (by: Session, query: string) => {
  const res = await by.get(`/api/cases/recurring?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { month: string; place: { level: string; id: string; name: string }; items: Item[] };
};

describe('GET /api/cases/recurring', () => {
  it('a quarter: 3 cases in the month or a case in each of 3 months; 2 cases, or a gap, are not', async () => {
    const out = await recurring(s.commissioner, `quarterId=${t.fx.q1}&month=2026-05`);
    expect(out.month).toBe('2026-05');
    expect(out.items.map((i) => [i.category, i.count])).toEqual([
      ['pollution-noise', 3],
      ['property-service', 3],
      ['water-hygiene', 1],
    ]);
    const noise = out.items[0];
    expect(noise).toMatchObject({ categoryName: '排污单位和噪音污染', place: { level: 'quarter', id: t.fx.q1, name: '一号小区' } });
    expect(noise.months).toEqual([
      { month: '2026-03', count: 0 },
      { month: '2026-04', count: 0 },
      { month: '2026-05', count: 3 },
    ]);
    expect(noise.caseIds).toHaveLength(3);
    expect(out.items[2].months.map((m) => m.count)).toEqual([1, 1, 1]);
  });

  it('the caseIds are the cases of the month, and the list filters to them by category', async () => {
    const out = await recurring(s.commissioner, `quarterId=${t.fx.q1}&month=2026-05`);
    const list = await s.commissioner.get(`/api/cases?quarterId=${t.fx.q1}&category=pollution-noise&month=2026-05&pageSize=50`);
    const listed = (list.json().items as { id: string }[]).map((i) => i.id);
    expect(listed.sort()).toEqual([...out.items[0].caseIds].sort());
  });

  it('a street adds its quarters up: fees recur there, not in quarter 1', async () => {
    const out = await recurring(s.street, `streetId=${t.fx.streetA1}&month=2026-05`);
    expect(out.place).toMatchObject({ level: 'street', id: t.fx.streetA1 });
    expect(out.items.find((i) => i.category === 'fees')?.count).toBe(3);
    // The caller's own place by default.
    expect((await recurring(s.street, 'month=2026-05')).items.map((i) => i.category)).toContain('fees');
    expect((await recurring(s.district, `communityId=${t.fx.communityA1}&month=2026-05`)).items.map((i) => i.category)).not.toContain('fees');
  });

  it("over the caller's queue: the company sees the cases dispatched to it", async () => {
    const out = await recurring(s.company, `quarterId=${t.fx.q1}&month=2026-05`);
    expect(out.items.map((i) => i.category)).toEqual(['property-service']);
  });

  it('the month by default is this month in Asia/Shanghai', async () => {
    for (let i = 0; i < 3; i++) await caseAt(s.commissioner, t.fx.q1, 'dogs');
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    const out = await recurring(s.commissioner, `quarterId=${t.fx.q1}`);
    expect(out.month).toBe(month);
    expect(out.items.find((i) => i.category === 'dogs')?.count).toBe(3);
  });

  it('outside the scope 404, without cases.read 403, a bad month or two places 400', async () => {
    expect((await s.commissioner2.get(`/api/cases/recurring?quarterId=${t.fx.q1}`)).statusCode).toBe(404);
    expect((await s.districtB.get(`/api/cases/recurring?streetId=${t.fx.streetA1}`)).statusCode).toBe(404);
    expect((await s.commissioner.get(`/api/cases/recurring?quarterId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await s.supervisor.get(`/api/cases/recurring?quarterId=${t.fx.q1}`)).statusCode).toBe(403);
    expect((await s.commissioner.get(`/api/cases/recurring?quarterId=${t.fx.q1}&month=2026-13`)).statusCode).toBe(400);
    expect((await s.street.get(`/api/cases/recurring?quarterId=${t.fx.q1}&streetId=${t.fx.streetA1}`)).statusCode).toBe(400);
  });
});

describe('the demo', () => {
  it("has a recurring problem this month, so that the desk's card is not empty", async () => {
    // Quarter 3 (the other street) holds none of the cases above.
    await seedCases(t.db.kysely, t.fx.q3);
    const out = await recurring(s.district, `quarterId=${t.fx.q3}`);
    const garbage = out.items.find((i) => i.category === 'garbage');
    expect(garbage?.count).toBe(3);
    expect(garbage?.months.map((m) => m.count)).toEqual([1, 1, 3]);
  });
});
