// The arrears list and its disclosure (欠费公示, 西政办〔2020〕29号 二（三）10): the company records,
// the offices read, the community publishes only where the district's pack has the clause, and
// the public board shows the list without the owner and with the room masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { arrearsXlsx } from '../support/finance';

let t: TestApp;
let s: Record<'community' | 'committee' | 'company' | 'owner' | 'district', Session>;

beforeAll(async () => {
  t = await createTestApp();
  s = {} as typeof s;
  for (const u of ['community', 'committee', 'company', 'owner', 'district'] as const) s[u] = await t.login(u);
});
afterAll(async () => {
  await t?.close();
});

async function setPack(pack: string) {
  const q = await t.db.kysely.selectFrom('quarters').select('district_id').where('id', '=', t.fx.q1).executeTakeFirstOrThrow();
  await t.db.kysely.updateTable('districts').set({ policy_pack: pack }).where('id', '=', q.district_id).execute();
}

const board = async () => (await t.app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}` })).json();

describe('the arrears disclosure', () => {
  const rows = [
    { building: '3幢', unit: '1-1201', monthsOwed: 7, amountFen: 215_600 },
    { building: '5幢', unit: '2-302', monthsOwed: 12, amountFen: 369_600 },
  ];

  it('is recorded by the company and read by the offices, in full', async () => {
    // A name or a phone sent along is not kept.
    const withPersonal = rows.map((r) => ({ ...r, ownerName: '王五', phone: '13900000000' }));
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/arrears`, { period: '2026H1', rows })).statusCode).toBe(403);
    expect((await s.company.post(`/api/quarters/${t.fx.q1}/arrears`, { period: '2026H1', rows: withPersonal })).statusCode).toBe(201);
    expect((await s.company.post(`/api/quarters/${t.fx.q1}/arrears`, { period: '2026H1', rows })).json().error.code).toBe('ARREARS_RECORDED');
    const list = (await s.community.get(`/api/quarters/${t.fx.q1}/arrears`)).json();
    expect(list.items[0]).toMatchObject({ period: '2026H1', totalFen: 585_200, rows, publishedAt: null });
    expect(list.items[0].publicRows[0]).toEqual({ building: '3幢', unit: '1-***', monthsOwed: 7, amountFen: 215_600 });
    expect(JSON.stringify(list)).not.toMatch(/王五|13900000000/);
    expect((await s.district.get(`/api/quarters/${t.fx.q1}/arrears`)).statusCode).toBe(200);
    expect((await s.company.get(`/api/quarters/${t.fx.q1}/arrears`)).statusCode).toBe(200);
    expect((await s.owner.get(`/api/quarters/${t.fx.q1}/arrears`)).statusCode).toBe(403);
  });

  it('is refused publication under a pack without the clause, with the clause', async () => {
    await setPack('ZAS');
    const list = (await s.community.get(`/api/quarters/${t.fx.q1}/arrears`)).json();
    expect(list.policy).toMatchObject({ packId: 'ZAS', allowed: false });
    expect(list.canPublish).toBe(false);
    const refused = await s.community.post(`/api/arrears-lists/${list.items[0].id}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ARREARS_DISCLOSURE_NOT_ALLOWED');
    expect(refused.json().error.message).toContain('西政办〔2020〕29号 二（三）10');
    expect(refused.json().error.details).toMatchObject({ packId: 'ZAS', clause: '西政办〔2020〕29号 二（三）10' });
    expect((await board()).arrears).toEqual([]);
  });

  it('is published under XH, on the board without the owner and with the room masked', async () => {
    await setPack('XH');
    const list = (await s.community.get(`/api/quarters/${t.fx.q1}/arrears`)).json();
    expect(list.canPublish).toBe(true);
    const id = list.items[0].id;
    expect((await s.company.post(`/api/arrears-lists/${id}/publish`)).statusCode).toBe(403);
    expect((await s.community.post(`/api/arrears-lists/${id}/publish`)).statusCode).toBe(200);
    expect((await s.community.post(`/api/arrears-lists/${id}/publish`)).json().error.code).toBe('ARREARS_PUBLISHED');
    const b = await board();
    expect(b.arrears).toHaveLength(1);
    expect(b.arrears[0]).toMatchObject({ period: '2026H1', households: 2, totalFen: 585_200, clause: '西政办〔2020〕29号 二（三）10' });
    expect(b.arrears[0].rows).toEqual([
      { building: '3幢', unit: '1-***', monthsOwed: 7, amountFen: 215_600 },
      { building: '5幢', unit: '2-***', monthsOwed: 12, amountFen: 369_600 },
    ]);
    const text = JSON.stringify(b.arrears);
    expect(text).not.toMatch(/王五|13900000000|1201|302/);
    // A district that leaves the pack takes the list off the board.
    await setPack('ZAS');
    expect((await board()).arrears).toEqual([]);
  });

  it('is imported from the company’s sheet, whole or not at all, without reading names or phones', async () => {
    const url = `/api/quarters/${t.fx.q1}/arrears/imports?period=2025H2`;
    const bad = await arrearsXlsx([
      ['1幢', '1-101', 6, 1800],
      ['1幢', null, 2, 600],
      ['2幢', '2-202', 'x', 600],
    ]);
    const refused = await s.company.upload(url, 'arrears.xlsx', bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('ARREARS_IMPORT_INVALID');
    expect(refused.json().error.details.rows.map((r: { row: number }) => r.row)).toEqual([4, 5]);
    const good = await arrearsXlsx(
      [
        ['1幢', '1-101', 6, 1800],
        ['2幢', '2-202', 3, '900.50'],
      ],
      [
        ['赵六', '13700000000'],
        ['钱七', '13600000000'],
      ],
    );
    expect((await s.committee.upload(url, 'arrears.xlsx', good)).statusCode).toBe(403);
    expect((await s.company.upload(url, 'arrears.xlsx', good)).statusCode).toBe(201);
    const list = (await s.company.get(`/api/quarters/${t.fx.q1}/arrears`)).json();
    const h2 = list.items.find((i: { period: string }) => i.period === '2025H2');
    expect(h2.rows).toEqual([
      { building: '1幢', unit: '1-101', monthsOwed: 6, amountFen: 180_000 },
      { building: '2幢', unit: '2-202', monthsOwed: 3, amountFen: 90_050 },
    ]);
    expect(JSON.stringify(list)).not.toMatch(/赵六|钱七|13700000000|13600000000/);
  });
});
