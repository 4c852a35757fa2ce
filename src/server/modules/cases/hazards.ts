// The hazard database (风险隐患信息数据库, T/ZAS 4006.1—2020 6.2.4.3) of a quarter: a hazard found
// on patrol, its loop (core/cases/hazards.ts) with who did each step and when, its deadline by
// level, and who verified it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, can, scopeFilter, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { countInOrder, placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import {
  availableHazardSteps,
  deadlineAfter,
  HAZARD_CLAUSE,
  HAZARD_LIMITS,
  hazardStatusLabels,
  isOverdue,
  takeHazardStep,
  type HazardAction,
  type HazardClass,
  type HazardLevel,
  type HazardParty,
  type HazardStatus,
} from '../../../core/cases';
import { quarterPlaceById, quarterPlacesByIds } from '../registry';
import { departmentOf } from './access';
import { officeOf } from './cases';
import type { HazardRow } from './tables';
import { calendarFor } from './holidays';

type DB = Kysely<Database>;

const partyLabels: Record<HazardParty, { 'zh-CN': string; en: string }> = {
  patrol: { 'zh-CN': '巡查人员', en: 'those who patrol' },
  handler: { 'zh-CN': '处置单位', en: 'the office that handles it' },
  verifier: { 'zh-CN': '小区专员或三方办', en: 'the commissioner or an office' },
};

export function partiesOf(actor: Actor): HazardParty[] {
  const parties: HazardParty[] = [];
  if (can(actor, 'hazards.patrol')) parties.push('patrol');
  if (can(actor, 'hazards.handle')) parties.push('handler');
  if (can(actor, 'hazards.verify')) parties.push('verifier');
  return parties;
}

export async function authorizeHazard(db: DB, actor: Actor, id: string) {
  const row = await db.selectFrom('hazards').selectAll().where('id', '=', id).executeTakeFirst();
  assertInScope(actor, row ? placeOfRow(row) : null, { parentRead: true });
  assertCan(actor, 'hazards.read');
  return row!;
}

export async function createHazard(db: DB, ctx: RequestContext, input: { quarterId: string; class: HazardClass; level: HazardLevel; location: string; description: string }) {
  const place = await quarterPlaceById(db, input.quarterId);
  assertInScope(ctx.actor, place, { parentRead: true });
  assertCan(ctx.actor, 'hazards.patrol');
  const at = new Date();
  const calendar = await calendarFor(db, at, HAZARD_LIMITS[input.level]);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('hazards')
      .values({
        district_id: place!.districtId,
        street_id: place!.streetId!,
        community_id: place!.communityId!,
        quarter_id: place!.quarterId,
        class: input.class,
        level: input.level,
        location: input.location,
        description: input.description,
        found_by: ctx.actor.id,
        found_at: at,
        due_at: deadlineAfter(at, HAZARD_LIMITS[input.level], calendar),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('hazard_events')
      .values({ hazard_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, at, action: 'find', to_status: 'found', actor_id: ctx.actor.id, actor_office: officeOf(ctx.actor, null), actor_name: ctx.actor.displayName })
      .execute();
    await recordAudit(tx, ctx, { action: 'create', entity: 'hazard', entityId: row.id, place: placeOfRow(row), after: { class: row.class, level: row.level } });
    return { id: row.id };
  });
}

function summary(r: HazardRow, names: Map<string, { name: string }>, locale: Locale, now: Date) {
  const status = r.status as HazardStatus;
  return {
    id: r.id,
    quarterId: r.quarter_id,
    quarterName: names.get(r.quarter_id)?.name ?? '',
    class: r.class as HazardClass,
    level: r.level as HazardLevel,
    location: r.location,
    description: r.description,
    status,
    statusLabel: hazardStatusLabels[status][locale],
    foundAt: r.found_at,
    dueAt: r.due_at,
    overdue: status !== 'verified' && isOverdue(new Date(r.due_at), now),
    verifiedAt: r.verified_at,
  };
}

export async function listHazards(db: DB, actor: Actor, query: { quarterId?: string; status?: HazardStatus; open?: boolean; page: number; pageSize: number }, locale: Locale) {
  assertCan(actor, 'hazards.read');
  const scope = scopeFilter(actor);
  let q = db.selectFrom('hazards').where(scope.column, '=', scope.value);
  if (query.quarterId) q = q.where('quarter_id', '=', query.quarterId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.open) q = q.where('status', '<>', 'verified');
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('found_at', 'desc').orderBy('id').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    countInOrder(db, q, 'found_at', 'desc'),
  ]);
  const names = await quarterPlacesByIds(db, rows.map((r) => r.quarter_id));
  const now = new Date();
  return { page: query.page, pageSize: query.pageSize, total: Number(total.n), items: rows.map((r) => summary(r, names, locale, now)) };
}

export async function getHazard(db: DB, actor: Actor, id: string, locale: Locale) {
  const row = await authorizeHazard(db, actor, id);
  const [events, names, photos] = await Promise.all([
    db.selectFrom('hazard_events').selectAll().where('hazard_id', '=', row.id).orderBy('at').orderBy('id').execute(),
    quarterPlacesByIds(db, [row.quarter_id]),
    db.selectFrom('hazard_photos').select(['id', 'content_type', 'size_bytes']).where('hazard_id', '=', row.id).orderBy('uploaded_at').orderBy('id').execute(),
  ]);
  const parties = partiesOf(actor);
  return {
    ...summary(row, names, locale, new Date()),
    citation: HAZARD_CLAUSE,
    events: events.map((e) => ({ at: e.at, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, office: e.actor_office, actorName: e.actor_name, note: e.note })),
    actions: availableHazardSteps(row.status as HazardStatus, parties).filter((a) => !(a === 'verify' && row.handled_by === actor.id)),
    photos: photos.map((p) => ({ id: p.id, contentType: p.content_type, sizeBytes: p.size_bytes })),
    // Whoever takes part (patrols, handles, verifies) adds photos: of what was found, of the work done.
    mayAddPhotos: parties.length > 0,
  };
}

export async function stepHazard(db: DB, ctx: RequestContext, id: string, action: HazardAction, input: { note?: string | null; passed?: boolean }) {
  const row = await authorizeHazard(db, ctx.actor, id);
  const parties = partiesOf(ctx.actor);
  const decide = (status: HazardStatus) => {
    const out = takeHazardStep(status, action, parties, { passed: input.passed, handledBySelf: row.handled_by === ctx.actor.id });
    if (out.ok) return out.to;
    if (out.code === 'HAZARD_NOT_YOUR_STEP') throw new AppError('HAZARD_NOT_YOUR_STEP', { byZh: partyLabels[out.by]['zh-CN'], byEn: partyLabels[out.by].en, clause: HAZARD_CLAUSE }, { action, by: out.by, clause: HAZARD_CLAUSE });
    if (out.code === 'HAZARD_OWN_VERIFICATION') throw new AppError('HAZARD_OWN_VERIFICATION', { clause: HAZARD_CLAUSE }, { action, clause: HAZARD_CLAUSE });
    const label = hazardStatusLabels[out.status];
    throw new AppError(
      'HAZARD_STEP_OUT_OF_ORDER',
      { statusZh: label['zh-CN'], statusEn: label.en, fromZh: out.from.map((s) => hazardStatusLabels[s]['zh-CN']).join('”或“'), fromEn: out.from.map((s) => hazardStatusLabels[s].en).join('" or "'), clause: HAZARD_CLAUSE },
      { action, status: out.status, from: out.from, clause: HAZARD_CLAUSE },
    );
  };
  decide(row.status as HazardStatus);
  const department = ctx.actor.role === 'department' ? await departmentOf(db, ctx.actor.id) : null;
  const at = new Date();
  return db.transaction().execute(async (tx) => {
    const locked = await tx.selectFrom('hazards').select('status').where('id', '=', row.id).forUpdate().executeTakeFirst();
    if (!locked) throw notFound();
    const to = decide(locked.status as HazardStatus);
    const set: Record<string, unknown> = { status: to, updated_at: at };
    if (action === 'handle') set.handled_by = ctx.actor.id;
    if (action === 'verify' && to === 'verified') Object.assign(set, { verified_by: ctx.actor.id, verified_at: at });
    await tx.updateTable('hazards').set(set).where('id', '=', row.id).execute();
    const note = input.note?.trim() || (action === 'verify' && input.passed === false ? '核验未通过，重新处置' : null);
    await tx
      .insertInto('hazard_events')
      .values({ hazard_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, at, action, from_status: locked.status, to_status: to, actor_id: ctx.actor.id, actor_office: officeOf(ctx.actor, department), actor_name: ctx.actor.displayName, note })
      .execute();
    await recordAudit(tx, ctx, { action, entity: 'hazard', entityId: row.id, place: placeOfRow(row), before: { status: locked.status }, after: { status: to } });
    return { id: row.id, status: to };
  });
}
