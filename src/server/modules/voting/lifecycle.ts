// The life of a vote (业主大会表决, 民法典 第278条): created as a draft, opened (the voter roll
// frozen and its fingerprint published), closed and counted after its window, the objection
// period, publication. The counting rules and the published record are those of
// docs/vote-record-format.md; the count is always made by the core's `tallyRecord` on the record
// itself, so that `GET /api/votes/:id/result` and `gongzhi tally` on the downloaded record agree.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { openChain } from '../../../core/voting/builder';
import { tallyAnyRecord } from '../../../core/voting/tally-any';
import type { Matter, Rule, TallyResult, VoteRecord } from '../../../core/voting/record';
import type { VoteRecordV2 } from '../../../core/voting/record-v2';
import { buildingOfQuarter, quarterPlace, votingRollSource } from '../registry';
import { authorizeNewVote, authorizeVote } from './access';
import { displayShanghai, iso, isoShanghai, now, parseWindowTime } from './clock';
import { matterLabels, statusParams } from './labels';
import { buildVoteRecord, loadItems, serverTally } from './record';
import { deriveRoll } from './roll';
import { deleteUnusedScans } from './scans';

type DB = Kysely<Database>;

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
    const message = (locale: Locale) => (locale === 'en' ? 'Must be an ISO 8601 time with its offset, e.g. 2026-03-01T08:00:00+08:00' : '应为带时区的 ISO 8601 时间，例如 2026-03-01T08:00:00+08:00');
    throw new AppError('VOTE_TIME_INVALID', { fields: bad.join(', ') }, (locale: Locale) => ({ issues: bad.map((path) => ({ path, message: message(locale) })) }));
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
  const place = await authorizeNewVote(db, ctx.actor, input.quarterId);
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
        district_id: place.districtId,
        street_id: place.streetId!,
        community_id: place.communityId!,
        quarter_id: place.quarterId!,
        building_id: input.buildingId ?? null,
        quarter_name: place.name,
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
          district_id: place.districtId,
          quarter_id: place.quarterId!,
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
      place: { ...place, buildingId: input.buildingId ?? null },
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
    const vote = await authorizeVote(tx, ctx.actor, voteId, 'manage', { forUpdate: true });
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
      place: placeOfRow(vote),
      before: { status: 'draft' },
      after: { status: 'open', rollFingerprint: chain.rollFingerprint, rollMembers: roll.members.length, rollArea: totalArea, unitsWithoutOwner: roll.unitsWithoutOwner },
    });
    return { status: 'open' as const, rollFingerprint: chain.rollFingerprint, rollMembers: roll.members.length, rollArea: totalArea, unitsWithoutOwner: roll.unitsWithoutOwner };
  });
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
    const vote = await authorizeVote(tx, ctx.actor, voteId, 'manage', { forUpdate: true });
    if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
    const at = now();
    if (at.getTime() <= new Date(vote.closes_at).getTime()) throw new AppError('VOTE_STILL_OPEN', { closesAt: displayShanghai(new Date(vote.closes_at)) });
    const record = await buildVoteRecord(tx, vote);
    const result = tallyAnyRecord(JSON.parse(JSON.stringify(record)));
    // The SQL count of version 2 takes the head the builder computed from the stored hashes:
    // the server's own chain head is internal and never published.
    const counted = await serverTally(tx, vote, record.head);
    if (!result.valid || !sameCounts(result, counted)) {
      throw new AppError('VOTE_RECORD_INCONSISTENT', {}, { errors: result.errors.slice(0, 20) });
    }
    const endsAt = objectionEnd(at, vote.objection_days);
    await tx.updateTable('votes').set({ status: 'closed', result: JSON.stringify(result), closed_at: at, closed_by: ctx.actor.id, objection_ends_at: endsAt, updated_at: at }).where('id', '=', vote.id).execute();
    const scansDeleted = await deleteUnusedScans(tx, ctx, vote);
    await recordAudit(tx, ctx, {
      action: 'close',
      entity: 'vote',
      entityId: vote.id,
      place: placeOfRow(vote),
      before: { status: 'open' },
      after: { status: 'closed', head: result.head, participation: result.participation, passed: result.items.map((i) => ({ id: i.id, passed: i.passed })), objectionEndsAt: endsAt.toISOString(), scansDeleted },
    });
    return { status: 'closed' as const, objectionEndsAt: endsAt.toISOString(), result };
  });
}
export async function voteResult(db: DB, actor: Actor | null, voteId: string): Promise<TallyResult> {
  const vote = await authorizeVote(db, actor, voteId, 'readResult');
  return vote.result as TallyResult;
}

export async function voteRecord(db: DB, actor: Actor | null, voteId: string): Promise<VoteRecord | VoteRecordV2> {
  const vote = await authorizeVote(db, actor, voteId, 'readResult');
  return buildVoteRecord(db, vote);
}

export async function listObjections(db: DB, actor: Actor, voteId: string) {
  const vote = await authorizeVote(db, actor, voteId, 'read');
  const rows = await db.selectFrom('vote_objections').selectAll().where('vote_id', '=', vote.id).orderBy('created_at').execute();
  return rows.map((o) => ({ id: o.id, text: o.text, filedBy: o.filed_by_name, status: o.status as 'open' | 'answered', response: o.response, createdAt: iso(o.created_at)!, answeredAt: iso(o.answered_at) }));
}

/** An objection (异议) raised during the objection period, recorded by staff from the owner's letter or visit. */
export async function fileObjection(db: DB, ctx: RequestContext, voteId: string, input: { text: string }) {
  return db.transaction().execute(async (tx) => {
    const vote = await authorizeVote(tx, ctx.actor, voteId, 'manage', { forUpdate: true });
    if (vote.status !== 'closed') throw new AppError('VOTE_NOT_CLOSED', statusParams(vote.status));
    if (now().getTime() >= new Date(vote.objection_ends_at!).getTime()) throw new AppError('OBJECTION_PERIOD_OVER', { endsAt: displayShanghai(new Date(vote.objection_ends_at!)) });
    const row = await tx
      .insertInto('vote_objections')
      .values({ vote_id: vote.id, district_id: vote.district_id, quarter_id: vote.quarter_id, filed_by: ctx.actor.id, filed_by_name: ctx.actor.displayName, text: input.text, created_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'vote_objection', entityId: row.id, place: placeOfRow(vote), after: { voteId: vote.id, text: input.text } });
    return { id: row.id };
  });
}

export async function answerObjection(db: DB, ctx: RequestContext, voteId: string, objectionId: string, input: { response: string }) {
  return db.transaction().execute(async (tx) => {
    const vote = await authorizeVote(tx, ctx.actor, voteId, 'manage', { forUpdate: true });
    const objection = await tx.selectFrom('vote_objections').selectAll().where('id', '=', objectionId).where('vote_id', '=', vote.id).executeTakeFirst();
    if (!objection) throw notFound();
    if (objection.status === 'answered') throw new AppError('OBJECTION_ANSWERED');
    await tx.updateTable('vote_objections').set({ status: 'answered', response: input.response, answered_by: ctx.actor.id, answered_at: now() }).where('id', '=', objection.id).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'vote_objection', entityId: objection.id, place: placeOfRow(vote), before: { status: 'open' }, after: { status: 'answered', response: input.response } });
  });
}

/** Publishes the result and the record on the quarter's public board, once the objection period is over and every objection answered. */
export async function publishVote(db: DB, ctx: RequestContext, voteId: string) {
  return db.transaction().execute(async (tx) => {
    const vote = await authorizeVote(tx, ctx.actor, voteId, 'manage', { forUpdate: true });
    if (vote.status !== 'closed') throw new AppError('VOTE_NOT_CLOSED', statusParams(vote.status));
    if (now().getTime() < new Date(vote.objection_ends_at!).getTime()) throw new AppError('OBJECTION_PERIOD_RUNNING', { endsAt: displayShanghai(new Date(vote.objection_ends_at!)) });
    const open = await tx.selectFrom('vote_objections').select(sql<number>`count(*)`.as('n')).where('vote_id', '=', vote.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    if (Number(open.n) > 0) throw new AppError('OBJECTIONS_UNANSWERED', { count: Number(open.n) });
    const at = now();
    await tx.updateTable('votes').set({ status: 'published', published_at: at, published_by: ctx.actor.id, updated_at: at }).where('id', '=', vote.id).execute();
    await recordAudit(tx, ctx, { action: 'publish', entity: 'vote', entityId: vote.id, place: placeOfRow(vote), before: { status: 'closed' }, after: { status: 'published' } });
    return { status: 'published' as const, publishedAt: at.toISOString() };
  });
}
