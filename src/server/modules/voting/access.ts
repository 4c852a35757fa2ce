// The voting module's permissions, and who may do what with a vote: every service function
// starts here. The vote's place is checked against the caller's scope first (404, exactly as for
// an unknown id), then the role's permission (403), then the rule of who runs the quarter's votes.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, can, defineGrants, OFFICES, type Actor, type PlacePath } from '../../platform/access';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import { hasCommitteeInOffice, quartersWithCommitteeInOffice } from '../organizations';
import { quarterFactsInScope, quarterPlace } from '../registry';
import { displayShanghai, now } from './clock';
import { statusParams } from './labels';
import type { VoteRow } from './record-items';

type Exec = Kysely<Database> | Transaction<Database>;

// Votes (业主大会表决): the owners' committee with the commissioner runs them, or the
// community office where there is no committee (西政办〔2020〕29号 二（五）15, checked per vote).
export const votingGrants = defineGrants({
  'votes.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory'],
  'votes.manage': ['community_office', 'commissioner', 'committee'],
  'ballots.enter': ['community_office', 'commissioner', 'committee'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof votingGrants, true> {}
}

/**
 * What a caller does with a vote, and the permission each needs. `manage` (change its state:
 * open, close, objections, publish) also needs the caller to run the quarter's votes
 * ({@link runsVotesOf}); `readResult` is open to anyone once the result is published.
 */
const permissionOf = { read: 'votes.read', manage: 'votes.manage', enterBallots: 'ballots.enter', readResult: 'votes.read' } as const;
export type VoteAction = keyof typeof permissionOf;

export async function loadVote(db: Exec, voteId: string, opts: { forUpdate?: boolean } = {}): Promise<VoteRow | null> {
  let q = db.selectFrom('votes').selectAll().where('id', '=', voteId);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

/**
 * The vote, if the caller may do `action` with it: in the caller's scope (404 otherwise, as for
 * an unknown id), then the permission (403), then for `manage` who runs the quarter's votes (403).
 * `forUpdate` locks the row for the rest of the transaction.
 *
 * `readResult` (the result and the record): anyone, without a login, once the vote is published;
 * before that, staff who may read votes in its scope, and only after the close (results are
 * hidden while the window is open).
 */
export async function authorizeVote(db: Exec, actor: Actor | null, voteId: string, action: 'readResult'): Promise<VoteRow>;
export async function authorizeVote(db: Exec, actor: Actor, voteId: string, action: Exclude<VoteAction, 'readResult'>, opts?: { forUpdate?: boolean }): Promise<VoteRow>;
export async function authorizeVote(db: Exec, actor: Actor | null, voteId: string, action: VoteAction, opts: { forUpdate?: boolean } = {}): Promise<VoteRow> {
  const vote = await loadVote(db, voteId, opts);
  if (action === 'readResult') {
    if (vote?.status === 'published') return vote;
    if (!actor) {
      if (!vote || vote.status === 'draft') throw notFound();
      throw new AppError('UNAUTHENTICATED');
    }
  }
  assertInScope(actor!, vote ? placeOfRow(vote) : null, { parentRead: true });
  assertCan(actor!, permissionOf[action]);
  if (action === 'manage') await assertRunsVotesOf(db, actor!, vote!.quarter_id);
  if (action === 'readResult' && vote!.status !== 'closed') throw new AppError('RESULT_HIDDEN');
  return vote!;
}

/**
 * The quarter's place, if the caller may create a vote there: in scope (404), the permission
 * (403), and who runs the quarter's votes (403).
 */
export async function authorizeNewVote(db: Exec, actor: Actor, quarterId: string): Promise<PlacePath & { name: string }> {
  const place = await quarterPlace(db, quarterId);
  assertInScope(actor, place, { parentRead: true });
  assertCan(actor, 'votes.manage');
  await assertRunsVotesOf(db, actor, quarterId);
  return place!;
}

/**
 * An open vote for an owner who verifies or votes online (no login needed): a draft or an
 * unknown id answers 404, a vote that is not open "not open".
 */
export async function authorizeVoter(db: Exec, voteId: string): Promise<VoteRow> {
  const vote = await loadVote(db, voteId);
  if (!vote || vote.status === 'draft') throw notFound();
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  return vote;
}

/**
 * Refuses, before any work is done, what only a vote that is taking ballots may do — verify an
 * owner, cast, enter a paper or proxy ballot, upload its scan: the vote must be open and inside
 * its window (issue 10 point 1: a vote opened ahead of its start must not look open). The
 * sealing loop checks the window again when it writes.
 */
export function assertTakingBallots(vote: VoteRow, at: Date = now()): void {
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  if (at.getTime() < new Date(vote.opens_at).getTime()) throw new AppError('VOTE_NOT_STARTED', { opensAt: displayShanghai(new Date(vote.opens_at)) });
  if (at.getTime() > new Date(vote.closes_at).getTime()) throw new AppError('VOTE_WINDOW_CLOSED', { closesAt: displayShanghai(new Date(vote.closes_at)) });
}

/**
 * Who runs a quarter's votes: its owners' committee with the quarter commissioner; the
 * community office only while no committee is in office (西政办〔2020〕29号 二（五）15: where the
 * committee has not been formed, the community guides the owners in holding the assembly).
 */
export async function runsVotesOf(db: Exec, actor: Actor, quarterId: string): Promise<boolean> {
  if (!can(actor, 'votes.manage')) return false;
  if (actor.role !== 'community_office') return true;
  return !(await hasCommitteeInOffice(db, quarterId));
}

async function assertRunsVotesOf(db: Exec, actor: Actor, quarterId: string) {
  if (!(await runsVotesOf(db, actor, quarterId))) throw new AppError('VOTE_COMMITTEE_CONVENES');
}

/**
 * Whether the caller may create and run votes in the quarter (see {@link runsVotesOf}); false
 * outside their scope, so that it tells nothing about other quarters.
 */
export async function mayRunVotes(db: Exec, actor: Actor, quarterId: string): Promise<boolean> {
  if (!can(actor, 'votes.manage')) return false;
  const place = await quarterPlace(db, quarterId);
  try {
    assertInScope(actor, place, { parentRead: true });
  } catch {
    return false;
  }
  return runsVotesOf(db, actor, quarterId);
}

/**
 * The quarters of the caller's scope where they may create and run votes (see
 * {@link runsVotesOf}), so that the app offers 新建表决 only where the vote can be finished.
 */
export async function quartersRunBy(db: Kysely<Database>, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (!can(actor, 'votes.manage')) return [];
  const quarters = await quarterFactsInScope(db, actor);
  // The rule of runsVotesOf, for every quarter of the scope at once.
  const withCommittee = actor.role === 'community_office' ? await quartersWithCommitteeInOffice(db, quarters.map((q) => q.quarterId)) : new Set<string>();
  return quarters.filter((q) => !withCommittee.has(q.quarterId)).map((q) => ({ id: q.quarterId, name: q.name }));
}
