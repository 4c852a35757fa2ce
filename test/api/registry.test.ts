import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testIdNumber, type Session, type TestApp } from '../support/app';

let t: TestApp;
let community: Session;
beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('community');
});
afterAll(async () => {
  await t?.close();
});

const quarterBody = (over: Record<string, unknown> = {}) => ({
  name: `翠苑${Math.random().toString(36).slice(2, 7)}`,
  communityId: t.fx.communityA1,
  totalBuildingArea: 12_345_678,
  deliveredArea: 7_407_407,
  firstDeliveryDate: '2024-11-23',
  households: 99,
  ...over,
});

describe('quarters (the contract other tools rely on)', () => {
  it('creates a quarter with 0.01 m² integers and reads it back', async () => {
    const body = quarterBody({ type: 'resettlement', address: '清溪路 1 号', soldArea: 10_000_000 });
    const res = await community.post('/api/quarters', body);
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const got = (await community.get(`/api/quarters/${id}`)).json();
    expect(got).toMatchObject({
      id,
      name: body.name,
      communityId: t.fx.communityA1,
      communityName: '一社区',
      streetName: '一街道',
      districtName: '甲区',
      type: 'resettlement',
      totalBuildingArea: 12_345_678,
      deliveredArea: 7_407_407,
      soldArea: 10_000_000,
      firstDeliveryDate: '2024-11-23',
      households: 99,
      buildingCount: 0,
    });
    const list = (await community.get('/api/quarters')).json().items;
    expect(list.find((q: { id: string }) => q.id === id)).toMatchObject({ id, name: body.name, communityId: t.fx.communityA1 });
  });

  it('accepts delivered area exactly equal to the total, refuses one hundredth of a square metre more (422)', async () => {
    expect((await community.post('/api/quarters', quarterBody({ totalBuildingArea: 500_000, deliveredArea: 500_000 }))).statusCode).toBe(201);
    const over = await community.post('/api/quarters', quarterBody({ totalBuildingArea: 500_000, deliveredArea: 500_001 }));
    expect(over.statusCode).toBe(422);
    expect(over.json().error).toMatchObject({ code: 'AREA_EXCEEDS_TOTAL', message: '已交付面积不能大于总建筑面积。' });
  });

  it('refuses bad input with 400 and a message naming each field in Chinese', async () => {
    const res = await community.post('/api/quarters', {
      name: '',
      communityId: 'not-a-uuid',
      totalBuildingArea: 12.5,
      deliveredArea: -1,
      firstDeliveryDate: '2023-02-29',
      households: 'many',
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    const paths = err.details.issues.map((i: { path: string }) => i.path).sort();
    expect(paths).toEqual(['communityId', 'deliveredArea', 'firstDeliveryDate', 'households', 'name', 'totalBuildingArea']);
    expect(err.message).toContain('首次交付日期：日期不存在');
    expect(err.message).toContain('名称：不能为空');
    const en = await community.post('/api/quarters', { name: 'x' }, { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/^The request is not valid: /);
  });

  it('refuses a duplicate name in the same community with 409, and leaves nothing half-written', async () => {
    const body = quarterBody();
    expect((await community.post('/api/quarters', body)).statusCode).toBe(201);
    const before = (await community.get('/api/quarters')).json().items.length;
    const again = await community.post('/api/quarters', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    expect((await community.get('/api/quarters')).json().items.length).toBe(before);
  });

  it('edits a quarter and audits the state before and after', async () => {
    const { id } = (await community.post('/api/quarters', quarterBody({ households: 80 }))).json();
    expect((await community.patch(`/api/quarters/${id}`, { households: 100, deliveredArea: 7_000_000 })).statusCode).toBe(204);
    expect((await community.get(`/api/quarters/${id}`)).json().households).toBe(100);
    const entry = (await community.get(`/api/audit?quarterId=${id}&entity=quarter`)).json().items[0];
    expect(entry).toMatchObject({ action: 'update', entity: 'quarter', entityId: id, username: 'community' });
    expect(entry.before.households).toBe(80);
    expect(entry.after).toMatchObject({ households: 100, deliveredArea: 7_000_000 });
    const bad = await community.patch(`/api/quarters/${id}`, { deliveredArea: 12_345_679 });
    expect(bad.statusCode).toBe(422);
    expect((await community.get(`/api/quarters/${id}`)).json().deliveredArea).toBe(7_000_000);
  });

  it('the commissioner may edit the quarter facts but not create quarters', async () => {
    const s = await t.login('commissioner');
    expect((await s.patch(`/api/quarters/${t.fx.q1}`, { address: '新地址 8 号' })).statusCode).toBe(204);
    expect((await s.post('/api/quarters', quarterBody())).statusCode).toBe(403);
  });
});

describe('buildings, units, owners and residents', () => {
  it('registers a building, a unit and a person owner; the ID number is never returned in full', async () => {
    const s = await t.login('commissioner');
    const building = await s.post(`/api/quarters/${t.fx.q1}/buildings`, { name: '8幢', floors: 18 });
    expect(building.statusCode).toBe(201);
    expect((await s.post(`/api/quarters/${t.fx.q1}/buildings`, { name: '8幢' })).statusCode).toBe(409);
    const unit = await s.post(`/api/quarters/${t.fx.q1}/units`, {
      buildingId: building.json().id,
      number: '1-1801',
      exclusiveArea: 14_235,
      use: 'residential',
      certificateNo: '浙(2021)杭州市不动产权第0123456号',
    });
    expect(unit.statusCode).toBe(201);
    const idNumber = testIdNumber();
    const owner = await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: '林晓', idNumber, phone: '13812345678', unitIds: [unit.json().id] });
    expect(owner.statusCode).toBe(201);
    const detail = await s.get(`/api/owners/${owner.json().id}`);
    expect(detail.json()).toMatchObject({ name: '林晓', unitCount: 1, totalArea: 14_235, phoneMasked: '138****5678' });
    expect(detail.json().idNumberMasked).toMatch(/^330\*+\d{3}[\dX]$/);
    // Nowhere in any answer or in the audit log does the full number appear.
    const everything = [
      detail.body,
      (await s.get(`/api/quarters/${t.fx.q1}/owners?pageSize=200`)).body,
      (await s.get(`/api/quarters/${t.fx.q1}/units?pageSize=200`)).body,
      (await community.get(`/api/audit?quarterId=${t.fx.q1}&pageSize=200`)).body,
    ].join('\n');
    expect(everything).not.toContain(idNumber);
    expect(everything).not.toContain('0123456');
    // The same person cannot be registered twice in one quarter.
    const twice = await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: '林晓', idNumber });
    expect(twice.statusCode).toBe(409);
  });

  it('refuses an ID number with a wrong check digit, saying why', async () => {
    const s = await t.login('commissioner');
    const good = testIdNumber();
    const last = good.at(-1) === '0' ? '1' : '0';
    const res = await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: '错号', idNumber: good.slice(0, 17) + last });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('INVALID_ID_NUMBER');
    expect(res.json().error.message).toContain('校验位');
    const missing = await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: '无号' });
    expect(missing.json().error.code).toBe('ID_NUMBER_REQUIRED');
    // The developer (开发建设单位) needs no ID number.
    expect((await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'developer', name: '某置业有限公司' })).statusCode).toBe(201);
  });

  it('says what is wrong with a field in the language of the request', async () => {
    const s = await t.login('commissioner');
    const good = testIdNumber();
    const wrong = good.slice(0, 17) + (good.at(-1) === '0' ? '1' : '0');
    const en = await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: 'Wrong', idNumber: wrong }, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(422);
    expect(en.json().error.message).toContain('check digit');
    expect(en.json().error.details).toEqual({ issues: [{ path: 'idNumber', message: 'the check digit does not match; a digit may be mistyped' }] });
    const zh = await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: '无号' });
    expect(zh.json().error.details).toEqual({ issues: [{ path: 'idNumber', message: '必填' }] });
    const missing = await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: 'No number' }, { 'accept-language': 'en' });
    expect(missing.json().error.details).toEqual({ issues: [{ path: 'idNumber', message: 'required' }] });
  });

  it('records co-ownership: one unit, two owners; one owner, two units', async () => {
    const s = await t.login('company');
    const [u1, u2] = t.fx.units.q1;
    const spouse = await s.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: '共有人', idNumber: testIdNumber(), unitIds: [u1] });
    expect(spouse.statusCode).toBe(201);
    expect((await s.post(`/api/units/${u2}/owners`, { ownerId: spouse.json().id })).statusCode).toBe(204);
    const units = (await s.get(`/api/quarters/${t.fx.q1}/units?pageSize=200`)).json().items;
    expect(units.find((u: { id: string }) => u.id === u1).owners).toHaveLength(2);
    const owner = (await s.get(`/api/owners/${spouse.json().id}`)).json();
    expect(owner.unitCount).toBe(2);
    expect(owner.units.find((u: { id: string }) => u.id === u1).coOwned).toBe(true);
    const dossier = (await s.get(`/api/quarters/${t.fx.q1}/dossier`)).json();
    expect(dossier.stats.coOwnedUnits).toBeGreaterThanOrEqual(2);
    expect((await s.delete(`/api/units/${u2}/owners/${spouse.json().id}`)).statusCode).toBe(204);
    expect((await s.delete(`/api/units/${u2}/owners/${spouse.json().id}`)).statusCode).toBe(404);
    // An owner of another quarter cannot be attached.
    expect((await s.post(`/api/units/${u1}/owners`, { ownerId: t.fx.owners.q2[0] })).statusCode).toBe(422);
  });

  it('registers residents, flags people needing care, and counts them in the dossier', async () => {
    const s = await t.login('grid');
    const res = await s.post(`/api/quarters/${t.fx.q1}/residents`, { name: '王奶奶', kind: 'permanent', needsCare: true, careNote: '独居老人', unitId: t.fx.units.q1[2], phone: '13700000000' });
    expect(res.statusCode).toBe(201);
    expect((await s.post(`/api/quarters/${t.fx.q1}/residents`, { name: '租客', kind: 'tenant', unitId: t.fx.units.q2[0] })).statusCode).toBe(422);
    const care = (await s.get(`/api/quarters/${t.fx.q1}/residents?kind=needsCare`)).json().items;
    expect(care.map((r: { name: string }) => r.name)).toContain('王奶奶');
    expect(care.every((r: { needsCare: boolean }) => r.needsCare)).toBe(true);
    const dossier = (await s.get(`/api/quarters/${t.fx.q1}/dossier`)).json();
    expect(dossier.stats.residents.needsCare).toBeGreaterThanOrEqual(2);
    expect(dossier.contacts.map((c: { role: string }) => c.role)).toContain('commissioner');
  });

  it('exports the quarter registry as a real .xlsx that Excel can open', async () => {
    const res = await community.get(`/api/quarters/${t.fx.q1}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['小区概况', '楼栋', '房屋业主', '居民']);
    const units = wb.getWorksheet('房屋业主')!;
    expect(units.getRow(1).getCell(1).value).toBe('楼栋');
    expect(units.rowCount).toBeGreaterThanOrEqual(5);
    expect(String(units.getRow(2).getCell(3).value)).toBe('89.53');
  });
});
