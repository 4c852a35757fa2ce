// The dispute register of a quarter (HZ DB3305/T 309—2024 5.1.4; T/ZAS 4006.1—2020 6.3.3): the
// parties, the subject and the risk level; a major dispute reported to the street when it is
// registered; the mediation (core/cases/disputes.ts), its agreement and the follow-up. A public
// mediation's time and place are given to the quarter's public board without the parties. A joint
// mediation (联合调解, HZ 5.1.4.2) names the other quarters taking part (dispute_quarters): the
// dispute is then in the scope of their offices, their commissioners, committees and mediators
// too, who read it and take their part in it as on their own quarter's.
import type { ExpressionBuilder, Kysely, SelectQueryBuilder, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, can, placeInScope, scopeFilter, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { countInOrder, placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import {
  availableDisputeSteps,
  DISPUTE_CLAUSE,
  disputeCategoryLabels,
  disputeStatusLabels,
  JOINT_MEDIATION_CLAUSE,
  JOINT_QUARTERS_MAX,
  jointQuarterRefusal,
  jointRefusalLabels,
  type DisputeCategory,
  reportedUpward,
  takeDisputeStep,
  type DisputeAction,
  type DisputeParty,
  type DisputeRisk,
  type DisputeStatus,
  type MediationKind,
} from '../../../core/cases';
import { notifyUsers, usersForQuarterRoles } from '../notifications';
import { quarterPlaceById, quarterPlacesByIds, quartersOfPlace } from '../registry';
import { officeOf } from './cases';
import type { DisputeRow } from './tables';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

const partyLabels: Record<DisputeParty, { 'zh-CN': string; en: string }> = {
  registrar: { 'zh-CN': '登记纠纷的小区专员、业主委员会或三方办', en: 'the commissioner, the owners’ committee or an office' },
  mediator: { 'zh-CN': '调解员', en: 'the mediator' },
};

function partiesOf(actor: Actor): DisputeParty[] {
  const parties: DisputeParty[] = [];
  if (can(actor, 'disputes.register')) parties.push('registrar');
  if (can(actor, 'disputes.mediate')) parties.push('mediator');
  return parties;
}

/** The other quarters of a joint mediation, with their places. */
async function jointQuartersOf(db: Exec, disputeId: string) {
  return db.selectFrom('dispute_quarters').selectAll().where('dispute_id', '=', disputeId).execute();
}

/**
 * The dispute, if its quarter or one of the quarters of its joint mediation is in the caller's
 * place (404 otherwise, as for an unknown id), then `disputes.read` (403).
 */
async function authorizeDispute(db: DB, actor: Actor, id: string) {
  const row = await db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirst();
  const joint = row ? await jointQuartersOf(db, row.id) : [];
  const inScope = !!row && [placeOfRow(row), ...joint.map(placeOfRow)].some((p) => placeInScope(actor, p, { parentRead: true }));
  if (!inScope) throw notFound();
  assertCan(actor, 'disputes.read');
  return { row: row!, joint };
}

/** The disputes of the caller's place: of its quarters, or joined by one of them (HZ 5.1.4.2). */
function inPlace(column: ReturnType<typeof scopeFilter>['column'], value: string) {
  return (eb: ExpressionBuilder<Database, 'disputes'>) =>
    eb.or([
      eb(`disputes.${column}`, '=', value),
      eb.exists(eb.selectFrom('dispute_quarters').select('dispute_quarters.dispute_id').whereRef('dispute_quarters.dispute_id', '=', 'disputes.id').where(`dispute_quarters.${column}`, '=', value)),
    ]);
}

export async function createDispute(db: DB, ctx: RequestContext, input: { quarterId: string; subject: string; category?: DisputeCategory; parties: string; description: string; risk: DisputeRisk }) {
  const place = await quarterPlaceById(db, input.quarterId);
  assertInScope(ctx.actor, place, { parentRead: true });
  assertCan(ctx.actor, 'disputes.register');
  const at = new Date();
  const up = reportedUpward(input.risk);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('disputes')
      .values({
        district_id: place!.districtId,
        street_id: place!.streetId!,
        community_id: place!.communityId!,
        quarter_id: place!.quarterId,
        subject: input.subject,
        category: input.category ?? 'other',
        parties: input.parties,
        description: input.description,
        risk: input.risk,
        registered_by: ctx.actor.id,
        registered_at: at,
        reported_up_at: up ? at : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('dispute_events')
      .values({ dispute_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, at, action: 'register', to_status: 'registered', actor_id: ctx.actor.id, actor_office: officeOf(ctx.actor, null), actor_name: ctx.actor.displayName, note: up ? `重大纠纷，已报告街道（${DISPUTE_CLAUSE}）` : null })
      .execute();
    if (up) {
      const street = (await usersForQuarterRoles(tx, row.quarter_id, ['street_office'])).map((u) => u.id);
      await notifyUsers(tx, street, row.district_id, { kind: 'dispute-major', title: `重大纠纷报告：${row.subject}`, body: row.description.slice(0, 200), link: `/disputes?id=${row.id}`, quarterId: row.quarter_id, dedupeKey: `dispute:${row.id}:major` });
    }
    await recordAudit(tx, ctx, { action: 'create', entity: 'dispute', entityId: row.id, place: placeOfRow(row), after: { subject: row.subject, risk: row.risk } });
    return { id: row.id, reportedUpward: up };
  });
}

function summary(r: DisputeRow, names: Map<string, { name: string }>, locale: Locale) {
  const status = r.status as DisputeStatus;
  return {
    id: r.id,
    quarterId: r.quarter_id,
    quarterName: names.get(r.quarter_id)?.name ?? '',
    subject: r.subject,
    category: r.category as DisputeCategory,
    parties: r.parties,
    risk: r.risk as DisputeRisk,
    status,
    statusLabel: disputeStatusLabels[status][locale],
    mediationKind: r.mediation_kind as MediationKind | null,
    mediationAt: r.mediation_at,
    mediationPlace: r.mediation_place,
    mediatorName: r.mediator_name,
    registeredAt: r.registered_at,
    reportedUpAt: r.reported_up_at,
  };
}

export async function listDisputes(db: DB, actor: Actor, query: { quarterId?: string; status?: DisputeStatus; page: number; pageSize: number }, locale: Locale) {
  assertCan(actor, 'disputes.read');
  const scope = scopeFilter(actor);
  // The list is the place's own disputes and, apart from them, those its quarters join (HZ
  // 5.1.4.2): two disjoint sets, each read from its own index and counted in the list's order
  // (countInOrder), then merged. One query with `OR EXISTS` over both is served by no index, and
  // read every dispute of every district for a district's total (docs/scaling.md).
  const [column, value] = query.quarterId ? (['quarter_id', query.quarterId] as const) : ([scope.column, scope.value] as const);
  const narrow = <Q extends SelectQueryBuilder<Database, 'disputes', object>>(q: Q): Q => {
    let out = q;
    // A quarter asked for is kept to the caller's place, as before: its own or a joined one.
    if (query.quarterId) out = out.where(inPlace(scope.column, scope.value)) as Q;
    if (query.status) out = out.where('disputes.status', '=', query.status) as Q;
    return out;
  };
  const own = narrow(db.selectFrom('disputes').where(`disputes.${column}`, '=', value));
  const joined = narrow(
    db
      .selectFrom('disputes')
      .where('disputes.id', 'in', db.selectFrom('dispute_quarters').select('dispute_quarters.dispute_id').where(`dispute_quarters.${column}`, '=', value))
      .where(`disputes.${column}`, '<>', value),
  );
  // Enough of each set for the page, newest first; merged in the same order.
  const upTo = query.page * query.pageSize;
  const firstOf = (q: typeof own) => q.selectAll('disputes').orderBy('disputes.registered_at', 'desc').orderBy('disputes.id').limit(upTo).execute();
  const [ownRows, joinedRows, ownCount, joinedCount] = await Promise.all([
    firstOf(own),
    firstOf(joined),
    countInOrder(db, own, 'disputes.registered_at', 'desc'),
    countInOrder(db, joined, 'disputes.registered_at', 'desc'),
  ]);
  const newestFirst = (a: DisputeRow, b: DisputeRow) => b.registered_at.getTime() - a.registered_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const rows = [...ownRows, ...joinedRows].sort(newestFirst).slice((query.page - 1) * query.pageSize, upTo);
  const names = await quarterPlacesByIds(db, rows.map((r) => r.quarter_id));
  return { page: query.page, pageSize: query.pageSize, total: ownCount.n + joinedCount.n, items: rows.map((r) => summary(r, names, locale)) };
}

export async function getDispute(db: DB, actor: Actor, id: string, locale: Locale) {
  const { row, joint } = await authorizeDispute(db, actor, id);
  const [events, names] = await Promise.all([
    db.selectFrom('dispute_events').selectAll().where('dispute_id', '=', row.id).orderBy('at').orderBy('id').execute(),
    quarterPlacesByIds(db, [row.quarter_id, ...joint.map((j) => j.quarter_id)]),
  ]);
  return {
    ...summary(row, names, locale),
    jointQuarters: joint.map((j) => ({ id: j.quarter_id, name: names.get(j.quarter_id)?.name ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    description: row.description,
    agreement: row.agreement,
    followUp: row.follow_up,
    citation: DISPUTE_CLAUSE,
    events: events.map((e) => ({ at: e.at, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, office: e.actor_office, actorName: e.actor_name, note: e.note })),
    actions: availableDisputeSteps(row.status as DisputeStatus, partiesOf(actor)),
  };
}

export type DisputeStepInput =
  | { action: 'schedule'; kind: MediationKind; at?: string | null; place?: string | null; mediatorName: string; jointQuarterIds?: string[] }
  | { action: 'agree'; agreement: string }
  | { action: 'fail'; note: string }
  | { action: 'follow_up'; note: string };

/**
 * The other quarters a joint mediation names (HZ 5.1.4.2): one at least, each a neighbour of the
 * dispute's quarter (core/cases jointQuarterRefusal); none for another kind of mediation.
 */
async function jointQuartersFor(db: DB, actor: Actor, home: DisputeRow, input: Extract<DisputeStepInput, { action: 'schedule' }>) {
  const ids = [...new Set(input.jointQuarterIds ?? [])];
  if (input.kind !== 'joint') {
    if (ids.length) throw new AppError('DISPUTE_JOINT_QUARTERS_UNEXPECTED');
    return [];
  }
  if (!ids.length || ids.length > JOINT_QUARTERS_MAX) throw new AppError('DISPUTE_JOINT_QUARTERS_NEEDED', { max: JOINT_QUARTERS_MAX });
  const places = await quarterPlacesByIds(db, ids);
  const homeRef = { quarterId: home.quarter_id, streetId: home.street_id, districtId: home.district_id };
  return ids.map((qid) => {
    const p = places.get(qid);
    // An unknown id is refused as a quarter of another district: nothing tells one from the other.
    const reason = p ? jointQuarterRefusal(homeRef, p, actor.scope.level === 'district') : 'other_district';
    if (reason) {
      const label = jointRefusalLabels[reason];
      throw new AppError('DISPUTE_JOINT_QUARTER_REFUSED', { quarter: p && reason !== 'other_district' ? p.name : qid, reasonZh: label['zh-CN'], reasonEn: label.en, clause: JOINT_MEDIATION_CLAUSE }, { quarterId: qid, reason, clause: JOINT_MEDIATION_CLAUSE });
    }
    return p!;
  });
}

export async function stepDispute(db: DB, ctx: RequestContext, id: string, input: DisputeStepInput) {
  const { row } = await authorizeDispute(db, ctx.actor, id);
  const parties = partiesOf(ctx.actor);
  const decide = (status: DisputeStatus) => {
    const out = takeDisputeStep(status, input.action as DisputeAction, parties);
    if (out.ok) return out.to;
    if (out.code === 'DISPUTE_NOT_YOUR_STEP') throw new AppError('DISPUTE_NOT_YOUR_STEP', { byZh: partyLabels[out.by]['zh-CN'], byEn: partyLabels[out.by].en, clause: DISPUTE_CLAUSE }, { action: input.action, by: out.by, clause: DISPUTE_CLAUSE });
    const label = disputeStatusLabels[out.status];
    throw new AppError(
      'DISPUTE_STEP_OUT_OF_ORDER',
      { statusZh: label['zh-CN'], statusEn: label.en, fromZh: out.from.map((s) => disputeStatusLabels[s]['zh-CN']).join('”或“'), fromEn: out.from.map((s) => disputeStatusLabels[s].en).join('" or "'), clause: DISPUTE_CLAUSE },
      { action: input.action, status: out.status, from: out.from, clause: DISPUTE_CLAUSE },
    );
  };
  decide(row.status as DisputeStatus);
  if (input.action === 'schedule' && input.kind === 'public' && (!input.at || !input.place)) throw new AppError('DISPUTE_MEDIATION_INCOMPLETE');
  const joint = input.action === 'schedule' ? await jointQuartersFor(db, ctx.actor, row, input) : null;
  const at = new Date();
  let set: Record<string, unknown> = {};
  let note: string | null = null;
  switch (input.action) {
    case 'schedule':
      set = { mediation_kind: input.kind, mediation_at: input.at ? new Date(input.at) : null, mediation_place: input.place ?? null, mediator_name: input.mediatorName };
      note = [input.mediatorName, input.place, joint?.length ? `联合调解：${joint.map((q) => q.name).join('、')}` : null].filter(Boolean).join(' · ');
      break;
    case 'agree':
      set = { agreement: input.agreement };
      note = input.agreement;
      break;
    case 'fail':
      note = input.note;
      break;
    case 'follow_up':
      set = { follow_up: input.note };
      note = input.note;
      break;
  }
  return db.transaction().execute(async (tx) => {
    const locked = await tx.selectFrom('disputes').select('status').where('id', '=', row.id).forUpdate().executeTakeFirst();
    if (!locked) throw notFound();
    const to = decide(locked.status as DisputeStatus);
    await tx.updateTable('disputes').set({ ...set, status: to, updated_at: at }).where('id', '=', row.id).execute();
    await tx
      .insertInto('dispute_events')
      .values({ dispute_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, at, action: input.action, from_status: locked.status, to_status: to, actor_id: ctx.actor.id, actor_office: officeOf(ctx.actor, null), actor_name: ctx.actor.displayName, note })
      .execute();
    if (joint) {
      // Each schedule names the quarters of this mediation: a joint one replaces the set, another
      // kind clears it (the dispute's history keeps who took part before, in its steps).
      await tx.deleteFrom('dispute_quarters').where('dispute_id', '=', row.id).execute();
      if (joint.length) {
        await tx
          .insertInto('dispute_quarters')
          .values(joint.map((q) => ({ dispute_id: row.id, district_id: q.districtId, street_id: q.streetId!, community_id: q.communityId!, quarter_id: q.quarterId })))
          .execute();
        for (const q of joint) {
          const users = (await usersForQuarterRoles(tx, q.quarterId, ['community_office', 'commissioner', 'committee'])).map((u) => u.id);
          await notifyUsers(tx, users, row.district_id, { kind: 'dispute-joint', title: `联合调解：${row.subject}`, body: `本小区被列入联合调解（${JOINT_MEDIATION_CLAUSE}）`, link: `/disputes?id=${row.id}`, quarterId: q.quarterId, dedupeKey: `dispute:${row.id}:joint:${q.quarterId}:${at.getTime()}` });
        }
      }
    }
    await recordAudit(tx, ctx, { action: input.action, entity: 'dispute', entityId: row.id, place: placeOfRow(row), before: { status: locked.status }, after: { status: to, ...(joint?.length ? { jointQuarterIds: joint.map((q) => q.quarterId) } : {}) } });
    return { id: row.id, status: to };
  });
}

/** A district's list of candidates stops here; a street has a few dozen quarters. */
const JOINT_CANDIDATES_MAX = 500;

/**
 * The quarters a joint mediation of the dispute may name (HZ 5.1.4.2; the rule above): those of
 * its street, or of its district for the district office; for those who schedule mediations.
 */
export async function jointCandidates(db: DB, actor: Actor, id: string) {
  const { row } = await authorizeDispute(db, actor, id);
  assertCan(actor, 'disputes.register');
  const districtWide = actor.scope.level === 'district';
  const quarters = await quartersOfPlace(db, districtWide ? { districtId: row.district_id } : { streetId: row.street_id }, JOINT_CANDIDATES_MAX + 1);
  return {
    items: quarters.filter((q) => q.id !== row.quarter_id).slice(0, JOINT_CANDIDATES_MAX).map((q) => ({ id: q.id, name: q.name, sameStreet: q.streetId === row.street_id })),
    citation: JOINT_MEDIATION_CLAUSE,
  };
}

/** A mediation of the day before stays on the board. */
const MEDIATION_GRACE_MS = 24 * 3600_000;

/**
 * A quarter's public mediations to come (HZ 5.1.4.2: their time and place announced beforehand),
 * named by the kind of dispute only: never its parties, its subject as written (which names
 * them: 张某家狗夜间吠叫) or its mediator. What the public board shows.
 */
export async function upcomingPublicMediations(db: DB, quarterId: string, locale: Locale, limit: number, now: Date = new Date()) {
  const rows = await db
    .selectFrom('disputes')
    .select(['category', 'mediation_at', 'mediation_place'])
    .where('quarter_id', '=', quarterId)
    .where('status', '=', 'mediating')
    .where('mediation_kind', '=', 'public')
    .where('mediation_at', '>=', new Date(now.getTime() - MEDIATION_GRACE_MS))
    .orderBy('mediation_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ at: new Date(r.mediation_at!).toISOString(), place: r.mediation_place ?? '', category: r.category, categoryLabel: disputeCategoryLabels[r.category as DisputeCategory][locale] }));
}

/** The public mediations of a quarter, without an account: as on its board (404 for no quarter). */
export async function publicMediations(db: DB, quarterId: string, locale: Locale) {
  const place = await quarterPlaceById(db, quarterId);
  if (!place) throw notFound();
  return { items: await upcomingPublicMediations(db, quarterId, locale, 50), citation: 'DB3305/T 309—2024 5.1.4.2' };
}
