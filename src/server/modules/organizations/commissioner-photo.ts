// The commissioner's photo (ZAS 6.1.3.5 公开小区专员信息，信息宜包含姓名、联系方式、照片): uploaded by
// the offices that keep the commissioner's record (5.3.1 "配备", the same who appoint), read by
// anyone from the quarter's public board while the commissioner is in office. JPEG, PNG or WebP,
// the type read from the content and the content walked to its end, so that a file that is
// also a page or a PDF (a "polyglot") is refused; served inline under a sandbox.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { recordAudit } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { authorizeCommissioner } from './access';
import { shanghaiDate, type DB, type OrgContext } from './shared';

const KB = 1024;
/**
 * A portrait for a phone screen is well under this (the web page scales a larger photo down
 * before it uploads it); the board loads the photo on every visit that reaches it.
 */
export const COMMISSIONER_PHOTO_MAX_BYTES = 2 * KB * KB;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Signatures of other formats that must not appear inside a photo (a PDF reader or a sniffing browser finds them). */
const FOREIGN = ['%pdf-', '<script', '<html', '<iframe', '<body', '<svg', '<!doctype html', 'javascript:'];

/** PNG (ISO/IEC 15948): chunks with their CRC from IHDR to IEND, with image data, and nothing after. */
function pngIsWhole(content: Buffer): boolean {
  let at = PNG_SIGNATURE.length;
  let first = true;
  let sawData = false;
  while (at + 12 <= content.length) {
    const length = content.readUInt32BE(at);
    if (length > 0x7fffffff || at + 12 + length > content.length) return false;
    const type = content.subarray(at + 4, at + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type) || (first && (type !== 'IHDR' || length !== 13))) return false;
    if (zlib.crc32(content.subarray(at + 4, at + 8 + length)) !== content.readUInt32BE(at + 8 + length)) return false;
    if (type === 'IDAT') sawData = true;
    at += 12 + length;
    first = false;
    if (type === 'IEND') return sawData && at === content.length;
  }
  return false;
}

/** JPEG (ITU-T T.81 Annex B): SOI, a frame, and EOI as the last two bytes. */
function jpegIsWhole(content: Buffer): boolean {
  if (content.length < 4 || content[0] !== 0xff || content[1] !== 0xd8 || content[2] !== 0xff) return false;
  if (content[content.length - 2] !== 0xff || content[content.length - 1] !== 0xd9) return false;
  // A start of scan (FFDA) must come before the end.
  return content.indexOf(Buffer.from([0xff, 0xda]), 2) > 0;
}

/** WebP (RFC 9649): a RIFF container whose size is the file's, of form WEBP, holding a VP8, VP8L or VP8X chunk. */
function webpIsWhole(content: Buffer): boolean {
  if (content.length < 20 || content.subarray(0, 4).toString('latin1') !== 'RIFF' || content.subarray(8, 12).toString('latin1') !== 'WEBP') return false;
  if (content.readUInt32LE(4) + 8 !== content.length) return false;
  return ['VP8 ', 'VP8L', 'VP8X'].includes(content.subarray(12, 16).toString('latin1'));
}

/** The photo's type from its content, or null when it is not one whole JPEG, PNG or WebP and nothing else. */
export function photoType(content: Buffer): PhotoType | null {
  let type: PhotoType | null = null;
  if (content.subarray(0, 8).equals(PNG_SIGNATURE)) type = pngIsWhole(content) ? 'image/png' : null;
  else if (content[0] === 0xff && content[1] === 0xd8) type = jpegIsWhole(content) ? 'image/jpeg' : null;
  else if (content.subarray(0, 4).toString('latin1') === 'RIFF') type = webpIsWhole(content) ? 'image/webp' : null;
  if (!type) return null;
  const lower = content.toString('latin1').toLowerCase();
  return FOREIGN.some((n) => lower.includes(n)) ? null : type;
}

/** The photo's public address; the version changes with the content, so a new photo is seen at once despite the cache. */
export function commissionerPhotoUrl(commissionerId: string, sha256: string): string {
  return `/api/public/commissioners/${commissionerId}/photo?v=${sha256.slice(0, 12)}`;
}

/** Stores (or replaces) the commissioner's photo: the offices that keep the record (404 outside the scope, 403 for others). */
export async function uploadCommissionerPhoto(db: DB, ctx: OrgContext, commissionerId: string, content: Buffer): Promise<{ photoUrl: string }> {
  const { commissioner, place } = await authorizeCommissioner(db, ctx.actor, commissionerId, 'office');
  if (content.length > COMMISSIONER_PHOTO_MAX_BYTES) throw new AppError('COMMISSIONER_PHOTO_TOO_LARGE', { mb: COMMISSIONER_PHOTO_MAX_BYTES / KB / KB });
  const type = photoType(content);
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
