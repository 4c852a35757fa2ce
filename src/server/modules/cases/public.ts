// Raising and following a case without an account (码上办: the quarter's QR code): the phone is
// proved by a one-time code sent through the notifications module's SMS channel (the log
// channel prints it in the demo), then the case is raised and followed by its tracking code,
// which is all the raiser holds. What the tracking page shows carries no personal data: no
// phone, no name, no staff member, only the offices.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { keyedHash } from '../../platform/keys';
import { maskPhone } from '../../../core/idnumber';
import { CASE_CLAUSE, handlerLabel, ratingLabels, statusLabels, type CaseStatus, type HandlerKind, type Rating } from '../../../core/cases';
import { sendDirect, type SmsSetting } from '../notifications';
import { quarterPlaceById } from '../registry';
import { categoriesOf } from './categories';
import { insertCase } from './cases';
import { addPhoto } from './photos';
import { applyStep } from './steps';
import type { CaseRow } from './tables';

type DB = Kysely<Database>;

export const CODE_TTL_MIN = 10;
export const CODE_TRIES = 5;
export const CODE_RESEND_SECONDS = 60;
/** Codes per phone and per address in an hour: a few resends, not a stream of messages. */
export const CODES_PER_HOUR_PHONE = 5;
export const CODES_PER_HOUR_ADDRESS = 30;
/** How long a proved phone may take to finish the form. */
const TOKEN_MIN = 30;
const HOUR_MS = 60 * 60 * 1000;

/** A mainland mobile number (+86, spaces and dashes allowed), or null. */
export function mobileNumber(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[\s-]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

const phoneHash = (key: Buffer, phone: string) => keyedHash(key, `case-phone:${phone}`);
const codeHash = (key: Buffer, id: string, code: string) => keyedHash(key, `case-code:${id}:${code}`);
const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

async function publicQuarter(db: DB, quarterId: string) {
  const place = await quarterPlaceById(db, quarterId);
  if (!place) throw notFound();
  return place;
}

/** The categories a visitor chooses from, with the quarter's name. */
export async function publicCategories(db: DB, quarterId: string, locale: Locale) {
  const place = await publicQuarter(db, quarterId);
  const items = await categoriesOf(db, place.districtId);
  return { quarterId, quarterName: place.name, items: items.map((c) => ({ code: c.code, name: c.name[locale], handlerLabel: handlerLabel(c.handler)[locale] })) };
}

/** Step 1: a one-time code to the phone, within the limits per phone and per address. */
export async function sendPhoneCode(db: DB, hashKey: Buffer, sms: SmsSetting | null, quarterId: string, input: { phone: string }, ip: string | null, at: Date = new Date()) {
  const place = await publicQuarter(db, quarterId);
  const phone = mobileNumber(input.phone);
  if (!phone) throw new AppError('CASE_PHONE_INVALID');
  if (!sms) throw new AppError('CASE_SMS_UNAVAILABLE');
  const address = ip ?? 'unknown';
  const hash = phoneHash(hashKey, phone);
  const id = crypto.randomUUID();
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(at.getTime() + CODE_TTL_MIN * 60 * 1000);
  await db.transaction().execute(async (tx) => {
    // One phone's requests queue here, so that parallel requests cannot beat the limits.
    await sql`select pg_advisory_xact_lock(hashtextextended(${`case-phone:${hash}`}, 0))`.execute(tx);
    const hourAgo = new Date(at.getTime() - HOUR_MS);
    const [mine, fromAddress] = await Promise.all([
      tx
        .selectFrom('case_phone_codes')
        .select([sql<number>`count(*)`.as('n'), sql<Date | string | null>`max(created_at)`.as('last')])
        .where('phone_hash', '=', hash)
        .where('created_at', '>', hourAgo)
        .executeTakeFirstOrThrow(),
      tx.selectFrom('case_phone_codes').select(sql<number>`count(*)`.as('n')).where('ip', '=', address).where('created_at', '>', hourAgo).executeTakeFirstOrThrow(),
    ]);
    if (mine.last) {
      const wait = Math.ceil((new Date(mine.last).getTime() + CODE_RESEND_SECONDS * 1000 - at.getTime()) / 1000);
      if (wait > 0) throw new AppError('CASE_CODE_WAIT', { seconds: wait });
    }
    if (Number(mine.n) >= CODES_PER_HOUR_PHONE || Number(fromAddress.n) >= CODES_PER_HOUR_ADDRESS) throw new AppError('CASE_CODE_LIMIT', { minutes: 60 });
    // Only the newest code works.
    await tx.updateTable('case_phone_codes').set({ expires_at: at }).where('phone_hash', '=', hash).where('used_at', 'is', null).where('expires_at', '>', at).execute();
    await tx
      .insertInto('case_phone_codes')
      .values({ id, district_id: place.districtId, quarter_id: place.quarterId, phone_hash: hash, code_hash: codeHash(hashKey, id, code), ip: address, created_at: at, expires_at: expiresAt })
      .execute();
  });
  const sent = await sendDirect(db, sms.channel, {
    districtId: place.districtId,
    quarterId: place.quarterId,
    ownerId: null,
    to: phone,
    subject: '共治诉求验证码',
    body: `【共治】您正在${place.name}提交诉求，验证码 ${code}，${CODE_TTL_MIN} 分钟内有效。请勿告诉他人。`,
    keptBody: `【共治】您正在${place.name}提交诉求，验证码 ******，${CODE_TTL_MIN} 分钟内有效。`,
  });
  if (!sent) {
    await db.deleteFrom('case_phone_codes').where('id', '=', id).execute();
    throw new AppError('CASE_CODE_NOT_SENT');
  }
  return { challengeId: id, phoneMasked: maskPhone(phone), delivery: sms.kind, expiresAt: expiresAt.toISOString(), resendInSeconds: CODE_RESEND_SECONDS };
}

/**
 * Step 2: the code. Each entry is counted before it is compared, so parallel guesses cannot
 * exceed CODE_TRIES; a right code is used once and earns a token to raise one case.
 */
export async function confirmPhoneCode(db: DB, hashKey: Buffer, quarterId: string, input: { challengeId: string; code: string }, at: Date = new Date()) {
  const expired = () => new AppError('CASE_CODE_EXPIRED', { minutes: CODE_TTL_MIN });
  const row = await db.selectFrom('case_phone_codes').selectAll().where('id', '=', input.challengeId).where('quarter_id', '=', quarterId).executeTakeFirst();
  if (!row || row.used_at || new Date(row.expires_at).getTime() <= at.getTime()) throw expired();
  if (row.tries >= CODE_TRIES) throw new AppError('CASE_CODE_TRIES');
  const reserved = await db
    .updateTable('case_phone_codes')
    .set((eb) => ({ tries: eb('tries', '+', 1) }))
    .where('id', '=', row.id)
    .where('tries', '<', CODE_TRIES)
    .where('used_at', 'is', null)
    .returning('tries')
    .executeTakeFirst();
  if (!reserved) throw new AppError('CASE_CODE_TRIES');
  const right = crypto.timingSafeEqual(Buffer.from(codeHash(hashKey, row.id, input.code)), Buffer.from(row.code_hash));
  if (!right) {
    const left = CODE_TRIES - reserved.tries;
    throw left > 0 ? new AppError('CASE_CODE_WRONG', { left }, { left }) : new AppError('CASE_CODE_TRIES');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(at.getTime() + TOKEN_MIN * 60 * 1000);
  const used = await db
    .updateTable('case_phone_codes')
    .set({ used_at: at, token_hash: tokenHash(token), token_expires_at: expiresAt })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!used) throw expired();
  return { raiseToken: token, expiresAt: expiresAt.toISOString() };
}

export interface PublicRaise {
  raiseToken: string;
  phone: string;
  category: string;
  description: string;
  location?: string | null;
  name?: string | null;
}

/** Step 3: the case, with the proved phone; the token is used once. */
export async function raisePublicCase(db: DB, hashKey: Buffer, quarterId: string, input: PublicRaise, ip: string | null, at: Date = new Date()) {
  const place = await publicQuarter(db, quarterId);
  const phone = mobileNumber(input.phone);
  const invalid = () => new AppError('CASE_TOKEN_INVALID');
  const row = await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable('case_phone_codes')
      .set({ token_used_at: at })
      .where('token_hash', '=', tokenHash(input.raiseToken))
      .where('quarter_id', '=', place.quarterId)
      .where('token_used_at', 'is', null)
      .where('token_expires_at', '>', at)
      .returning('phone_hash')
      .executeTakeFirst();
    if (!claimed || !phone || claimed.phone_hash !== phoneHash(hashKey, phone)) throw invalid();
    return insertCase(
      tx,
      { districtId: place.districtId, streetId: place.streetId!, communityId: place.communityId!, quarterId: place.quarterId },
      { quarterId, category: input.category, description: input.description, location: input.location, channel: 'public', raiserName: input.name, raiserPhone: phone },
      { actor: null, office: '诉求人', ip },
      at,
    );
  });
  return { trackingCode: row.tracking_code };
}

async function byTrackingCode(db: DB, trackingCode: string): Promise<CaseRow> {
  const row = await db.selectFrom('cases').selectAll().where('tracking_code', '=', trackingCode.toUpperCase()).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** What the raiser sees by the tracking code: the offices and the steps, nothing personal. */
export async function trackCase(db: DB, trackingCode: string, locale: Locale) {
  const row = await byTrackingCode(db, trackingCode);
  const [quarter, events, photos] = await Promise.all([
    quarterPlaceById(db, row.quarter_id),
    db.selectFrom('case_events').select(['at', 'action', 'to_status', 'actor_office', 'note', 'handler_kind', 'handler_department', 'rating']).where('case_id', '=', row.id).orderBy('at').orderBy('id').execute(),
    db.selectFrom('case_photos').select(sql<number>`count(*)`.as('n')).where('case_id', '=', row.id).executeTakeFirstOrThrow(),
  ]);
  const status = row.status as CaseStatus;
  return {
    trackingCode: row.tracking_code,
    quarterName: quarter?.name ?? '',
    category: row.category,
    categoryName: row.category_name,
    description: row.description,
    status,
    statusLabel: statusLabels[status][locale],
    handlerLabel: handlerLabel({ kind: row.handler_kind as HandlerKind, department: row.handler_department })[locale],
    receivedAt: row.received_at,
    resolveDueAt: row.resolve_due_at,
    photoCount: Number(photos.n),
    canRate: status === 'replied',
    canAddPhotos: status === 'received' && Number(photos.n) < 3,
    rating: row.rating as Rating | null,
    ratingLabel: row.rating ? ratingLabels[row.rating as Rating][locale] : null,
    // Only what an office wrote for the raiser (replies) and the raiser's own words; internal
    // notes of dispatch stay with staff.
    timeline: events.map((e) => ({
      at: e.at,
      action: e.action,
      status: e.to_status,
      office: e.actor_office,
      handlerLabel: e.handler_kind ? handlerLabel({ kind: e.handler_kind as HandlerKind, department: e.handler_department })[locale] : null,
      text: e.action === 'reply' || e.action === 'visit' ? e.note : null,
      rating: e.rating,
    })),
  };
}

/** The raiser's return visit by the tracking code: the rating, and a comment. */
export async function rateByTrackingCode(db: DB, trackingCode: string, input: { rating: Rating; comment?: string | null }, ip: string | null) {
  const row = await byTrackingCode(db, trackingCode);
  const result = await applyStep(db, row, ['raiser'], { action: 'visit', rating: input.rating, comment: input.comment }, { actorId: null, office: '诉求人', name: null }, { actor: null, ip });
  return { status: result.status };
}

/** The raiser adds a photo by the tracking code, while the case waits to be acknowledged. */
export async function addPhotoByTrackingCode(db: DB, trackingCode: string, content: Buffer, ip: string | null) {
  const row = await byTrackingCode(db, trackingCode);
  if (row.status !== 'received') {
    const status = statusLabels[row.status as CaseStatus];
    throw new AppError(
      'CASE_STEP_OUT_OF_ORDER',
      { statusZh: status['zh-CN'], statusEn: status.en, fromZh: statusLabels.received['zh-CN'], fromEn: statusLabels.received.en, clause: CASE_CLAUSE },
      { action: 'photo', status: row.status, from: ['received'], clause: CASE_CLAUSE },
    );
  }
  return addPhoto(db, row, content, { actor: null, ip });
}
