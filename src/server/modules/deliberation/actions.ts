// Actions (督办事项): what a joint meeting's resolution is to make happen, by whom and by when
// (DB3305/T 309—2024 5.1.3.2.1.5 由业主委员会确定实施组织按要求进行落实…业主监督管理委员会应跟踪督查):
// progress reports with their evidence, the closure, the residents' rating after it (满意 /
// 基本满意 / 不满意), and the overdue ones in the inbox of the responsible party and the
// commissioner and on the dashboard.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { can, scopeFilter, type Actor, type Role } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { countInOrder, placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { actionStatusAfter, checkActionChange, FOLLOW_UP_CLAUSE, isOverdue, partyRoles, type ActionChange, type ActionStatus, type Rating, type ResponsibleParty } from '../../../core/deliberation';
import { notifyUsers, usersForQuarterRoles } from '../notifications';
import { voteOutcomes } from '../voting';
import { quarterPlacesByIds } from '../registry';
import { authorizeAction, authorizeDeliberationQuarter } from './access';
import { EVIDENCE_MAX_COUNT, evidenceByUpdate } from './evidence';
import { responsibleLabels } from './labels';
import { shanghaiDate } from '../../../core/dates';
import type { DeliberationActionsTable } from './tables';
import type { Selectable } from 'kysely';
import type { DashboardAggregate } from '../../platform/module';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;
type ActionRow = Selectable<DeliberationActionsTable>;

async function ratingCounts(db: Exec, ids: string[]) {
  const out = new Map<string, { satisfied: number; basic: number; dissatisfied: number }>();
  if (!ids.length) return out;
  const rows = await db.selectFrom('deliberation_action_ratings').select(['action_id', 'rating', (eb) => eb.fn.countAll<string>().as('n')]).where('action_id', 'in', ids).groupBy(['action_id', 'rating']).execute();
  for (const r of rows) {
    const c = out.get(r.action_id) ?? { satisfied: 0, basic: 0, dissatisfied: 0 };
    c[r.rating as Rating] = Number(r.n);
    out.set(r.action_id, c);
  }
  return out;
}

async function summaries(db: Exec, rows: ActionRow[], now: Date) {
  const counts = await ratingCounts(db, rows.map((r) => r.id));
  const today = shanghaiDate(now);
  return rows.map((r) => ({
    id: r.id,
    resolutionId: r.resolution_id,
    quarterId: r.quarter_id,
    meetingId: r.meeting_id,
    voteId: r.vote_id,
    proposalId: r.proposal_id,
    title: r.title,
    responsible: r.responsible as ResponsibleParty,
    dueDate: r.due_date,
    status: r.status as ActionStatus,
    overdue: isOverdue({ status: r.status as ActionStatus, dueDate: r.due_date }, today),
    closedAt: r.closed_at,
    ratings: counts.get(r.id) ?? { satisfied: 0, basic: 0, dissatisfied: 0 },
  }));
}

/** The actions of one quarter (of one meeting), for a page the caller is already allowed to read. */
export async function actionSummaries(db: Exec, quarterId: string, filter: { meetingId?: string } = {}) {
  let q = db.selectFrom('deliberation_actions').selectAll().where('quarter_id', '=', quarterId);
  if (filter.meetingId) q = q.where('meeting_id', '=', filter.meetingId);
  return summaries(db, await q.orderBy('due_date').execute(), new Date());
}

/** A page of the actions of the caller's scope, earliest due first, with the total (docs/scaling.md). */
export async function listActions(db: DB, actor: Actor, query: { quarterId?: string; overdue?: 'true' | 'false'; page?: number; pageSize?: number }) {
  if (query.quarterId) await authorizeDeliberationQuarter(db, actor, query.quarterId, 'actions.read');
  else if (!can(actor, 'actions.read')) throw new AppError('FORBIDDEN');
  const { page = 1, pageSize = 50 } = query;
  const scope = scopeFilter(actor);
  let q = db.selectFrom('deliberation_actions').where(scope.column, '=', scope.value);
  if (query.quarterId) q = q.where('quarter_id', '=', query.quarterId);
  if (query.overdue === 'true') q = q.where('status', '<>', 'closed').where('due_date', '<', shanghaiDate(new Date()));
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('due_date').orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    countInOrder(db, q, 'due_date', 'asc'),
  ]);
  return { items: await summaries(db, rows, new Date()), total: Number(count.n), page, pageSize };
}

/** The title of the livelihood vote that chose the action (6.2.5.2), read once; '' for none. */
async function voteTitleOf(db: Exec, row: ActionRow): Promise<string> {
  return row.vote_id ? ((await voteOutcomes(db, [row.vote_id])).get(row.vote_id)?.title ?? '') : '';
}

/** May the caller change the action so (the core's rule), without saying why not. */
function may(actor: Actor, row: ActionRow, change: ActionChange): boolean {
  return checkActionChange(row.status as ActionStatus, change, actor.role, row.responsible as ResponsibleParty, { note: 'x' }).ok;
}

export async function getAction(db: DB, actor: Actor, id: string) {
  const row = await authorizeAction(db, actor, id, 'actions.read');
  // A candidate chosen by the livelihood vote has no resolution and no meeting: what the owners
  // chose stands in the resolution's place, the vote's title in the meeting's.
  const voteTitle = row.resolution_id && row.meeting_id ? Promise.resolve('') : voteTitleOf(db, row);
  const [[s], resolution, meeting, updates, comments, mine, files] = await Promise.all([
    summaries(db, [row], new Date()),
    row.resolution_id
      ? db.selectFrom('joint_meeting_resolutions').select('text').where('id', '=', row.resolution_id).where('quarter_id', '=', row.quarter_id).executeTakeFirstOrThrow()
      : voteTitle.then((title) => ({ text: `业主大会表决“${title}”选定民生实事：${row.title}（T/ZAS 4006.1—2020 6.2.5.2）` })),
    row.meeting_id ? db.selectFrom('joint_meetings').select('title').where('id', '=', row.meeting_id).where('quarter_id', '=', row.quarter_id).executeTakeFirstOrThrow() : voteTitle.then((title) => ({ title })),
    db.selectFrom('deliberation_action_updates').selectAll().where('action_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('created_at').execute(),
    db.selectFrom('deliberation_action_ratings').select(['rating', 'comment', 'created_at']).where('action_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('created_at', 'desc').limit(100).execute(),
    actor.ownerId ? db.selectFrom('deliberation_action_ratings').select('rating').where('action_id', '=', row.id).where('owner_id', '=', actor.ownerId).executeTakeFirst() : undefined,
    evidenceByUpdate(db, row.id, row.quarter_id),
  ]);
  return {
    ...s,
    resolution: resolution.text,
    meetingTitle: meeting.title,
    updates: updates.map((u) => ({
      id: u.id,
      kind: u.kind as 'progress' | 'close',
      note: u.note,
      evidence: u.evidence,
      actorName: u.actor_name,
      createdAt: u.created_at,
      files: files.get(u.id) ?? [],
      mayAttach: u.actor_id === actor.id && (files.get(u.id)?.length ?? 0) < EVIDENCE_MAX_COUNT,
    })),
    comments: comments.map((c) => ({ rating: c.rating as Rating, comment: c.comment, createdAt: c.created_at })),
    myRating: (mine?.rating as Rating | undefined) ?? null,
    mayUpdate: can(actor, 'actions.update') && may(actor, row, 'progress'),
    mayRate: can(actor, 'actions.rate') && may(actor, row, 'rate') && !mine,
  };
}

function refuse(row: ActionRow, actor: Actor, change: ActionChange, note?: string) {
  const check = checkActionChange(row.status as ActionStatus, change, actor.role, row.responsible as ResponsibleParty, { note });
  if (check.ok) return;
  const label = responsibleLabels[row.responsible];
  throw new AppError(check.code as 'ACTION_WRONG_ROLE', { clause: check.clause, responsibleZh: label['zh-CN'], responsibleEn: label.en }, { clause: check.clause });
}

/** A progress report, or the closure, by the responsible party or the commissioner. */
export async function updateAction(db: DB, ctx: RequestContext, id: string, change: 'progress' | 'close', input: { note: string; evidence?: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeAction(tx, ctx.actor, id, 'actions.update', { forUpdate: true });
    refuse(row, ctx.actor, change, input.note);
    const status = actionStatusAfter(row.status as ActionStatus, change);
    await tx.updateTable('deliberation_actions').set({ status, closed_at: status === 'closed' ? new Date() : null }).where('id', '=', row.id).execute();
    const update = await tx
      .insertInto('deliberation_action_updates')
      .values({ action_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, kind: change, note: input.note, evidence: input.evidence ?? null, actor_id: ctx.actor.id, actor_name: ctx.actor.displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: change, entity: 'deliberation_action', entityId: row.id, place: placeOfRow(row), before: { status: row.status }, after: { status, note: input.note } });
    return { id: row.id, status, updateId: update.id };
  });
}

/** An owner of the quarter rates a closed action, once (5.1.3.2.2.7 民主评议). */
export async function rateAction(db: DB, ctx: RequestContext, id: string, input: { rating: Rating; comment?: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeAction(tx, ctx.actor, id, 'actions.rate');
    refuse(row, ctx.actor, 'rate');
    if (!ctx.actor.ownerId) throw new AppError('COSIGNER_NOT_ON_ROLL', { clause: FOLLOW_UP_CLAUSE });
    const inserted = await tx
      .insertInto('deliberation_action_ratings')
      .values({ action_id: row.id, owner_id: ctx.actor.ownerId, district_id: row.district_id, quarter_id: row.quarter_id, user_id: ctx.actor.id, rating: input.rating, comment: input.comment ?? '' })
      .onConflict((oc) => oc.columns(['action_id', 'owner_id']).doNothing())
      .returning('action_id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('ACTION_ALREADY_RATED');
    await recordAudit(tx, ctx, { action: 'rate', entity: 'deliberation_action', entityId: row.id, place: placeOfRow(row), after: { rating: input.rating } });
    return { id: row.id, status: row.status as ActionStatus };
  });
}

/**
 * Overdue actions into the inbox of the responsible party's accounts and of the quarter's
 * commissioner, once per action and due day (a changed due day reminds again).
 */
export async function remindOverdueActions(db: DB, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const rows = await db.selectFrom('deliberation_actions').selectAll().where('status', '<>', 'closed').where('due_date', '<', today).execute();
  if (!rows.length) return 0;
  const names = await quarterPlacesByIds(db, rows.map((r) => r.quarter_id));
  let created = 0;
  for (const a of rows) {
    const roles = [...new Set([...partyRoles[a.responsible as ResponsibleParty], 'commissioner'])] as Role[];
    const users = await usersForQuarterRoles(db, a.quarter_id, roles);
    const place = names.get(a.quarter_id);
    const ids = users.map((u) => u.id);
    created += await notifyUsers(db, ids, a.district_id, {
      kind: 'deliberation-action-overdue',
      title: `${place?.name ?? ''}督办事项逾期：“${a.title}”应于 ${a.due_date} 完成（${FOLLOW_UP_CLAUSE}）`,
      body: `Overdue action: "${a.title}" was due on ${a.due_date}.`,
      link: `/actions/${a.id}`,
      dueAt: `${a.due_date}T23:59:59+08:00`,
      dedupeKey: `deliberation-action-overdue:${a.id}:${a.due_date}`,
      quarterId: a.quarter_id,
    });
  }
  return created;
}

/** How many overdue actions the dashboard lists; the count says how many there are in all. */
const OVERDUE_LISTED = 10;

/**
 * The dashboard's card of a place the caller may see: open, overdue and closed actions, and the
 * overdue ones, the oldest due date first, with their quarter and who is responsible (overdue
 * actions "appear on the community dashboard", T/ZAS 4006.1—2020 6.1.6; DB3305/T 309—2024
 * 5.1.3.2.1.5). Two queries on the place's column (migration 0025 indexes each) and one for the
 * quarters' names.
 */
export const actionsDashboard: DashboardAggregate = {
  key: 'deliberation.actions',
  figures: async (db, actor, place, locale) => {
    if (!can(actor, 'actions.read')) return null;
    const today = shanghaiDate(new Date());
    const inPlace = db.selectFrom('deliberation_actions').where(place.column, '=', place.id);
    const [row, overdue] = await Promise.all([
      inPlace
        .select([
          sql<string>`count(*) filter (where status <> 'closed')`.as('open'),
          sql<string>`count(*) filter (where status <> 'closed' and due_date < ${today})`.as('overdue'),
          sql<string>`count(*) filter (where status = 'closed')`.as('closed'),
        ])
        .executeTakeFirstOrThrow(),
      inPlace
        .select(['id', 'quarter_id', 'title', 'responsible', 'due_date', 'status'])
        .where('status', '<>', 'closed')
        .where('due_date', '<', today)
        .orderBy('due_date')
        .orderBy('id')
        .limit(OVERDUE_LISTED)
        .execute(),
    ]);
    const quarters = await quarterPlacesByIds(db, overdue.map((a) => a.quarter_id));
    return {
      open: Number(row.open),
      overdue: Number(row.overdue),
      closed: Number(row.closed),
      overdueActions: overdue.map((a) => ({
        id: a.id,
        quarterId: a.quarter_id,
        quarterName: quarters.get(a.quarter_id)?.name ?? '',
        title: a.title,
        responsible: a.responsible,
        responsibleLabel: responsibleLabels[a.responsible]?.[locale] ?? a.responsible,
        dueDate: a.due_date,
        status: a.status,
      })),
    };
  },
};
