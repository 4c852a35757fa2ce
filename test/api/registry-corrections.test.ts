// Issue 10: what a new user trips over in the registry. The template's sample rows never become
// data (2); records can be corrected and deleted where the rules allow (3); a certificate number
// typed as printed matches, also for a record hashed before the normal form (4); the residents'
// list is searched on the server (15).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedHash } from '../../src/server/platform/keys';
import { createTestApp, testIdNumber, type Session, type TestApp } from '../support/app';
import { AFTER, DURING, fixtureCredentials, openedVote, voteClock, voteOnline, type Credential } from '../support/voting';

let t: TestApp;
let commissioner: Session;
let committee: Session;
let creds: Credential[];
const clock = voteClock();

beforeAll(async () => {
  t = await createTestApp();
  commissioner = await t.login('commissioner');
  committee = await t.login('committee');
  creds = await fixtureCredentials(t, 'q1');
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

async function waitDone(id: string) {
  for (let i = 0; i < 200; i++) {
    const run = (await commissioner.get(`/api/imports/${id}`)).json();
    if (run.status !== 'writing') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const ownersNamed = async (name: string) => (await commissioner.get(`/api/quarters/${t.fx.q1}/owners?q=${encodeURIComponent(name)}`)).json().items as { id: string; name: string }[];

describe('the import template’s sample rows (issue 10 point 2)', () => {
  it('are marked in the template, skipped on import and counted in the result; the rows typed below them are imported', async () => {
    const template = await commissioner.get('/api/import/template?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const units = wb.getWorksheet('房屋业主')!;
    expect(String(units.getRow(2).getCell(1).value)).toMatch(/^示例（导入时跳过）/);
    expect(String(wb.getWorksheet('楼栋')!.getRow(2).getCell(1).value)).toMatch(/^示例/);
    // A worker types below the sample, as the template invites.
    const id = testIdNumber();
    units.addRow(['1幢', '7-701', '90.5', '住宅', '浙（2021）杭州市不动产权第7000701号', '个人', '示例下方业主', id, '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = (await ownersNamed('张三')).length;
    const res = await commissioner.upload(`/api/quarters/${t.fx.q1}/imports`, '小区档案导入模板.xlsx', file);
    expect(res.statusCode, res.body).toBe(202);
    const run = await waitDone(res.json().id);
    expect(run).toMatchObject({ status: 'done', summary: { units: 1, owners: 1, buildings: 0, sampleRows: 2 } });
    expect((await ownersNamed('张三')).length).toBe(before);
    expect((await ownersNamed('示例下方业主')).length).toBe(1);
  });

  it('skips the sample of a template downloaded before the mark (the sample ID number) and refuses a file with only samples', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('房屋业主');
    ws.addRow(['楼栋', '房号', '专有部分面积(㎡)', '用途', '不动产权证号', '业主类型', '业主姓名', '身份证号', '联系电话']);
    ws.addRow(['1幢', '1-101', '89.53', '住宅', '浙(2021)杭州市不动产权第0123456号', '个人', '张三', '11010519491231002X', '13800000000']);
    const bs = wb.addWorksheet('楼栋');
    bs.addRow(['楼栋', '层数']);
    bs.addRow(['1幢', 18]);
    const onlySample = Buffer.from(await wb.xlsx.writeBuffer());
    const refused = await commissioner.upload(`/api/quarters/${t.fx.q1}/imports`, 'old.xlsx', onlySample);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'IMPORT_UNREADABLE' });
    expect(refused.json().error.message).toContain('示例行');
    ws.addRow(['1幢', '7-702', '66', '住宅', '', '个人', '旧模板业主', testIdNumber(), '']);
    const res = await commissioner.upload(`/api/quarters/${t.fx.q1}/imports`, 'old.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    // Before: "房屋“1幢 1-101”已在本小区档案中" for a row the worker never typed.
    expect(res.statusCode, res.body).toBe(202);
    expect(await waitDone(res.json().id)).toMatchObject({ status: 'done', summary: { units: 1, sampleRows: 2 } });
  });
});

describe('certificate numbers as printed (issue 10 point 4)', () => {
  it('matches the certificate typed with full-width brackets, spaces, full-width digits and lower case', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const voteId = await openedVote(committee, t.fx.q1, { title: '证号规范化' });
    clock.set(DURING);
    const c = creds[1];
    const printed = c.certificateNo.replace('(', '（').replace(')', '） ').replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const res = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload: { idNumber: ` ${c.idNumber.toLowerCase()} `, certificateNo: printed }, remoteAddress: '10.44.0.1' });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('matches a record hashed before the normal form (rule 1) and gives it the new hash on the way', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const voteId = await openedVote(committee, t.fx.q1, { title: '旧哈希' });
    clock.set(DURING);
    const c = creds[2];
    // As it was imported before: the printed form, hashed with only spaces removed and case folded.
    const printed = c.certificateNo.replace('(', '（').replace(')', '）');
    await t.db.kysely.updateTable('units').set({ certificate_hash: keyedHash(t.hashKey, printed), certificate_hash_rule: 1 }).where('id', '=', c.unitId).execute();
    const res = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload: { idNumber: c.idNumber, certificateNo: c.certificateNo }, remoteAddress: '10.44.0.2' });
    expect(res.statusCode, res.body).toBe(200);
    const unit = await t.db.kysely.selectFrom('units').select(['certificate_hash', 'certificate_hash_rule']).where('id', '=', c.unitId).executeTakeFirstOrThrow();
    expect(unit).toEqual({ certificate_hash: keyedHash(t.hashKey, c.certificateNo), certificate_hash_rule: 2 });
  });

  it('says which number is wrong only where that tells nothing about anyone else', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const voteId = await openedVote(committee, t.fx.q1, { title: '哪个号码不对' });
    clock.set(DURING);
    const own = creds[0]; // the fixture owner account's own record
    const verify = (payload: object, session?: Session) =>
      session ? session.post(`/api/votes/${voteId}/verify`, payload) : t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload, remoteAddress: '10.44.0.3' });
    // Not an ID number at all: said from the typed text alone.
    const bad = await verify({ idNumber: own.idNumber.slice(0, 17), certificateNo: own.certificateNo });
    expect(bad.json().error).toMatchObject({ code: 'VOTER_ID_NUMBER_INVALID' });
    // Anyone: a right ID number with a wrong certificate is not told apart from two wrong numbers.
    const anon = await verify({ idNumber: own.idNumber, certificateNo: creds[3].certificateNo });
    expect(anon.json().error).toMatchObject({ code: 'VOTER_NOT_MATCHED' });
    // The owner's own account hears which of the owner's own numbers differs.
    const owner = await t.login('owner');
    const wrongCert = await verify({ idNumber: own.idNumber, certificateNo: creds[3].certificateNo }, owner);
    expect(wrongCert.json().error).toMatchObject({ code: 'VOTER_OWN_NUMBER_MISMATCH' });
    expect(wrongCert.json().error.message).toContain('不动产权证号');
    const wrongId = await verify({ idNumber: creds[3].idNumber, certificateNo: own.certificateNo }, owner);
    expect(wrongId.json().error.message).toContain('身份证号码');
  });
});

describe('correcting records (issue 10 point 3)', () => {
  it('a mistyped ID number is corrected, and the owner then verifies with the right one', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const c = creds[1];
    const right = testIdNumber();
    const patched = await commissioner.patch(`/api/owners/${c.ownerId}`, { idNumber: right });
    expect(patched.statusCode, patched.body).toBe(204);
    const voteId = await openedVote(committee, t.fx.q1, { title: '改正身份证号' });
    clock.set(DURING);
    const res = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload: { idNumber: right, certificateNo: c.certificateNo }, remoteAddress: '10.44.0.4' });
    expect(res.statusCode, res.body).toBe(200);
    const audit = (await (await t.login('community')).get(`/api/audit?quarterId=${t.fx.q1}&entity=owner`)).json().items;
    expect(audit.some((a: { action: string; entityId: string }) => a.action === 'update' && a.entityId === c.ownerId)).toBe(true);
  });

  it('refuses to delete a unit on the roll of an open vote, and an owner with a ballot, saying why', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const voteId = await openedVote(committee, t.fx.q1, { title: '删除保护' });
    clock.set(DURING);
    const c = creds[2];
    const unit = await commissioner.delete(`/api/units/${c.unitId}`);
    expect(unit.statusCode).toBe(409);
    expect(unit.json().error).toMatchObject({ code: 'RECORD_HELD' });
    expect(unit.json().error.message).toContain('正在进行的表决');
    const items = (await committee.get(`/api/votes/${voteId}`)).json().items as { id: string }[];
    const cast = await voteOnline(t, voteId, c, Object.fromEntries(items.map((i) => [i.id, 'yes'])), '10.44.0.5');
    expect(cast.statusCode, cast.body).toBe(201);
    clock.set(AFTER);
    const open = await t.db.kysely.selectFrom('votes').select('id').where('quarter_id', '=', t.fx.q1).where('status', '=', 'open').execute();
    for (const v of open) expect((await committee.post(`/api/votes/${v.id}/close`)).statusCode).toBeLessThan(300);
    const owner = await commissioner.delete(`/api/owners/${c.ownerId}`);
    expect(owner.statusCode).toBe(409);
    expect(owner.json().error.message).toContain('已在表决中投票');
  });

  it('deletes a unit, an owner and a resident entered by mistake, each audited; an owner with an account is refused', async () => {
    const b = (await commissioner.get(`/api/quarters/${t.fx.q1}/buildings`)).json().items[0];
    const unit = (await commissioner.post(`/api/quarters/${t.fx.q1}/units`, { buildingId: b.id, number: '误-1', exclusiveArea: 5000 })).json().id;
    const owner = (await commissioner.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: '误录业主', idNumber: testIdNumber(), unitIds: [unit] })).json().id;
    const resident = (await commissioner.post(`/api/quarters/${t.fx.q1}/residents`, { name: '误录居民', kind: 'tenant', unitId: unit })).json().id;
    expect((await commissioner.delete(`/api/owners/${owner}`)).statusCode).toBe(204);
    expect((await commissioner.delete(`/api/units/${unit}`)).statusCode).toBe(204);
    expect((await commissioner.delete(`/api/residents/${resident}`)).statusCode).toBe(204);
    expect((await commissioner.get(`/api/owners/${owner}`)).statusCode).toBe(404);
    const audit = (await (await t.login('community')).get(`/api/audit?quarterId=${t.fx.q1}&action=delete`)).json().items as { entity: string; entityId: string }[];
    for (const [entity, id] of [['owner', owner], ['unit', unit], ['resident', resident]]) expect(audit.some((a) => a.entity === entity && a.entityId === id)).toBe(true);
    // The fixture owner account belongs to creds[0]'s owner.
    const held = await commissioner.delete(`/api/owners/${creds[0].ownerId}`);
    expect(held.statusCode).toBe(409);
  });
});

describe('the residents’ list (issue 10 point 15)', () => {
  it('is searched on the server by name, phone and unit', async () => {
    const b = (await commissioner.get(`/api/quarters/${t.fx.q1}/buildings`)).json().items[0];
    const unit = (await commissioner.get(`/api/quarters/${t.fx.q1}/units?buildingId=${b.id}&pageSize=1`)).json().items[0];
    await commissioner.post(`/api/quarters/${t.fx.q1}/residents`, { name: '查找居民', kind: 'permanent', phone: '13912345678', unitId: unit.id });
    const find = async (q: string) => ((await commissioner.get(`/api/quarters/${t.fx.q1}/residents?q=${encodeURIComponent(q)}`)).json().items as { name: string }[]).map((r) => r.name);
    expect(await find('查找')).toEqual(['查找居民']);
    expect(await find('13912345678')).toEqual(['查找居民']);
    expect(await find(`${b.name} ${unit.number}`)).toContain('查找居民');
    expect(await find('没有这个人')).toEqual([]);
  });
});

describe('one source for the contact network (issue 10 point 12)', () => {
  it('lists the commissioner and the company the organisations tab lists, in the dossier and on the owner’s home', async () => {
    const community = await t.login('community');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await community.post(`/api/quarters/${t.fx.q1}/commissioners`, { name: '钱专员', phone: '13800000077', trainedOn: today, startedOn: today })).statusCode).toBe(201);
    const company = (await community.post('/api/property-companies', { name: '联系网物业', creditCode: '91330106MA2CCCCC3X', phone: '0571-88880000' })).json().id;
    const contract = await community.post(`/api/quarters/${t.fx.q1}/contracts`, { propertyCompanyId: company, selectionMethod: 'tender', startsOn: '2020-01-01', feeStandardFen: 150 });
    expect([201, 422]).toContain(contract.statusCode);
    const orgs = (await community.get(`/api/quarters/${t.fx.q1}/dossier`)).json();
    const section = orgs.sections.find((s: { key: string }) => s.key === 'organizations').data;
    const currentCompany = section.contracts.find((c: { current: boolean }) => c.current)?.companyName;
    const contacts = orgs.contacts as { role: string; name: string; phone: string | null }[];
    expect(contacts).toContainEqual(expect.objectContaining({ role: 'commissioner', name: '钱专员', phone: '13800000077' }));
    expect(currentCompany).toBeTruthy();
    expect(contacts).toContainEqual(expect.objectContaining({ role: 'company', name: currentCompany }));
    const home = (await (await t.login('owner')).get('/api/me/home')).json();
    expect(home.contacts.map((c: { name: string }) => c.name)).toContain('钱专员');
  });
});

describe('the global search (issue 10 point 11)', () => {
  it('finds owners by name or the digits of their phone (shown masked) and units as people say them', async () => {
    const community = await t.login('community');
    await commissioner.post(`/api/quarters/${t.fx.q1}/owners`, { kind: 'person', name: '搜索业主', idNumber: testIdNumber(), phone: '13955554321' });
    const byName = (await community.get(`/api/search?q=${encodeURIComponent('搜索业主')}`)).json();
    expect(byName.owners).toEqual([expect.objectContaining({ name: '搜索业主', phoneMasked: '139****4321', quarterId: t.fx.q1 })]);
    const byPhone = (await community.get('/api/search?q=4321')).json();
    expect(byPhone.owners.map((o: { name: string }) => o.name)).toContain('搜索业主');
    expect(JSON.stringify(byPhone)).not.toContain('13955554321');
    // By what the masked phone shows, or the whole number; never by the hidden middle digits,
    // which a search by any run of digits would give away one digit at a time.
    const names = async (q: string) => (await community.get(`/api/search?q=${encodeURIComponent(q)}`)).json().owners.map((o: { name: string }) => o.name);
    expect(await names('139****4321')).toContain('搜索业主');
    expect(await names('13955554321')).toContain('搜索业主');
    for (const hidden of ['5555', '95555', '9555543', '555543']) expect(await names(hidden), hidden).not.toContain('搜索业主');
    const b = (await commissioner.get(`/api/quarters/${t.fx.q1}/buildings`)).json().items[0];
    const unit = (await commissioner.get(`/api/quarters/${t.fx.q1}/units?buildingId=${b.id}&pageSize=1`)).json().items[0];
    const units = (await community.get(`/api/search?q=${encodeURIComponent(`${b.name} ${unit.number}`)}`)).json().units;
    expect(units.map((u: { id: string }) => u.id)).toContain(unit.id);
  });
});
