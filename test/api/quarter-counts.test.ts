// The buildings and units kept a quarter for the quarter list's sorts (migration 0024): every
// write path that adds or removes them keeps the counts equal to the rows (docs/scaling.md).
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testIdNumber, type Session, type TestApp } from '../support/app';

let t: TestApp;
let s: Session;
let district: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = await t.login('commissioner');
  district = await t.login('district');
});
afterAll(async () => {
  await t?.close();
});

/** Every quarter whose kept counts differ from its rows (none when they are kept right). */
async function wrongCounts() {
  const { rows } = await sql<{ id: string; kept_buildings: number; buildings: number; kept_units: number; units: number }>`
    SELECT q.id, coalesce(qc.buildings, 0) AS kept_buildings, (SELECT count(*) FROM buildings b WHERE b.quarter_id = q.id)::int AS buildings,
      coalesce(qc.units, 0) AS kept_units, (SELECT count(*) FROM units u WHERE u.quarter_id = q.id)::int AS units
    FROM quarters q LEFT JOIN quarter_counts qc ON qc.quarter_id = q.id`.execute(t.db.kysely);
  return rows.filter((r) => r.kept_buildings !== r.buildings || r.kept_units !== r.units);
}

async function kept(quarterId: string) {
  return t.db.kysely.selectFrom('quarter_counts').select(['buildings', 'units']).where('quarter_id', '=', quarterId).executeTakeFirstOrThrow();
}

async function waitDone(id: string) {
  for (let i = 0; i < 200; i++) {
    const run = (await s.get(`/api/imports/${id}`)).json();
    if (run.status !== 'writing') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('the counts kept a quarter', () => {
  it('hold the fixture written after the migrations', async () => {
    expect(await wrongCounts()).toEqual([]);
  });

  it('follow a building and units added, a unit deleted, an import, and a row moved', async () => {
    const before = await kept(t.fx.q1);
    const building = await s.post(`/api/quarters/${t.fx.q1}/buildings`, { name: '计数幢', floors: 6 });
    expect(building.statusCode).toBe(201);
    const unit = (number: string) => s.post(`/api/quarters/${t.fx.q1}/units`, { buildingId: building.json().id, number, exclusiveArea: 9_000, use: 'residential' });
    const a = await unit('1-101');
    expect(a.statusCode).toBe(201);
    expect((await unit('1-102')).statusCode).toBe(201);
    expect(await kept(t.fx.q1)).toEqual({ buildings: before.buildings + 1, units: before.units + 2 });
    expect((await s.delete(`/api/units/${a.json().id}`)).statusCode).toBe(204);
    expect(await kept(t.fx.q1)).toEqual({ buildings: before.buildings + 1, units: before.units + 1 });

    // An import writes a new building and its units in a few statements.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('房屋业主');
    sheet.addRow(['楼栋', '房号', '专有部分面积(㎡)', '用途', '不动产权证号', '业主类型', '业主姓名', '身份证号', '联系电话']);
    for (const n of ['2-201', '2-202', '2-203']) sheet.addRow(['计数二幢', n, '80', '住宅', '', '个人', `业主${n}`, testIdNumber(), '']);
    const buildings = wb.addWorksheet('楼栋');
    buildings.addRow(['楼栋', '层数']);
    buildings.addRow(['计数二幢', 6]);
    const res = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'counts.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(202);
    expect((await waitDone(res.json().id)).status).toBe('done');
    expect(await kept(t.fx.q1)).toEqual({ buildings: before.buildings + 2, units: before.units + 4 });

    // No write path moves a unit to another quarter; the trigger keeps the counts if one does.
    await t.db.kysely.updateTable('units').set({ quarter_id: t.fx.q2 }).where('number', '=', '2-203').where('quarter_id', '=', t.fx.q1).execute();
    expect(await kept(t.fx.q1)).toEqual({ buildings: before.buildings + 2, units: before.units + 3 });
    await t.db.kysely.updateTable('units').set({ quarter_id: t.fx.q1 }).where('number', '=', '2-203').where('quarter_id', '=', t.fx.q2).execute();
    expect(await wrongCounts()).toEqual([]);

    // The list shows and sorts by the same figures.
    const list = (await district.get('/api/quarters?pageSize=100&sort=unitCount&order=desc')).json().items as { id: string; unitCount: number; buildingCount: number }[];
    const mine = list.find((q) => q.id === t.fx.q1)!;
    expect(mine).toMatchObject({ buildingCount: before.buildings + 2, unitCount: before.units + 4 });
    expect(list.map((q) => q.unitCount)).toEqual(list.map((q) => q.unitCount).sort((x, y) => y - x));
  });

  it('go with a building deleted and with a quarter deleted', async () => {
    const quarter = await t.db.kysely
      .insertInto('quarters')
      .values({ district_id: t.fx.districtA, street_id: t.fx.streetA1, community_id: t.fx.communityA1, name: '计数苑', total_building_area: 100, delivered_area: 0, households: 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const building = await t.db.kysely.insertInto('buildings').values({ district_id: t.fx.districtA, quarter_id: quarter.id, name: '1幢' }).returning('id').executeTakeFirstOrThrow();
    await t.db.kysely
      .insertInto('units')
      .values(['101', '102'].map((number) => ({ district_id: t.fx.districtA, quarter_id: quarter.id, building_id: building.id, number, exclusive_area: 100 })))
      .execute();
    expect(await kept(quarter.id)).toEqual({ buildings: 1, units: 2 });
    await t.db.kysely.deleteFrom('units').where('building_id', '=', building.id).execute();
    await t.db.kysely.deleteFrom('buildings').where('id', '=', building.id).execute();
    expect(await kept(quarter.id)).toEqual({ buildings: 0, units: 0 });
    await t.db.kysely.deleteFrom('quarters').where('id', '=', quarter.id).execute();
    expect(await t.db.kysely.selectFrom('quarter_counts').select('quarter_id').where('quarter_id', '=', quarter.id).execute()).toEqual([]);
    expect(await wrongCounts()).toEqual([]);
  });
});
