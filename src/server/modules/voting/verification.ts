// An owner proves who they are for one vote, in two steps (issue 11 point 3):
//  1. the ID number and the property certificate number, matched by keyed hash against the
//     frozen roll (个人信息保护法: neither is stored in full);
//  2. a one-time code sent to the phone on record of that owner.
// The two numbers are held by whoever imported the registry (the property company, the
// offices); the code adds a factor they do not hold. Only then is a voter token issued.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError } from '../../platform/errors';
import { keyedHash } from '../../platform/keys';
import { maskPhone, parseIdNumber } from '../../../core/idnumber';
import { sendDirect, type SmsSetting } from '../notifications';
import { certificateHashes, findOwnerAndUnitByHashes, identifierHash, idNumberReasonText, normaliseIdentifier, ownerContacts } from '../registry';
import { assertTakingBallots, authorizeVoter } from './access';
import { displayShanghai, isoShanghai, now } from './clock';
import type { VoteRow } from './record';

type DB = Kysely<Database>;

/** How long a verified owner may take to vote before verifying again. */
const VOTER_TOKEN_MS = 2 * 60 * 60 * 1000;
/** Failed verifications allowed per vote and address in {@link VERIFY_WINDOW_MIN} minutes. */
const VERIFY_FAILURES_ALLOWED = 10;
const VERIFY_WINDOW_MIN = 15;
/** A one-time code: its life, wrong entries allowed, and how often one may be sent. */
export const CODE_TTL_MIN = 10;
export const CODE_TRIES = 5;
export const CODE_RESEND_SECONDS = 60;
/**
 * Codes per member and per address in an hour: a few resends, not a stream of messages. The
 * address limit leaves room for a community service point helping owners vote from one network.
 */
export const CODES_PER_HOUR_MEMBER = 5;
export const CODES_PER_HOUR_ADDRESS = 60;
const HOUR_MS = 60 * 60 * 1000;

/** A mobile number of the mainland (+86 and spaces allowed), which can take a text message. */
function mobileNumber(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

const codeHash = (hashKey: Buffer, challengeId: string, code: string) => keyedHash(hashKey, `vote-code:${challengeId}:${code}`);

/** The day (China Standard Time) of a ballot: a second verification learns no more than that. */
const dayOf = (castAt: Date | string) => isoShanghai(new Date(castAt)).slice(0, 10);

async function votedOn(db: DB, voteId: string, member: string): Promise<string | null> {
  const row = await db.selectFrom('ballots').select('cast_at').where('vote_id', '=', voteId).where('member', '=', member).executeTakeFirst();
  return row ? dayOf(row.cast_at) : null;
}

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
 * Step 1: the two numbers must name an owner and a unit that stood together for one member of
 * the frozen roll. Failed attempts are counted per vote and address; after
 * {@link VERIFY_FAILURES_ALLOWED} in {@link VERIFY_WINDOW_MIN} minutes the address must wait.
 * A member who has voted learns that, and the day; otherwise a code goes to the owner's mobile
 * number on record. Asking again is how a code is sent again, within the limits.
 */
export async function verifyVoter(db: DB, hashKey: Buffer, sms: SmsSetting | null, voteId: string, input: { idNumber: string; certificateNo: string }, ip: string | null, actor: Actor | null = null) {
  const vote = await authorizeVoter(db, voteId);
  assertTakingBallots(vote);
  const address = ip ?? 'unknown';
  const at = now();
  const failures = await db
    .selectFrom('owner_verification_failures')
    .select(sql<number>`count(*)`.as('n'))
    .where('vote_id', '=', vote.id)
    .where('ip', '=', address)
    .where('at', '>', new Date(at.getTime() - VERIFY_WINDOW_MIN * 60 * 1000))
    .executeTakeFirstOrThrow();
  if (Number(failures.n) >= VERIFY_FAILURES_ALLOWED) throw new AppError('VERIFY_TOO_MANY', { minutes: VERIFY_WINDOW_MIN });

  // What was typed is compared in the registry's normal form (full-width, spaces, case, brackets).
  const idNumber = parseIdNumber(normaliseIdentifier(input.idNumber));
  if (!idNumber.ok) {
    // Said from the typed text alone, so it reveals nothing about the roll.
    const reason = idNumberReasonText[idNumber.reason];
    throw new AppError('VOTER_ID_NUMBER_INVALID', { reason: reason.zh, reasonEn: reason.en });
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
    await db.insertInto('owner_verification_failures').values({ vote_id: vote.id, ip: address, at }).execute();
    const own = await ownNumberAtFault(db, vote.id, actor, found);
    if (own) throw new AppError('VOTER_OWN_NUMBER_MISMATCH', own);
    throw new AppError('VOTER_NOT_MATCHED');
  }
  const voted = await votedOn(db, vote.id, link.member);
  if (voted) return { step: 'voted' as const, votedOn: voted };

  const phone = mobileNumber((await ownerContacts(db, vote.quarter_id, [link.owner_id])).get(link.owner_id)?.phone);
  if (!phone) throw new AppError('VOTER_NO_PHONE', { closesAt: displayShanghai(new Date(vote.closes_at)) });
  if (!sms) throw new AppError('VOTER_SMS_UNAVAILABLE');

  const challengeId = crypto.randomUUID();
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(at.getTime() + CODE_TTL_MIN * 60 * 1000);
  await db.transaction().execute(async (tx) => {
    // One member's requests queue here, so that parallel requests cannot beat the limits.
    await tx.selectFrom('vote_roll').select('member').where('vote_id', '=', vote.id).where('member', '=', link.member).forUpdate().execute();
    const hourAgo = new Date(at.getTime() - HOUR_MS);
    const [mine, fromAddress] = await Promise.all([
      tx
        .selectFrom('owner_verification_codes')
        .select([sql<number>`count(*)`.as('n'), sql<Date | string | null>`max(created_at)`.as('last')])
        .where('vote_id', '=', vote.id)
        .where('member', '=', link.member)
        .where('created_at', '>', hourAgo)
        .executeTakeFirstOrThrow(),
      tx
        .selectFrom('owner_verification_codes')
        .select(sql<number>`count(*)`.as('n'))
        .where('vote_id', '=', vote.id)
        .where('ip', '=', address)
        .where('created_at', '>', hourAgo)
        .executeTakeFirstOrThrow(),
    ]);
    if (mine.last) {
      const wait = Math.ceil((new Date(mine.last).getTime() + CODE_RESEND_SECONDS * 1000 - at.getTime()) / 1000);
      if (wait > 0) throw new AppError('VERIFY_CODE_WAIT', { seconds: wait });
    }
    if (Number(mine.n) >= CODES_PER_HOUR_MEMBER || Number(fromAddress.n) >= CODES_PER_HOUR_ADDRESS) throw new AppError('VERIFY_CODE_LIMIT', { minutes: 60 });
    // Only the newest code works.
    await tx.updateTable('owner_verification_codes').set({ expires_at: at }).where('vote_id', '=', vote.id).where('member', '=', link.member).where('used_at', 'is', null).where('expires_at', '>', at).execute();
    await tx
      .insertInto('owner_verification_codes')
      .values({ id: challengeId, vote_id: vote.id, member: link.member, owner_id: link.owner_id, unit_id: link.unit_id, code_hash: codeHash(hashKey, challengeId, code), created_at: at, expires_at: expiresAt, ip: address })
      .execute();
  });
  const subject = '共治投票验证码';
  const sent = await sendDirect(db, sms.channel, {
    districtId: vote.district_id,
    quarterId: vote.quarter_id,
    ownerId: link.owner_id,
    to: phone,
    subject,
    body: `【共治】您正在为“${vote.title}”投票，验证码 ${code}，${CODE_TTL_MIN} 分钟内有效。请勿告诉任何人，包括工作人员。`,
    keptBody: `【共治】您正在为“${vote.title}”投票，验证码 ******，${CODE_TTL_MIN} 分钟内有效。`,
  });
  if (!sent) {
    // Not sent: the owner may ask again at once, and the dead code counts for nothing.
    await db.deleteFrom('owner_verification_codes').where('id', '=', challengeId).execute();
    throw new AppError('VERIFY_CODE_NOT_SENT');
  }
  return {
    step: 'code' as const,
    challengeId,
    phoneMasked: maskPhone(phone),
    delivery: sms.kind,
    expiresAt: expiresAt.toISOString(),
    resendInSeconds: CODE_RESEND_SECONDS,
  };
}

/**
 * Step 2: the one-time code. Each entry is counted before it is compared (parallel guesses
 * cannot exceed {@link CODE_TRIES}); a right code is used once. Then the voter token is issued,
 * bound to the member, unless the member has voted meanwhile.
 */
export async function confirmVoterCode(db: DB, hashKey: Buffer, voteId: string, input: { challengeId: string; code: string }, ip: string | null, actor: Actor | null) {
  const vote = await authorizeVoter(db, voteId);
  assertTakingBallots(vote);
  const at = now();
  const expired = () => new AppError('VERIFY_CODE_EXPIRED', { minutes: CODE_TTL_MIN });
  const row = await db.selectFrom('owner_verification_codes').selectAll().where('id', '=', input.challengeId).where('vote_id', '=', vote.id).executeTakeFirst();
  if (!row || row.used_at || new Date(row.expires_at).getTime() <= at.getTime()) throw expired();
  if (row.tries >= CODE_TRIES) throw new AppError('VERIFY_CODE_TRIES');
  const reserved = await db
    .updateTable('owner_verification_codes')
    .set((eb) => ({ tries: eb('tries', '+', 1) }))
    .where('id', '=', row.id)
    .where('tries', '<', CODE_TRIES)
    .where('used_at', 'is', null)
    .returning('tries')
    .executeTakeFirst();
  if (!reserved) throw new AppError('VERIFY_CODE_TRIES');
  const right = crypto.timingSafeEqual(Buffer.from(codeHash(hashKey, row.id, input.code)), Buffer.from(row.code_hash));
  if (!right) {
    const left = CODE_TRIES - reserved.tries;
    throw left > 0 ? new AppError('VERIFY_CODE_WRONG', { left }) : new AppError('VERIFY_CODE_TRIES');
  }
  const used = await db.updateTable('owner_verification_codes').set({ used_at: at }).where('id', '=', row.id).where('used_at', 'is', null).returning('id').executeTakeFirst();
  if (!used) throw expired();

  const voted = await votedOn(db, vote.id, row.member);
  if (voted) return { step: 'voted' as const, votedOn: voted };
  return { step: 'ballot' as const, ...(await issueVoterToken(db, vote, row, ip, actor)) };
}

async function issueVoterToken(db: DB, vote: VoteRow, who: { member: string; owner_id: string; unit_id: string }, ip: string | null, actor: Actor | null) {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Math.min(now().getTime() + VOTER_TOKEN_MS, new Date(vote.closes_at).getTime() + 60_000));
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('owner_verifications')
      .values({ vote_id: vote.id, district_id: vote.district_id, quarter_id: vote.quarter_id, member: who.member, owner_id: who.owner_id, unit_id: who.unit_id, token_hash: tokenHash(token), expires_at: expiresAt, ip })
      .execute();
    // Who verified and from where, not as which member (see the ballot's audit entry).
    await recordAudit(tx, { actor, ip }, { action: 'verify', entity: 'vote_voter', entityId: vote.id, place: placeOfRow(vote) });
  });
  return { voterToken: token, expiresAt: expiresAt.toISOString() };
}
