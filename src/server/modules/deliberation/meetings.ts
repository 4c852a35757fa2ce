// Joint meetings of the three parties (三方联席会议, T/ZAS 4006.1—2020 6.1.1.3, 6.1.6; 百委〔2023〕37号
// 3): scheduled (regular or ad hoc) with the parties invited and an agenda (from proposals),
// held with attendance by party and minutes, then resolutions, each of which becomes an action
// (督办事项, DB3305/T 309—2024 5.1.3.2.1.5) with its responsible party and due date.
import { type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { can, scopeFilter, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { countInOrder, placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { checkMeetingChange, type MeetingChange, type MeetingStatus } from '../../../core/deliberation';
import { quarterPlacesByIds } from '../registry';
import { calendarDuty, isCalendarDuty, AGENDA_CASE_CLAUSE, AGENDA_CLAUSE } from '../../../core/deliberation/agenda';
import { casesOfQuarter } from '../cases';
import { actionSummaries } from './actions';
import { authorizeDeliberationQuarter, authorizeMeeting } from './access';
import { shanghaiDate } from '../../../core/dates';
import type { JointMeetingsTable } from './tables';
import type { Selectable } from 'kysely';

type DB = Kysely<Database>;
type MeetingRow = Selectable<JointMeetingsTable>;
type Party = 'community' | 'committee' | 'company' | 'other';

const statusLabels: Record<MeetingStatus, { 'zh-CN': string; en: string }> = {
  scheduled: { 'zh-CN': '待召开', en: 'scheduled' },
  held: { 'zh-CN': '召开', en: 'held' },
  cancelled: { 'zh-CN': '取消', en: 'cancelled' },
};

function assertChange(row: MeetingRow, actor: Actor, change: MeetingChange, input?: { minutes?: string; attendees?: number }) {
  const check = checkMeetingChange(row.status as MeetingStatus, change, actor.role, input);
  if (!check.ok) {
    const label = statusLabels[row.status as MeetingStatus];
    throw new AppError(check.code as 'MEETING_WRONG_ROLE', { clause: check.clause, statusZh: label['zh-CN'], statusEn: label.en }, { clause: check.clause });
  }
}

function summary(row: MeetingRow, quarterName: string, resolutions: number) {
  return {
    id: row.id,
    quarterId: row.quarter_id,
    quarterName,
    kind: row.kind as 'regular' | 'ad_hoc' | 'dispute_analysis',
    title: row.title,
    startsAt: row.starts_at,
    location: row.location,
    status: row.status as MeetingStatus,
    resolutions,
  };
}

export async function listMeetings(db: DB, actor: Actor, query: { quarterId?: string; status?: MeetingStatus; page?: number; pageSize?: number }) {
  if (query.quarterId) await authorizeDeliberationQuarter(db, actor, query.quarterId, 'meetings.read');
  else if (!can(actor, 'meetings.read')) throw new AppError('FORBIDDEN');
  const { page = 1, pageSize = 50 } = query;
  const scope = scopeFilter(actor);
  let q = db.selectFrom('joint_meetings').where(scope.column, '=', scope.value);
  if (query.quarterId) q = q.where('quarter_id', '=', query.quarterId);
  if (query.status) q = q.where('status', '=', query.status);
  // Each listed meeting counts its own resolutions through their meeting's index (a subquery per
  // row of the page), rather than one count over the resolutions of the district's meetings,
  // which would read the whole table (test/api/scale-plans.test.ts).
  const [rows, count] = await Promise.all([
    q
      .selectAll('joint_meetings')
      .select((eb) => eb.selectFrom('joint_meeting_resolutions as r').select(eb.fn.countAll<string>().as('n')).whereRef('r.meeting_id', '=', 'joint_meetings.id').as('resolution_count'))
      .orderBy('starts_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    countInOrder(db, q, 'starts_at', 'desc'),
  ]);
  const names = await quarterPlacesByIds(db, rows.map((r) => r.quarter_id));
  return { items: rows.map((r) => summary(r, names.get(r.quarter_id)?.name ?? '', Number(r.resolution_count ?? 0))), total: Number(count.n), page, pageSize };
}

export async function getMeeting(db: DB, actor: Actor, id: string) {
  const row = await authorizeMeeting(db, actor, id, 'meetings.read');
  const [names, attendees, agenda, resolutions] = await Promise.all([
    quarterPlacesByIds(db, [row.quarter_id]),
    db.selectFrom('joint_meeting_attendees').selectAll().where('meeting_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('party').orderBy('name').execute(),
    db.selectFrom('joint_meeting_agenda').selectAll().where('meeting_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('position').execute(),
    db.selectFrom('joint_meeting_resolutions').selectAll().where('meeting_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('position').execute(),
  ]);
  const [actions, cases] = await Promise.all([
    actionSummaries(db, row.quarter_id, { meetingId: row.id }),
    casesOfQuarter(db, row.quarter_id, agenda.flatMap((a) => (a.case_id ? [a.case_id] : []))),
  ]);
  const byResolution = new Map(actions.map((a) => [a.resolutionId, a]));
  return {
    ...summary(row, names.get(row.quarter_id)?.name ?? '', resolutions.length),
    minutes: row.minutes,
    heldAt: row.held_at,
    attendees: attendees.map((a) => ({ id: a.id, party: a.party as Party, name: a.name, title: a.title, present: a.present })),
    agenda: agenda.map((a) => ({
      id: a.id,
      title: a.title,
      proposalId: a.proposal_id,
      case: a.case_id ? (cases.get(a.case_id) ?? null) : null,
      duty: a.duty && isCalendarDuty(a.duty) ? calendarDuty(a.duty) : null,
    })),
    resolutions: resolutions.map((r) => ({ id: r.id, text: r.text, proposalId: r.proposal_id, action: byResolution.get(r.id)! })),
    canManage: can(actor, 'meetings.manage') && checkMeetingChange('held', 'resolve', actor.role).ok,
  };
}

/** Proposals named on an agenda or a resolution must be the quarter's. */
async function assertProposalsOfQuarter(db: DB, quarterId: string, ids: string[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return;
  const found = await db.selectFrom('proposals').select('id').where('quarter_id', '=', quarterId).where('id', 'in', wanted).execute();
  if (found.length !== wanted.length) throw new AppError('INVALID_REFERENCE', { what: '议题', whatEn: 'The proposal' });
}

type AgendaInput = { title: string; proposalId?: string; caseId?: string; duty?: string };

/**
 * What the agenda takes up must be the quarter's: a proposal of its pipeline, a case raised in it
 * (T/ZAS 4006.1—2020 6.1.6.3), a duty of the compliance calendar; one of them an item at most.
 */
async function assertAgendaReferences(db: DB, quarterId: string, quarterName: string, agenda: AgendaInput[]) {
  for (const [i, a] of agenda.entries()) {
    if ([a.proposalId, a.caseId, a.duty].filter(Boolean).length > 1) throw new AppError('AGENDA_ONE_REFERENCE', { item: i + 1, clause: AGENDA_CLAUSE });
    if (a.duty && !isCalendarDuty(a.duty)) throw new AppError('AGENDA_DUTY_UNKNOWN', { item: i + 1, duty: a.duty, clause: AGENDA_CLAUSE });
  }
  await assertProposalsOfQuarter(db, quarterId, agenda.flatMap((a) => (a.proposalId ? [a.proposalId] : [])));
  const caseIds = agenda.flatMap((a) => (a.caseId ? [a.caseId] : []));
  const found = await casesOfQuarter(db, quarterId, caseIds);
  const stranger = agenda.findIndex((a) => a.caseId && !found.has(a.caseId));
  if (stranger >= 0) throw new AppError('AGENDA_CASE_OTHER_QUARTER', { item: stranger + 1, quarter: quarterName, clause: AGENDA_CASE_CLAUSE });
}

export async function createMeeting(
  db: DB,
  ctx: RequestContext,
  input: { quarterId: string; kind: 'regular' | 'ad_hoc' | 'dispute_analysis'; title: string; startsAt: string; location?: string; attendees: { party: Party; name: string; title?: string }[]; agenda?: AgendaInput[] },
) {
  const place = await authorizeDeliberationQuarter(db, ctx.actor, input.quarterId, 'meetings.manage');
  if (!checkMeetingChange('scheduled', 'edit', ctx.actor.role).ok) throw new AppError('FORBIDDEN');
  const startsAt = new Date(input.startsAt);
  if (Number.isNaN(startsAt.getTime()) || !/[T ]\d{2}:\d{2}/.test(input.startsAt)) throw new AppError('VALIDATION_FAILED', { summary: 'startsAt' });
  await assertAgendaReferences(db, input.quarterId, place.name, input.agenda ?? []);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('joint_meetings')
      .values({
        district_id: place.districtId,
        street_id: place.streetId!,
        community_id: place.communityId!,
        quarter_id: input.quarterId,
        kind: input.kind,
        title: input.title,
        starts_at: startsAt,
        location: input.location ?? '',
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const common = { meeting_id: row.id, district_id: place.districtId, quarter_id: input.quarterId };
    await tx.insertInto('joint_meeting_attendees').values(input.attendees.map((a) => ({ ...common, party: a.party, name: a.name, title: a.title ?? '' }))).execute();
    if (input.agenda?.length) {
      await tx
        .insertInto('joint_meeting_agenda')
        .values(input.agenda.map((a, i) => ({ ...common, position: i + 1, title: a.title, proposal_id: a.proposalId ?? null, case_id: a.caseId ?? null, duty: a.duty ?? null })))
        .execute();
    }
    await recordAudit(tx, ctx, { action: 'create', entity: 'joint_meeting', entityId: row.id, place, after: { title: input.title, kind: input.kind, startsAt: input.startsAt, attendees: input.attendees.length } });
    return { id: row.id };
  });
}

/** Holds the meeting: who of the invited came, and its minutes. */
export async function holdMeeting(db: DB, ctx: RequestContext, id: string, input: { minutes: string; present: string[] }) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeMeeting(tx, ctx.actor, id, 'meetings.manage', { forUpdate: true });
    const invited = await tx.selectFrom('joint_meeting_attendees').select('id').where('meeting_id', '=', row.id).where('quarter_id', '=', row.quarter_id).execute();
    const present = new Set(input.present.filter((p) => invited.some((i) => i.id === p)));
    assertChange(row, ctx.actor, 'hold', { minutes: input.minutes, attendees: present.size });
    for (const a of invited) await tx.updateTable('joint_meeting_attendees').set({ present: present.has(a.id) }).where('id', '=', a.id).execute();
    await tx.updateTable('joint_meetings').set({ status: 'held', minutes: input.minutes, held_at: new Date() }).where('id', '=', row.id).execute();
    await recordAudit(tx, ctx, { action: 'hold', entity: 'joint_meeting', entityId: row.id, place: placeOfRow(row), after: { present: present.size, invited: invited.length } });
    return { id: row.id, status: 'held' as const };
  });
}

export async function cancelMeeting(db: DB, ctx: RequestContext, id: string) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeMeeting(tx, ctx.actor, id, 'meetings.manage', { forUpdate: true });
    assertChange(row, ctx.actor, 'cancel');
    await tx.updateTable('joint_meetings').set({ status: 'cancelled' }).where('id', '=', row.id).execute();
    await recordAudit(tx, ctx, { action: 'cancel', entity: 'joint_meeting', entityId: row.id, place: placeOfRow(row) });
    return { id: row.id, status: 'cancelled' as const };
  });
}

/** A resolution of a held meeting and the action it becomes. */
export async function addResolution(
  db: DB,
  ctx: RequestContext,
  id: string,
  input: { text: string; proposalId?: string; actionTitle?: string; responsible: 'community' | 'committee' | 'company'; dueDate: string },
) {
  const row = await authorizeMeeting(db, ctx.actor, id, 'meetings.manage');
  assertChange(row, ctx.actor, 'resolve');
  if (input.proposalId) await assertProposalsOfQuarter(db, row.quarter_id, [input.proposalId]);
  return db.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('joint_meeting_resolutions').select((eb) => eb.fn.max('position').as('p')).where('meeting_id', '=', row.id).executeTakeFirst();
    const common = { meeting_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id };
    const resolution = await tx
      .insertInto('joint_meeting_resolutions')
      .values({ ...common, position: Number(last?.p ?? 0) + 1, text: input.text, proposal_id: input.proposalId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const action = await tx
      .insertInto('deliberation_actions')
      .values({ ...common, street_id: row.street_id, community_id: row.community_id, resolution_id: resolution.id, title: input.actionTitle ?? input.text.slice(0, 200), responsible: input.responsible, due_date: input.dueDate })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'joint_meeting_resolution', entityId: resolution.id, place: placeOfRow(row), after: { text: input.text, actionId: action.id, responsible: input.responsible, dueDate: input.dueDate } });
    return { id: resolution.id, actionId: action.id };
  });
}

/**
 * The days of the held dispute-analysis meetings of the quarters (in Asia/Shanghai), for the
 * monthly check of DB3305/T 309—2024 5.1.4.1.3 (the policy rule committee-dispute-meeting-monthly).
 */
export async function disputeMeetingDays(db: Kysely<Database> | Transaction<Database>, quarterIds: string[], asOf: string) {
  // Every quarter asked gets its list, empty too: no meeting held is a fact the rule judges.
  const out = new Map<string, { committee: { disputeMeetings: string[] } }>(quarterIds.map((id) => [id, { committee: { disputeMeetings: [] } }]));
  for (let i = 0; i < quarterIds.length; i += 500) {
    const rows = await db
      .selectFrom('joint_meetings')
      .select(['quarter_id', 'starts_at'])
      .where('quarter_id', 'in', quarterIds.slice(i, i + 500))
      .where('kind', '=', 'dispute_analysis')
      .where('status', '=', 'held')
      .execute();
    for (const r of rows) {
      const day = shanghaiDate(new Date(r.starts_at));
      if (day > asOf) continue;
      out.get(r.quarter_id)?.committee.disputeMeetings.push(day);
    }
  }
  return out;
}
