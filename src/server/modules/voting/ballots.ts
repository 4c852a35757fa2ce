// Ballots (民法典 第278条): an owner verifies (ID number and property certificate number) and
// votes online; staff enter signed paper ballots and proxies (委托) with their scans. Each is
// checked here and then sealed onto the vote's chain by the sealing loop (sealing.ts).
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { receiptCode } from '../../../core/voting/hash';
import type { Channel, Choice } from '../../../core/voting/record';
import { parseIdNumber } from '../../../core/idnumber';
import { certificateHashes, findOwnerAndUnitByHashes, identifierHash, normaliseIdentifier, unitLabel } from '../registry';
import { authorizeVote, authorizeVoter } from './access';
import { now } from './clock';
import { statusParams } from './labels';
import type { VoteRow } from './record';
import { checkScan } from './scans';
import { cachedItems, castBallot, type AuditCtx, type CastReceipt, type SealInput } from './sealing';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

/** How long a verified owner may take to vote before verifying again. */
const VOTER_TOKEN_MS = 2 * 60 * 60 * 1000;
/** Failed verifications allowed per vote and address in {@link VERIFY_WINDOW_MIN} minutes. */
const VERIFY_FAILURES_ALLOWED = 10;
const VERIFY_WINDOW_MIN = 15;

/** Every item chosen, with yes/no/abstain only (the UI asks for each item, format: choices). */
function checkChoices(items: { id: string }[], choices: Record<string, string>): Record<string, Choice> {
  const ids = new Set(items.map((i) => i.id));
  for (const id of Object.keys(choices)) if (!ids.has(id)) throw new AppError('CHOICE_UNKNOWN_ITEM', { item: id });
  const missing = items.filter((i) => !Object.hasOwn(choices, i.id)).map((i) => i.id);
  if (missing.length) throw new AppError('CHOICES_INCOMPLETE', { items: missing.join('、'), itemsEn: missing.join(', ') });
  const out: Record<string, Choice> = {};
  for (const item of items) out[item.id] = choices[item.id] as Choice;
  return out;
}

async function alreadyVoted(db: Exec, voteId: string, member: string) {
  return db.selectFrom('ballots').select(['channel', 'cast_at', 'hash', 'seq']).where('vote_id', '=', voteId).where('member', '=', member).executeTakeFirst();
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

const ID_REASONS: Record<string, [string, string]> = {
  length: ['应为 18 位', 'it must have 18 characters'],
  characters: ['只能是数字，末位可以是 X', 'only digits, with an X allowed at the end'],
  birthDate: ['其中的出生日期不存在', 'the birth date in it does not exist'],
  checksum: ['校验位不对，可能有数字录错了', 'the check digit does not match; a digit may be mistyped'],
};

/**
 * Which of an owner's own two numbers did not match, when the owner asks from their own
 * logged-in account and one of the two numbers is theirs on the roll: that tells the owner only
 * about their own record. Anyone else (no account, a staff account, another owner's numbers)
 * hears only that the pair did not match, which does not tell whether a person with that ID
 * number owns a unit in the quarter.
 */
async function ownNumberAtFault(db: DB, voteId: string, actor: Actor | null, found: { ownerIds: string[]; unitIds: string[] }) {
  if (actor?.role !== 'owner' || !actor.ownerId) return null;
  const mine = await db.selectFrom('vote_roll_links').select('unit_id').where('vote_id', '=', voteId).where('owner_id', '=', actor.ownerId).execute();
  if (!mine.length) return null;
  if (found.ownerIds.includes(actor.ownerId)) return { which: '不动产权证号', whichEn: 'property certificate number' };
  if (mine.some((m) => found.unitIds.includes(m.unit_id))) return { which: '身份证号码', whichEn: 'ID number' };
  return null;
}

/**
 * An owner proves who they are for one vote: the ID number and the property certificate number
 * (matched by keyed hash, 个人信息保护法) must name an owner and a unit that stood together for
 * one member of the frozen roll. Returns a voter token bound to that member. Failed attempts
 * are counted per vote and address; after {@link VERIFY_FAILURES_ALLOWED} in
 * {@link VERIFY_WINDOW_MIN} minutes the address must wait.
 */
export async function verifyVoter(db: DB, hashKey: Buffer, voteId: string, input: { idNumber: string; certificateNo: string }, ip: string | null, actor: Actor | null) {
  const vote = await authorizeVoter(db, voteId);
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

  // What was typed is compared in the registry's normal form (full-width, spaces, case, brackets).
  const idNumber = parseIdNumber(normaliseIdentifier(input.idNumber));
  if (!idNumber.ok) {
    // Said from the typed text alone, so it reveals nothing about the roll.
    const reason = ID_REASONS[idNumber.reason] ?? ID_REASONS.checksum;
    throw new AppError('VOTER_ID_NUMBER_INVALID', { reason: reason[0], reasonEn: reason[1] });
  }
  const found = await findOwnerAndUnitByHashes(db, vote.quarter_id, identifierHash(hashKey, idNumber.value), certificateHashes(hashKey, input.certificateNo));
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
    const own = await ownNumberAtFault(db, vote.id, actor, found);
    if (own) throw new AppError('VOTER_OWN_NUMBER_MISMATCH', own);
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
    await recordAudit(tx, { actor, ip }, { action: 'verify', entity: 'vote_voter', entityId: vote.id, place: placeOfRow(vote) });
  });
  const existing = await alreadyVoted(db, vote.id, link.member);
  // The two numbers verified here are held by whoever keeps the registry (the company that
  // imported it, the offices), so they do not prove the owner is the one asking: the receipt
  // code, with which the published record tells how the member voted, goes only to the owner's
  // own logged-in account. Anyone else learns that the member has voted, and when.
  const ownAccount = actor?.role === 'owner' && actor.ownerId === link.owner_id;
  return {
    voterToken: token,
    expiresAt: expiresAt.toISOString(),
    alreadyVoted: existing
      ? { channel: existing.channel as Channel, castAt: existing.cast_at, receiptCode: ownAccount ? receiptCode(existing.hash) : null }
      : null,
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
  const vote = await authorizeVoter(db, voteId); // 404 for unknown or draft, "not open" otherwise
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

/** A signed paper ballot entered by staff, with its scan attached (民法典 第278条). */
export async function enterPaperBallot(db: DB, ctx: RequestContext, voteId: string, input: { unitId: string; choices: Record<string, string>; scanId?: string | null }) {
  const vote = await authorizeVote(db, ctx.actor, voteId, 'enterBallots');
  if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
  const { member, label } = await memberOfUnit(db, vote, input.unitId);
  const scanId = await checkScan(db, vote, input.scanId, true);
  return castChecked(db, ctx, vote, { member, choices: input.choices, channel: 'paper', enteredBy: { id: ctx.actor.id, name: ctx.actor.displayName }, scanId, unitLabel: label });
}

/** A ballot cast by a proxy (委托) holding the owner's written authorisation, entered by staff. */
export async function enterProxyBallot(db: DB, ctx: RequestContext, voteId: string, input: { unitId: string; choices: Record<string, string>; proxyHolder: string; scanId?: string | null }) {
  const vote = await authorizeVote(db, ctx.actor, voteId, 'enterBallots');
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
