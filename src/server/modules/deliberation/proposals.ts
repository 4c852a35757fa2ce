// Topics (议题) and proposals (提议) of a quarter: raised from every channel (DB3305/T 309—2024
// 5.1.3.2.1.1), co-signed by owners until 20% of the members and of the area support them
// (5.1.3.2.1.3; 业主大会和业主委员会指导规则 第21条), merged when similar, listed and read with
// their steps. The steps themselves are in steps.ts.
import { type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { can, scopeFilter, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { countInOrder, placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { checkBuildingRating, checkEscalate, checkReject, COSIGN_CLAUSE, cosignThresholdMet, nextBuildingStep, stepsFor, buildingStepRoles, type Rating, type ProposalStage, type Support } from '../../../core/deliberation';
import { buildingOfQuarter, buildingsByIds, quarterPlacesByIds, votingRollSource } from '../registry';
import { quarterRoll, voteOutcomes } from '../voting';
import { authorizeDeliberationQuarter, authorizeProposal } from './access';
import { stageLabels } from './labels';
import { syncVoteOutcomes } from './steps';
import type { ProposalRow } from './tables';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;
type Channel = 'visit' | 'resident' | 'mailbox' | 'owners_group' | 'reception' | 'online';

function summary(row: ProposalRow, quarterName: string, cosigners: number, buildingName: string | null = null) {
  return {
    id: row.id,
    quarterId: row.quarter_id,
    quarterName,
    buildingId: row.building_id,
    buildingName,
    title: row.title,
    stage: row.stage as ProposalStage,
    channel: row.channel as Channel,
    raisedByName: row.raised_by_name,
    raisedByRole: row.raised_by_role,
    proposedBy: row.proposed_by as 'committee' | 'cosign' | null,
    voteId: row.vote_id,
    mergedInto: row.merged_into,
    escalatedFrom: row.escalated_from,
    escalatedTo: row.escalated_to,
    livelihoodYear: row.livelihood_year,
    rejectedAtStep: row.rejected_at_step,
    rejectedReason: row.rejected_reason,
    cosigners,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function cosignerCounts(db: Exec, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('proposal_cosigns').select(['proposal_id', (eb) => eb.fn.countAll<string>().as('n')]).where('proposal_id', 'in', ids).groupBy('proposal_id').execute();
  return new Map(rows.map((r) => [r.proposal_id, Number(r.n)]));
}

/**
 * A page of the proposals of the caller's scope (the community office: every proposal of its
 * quarters and where it stands), newest first, with the total; merged topics are listed under
 * the topic they joined. The page is read in order from the scope's index and stopped there
 * (docs/scaling.md).
 */
export async function listProposals(db: DB, actor: Actor, query: { quarterId?: string; stage?: ProposalStage; voteId?: string; page?: number; pageSize?: number }) {
  if (query.quarterId) await authorizeDeliberationQuarter(db, actor, query.quarterId, 'proposals.read');
  else if (!can(actor, 'proposals.read')) throw new AppError('FORBIDDEN');
  const { page = 1, pageSize = 50 } = query;
  const scope = scopeFilter(actor);
  let q = db.selectFrom('proposals').where(scope.column, '=', scope.value).where('merged_into', 'is', null);
  if (query.quarterId) q = q.where('quarter_id', '=', query.quarterId);
  if (query.voteId) q = q.where('vote_id', '=', query.voteId);
  if (query.stage) {
    // A page of one stage would leave out the very proposals whose vote was just published (their
    // stage is still the one before): those of the scope waiting for their vote take their step
    // first. Few: a quarter puts a handful of topics to the assembly at a time.
    let waiting = db.selectFrom('proposals').select(['id', 'stage', 'vote_id', 'merged_into', 'building_id']).where(scope.column, '=', scope.value).where('stage', 'in', ['reviewed', 'topic']).where('vote_id', 'is not', null);
    if (query.quarterId) waiting = waiting.where('quarter_id', '=', query.quarterId);
    await syncVoteOutcomes(db, await waiting.execute());
    q = q.where('stage', '=', query.stage);
  }
  const read = () =>
    Promise.all([
      q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
      countInOrder(db, q, 'created_at', 'desc'),
    ]);
  // The page's proposals whose vote was published take their step first, and the page is read again.
  let [rows, count] = await read();
  if (await syncVoteOutcomes(db, rows)) [rows, count] = await read();
  const [names, counts, buildings] = await Promise.all([
    quarterPlacesByIds(db, rows.map((r) => r.quarter_id)),
    cosignerCounts(db, rows.map((r) => r.id)),
    buildingsByIds(db, rows.flatMap((r) => (r.building_id ? [r.building_id] : []))),
  ]);
  const items = rows.map((r) => summary(r, names.get(r.quarter_id)?.name ?? '', counts.get(r.id) ?? 0, r.building_id ? (buildings.get(r.building_id)?.name ?? null) : null));
  return { items, total: Number(count.n), page, pageSize };
}

/** The support of the co-signers, counted against the quarter's roll as a vote would count it. */
export async function supportOf(db: Exec, quarterId: string, proposalId: string): Promise<Support> {
  const [roll, cosigns] = await Promise.all([quarterRoll(db, quarterId), db.selectFrom('proposal_cosigns').select('owner_id').where('proposal_id', '=', proposalId).execute()]);
  const signed = new Set(cosigns.map((c) => c.owner_id));
  // A member (one buyer of units, roll.ts) supports the topic when any of its owners co-signed.
  const supporting = roll.members.filter((m) => m.ownerIds.some((o) => signed.has(o)));
  return { members: supporting.length, area: supporting.reduce((s, m) => s + m.area, 0), membersTotal: roll.membersTotal, areaTotal: roll.areaTotal };
}

export async function getProposal(db: DB, actor: Actor, id: string) {
  let row = await authorizeProposal(db, actor, id, 'proposals.read');
  if (await syncVoteOutcomes(db, [row])) row = await authorizeProposal(db, actor, id, 'proposals.read');
  const [names, counts, steps, support, mine, merged] = await Promise.all([
    quarterPlacesByIds(db, [row.quarter_id]),
    cosignerCounts(db, [row.id]),
    db.selectFrom('proposal_steps').selectAll().where('proposal_id', '=', row.id).where('quarter_id', '=', row.quarter_id).orderBy('taken_at').orderBy('id').execute(),
    supportOf(db, row.quarter_id, row.id),
    actor.ownerId ? db.selectFrom('proposal_cosigns').select('owner_id').where('proposal_id', '=', row.id).where('owner_id', '=', actor.ownerId).executeTakeFirst() : undefined,
    db.selectFrom('proposals').select(['id', 'title', 'channel', 'raised_by_name']).where('merged_into', '=', row.id).where('quarter_id', '=', row.quarter_id).execute(),
  ]);
  const vote = row.vote_id ? (await voteOutcomes(db, [row.vote_id])).get(row.vote_id) : undefined;
  const stage = row.stage as ProposalStage;
  const open = !row.merged_into;
  const building = row.building_id ? ((await buildingsByIds(db, [row.building_id])).get(row.building_id)?.name ?? null) : null;
  const ratings = row.building_id ? await buildingRatings(db, row, actor) : { counts: { satisfied: 0, basic: 0, dissatisfied: 0 }, mine: null, mayRate: false };
  const next = row.building_id ? nextBuildingStep(stage) : null;
  return {
    ...summary(row, names.get(row.quarter_id)?.name ?? '', counts.get(row.id) ?? 0, building),
    body: row.body,
    steps: steps.map((s) => ({ step: s.step, actorName: s.actor_name, actorRole: s.actor_role, opinion: s.opinion, meetingId: s.meeting_id, voteId: s.vote_id, notice: s.notice, takenAt: s.taken_at })),
    support,
    cosignedByMe: !!mine,
    mayTake: !open || !can(actor, 'proposals.advance') ? [] : row.building_id ? (next && buildingStepRoles[next].includes(actor.role) ? [next] : []) : stepsFor(stage, actor.role),
    mayReject: open && !row.building_id && can(actor, 'proposals.advance') && checkReject(stage, actor.role, 'x').ok,
    mayEscalate: !!row.building_id && !row.escalated_to && can(actor, 'proposals.escalate') && checkEscalate(stage, actor.role, 'x').ok,
    ratings: ratings.counts,
    myRating: ratings.mine,
    mayRate: ratings.mayRate,
    merged: merged.map((m) => ({ id: m.id, title: m.title, channel: m.channel as Channel, raisedByName: m.raised_by_name })),
    vote: vote ? { id: vote.id, title: vote.title, status: vote.status, passed: vote.passed } : null,
  };
}

/** A building's result as its households rated it, and whether the caller may still rate it. */
async function buildingRatings(db: DB, row: ProposalRow, actor: Actor) {
  const rows = await db.selectFrom('proposal_ratings').select(['rating', 'owner_id']).where('proposal_id', '=', row.id).where('quarter_id', '=', row.quarter_id).execute();
  const counts = { satisfied: 0, basic: 0, dissatisfied: 0 };
  for (const r of rows) counts[r.rating as Rating]++;
  const mine = (rows.find((r) => r.owner_id === actor.ownerId)?.rating as Rating | undefined) ?? null;
  let mayRate = false;
  if (!mine && actor.ownerId && can(actor, 'proposals.rate') && checkBuildingRating(row.stage as ProposalStage, actor.role).ok) {
    const units = await votingRollSource(db, row.quarter_id, row.building_id);
    mayRate = units.some((u) => u.owners.some((o) => o.ownerId === actor.ownerId));
  }
  return { counts, mine, mayRate };
}

/**
 * A topic, from the channel it came through and with who raised it: an owner's own is `online`
 * and theirs; staff record the channel and, for someone else, that person's name.
 */
export async function createProposal(db: DB, ctx: RequestContext, input: { quarterId: string; buildingId?: string; livelihoodYear?: number; title: string; body?: string; channel?: Channel; raisedByName?: string }) {
  const place = await authorizeDeliberationQuarter(db, ctx.actor, input.quarterId, 'proposals.raise');
  // A building leader's own topic is of their building (5.1.3.2.2.1 由该幢楼道长入户收集或发起).
  const buildingId = input.buildingId ?? null;
  if (buildingId && (!(await buildingOfQuarter(db, input.quarterId, buildingId)) || (ctx.actor.scope.level === 'building' && ctx.actor.scope.id !== buildingId))) {
    throw new AppError('PROPOSAL_BUILDING_INVALID');
  }
  const isOwner = ctx.actor.role === 'owner';
  const channel: Channel = isOwner ? 'online' : (input.channel ?? (ctx.actor.role === 'building_leader' || ctx.actor.role === 'grid_worker' ? 'visit' : 'resident'));
  const raisedByName = isOwner ? ctx.actor.displayName : (input.raisedByName ?? ctx.actor.displayName);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('proposals')
      .values({
        district_id: place.districtId,
        street_id: place.streetId!,
        community_id: place.communityId!,
        quarter_id: input.quarterId,
        building_id: buildingId,
        livelihood_year: buildingId ? null : (input.livelihoodYear ?? null),
        title: input.title,
        body: input.body ?? '',
        channel,
        raised_by: ctx.actor.id,
        raised_by_name: raisedByName,
        raised_by_role: ctx.actor.role,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'proposal', entityId: row.id, place: { ...place, buildingId }, after: { title: input.title, channel, raisedByName, buildingId } });
    return { id: row.id };
  });
}

/** Makes a topic a proposal once its co-signers reach the threshold (inside the caller's transaction). */
async function proposeIfSupported(tx: Transaction<Database>, row: ProposalRow, support: Support): Promise<ProposalStage> {
  if (row.stage !== 'topic' || !cosignThresholdMet(support)) return row.stage as ProposalStage;
  await tx.updateTable('proposals').set({ stage: 'proposed', proposed_by: 'cosign', updated_at: new Date() }).where('id', '=', row.id).execute();
  await tx
    .insertInto('proposal_steps')
    .values({
      proposal_id: row.id,
      district_id: row.district_id,
      quarter_id: row.quarter_id,
      step: 'proposed',
      actor_id: null,
      actor_name: '业主联署',
      actor_role: 'owner',
      opinion: `联署业主 ${support.members}/${support.membersTotal} 人，专有部分面积 ${(support.area / 100).toFixed(2)}/${(support.areaTotal / 100).toFixed(2)} ㎡，均达到 20%（${COSIGN_CLAUSE}）`,
    })
    .execute();
  return 'proposed';
}

/** An owner on the quarter's roll co-signs a topic, once (5.1.3.2.1.3 20%以上业主提议). */
export async function cosignProposal(db: DB, ctx: RequestContext, id: string) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeProposal(tx, ctx.actor, id, 'proposals.cosign', { forUpdate: true });
    // A building's topic is decided by its households' vote, not co-signed into a proposal.
    if (row.stage !== 'topic' || row.merged_into || row.building_id) throw notTopic(row);
    const ownerId = ctx.actor.ownerId;
    const roll = await quarterRoll(tx, row.quarter_id);
    if (!ownerId || !roll.members.some((m) => m.ownerIds.includes(ownerId))) throw new AppError('COSIGNER_NOT_ON_ROLL', { clause: COSIGN_CLAUSE });
    const inserted = await tx
      .insertInto('proposal_cosigns')
      .values({ proposal_id: row.id, owner_id: ownerId, district_id: row.district_id, quarter_id: row.quarter_id, user_id: ctx.actor.id })
      .onConflict((oc) => oc.columns(['proposal_id', 'owner_id']).doNothing())
      .returning('owner_id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('PROPOSAL_ALREADY_COSIGNED');
    const support = await supportOf(tx, row.quarter_id, row.id);
    const stage = await proposeIfSupported(tx, row, support);
    await recordAudit(tx, ctx, { action: 'cosign', entity: 'proposal', entityId: row.id, place: placeOfRow(row), after: { ...support, stage } });
    return { ...support, stage, thresholdMet: cosignThresholdMet(support) };
  });
}

function notTopic(row: ProposalRow) {
  if (row.merged_into) return new AppError('PROPOSAL_NOT_TOPIC', { stageZh: '已合并', stageEn: 'merged' });
  const label = stageLabels[row.stage as ProposalStage];
  return new AppError('PROPOSAL_NOT_TOPIC', { stageZh: label['zh-CN'], stageEn: label.en });
}

/**
 * Merges a topic into a similar one of the same quarter: the merged topic keeps its row, its
 * channel and who raised it, and its co-signers count for the topic it joined.
 */
export async function mergeProposal(db: DB, ctx: RequestContext, id: string, into: string) {
  return db.transaction().execute(async (tx) => {
    const row = await authorizeProposal(tx, ctx.actor, id, 'proposals.merge', { forUpdate: true });
    if (row.stage !== 'topic' || row.merged_into) throw notTopic(row);
    const target = await tx.selectFrom('proposals').selectAll().where('id', '=', into).where('quarter_id', '=', row.quarter_id).forUpdate().executeTakeFirst();
    if (!target || target.id === row.id || target.merged_into || ['filed', 'rejected'].includes(target.stage) || target.building_id !== row.building_id) throw new AppError('PROPOSAL_MERGE_INVALID');
    const cosigns = await tx.selectFrom('proposal_cosigns').selectAll().where('proposal_id', '=', row.id).execute();
    if (cosigns.length) {
      await tx
        .insertInto('proposal_cosigns')
        .values(cosigns.map((c) => ({ ...c, proposal_id: target.id })))
        .onConflict((oc) => oc.columns(['proposal_id', 'owner_id']).doNothing())
        .execute();
    }
    await tx.updateTable('proposals').set({ merged_into: target.id, updated_at: new Date() }).where('id', '=', row.id).execute();
    await tx
      .insertInto('proposal_steps')
      .values({ proposal_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, step: 'merged', actor_id: ctx.actor.id, actor_name: ctx.actor.displayName, actor_role: ctx.actor.role, opinion: `并入“${target.title}”` })
      .execute();
    await proposeIfSupported(tx, target, await supportOf(tx, target.quarter_id, target.id));
    await recordAudit(tx, ctx, { action: 'merge', entity: 'proposal', entityId: row.id, place: placeOfRow(row), after: { into: target.id } });
    return { id: target.id, stage: (await tx.selectFrom('proposals').select('stage').where('id', '=', target.id).executeTakeFirstOrThrow()).stage as ProposalStage, voteId: target.vote_id };
  });
}
