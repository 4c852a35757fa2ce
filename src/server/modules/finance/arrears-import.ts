// The arrears list from the company's own Excel sheet: the columns are found by their headers
// (楼栋, 房号, 欠费月数, 欠费金额 in yuan), as for the bank statement. Any column of owner names or
// phones the sheet has is not read at all: the list never holds them. Every row is checked first
// and a bad row refuses the whole file with each row's reason.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { pick, type Locale } from '../../platform/i18n';
import type { ArrearsRow } from '../../../core/finance/index';
import { authorizeQuarterFinance } from './access';
import { recordArrears } from './arrears';
import { fenOf, text } from './statement-import';
import { isSampleText } from '../../platform/excel-template';

type DB = Kysely<Database>;

export const ARREARS_MAX_BYTES = 2 * 1024 * 1024;
const MAX_ROWS = 5000;

const headers: Record<keyof ArrearsRow, RegExp> = {
  building: /^(楼栋|楼号|幢号|幢)$/,
  unit: /^(房号|室号|房间号|单元房号)$/,
  monthsOwed: /^(欠费月数|欠缴月数|月数)$/,
  amountFen: /^(欠费金额|欠缴金额|金额)$/,
};

interface Problem {
  row: number;
  zh: string;
  en: string;
}

export async function readArrears(buffer: Buffer): Promise<{ rows: ArrearsRow[]; problems: Problem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ row: 0, zh: '文件不是有效的 .xlsx 工作簿', en: 'the file is not a valid .xlsx workbook' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], problems: [{ row: 0, zh: '工作簿是空的', en: 'the workbook is empty' }] };
  let headerRow = 0;
  const col: Partial<Record<keyof ArrearsRow, number>> = {};
  for (let r = 1; r <= Math.min(10, ws.rowCount) && !headerRow; r++) {
    const found: Partial<Record<keyof ArrearsRow, number>> = {};
    ws.getRow(r).eachCell((cell, c) => {
      const h = text(cell.value).replace(/\s+/g, '').replace(/[（(].*?[)）]/g, '');
      for (const [key, re] of Object.entries(headers) as [keyof ArrearsRow, RegExp][]) if (re.test(h) && !found[key]) found[key] = c;
    });
    if (found.building && found.unit && found.monthsOwed && found.amountFen) {
      headerRow = r;
      Object.assign(col, found);
    }
  }
  if (!headerRow) return { rows: [], problems: [{ row: 0, zh: '找不到表头：需要“楼栋”“房号”“欠费月数”“欠费金额”列', en: 'no header row: the columns 楼栋, 房号, 欠费月数 and 欠费金额 are needed' }] };
  if (ws.rowCount - headerRow > MAX_ROWS) return { rows: [], problems: [{ row: 0, zh: `行数超过 ${MAX_ROWS}`, en: `more than ${MAX_ROWS} rows` }] };
  const rows: ArrearsRow[] = [];
  const problems: Problem[] = [];
  let samples = 0;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cell = (k: keyof ArrearsRow) => row.getCell(col[k]!).value;
    const building = text(cell('building')).slice(0, 40);
    const unit = text(cell('unit')).slice(0, 40);
    const monthsText = text(cell('monthsOwed'));
    if (!building && !unit && !monthsText && !text(cell('amountFen'))) continue;
    // The template's grey sample row (arrears-template.ts) is skipped, never stored.
    if ([building, unit, monthsText].some(isSampleText)) {
      samples++;
      continue;
    }
    const months = /^\d{1,3}$/.test(monthsText) ? Number(monthsText) : NaN;
    const fen = fenOf(cell('amountFen'));
    const bad = (zh: string, en: string) => problems.push({ row: r, zh, en });
    if (!building || !unit) bad('楼栋和房号都要填写', 'building and unit are both needed');
    if (!(months >= 1)) bad('欠费月数须为正整数', 'months owed must be a positive whole number');
    if (fen === null || Number.isNaN(fen) || fen <= 0) bad('欠费金额不对：填写不超过两位小数的正数（元）', 'the amount is wrong: a positive number of yuan with at most two decimals');
    else if (building && unit && months >= 1) rows.push({ building, unit, monthsOwed: months, amountFen: fen });
  }
  if (!rows.length && !problems.length)
    problems.push(
      samples
        ? { row: 0, zh: '文件里只有模板的示例行（已跳过），没有数据行，未保存', en: "the file has only the template's sample row (skipped) and no data rows: nothing was stored" }
        : { row: 0, zh: '文件里没有数据行', en: 'the file has no data rows' },
    );
  return { rows, problems };
}

/** Records the half year's list from the sheet, whole or not at all (422 with each row's reason). */
export async function importArrears(db: DB, ctx: RequestContext, quarterId: string, period: string, buffer: Buffer) {
  await authorizeQuarterFinance(db, ctx.actor, quarterId, 'arrears.record');
  const { rows, problems } = await readArrears(buffer);
  if (problems.length) {
    throw new AppError('ARREARS_IMPORT_INVALID', { count: problems.length }, (l: Locale) => ({ rows: problems.slice(0, 200).map((p) => ({ row: p.row, message: pick({ 'zh-CN': p.zh, en: p.en }, l) })) }));
  }
  return recordArrears(db, ctx, quarterId, { period, rows });
}
