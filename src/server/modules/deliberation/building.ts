// Building-level deliberation (楼道议事, DB3305/T 309—2024 5.1.3.2.2) beyond what it shares with the
// quarter's pipeline (steps.ts takes its 决议 and 公示): the topic the building cannot settle goes
// to the quarter's pipeline with its history (5.1.3.2.2.5), and the building's households rate the
// posted result (5.1.3.2.2.7).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { checkBuildingRating, checkEscalate, ESCALATE_CLAUSE, RATING_CLAUSE, type ProposalStage, type Rating } from '../../../core/deliberation';
import { buildingsByIds, votingRollSource } from '../registry';
import { authorizeProposal } from './access';
import { stageLabels } from './labels';

type DB = Kysely<Database>;

/**
 * Takes a building's topic to the quarter: a new topic of the quarter, raised through the
 * building leader's or grid worker's visit, whose text carries the building's history; the
 * building's topic closes with where it went.
 */
export async function escalateProposal(db: DB, ctx: RequestContext, id: string, reason: string) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeProposal(tx, ctx.actor, id, 'proposals.escalate', { forUpdate: true });
    const stage = row.stage as ProposalStage;
    const check = !row.building_id || row.escalated_to ? ({ ok: false, code: 'PROPOSAL_NOT_ESCALATABLE', status: 409, clause: ESCALATE_CLAUSE } as const) : checkEscalate(stage, ctx.actor.role, reason);
    if (!check.ok) throw new AppError(check.code as 'PROPOSAL_NOT_ESCALATABLE', { clause: check.clause }, { clause: check.clause, stage });
    const building = (await buildingsByIds(tx, [row.building_id!])).get(row.building_id!);
    const steps = await tx.selectFrom('proposal_steps').select(['step', 'actor_name', 'opinion', 'taken_at']).where('proposal_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('taken_at').execute();
    const history = [
      `【${building?.name ?? ''}楼道议题】${row.body}`,
      `${row.raised_by_name}于 ${new Date(row.created_at).toISOString().slice(0, 10)} 提出`,
      ...steps.map((s) => `${stageLabels[s.step as ProposalStage]?.['zh-CN'] ?? s.step}：${s.actor_name} ${s.opinion ?? ''}`.trim()),
      `提交小区议事会：${reason}（${ESCALATE_CLAUSE}）`,
    ].join('\n');
    const quarterTopic = await tx
      .insertInto('proposals')
      .values({
        district_id: row.district_id,
        street_id: row.street_id,
        community_id: row.community_id,
        quarter_id: row.quarter_id,
        title: row.title,
        body: history.slice(0, 4000),
        channel: 'visit',
        raised_by: ctx.actor.id,
        raised_by_name: ctx.actor.displayName,
        raised_by_role: ctx.actor.role,
        escalated_from: row.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const closed = stage === 'rejected' ? {} : { stage: 'rejected', rejected_at_step: 'resolved', rejected_reason: `楼道无法解决，已提交小区议事会：${reason}` };
    await tx.updateTable('proposals').set({ ...closed, escalated_to: quarterTopic.id, updated_at: new Date() }).where('id', '=', row.id).execute();
    await tx
      .insertInto('proposal_steps')
      .values({ proposal_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, step: 'escalated', actor_id: ctx.actor.id, actor_name: ctx.actor.displayName, actor_role: ctx.actor.role, opinion: reason })
      .execute();
    await recordAudit(tx, ctx, { action: 'escalate', entity: 'proposal', entityId: row.id, place: placeOfRow(row), after: { to: quarterTopic.id, reason } });
    return { id: quarterTopic.id, stage: 'topic' as const, voteId: null };
  });
}

/** A household of the building rates its posted result, once per owner. */
export async function rateProposal(db: DB, ctx: RequestContext, id: string, input: { rating: Rating; comment?: string }) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeProposal(tx, ctx.actor, id, 'proposals.rate');
    const check = row.building_id ? checkBuildingRating(row.stage as ProposalStage, ctx.actor.role) : ({ ok: false, code: 'PROPOSAL_NOT_POSTED', status: 409, clause: RATING_CLAUSE } as const);
    if (!check.ok) throw new AppError(check.code as 'PROPOSAL_NOT_POSTED', { clause: check.clause }, { clause: check.clause });
    const ownerId = ctx.actor.ownerId;
    const units = await votingRollSource(tx, row.quarter_id, row.building_id);
    if (!ownerId || !units.some((u) => u.owners.some((o) => o.ownerId === ownerId))) throw new AppError('PROPOSAL_RATING_ROLE', { clause: RATING_CLAUSE });
    const inserted = await tx
      .insertInto('proposal_ratings')
      .values({ proposal_id: row.id, owner_id: ownerId, district_id: row.district_id, quarter_id: row.quarter_id, user_id: ctx.actor.id, rating: input.rating, comment: input.comment ?? '' })
      .onConflict((oc) => oc.columns(['proposal_id', 'owner_id']).doNothing())
      .returning('owner_id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('PROPOSAL_ALREADY_RATED');
    await recordAudit(tx, ctx, { action: 'rate', entity: 'proposal', entityId: row.id, place: placeOfRow(row), after: { rating: input.rating } });
    return { id: row.id, stage: row.stage as ProposalStage, voteId: row.vote_id };
  });
}
