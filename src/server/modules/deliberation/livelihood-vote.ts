// Choosing among the year's livelihood-project candidates by vote (T/ZAS 4006.1—2020 6.2.5.2 每年
// 协商确定一批民生实事…征集…通过协商或表决确定). The voting module takes a vote of items that pass or
// fail each on its own (民法典 第278条: the share of the members and of the area that took part);
// it has no ranking or "pick n of m" rule. So the vote is one owners' assembly vote with one item
// per candidate, and every candidate whose own item passes is chosen: as many as the owners
// approve, none when none passes. Once the result is published, each chosen candidate becomes an
// action (督办事项) with the responsible party and the due date given when the vote was opened.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { createVote, voteItemOutcomes, voteOutcomes } from '../voting';
import { authorizeDeliberationQuarter } from './access';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

export const LIVELIHOOD_CLAUSE = 'T/ZAS 4006.1—2020 6.2.5.2';
/** "Choosing among": two candidates at least; a ballot of more than twenty is not read. */
export const LIVELIHOOD_VOTE_MIN = 2;
export const LIVELIHOOD_VOTE_MAX = 20;
/** Stages at which a topic is no longer a candidate to choose: decided, or turned down. */
const SETTLED = ['resolved', 'published', 'filed', 'rejected'];

export interface LivelihoodVoteInput {
  year: number;
  candidateIds: string[];
  opensAt: string;
  closesAt: string;
  article278Item: number;
  responsible: 'community' | 'committee' | 'company';
  dueDate: string;
}

/** The candidates that are already chosen (by consultation or an earlier vote) or in a vote not yet resolved. */
async function takenCandidates(db: Exec, quarterId: string, ids: string[]) {
  const [byMeeting, inVotes] = await Promise.all([
    db.selectFrom('joint_meeting_resolutions').select('proposal_id').where('quarter_id', '=', quarterId).where('proposal_id', 'in', ids).execute(),
    db
      .selectFrom('livelihood_vote_candidates as c')
      .innerJoin('livelihood_votes as v', 'v.vote_id', 'c.vote_id')
      .select(['c.proposal_id', 'c.chosen', 'v.resolved_at'])
      .where('c.quarter_id', '=', quarterId)
      .where('c.proposal_id', 'in', ids)
      .execute(),
  ]);
  const chosen = new Set([...byMeeting.map((r) => r.proposal_id!), ...inVotes.filter((r) => r.chosen).map((r) => r.proposal_id)]);
  const pending = new Set(inVotes.filter((r) => !r.resolved_at).map((r) => r.proposal_id));
  return { chosen, pending };
}

/**
 * Opens the vote among the year's candidates: a draft vote of the voting module, one item per
 * candidate under the item of 民法典 第278条 第1款 given. Those who take the 决议 step and run the
 * quarter's votes open it (the voting module checks the latter).
 */
export async function openLivelihoodVote(db: DB, ctx: RequestContext, quarterId: string, input: LivelihoodVoteInput) {
  const place = await authorizeDeliberationQuarter(db, ctx.actor, quarterId, 'proposals.advance');
  const ids = [...new Set(input.candidateIds)];
  if (ids.length < LIVELIHOOD_VOTE_MIN || ids.length > LIVELIHOOD_VOTE_MAX) {
    throw new AppError('LIVELIHOOD_VOTE_SIZE', { min: LIVELIHOOD_VOTE_MIN, max: LIVELIHOOD_VOTE_MAX, clause: LIVELIHOOD_CLAUSE });
  }
  const rows = await db
    .selectFrom('proposals')
    .select(['id', 'title', 'stage', 'created_at'])
    .where('quarter_id', '=', quarterId)
    .where('livelihood_year', '=', input.year)
    .where('merged_into', 'is', null)
    .where('building_id', 'is', null)
    .where('id', 'in', ids)
    .execute();
  const stranger = ids.find((id) => !rows.some((r) => r.id === id));
  if (stranger) throw new AppError('LIVELIHOOD_NOT_CANDIDATE', { year: input.year, clause: LIVELIHOOD_CLAUSE });
  const taken = await takenCandidates(db, quarterId, ids);
  const settled = rows.find((r) => SETTLED.includes(r.stage) || taken.chosen.has(r.id));
  if (settled) throw new AppError('LIVELIHOOD_ALREADY_SETTLED', { title: settled.title, clause: LIVELIHOOD_CLAUSE });
  const pending = rows.find((r) => taken.pending.has(r.id));
  if (pending) throw new AppError('LIVELIHOOD_IN_VOTE', { title: pending.title, clause: LIVELIHOOD_CLAUSE });
  // The ballot lists the candidates in the order they were gathered.
  const ordered = [...rows].sort((a, b) => +new Date(a.created_at) - +new Date(b.created_at));
  const vote = await createVote(db, ctx, {
    quarterId,
    title: `${input.year}年度民生实事表决`,
    rule: 'civil-code-278',
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    items: ordered.map((r) => ({ title: r.title, article278Item: input.article278Item })),
  });
  return db.transaction().execute(async (tx) => {
    // The candidates' rows are the lock: two votes opened at once do not both take a candidate
    // (the draft vote of the one refused stays, as a proposal's does, for its runners to delete).
    await tx.selectFrom('proposals').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
    const now = await takenCandidates(tx, quarterId, ids);
    const late = rows.find((r) => now.pending.has(r.id) || now.chosen.has(r.id));
    if (late) throw new AppError('LIVELIHOOD_IN_VOTE', { title: late.title, clause: LIVELIHOOD_CLAUSE });
    await tx
      .insertInto('livelihood_votes')
      .values({ vote_id: vote.id, district_id: place.districtId, street_id: place.streetId!, community_id: place.communityId!, quarter_id: quarterId, year: input.year, responsible: input.responsible, due_date: input.dueDate, created_by: ctx.actor.id })
      .execute();
    await tx
      .insertInto('livelihood_vote_candidates')
      .values(ordered.map((r, i) => ({ vote_id: vote.id, proposal_id: r.id, district_id: place.districtId, quarter_id: quarterId, position: i + 1 })))
      .execute();
    await recordAudit(tx, ctx, { action: 'open-livelihood-vote', entity: 'livelihood_vote', entityId: vote.id, place, after: { year: input.year, candidates: ordered.map((r) => r.id), responsible: input.responsible, dueDate: input.dueDate } });
    return { voteId: vote.id };
  });
}

/**
 * The livelihood votes whose result is published make their chosen candidates actions, once.
 * Run when the year's list is read and by the periodic job; true when anything changed.
 */
export async function resolveLivelihoodVotes(db: DB, quarterId?: string): Promise<boolean> {
  let q = db.selectFrom('livelihood_votes').select('vote_id').where('resolved_at', 'is', null);
  if (quarterId) q = q.where('quarter_id', '=', quarterId);
  const waiting = await q.execute();
  if (!waiting.length) return false;
  const outcomes = await voteOutcomes(db, waiting.map((w) => w.vote_id));
  const published = waiting.filter((w) => outcomes.get(w.vote_id)?.status === 'published');
  for (const w of published) {
    const items = await voteItemOutcomes(db, w.vote_id);
    await db.transaction().execute(async (tx) => {
      const vote = await tx.selectFrom('livelihood_votes').selectAll().where('vote_id', '=', w.vote_id).forUpdate().executeTakeFirstOrThrow();
      if (vote.resolved_at) return;
      const candidates = await tx
        .selectFrom('livelihood_vote_candidates as c')
        .innerJoin('proposals as p', 'p.id', 'c.proposal_id')
        .select(['c.proposal_id', 'c.position', 'p.title'])
        .where('c.vote_id', '=', vote.vote_id)
        .where('c.quarter_id', '=', vote.quarter_id)
        .orderBy('c.position')
        .execute();
      const chosen: string[] = [];
      for (const c of candidates) {
        const passed = items.find((i) => i.position === c.position)?.passed === true;
        await tx.updateTable('livelihood_vote_candidates').set({ chosen: passed }).where('vote_id', '=', vote.vote_id).where('proposal_id', '=', c.proposal_id).execute();
        if (!passed) continue;
        chosen.push(c.proposal_id);
        await tx
          .insertInto('deliberation_actions')
          .values({
            district_id: vote.district_id,
            street_id: vote.street_id,
            community_id: vote.community_id,
            quarter_id: vote.quarter_id,
            resolution_id: null,
            meeting_id: null,
            vote_id: vote.vote_id,
            proposal_id: c.proposal_id,
            title: c.title,
            responsible: vote.responsible,
            due_date: vote.due_date,
          })
          .onConflict((oc) => oc.columns(['vote_id', 'proposal_id']).where('vote_id', 'is not', null).doNothing())
          .execute();
      }
      await tx.updateTable('livelihood_votes').set({ resolved_at: new Date() }).where('vote_id', '=', vote.vote_id).execute();
      await recordAudit(tx, { actor: null, ip: null }, { action: 'resolve-livelihood-vote', entity: 'livelihood_vote', entityId: vote.vote_id, place: placeOfRow(vote), after: { chosen, candidates: candidates.length } });
    });
  }
  return published.length > 0;
}

/** The year's livelihood votes of the quarter and each candidate's place in them, for the year's list. */
export async function livelihoodVotesOf(db: Exec, quarterId: string, year: number) {
  const votes = await db.selectFrom('livelihood_votes').selectAll().where('quarter_id', '=', quarterId).where('year', '=', year).orderBy('created_at').execute();
  if (!votes.length) return { votes: [], byCandidate: new Map<string, { voteId: string; chosen: boolean | null }>() };
  const [candidates, outcomes] = await Promise.all([
    db.selectFrom('livelihood_vote_candidates').select(['vote_id', 'proposal_id', 'chosen']).where('quarter_id', '=', quarterId).where('vote_id', 'in', votes.map((v) => v.vote_id)).execute(),
    voteOutcomes(db, votes.map((v) => v.vote_id)),
  ]);
  const byCandidate = new Map(candidates.map((c) => [c.proposal_id, { voteId: c.vote_id, chosen: c.chosen }]));
  return {
    votes: votes.map((v) => ({
      voteId: v.vote_id,
      title: outcomes.get(v.vote_id)?.title ?? '',
      status: outcomes.get(v.vote_id)?.status ?? 'draft',
      candidates: candidates.filter((c) => c.vote_id === v.vote_id).length,
      chosen: candidates.filter((c) => c.vote_id === v.vote_id && c.chosen).length,
      resolved: v.resolved_at !== null,
    })),
    byCandidate,
  };
}
