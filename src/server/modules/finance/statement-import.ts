// Import of a bank statement, or of the old books, as Excel: one entry per row, income into the
// special bank account from its source, spending from it to its permitted use. The columns are
// found by their headers (日期, 摘要, 收入, 支出, 科目); every row is checked first, and any bad
// row refuses the whole file with each row's reason, so that a file is booked whole or not at all.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { pick, type Locale } from '../../platform/i18n';
import { accountCodes, kindOf, MAX_LINE_FEN, type AccountCode } from '../../../core/finance/index';
import { authorizeQuarterFinance } from './access';
import { accountLabels } from './labels';
import { insertEntry } from './ledger';
import { isSampleText } from '../../platform/excel-template';

type DB = Kysely<Database>;

export const STATEMENT_MAX_BYTES = 2 * 1024 * 1024;
/** Rows of one file: years of a quarter's statements. */
export const STATEMENT_MAX_ROWS = 3000;

const headers: Record<'date' | 'memo' | 'income' | 'spending' | 'account', RegExp> = {
  date: /^(交易)?日期$|^记账日期$/,
  memo: /^(摘要|用途|备注|交易摘要)$/,
  income: /^(收入|收入金额|贷方|贷方发生额|贷方金额)$/,
  spending: /^(支出|支出金额|借方|借方发生额|借方金额)$/,
  account: /^(科目|类别|收支科目)$/,
};

interface Problem {
  row: number;
  zh: string;
  en: string;
}

export function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if (typeof value === 'object' && 'result' in value) return text(value.result as ExcelJS.CellValue);
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value).trim();
}

/** Fen from a cell: a number of yuan, or text like "1,234.50" or "¥80"; null when empty; NaN when not an amount. */
export function fenOf(value: ExcelJS.CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : NaN;
  const s = text(value).replace(/[,，\s¥￥元]/g, '');
  if (!s) return null;
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : NaN;
}

function dateOf(value: ExcelJS.CellValue): string | null {
  const s = value instanceof Date ? value.toISOString().slice(0, 10) : text(value).replace(/[./年月]/g, '-').replace(/日$/, '');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) && iso >= '1990-01-01' && iso <= '2199-12-31' ? iso : null;
}

/** The account a cell names: its code, or its name in either language. */
function accountOf(name: string): AccountCode | null {
  const n = name.replace(/\s+/g, '');
  return accountCodes.find((c) => c === n || accountLabels[c]['zh-CN'] === n || accountLabels[c].en.replace(/\s+/g, '') === n) ?? null;
}

export interface StatementRow {
  row: number;
  date: string;
  memo: string;
  fen: number;
  kind: 'income' | 'spending';
  account: AccountCode;
}

/** Reads and checks every row; the problems of all rows, or the rows. */
export async function readStatement(buffer: Buffer): Promise<{ rows: StatementRow[]; problems: Problem[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ row: 0, zh: '文件不是有效的 .xlsx 工作簿', en: 'the file is not a valid .xlsx workbook' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], problems: [{ row: 0, zh: '工作簿是空的', en: 'the workbook is empty' }] };
  // The header row: the first of the first 10 with a date and a memo column.
  let headerRow = 0;
  const col: Partial<Record<keyof typeof headers, number>> = {};
  for (let r = 1; r <= Math.min(10, ws.rowCount) && !headerRow; r++) {
    const found: Partial<Record<keyof typeof headers, number>> = {};
    ws.getRow(r).eachCell((cell, c) => {
      const h = text(cell.value).replace(/\s+/g, '').replace(/[（(].*?[)）]/g, '');
      for (const [key, re] of Object.entries(headers) as [keyof typeof headers, RegExp][]) if (re.test(h) && !found[key]) found[key] = c;
    });
    if (found.date && found.memo && (found.income || found.spending)) {
      headerRow = r;
      Object.assign(col, found);
    }
  }
  if (!headerRow) return { rows: [], problems: [{ row: 0, zh: '找不到表头：需要“日期”“摘要”“收入”“支出”“科目”列', en: 'no header row: the columns 日期, 摘要, 收入, 支出 and 科目 are needed' }] };
  if (!col.account) return { rows: [], problems: [{ row: headerRow, zh: '缺少“科目”列：每笔收支须记入一个收入来源或准许用途', en: 'the 科目 column is missing: each row needs its income source or permitted use' }] };
  const rows: StatementRow[] = [];
  const problems: Problem[] = [];
  let samples = 0;
  if (ws.rowCount - headerRow > STATEMENT_MAX_ROWS) return { rows: [], problems: [{ row: 0, zh: `行数超过 ${STATEMENT_MAX_ROWS}，请分几个文件导入`, en: `more than ${STATEMENT_MAX_ROWS} rows: split the file` }] };
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cell = (k: keyof typeof headers) => (col[k] ? row.getCell(col[k]!).value : null);
    const values = (Object.keys(headers) as (keyof typeof headers)[]).map((k) => text(cell(k)));
    if (values.every((v) => !v)) continue;
    if (values.some(isSampleText)) {
      samples++;
      continue;
    }
    const date = dateOf(cell('date'));
    const memo = text(cell('memo')).slice(0, 300);
    const income = fenOf(cell('income'));
    const spending = fenOf(cell('spending'));
    const account = accountOf(text(cell('account')));
    const bad = (zh: string, en: string) => problems.push({ row: r, zh, en });
    if (!date) bad('日期不对（例如 2026-03-01）', 'the date is not one (e.g. 2026-03-01)');
    if (!memo) bad('摘要不能为空', 'the memo is empty');
    if (Number.isNaN(income) || Number.isNaN(spending)) {
      bad('金额不对：填写不超过两位小数的正数（元）', 'an amount is wrong: a positive number of yuan with at most two decimals');
      continue;
    }
    if ((income ?? 0) > 0 === (spending ?? 0) > 0) {
      bad('收入和支出须填且只填一项', 'fill in exactly one of income and spending');
      continue;
    }
    const kind = (income ?? 0) > 0 ? 'income' : 'spending';
    const fen = (income ?? 0) || (spending ?? 0);
    if (fen > MAX_LINE_FEN) bad('金额过大', 'the amount is too large');
    if (!account) bad(`科目“${text(cell('account'))}”不在科目表中`, `the account "${text(cell('account'))}" is not in the chart`);
    else if (kindOf(account) !== (kind === 'income' ? 'income' : 'use')) bad(kind === 'income' ? '收入须记入收入来源科目' : '支出须记入准许用途科目（DB3305/T 309—2024 5.1.2.2）', kind === 'income' ? 'income goes to an income source' : 'spending goes to a permitted use (DB3305/T 309—2024 5.1.2.2)');
    if (date && memo && account) rows.push({ row: r, date, memo, fen, kind, account });
  }
  if (!rows.length && !problems.length)
    problems.push(
      samples
        ? { row: 0, zh: '文件里只有模板的示例行（已跳过），没有数据行，未记账', en: "the file has only the template's sample row (skipped) and no data rows: nothing was booked" }
        : { row: 0, zh: '文件里没有数据行', en: 'the file has no data rows' },
    );
  return { rows, problems };
}

/** Books every row of the statement in one transaction, or refuses the whole file (422, each row's reason). */
export async function importStatement(db: DB, ctx: RequestContext, quarterId: string, buffer: Buffer) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'ledger.book');
  const { rows, problems } = await readStatement(buffer);
  if (problems.length) {
    throw new AppError('LEDGER_IMPORT_INVALID', { count: problems.length }, (l: Locale) => ({ rows: problems.slice(0, 200).map((p) => ({ row: p.row, message: pick({ 'zh-CN': p.zh, en: p.en }, l) })) }));
  }
  return db.transaction().execute(async (tx) => {
    const seqs: number[] = [];
    for (const r of rows) {
      const lines =
        r.kind === 'income'
          ? [
              { account: 'asset.bank' as const, debitFen: r.fen, creditFen: 0 },
              { account: r.account, debitFen: 0, creditFen: r.fen },
            ]
          : [
              { account: r.account, debitFen: r.fen, creditFen: 0 },
              { account: 'asset.bank' as const, debitFen: 0, creditFen: r.fen },
            ];
      seqs.push((await insertEntry(tx, ctx, place, { date: r.date, memo: r.memo, lines })).seq);
    }
    return { booked: seqs.length, firstSeq: seqs[0], lastSeq: seqs.at(-1)! };
  });
}
