// The public-revenue ledger of a quarter (公共收益, DB3305/T 309—2024 5.1.2): its accounts with
// their balances, its entries page by page, booking and reversal. Entries are never updated or
// deleted (5.1.2.3 账目清晰): a mistake is undone by a reversal that names what it reverses.
import { sql, type Kysely, type Transaction } from 'kysely';
import { shanghaiDate } from '../../../core/dates';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { can } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { pick, type Locale } from '../../platform/i18n';
import { accountCodes, checkLines, checkReversal, entryHash, formatFen, genesisHash, halfYearOf, kindOf, reversalLines, verifyChain, type AccountCode, type Line } from '../../../core/finance/index';
import { authorizeQuarterFinance, authorizeRow, keepsAccount, type QuarterPlace } from './access';
import { accountLabels, holderLabels } from './labels';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

/** Debit and credit sums of every account of the quarter's ledger, exact (bigint). */
export async function accountSums(db: Exec, quarterId: string, opts: { to?: string } = {}): Promise<Map<AccountCode, { debit: bigint; credit: bigint }>> {
  let q = db
    .selectFrom('ledger_lines as l')
    .select(['l.account', sql<string>`sum(l.debit_fen)::text`.as('debit'), sql<string>`sum(l.credit_fen)::text`.as('credit')])
    .where('l.quarter_id', '=', quarterId)
    .groupBy('l.account');
  if (opts.to) q = q.innerJoin('ledger_entries as e', 'e.id', 'l.entry_id').where('e.quarter_id', '=', quarterId).where('e.entry_date', '<=', opts.to);
  const rows = await q.execute();
  const out = new Map<AccountCode, { debit: bigint; credit: bigint }>(accountCodes.map((a) => [a, { debit: 0n, credit: 0n }]));
  for (const r of rows) if (out.has(r.account as AccountCode)) out.set(r.account as AccountCode, { debit: BigInt(r.debit), credit: BigInt(r.credit) });
  return out;
}

/** GET /api/quarters/:id/ledger: every account with its balance; each balance is the sum of its lines. */
export async function ledgerOf(db: DB, actor: Actor, quarterId: string, locale: Locale) {
  const place = await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  const sums = await accountSums(db, quarterId);
  const entries = await db.selectFrom('ledger_entries').select(sql<number>`count(*)::int`.as('n')).where('quarter_id', '=', quarterId).executeTakeFirstOrThrow();
  const accounts = accountCodes.map((code) => {
    const s = sums.get(code)!;
    const balance = kindOf(code) === 'income' ? s.credit - s.debit : s.debit - s.credit;
    return { code, kind: kindOf(code), label: pick(accountLabels[code], locale), debitFen: Number(s.debit), creditFen: Number(s.credit), balanceFen: Number(balance) };
  });
  const total = (kind: string) => accounts.filter((a) => a.kind === kind).reduce((sum, a) => sum + a.balanceFen, 0);
  return {
    quarterId,
    quarterName: place.name,
    holder: place.settings.holder,
    holderLabel: pick(holderLabels[place.settings.holder], locale),
    largeThresholdFen: place.settings.largeThresholdFen,
    accounts,
    totals: { heldFen: total('asset'), incomeFen: total('income'), spendingFen: total('use'), entries: entries.n },
    canBook: keepsAccount(actor, place.settings),
    canConfigure: can(actor, 'finance.configure'),
    canProposeProjects: can(actor, 'fundProjects.propose'),
    canReviewDisclosures: can(actor, 'disclosures.review'),
  };
}

/** The entries of a quarter, newest first, a page at a time, with their lines. */
export async function listEntries(db: DB, actor: Actor, quarterId: string, query: { page: number; pageSize: number; from?: string; to?: string }, locale: Locale) {
  await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  let base = db.selectFrom('ledger_entries as e').where('e.quarter_id', '=', quarterId);
  if (query.from) base = base.where('e.entry_date', '>=', query.from);
  if (query.to) base = base.where('e.entry_date', '<=', query.to);
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('ledger_entries as r', (j) => j.onRef('r.reverses_id', '=', 'e.id').on('r.quarter_id', '=', quarterId))
    .leftJoin('ledger_entries as o', (j) => j.onRef('o.id', '=', 'e.reverses_id').on('o.quarter_id', '=', quarterId))
    .leftJoin('ledger_vouchers as v', (j) => j.onRef('v.id', '=', 'e.voucher_id').on('v.quarter_id', '=', quarterId))
    .select(['e.id', 'e.seq', 'e.entry_date', 'e.memo', 'e.reverses_id', 'e.project_id', 'e.booked_by_name', 'e.booked_at', 'r.id as reversed_by_id', 'r.seq as reversed_by_seq', 'o.seq as reverses_seq', 'v.id as voucher_id', 'v.file_name as voucher_name'])
    .orderBy('e.entry_date', 'desc')
    .orderBy('e.seq', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const lines = rows.length
    ? await db.selectFrom('ledger_lines').select(['entry_id', 'position', 'account', 'debit_fen', 'credit_fen']).where('quarter_id', '=', quarterId).where('entry_id', 'in', rows.map((r) => r.id)).orderBy('entry_id').orderBy('position').execute()
    : [];
  return {
    total: total.n,
    items: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      date: r.entry_date,
      memo: r.memo,
      lines: lines.filter((l) => l.entry_id === r.id).map((l) => ({ account: l.account as AccountCode, label: pick(accountLabels[l.account as AccountCode], locale), debitFen: Number(l.debit_fen), creditFen: Number(l.credit_fen) })),
      reversesId: r.reverses_id,
      reversesSeq: r.reverses_seq ?? null,
      reversedById: r.reversed_by_id ?? null,
      reversedBySeq: r.reversed_by_seq ?? null,
      projectId: r.project_id,
      voucher: r.voucher_id ? { id: r.voucher_id, fileName: r.voucher_name! } : null,
      bookedBy: r.booked_by_name,
      bookedAt: r.booked_at,
    })),
  };
}

function refuseLines(lines: readonly { account: string; debitFen: number; creditFen: number }[]): void {
  const problem = checkLines(lines);
  if (!problem) return;
  if (problem.code === 'UNBALANCED') throw new AppError('LEDGER_UNBALANCED', { debit: formatFen(BigInt(problem.debitFen)), credit: formatFen(BigInt(problem.creditFen)) });
  if (problem.code === 'BAD_AMOUNT') throw new AppError('LEDGER_BAD_LINE', { line: problem.line });
  if (problem.code === 'BAD_ACCOUNT') throw new AppError('LEDGER_BAD_LINE', { line: lines.findIndex((l) => l.account === problem.account) + 1 });
  throw new AppError('LEDGER_NO_LINES');
}

/** Serialises the bookings of one quarter, so that its entries are numbered 1, 2, … without gaps. */
async function lockLedger(tx: Transaction<Database>, quarterId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`ledger:${quarterId}`}, 0))`.execute(tx);
}

export interface NewEntry {
  date: string;
  memo: string;
  lines: Line[];
  voucherId?: string | null;
  projectId?: string | null;
  reversesId?: string | null;
}

/**
 * Writes one entry and its lines in the caller's transaction, after the core accepted the lines;
 * the next number of the quarter's books under a lock. The payments of a project book through here.
 */
export async function insertEntry(tx: Transaction<Database>, ctx: RequestContext, place: QuarterPlace, entry: NewEntry) {
  refuseLines(entry.lines);
  await lockLedger(tx, place.quarterId);
  let voucherSha256: string | null = null;
  if (entry.voucherId) {
    const v = await tx.selectFrom('ledger_vouchers').select(['id', 'sha256']).where('id', '=', entry.voucherId).where('quarter_id', '=', place.quarterId).executeTakeFirst();
    if (!v) throw new AppError('VOUCHER_NOT_FOUND');
    voucherSha256 = v.sha256;
  }
  await refuseClosedDate(tx, place.quarterId, entry.date);
  await refuseOverdraft(tx, place.quarterId, entry.lines);
  const last = await tx.selectFrom('ledger_entries').select(['seq', 'hash']).where('quarter_id', '=', place.quarterId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (last?.seq ?? 0) + 1;
  const hash = entryHash(last?.hash ?? genesisHash(place.quarterId), {
    seq,
    date: entry.date,
    memo: entry.memo,
    lines: entry.lines,
    reversesId: entry.reversesId ?? null,
    projectId: entry.projectId ?? null,
    voucherSha256,
  });
  const row = await tx
    .insertInto('ledger_entries')
    .values({
      district_id: place.districtId,
      street_id: place.streetId,
      community_id: place.communityId,
      quarter_id: place.quarterId,
      seq,
      entry_date: entry.date,
      memo: entry.memo,
      reverses_id: entry.reversesId ?? null,
      project_id: entry.projectId ?? null,
      voucher_id: entry.voucherId ?? null,
      booked_by: ctx.actor.id,
      booked_by_name: ctx.actor.displayName,
      hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('ledger_lines')
    .values(entry.lines.map((l, i) => ({ entry_id: row.id, position: i + 1, district_id: place.districtId, quarter_id: place.quarterId, account: l.account, debit_fen: l.debitFen, credit_fen: l.creditFen })))
    .execute();
  await recordAudit(tx, ctx, {
    action: entry.reversesId ? 'reverse' : 'book',
    entity: 'ledger_entry',
    entityId: row.id,
    place,
    after: { seq, date: entry.date, memo: entry.memo, lines: entry.lines, voucherId: entry.voucherId ?? null, projectId: entry.projectId ?? null, reversesId: entry.reversesId ?? null },
  });
  return { id: row.id, seq };
}

/**
 * An entry takes effect on a day that has come, and not in a half year whose disclosure is
 * published: what was posted to the owners stays what the books say (corrections are booked at
 * a current date). A draft or reviewed disclosure is generated again instead.
 */
async function refuseClosedDate(tx: Transaction<Database>, quarterId: string, date: string) {
  if (date > today()) throw new AppError('LEDGER_DATE_FUTURE', { date });
  const closed = await tx
    .selectFrom('disclosures')
    .select('period')
    .where('quarter_id', '=', quarterId)
    .where('status', '=', 'published')
    .where('period', '>=', halfYearOf(date))
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (closed) throw new AppError('LEDGER_PERIOD_CLOSED', { date, period: closed.period });
}

/**
 * Money cannot leave the bank account or the cash box that does not hold it: an entry that
 * takes more from an asset account than it holds is refused. Runs under the quarter's lock.
 */
async function refuseOverdraft(tx: Transaction<Database>, quarterId: string, lines: readonly Line[]) {
  const out = new Map<AccountCode, bigint>();
  for (const l of lines) if (kindOf(l.account) === 'asset') out.set(l.account, (out.get(l.account) ?? 0n) + BigInt(l.creditFen) - BigInt(l.debitFen));
  const taken = [...out].filter(([, fen]) => fen > 0n);
  if (!taken.length) return;
  const held = await accountSums(tx, quarterId);
  for (const [account, fen] of taken) {
    const s = held.get(account)!;
    const balance = s.debit - s.credit;
    if (balance < fen) {
      throw new AppError('LEDGER_OVERDRAWN', { account: accountLabels[account]['zh-CN'], accountEn: accountLabels[account].en, balance: formatFen(balance), amount: formatFen(fen) });
    }
  }
}

export async function bookEntry(db: DB, ctx: RequestContext, quarterId: string, body: { date: string; memo: string; lines: { account: string; debitFen: number; creditFen: number }[]; voucherId?: string | null }) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'ledger.book');
  refuseLines(body.lines);
  return db.transaction().execute((tx) => insertEntry(tx, ctx, place, { ...body, lines: body.lines as Line[] }));
}

/** Books the reversal of an entry: every line on the other side, naming the entry it undoes. */
export async function reverseEntry(db: DB, ctx: RequestContext, entryId: string, body: { date?: string; memo?: string }) {
  return db.transaction().execute(async (tx) => {
    const entry = await tx.selectFrom('ledger_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
    const row = await authorizeRow(tx, ctx.actor, entry, 'ledger.book');
    await lockLedger(tx, row.quarter_id);
    const reversal = await tx.selectFrom('ledger_entries').select(['id', 'seq']).where('reverses_id', '=', row.id).where('quarter_id', '=', row.quarter_id).executeTakeFirst();
    const refusal = checkReversal({ id: row.id, reverses: row.reverses_id }, new Set(reversal ? [row.id] : []));
    if (refusal?.code === 'IS_REVERSAL') throw new AppError('LEDGER_REVERSAL_OF_REVERSAL');
    if (refusal?.code === 'ALREADY_REVERSED') throw new AppError('LEDGER_ALREADY_REVERSED', { seq: reversal!.seq });
    const lines = await tx.selectFrom('ledger_lines').select(['account', 'debit_fen', 'credit_fen']).where('entry_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('position').execute();
    const original: Line[] = lines.map((l) => ({ account: l.account as AccountCode, debitFen: Number(l.debit_fen), creditFen: Number(l.credit_fen) }));
    // A reversal takes effect on its own day, never before what it reverses.
    const date = body.date && body.date >= row.entry_date ? body.date : body.date ? row.entry_date : today();
    const place = { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, quarterId: row.quarter_id, name: '' };
    return insertEntry(tx, ctx, place, {
      date: date < row.entry_date ? row.entry_date : date,
      memo: body.memo?.trim() || `冲销第 ${row.seq} 号分录：${row.memo}`.slice(0, 300),
      lines: reversalLines(original),
      reversesId: row.id,
      projectId: row.project_id,
    });
  });
}

/**
 * GET /api/quarters/:id/ledger/verify: the quarter's entries read back and checked against their
 * chain (core/finance/chain.ts); the first seq where it breaks, or the head that covers them all.
 */
export async function verifyLedger(db: DB, actor: Actor, quarterId: string) {
  await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  const rows = await db
    .selectFrom('ledger_entries as e')
    .leftJoin('ledger_vouchers as v', (j) => j.onRef('v.id', '=', 'e.voucher_id').on('v.quarter_id', '=', quarterId))
    .select(['e.id', 'e.seq', 'e.entry_date', 'e.memo', 'e.reverses_id', 'e.project_id', 'e.hash', 'v.sha256'])
    .where('e.quarter_id', '=', quarterId)
    .orderBy('e.seq')
    .execute();
  const lines = await db.selectFrom('ledger_lines').select(['entry_id', 'account', 'debit_fen', 'credit_fen']).where('quarter_id', '=', quarterId).orderBy('entry_id').orderBy('position').execute();
  const byEntry = new Map<string, Line[]>();
  for (const l of lines) {
    if (!byEntry.has(l.entry_id)) byEntry.set(l.entry_id, []);
    byEntry.get(l.entry_id)!.push({ account: l.account as AccountCode, debitFen: Number(l.debit_fen), creditFen: Number(l.credit_fen) });
  }
  const result = verifyChain(
    quarterId,
    rows.map((r) => ({ seq: r.seq, date: r.entry_date, memo: r.memo, lines: byEntry.get(r.id) ?? [], reversesId: r.reverses_id, projectId: r.project_id, voucherSha256: r.sha256 ?? null, hash: r.hash })),
  );
  return { ...result, entries: rows.length };
}

/** Today in Asia/Shanghai, as the books date things. */
export function today(): string {
  return shanghaiDate();
}

export { notFound };
