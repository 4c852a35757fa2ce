import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testIdNumber, type Session, type TestApp } from '../support/app';

let t: TestApp;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = await t.login('commissioner');
});
afterAll(async () => {
  await t?.close();
});

type Row = (string | number | null)[];
const HEADER = ['楼栋', '房号', '专有部分面积(㎡)', '用途', '不动产权证号', '业主类型', '业主姓名', '身份证号', '联系电话'];

async function xlsx(units: Row[], buildings: Row[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const u = wb.addWorksheet('房屋业主');
  u.addRow(HEADER);
  for (const r of units) u.addRow(r);
  if (buildings.length) {
    const b = wb.addWorksheet('楼栋');
    b.addRow(['楼栋', '层数']);
    for (const r of buildings) b.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function waitDone(id: string) {
  for (let i = 0; i < 200; i++) {
    const run = (await s.get(`/api/imports/${id}`)).json();
    if (run.status !== 'writing') return run;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const unitCount = async () => (await s.get(`/api/quarters/${t.fx.q1}/units?pageSize=1`)).json().total as number;
const ownerCount = async () => (await s.get(`/api/quarters/${t.fx.q1}/owners?pageSize=1`)).json().total as number;

describe('import template', () => {
  it('downloads as .xlsx with both sheets and as UTF-8 CSV with a BOM', async () => {
    const res = await s.get('/api/import/template?format=xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('房屋业主')!.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(wb.getWorksheet('楼栋')).toBeDefined();
    const csv = await s.get('/api/import/template?format=csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('楼栋,房号');
  });
});

describe('a good file', () => {
  it('writes buildings, units and owners in one go, with co-ownership, developer units and multi-unit owners', async () => {
    const [a, b] = [testIdNumber(), testIdNumber()];
    const file = await xlsx(
      [
        ['9幢', '1-101', '89.53', '住宅', '浙(2021)杭州市不动产权第0000001号', '个人', '甲业主', a, '13811112222'],
        ['9幢', '1-101', 89.53, '住宅', '浙(2021)杭州市不动产权第0000001号', '个人', '乙业主', b, ''],
        ['9幢', '1-102', '120', '住宅', '', '个人', '甲业主', a, ''],
        ['9幢', '1-103', '1,234.5', '商业', '', '开发建设单位', '某某置业有限公司', '', ''],
        ['9幢', '1-104', '66.6', '', '', '开发建设单位', '某某置业有限公司', '', ''],
        ['1幢', '9-999', '70', '住宅', '', '个人', '丙业主', testIdNumber(), ''],
      ],
      [['9幢', 18]],
    );
    const [units0, owners0] = [await unitCount(), await ownerCount()];
    const res = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'good.xlsx', file);
    expect(res.statusCode, res.body).toBe(202);
    const run = await waitDone(res.json().id);
    expect(run).toMatchObject({ status: 'done', rows: [], summary: { buildings: 1, units: 5, owners: 4 } });
    expect(run.processed).toBe(run.total);
    expect(await unitCount()).toBe(units0 + 5);
    expect(await ownerCount()).toBe(owners0 + 4);
    const owners = (await s.get(`/api/quarters/${t.fx.q1}/owners?q=${encodeURIComponent('甲业主')}`)).json().items;
    expect(owners[0]).toMatchObject({ unitCount: 2, totalArea: 8953 + 12000 });
    const dev = (await s.get(`/api/quarters/${t.fx.q1}/owners?q=${encodeURIComponent('置业')}`)).json().items[0];
    expect(dev).toMatchObject({ kind: 'developer', unitCount: 2, totalArea: 123450 + 6660 });
    const audit = (await (await t.login('community')).get(`/api/audit?quarterId=${t.fx.q1}&entity=import_run`)).json().items[0];
    expect(audit).toMatchObject({ action: 'import', after: { units: 5, owners: 4, buildings: 1 } });
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030), keeping leading zeros', async () => {
    const id = testIdNumber();
    const text = `${HEADER.join(',')}\r\n2幢,0101,75.00,住宅,,个人,丁业主,${id},\r\n`;
    // GB18030 bytes for the Chinese text: encode through a round trip the test can check.
    const gbk = encodeGb18030(text);
    expect(gbk.equals(Buffer.from(text, 'utf8'))).toBe(false);
    const res = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'gbk.csv', gbk);
    expect(res.statusCode, res.body).toBe(202);
    expect((await waitDone(res.json().id)).status).toBe('done');
    const unit = (await s.get(`/api/quarters/${t.fx.q1}/units?q=0101`)).json().items[0];
    expect(unit).toMatchObject({ number: '0101', exclusiveArea: 7500, buildingName: '2幢' });
    expect(unit.owners[0].name).toBe('丁业主');
  });
});

describe('a file with bad rows', () => {
  it('is rejected whole, every bad row listed with its number and reason, nothing written, report downloadable', async () => {
    const good = testIdNumber();
    const badCheck = good.slice(0, 17) + (good.at(-1) === '0' ? '1' : '0');
    const file = await xlsx([
      ['1幢', '5-501', '80', '住宅', '', '个人', '好业主', testIdNumber(), ''], // row 2: fine
      ['1幢', '', '80', '住宅', '', '个人', '缺房号', testIdNumber(), ''], // row 3: missing field
      ['1幢', '5-502', '八十', '住宅', '', '个人', '坏面积', testIdNumber(), ''], // row 4: bad area
      ['1幢', '5-503', '80.123', '住宅', '', '个人', '三位小数', testIdNumber(), ''], // row 5
      ['99幢', '5-504', '80', '住宅', '', '个人', '无此楼', testIdNumber(), ''], // row 6: unknown building
      ['1幢', '5-505', '80', '住宅', '', '个人', '错校验', badCheck, ''], // row 7: checksum
      ['1幢', '1-101', '80', '住宅', '', '个人', '已存在', testIdNumber(), ''], // row 8: unit already registered
      ['1幢', '5-501', '81', '住宅', '', '个人', '面积不一', testIdNumber(), ''], // row 9: same unit, other area
      // eslint-disable-next-line no-loss-of-precision -- a spreadsheet keeps a number as a double: the last digits are lost on purpose
      ['1幢', '5-506', '80', '住宅', '', '个人', '数字身份证', 330106199001011234, ''], // row 10: ID stored as a number
      ['1幢', '5-507', '80', '车库', '', '个人', '怪用途', testIdNumber(), 'abc'], // row 11: bad use and phone
    ]);
    const [units0, owners0] = [await unitCount(), await ownerCount()];
    const res = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'bad.xlsx', file);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.message).toBe('文件中有 9 行有误，整个文件未导入，请改正后重新上传。');
    const byRow = new Map<number, string[]>();
    for (const r of err.details.rows) byRow.set(r.row, [...(byRow.get(r.row) ?? []), `${r.field}:${r.reason}`]);
    expect([...byRow.keys()].sort((x, y) => x - y)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(byRow.get(3)!.join()).toContain('房号:必填');
    expect(byRow.get(4)!.join()).toContain('不是数字');
    expect(byRow.get(5)!.join()).toContain('两位小数');
    expect(byRow.get(6)!.join()).toContain('99幢');
    expect(byRow.get(7)!.join()).toContain('校验位');
    expect(byRow.get(8)!.join()).toContain('已在本小区档案中');
    expect(byRow.get(9)!.join()).toContain('第 2 行');
    expect(byRow.get(10)!.join()).toContain('文本');
    expect(byRow.get(11)!.join()).toMatch(/用途.*联系电话|联系电话.*用途/);
    expect(await unitCount()).toBe(units0);
    expect(await ownerCount()).toBe(owners0);

    const run = (await s.get(`/api/imports/${err.details.importId}`)).json();
    expect(run.status).toBe('rejected');
    expect(run.rows).toHaveLength(err.details.rows.length);
    // The same rows in English for an English request.
    const runEn = (await s.get(`/api/imports/${err.details.importId}`, { 'accept-language': 'en' })).json();
    expect(runEn.rows.find((r: { row: number; field: string }) => r.row === 3 && r.field === '房号').reason).toBe('required');
    expect(runEn.rows.find((r: { row: number }) => r.row === 7).reason).toContain('check digit');
    const report = await s.get(`/api/imports/${err.details.importId}/report`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('错误行')!;
    expect(ws.getRow(1).values).toEqual([undefined, '工作表', '行号', '字段', '原因']);
    expect(ws.rowCount).toBe(err.details.rows.length + 1);
  });

  it('says clearly when the file is not a spreadsheet or lacks columns', async () => {
    const notXlsx = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'x.xlsx', Buffer.from('hello'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('IMPORT_UNREADABLE');
    const wrongType = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'x.pdf', Buffer.from('%PDF'));
    expect(wrongType.json().error.message).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('房屋业主').addRow(['楼栋', '房号']);
    const lacking = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'x.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(lacking.statusCode).toBe(400);
    expect(lacking.json().error.message).toContain('缺少列');
    const noFile = await s.post(`/api/quarters/${t.fx.q1}/imports`, {});
    expect(noFile.statusCode).toBe(400);
  });

  it('is refused to roles without the import permission and outside scope', async () => {
    const file = await xlsx([['1幢', '7-701', '80', '住宅', '', '个人', '某', testIdNumber(), '']]);
    const committee = await t.login('committee');
    expect((await committee.upload(`/api/quarters/${t.fx.q1}/imports`, 'a.xlsx', file)).statusCode).toBe(403);
    expect((await s.upload(`/api/quarters/${t.fx.q2}/imports`, 'a.xlsx', file)).statusCode).toBe(404);
    const other = await t.login('commissioner2');
    const rejected = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'bad.xlsx', await xlsx([['1幢', '', '', '', '', '', '', '', '']]));
    expect((await other.get(`/api/imports/${rejected.json().error.details.importId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/imports/${rejected.json().error.details.importId}/report`)).statusCode).toBe(404);
  });
});

/** GB18030 encoder for the test's small alphabet, built from the decoder (Node has no encoder). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  const needed = new Set([...text].filter((c) => c.charCodeAt(0) > 127));
  for (let hi = 0x81; hi <= 0xfe && table.size < needed.size; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (needed.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    if (c.charCodeAt(0) <= 127) bytes.push(c.charCodeAt(0));
    else {
      const code = table.get(c);
      if (!code) throw new Error(`no GB18030 code for ${c}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
