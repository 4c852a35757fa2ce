// Import files too large to handle are refused before they are parsed, a big file is parsed off
// the main thread (the server keeps answering), and nothing is written either way. Each case
// here parsed the whole file on the main thread before (and 600,000 rows stopped the server).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES, xlsxUnpackedSize } from '../../src/server/modules/registry/import-limits';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let s: Session;
beforeAll(async () => {
  t = await createTestApp();
  s = await t.login('commissioner');
});
afterAll(async () => {
  await t?.close();
});

const HEADER = '楼栋,房号,专有部分面积(㎡),用途,不动产权证号,业主类型,业主姓名,身份证号,联系电话';
const csvOf = (rows: number) => Buffer.from([HEADER, ...Array.from({ length: rows }, (_, i) => `99幢,${i + 1},88.5,住宅,,开发建设单位,开发商,,`)].join('\n'), 'utf8');
const unitCount = async () => (await s.get(`/api/quarters/${t.fx.q1}/units?pageSize=1`)).json().total as number;

async function smallXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('房屋业主').addRow(HEADER.split(','));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import size limits', () => {
  it(`a CSV of ${MAX_IMPORT_ROWS + 1} data rows is refused with 413 before parsing, in the caller's language; nothing written`, async () => {
    const before = await unitCount();
    const res = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'big.csv', csvOf(MAX_IMPORT_ROWS + 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMPORT_TOO_LARGE');
    expect(res.json().error.message).toContain('一次最多导入 20,000 行数据');
    expect(await unitCount()).toBe(before);
    const en = await t.app.inject({
      method: 'POST',
      url: `/api/quarters/${t.fx.q1}/imports`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'accept-language': 'en', 'content-type': 'multipart/form-data; boundary=x' },
      payload: Buffer.concat([
        Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n'),
        csvOf(MAX_IMPORT_ROWS + 1),
        Buffer.from('\r\n--x--\r\n'),
      ]),
    });
    expect(en.statusCode).toBe(413);
    expect(en.json().error.message).toContain('at most 20,000 data rows');
  });

  it('an .xlsx whose parts would unpack past the limit is refused from its directory alone', async () => {
    const zip = await smallXlsx();
    expect(xlsxUnpackedSize(zip)).toBeLessThan(1024 * 1024);
    // Claim a part of MAX + 1 bytes in the central directory, as a zip bomb would.
    const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const directory = zip.readUInt32LE(eocd + 16);
    zip.writeUInt32LE(MAX_XLSX_UNPACKED_BYTES + 1, directory + 24);
    expect(xlsxUnpackedSize(zip)).toBeGreaterThan(MAX_XLSX_UNPACKED_BYTES);
    const res = await s.upload(`/api/quarters/${t.fx.q1}/imports`, 'bomb.xlsx', zip);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('IMPORT_TOO_LARGE');
  });

  it('a big workbook is parsed in a worker: the server answers other requests meanwhile', async () => {
    // exceljs reads a whole .xlsx in one go; on the main thread nothing else is answered until it is done.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('房屋业主');
    ws.addRow(HEADER.split(','));
    for (let i = 0; i < 15_000; i++) ws.addRow(['99幢', String(i + 1), '88.5', '住宅', '', '开发建设单位', '开发商', '', '']);
    const big = Buffer.from(await wb.xlsx.writeBuffer());
    const order: string[] = [];
    const importing = s.upload(`/api/quarters/${t.fx.q1}/imports`, 'big.xlsx', big).then((r) => {
      order.push('import');
      return r;
    });
    // Give the upload a moment to reach the parser, then ask for something else.
    await new Promise((r) => setTimeout(r, 50));
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    order.push('health');
    expect(health.statusCode).toBe(200);
    const res = await importing;
    expect(order).toEqual(['health', 'import']);
    // Parsed and checked: rows of an unknown building are refused row by row (422), not as too large.
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IMPORT_REJECTED');
  });
});
