// Photos of a case or a hazard: JPEG, PNG or WebP, at most PHOTO_MAX_BYTES each and PHOTO_MAX_COUNT a record,
// the type read from the content (not the name or the header the browser sent), served so that
// nothing in them can run.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import { sniffFile, type PhotoType } from '../../platform/uploads';
import { authorizeCase } from './access';
import { authorizeHazard, partiesOf as hazardPartiesOf } from './hazards';
import type { CaseRow } from './tables';

type DB = Kysely<Database>;

const MB = 1024 * 1024;
/** A phone photo is 2–4 MB; a screenshot far less. */
export const PHOTO_MAX_BYTES = 5 * MB;
export const PHOTO_MAX_COUNT = 3;

/** The image type from the first bytes (platform/uploads.ts), or null for anything else. */
export function imageType(content: Buffer): PhotoType | null {
  const sniffed = sniffFile(content);
  return sniffed?.kind === 'photo' ? (sniffed.type as PhotoType) : null;
}

/** The image type of an acceptable photo: at most PHOTO_MAX_BYTES (413), an image by its content (422). */
export function acceptedPhoto(content: Buffer): PhotoType {
  if (content.length > PHOTO_MAX_BYTES) throw new AppError('CASE_PHOTO_TOO_LARGE', { mb: PHOTO_MAX_BYTES / MB });
  const type = imageType(content);
  if (!type) throw new AppError('CASE_PHOTO_TYPE');
  return type;
}

/** Adds a photo to a case; `actor` is null when the raiser adds it by the tracking code. */
export async function addPhoto(db: DB, row: CaseRow, content: Buffer, audit: { actor: Actor | null; ip: string | null }) {
  const type = acceptedPhoto(content);
  return db.transaction().execute(async (tx) => {
    // The case's row is the lock that keeps two uploads at once from passing the count together.
    await tx.selectFrom('cases').select('id').where('id', '=', row.id).forUpdate().execute();
    const n = await tx.selectFrom('case_photos').select(sql<number>`count(*)`.as('n')).where('case_id', '=', row.id).executeTakeFirstOrThrow();
    if (Number(n.n) >= PHOTO_MAX_COUNT) throw new AppError('CASE_PHOTO_COUNT', { max: PHOTO_MAX_COUNT });
    const photo = await tx
      .insertInto('case_photos')
      .values({
        case_id: row.id,
        district_id: row.district_id,
        quarter_id: row.quarter_id,
        content_type: type,
        size_bytes: content.length,
        sha256: crypto.createHash('sha256').update(content).digest('hex'),
        content,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, audit as never, { action: 'create', entity: 'case_photo', entityId: photo.id, place: placeOfRow(row), after: { caseId: row.id, type, size: content.length } });
    return { id: photo.id };
  });
}

export async function addPhotoAsStaff(db: DB, ctx: { actor: Actor; ip: string | null }, caseId: string, content: Buffer) {
  const { row, parties } = await authorizeCase(db, ctx.actor, caseId);
  // The raiser, the dispatching office and the handler add photos (the handler's of the work done).
  if (!parties.length) throw new AppError('FORBIDDEN');
  return addPhoto(db, row, content, ctx);
}

export async function getPhoto(db: DB, actor: Actor, caseId: string, photoId: string) {
  const { row } = await authorizeCase(db, actor, caseId);
  const photo = await db.selectFrom('case_photos').select(['content_type', 'content']).where('id', '=', photoId).where('case_id', '=', row.id).executeTakeFirst();
  if (!photo) throw notFound();
  return { contentType: photo.content_type, content: photo.content };
}

// ---- photos of a hazard (T/ZAS 4006.1—2020 6.2.4.3): the same rules as a case's ----

/** Adds a photo to a hazard: whoever may read it and takes part in it (patrols, handles, verifies). */
export async function addHazardPhoto(db: DB, ctx: { actor: Actor; ip: string | null }, hazardId: string, content: Buffer) {
  const row = await authorizeHazard(db, ctx.actor, hazardId);
  if (!hazardPartiesOf(ctx.actor).length) throw new AppError('FORBIDDEN');
  const type = acceptedPhoto(content);
  return db.transaction().execute(async (tx) => {
    // The hazard's row is the lock that keeps two uploads at once from passing the count together.
    await tx.selectFrom('hazards').select('id').where('id', '=', row.id).forUpdate().execute();
    const n = await tx.selectFrom('hazard_photos').select(sql<number>`count(*)`.as('n')).where('hazard_id', '=', row.id).executeTakeFirstOrThrow();
    if (Number(n.n) >= PHOTO_MAX_COUNT) throw new AppError('HAZARD_PHOTO_COUNT', { max: PHOTO_MAX_COUNT });
    const photo = await tx
      .insertInto('hazard_photos')
      .values({ hazard_id: row.id, district_id: row.district_id, quarter_id: row.quarter_id, content_type: type, size_bytes: content.length, sha256: crypto.createHash('sha256').update(content).digest('hex'), content })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'hazard_photo', entityId: photo.id, place: placeOfRow(row), after: { hazardId: row.id, type, size: content.length } });
    return { id: photo.id };
  });
}

/** A photo of a hazard, to whoever may read the hazard (404 otherwise, as for an unknown id). */
export async function getHazardPhoto(db: DB, actor: Actor, hazardId: string, photoId: string) {
  const row = await authorizeHazard(db, actor, hazardId);
  const photo = await db.selectFrom('hazard_photos').select(['content_type', 'content']).where('id', '=', photoId).where('hazard_id', '=', row.id).executeTakeFirst();
  if (!photo) throw notFound();
  return { contentType: photo.content_type, content: photo.content };
}
