// Set-up for the finance tests: a published owners' assembly vote written straight into the
// voting module's tables (the voting tests prove how one comes about; here only its outcome
// matters), and a ledger entry written straight into the finance tables.
import ExcelJS from 'exceljs';
import type { TestApp } from './app';
import { entryHash, genesisHash } from '../../src/core/finance/chain';
import { PNG } from './voting';

/** A published civil-code-278 vote of the quarter with one item of 民法典 第278条 第1款 item 5, passed or not. */
export async function publishedVote(t: TestApp, quarterId: string, opts: { passed?: boolean; status?: 'published' | 'closed'; article278Item?: number; title?: string } = {}): Promise<string> {
  const k = t.db.kysely;
  const q = await k.selectFrom('quarters').select(['district_id', 'street_id', 'community_id', 'name']).where('id', '=', quarterId).executeTakeFirstOrThrow();
  const passed = opts.passed ?? true;
  const article = opts.article278Item ?? 5;
  const matter = article >= 6 && article <= 8 ? 'special' : 'ordinary';
  const count = { members: 0, area: 0 };
  const result = {
    valid: true,
    errors: [],
    rollFingerprint: 'f'.repeat(64),
    head: 'a'.repeat(64),
    totals: { members: 4, area: 35812 },
    participation: { members: 4, area: 35812, quorumMet: true },
    items: [{ id: '1', matter, yes: passed ? { members: 4, area: 35812 } : count, no: passed ? count : { members: 4, area: 35812 }, abstain: count, passed }],
  };
  const vote = await k
    .insertInto('votes')
    .values({
      district_id: q.district_id,
      street_id: q.street_id,
      community_id: q.community_id,
      quarter_id: quarterId,
      quarter_name: q.name,
      title: '2026年第二次业主大会',
      rule: 'civil-code-278',
      status: opts.status ?? 'published',
      opens_at: '2026-03-02T08:00:00+08:00',
      closes_at: '2026-03-15T24:00:00+08:00',
      roll_fingerprint: 'f'.repeat(64),
      roll_members: 4,
      roll_area: 35812,
      genesis: '0'.repeat(64),
      head: 'a'.repeat(64),
      result: JSON.stringify(result),
      published_at: opts.status === 'closed' ? null : '2026-03-25T10:00:00+08:00',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k.insertInto('vote_items').values({ vote_id: vote.id, id: '1', position: 1, district_id: q.district_id, quarter_id: quarterId, title: opts.title ?? '使用公共收益维修2幢外墙', matter, article278_item: article }).execute();
  return vote.id;
}

/** An entry of the quarter's ledger (income of parking into the bank), numbered after the last one. */
export async function insertLedgerEntry(t: TestApp, quarterId: string, amountFen = 10_000, date = '2026-02-01'): Promise<string> {
  const k = t.db.kysely;
  const q = await k.selectFrom('quarters').select(['district_id', 'street_id', 'community_id']).where('id', '=', quarterId).executeTakeFirstOrThrow();
  const last = await k.selectFrom('ledger_entries').select(['seq', 'hash']).where('quarter_id', '=', quarterId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const lines = [
    { account: 'asset.bank' as const, debitFen: amountFen, creditFen: 0 },
    { account: 'income.parking' as const, debitFen: 0, creditFen: amountFen },
  ];
  const hash = entryHash(last?.hash ?? genesisHash(quarterId), { seq, date, memo: '停车费', lines, reversesId: null, projectId: null, voucherSha256: null });
  const entry = await k
    .insertInto('ledger_entries')
    .values({ district_id: q.district_id, street_id: q.street_id, community_id: q.community_id, quarter_id: quarterId, seq, entry_date: date, memo: '停车费', booked_by: null, booked_by_name: '测试', hash })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('ledger_lines')
    .values([
      { entry_id: entry.id, position: 1, district_id: q.district_id, quarter_id: quarterId, account: 'asset.bank', debit_fen: amountFen, credit_fen: 0 },
      { entry_id: entry.id, position: 2, district_id: q.district_id, quarter_id: quarterId, account: 'income.parking', debit_fen: 0, credit_fen: amountFen },
    ])
    .execute();
  return entry.id;
}

async function placeOf(t: TestApp, quarterId: string) {
  return t.db.kysely.selectFrom('quarters').select(['district_id', 'street_id', 'community_id']).where('id', '=', quarterId).executeTakeFirstOrThrow();
}

/** A voucher (the one-pixel PNG) of the quarter. */
export async function insertVoucher(t: TestApp, quarterId: string): Promise<string> {
  const q = await placeOf(t, quarterId);
  const row = await t.db.kysely
    .insertInto('ledger_vouchers')
    .values({ ...q, quarter_id: quarterId, file_name: 'receipt.png', content_type: 'image/png', size_bytes: PNG.length, sha256: '0'.repeat(64), content: PNG, uploaded_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A fund-use project just proposed, large when at or above the default threshold (5 万元). */
export async function insertFundProject(t: TestApp, quarterId: string, amountFen: number): Promise<string> {
  const q = await placeOf(t, quarterId);
  const row = await t.db.kysely
    .insertInto('fund_projects')
    .values({ ...q, quarter_id: quarterId, title: '维修项目', amount_fen: amountFen, category: 'use.repairs', threshold_fen: 5_000_000, large: amountFen >= 5_000_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A draft disclosure of a half year, with empty figures. */
export async function insertDisclosure(t: TestApp, quarterId: string, period: string): Promise<string> {
  const q = await placeOf(t, quarterId);
  const figures = { period, from: '', to: '', openingFen: 0, incomeFen: 0, spendingFen: 0, balanceFen: 0, income: [], spending: [], projects: [] };
  const row = await t.db.kysely
    .insertInto('disclosures')
    .values({ ...q, quarter_id: quarterId, period, figures: JSON.stringify(figures), income_fen: 0, spending_fen: 0, balance_fen: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A yearly spot audit of the quarter, findings open. */
export async function insertFinanceAudit(t: TestApp, quarterId: string): Promise<string> {
  const q = await placeOf(t, quarterId);
  const row = await t.db.kysely
    .insertInto('finance_audits')
    .values({ ...q, quarter_id: quarterId, kind: 'yearly_spot', period_label: '2025年度', auditor: '某会计师事务所', audited_on: '2026-03-01', findings: '部分凭证缺失' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The company's arrears list of a half year, not published. */
export async function insertArrearsList(t: TestApp, quarterId: string): Promise<string> {
  const q = await placeOf(t, quarterId);
  const rows = [{ building: '1幢', unit: '1-101', monthsOwed: 6, amountFen: 180_000 }];
  const row = await t.db.kysely.insertInto('arrears_lists').values({ ...q, quarter_id: quarterId, period: '2025H2', rows: JSON.stringify(rows) }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** An item of the assets inventory. */
export async function insertInventoryItem(t: TestApp, quarterId: string): Promise<string> {
  const q = await placeOf(t, quarterId);
  const row = await t.db.kysely.insertInto('inventory_items').values({ ...q, quarter_id: quarterId, kind: 'asset', name: '健身器材' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** A bank statement as .xlsx: a title line, the header, then the rows [date, memo, income, spending, account]. */
export async function statementXlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('对账单');
  ws.addRow(['某银行 公共收益专户 交易明细']);
  ws.addRow(['日期', '摘要', '收入（元）', '支出（元）', '科目']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The company's arrears sheet: 楼栋, 房号, 业主姓名, 联系电话, 欠费月数, 欠费金额（元）. */
export async function arrearsXlsx(rows: (string | number | null)[][], withPersonal: (string | null)[][] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('欠费名单');
  ws.addRow(['2026年上半年物业费欠费名单']);
  ws.addRow(['楼栋', '房号', '业主姓名', '联系电话', '欠费月数', '欠费金额（元）']);
  rows.forEach((r, i) => ws.addRow([r[0], r[1], withPersonal[i]?.[0] ?? null, withPersonal[i]?.[1] ?? null, r[2], r[3]]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
