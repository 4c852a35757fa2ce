// The steps of the pipeline (DB3305/T 309—2024 5.1.3.2.1.3): the core says whether a step may be
// taken, by whom and with what record; here each step is written with its record and its date.
// The assembly's resolution (决议) is a vote of the voting module, opened for the proposal or
// linked to it; the proposal is resolved when that vote's result is published and passed.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { buildingStepClauses, checkAdvance, checkBuildingAdvance, checkReject, stepClauses, type ProposalStage, type StepRecord } from '../../../core/deliberation';
import { createVote, voteOutcomes, type VoteOutcome } from '../voting';
import { authorizeProposal } from './access';
import { refusalParams, stageLabels, statusLabel } from './labels';
import type { ProposalRow } from './tables';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

function stageAnswer(row: Pick<ProposalRow, 'id' | 'vote_id'>, stage: ProposalStage) {
  return { id: row.id, stage, voteId: row.vote_id };
}

function closedParams(row: ProposalRow) {
  return row.merged_into ? { stageZh: '合并', stageEn: 'merged' } : {};
}

/** The check of the step for the proposal's level: the quarter's pipeline, or a building's. */
export function checkStep(row: ProposalRow, to: ProposalStage, role: string, record: StepRecord) {
  if (row.merged_into) return { ok: false, code: 'PROPOSAL_CLOSED', status: 409, clause: stepClauses.proposed } as const;
  return row.building_id ? checkBuildingAdvance(row.stage as ProposalStage, to, role, record) : checkAdvance(row.stage as ProposalStage, to as never, role, record);
}

const resolvedClause = (row: ProposalRow) => (row.building_id ? buildingStepClauses.resolved : stepClauses.resolved);

/**
 * Is the vote one that can resolve this proposal, linked to no other? The quarter's own assembly
 * vote (civil-code-278) for the quarter's pipeline; the building's household representatives'
 * vote (building-majority, 5.1.3.2.2.5) for a building's topic.
 */
async function assertVoteFits(db: Exec, row: ProposalRow, vote: VoteOutcome | undefined) {
  const clause = resolvedClause(row);
  const fits = row.building_id ? vote?.rule === 'building-majority' && vote.buildingId === row.building_id : vote?.rule === 'civil-code-278';
  if (!vote || vote.quarterId !== row.quarter_id || !fits) throw new AppError('PROPOSAL_VOTE_INVALID', { clause });
  const other = await db.selectFrom('proposals').select('id').where('vote_id', '=', vote.id).where('id', '<>', row.id).executeTakeFirst();
  if (other) throw new AppError('PROPOSAL_VOTE_INVALID', { clause });
}

/** Writes a step: the new stage and the step's record with its role and date. */
async function writeStep(tx: Transaction<Database>, row: ProposalRow, step: ProposalStage, by: { id: string | null; name: string; role: string }, record: StepRecord & { reason?: string; atStep?: string }) {
  const patch: Partial<Record<keyof ProposalRow, unknown>> = { stage: step, updated_at: new Date() };
  if (step === 'proposed') patch.proposed_by = 'committee';
  if (step === 'resolved' && record.voteId) patch.vote_id = record.voteId;
  if (step === 'rejected') Object.assign(patch, { rejected_at_step: record.atStep, rejected_reason: record.reason });
  await tx.updateTable('proposals').set(patch as never).where('id', '=', row.id).execute();
  await tx
    .insertInto('proposal_steps')
    .values({
      proposal_id: row.id,
      district_id: row.district_id,
      quarter_id: row.quarter_id,
      step,
      actor_id: by.id,
      actor_name: by.name,
      actor_role: by.role,
      opinion: step === 'rejected' ? `${stageLabels[record.atStep as ProposalStage]?.['zh-CN'] ?? record.atStep}不通过：${record.reason}` : (record.opinion ?? null),
      meeting_id: record.meetingId ?? null,
      vote_id: record.voteId ?? null,
      notice: record.notice ?? null,
    })
    .execute();
}

/**
 * Takes the next step. A finished proposal, a repeated or skipped step answer 409, a role that
 * does not take the step 403, a missing record 422, each with the clause. 商议 names a joint
 * meeting of the quarter that was held; 决议 names the assembly's vote, published and passed
 * (a vote that failed rejects the proposal at that step).
 */
export async function advanceProposal(db: DB, ctx: RequestContext, id: string, input: { to: Exclude<ProposalStage, 'rejected'> } & StepRecord) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeProposal(tx, ctx.actor, id, 'proposals.advance', { forUpdate: true });
    const stage = row.stage as ProposalStage;
    const record: StepRecord = { opinion: input.opinion, meetingId: input.meetingId, voteId: input.voteId ?? row.vote_id, notice: input.notice };
    const check = checkStep(row, input.to, ctx.actor.role, record);
    if (!check.ok) throw new AppError(check.code, { ...refusalParams(stage, check), ...closedParams(row) }, { clause: check.clause, stage, ...('next' in check ? { next: check.next } : {}) });
    const by = { id: ctx.actor.id, name: ctx.actor.displayName, role: ctx.actor.role };
    if (check.step === 'discussed') {
      const meeting = await tx.selectFrom('joint_meetings').select(['id', 'status']).where('id', '=', record.meetingId!).where('quarter_id', '=', row.quarter_id).executeTakeFirst();
      if (!meeting || meeting.status !== 'held') throw new AppError('PROPOSAL_MEETING_INVALID', { clause: stepClauses.discussed });
    }
    let step: ProposalStage = check.step;
    if (check.step === 'resolved') {
      const vote = (await voteOutcomes(tx, [record.voteId!])).get(record.voteId!);
      await assertVoteFits(tx, row, vote);
      if (vote!.status !== 'published') {
        const label = statusLabel(vote!.status);
        throw new AppError('PROPOSAL_VOTE_PENDING', { statusZh: label['zh-CN'], statusEn: label.en, clause: resolvedClause(row) });
      }
      if (!vote!.passed) {
        await writeStep(tx, row, 'rejected', by, { voteId: vote!.id, atStep: 'resolved', reason: `${row.building_id ? '户代表表决' : '业主大会表决'}“${vote!.title}”未通过` });
        step = 'rejected';
      }
    }
    // The vote is the record of 决议 only; the other steps keep theirs.
    if (step !== 'rejected') await writeStep(tx, row, step, by, { ...record, voteId: step === 'resolved' ? record.voteId : null });
    await recordAudit(tx, ctx, { action: 'advance', entity: 'proposal', entityId: row.id, place: placeOfRow(row), before: { stage }, after: { stage: step, ...record } });
    return stageAnswer({ id: row.id, vote_id: record.voteId ?? null }, step);
  });
}

/** Rejects the proposal at the step that is due, by the role of that step, with its reason. */
export async function rejectProposal(db: DB, ctx: RequestContext, id: string, reason: string) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeProposal(tx, ctx.actor, id, 'proposals.advance', { forUpdate: true });
    // A building's topic is decided by its vote or taken to the quarter, not turned down by a role.
    const stage = row.merged_into || row.building_id ? 'rejected' : (row.stage as ProposalStage);
    const check = checkReject(stage, ctx.actor.role, reason);
    if (!check.ok) throw new AppError(check.code, { ...refusalParams(row.stage as ProposalStage, check), ...closedParams(row) }, { clause: check.clause, stage });
    await writeStep(tx, row, 'rejected', { id: ctx.actor.id, name: ctx.actor.displayName, role: ctx.actor.role }, { atStep: check.atStep, reason });
    await recordAudit(tx, ctx, { action: 'reject', entity: 'proposal', entityId: row.id, place: placeOfRow(row), before: { stage }, after: { stage: 'rejected', atStep: check.atStep, reason } });
    return stageAnswer(row, 'rejected');
  });
}

/**
 * The owners' assembly vote of a reviewed proposal: a new draft vote of the voting module (its
 * one item the proposal, under the item of 民法典 第278条 第1款 given), or an existing vote of the
 * quarter. Only those who take the 决议 step, and who run the quarter's votes, may open it.
 */
export async function proposalVote(db: DB, ctx: RequestContext, id: string, input: { voteId: string } | { opensAt: string; closesAt: string; article278Item: number }) {
  const row = await authorizeProposal(db, ctx.actor, id, 'proposals.advance');
  const stage = row.stage as ProposalStage;
  const check = checkStep(row, 'resolved', ctx.actor.role, { voteId: 'pending' });
  if (!check.ok) throw new AppError(check.code, { ...refusalParams(stage, check), ...closedParams(row) }, { clause: check.clause, stage });
  if (row.vote_id) throw new AppError('PROPOSAL_VOTE_LINKED');
  let voteId: string;
  if ('voteId' in input) {
    await assertVoteFits(db, row, (await voteOutcomes(db, [input.voteId])).get(input.voteId));
    voteId = input.voteId;
  } else {
    voteId = (
      await createVote(
        db,
        ctx,
        row.building_id
          ? // The household representatives of the building (5.1.3.2.2.5): no article of 第278条.
            { quarterId: row.quarter_id, buildingId: row.building_id, title: row.title, rule: 'building-majority', opensAt: input.opensAt, closesAt: input.closesAt, items: [{ title: row.title }] }
          : { quarterId: row.quarter_id, title: row.title, rule: 'civil-code-278', opensAt: input.opensAt, closesAt: input.closesAt, items: [{ title: row.title, article278Item: input.article278Item }] },
      )
    ).id;
  }
  return db.transaction().execute(async (tx) => {
    const locked = await tx.selectFrom('proposals').select(['vote_id', 'stage']).where('id', '=', row.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.vote_id || locked.stage !== stage) throw new AppError('PROPOSAL_VOTE_LINKED');
    await tx.updateTable('proposals').set({ vote_id: voteId, updated_at: new Date() }).where('id', '=', row.id).execute();
    await recordAudit(tx, ctx, { action: 'link-vote', entity: 'proposal', entityId: row.id, place: placeOfRow(row), after: { voteId } });
    return stageAnswer({ id: row.id, vote_id: voteId }, stage);
  });
}

/**
 * Proposals waiting for their assembly vote take the 决议 step once its result is published:
 * resolved when every item passed, rejected at 决议 otherwise. Run when proposals are read and
 * by the periodic job; true when a proposal changed.
 */
export async function syncVoteOutcomes(db: DB, rows: readonly Pick<ProposalRow, 'id' | 'stage' | 'vote_id' | 'merged_into' | 'building_id'>[]): Promise<boolean> {
  // The quarter's proposals wait for their vote once reviewed, a building's topics as topics.
  const waitsAt = (r: Pick<ProposalRow, 'building_id'>) => (r.building_id ? 'topic' : 'reviewed');
  const waiting = rows.filter((r) => r.stage === waitsAt(r) && r.vote_id && !r.merged_into);
  if (!waiting.length) return false;
  const outcomes = await voteOutcomes(db, waiting.map((r) => r.vote_id!));
  const done = waiting.filter((r) => outcomes.get(r.vote_id!)?.status === 'published');
  if (!done.length) return false;
  await db.transaction().execute(async (tx) => {
    for (const r of done) {
      const row = await tx.selectFrom('proposals').selectAll().where('id', '=', r.id).forUpdate().executeTakeFirstOrThrow();
      if (row.stage !== waitsAt(row) || row.vote_id !== r.vote_id) continue;
      const vote = outcomes.get(r.vote_id!)!;
      const by = row.building_id ? { id: null, name: '户代表表决', role: 'household_representatives' } : { id: null, name: '业主大会', role: 'owners_assembly' };
      if (vote.passed) await writeStep(tx, row, 'resolved', by, { voteId: vote.id, opinion: `${by.name}“${vote.title}”通过` });
      else await writeStep(tx, row, 'rejected', by, { voteId: vote.id, atStep: 'resolved', reason: `${by.name}“${vote.title}”未通过` });
      await recordAudit(tx, { actor: null, ip: null }, { action: 'advance', entity: 'proposal', entityId: row.id, place: placeOfRow(row), before: { stage: row.stage }, after: { stage: vote.passed ? 'resolved' : 'rejected', voteId: vote.id } });
    }
  });
  return true;
}

/** The periodic job: proposals whose vote was published resolve without anyone opening them. */
export async function resolveByPublishedVotes(db: DB): Promise<void> {
  const rows = await db.selectFrom('proposals').select(['id', 'stage', 'vote_id', 'merged_into', 'building_id']).where('stage', 'in', ['reviewed', 'topic']).where('vote_id', 'is not', null).execute();
  await syncVoteOutcomes(db, rows);
}
