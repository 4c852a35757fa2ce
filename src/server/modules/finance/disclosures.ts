// The half-yearly disclosure of public revenue (公共收益 每半年公示 1 次, DB3305/T 309—2024 5.1.2.4;
// 5.1.1.2 每半年由业主委员会向全体业主公示): generated from the ledger by the core's own sums (so
// its totals are the ledger's), reviewed by the supervisory committee or the community office,
// then published to the quarter's public board. Its figures are kept as generated.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { pick, type Locale } from '../../platform/i18n';
import { disclosureFigures, halfYearRange, incomeAccounts, lastEndedHalfYear, useAccounts, type AccountCode, type Entry, type ProjectStage } from '../../../core/finance/index';
import { authorizeQuarterFinance, authorizeRow, keepsAccount } from './access';
import { accountLabels, disclosureStatusLabels, stageLabels } from './labels';
import { today } from './ledger';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;
type Status = 'draft' | 'reviewed' | 'published';

/** The quarter's entries up to a day, with their lines, as the core reads them. */
async function entriesUpTo(db: Exec, quarterId: string, to: string): Promise<Entry[]> {
  const rows = await db
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_lines as l', 'l.entry_id', 'e.id')
    .select(['e.id', 'e.entry_date', 'l.account', 'l.debit_fen', 'l.credit_fen'])
    .where('e.quarter_id', '=', quarterId)
    .where('l.quarter_id', '=', quarterId)
    .where('e.entry_date', '<=', to)
    .orderBy('e.id')
    .orderBy('l.position')
    .execute();
  const byId = new Map<string, Entry & { lines: Entry['lines'][number][] }>();
  for (const r of rows) {
    let e = byId.get(r.id);
    if (!e) byId.set(r.id, (e = { id: r.id, date: r.entry_date, lines: [] }));
    e.lines.push({ account: r.account as AccountCode, debitFen: Number(r.debit_fen), creditFen: Number(r.credit_fen) });
  }
  return [...byId.values()];
}

/** The figures of a half year as stored and shown: amounts in fen, categories labelled in zh-CN and en at read. */
async function computeFigures(db: Exec, quarterId: string, period: string) {
  const range = halfYearRange(period);
  const f = disclosureFigures(await entriesUpTo(db, quarterId, range.to), period);
  const projects = await db
    .selectFrom('fund_projects as p')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('ledger_entries as e')
          .innerJoin('ledger_lines as l', 'l.entry_id', 'e.id')
          .select(['e.project_id', sql<string>`sum(l.debit_fen - l.credit_fen)::text`.as('paid')])
          .where('e.quarter_id', '=', quarterId)
          .where('l.quarter_id', '=', quarterId)
          .where('l.account', 'like', 'use.%')
          .where('e.entry_date', '<=', range.to)
          .groupBy('e.project_id')
          .as('x'),
      (j) => j.onRef('x.project_id', '=', 'p.id'),
    )
    .select(['p.id', 'p.title', 'p.amount_fen', 'p.stage', 'x.paid'])
    .where('p.quarter_id', '=', quarterId)
    // Projects proposed by the end of the half year, and those paid from its money.
    .where((eb) => eb.or([eb('p.created_at', '<=', new Date(`${range.to}T23:59:59+08:00`)), eb('x.paid', 'is not', null)]))
    .orderBy('p.created_at')
    .execute();
  return {
    period,
    from: range.from,
    to: range.to,
    openingFen: Number(f.openingFen),
    incomeFen: Number(f.incomeFen),
    spendingFen: Number(f.spendingFen),
    balanceFen: Number(f.balanceFen),
    income: incomeAccounts.map((a) => ({ account: a, amountFen: Number(f.income[a]) })),
    spending: useAccounts.map((a) => ({ account: a, amountFen: Number(f.spending[a]) })),
    projects: projects.map((p) => ({ id: p.id, title: p.title, amountFen: Number(p.amount_fen), paidFen: Number(p.paid ?? 0), stage: p.stage })),
  };
}
type StoredFigures = Awaited<ReturnType<typeof computeFigures>>;

function labelled(f: StoredFigures, locale: Locale) {
  return {
    ...f,
    income: f.income.map((i) => ({ ...i, label: pick(accountLabels[i.account as AccountCode], locale) })),
    spending: f.spending.map((i) => ({ ...i, label: pick(accountLabels[i.account as AccountCode], locale) })),
    projects: f.projects.map((p) => ({ ...p, stageLabel: pick(stageLabels[p.stage as ProjectStage], locale) })),
  };
}

type DisclosureRow = NonNullable<Awaited<ReturnType<typeof loadDisclosure>>>;
async function loadDisclosure(db: Exec, id: string) {
  return db.selectFrom('disclosures').selectAll().where('id', '=', id).executeTakeFirst();
}

function summaryOf(d: DisclosureRow) {
  return {
    id: d.id,
    quarterId: d.quarter_id,
    period: d.period,
    status: d.status as Status,
    incomeFen: Number(d.income_fen),
    spendingFen: Number(d.spending_fen),
    balanceFen: Number(d.balance_fen),
    generatedAt: d.generated_at,
    reviewedAt: d.reviewed_at,
    publishedAt: d.published_at,
  };
}

export async function listDisclosures(db: DB, actor: Actor, quarterId: string) {
  const place = await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  const rows = await db.selectFrom('disclosures').selectAll().where('quarter_id', '=', quarterId).orderBy('period', 'desc').execute();
  const due = lastEndedHalfYear(today());
  return { items: rows.map(summaryOf), due: { period: due, published: rows.some((r) => r.period === due && r.status === 'published') }, canGenerate: keepsAccount(actor, place.settings) };
}

/** Generates the disclosure of an ended half year from the ledger; a draft is generated again, a reviewed or published one is kept. */
export async function generateDisclosure(db: DB, ctx: RequestContext, quarterId: string, period: string) {
  const place = await authorizeQuarterFinance(db, ctx.actor, quarterId, 'ledger.book');
  if (halfYearRange(period).to >= today()) throw new AppError('DISCLOSURE_PERIOD_OPEN', { period });
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`disclosure:${quarterId}:${period}`}, 0))`.execute(tx);
    const existing = await tx.selectFrom('disclosures').selectAll().where('quarter_id', '=', quarterId).where('period', '=', period).executeTakeFirst();
    if (existing && existing.status !== 'draft') refuseState(existing.status as Status, { zh: '重新生成', en: 'generated again' });
    const figures = await computeFigures(tx, quarterId, period);
    const values = { figures: JSON.stringify(figures), income_fen: figures.incomeFen, spending_fen: figures.spendingFen, balance_fen: figures.balanceFen, generated_by: ctx.actor.id, generated_by_name: ctx.actor.displayName, generated_at: new Date() };
    const id = existing
      ? (await tx.updateTable('disclosures').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()).id
      : (await tx.insertInto('disclosures').values({ district_id: place.districtId, street_id: place.streetId, community_id: place.communityId, quarter_id: quarterId, period, ...values }).returning('id').executeTakeFirstOrThrow()).id;
    await recordAudit(tx, ctx, { action: existing ? 'update' : 'create', entity: 'disclosure', entityId: id, place, after: { period, incomeFen: figures.incomeFen, spendingFen: figures.spendingFen, balanceFen: figures.balanceFen } });
    return { id };
  });
}

function refuseState(status: Status, action: { zh: string; en: string }): never {
  throw new AppError('DISCLOSURE_STATE', { statusZh: disclosureStatusLabels[status]['zh-CN'], statusEn: disclosureStatusLabels[status].en, actionZh: action.zh, actionEn: action.en });
}

export async function disclosureDetail(db: Exec, actor: Actor, id: string, locale: Locale) {
  const d = await authorizeRow(db, actor, await loadDisclosure(db, id), 'finance.read');
  return {
    ...summaryOf(d),
    figures: labelled(d.figures as StoredFigures, locale),
    generatedBy: d.generated_by_name,
    reviewedBy: d.reviewed_by_name,
    reviewNote: d.review_note,
    publishedBy: d.published_by_name,
    canReview: d.status === 'draft' && can(actor, 'disclosures.review'),
    canPublish: d.status === 'reviewed' && keepsAccount(actor, d.settings),
  };
}

export async function reviewDisclosure(db: DB, ctx: RequestContext, id: string, note: string | undefined, locale: Locale) {
  await db.transaction().execute(async (tx) => {
    const d = await authorizeRow(tx, ctx.actor, await tx.selectFrom('disclosures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(), 'disclosures.review');
    if (d.status !== 'draft') refuseState(d.status as Status, { zh: '审核', en: 'reviewed' });
    await tx.updateTable('disclosures').set({ status: 'reviewed', reviewed_by: ctx.actor.id, reviewed_by_name: ctx.actor.displayName, reviewed_at: new Date(), review_note: note ?? null }).where('id', '=', d.id).execute();
    await recordAudit(tx, ctx, { action: 'review', entity: 'disclosure', entityId: d.id, place: { districtId: d.district_id, streetId: d.street_id, communityId: d.community_id, quarterId: d.quarter_id }, after: { status: 'reviewed', note: note ?? null } });
  });
  return disclosureDetail(db, ctx.actor, id, locale);
}

export async function publishDisclosure(db: DB, ctx: RequestContext, id: string, locale: Locale) {
  await db.transaction().execute(async (tx) => {
    const d = await authorizeRow(tx, ctx.actor, await tx.selectFrom('disclosures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst(), 'ledger.book');
    if (d.status !== 'reviewed') refuseState(d.status as Status, { zh: '公示（须先审核）', en: 'published (it must be reviewed first)' });
    await tx.updateTable('disclosures').set({ status: 'published', published_by: ctx.actor.id, published_by_name: ctx.actor.displayName, published_at: new Date() }).where('id', '=', d.id).execute();
    await recordAudit(tx, ctx, { action: 'publish', entity: 'disclosure', entityId: d.id, place: { districtId: d.district_id, streetId: d.street_id, communityId: d.community_id, quarterId: d.quarter_id }, after: { status: 'published' } });
  });
  return disclosureDetail(db, ctx.actor, id, locale);
}

/** The published disclosures of a quarter, newest first, for the public board (no account needed). */
export async function publishedDisclosures(db: DB, quarterId: string) {
  const rows = await db
    .selectFrom('disclosures')
    .select(['id', 'period', 'published_at', 'income_fen', 'spending_fen', 'balance_fen'])
    .where('quarter_id', '=', quarterId)
    .where('status', '=', 'published')
    .orderBy('period', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, period: r.period, publishedAt: r.published_at!.toISOString(), incomeFen: Number(r.income_fen), spendingFen: Number(r.spending_fen), balanceFen: Number(r.balance_fen) }));
}

export { notFound };
