// The arrears list's import template (西政办〔2020〕29号 二（三）10): offered to the property company
// that records the list, with the columns the import reads and a grey sample row that the import
// skips and never stores; a file holding only that row says so and stores nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let company: Session;
let community: Session;

beforeAll(async () => {
  t = await createTestApp();
  company = await t.login('company');
  community = await t.login('community');
});
afterAll(async () => {
  await t?.close();
});

const url = () => `/api/quarters/${t.fx.q1}/arrears/import-template.xlsx`;
const lists = async () => (await community.get(`/api/quarters/${t.fx.q1}/arrears`)).json().items as { period: string; rows: unknown[] }[];

describe('the arrears import template', () => {
  it('is offered to the company with the columns, the note and the marked sample row', async () => {
    expect((await community.get(url())).statusCode).toBe(403);
    const res = await company.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('西政办〔2020〕29号 二（三）10');
    expect(ws.getRow(2).values).toEqual([undefined, '楼栋', '房号', '欠费月数', '欠费金额（元）']);
    expect(String(ws.getCell('A3').value)).toMatch(/^示例（导入时跳过）/);
    // No column for a name or a phone.
    expect(JSON.stringify(ws.getRow(2).values)).not.toMatch(/姓名|电话/);
  });

  it('uploaded as it is, says it holds only the sample and stores nothing', async () => {
    const template = (await company.get(url())).rawPayload;
    const res = await company.upload(`/api/quarters/${t.fx.q1}/arrears/imports?period=2026H1`, 'template.xlsx', template);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ARREARS_IMPORT_INVALID');
    expect(res.json().error.details.rows[0].message).toContain('示例行');
    expect(await lists()).toEqual([]);
  });

  it('filled in below the sample, stores the rows typed and never the sample', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await company.get(url())).rawPayload as unknown as ArrayBuffer);
    wb.worksheets[0].addRow(['2幢', '1-502', 4, 1320.5]);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await company.upload(`/api/quarters/${t.fx.q1}/arrears/imports?period=2026H1`, 'filled.xlsx', filled);
    expect(res.statusCode).toBe(201);
    const stored = await lists();
    expect(stored).toHaveLength(1);
    expect(stored[0].rows).toEqual([{ building: '2幢', unit: '1-502', monthsOwed: 4, amountFen: 132_050 }]);
  });
});
