// Cases (诉求): raising one (an owner, staff entering what came by phone, visit, patrol or
// reception day, or the public page through public.ts), the queues, and one case in detail.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, roleLabels, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { maskPhone } from '../../../core/idnumber';
import { calendarFor } from './holidays';
import { addMonthsTo, availableSteps, deadlineAfter, handlerLabel, isOverdue, shanghaiMonthStart, statusLabels, type CaseStatus, type HandlerKind } from '../../../core/cases';
import { quarterPlaceById, quarterPlacesByIds } from '../registry';
import { assertMayRaise, authorizeCase, overdueCase, queueOf, queueWhere } from './access';
import { categoryOf } from './categories';
import type { CaseRow } from './tables';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

// Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L): 32 symbols, so 12
// of them are 60 random bits — not guessable, and short enough to read out over the phone.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 12;

export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) s += CODE_ALPHABET[crypto.randomInt(0, CODE_ALPHABET.length)];
  return s;
}

export const staffChannels = ['phone', 'visit', 'patrol', 'reception'] as const;
export type Channel = 'public' | 'owner' | (typeof staffChannels)[number];

/** The office a caller acts as, as the case's timeline names it (never a person). */
export function officeOf(actor: Actor, department: string | null): string {
  if (actor.role === 'department') return department ?? roleLabels.department['zh-CN'];
  return roleLabels[actor.role]['zh-CN'];
}

export interface NewCase {
  quarterId: string;
  category: string;
  description: string;
  location?: string | null;
  channel: Channel;
  raiserName?: string | null;
  raiserPhone?: string | null;
}

/**
 * Writes a new case with its deadlines from its category, and its first step. `by` is the
 * account that raised or entered it, or null from the public page.
 */
export async function insertCase(
  db: Exec,
  place: { districtId: string; streetId: string; communityId: string; quarterId: string },
  input: NewCase,
  by: { actor: Actor | null; office: string; ip: string | null },
  at: Date = new Date(),
) {
  const category = await categoryOf(db, place.districtId, input.category);
  const calendar = await calendarFor(db, at, category.limits.acknowledge, category.limits.resolve);
  const values = {
    district_id: place.districtId,
    street_id: place.streetId,
    community_id: place.communityId,
    quarter_id: place.quarterId,
    tracking_code: newTrackingCode(),
    category: category.code,
    category_name: category.name['zh-CN'],
    citation: category.citation,
    description: input.description,
    location: input.location?.trim() || null,
    channel: input.channel,
    handler_kind: category.handler.kind,
    handler_department: category.handler.department,
    raiser_name: input.raiserName?.trim() || null,
    raiser_phone: input.raiserPhone?.trim() || null,
    raised_by: by.actor?.id ?? null,
    received_at: at,
    acknowledge_due_at: deadlineAfter(at, category.limits.acknowledge, calendar),
    resolve_due_at: deadlineAfter(at, category.limits.resolve, calendar),
  };
  const row = await db.insertInto('cases').values(values).returningAll().executeTakeFirstOrThrow();
  await db
    .insertInto('case_events')
    .values({
      case_id: row.id,
      district_id: row.district_id,
      quarter_id: row.quarter_id,
      at,
      action: 'receive',
      to_status: 'received',
      actor_id: by.actor?.id ?? null,
      actor_office: by.office,
      actor_name: by.actor?.displayName ?? null,
      note: null,
      handler_kind: row.handler_kind,
      handler_department: row.handler_department,
    })
    .execute();
  await recordAudit(db, { actor: by.actor, ip: by.ip } as RequestContext, {
    action: 'create',
    entity: 'case',
    entityId: row.id,
    place: placeOfRow(row),
    after: { category: row.category, channel: row.channel, handler: row.handler_kind, department: row.handler_department },
  });
  return row;
}

/** An owner raises a case from the phone page, or staff enter one that came another way. */
export async function createCase(db: DB, ctx: RequestContext, input: Omit<NewCase, 'channel'> & { channel?: Channel }) {
  const place = await quarterPlaceById(db, input.quarterId);
  assertMayRaise(ctx.actor, place);
  const owner = ctx.actor.role === 'owner';
  const channel: Channel = owner ? 'owner' : input.channel && input.channel !== 'owner' && input.channel !== 'public' ? input.channel : 'phone';
  const row = await db.transaction().execute((tx) =>
    insertCase(
      tx,
      { districtId: place!.districtId, streetId: place!.streetId!, communityId: place!.communityId!, quarterId: place!.quarterId },
      { ...input, channel, raiserName: owner ? ctx.actor.displayName : input.raiserName },
      { actor: ctx.actor, office: officeOf(ctx.actor, null), ip: ctx.ip },
    ),
  );
  return { id: row.id, trackingCode: row.tracking_code };
}

/** Is the case past a deadline it has not met: the acknowledgement, or the reply? */
export function overdueNow(row: Pick<CaseRow, 'status' | 'acknowledge_due_at' | 'resolve_due_at'>, now: Date = new Date()): boolean {
  const status = row.status as CaseStatus;
  if (status === 'received' && isOverdue(new Date(row.acknowledge_due_at), now)) return true;
  return status !== 'replied' && status !== 'closed' && isOverdue(new Date(row.resolve_due_at), now);
}

export interface CaseListQuery {
  quarterId?: string;
  status?: CaseStatus;
  category?: string;
  month?: string;
  overdue?: boolean;
  escalated?: boolean;
  /** Not closed. */
  open?: boolean;
  page: number;
  pageSize: number;
}

/** The caller's queue, a page at a time, newest first (docs/scaling.md: filtered and paged in SQL). */
export async function listCases(db: DB, actor: Actor, query: CaseListQuery, locale: Locale = 'zh-CN') {
  assertCan(actor, 'cases.read');
  const queue = await queueOf(db, actor);
  const now = new Date();
  let q = db.selectFrom('cases').where(queueWhere(actor, queue));
  if (query.quarterId) q = q.where('cases.quarter_id', '=', query.quarterId);
  if (query.status) q = q.where('cases.status', '=', query.status);
  if (query.category) q = q.where('cases.category', '=', query.category);
  if (query.month) q = q.where('cases.received_at', '>=', shanghaiMonthStart(query.month)).where('cases.received_at', '<', shanghaiMonthStart(addMonthsTo(query.month, 1)));
  if (query.escalated) q = q.where('cases.escalated_at', 'is not', null);
  if (query.open) q = q.where('cases.status', '<>', 'closed');
  if (query.overdue) q = q.where(overdueCase(now));
  const [rows, total] = await Promise.all([
    q
      .selectAll()
      .orderBy('cases.received_at', 'desc')
      .orderBy('cases.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const quarters = await quarterPlacesByIds(db, rows.map((r) => r.quarter_id));
  return {
    page: query.page,
    pageSize: query.pageSize,
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      trackingCode: r.tracking_code,
      quarterId: r.quarter_id,
      quarterName: quarters.get(r.quarter_id)?.name ?? '',
      category: r.category,
      categoryName: r.category_name,
      status: r.status as CaseStatus,
      statusLabel: statusLabels[r.status as CaseStatus][locale],
      handler: handlerOf(r, locale),
      channel: r.channel,
      description: r.description.slice(0, 120),
      receivedAt: r.received_at,
      acknowledgeDueAt: r.acknowledge_due_at,
      resolveDueAt: r.resolve_due_at,
      overdue: overdueNow(r, now),
      escalatedAt: r.escalated_at,
    })),
  };
}

export function handlerOf(r: Pick<CaseRow, 'handler_kind' | 'handler_department'>, locale: Locale) {
  const handler = { kind: r.handler_kind as HandlerKind, department: r.handler_department };
  return { ...handler, label: handlerLabel(handler)[locale] };
}

export async function eventsOf(db: Exec, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
}

export async function photosOf(db: Exec, caseId: string) {
  return db.selectFrom('case_photos').select(['id', 'content_type', 'size_bytes', 'uploaded_at']).where('case_id', '=', caseId).orderBy('uploaded_at').execute();
}

/** One case for a caller whose queue holds it: the whole record, its steps and what the caller may do next. */
export async function getCase(db: DB, actor: Actor, id: string, locale: Locale = 'zh-CN') {
  const { row, parties } = await authorizeCase(db, actor, id);
  const [events, photos, quarter] = await Promise.all([eventsOf(db, row.id), photosOf(db, row.id), quarterPlaceById(db, row.quarter_id)]);
  if (!quarter) throw notFound();
  // The raiser's phone is for those who call back (回访): the dispatching offices and the handler.
  const callsBack = parties.includes('dispatcher') || parties.includes('handler');
  return {
    id: row.id,
    trackingCode: row.tracking_code,
    quarterId: row.quarter_id,
    quarterName: quarter.name,
    category: row.category,
    categoryName: row.category_name,
    citation: row.citation,
    description: row.description,
    location: row.location,
    channel: row.channel,
    status: row.status as CaseStatus,
    statusLabel: statusLabels[row.status as CaseStatus][locale],
    handler: handlerOf(row, locale),
    raiserName: row.raiser_name,
    raiserPhone: callsBack ? row.raiser_phone : row.raiser_phone ? maskPhone(row.raiser_phone) : null,
    receivedAt: row.received_at,
    acknowledgeDueAt: row.acknowledge_due_at,
    resolveDueAt: row.resolve_due_at,
    overdue: overdueNow(row),
    escalatedAt: row.escalated_at,
    reply: row.reply,
    rating: row.rating,
    ratingComment: row.rating_comment,
    reopenCount: row.reopen_count,
    events: events.map((e) => ({
      at: e.at,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      office: e.actor_office,
      actorName: e.actor_name,
      note: e.note,
      handler: e.handler_kind ? handlerOf({ handler_kind: e.handler_kind, handler_department: e.handler_department }, locale) : null,
      rating: e.rating,
    })),
    photos: photos.map((p) => ({ id: p.id, contentType: p.content_type, size: p.size_bytes })),
    parties,
    actions: availableSteps(row.status as CaseStatus, parties),
  };
}
