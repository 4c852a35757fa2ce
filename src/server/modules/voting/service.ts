// Owners' assembly voting (业主大会表决, 民法典 第278条): create a vote, open it (freeze the
// voter roll), verify owners, take ballots online, on paper and by proxy, close and count,
// the objection period, publication. The counting rules and the published record are those of
// docs/vote-record-format.md; the count is always made by the core's `tallyRecord` on the record
// itself, so that `GET /api/votes/:id/result` and `gongzhi tally` on the downloaded record agree.
//
// Every function resolves the vote's place first and checks it against the caller's scope
// (404, exactly as for an unknown id), then the role's permission (403).
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, can, scopeFilter, type Actor, type PlacePath } from '../../platform/access';
import { auditRows, recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { keyedHash } from '../../platform/keys';
import { maskPhone } from '../../../core/idnumber';
import { openChain, sealBallot } from '../../../core/voting/builder';
import { receiptCode } from '../../../core/voting/hash';
import { tallyRecord } from '../../../core/voting/tally';
import type { Channel, Choice, Matter, Rule, TallyResult, VoteRecord } from '../../../core/voting/record';
import { hasCommitteeInOffice } from '../organizations/queries-for-voting';
import { quarterPlace } from '../registry/quarters';
import { buildingOfQuarter, findOwnerAndUnitByHashes, ownerContacts, unitLabel, unitLabels, votingRollSource } from '../registry/queries-for-voting';
import { displayShanghai, isoShanghai, now, parseWindowTime } from './clock';
import { channelLabels, matterLabels, statusLabels, votingErrors } from './messages';
import { buildVoteRecord, loadItems, serverTally, type VoteRow } from './record';
import { deriveRoll } from './roll';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;
void votingErrors; // the catalogue registers the module's error codes when imported

export const voteStatuses = ['draft', 'open', 'closed', 'published'] as const;
export type VoteStatus = (typeof voteStatuses)[number];

/**
 * 民法典 第278条 第1款, items 1–9. Items 6–8 (raising or using… the maintenance funds is split:
 * raising is item 6, using is item 5) need three quarters (第2款); every other item is an
 * ordinary matter. The web form lists these so that the user picks the item and the class follows.
 */
export const article278Items: { item: number; matter: Matter; 'zh-CN': string; en: string }[] = [
  { item: 1, matter: 'ordinary', 'zh-CN': '制定和修改业主大会议事规则', en: "Make or amend the owners' assembly rules of procedure" },
  { item: 2, matter: 'ordinary', 'zh-CN': '制定和修改管理规约', en: 'Make or amend the management statute' },
  { item: 3, matter: 'ordinary', 'zh-CN': '选举业主委员会或者更换业主委员会成员', en: "Elect the owners' committee or replace its members" },
  { item: 4, matter: 'ordinary', 'zh-CN': '选聘和解聘物业服务企业或者其他管理人', en: 'Engage or dismiss the property service company or another manager' },
  { item: 5, matter: 'ordinary', 'zh-CN': '使用建筑物及其附属设施的维修资金', en: 'Use the maintenance funds of the buildings and their facilities' },
  { item: 6, matter: 'special', 'zh-CN': '筹集建筑物及其附属设施的维修资金', en: 'Raise maintenance funds for the buildings and their facilities' },
  { item: 7, matter: 'special', 'zh-CN': '改建、重建建筑物及其附属设施', en: 'Alter or rebuild the buildings and their facilities' },
  { item: 8, matter: 'special', 'zh-CN': '改变共有部分的用途或者利用共有部分从事经营活动', en: 'Change the use of common parts or use them for business' },
  { item: 9, matter: 'ordinary', 'zh-CN': '有关共有和共同管理权利的其他重大事项', en: 'Other major matters of common ownership and joint management' },
];

export function matterOfArticle278Item(item: number): Matter {
  return item >= 6 && item <= 8 ? 'special' : 'ordinary';
}

/** How long a verified owner may take to vote before verifying again. */
const VOTER_TOKEN_MS = 2 * 60 * 60 * 1000;
/** Failed verifications allowed per vote and address in {@link VERIFY_WINDOW_MIN} minutes. */
const VERIFY_FAILURES_ALLOWED = 10;
const VERIFY_WINDOW_MIN = 15;

// ---------------------------------------------------------------------------------------
// Loading and access

function votePlace(v: Pick<VoteRow, 'district_id' | 'street_id' | 'community_id' | 'quarter_id' | 'building_id'>): PlacePath {
  return { districtId: v.district_id, streetId: v.street_id, communityId: v.community_id, quarterId: v.quarter_id, buildingId: v.building_id };
}

async function loadVote(db: Exec, voteId: string, opts: { forUpdate?: boolean } = {}): Promise<VoteRow | null> {
  let q = db.selectFrom('votes').selectAll().where('id', '=', voteId);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

/** The vote if it lies in the actor's scope (404 otherwise, as for an unknown id), then the permission (403). */
async function voteFor(db: Exec, actor: Actor, voteId: string, permission: 'votes.read' | 'votes.manage' | 'ballots.enter', opts: { forUpdate?: boolean } = {}): Promise<VoteRow> {
  const vote = await loadVote(db, voteId, opts);
  assertInScope(actor, vote ? votePlace(vote) : null, { parentRead: true });
  assertCan(actor, permission);
  if (permission === 'votes.manage') await assertRunsVotesOf(db, actor, vote!.quarter_id);
  return vote!;
}

/**
 * Who runs a quarter's votes: its owners' committee with the quarter commissioner; the
 * community office only while no committee is in office (西政办〔2020〕29号 二（五）15: where the
 * committee has not been formed, the community guides the owners in holding the assembly).
 */
async function runsVotesOf(db: Exec, actor: Actor, quarterId: string): Promise<boolean> {
  if (!can(actor, 'votes.manage')) return false;
  if (actor.role !== 'community_office') return true;
  return !(await hasCommitteeInOffice(db, quarterId));
}

async function assertRunsVotesOf(db: Exec, actor: Actor, quarterId: string) {
  if (!(await runsVotesOf(db, actor, quarterId))) throw new AppError('VOTE_COMMITTEE_CONVENES');
}

function statusParams(status: string) {
  const label = statusLabels[status as VoteStatus] ?? statusLabels.draft;
  return { statusZh: label['zh-CN'], statusEn: label.en };
}

function iso(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}

// ---------------------------------------------------------------------------------------
// Views

export interface VoteSummary {
  id: string;
  quarterId: string;
  quarterName: string;
  buildingId: string | null;
  title: string;
  rule: Rule;
  status: VoteStatus;
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
    opensAt: iso(v.opens_at)!,
    closesAt: iso(v.closes_at)!,
    objectionDays: v.objection_days,
    objectionEndsAt: iso(v.objection_ends_at),
    rollMembers: v.roll_members,
    ballotCount: v.last_seq,
    createdAt: iso(v.created_at)!,
  };
}

/**
 * The votes in the caller's scope. Staff who may read votes see every vote of their scope; an
 * owner sees the votes of their own quarter once they have opened (drafts are the committee's).
 */
export async function listVotes(db: DB, actor: Actor, filter: { quarterId?: string; status?: VoteStatus } = {}): Promise<VoteSummary[]> {
  let q = db.selectFrom('votes').selectAll();
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
  const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
  return rows.map(summary);
}

/**
 * Whether the caller may create and run votes in the quarter (see {@link runsVotesOf}); false
 * outside their scope, so that it tells nothing about other quarters.
 */
export async function mayRunVotes(db: DB, actor: Actor, quarterId: string): Promise<boolean> {
  if (!can(actor, 'votes.manage')) return false;
  const place = await quarterPlace(db, quarterId);
  try {
    assertInScope(actor, place, { parentRead: true });
  } catch {
    return false;
  }
  return runsVotesOf(db, actor, quarterId);
}

export async function getVote(db: DB, actor: Actor, voteId: string) {
  const vote = await voteFor(db, actor, voteId, 'votes.read');
  return voteDetail(db, vote, { manage: await runsVotesOf(db, actor, vote.quarter_id), enter: can(actor, 'ballots.enter') });
}

async function voteDetail(db: Exec, vote: VoteRow, rights: { manage: boolean; enter: boolean }) {
  const items = await loadItems(db, vote.id);
  return {
    ...summary(vote),
    items,
    rollFingerprint: vote.roll_fingerprint,
    rollArea: vote.roll_area,
    genesis: vote.genesis,
    head: vote.status === 'draft' ? null : vote.head,
    openedAt: iso(vote.opened_at),
    closedAt: iso(vote.closed_at),
    publishedAt: iso(vote.published_at),
    canManage: rights.manage,
    canEnterBallots: rights.enter,
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
    opensAt: iso(v.opens_at)!,
    closesAt: iso(v.closes_at)!,
    publishedAt: iso(v.published_at),
  }));
}

// ---------------------------------------------------------------------------------------
// Create and open

export interface ItemInput {
  title: string;
  matter?: Matter;
  article278Item?: number | null;
}

export interface VoteInput {
  quarterId: string;
  buildingId?: string | null;
  title: string;
  rule: Rule;
  opensAt: string;
  closesAt: string;
  objectionDays?: number;
  items: ItemInput[];
}

function windowOf(input: { opensAt: string; closesAt: string }): { opensAt: Date; closesAt: Date } {
  const opensAt = parseWindowTime(input.opensAt);
  const closesAt = parseWindowTime(input.closesAt);
  const bad = [!opensAt && 'opensAt', !closesAt && 'closesAt'].filter(Boolean) as string[];
  if (bad.length) {
    throw new AppError('VOTE_TIME_INVALID', { fields: bad.join(', ') }, { issues: bad.map((path) => ({ path, message: 'ISO 8601' })) });
  }
  if (closesAt!.getTime() <= opensAt!.getTime()) throw new AppError('VOTE_WINDOW_INVALID');
  return { opensAt: opensAt!, closesAt: closesAt! };
}

/** Items with their matter class: under 民法典 第278条 the class follows from the item of 第1款. */
function checkedItems(rule: Rule, items: ItemInput[]): { title: string; matter: Matter; article278Item: number | null }[] {
  return items.map((item, index) => {
    const n = index + 1;
    const article = item.article278Item ?? null;
    if (rule === 'civil-code-278' && article === null) throw new AppError('ITEM_ARTICLE_REQUIRED', { item: n });
    if (article === null) return { title: item.title, matter: item.matter ?? 'ordinary', article278Item: null };
    const expected = matterOfArticle278Item(article);
    if (item.matter && item.matter !== expected) {
      throw new AppError('ITEM_MATTER_MISMATCH', {
        item: n,
        article,
        expectedZh: matterLabels[expected]['zh-CN'],
        expectedEn: matterLabels[expected].en,
        givenZh: matterLabels[item.matter]['zh-CN'],
        givenEn: matterLabels[item.matter].en,
      });
    }
    return { title: item.title, matter: expected, article278Item: article };
  });
}

export async function createVote(db: DB, ctx: RequestContext, input: VoteInput): Promise<{ id: string }> {
  const place = await quarterPlace(db, input.quarterId);
  assertInScope(ctx.actor, place, { parentRead: true });
  assertCan(ctx.actor, 'votes.manage');
  await assertRunsVotesOf(db, ctx.actor, input.quarterId);
  // A building-majority vote is one building's household representatives (HZ 5.1.3.2.2.5);
  // an owners' assembly vote (民法典 第278条) is the whole quarter's.
  if ((input.rule === 'building-majority') !== !!input.buildingId) throw new AppError('RULE_BUILDING_MISMATCH');
  if (input.buildingId && !(await buildingOfQuarter(db, input.quarterId, input.buildingId))) {
    throw new AppError('INVALID_REFERENCE', { what: '楼栋', whatEn: 'The building' });
  }
  const { opensAt, closesAt } = windowOf(input);
  const items = checkedItems(input.rule, input.items);
  return db.transaction().execute(async (tx) => {
    const vote = await tx
      .insertInto('votes')
      .values({
        district_id: place!.districtId,
        street_id: place!.streetId!,
        community_id: place!.communityId!,
        quarter_id: place!.quarterId!,
        building_id: input.buildingId ?? null,
        quarter_name: place!.name,
        title: input.title,
        rule: input.rule,
        opens_at: opensAt,
        closes_at: closesAt,
        objection_days: input.objectionDays ?? 7,
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('vote_items')
      .values(
        items.map((item, i) => ({
          vote_id: vote.id,
          id: String(i + 1),
          position: i + 1,
          district_id: place!.districtId,
          quarter_id: place!.quarterId!,
          title: item.title,
          matter: item.matter,
          article278_item: item.article278Item,
        })),
      )
      .execute();
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'vote',
      entityId: vote.id,
      place: { ...place!, buildingId: input.buildingId ?? null },
      after: { title: input.title, rule: input.rule, opensAt: isoShanghai(opensAt), closesAt: isoShanghai(closesAt), objectionDays: input.objectionDays ?? 7, items },
    });
    return { id: vote.id };
  });
}

/**
 * Opens a vote: freezes the voter roll from the registry as it stands now (format document,
 * "Counting rules"), publishes its fingerprint and starts the hash chain at the genesis hash.
 * Later changes to the registry do not change this roll.
 */
export async function openVote(db: DB, ctx: RequestContext, hashKey: Buffer, voteId: string) {
  return db.transaction().execute(async (tx) => {
    const vote = await voteFor(tx, ctx.actor, voteId, 'votes.manage', { forUpdate: true });
    if (vote.status !== 'draft') throw new AppError('VOTE_NOT_DRAFT');
    if (now().getTime() > new Date(vote.closes_at).getTime()) {
      throw new AppError('VOTE_WINDOW_PASSED', { closesAt: displayShanghai(new Date(vote.closes_at)) });
    }
    const place = await quarterPlace(tx, vote.quarter_id);
    const roll = deriveRoll(hashKey, vote.id, await votingRollSource(tx, vote.quarter_id, vote.building_id));
    if (!roll.members.length) throw new AppError('ROLL_EMPTY', { place: place?.name ?? '' });
    for (let i = 0; i < roll.members.length; i += 1000) {
      const slice = roll.members.slice(i, i + 1000);
      await tx
        .insertInto('vote_roll')
        .values(slice.map((m) => ({ vote_id: vote.id, member: m.member, district_id: vote.district_id, quarter_id: vote.quarter_id, area: m.area })))
        .execute();
    }
    const links = roll.members.flatMap((m) => m.links.map((l) => ({ vote_id: vote.id, member: m.member, unit_id: l.unitId, owner_id: l.ownerId, district_id: vote.district_id, quarter_id: vote.quarter_id })));
    for (let i = 0; i < links.length; i += 1000) await tx.insertInto('vote_roll_links').values(links.slice(i, i + 1000)).execute();
    const items = await loadItems(tx, vote.id);
    const chain = openChain({ id: vote.id, items: items.map((i) => ({ id: i.id, title: i.title, matter: i.matter })) }, roll.members);
    const totalArea = roll.members.reduce((sum, m) => sum + m.area, 0);
    const openedAt = now();
    await tx
      .updateTable('votes')
      .set({
        status: 'open',
        quarter_name: place?.name ?? vote.quarter_name,
        roll_fingerprint: chain.rollFingerprint,
        roll_members: roll.members.length,
        roll_area: totalArea,
        genesis: chain.genesis,
        head: chain.genesis,
        last_seq: 0,
        opened_at: openedAt,
        opened_by: ctx.actor.id,
        updated_at: openedAt,
      })
      .where('id', '=', vote.id)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'open',
      entity: 'vote',
      entityId: vote.id,
      place: votePlace(vote),
      before: { status: 'draft' },
      after: { status: 'open', rollFingerprint: chain.rollFingerprint, rollMembers: roll.members.length, rollArea: totalArea, unitsWithoutOwner: roll.unitsWithoutOwner },
    });
    return { status: 'open' as const, rollFingerprint: chain.rollFingerprint, rollMembers: roll.members.length, rollArea: totalArea, unitsWithoutOwner: roll.unitsWithoutOwner };
  });
}

// ---------------------------------------------------------------------------------------
// Turnout (staff only; no results before the close)

function ceilDiv(a: number, b: number): number {
  return Number((BigInt(a) + BigInt(b) - 1n) / BigInt(b));
}

export async function turnout(db: DB, actor: Actor, voteId: string) {
  const vote = await voteFor(db, actor, voteId, 'votes.read');
  if (vote.status === 'draft') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  const rows = await db
    .selectFrom('ballots as b')
    .innerJoin('vote_roll as r', (j) => j.onRef('r.vote_id', '=', 'b.vote_id').onRef('r.member', '=', 'b.member'))
    .select(['b.channel', sql<number>`count(*)`.as('members'), sql<number>`coalesce(sum(r.area), 0)::bigint`.as('area')])
    .where('b.vote_id', '=', vote.id)
    .groupBy('b.channel')
    .execute();
  const byChannel: Record<Channel, { members: number; area: number }> = {
    online: { members: 0, area: 0 },
    paper: { members: 0, area: 0 },
    proxy: { members: 0, area: 0 },
  };
  for (const r of rows) byChannel[r.channel as Channel] = { members: Number(r.members), area: Number(r.area) };
  const cast = Object.values(byChannel).reduce((s, c) => ({ members: s.members + c.members, area: s.area + c.area }), { members: 0, area: 0 });
  const totals = { members: vote.roll_members ?? 0, area: vote.roll_area ?? 0 };
  const areaWeighed = vote.rule === 'civil-code-278';
  // Quorum (民法典 第278条 第2款): two thirds 以上 of members and of area take part; 以上
  // includes the boundary (第1259条). Shown as the smallest whole numbers that meet it.
  const needed = { members: ceilDiv(2 * totals.members, 3), area: areaWeighed ? ceilDiv(2 * totals.area, 3) : 0 };
  const membersMet = 3 * cast.members >= 2 * totals.members;
  const areaMet = !areaWeighed || 3n * BigInt(cast.area) >= 2n * BigInt(totals.area);
  return {
    status: vote.status as VoteStatus,
    rule: vote.rule as Rule,
    totals,
    cast,
    needed,
    areaWeighed,
    quorumMet: membersMet && areaMet,
    byChannel,
    closesAt: iso(vote.closes_at)!,
  };
}

// ---------------------------------------------------------------------------------------
// Ballots

interface SealInput {
  member: string;
  choices: Record<string, Choice>;
  channel: Channel;
  enteredBy?: { id: string; name: string } | null;
  castByOwner?: string | null;
  scanId?: string | null;
  proxyHolder?: string | null;
  unitLabel?: string | null;
}

export interface CastReceipt {
  seq: number;
  castAt: string;
  hash: string;
  receiptCode: string;
  channel: Channel;
}

/** Every item chosen, with yes/no/abstain only (the UI asks for each item, format: choices). */
function checkChoices(items: { id: string }[], choices: Record<string, string>): Record<string, Choice> {
  const ids = new Set(items.map((i) => i.id));
  for (const id of Object.keys(choices)) if (!ids.has(id)) throw new AppError('CHOICE_UNKNOWN_ITEM', { item: id });
  const missing = items.filter((i) => !Object.hasOwn(choices, i.id)).map((i) => i.id);
  if (missing.length) throw new AppError('CHOICES_INCOMPLETE', { items: missing.join('、') });
  const out: Record<string, Choice> = {};
  for (const item of items) out[item.id] = choices[item.id] as Choice;
  return out;
}

async function alreadyVoted(db: Exec, voteId: string, member: string) {
  return db.selectFrom('ballots').select(['channel', 'cast_at', 'hash', 'seq']).where('vote_id', '=', voteId).where('member', '=', member).executeTakeFirst();
}

function alreadyVotedError(existing: { channel: string; cast_at: string }) {
  const label = channelLabels[existing.channel as Channel] ?? channelLabels.online;
  return new AppError('ALREADY_VOTED', { channelZh: label['zh-CN'], channelEn: label.en, castAt: displayShanghai(new Date(existing.cast_at)) });
}

type AuditCtx = RequestContext | { actor: null; ip: string | null };

/**
 * An online ballot whose voter token is resolved to its member in the sealing loop's read,
 * together with the rest of its batch: one query for the batch instead of one per ballot.
 */
type OnlineSealInput = Omit<SealInput, 'member' | 'castByOwner'> & { voterTokenHash: string };

interface PendingBallot {
  ctx: AuditCtx;
  input: SealInput | OnlineSealInput;
  resolve(receipt: CastReceipt): void;
  reject(err: unknown): void;
}

interface SealQueue {
  pending: PendingBallot[];
  running: boolean;
}

/** Queues of ballots waiting to be sealed, per database and vote. */
const sealQueues = new WeakMap<DB, Map<string, SealQueue>>();
/** The most ballots sealed in one statement. */
const SEAL_BATCH = 500;

/**
 * Appends a ballot to the vote's hash chain and answers its receipt once it is committed.
 *
 * Ballots of one vote are sealed by one loop per server process, in batches: while one batch
 * is written, the ballots that arrive queue up and are sealed together in the next one (group
 * commit). A batch is written in one statement that moves the vote's head only from the head it
 * was built on (see {@link writeBatch}), so that across processes too the seqs are consecutive
 * and each ballot links to the one before — no fork, no gap. One ballot per member is checked
 * against what was read, and is in any case the database's UNIQUE (vote_id, member). A ballot's
 * audit entry is written in the same statement as the ballot. The receipt is only given after
 * the statement committed: a ballot that was answered is never lost, and a failed statement
 * writes nothing.
 */
function castBallot(db: DB, ctx: AuditCtx, vote: VoteRow, input: SealInput | OnlineSealInput): Promise<CastReceipt> {
  let byVote = sealQueues.get(db);
  if (!byVote) sealQueues.set(db, (byVote = new Map()));
  let queue = byVote.get(vote.id);
  if (!queue) byVote.set(vote.id, (queue = { pending: [], running: false }));
  const q = queue;
  const done = new Promise<CastReceipt>((resolve, reject) => q.pending.push({ ctx, input, resolve, reject }));
  if (!q.running) void drainSealQueue(db, vote, q, byVote);
  return done;
}

function settle(batch: PendingBallot[], outcomes: Array<CastReceipt | AppError>) {
  outcomes.forEach((outcome, i) => (outcome instanceof Error ? batch[i].reject(outcome) : batch[i].resolve(outcome)));
}

/**
 * What one sealing loop has itself written: the head its next batch builds on, and the members
 * and scans it sealed. The next batch's read runs while the previous batch is being written
 * (so that the loop waits for one round trip per batch, not two) and may not see that batch
 * yet; these fill the gap. Members stay in it for the life of the loop: a sealed ballot is
 * never removed, so what it says stays true.
 */
interface LoopChain {
  base: { head: string; lastSeq: number } | null;
  sealed: Map<string, { channel: string; cast_at: string }>;
  scans: Set<string>;
}

async function drainSealQueue(db: DB, vote: VoteRow, queue: SealQueue, byVote: Map<string, SealQueue>) {
  queue.running = true;
  const chain: LoopChain = { base: null, sealed: new Map(), scans: new Set() };
  let writing: Promise<void> | null = null;
  try {
    while (queue.pending.length || writing) {
      if (!queue.pending.length) {
        await writing;
        writing = null;
        continue;
      }
      const batch = queue.pending.splice(0, SEAL_BATCH);
      // The read starts now, alongside the previous batch's write.
      const read = readBatchState(db, vote, batch);
      read.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
      if (writing) {
        await writing;
        writing = null;
      }
      let built: BuiltBatch;
      try {
        const items = await cachedItems(db, vote.id);
        const state = await read;
        // The read may predate this loop's last write; another process's write shows as a
        // later seq than the loop's own, and then the chain is built on what was read.
        const base = chain.base && chain.base.lastSeq >= state.last_seq ? chain.base : { head: state.head!, lastSeq: state.last_seq };
        built = buildBatch(vote, items, batch, state, base, chain);
      } catch (err) {
        for (const p of batch) p.reject(err);
        continue;
      }
      if (!built.rows.length) {
        settle(batch, built.outcomes);
        continue;
      }
      writing = writeBatch(db, vote, built)
        .catch((err: unknown) => {
          // Only a ballot that slipped past the checks (UNIQUE) can fail the statement;
          // nothing was written, and the batch is sealed again from a fresh read.
          if ((err as { code?: string }).code === '23505') return false;
          throw err;
        })
        .then(async (moved) => {
          if (moved) {
            chain.base = { head: built.head, lastSeq: built.seq };
            for (const r of built.rows) {
              chain.sealed.set(r.input.member, { channel: r.input.channel, cast_at: r.sealed.castAt });
              if (r.input.scanId) chain.scans.add(r.input.scanId);
            }
            settle(batch, built.outcomes);
            return;
          }
          // The chain moved under the batch (another process, or the vote was closed): read
          // everything again and seal it on its own.
          chain.base = null;
          settle(batch, await sealBatch(db, vote, batch));
        })
        .catch((err: unknown) => {
          chain.base = null;
          for (const p of batch) p.reject(err);
        });
    }
  } finally {
    queue.running = false;
    if (!queue.pending.length) byVote.delete(vote.id);
  }
}

/** How often a batch is read and written again when another process moved the chain first. */
const SEAL_ATTEMPTS = 50;

/** Seals a batch on its own, reading and writing again while another process moves the chain. */
async function sealBatch(db: DB, vote: VoteRow, batch: PendingBallot[]): Promise<Array<CastReceipt | AppError>> {
  const items = await cachedItems(db, vote.id);
  for (let attempt = 0; attempt < SEAL_ATTEMPTS; attempt++) {
    const state = await readBatchState(db, vote, batch);
    const built = buildBatch(vote, items, batch, state, { head: state.head!, lastSeq: state.last_seq }, null);
    if (!built.rows.length) return built.outcomes;
    if (await writeBatch(db, vote, built)) return built.outcomes;
  }
  throw new Error(`the chain of vote ${vote.id} kept moving while a batch was sealed`);
}

/**
 * One read for a batch: the vote's state and head, the batch's voter tokens and the ballots
 * its members (or scans) already have.
 */
function readBatchState(db: DB, vote: VoteRow, batch: PendingBallot[]) {
  const tokenHashes = batch.flatMap((p) => ('voterTokenHash' in p.input ? [p.input.voterTokenHash] : []));
  const knownMembers = batch.flatMap((p) => ('member' in p.input ? [p.input.member] : []));
  const batchScans = batch.flatMap((p) => (p.input.scanId ? [p.input.scanId] : []));
  return db
    .selectFrom('votes as v')
    .select(['v.status', 'v.opens_at', 'v.closes_at', 'v.head', 'v.last_seq'])
    .select((eb) => [
      // The batch's voter tokens with what their members already cast, found by the tokens'
      // unique index alone: the token's vote is checked in {@link buildBatch}. Filtering by
      // the vote here let the planner pick the (vote_id, member) index, which reads every
      // verification of the vote for each batch when its statistics lag behind a busy vote.
      jsonArrayFrom(
        eb
          .selectFrom('owner_verifications as ov')
          // Lateral, so that each member's ballot is one lookup in the (vote_id, member) index
          // rather than a join that may read all of the vote's ballots.
          .leftJoinLateral(
            (lb) => lb.selectFrom('ballots').select(['channel', 'cast_at', 'scan_id']).whereRef('ballots.vote_id', '=', 'ov.vote_id').whereRef('ballots.member', '=', 'ov.member').limit(1).as('b'),
            (j) => j.onTrue(),
          )
          .select(['ov.token_hash', 'ov.vote_id', 'ov.member', 'ov.owner_id', 'ov.expires_at', 'b.channel', 'b.cast_at', 'b.scan_id'])
          .where((w) => w.or(tokenHashes.length ? [w('ov.token_hash', 'in', tokenHashes)] : [])),
      ).as('voters'),
      jsonArrayFrom(
        eb
          .selectFrom('ballots as b')
          .select(['b.member', 'b.channel', 'b.cast_at', 'b.scan_id'])
          .where('b.vote_id', '=', vote.id)
          .where((w) => w.or(knownMembers.length ? [w('b.member', 'in', knownMembers)] : [])),
      ).as('earlierEntered'),
      jsonArrayFrom(
        eb
          .selectFrom('ballots as b')
          .select(['b.member', 'b.channel', 'b.cast_at', 'b.scan_id'])
          .where((w) => w.or(batchScans.length ? [w('b.scan_id', 'in', batchScans)] : [])),
      ).as('earlierScans'),
    ])
    .where('v.id', '=', vote.id)
    .executeTakeFirstOrThrow();
}

type BatchState = Awaited<ReturnType<typeof readBatchState>>;

interface BuiltBatch {
  outcomes: Array<CastReceipt | AppError>;
  rows: { id: string; sealed: ReturnType<typeof sealBallot>; input: SealInput }[];
  audits: Parameters<typeof auditRows>[0];
  /** The head the batch was built on, and the new one. */
  baseSeq: number;
  head: string;
  seq: number;
  castAt: string;
}

/**
 * Checks a batch against what was read (and what the loop itself sealed since), and seals the
 * accepted ballots onto the chain from `base`. Nothing is written here.
 */
function buildBatch(
  vote: VoteRow,
  items: Awaited<ReturnType<typeof cachedItems>>,
  batch: PendingBallot[],
  state: BatchState,
  base: { head: string; lastSeq: number },
  chain: LoopChain | null,
): BuiltBatch {
  const at = now();
  const castAt = isoShanghai(at);
  const empty = { rows: [], audits: [], baseSeq: base.lastSeq, head: base.head, seq: base.lastSeq, castAt };
  let refusal: AppError | null = null;
  if (state.status !== 'open') refusal = new AppError('VOTE_NOT_OPEN', statusParams(state.status));
  else if (at.getTime() < new Date(state.opens_at).getTime()) refusal = new AppError('VOTE_NOT_STARTED', { opensAt: displayShanghai(new Date(state.opens_at)) });
  else if (at.getTime() > new Date(state.closes_at).getTime()) refusal = new AppError('VOTE_WINDOW_CLOSED', { closesAt: displayShanghai(new Date(state.closes_at)) });
  if (refusal) return { ...empty, outcomes: batch.map(() => refusal!) };

  // Online ballots: a token that is unknown, of another vote or expired is refused.
  const voters = new Map(state.voters.filter((v) => v.vote_id === vote.id).map((v) => [v.token_hash, v]));
  const inputs = batch.map((p): SealInput | AppError => {
    if (!('voterTokenHash' in p.input)) return p.input;
    const { voterTokenHash, ...rest } = p.input;
    const voter = voters.get(voterTokenHash);
    if (!voter || new Date(voter.expires_at).getTime() < at.getTime()) return new AppError('VOTER_TOKEN_INVALID');
    return { ...rest, member: voter.member, castByOwner: voter.owner_id };
  });

  const cast = new Map<string, { channel: string; cast_at: string }>(chain?.sealed);
  const usedScans = new Set<string>(chain?.scans);
  const earlierOnline = state.voters.flatMap((v) => (v.vote_id === vote.id && v.channel && v.cast_at ? [{ member: v.member, channel: v.channel, cast_at: v.cast_at, scan_id: v.scan_id }] : []));
  for (const row of [...earlierOnline, ...state.earlierEntered, ...state.earlierScans]) {
    cast.set(row.member, row);
    if (row.scan_id) usedScans.add(row.scan_id);
  }
  let head = base.head;
  let seq = base.lastSeq;
  const rows: BuiltBatch['rows'] = [];
  const audits: BuiltBatch['audits'] = [];
  const outcomes = batch.map((p, i): CastReceipt | AppError => {
    const input = inputs[i];
    if (input instanceof AppError) return input;
    const earlier = cast.get(input.member);
    if (earlier) return alreadyVotedError(earlier);
    if (input.scanId && usedScans.has(input.scanId)) return new AppError('SCAN_ALREADY_USED');
    const sealed = sealBallot(items, head, seq + 1, { member: input.member, choices: input.choices, channel: input.channel, castAt });
    head = sealed.hash;
    seq = sealed.seq;
    cast.set(input.member, { channel: input.channel, cast_at: castAt });
    if (input.scanId) usedScans.add(input.scanId);
    const id = crypto.randomUUID();
    rows.push({ id, sealed, input });
    audits.push({
      // An online ballot's entry names nobody: it is written in the ballot's own statement, so
      // its time is the record's castAt, and an account or address next to that time would
      // tell a reader of the log whose ballot it is. Who verified, and from where, is in the
      // verification's entry, made earlier.
      ctx: input.channel === 'online' ? { actor: null, ip: null } : p.ctx,
      entry: {
        action: 'cast',
        entity: 'ballot',
        entityId: id,
        place: votePlace(vote),
        // Staff-entered ballots log what was entered, where in the chain. An owner's online
        // ballot logs only that one was cast: its seq or pseudonym would tell a reader of the
        // log, with the published record, how it voted.
        after:
          input.channel === 'online'
            ? { voteId: vote.id, channel: input.channel }
            : { voteId: vote.id, seq: sealed.seq, channel: input.channel, choices: input.choices, unit: input.unitLabel ?? null, scanId: input.scanId ?? null, proxyHolder: input.proxyHolder ?? null },
      },
    });
    return { seq: sealed.seq, castAt, hash: sealed.hash, receiptCode: receiptCode(sealed.hash), channel: input.channel };
  });
  return { outcomes, rows, audits, baseSeq: base.lastSeq, head, seq, castAt };
}

/**
 * Writes a built batch in one statement that moves the vote's head from the seq the batch was
 * built on to its new one and, only if it did, inserts the ballots and their audit entries. A
 * single statement is atomic, and the head only moves from the value the chain was built on
 * (`last_seq` unchanged, vote still open, its window not yet closed at the ballots' time), so
 * two writers can never both extend the chain from the same head: the second writes nothing
 * and answers false.
 */
async function writeBatch(db: DB, vote: VoteRow, built: BuiltBatch): Promise<boolean> {
  // The audit entries' before/after are already JSON text; they travel as strings and are cast
  // to jsonb in the statement rather than parsed and serialised again here.
  const audits = auditRows(built.audits);
  const written = await sql<{ moved: number }>`
    with u as (
      update votes set head = ${built.head}, last_seq = ${built.seq}
      where id = ${vote.id} and last_seq = ${built.baseSeq} and status = 'open' and closes_at >= ${built.castAt}::timestamptz
      returning id
    ), b as (
      insert into ballots (id, vote_id, district_id, quarter_id, seq, member, choices, channel, cast_at, prev, hash,
                           entered_by, entered_by_name, cast_by_owner, scan_id, proxy_holder, unit_label)
      select r.id, r.vote_id, r.district_id, r.quarter_id, r.seq, r.member, r.choices, r.channel, r.cast_at, r.prev, r.hash,
             r.entered_by, r.entered_by_name, r.cast_by_owner, r.scan_id, r.proxy_holder, r.unit_label
      from jsonb_populate_recordset(null::ballots, ${JSON.stringify(ballotRows(built.rows, vote))}::jsonb) as r
      where exists (select 1 from u)
      returning 1
    ), a as (
      insert into audit_log (user_id, username, action, entity, entity_id, district_id, street_id, community_id, quarter_id, before, after, ip)
      select r.user_id, r.username, r.action, r.entity, r.entity_id, r.district_id, r.street_id, r.community_id, r.quarter_id, r.before::jsonb, r.after::jsonb, r.ip
      from jsonb_to_recordset(${JSON.stringify(audits)}::jsonb)
        as r(user_id uuid, username text, action text, entity text, entity_id text, district_id uuid, street_id uuid, community_id uuid, quarter_id uuid, before text, after text, ip text)
      where exists (select 1 from u)
      returning 1
    )
    select (select count(*) from u)::int as moved
  `.execute(db);
  return Number(written.rows[0]?.moved) === 1;
}

function ballotRows(rows: { id: string; sealed: ReturnType<typeof sealBallot>; input: SealInput }[], vote: VoteRow) {
  return rows.map(({ id, sealed, input }) => ({
    id,
    vote_id: vote.id,
    district_id: vote.district_id,
    quarter_id: vote.quarter_id,
    seq: sealed.seq,
    member: sealed.member,
    choices: sealed.choices,
    channel: sealed.channel,
    cast_at: sealed.castAt,
    prev: sealed.prev,
    hash: sealed.hash,
    entered_by: input.enteredBy?.id ?? null,
    entered_by_name: input.enteredBy?.name ?? null,
    cast_by_owner: input.castByOwner ?? null,
    scan_id: input.scanId ?? null,
    proxy_holder: input.proxyHolder ?? null,
    unit_label: input.unitLabel ?? null,
  }));
}

/**
 * A vote's items never change once it exists (there is no route to edit them), so they are
 * kept in memory after the first read; every ballot needs them.
 */
const itemCache = new WeakMap<DB, Map<string, Awaited<ReturnType<typeof loadItems>>>>();
async function cachedItems(db: DB, voteId: string) {
  let byVote = itemCache.get(db);
  if (!byVote) itemCache.set(db, (byVote = new Map()));
  let items = byVote.get(voteId);
  if (!items) {
    items = await loadItems(db, voteId);
    if (byVote.size > 1000) byVote.clear();
    byVote.set(voteId, items);
  }
  return items;
}

/** Checks the choices against the vote's items before the ballot is queued. */
async function castChecked(db: DB, ctx: AuditCtx, vote: VoteRow, input: Omit<SealInput, 'choices'> & { choices: Record<string, string> }): Promise<CastReceipt> {
  const choices = checkChoices(await cachedItems(db, vote.id), input.choices);
  return castBallot(db, ctx, vote, { ...input, choices });
}

// ---- owners online: verify, then vote ----

function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** An open vote by id for a voter; anything else that is not public answers 404. */
async function voteForVoter(db: Exec, voteId: string): Promise<VoteRow> {
  const vote = await loadVote(db, voteId);
  if (!vote || vote.status === 'draft') throw notFound();
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  return vote;
}

/**
 * An owner proves who they are for one vote: the ID number and the property certificate number
 * (matched by keyed hash, 个人信息保护法) must name an owner and a unit that stood together for
 * one member of the frozen roll. Returns a voter token bound to that member. Failed attempts
 * are counted per vote and address; after {@link VERIFY_FAILURES_ALLOWED} in
 * {@link VERIFY_WINDOW_MIN} minutes the address must wait.
 */
export async function verifyVoter(db: DB, hashKey: Buffer, voteId: string, input: { idNumber: string; certificateNo: string }, ip: string | null, actor: Actor | null) {
  const vote = await voteForVoter(db, voteId);
  const address = ip ?? 'unknown';
  const since = new Date(now().getTime() - VERIFY_WINDOW_MIN * 60 * 1000);
  const failures = await db
    .selectFrom('owner_verification_failures')
    .select(sql<number>`count(*)`.as('n'))
    .where('vote_id', '=', vote.id)
    .where('ip', '=', address)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= VERIFY_FAILURES_ALLOWED) throw new AppError('VERIFY_TOO_MANY', { minutes: VERIFY_WINDOW_MIN });

  const found = await findOwnerAndUnitByHashes(db, vote.quarter_id, keyedHash(hashKey, input.idNumber), keyedHash(hashKey, input.certificateNo));
  const link =
    found.ownerIds.length && found.unitIds.length
      ? await db
          .selectFrom('vote_roll_links')
          .select(['member', 'owner_id', 'unit_id'])
          .where('vote_id', '=', vote.id)
          .where('owner_id', 'in', found.ownerIds)
          .where('unit_id', 'in', found.unitIds)
          .executeTakeFirst()
      : undefined;
  if (!link) {
    // Kept even though the request fails: the count is what slows down guessing.
    await db.insertInto('owner_verification_failures').values({ vote_id: vote.id, ip: address, at: now() }).execute();
    throw new AppError('VOTER_NOT_MATCHED');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Math.min(now().getTime() + VOTER_TOKEN_MS, new Date(vote.closes_at).getTime() + 60_000));
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('owner_verifications')
      .values({ vote_id: vote.id, district_id: vote.district_id, quarter_id: vote.quarter_id, member: link.member, owner_id: link.owner_id, unit_id: link.unit_id, token_hash: tokenHash(token), expires_at: expiresAt, ip })
      .execute();
    // Who verified and from where, not as which member (see the ballot's audit entry).
    await recordAudit(tx, { actor, ip }, { action: 'verify', entity: 'vote_voter', entityId: vote.id, place: votePlace(vote) });
  });
  const existing = await alreadyVoted(db, vote.id, link.member);
  return {
    voterToken: token,
    expiresAt: expiresAt.toISOString(),
    alreadyVoted: existing ? { channel: existing.channel as Channel, castAt: existing.cast_at, receiptCode: receiptCode(existing.hash) } : null,
  };
}

/**
 * The fields of a vote that never change once it is open (its id, places, items' owner), kept
 * in memory per process so that an online ballot needs no query before it queues. Its status
 * and window are not taken from here: the sealing loop reads them, and its write moves the head
 * only while the vote is open and its window has not closed.
 */
const openVoteCache = new WeakMap<DB, Map<string, VoteRow>>();
async function openVoteForVoter(db: DB, voteId: string): Promise<VoteRow> {
  let byVote = openVoteCache.get(db);
  if (!byVote) openVoteCache.set(db, (byVote = new Map()));
  const cached = byVote.get(voteId);
  if (cached) return cached;
  const vote = await voteForVoter(db, voteId); // 404 for unknown or draft, "not open" otherwise
  if (byVote.size > 1000) byVote.clear();
  byVote.set(voteId, vote);
  return vote;
}

export async function castOnline(db: DB, voteId: string, input: { voterToken: string; choices: Record<string, string> }, ip: string | null, actor: Actor | null): Promise<CastReceipt> {
  const vote = await openVoteForVoter(db, voteId);
  const choices = checkChoices(await cachedItems(db, vote.id), input.choices);
  // The token is resolved to its member in the sealing loop's read, with the rest of the batch.
  return castBallot(db, actor ? { actor, ip } : { actor: null, ip }, vote, { voterTokenHash: tokenHash(input.voterToken), choices, channel: 'online' });
}

// ---- staff: paper ballots, proxies, scans ----

async function memberOfUnit(db: Exec, vote: VoteRow, unitId: string): Promise<{ member: string; label: string }> {
  const label = (await unitLabel(db, vote.quarter_id, unitId)) ?? null;
  if (!label) throw new AppError('INVALID_REFERENCE', { what: '房屋', whatEn: 'The unit' });
  const link = await db.selectFrom('vote_roll_links').select('member').where('vote_id', '=', vote.id).where('unit_id', '=', unitId).executeTakeFirst();
  if (!link) throw new AppError('NOT_ON_ROLL', { unit: label });
  return { member: link.member, label };
}

async function checkScan(db: Exec, vote: VoteRow, scanId: string | null | undefined, required: boolean): Promise<string | null> {
  if (!scanId) {
    if (required) throw new AppError('SCAN_REQUIRED');
    return null;
  }
  const scan = await db.selectFrom('vote_scans').select('id').where('id', '=', scanId).where('vote_id', '=', vote.id).executeTakeFirst();
  if (!scan) throw new AppError('SCAN_NOT_FOUND');
  return scan.id;
}

/** A signed paper ballot entered by staff, with its scan attached (docs/vote-record-format.md: channel `paper`). */
export async function enterPaperBallot(db: DB, ctx: RequestContext, voteId: string, input: { unitId: string; choices: Record<string, string>; scanId?: string | null }) {
  const vote = await voteFor(db, ctx.actor, voteId, 'ballots.enter');
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  const { member, label } = await memberOfUnit(db, vote, input.unitId);
  const scanId = await checkScan(db, vote, input.scanId, true);
  return castChecked(db, ctx, vote, { member, choices: input.choices, channel: 'paper', enteredBy: { id: ctx.actor.id, name: ctx.actor.displayName }, scanId, unitLabel: label });
}

/** A ballot cast by a proxy (委托) holding the owner's written authorisation, entered by staff. */
export async function enterProxyBallot(db: DB, ctx: RequestContext, voteId: string, input: { unitId: string; choices: Record<string, string>; proxyHolder: string; scanId?: string | null }) {
  const vote = await voteFor(db, ctx.actor, voteId, 'ballots.enter');
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  const { member, label } = await memberOfUnit(db, vote, input.unitId);
  const scanId = await checkScan(db, vote, input.scanId, false);
  return castChecked(db, ctx, vote, {
    member,
    choices: input.choices,
    channel: 'proxy',
    enteredBy: { id: ctx.actor.id, name: ctx.actor.displayName },
    scanId,
    proxyHolder: input.proxyHolder,
    unitLabel: label,
  });
}

function scanType(content: Buffer): string | null {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

export async function uploadScan(db: DB, ctx: RequestContext, voteId: string, file: { name: string; content: Buffer }) {
  const vote = await voteFor(db, ctx.actor, voteId, 'ballots.enter');
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  // The type is read from the content, not from the name or the header the browser sent.
  const type = scanType(file.content);
  if (!type) throw new AppError('SCAN_TYPE_UNSUPPORTED');
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('vote_scans')
      .values({ vote_id: vote.id, district_id: vote.district_id, quarter_id: vote.quarter_id, file_name: file.name.slice(0, 200), content_type: type, size_bytes: file.content.length, sha256, content: file.content, uploaded_by: ctx.actor.id })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'upload', entity: 'vote_scan', entityId: row.id, place: votePlace(vote), after: { voteId: vote.id, fileName: file.name, sizeBytes: file.content.length, sha256 } });
    return { id: row.id, fileName: file.name, contentType: type, sizeBytes: file.content.length, sha256 };
  });
}

export async function getScan(db: DB, actor: Actor, voteId: string, scanId: string) {
  const vote = await voteFor(db, actor, voteId, 'votes.read');
  const scan = await db.selectFrom('vote_scans').select(['file_name', 'content_type', 'content']).where('id', '=', scanId).where('vote_id', '=', vote.id).executeTakeFirst();
  if (!scan) throw notFound();
  return { fileName: scan.file_name, contentType: scan.content_type, content: scan.content };
}

/** The units on the frozen roll with whether their member has voted, for entering paper ballots. */
export async function rollUnits(db: DB, actor: Actor, voteId: string, q?: string) {
  const vote = await voteFor(db, actor, voteId, 'votes.read');
  if (vote.status === 'draft') return [];
  const links = await db
    .selectFrom('vote_roll_links as l')
    .leftJoin('ballots as b', (j) => j.onRef('b.vote_id', '=', 'l.vote_id').onRef('b.member', '=', 'l.member'))
    .select(['l.unit_id', 'l.member', 'b.channel'])
    .where('l.vote_id', '=', vote.id)
    .execute();
  const byUnit = new Map<string, { member: string; voted: string | null }>();
  for (const l of links) byUnit.set(l.unit_id, { member: l.member, voted: l.channel ?? null });
  const labels = await unitLabels(db, vote.quarter_id, [...byUnit.keys()]);
  const needle = q?.trim();
  return [...byUnit.entries()]
    // No member pseudonym: unit plus pseudonym plus the published record would show how the unit voted.
    .map(([unitId, v]) => ({ unitId, label: labels.get(unitId)?.label ?? unitId, votedChannel: v.voted as Channel | null }))
    .filter((u) => !needle || u.label.includes(needle))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN', { numeric: true }))
    .slice(0, 200);
}

export interface NotVotedMember {
  /** The member's units, e.g. "1幢 1-101", in the order staff walk the buildings. */
  units: string[];
  /** Phones masked as everywhere in the registry's answers (个人信息保护法). */
  owners: { name: string; phoneMasked: string | null }[];
  /** Exclusive area (专有部分面积) in 0.01 m². */
  area: number;
}

/**
 * The voting members of an open vote who have not cast a ballot yet, with their units and
 * owners, for the staff who collect paper ballots door to door (扫楼) and phone owners before
 * the close. Who has voted is not secret from them (they see it per unit when entering paper
 * ballots); how anyone voted is not in it. The member pseudonym is left out (see
 * {@link ballotEntries}).
 */
export async function notVoted(db: DB, actor: Actor, voteId: string) {
  const vote = await voteFor(db, actor, voteId, 'ballots.enter');
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  const links = await db
    .selectFrom('vote_roll_links as l')
    .innerJoin('vote_roll as r', (j) => j.onRef('r.vote_id', '=', 'l.vote_id').onRef('r.member', '=', 'l.member'))
    .leftJoin('ballots as b', (j) => j.onRef('b.vote_id', '=', 'l.vote_id').onRef('b.member', '=', 'l.member'))
    .select(['l.member', 'l.unit_id', 'l.owner_id', 'r.area'])
    .where('l.vote_id', '=', vote.id)
    .where('b.member', 'is', null)
    .execute();
  const [labels, contacts] = await Promise.all([
    unitLabels(db, vote.quarter_id, [...new Set(links.map((l) => l.unit_id))]),
    ownerContacts(db, vote.quarter_id, [...new Set(links.map((l) => l.owner_id))]),
  ]);
  const byMember = new Map<string, { units: Set<string>; owners: Set<string>; area: number }>();
  for (const l of links) {
    let m = byMember.get(l.member);
    if (!m) byMember.set(l.member, (m = { units: new Set(), owners: new Set(), area: Number(l.area) }));
    m.units.add(labels.get(l.unit_id)?.label ?? l.unit_id);
    m.owners.add(l.owner_id);
  }
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const items: NotVotedMember[] = [...byMember.values()]
    .map((m) => ({
      units: [...m.units].sort(collator.compare),
      owners: [...m.owners]
        .map((id) => contacts.get(id) ?? { name: '', phone: null })
        .map((o) => ({ name: o.name, phoneMasked: o.phone ? maskPhone(o.phone) : null }))
        .sort((a, b) => collator.compare(a.name, b.name)),
      area: m.area,
    }))
    .sort((a, b) => collator.compare(a.units[0] ?? '', b.units[0] ?? ''));
  return {
    vote: { id: vote.id, title: vote.title, quarterName: vote.quarter_name, closesAt: iso(vote.closes_at)!, areaWeighed: vote.rule === 'civil-code-278' },
    members: items.length,
    area: items.reduce((s, m) => s + m.area, 0),
    items,
  };
}

/**
 * Who entered what: the ballots in chain order, without their choices (hidden until the close)
 * and without their member pseudonyms: with a pseudonym, the published record would tell staff
 * how a known unit voted (docs/vote-record-format.md: `member` identifies nobody outside the server).
 */
export async function ballotEntries(db: DB, actor: Actor, voteId: string) {
  const vote = await voteFor(db, actor, voteId, 'votes.read');
  const rows = await db
    .selectFrom('ballots')
    .select(['seq', 'channel', 'cast_at', 'entered_by_name', 'unit_label', 'proxy_holder', 'scan_id'])
    .where('vote_id', '=', vote.id)
    .orderBy('seq', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    channel: r.channel as Channel,
    castAt: r.cast_at,
    enteredBy: r.entered_by_name,
    unit: r.unit_label,
    proxyHolder: r.proxy_holder,
    scanId: r.scan_id,
  }));
}

// ---------------------------------------------------------------------------------------
// Close, objections, publication

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/**
 * The end of the objection period: N days counted from the day after the close (民法典 第201条:
 * the day an event happens is not counted), ending at 24:00 of the last day (第203条), in
 * China Standard Time.
 */
export function objectionEnd(closedAt: Date, days: number): Date {
  const localDay = Math.floor((closedAt.getTime() + SHANGHAI_MS) / DAY_MS);
  return new Date((localDay + 1 + days) * DAY_MS - SHANGHAI_MS);
}

function sameCounts(a: TallyResult, b: TallyResult): boolean {
  const pick = (r: TallyResult) => JSON.stringify({ totals: r.totals, participation: r.participation, items: r.items, head: r.head, fingerprint: r.rollFingerprint });
  return pick(a) === pick(b);
}

/**
 * Closes a vote after its window: builds the record from the stored chain, tallies it with the
 * core's `tallyRecord` (what `gongzhi tally` runs) and keeps that result. As a self-check the
 * ballots are also counted in SQL; if the two differ, or the record is not valid, nothing is
 * closed and the error says so.
 */
export async function closeVote(db: DB, ctx: RequestContext, voteId: string) {
  return db.transaction().execute(async (tx) => {
    const vote = await voteFor(tx, ctx.actor, voteId, 'votes.manage', { forUpdate: true });
    if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
    const at = now();
    if (at.getTime() <= new Date(vote.closes_at).getTime()) throw new AppError('VOTE_STILL_OPEN', { closesAt: displayShanghai(new Date(vote.closes_at)) });
    const record = await buildVoteRecord(tx, vote);
    const result = tallyRecord(JSON.parse(JSON.stringify(record)));
    const counted = await serverTally(tx, vote);
    if (!result.valid || !sameCounts(result, counted)) {
      throw new AppError('VOTE_RECORD_INCONSISTENT', {}, { errors: result.errors.slice(0, 20) });
    }
    const endsAt = objectionEnd(at, vote.objection_days);
    await tx.updateTable('votes').set({ status: 'closed', result: JSON.stringify(result), closed_at: at, closed_by: ctx.actor.id, objection_ends_at: endsAt, updated_at: at }).where('id', '=', vote.id).execute();
    await recordAudit(tx, ctx, {
      action: 'close',
      entity: 'vote',
      entityId: vote.id,
      place: votePlace(vote),
      before: { status: 'open' },
      after: { status: 'closed', head: result.head, participation: result.participation, passed: result.items.map((i) => ({ id: i.id, passed: i.passed })), objectionEndsAt: endsAt.toISOString() },
    });
    return { status: 'closed' as const, objectionEndsAt: endsAt.toISOString(), result };
  });
}

/**
 * Who may read a closed vote's result and record: anyone once it is published (the public
 * board); before that, staff who may read votes in its scope. Before the close nobody sees a
 * result (results hidden until the window closes).
 */
async function closedVoteFor(db: DB, actor: Actor | null, voteId: string): Promise<VoteRow> {
  const vote = await loadVote(db, voteId);
  if (vote?.status === 'published') return vote;
  if (!actor) {
    if (!vote || vote.status === 'draft') throw notFound();
    throw new AppError('UNAUTHENTICATED');
  }
  assertInScope(actor, vote ? votePlace(vote) : null, { parentRead: true });
  assertCan(actor, 'votes.read');
  if (vote!.status !== 'closed') throw new AppError('RESULT_HIDDEN');
  return vote!;
}

export async function voteResult(db: DB, actor: Actor | null, voteId: string): Promise<TallyResult> {
  const vote = await closedVoteFor(db, actor, voteId);
  return vote.result as TallyResult;
}

export async function voteRecord(db: DB, actor: Actor | null, voteId: string): Promise<VoteRecord> {
  const vote = await closedVoteFor(db, actor, voteId);
  return buildVoteRecord(db, vote);
}

export async function listObjections(db: DB, actor: Actor, voteId: string) {
  const vote = await voteFor(db, actor, voteId, 'votes.read');
  const rows = await db.selectFrom('vote_objections').selectAll().where('vote_id', '=', vote.id).orderBy('created_at').execute();
  return rows.map((o) => ({ id: o.id, text: o.text, filedBy: o.filed_by_name, status: o.status, response: o.response, createdAt: iso(o.created_at)!, answeredAt: iso(o.answered_at) }));
}

/** An objection (异议) raised during the objection period, recorded by staff from the owner's letter or visit. */
export async function fileObjection(db: DB, ctx: RequestContext, voteId: string, input: { text: string }) {
  return db.transaction().execute(async (tx) => {
    const vote = await voteFor(tx, ctx.actor, voteId, 'votes.manage', { forUpdate: true });
    if (vote.status !== 'closed') throw new AppError('VOTE_NOT_CLOSED', statusParams(vote.status));
    if (now().getTime() >= new Date(vote.objection_ends_at!).getTime()) throw new AppError('OBJECTION_PERIOD_OVER', { endsAt: displayShanghai(new Date(vote.objection_ends_at!)) });
    const row = await tx
      .insertInto('vote_objections')
      .values({ vote_id: vote.id, district_id: vote.district_id, quarter_id: vote.quarter_id, filed_by: ctx.actor.id, filed_by_name: ctx.actor.displayName, text: input.text, created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'vote_objection', entityId: row.id, place: votePlace(vote), after: { voteId: vote.id, text: input.text } });
    return { id: row.id };
  });
}

export async function answerObjection(db: DB, ctx: RequestContext, voteId: string, objectionId: string, input: { response: string }) {
  return db.transaction().execute(async (tx) => {
    const vote = await voteFor(tx, ctx.actor, voteId, 'votes.manage', { forUpdate: true });
    const objection = await tx.selectFrom('vote_objections').selectAll().where('id', '=', objectionId).where('vote_id', '=', vote.id).executeTakeFirst();
    if (!objection) throw notFound();
    if (objection.status === 'answered') throw new AppError('OBJECTION_ANSWERED');
    await tx.updateTable('vote_objections').set({ status: 'answered', response: input.response, answered_by: ctx.actor.id, answered_at: now() }).where('id', '=', objection.id).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'vote_objection', entityId: objection.id, place: votePlace(vote), before: { status: 'open' }, after: { status: 'answered', response: input.response } });
  });
}

/** Publishes the result and the record on the quarter's public board, once the objection period is over and every objection answered. */
export async function publishVote(db: DB, ctx: RequestContext, voteId: string) {
  return db.transaction().execute(async (tx) => {
    const vote = await voteFor(tx, ctx.actor, voteId, 'votes.manage', { forUpdate: true });
    if (vote.status !== 'closed') throw new AppError('VOTE_NOT_CLOSED', statusParams(vote.status));
    if (now().getTime() < new Date(vote.objection_ends_at!).getTime()) throw new AppError('OBJECTION_PERIOD_RUNNING', { endsAt: displayShanghai(new Date(vote.objection_ends_at!)) });
    const open = await tx.selectFrom('vote_objections').select(sql<number>`count(*)`.as('n')).where('vote_id', '=', vote.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    if (Number(open.n) > 0) throw new AppError('OBJECTIONS_UNANSWERED', { count: Number(open.n) });
    const at = now();
    await tx.updateTable('votes').set({ status: 'published', published_at: at, published_by: ctx.actor.id, updated_at: at }).where('id', '=', vote.id).execute();
    await recordAudit(tx, ctx, { action: 'publish', entity: 'vote', entityId: vote.id, place: votePlace(vote), before: { status: 'closed' }, after: { status: 'published' } });
    return { status: 'published' as const, publishedAt: at.toISOString() };
  });
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

