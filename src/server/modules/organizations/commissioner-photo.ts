// The commissioner's photo (ZAS 6.1.3.5 公开小区专员信息，信息宜包含姓名、联系方式、照片): uploaded by
// the offices that keep the commissioner's record (5.3.1 "配备", the same who appoint), read by
// anyone from the quarter's public board while the commissioner is in office. JPEG, PNG or WebP,
// the type read from the content and the content walked to its end, so that a file that is
// also a page or a PDF (a "polyglot") is refused; served inline under a sandbox.
import crypto from 'node:crypto';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { wholePhotoType } from '../../platform/uploads';
import { authorizeCommissioner } from './access';
import { shanghaiDate, type DB, type OrgContext } from './shared';

const KB = 1024;
/**
 * A portrait for a phone screen is well under this (the web page scales a larger photo down
 * before it uploads it); the board loads the photo on every visit that reaches it.
 */
export const COMMISSIONER_PHOTO_MAX_BYTES = 2 * KB * KB;

/** The photo's public address; the version changes with the content, so a new photo is seen at once despite the cache. */
export function commissionerPhotoUrl(commissionerId: string, sha256: string): string {
  return `/api/public/commissioners/${commissionerId}/photo?v=${sha256.slice(0, 12)}`;
}

/** Stores (or replaces) the commissioner's photo: the offices that keep the record (404 outside the scope, 403 for others). */
export async function uploadCommissionerPhoto(db: DB, ctx: OrgContext, commissionerId: string, content: Buffer): Promise<{ photoUrl: string }> {
  const { commissioner, place } = await authorizeCommissioner(db, ctx.actor, commissionerId, 'office');
  if (content.length > COMMISSIONER_PHOTO_MAX_BYTES) throw new AppError('COMMISSIONER_PHOTO_TOO_LARGE', { mb: COMMISSIONER_PHOTO_MAX_BYTES / KB / KB });
  const type = wholePhotoType(content);
  if (!type) throw new AppError('COMMISSIONER_PHOTO_TYPE');
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  await db.transaction().execute(async (tx) => {
    const row = { district_id: commissioner.district_id, quarter_id: commissioner.quarter_id, content_type: type, size_bytes: content.length, sha256, content, uploaded_by: ctx.actor.id, uploaded_at: new Date() };
    await tx
      .insertInto('commissioner_photos')
      .values({ commissioner_id: commissionerId, ...row })
      .onConflict((oc) => oc.column('commissioner_id').doUpdateSet(row))
      .execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'commissioner', entityId: commissionerId, place, after: { photo: { type, size: content.length, sha256 } } });
  });
  return { photoUrl: commissionerPhotoUrl(commissionerId, sha256) };
}

/**
 * The photo as anyone reads it, without an account, while its commissioner is in office (by the
 * calendar day in Asia/Shanghai): a former commissioner's photo is no longer public (404).
 */
export async function publicCommissionerPhoto(db: DB, commissionerId: string): Promise<{ contentType: string; content: Buffer }> {
  const today = shanghaiDate();
  const photo = await db
    .selectFrom('commissioner_photos as p')
    .innerJoin('commissioners as c', 'c.id', 'p.commissioner_id')
    .select(['p.content_type', 'p.content'])
    .where('p.commissioner_id', '=', commissionerId)
    .where('c.started_on', '<=', today)
    .where((w) => w.or([w('c.ended_on', 'is', null), w('c.ended_on', '>=', today)]))
    .executeTakeFirst();
  if (!photo) throw notFound();
  return { contentType: photo.content_type, content: photo.content };
}
