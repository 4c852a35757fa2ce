// The steps of a case after it is raised (core/cases/lifecycle.ts): acknowledge, dispatch,
// start, reply, and the return visit that closes or reopens it. Each step is one transaction
// with its timeline entry and its audit entry; dispatch tells the handler's accounts.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import {
  CASE_CLAUSE,
  deadlineAfter,
  handlerLabel,
  ratingLabels,
  statusLabels,
  takeStep,
  type CaseAction,
  type CaseParty,
  type CaseStatus,
  type Handler,
  type HandlerKind,
  type Rating,
} from '../../../core/cases';
import { notifyUsers, usersForQuarterRoles } from '../notifications';
import { authorizeCase } from './access';
import { categoriesOf, checkHandler } from './categories';
import { officeOf } from './cases';
import { calendarFor } from './holidays';
import type { CaseRow } from './tables';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

const partyLabels: Record<CaseParty, { 'zh-CN': string; en: string }> = {
  dispatcher: { 'zh-CN': '受理派单的小区专员或三方办', en: 'the commissioner or the office that dispatches' },
  handler: { 'zh-CN': '承办方', en: 'the office the case is dispatched to' },
  raiser: { 'zh-CN': '诉求人', en: 'the person who raised it' },
};

const join = (parts: readonly string[], sep: string) => parts.join(sep);

/** Core's refusal as the module's error, with the clause. */
export function refuseStep(status: CaseStatus, action: CaseAction, parties: CaseParty[], rating?: Rating): CaseStatus {
  const out = takeStep(status, action, parties, rating);
  if (out.ok) return out.to;
  if (out.code === 'CASE_NOT_YOUR_STEP')
    throw new AppError(
      'CASE_NOT_YOUR_STEP',
      { byZh: join(out.by.map((p) => partyLabels[p]['zh-CN']), '或'), byEn: join(out.by.map((p) => partyLabels[p].en), ' or '), clause: CASE_CLAUSE },
      { action, by: out.by, clause: CASE_CLAUSE },
    );
  throw new AppError(
    'CASE_STEP_OUT_OF_ORDER',
    {
      statusZh: statusLabels[out.status]['zh-CN'],
      statusEn: statusLabels[out.status].en,
      fromZh: join(out.from.map((s) => statusLabels[s]['zh-CN']), '”或“'),
      fromEn: join(out.from.map((s) => statusLabels[s].en), '" or "'),
      clause: CASE_CLAUSE,
    },
    { action, status: out.status, from: out.from, clause: CASE_CLAUSE },
  );
}

/** The accounts of the office a case is dispatched to, for its inbox. */
export async function handlerAccounts(db: Exec, row: Pick<CaseRow, 'district_id' | 'quarter_id' | 'handler_kind' | 'handler_department'>): Promise<string[]> {
  switch (row.handler_kind as HandlerKind) {
    case 'company':
      return (await usersForQuarterRoles(db, row.quarter_id, ['company'])).map((u) => u.id);
    case 'committee':
      return (await usersForQuarterRoles(db, row.quarter_id, ['committee'])).map((u) => u.id);
    case 'community':
      return (await usersForQuarterRoles(db, row.quarter_id, ['community_office', 'commissioner'])).map((u) => u.id);
    case 'street':
      return (await usersForQuarterRoles(db, row.quarter_id, ['street_office'])).map((u) => u.id);
    case 'utility':
      return (await usersForQuarterRoles(db, row.quarter_id, ['commissioner'])).map((u) => u.id);
    case 'department': {
      const rows = await db
        .selectFrom('case_department_members')
        .select('user_id')
        .where('district_id', '=', row.district_id)
        .where('department', '=', row.handler_department ?? '')
        .execute();
      return rows.map((r) => r.user_id);
    }
  }
}

interface StepBy {
  actorId: string | null;
  office: string;
  name: string | null;
}

/** Writes a step: the case's new columns, its timeline entry. */
export async function writeStep(
  tx: Exec,
  row: CaseRow,
  step: { action: CaseAction | 'escalate' | 'remind'; to: CaseStatus | null; by: StepBy; note?: string | null; set?: Partial<Record<keyof CaseRow, unknown>>; handler?: Handler | null; rating?: Rating | null },
  at: Date,
) {
  if (step.to || step.set) {
    await tx
      .updateTable('cases')
      .set({ ...(step.set ?? {}), ...(step.to ? { status: step.to } : {}), updated_at: at } as never)
      .where('id', '=', row.id)
      .execute();
  }
  await tx
    .insertInto('case_events')
    .values({
      case_id: row.id,
      district_id: row.district_id,
      quarter_id: row.quarter_id,
      at,
      action: step.action,
      from_status: row.status,
      to_status: step.to,
      actor_id: step.by.actorId,
      actor_office: step.by.office,
      actor_name: step.by.name,
      note: step.note ?? null,
      handler_kind: step.handler?.kind ?? null,
      handler_department: step.handler?.department ?? null,
      rating: step.rating ?? null,
    })
    .execute();
}

export type StepInput =
  | { action: 'acknowledge'; note?: string | null }
  | { action: 'assign'; handler?: { kind: HandlerKind; department?: string | null } | null; note?: string | null }
  | { action: 'start'; note?: string | null }
  | { action: 'reply'; text: string }
  | { action: 'visit'; rating: Rating; comment?: string | null };

/** A new reply limit after an unsatisfied visit: the category's, counted from the reopening. */
async function reopenedDue(db: Exec, row: CaseRow, at: Date): Promise<Date> {
  const category = (await categoriesOf(db, row.district_id)).find((c) => c.code === row.category);
  const limit = category?.limits.resolve ?? ({ amount: 5, unit: 'working_days' } as const);
  return deadlineAfter(at, limit, await calendarFor(db, at, limit));
}

/**
 * Applies a step to a case, as a staff or owner account (ctx) or as the raiser holding the
 * tracking code (public.ts, `asRaiser`). Answers the case's new status.
 */
export async function applyStep(db: DB, row: CaseRow, parties: CaseParty[], input: StepInput, by: StepBy, audit: { actor: Actor | null; ip: string | null }, at: Date = new Date()) {
  const rating = input.action === 'visit' ? input.rating : undefined;
  const to = refuseStep(row.status as CaseStatus, input.action, parties, rating);
  let set: Partial<Record<keyof CaseRow, unknown>> = {};
  let handler: Handler | null = null;
  let note: string | null = null;
  switch (input.action) {
    case 'acknowledge':
      // The reminder sent for the acknowledgement does not stand for the reply's.
      set = { acknowledged_at: at, reminded_at: null };
      note = input.note ?? null;
      break;
    case 'assign':
      handler = input.handler ? checkHandler(input.handler) : { kind: row.handler_kind as HandlerKind, department: row.handler_department };
      set = { handler_kind: handler.kind, handler_department: handler.department, assigned_at: at };
      note = input.note ?? null;
      break;
    case 'start':
      note = input.note ?? null;
      break;
    case 'reply':
      set = { reply: input.text, replied_at: at };
      note = input.text;
      break;
    case 'visit':
      set = { rating: input.rating, rating_comment: input.comment?.trim() || null };
      note = input.comment?.trim() || null;
      if (to === 'closed') set.closed_at = at;
      else Object.assign(set, { reopen_count: row.reopen_count + 1, resolve_due_at: await reopenedDue(db, row, at), escalated_at: null, reminded_at: null, replied_at: null });
      break;
  }
  await db.transaction().execute(async (tx) => {
    // Taken again under a lock: two steps at once must not both pass the check above.
    const locked = await tx.selectFrom('cases').select('status').where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== row.status) refuseStep(locked.status as CaseStatus, input.action, parties, rating);
    await writeStep(tx, row, { action: input.action, to, by, note, set, handler, rating: rating ?? null }, at);
    await recordAudit(tx, audit as RequestContext, { action: input.action, entity: 'case', entityId: row.id, place: placeOfRow(row), before: { status: row.status }, after: { status: to, ...(handler ? { handler } : {}), ...(rating ? { rating } : {}) } });
    if (input.action === 'assign' && handler) {
      const users = await handlerAccounts(tx, { ...row, handler_kind: handler.kind, handler_department: handler.department });
      await notifyUsers(tx, users, row.district_id, {
        kind: 'case-assigned',
        title: `新派单：${row.category_name}`,
        body: row.description.slice(0, 200),
        link: `/cases/${row.id}`,
        dueAt: new Date(row.resolve_due_at),
        quarterId: row.quarter_id,
        dedupeKey: `case:${row.id}:assigned:${at.getTime()}`,
      });
    }
  });
  return { status: to, statusLabel: statusLabels[to]['zh-CN'], ratingLabel: rating ? ratingLabels[rating]['zh-CN'] : null, handlerLabel: handler ? handlerLabel(handler)['zh-CN'] : null };
}

/** A step taken by a logged-in caller whose queue holds the case. */
export async function stepCase(db: DB, ctx: RequestContext, id: string, input: StepInput) {
  const { row, parties, department } = await authorizeCase(db, ctx.actor, id);
  const result = await applyStep(db, row, parties, input, { actorId: ctx.actor.id, office: officeOf(ctx.actor, department), name: ctx.actor.displayName }, ctx);
  return { id: row.id, status: result.status };
}
