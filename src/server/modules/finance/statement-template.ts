// The bank-statement import template offered for download: the columns the import reads
// (statement-import.ts), a note above them, a sample row marked so that the import skips it,
// and the chart of accounts to copy the 科目 from.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { accountCodes, kindOf } from '../../../core/finance/index';
import { accountLabels } from './labels';
import { authorizeQuarterFinance } from './access';
import { markSample, noteAboveHeader, SAMPLE_MARK } from '../../platform/excel-template';

// The template's sample row starts its 摘要 with SAMPLE_MARK, and the import skips any row with a
// text cell so marked (isSampleText): a treasurer who types below the sample must not book the
// sample's parking income as real money.

export const STATEMENT_TEMPLATE_NOTE =
  '填写说明：每行一笔收支，收入和支出只填一项（单位：元，最多两位小数）；日期如 2026-03-01；科目填“科目表”中的名称。' +
  `灰色的示例行（摘要以“${SAMPLE_MARK}”开头）导入时自动跳过，请在其下方填写。任何一行有误，整个文件都不会导入。`;

export async function statementTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收支明细');
  const widths = [14, 40, 14, 14, 28];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // The import looks for the header in the first 10 rows.
  noteAboveHeader(ws, 'E', STATEMENT_TEMPLATE_NOTE, 48);
  const header = ws.addRow(['日期', '摘要', '收入', '支出', '科目']);
  header.font = { bold: true };
  ws.getColumn(1).numFmt = '@';
  markSample(ws.addRow(['2026-01-05', `${SAMPLE_MARK}1月停车费收入`, 1200, null, accountLabels['income.parking']['zh-CN']]));
  const chart = wb.addWorksheet('科目表');
  chart.columns = [
    { header: '科目', width: 28 },
    { header: '类别', width: 12 },
  ];
  chart.getRow(1).font = { bold: true };
  for (const code of accountCodes) {
    const kind = kindOf(code);
    if (kind !== 'asset') chart.addRow([accountLabels[code]['zh-CN'], kind === 'income' ? '收入来源' : '准许用途（支出）']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The template for whoever keeps the quarter's account (the same who may import). */
export async function statementTemplateFile(db: Kysely<Database>, actor: Actor, quarterId: string) {
  await authorizeQuarterFinance(db, actor, quarterId, 'ledger.book');
  return { fileName: '银行流水导入模板.xlsx', buffer: await statementTemplate() };
}
