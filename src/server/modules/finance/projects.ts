// Fund-use projects (资金使用立项, DB3305/T 309—2024 5.1.1.1) and the large-spending procedure
// 四审两公开 (百委〔2023〕37号 二（三）9). The order and who takes each step are the core's
// (core/finance/approval.ts); this file keeps the record of each step, links the assembly's
// vote and books the payments in the ledger.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { pick, type Locale } from '../../platform/i18n';
import { BG9, isLarge, nextStep, paymentAllowed, refuseStep, reviewSteps, stepRoles, formatFen, type ProjectStage, type ReviewStep, type UseAccount, applyStep } from '../../../core/finance/index';
import { voteDecision } from '../voting';
import { authorizeQuarterFinance, authorizeRow, keepsAccount, type QuarterPlace } from './access';
import { accountLabels, roleNames, stageLabels, stepLabels } from './labels';
import { insertEntry } from './ledger';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;
type ProjectRow = Awaited<ReturnType<typeof loadProject>>;

async function loadProject(db: Exec, id: string) {
  return db.selectFrom('fund_projects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What was paid on projects, net of reversals (a reversal's lines undo the payment's). */
async function paidOf(db: Exec, quarterId: string, projectIds: string[]): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map();
  const rows = await db
    .selectFrom('ledger_entries as e')
    .innerJoin('ledger_lines as l', 'l.entry_id', 'e.id')
    .select(['e.project_id', sql<string>`sum(l.debit_fen - l.credit_fen)::text`.as('paid')])
    .where('e.quarter_id', '=', quarterId)
    .where('l.quarter_id', '=', quarterId)
    .where('e.project_id', 'in', projectIds)
    .where('l.account', 'like', 'use.%')
    .groupBy('e.project_id')
    .execute();
  return new Map(rows.map((r) => [r.project_id!, Number(r.paid)]));
}

function summaryOf(p: NonNullable<ProjectRow>, paid: number, locale: Locale) {
  return {
    id: p.id,
    quarterId: p.quarter_id,
    title: p.title,
    amountFen: Number(p.amount_fen),
    category: p.category,
    categoryLabel: pick(accountLabels[p.category as UseAccount], locale),
    stage: p.stage as ProjectStage,
    stageLabel: pick(stageLabels[p.stage as ProjectStage], locale),
    large: p.large,
    paidFen: paid,
    createdAt: p.created_at,
  };
}

export async function listProjects(db: DB, actor: Actor, quarterId: string, locale: Locale) {
  const place = await authorizeQuarterFinance(db, actor, quarterId, 'finance.read');
  const rows = await db.selectFrom('fund_projects').selectAll().where('quarter_id', '=', quarterId).orderBy('created_at', 'desc').execute();
  const paid = await paidOf(db, quarterId, rows.map((r) => r.id));
  return { items: rows.map((r) => summaryOf(r, paid.get(r.id) ?? 0, locale)), canPropose: can(actor, 'fundProjects.propose'), largeThresholdFen: place.settings.largeThresholdFen };
}

export async function createProject(
  db: DB,
  ctx: RequestContext,
  body: { quarterId: string; title: string; purpose?: string; amountFen: number; category: string; quotes?: { supplier: string; amountFen: number; note?: string }[] },
) {
  const place = await authorizeQuarterFinance(db, ctx.actor, body.quarterId, 'fundProjects.propose');
  const threshold = place.settings.largeThresholdFen;
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('fund_projects')
      .values({
        district_id: place.districtId,
        street_id: place.streetId,
        community_id: place.communityId,
        quarter_id: place.quarterId,
        title: body.title,
        purpose: body.purpose ?? '',
        amount_fen: body.amountFen,
        category: body.category,
        quotes: JSON.stringify(body.quotes ?? []),
        threshold_fen: threshold,
        large: isLarge(body.amountFen, threshold),
        created_by: ctx.actor.id,
        created_by_name: ctx.actor.displayName,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'fund_project', entityId: row.id, place, after: { ...body, thresholdFen: threshold } });
    return { id: row.id };
  });
}

export async function projectDetail(db: Exec, actor: Actor, projectId: string, locale: Locale) {
  const row = await authorizeRow(db, actor, await loadProject(db, projectId), 'finance.read');
  const [steps, payments, paid] = await Promise.all([
    db.selectFrom('fund_project_steps').selectAll().where('project_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('taken_at').execute(),
    db
      .selectFrom('ledger_entries as e')
      .innerJoin('ledger_lines as l', 'l.entry_id', 'e.id')
      .select(['e.id', 'e.seq', 'e.entry_date', 'e.memo', 'e.reverses_id', sql<string>`sum(l.debit_fen - l.credit_fen)::text`.as('amount')])
      .where('e.quarter_id', '=', row.quarter_id)
      .where('l.quarter_id', '=', row.quarter_id)
      .where('e.project_id', '=', row.id)
      .where('l.account', 'like', 'use.%')
      .groupBy(['e.id', 'e.seq', 'e.entry_date', 'e.memo', 'e.reverses_id'])
      .orderBy('e.seq')
      .execute(),
    paidOf(db, row.quarter_id, [row.id]),
  ]);
  const state = { stage: row.stage as ProjectStage, large: row.large, payments: payments.length };
  const next = nextStep(state);
  const reversed = new Set(payments.map((p) => p.reverses_id).filter(Boolean));
  const decision = row.vote_id ? await voteDecision(db, row.vote_id) : null;
  const item = decision?.items.find((i) => i.id === row.vote_item_id);
  const shownSteps: ReviewStep[] = row.large ? [...reviewSteps] : ['use_publication'];
  return {
    ...summaryOf(row, paid.get(row.id) ?? 0, locale),
    purpose: row.purpose,
    quotes: row.quotes as { supplier: string; amountFen: number; note?: string }[],
    thresholdFen: Number(row.threshold_fen),
    createdBy: row.created_by_name,
    steps: shownSteps.map((step) => {
      const taken = steps.find((s) => s.step === step);
      return {
        step,
        label: pick(stepLabels[step], locale),
        outcome: (taken?.outcome as 'approved' | 'rejected' | undefined) ?? null,
        note: taken?.note ?? null,
        takenBy: taken?.taken_by_name ?? null,
        takenAt: taken?.taken_at ?? null,
        roles: stepRoles[step].map((r) => pick(roleNames[r], locale)),
      };
    }),
    nextStep: next,
    canTakeNext: next !== null && can(actor, 'fundProjects.review') && stepRoles[next].includes(actor.role),
    paymentAllowed: paymentAllowed(state),
    canPay: paymentAllowed(state) && keepsAccount(actor, row.settings),
    vote: decision && item ? { id: decision.id, title: decision.title, itemId: item.id, itemTitle: item.title, matter: item.matter } : null,
    payments: payments.filter((p) => !p.reverses_id).map((p) => ({ id: p.id, seq: p.seq, date: p.entry_date, memo: p.memo, amountFen: Number(p.amount), reversed: reversed.has(p.id) })),
    citation: BG9,
  };
}

/** Why the vote item cannot carry the assembly's decision of this project, or null. */
async function refuseVote(db: Exec, project: NonNullable<ProjectRow>, voteId: string | undefined, itemId: string | undefined) {
  if (!voteId || !itemId) throw new AppError('FUND_VOTE_REQUIRED');
  const decision = await voteDecision(db, voteId);
  const invalid = (zh: string, en: string) => new AppError('FUND_VOTE_INVALID', { reasonZh: zh, reasonEn: en });
  // A vote of another quarter is as unknown here as a vote that does not exist.
  if (!decision || decision.quarterId !== project.quarter_id) throw invalid('表决不存在或不属于本小区', 'no such vote in this quarter');
  if (!decision.quarterWide) throw invalid('楼栋议事不能代替业主大会', "a building's vote is not the owners' assembly");
  if (decision.status !== 'published') throw invalid('表决结果尚未公布（异议期结束并公布后方为审定）', 'its result is not published yet');
  const item = decision.items.find((i) => i.id === itemId);
  if (!item) throw invalid('该表决没有这一事项', 'the vote has no such item');
  if (!item.passed) throw invalid('该事项未获通过', 'the item did not pass');
  return item;
}

/** Takes the next step of a project (四审两公开): the right role (403), the right order (409). */
export async function takeStep(
  db: DB,
  ctx: RequestContext,
  projectId: string,
  body: { step: ReviewStep; outcome: 'approved' | 'rejected'; note?: string; voteId?: string; voteItemId?: string },
  locale: Locale,
) {
  await db.transaction().execute(async (tx) => {
    const row = await authorizeRow(tx, ctx.actor, await tx.selectFrom('fund_projects').selectAll().where('id', '=', projectId).forUpdate().executeTakeFirst(), 'fundProjects.review');
    const payments = await tx.selectFrom('ledger_entries').select(sql<number>`count(*)::int`.as('n')).where('quarter_id', '=', row.quarter_id).where('project_id', '=', row.id).where('reverses_id', 'is', null).executeTakeFirstOrThrow();
    const state = { stage: row.stage as ProjectStage, large: row.large, payments: payments.n };
    const refusal = refuseStep(state, body.step, ctx.actor.role, body.outcome);
    const step = stepLabels[body.step];
    if (refusal?.code === 'WRONG_ROLE') {
      throw new AppError('FUND_STEP_ROLE', { stepZh: step['zh-CN'], stepEn: step.en, rolesZh: refusal.roles.map((r) => roleNames[r]['zh-CN']).join('或'), rolesEn: refusal.roles.map((r) => roleNames[r].en).join(' or ') });
    }
    if (refusal?.code === 'CLOSED') throw new AppError('FUND_PROJECT_CLOSED', { stageZh: stageLabels[state.stage]['zh-CN'], stageEn: stageLabels[state.stage].en });
    if (refusal?.code === 'OUT_OF_ORDER') {
      const expected = stepLabels[refusal.expected!];
      throw new AppError('FUND_STEP_ORDER', { expectedZh: expected['zh-CN'], expectedEn: expected.en }, { expected: refusal.expected, citation: BG9 });
    }
    if (refusal?.code === 'CANNOT_REJECT') throw new AppError('FUND_STEP_CANNOT_REJECT', { stepZh: step['zh-CN'], stepEn: step.en });
    if (refusal?.code === 'NO_PAYMENTS') throw new AppError('FUND_USE_NO_PAYMENTS');
    // The assembly decides by a vote (民法典 第278条): using maintenance funds or public revenue
    // is an ordinary matter, raising maintenance funds a special one; the vote says which.
    let vote: { voteId: string; itemId: string; matter: string } | null = null;
    if (body.step === 'assembly_decision' && body.outcome === 'approved') {
      const item = await refuseVote(tx, row, body.voteId, body.voteItemId);
      vote = { voteId: body.voteId!, itemId: item.id, matter: item.matter };
    }
    const stage = applyStep(body.step, body.outcome);
    await tx
      .insertInto('fund_project_steps')
      .values({ project_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, step: body.step, outcome: body.outcome, note: body.note ?? '', taken_by: ctx.actor.id, taken_by_name: ctx.actor.displayName, taken_by_role: ctx.actor.role })
      .execute();
    await tx
      .updateTable('fund_projects')
      .set({ stage, updated_at: new Date(), ...(vote ? { vote_id: vote.voteId, vote_item_id: vote.itemId } : {}) })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'fund_project', entityId: row.id, place: placeOf(row), before: { stage: row.stage }, after: { stage, step: body.step, outcome: body.outcome, note: body.note ?? '', vote } });
  });
  return projectDetail(db, ctx.actor, projectId, locale);
}

function placeOf(row: { district_id: string; street_id: string; community_id: string; quarter_id: string }): QuarterPlace {
  return { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, quarterId: row.quarter_id, name: '' };
}

/**
 * A payment on a project: refused (409, with the clause) on a large project before its decision
 * is published, or beyond the approved amount; booked as an entry that debits the project's use
 * and credits the bank (or cash), linked to the project.
 */
export async function payProject(db: DB, ctx: RequestContext, projectId: string, body: { date: string; amountFen: number; memo: string; from: 'asset.bank' | 'asset.cash'; voucherId?: string | null }) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeRow(tx, ctx.actor, await tx.selectFrom('fund_projects').selectAll().where('id', '=', projectId).forUpdate().executeTakeFirst(), 'ledger.book');
    const stage = row.stage as ProjectStage;
    if (!paymentAllowed({ stage, large: row.large })) {
      if (stage === 'rejected' || stage === 'use_published') throw new AppError('FUND_PROJECT_CLOSED', { stageZh: stageLabels[stage]['zh-CN'], stageEn: stageLabels[stage].en });
      throw new AppError(
        'FUND_PAYMENT_NOT_APPROVED',
        { amount: formatFen(Number(row.amount_fen)), threshold: formatFen(Number(row.threshold_fen)), stageZh: stageLabels[stage]['zh-CN'], stageEn: stageLabels[stage].en },
        { citation: BG9, stage, nextStep: nextStep({ stage, large: row.large, payments: 0 }) },
      );
    }
    const paid = (await paidOf(tx, row.quarter_id, [row.id])).get(row.id) ?? 0;
    if (paid + body.amountFen > Number(row.amount_fen)) throw new AppError('FUND_PAYMENT_EXCEEDS', { amount: formatFen(Number(row.amount_fen)), paid: formatFen(paid) });
    return insertEntry(tx, ctx, placeOf(row), {
      date: body.date,
      memo: body.memo,
      lines: [
        { account: row.category as UseAccount, debitFen: body.amountFen, creditFen: 0 },
        { account: body.from, debitFen: 0, creditFen: body.amountFen },
      ],
      voucherId: body.voucherId ?? null,
      projectId: row.id,
    });
  });
}

/** The projects the public board shows: those whose assembly decision is published, and closed ones. */
export async function boardProjects(db: DB, quarterId: string) {
  const rows = await db
    .selectFrom('fund_projects')
    .select(['id', 'title', 'amount_fen', 'stage'])
    .where('quarter_id', '=', quarterId)
    .where('stage', 'in', ['decision_published', 'use_published'])
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, amountFen: Number(r.amount_fen), stage: r.stage }));
}
