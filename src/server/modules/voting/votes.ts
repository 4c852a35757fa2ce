// Reading votes (民法典 第278条): the votes of the caller's scope, one vote with its items, what
// anyone may read of an opened vote (the quarter's public board, the owner's voting page), and
// the owner's own votes.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { can, scopeFilter, type Actor } from '../../platform/access';
import { AppError, notFound } from '../../platform/errors';
import type { Rule, TallyResult } from '../../../core/voting/record';
import { authorizeVote, loadVote, runsVotesOf } from './access';
import { iso, now } from './clock';
import { loadItems, type VoteRow } from './record';

type DB = Kysely<Database>;

export const voteStatuses = ['draft', 'open', 'closed', 'published'] as const;
export type VoteStatus = (typeof voteStatuses)[number];

export type VotePhase = 'draft' | 'upcoming' | 'open' | 'ended' | 'closed' | 'published';

/**
 * What the vote is doing now by the module's clock (issue 10 point 1): an open vote is not
 * taking ballots before its window (`upcoming`) nor after it (`ended`, until it is counted).
 * Pages show this rather than the status, so that nothing looks open before it is.
 */
export function phaseOf(v: Pick<VoteRow, 'status' | 'opens_at' | 'closes_at'>, at: Date = now()): VotePhase {
  if (v.status !== 'open') return v.status as VoteStatus;
  if (at.getTime() < new Date(v.opens_at).getTime()) return 'upcoming';
  if (at.getTime() > new Date(v.closes_at).getTime()) return 'ended';
  return 'open';
}

export interface VoteSummary {
  id: string;
  quarterId: string;
  quarterName: string;
  buildingId: string | null;
  title: string;
  rule: Rule;
  status: VoteStatus;
  phase: VotePhase;
  opensAt: string;
  closesAt: string;
  objectionDays: number;
  objectionEndsAt: string | null;
  rollMembers: number | null;
  ballotCount: number;
  createdAt: string;
}

function summary(v: VoteRow): VoteSummary {
  return {
    id: v.id,
    quarterId: v.quarter_id,
    quarterName: v.quarter_name,
    buildingId: v.building_id,
    title: v.title,
    rule: v.rule as Rule,
    status: v.status as VoteStatus,
    phase: phaseOf(v),
    opensAt: iso(v.opens_at)!,
    closesAt: iso(v.closes_at)!,
    objectionDays: v.objection_days,
    objectionEndsAt: iso(v.objection_ends_at),
    rollMembers: v.roll_members,
    // Each void is one entry of the chain and takes one ballot out (migration 0011).
    ballotCount: v.last_seq - 2 * v.voids,
    createdAt: iso(v.created_at)!,
  };
}

/**
 * The votes in the caller's scope. Staff who may read votes see every vote of their scope; an
 * owner sees the votes of their own quarter once they have opened (drafts are the committee's).
 */
export interface VoteListFilter {
  quarterId?: string;
  status?: VoteStatus;
  phase?: VotePhase;
  page?: number;
  pageSize?: number;
  sort?: 'createdAt' | 'opensAt' | 'closesAt' | 'title';
  order?: 'asc' | 'desc';
}

const SORT_COLUMNS = { createdAt: 'created_at', opensAt: 'opens_at', closesAt: 'closes_at', title: 'title' } as const;

/** A page of the votes in the caller's scope (an owner: the opened votes of their quarter), with the total. */
export async function listVotes(db: DB, actor: Actor, filter: VoteListFilter = {}): Promise<{ items: VoteSummary[]; total: number }> {
  let q = db.selectFrom('votes');
  if (can(actor, 'votes.read')) {
    const scope = scopeFilter(actor);
    q = q.where(scope.column, '=', scope.value);
  } else if (actor.role === 'owner' && actor.path.quarterId) {
    q = q.where('quarter_id', '=', actor.path.quarterId).where('status', '<>', 'draft');
  } else {
    throw new AppError('FORBIDDEN');
  }
  if (filter.quarterId) q = q.where('quarter_id', '=', filter.quarterId);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.phase) {
    // The phase of an open vote is its window seen from now (phaseOf); the others are the status.
    const at = now();
    if (filter.phase === 'upcoming') q = q.where('status', '=', 'open').where('opens_at', '>', at);
    else if (filter.phase === 'open') q = q.where('status', '=', 'open').where('opens_at', '<=', at).where('closes_at', '>=', at);
    else if (filter.phase === 'ended') q = q.where('status', '=', 'open').where('closes_at', '<', at);
    else q = q.where('status', '=', filter.phase);
  }
  const pageSize = filter.pageSize ?? 50;
  const order = filter.order ?? 'desc';
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy(SORT_COLUMNS[filter.sort ?? 'createdAt'], order)
      .orderBy('id', order)
      .limit(pageSize)
      .offset(((filter.page ?? 1) - 1) * pageSize)
      .execute(),
    q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(summary), total: Number(count.n) };
}

/**
 * The head staff may see. Version 1 publishes its cast-order chain, so its head is shown as it
 * moves. Version 2 keeps that chain internal: its head moves with every ballot and, read before
 * and after one, with the member and time staff can infer, would let them try the few possible
 * choices against it. So a version 2 vote shows no head until the close, and then the head of
 * the published record (docs/vote-record-format.md, "Version 2").
 */
function staffHead(vote: VoteRow): string | null {
  if (vote.status === 'draft') return null;
  if (vote.record_format !== 2) return vote.head;
  return vote.status === 'open' ? null : ((vote.result as { head?: string } | null)?.head ?? null);
}

export async function getVote(db: DB, actor: Actor, voteId: string) {
  const vote = await authorizeVote(db, actor, voteId, 'read');
  const items = await loadItems(db, vote.id);
  return {
    ...summary(vote),
    items,
    rollFingerprint: vote.roll_fingerprint,
    rollArea: vote.roll_area,
    genesis: vote.genesis,
    head: staffHead(vote),
    openedAt: iso(vote.opened_at),
    closedAt: iso(vote.closed_at),
    publishedAt: iso(vote.published_at),
    canManage: await runsVotesOf(db, actor, vote.quarter_id),
    canEnterBallots: can(actor, 'ballots.enter'),
    canVoidEntries: can(actor, 'ballots.enter') && vote.record_format === 2,
  };
}

/**
 * What anyone may read of a vote that has opened (the quarter's public board, the owner's
 * voting page): its definition, window and roll fingerprint; the result once it is published.
 * A draft answers 404, as an unknown id.
 */
export async function publicVote(db: DB, voteId: string) {
  const vote = await loadVote(db, voteId);
  if (!vote || vote.status === 'draft') throw notFound();
  const items = await loadItems(db, vote.id);
  return {
    id: vote.id,
    quarterId: vote.quarter_id,
    quarterName: vote.quarter_name,
    title: vote.title,
    rule: vote.rule as Rule,
    status: vote.status as VoteStatus,
    phase: phaseOf(vote),
    opensAt: iso(vote.opens_at)!,
    closesAt: iso(vote.closes_at)!,
    objectionEndsAt: iso(vote.objection_ends_at),
    publishedAt: iso(vote.published_at),
    items: items.map((i) => ({ id: i.id, title: i.title, matter: i.matter, article278Item: i.article278Item })),
    rollFingerprint: vote.roll_fingerprint,
    rollMembers: vote.roll_members,
    rollArea: vote.roll_area,
    result: vote.status === 'published' ? (vote.result as TallyResult) : null,
  };
}

/** The votes of a quarter that have opened, for its public board (no login). */
export async function publicVotesOfQuarter(db: DB, quarterId: string) {
  const rows = await db.selectFrom('votes').selectAll().where('quarter_id', '=', quarterId).where('status', '<>', 'draft').orderBy('opens_at', 'desc').limit(200).execute();
  return rows.map((v) => ({
    id: v.id,
    quarterId: v.quarter_id,
    quarterName: v.quarter_name,
    title: v.title,
    status: v.status as VoteStatus,
    phase: phaseOf(v),
    opensAt: iso(v.opens_at)!,
    closesAt: iso(v.closes_at)!,
    publishedAt: iso(v.published_at),
  }));
}

/** The votes of the owner's quarter with whether the owner's member has voted (the /me page). */
export async function myVotes(db: DB, actor: Actor) {
  const quarterId = actor.path.quarterId;
  if (actor.role !== 'owner' || !quarterId) throw new AppError('FORBIDDEN');
  const rows = await db.selectFrom('votes').selectAll().where('quarter_id', '=', quarterId).where('status', '<>', 'draft').orderBy('opens_at', 'desc').limit(100).execute();
  const voted = new Set<string>();
  if (actor.ownerId && rows.length) {
    const cast = await db
      .selectFrom('vote_roll_links as l')
      .innerJoin('ballots as b', (j) => j.onRef('b.vote_id', '=', 'l.vote_id').onRef('b.member', '=', 'l.member'))
      .select('l.vote_id')
      .where('l.owner_id', '=', actor.ownerId)
      .where('l.vote_id', 'in', rows.map((r) => r.id))
      .execute();
    for (const c of cast) voted.add(c.vote_id);
  }
  return rows.map((v) => ({ ...summary(v), voted: voted.has(v.id) }));
}
