// The arrears-list import template offered to the property company: the columns the import reads
// (arrears-import.ts), a note above them, and a grey sample row marked so that the import skips it
// and never stores it (as the bank statement's template, statement-template.ts). No column for an
// owner's name or phone: the list never holds them (西政办〔2020〕29号 二（三）10 names no
// particulars; the public form masks the room, core/finance/arrears.ts).
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { authorizeQuarterFinance } from './access';
import { markSample, noteAboveHeader, SAMPLE_MARK } from '../../platform/excel-template';

export const ARREARS_TEMPLATE_NOTE =
  '填写说明：每行一户欠费，填写楼栋、房号、欠费月数（正整数）和欠费金额（元，最多两位小数）。不填写也不导入业主姓名、电话（西政办〔2020〕29号 二（三）10；公示时房号隐去）。' +
  `灰色的示例行（楼栋以“${SAMPLE_MARK}”开头）导入时自动跳过、不会保存，请在其下方填写。任何一行有误，整个文件都不会导入。`;

export async function arrearsTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('欠费名单');
  [22, 14, 12, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // The import looks for the header in the first 10 rows.
  noteAboveHeader(ws, 'D', ARREARS_TEMPLATE_NOTE, 64);
  ws.addRow(['楼栋', '房号', '欠费月数', '欠费金额（元）']).font = { bold: true };
  // Room numbers are text ('1-1201' must not become a date or a number).
  ws.getColumn(2).numFmt = '@';
  markSample(ws.addRow([`${SAMPLE_MARK}3幢`, '1-1201', 6, 1980]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template for whoever records the quarter's arrears list (the property company). */
export async function arrearsTemplateFile(db: Kysely<Database>, actor: Actor, quarterId: string) {
  await authorizeQuarterFinance(db, actor, quarterId, 'arrears.record');
  return { fileName: '物业费欠费名单导入模板.xlsx', buffer: await arrearsTemplate() };
}
