// The ledger of any period as an Excel workbook (journal and account balances), as the books
// are handed to an auditor (百委〔2023〕37号 二（三）8) or shown to owners.
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { accountCodes, balances, type AccountCode } from '../../../core/finance/index';
import { authorizeQuarterFinance } from './access';
import { accountLabels } from './labels';

const yuan = (fen: number | bigint) => Number(fen) / 100;

export async function ledgerWorkbook(db: Kysely<Database>, actor: Actor, quarterId: string, range: { from?: string; to?: string }): Promise<{ fileName: string; buffer: Buffer }> {
  const place = await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  let q = db
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_lines as l', 'l.entry_id', 'e.id')
    .select(['e.id', 'e.seq', 'e.entry_date', 'e.memo', 'e.booked_by_name', 'e.reverses_id', 'l.position', 'l.account', 'l.debit_fen', 'l.credit_fen'])
    .where('e.quarter_id', '=', quarterId)
    .where('l.quarter_id', '=', quarterId);
  if (range.from) q = q.where('e.entry_date', '>=', range.from);
  if (range.to) q = q.where('e.entry_date', '<=', range.to);
  const rows = await q.orderBy('e.entry_date').orderBy('e.seq').orderBy('l.position').execute();

  const wb = new ExcelJS.Workbook();
  const period = `${range.from ?? '起始'} 至 ${range.to ?? '今'}`;
  const journal = wb.addWorksheet('分录');
  journal.columns = [{ width: 8 }, { width: 12 }, { width: 40 }, { width: 26 }, { width: 14 }, { width: 14 }, { width: 12 }];
  journal.addRow([`${place.name} 公共收益明细账（${period}）`]).font = { bold: true, size: 14 };
  journal.addRow([]);
  journal.addRow(['凭证号', '日期', '摘要', '科目', '借方（元）', '贷方（元）', '记账人']).font = { bold: true };
  for (const r of rows) {
    const row = journal.addRow([r.seq, r.entry_date, r.memo, accountLabels[r.account as AccountCode]['zh-CN'], r.debit_fen ? yuan(r.debit_fen) : null, r.credit_fen ? yuan(r.credit_fen) : null, r.booked_by_name]);
    row.getCell(5).numFmt = row.getCell(6).numFmt = '#,##0.00';
  }

  const byEntry = new Map<string, { account: AccountCode; debitFen: number; creditFen: number }[]>();
  for (const r of rows) {
    if (!byEntry.has(r.id)) byEntry.set(r.id, []);
    byEntry.get(r.id)!.push({ account: r.account as AccountCode, debitFen: Number(r.debit_fen), creditFen: Number(r.credit_fen) });
  }
  const sums = balances([...byEntry.values()].map((lines) => ({ lines })));
  const sheet = wb.addWorksheet('科目发生额');
  sheet.columns = [{ width: 30 }, { width: 18 }];
  sheet.addRow([`${place.name} 本期科目发生额（${period}）`]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  sheet.addRow(['科目', '金额（元）']).font = { bold: true };
  for (const code of accountCodes) {
    const row = sheet.addRow([accountLabels[code]['zh-CN'], yuan(sums.get(code)!)]);
    row.getCell(2).numFmt = '#,##0.00';
  }
  sheet.addRow([]);
  sheet.addRow([`共 ${byEntry.size} 笔分录；金额以元计，精确到分。`]);
  return { fileName: `公共收益明细账-${place.name}-${range.from ?? 'all'}-${range.to ?? 'now'}.xlsx`, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** A disclosure as an Excel sheet to print and post (公示), in Chinese as it is published. */
export async function disclosureWorkbook(detail: {
  period: string;
  status: string;
  figures: { from: string; to: string; openingFen: number; incomeFen: number; spendingFen: number; balanceFen: number; income: { label: string; amountFen: number }[]; spending: { label: string; amountFen: number }[]; projects: { title: string; amountFen: number; paidFen: number; stageLabel: string }[] };
  publishedAt: Date | string | null;
}, quarterName: string): Promise<{ fileName: string; buffer: Buffer }> {
  const f = detail.figures;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('公示');
  ws.columns = [{ width: 34 }, { width: 18 }, { width: 18 }, { width: 28 }];
  ws.addRow([`${quarterName} 公共收益收支情况公示（${f.from} 至 ${f.to}）`]).font = { bold: true, size: 14 };
  ws.addRow(['依据 DB3305/T 309—2024 5.1.2.4：公共收益应当专户储存、单独列账、独立核算，每半年公示 1 次。']);
  ws.addRow([]);
  const money = (label: string, fen: number) => {
    const row = ws.addRow([label, yuan(fen)]);
    row.getCell(2).numFmt = '#,##0.00';
  };
  money('期初余额（元）', f.openingFen);
  money('本期收入（元）', f.incomeFen);
  money('本期支出（元）', f.spendingFen);
  money('期末余额（元）', f.balanceFen);
  ws.addRow([]);
  ws.addRow(['收入明细', '金额（元）']).font = { bold: true };
  for (const i of f.income) money(i.label, i.amountFen);
  ws.addRow([]);
  ws.addRow(['支出明细', '金额（元）']).font = { bold: true };
  for (const i of f.spending) money(i.label, i.amountFen);
  ws.addRow([]);
  ws.addRow(['资金使用项目', '立项金额（元）', '已支付（元）', '进度']).font = { bold: true };
  for (const p of f.projects) {
    const row = ws.addRow([p.title, yuan(p.amountFen), yuan(p.paidFen), p.stageLabel]);
    row.getCell(2).numFmt = row.getCell(3).numFmt = '#,##0.00';
  }
  return { fileName: `公共收益公示-${quarterName}-${detail.period}.xlsx`, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}
