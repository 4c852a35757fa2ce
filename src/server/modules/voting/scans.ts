// Scans of signed paper ballots and proxy letters (委托书): limited in size while they stream in,
// checked whole (scan-content.ts), held to a quota per vote, served so that nothing in them can
// run, and the ones no ballot came to use are deleted when the vote closes.
import crypto from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit, recordAudits, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import { assertTakingBallots, authorizeVote } from './access';
import { statusParams } from './labels';
import type { VoteRow } from './record';
import { checkScanContent, type ScanRefusal } from './scan-content';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

const MB = 1024 * 1024;
/**
 * The largest scan. A phone photo of an A4 ballot is 2–5 MB and a 300 dpi colour page from a
 * scanner as PDF about the same, so 8 MB leaves room for a two-page proxy letter; anything
 * larger is a mistake (a video, a raw camera file) and would hold the database for seconds.
 * The route stops reading at this size rather than taking the 20 MB other uploads may have.
 */
export const SCAN_MAX_BYTES = 8 * MB;
/**
 * A vote's scans: each member casts one ballot and a proxy ballot brings at most one letter, so
 * two per member of the roll (a photo taken again) and 20 spare are plenty; their bytes are
 * held to one full-size scan per member and 10 spare, which bounds what one vote can add to
 * the database and its backups.
 */
export function scanQuota(members: number) {
  return { count: members * 2 + 20, bytes: (members + 10) * SCAN_MAX_BYTES };
}

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  'application/pdf': { zh: 'PDF', en: 'PDF' },
  'image/jpeg': { zh: 'JPEG 图片', en: 'JPEG image' },
  'image/png': { zh: 'PNG 图片', en: 'PNG image' },
};

function refuse(r: ScanRefusal): never {
  if (r.kind === 'unsupported') throw new AppError('SCAN_TYPE_UNSUPPORTED');
  const name = TYPE_NAMES[r.type];
  if (r.kind === 'malformed') throw new AppError('SCAN_MALFORMED', { type: name.zh, typeEn: name.en });
  if (r.kind === 'foreign') throw new AppError('SCAN_POLYGLOT', { type: name.zh, typeEn: name.en });
  throw new AppError('SCAN_PDF_ACTIVE', { names: r.names.map((n) => `/${n}`).join('、'), namesEn: r.names.map((n) => `/${n}`).join(', ') });
}

/** Serialises a vote's uploads with each other (the quota) and with its close (the clean-up). */
async function lockVoteScans(tx: Transaction<Database>, voteId: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`vote_scans:${voteId}`}, 0))`.execute(tx);
}

export async function uploadScan(db: DB, ctx: RequestContext, voteId: string, file: { name: string; content: Buffer }) {
  // A vote not taking ballots (not started, past its window) is refused before the file is read.
  assertTakingBallots(await authorizeVote(db, ctx.actor, voteId, 'enterBallots'));
  if (file.content.length > SCAN_MAX_BYTES) throw new AppError('SCAN_TOO_LARGE', { mb: SCAN_MAX_BYTES / MB });
  // The type is read from the content, not from the name or the header the browser sent.
  const checked = checkScanContent(file.content);
  if (!checked.ok) refuse(checked);
  const type = checked.type;
  const sha256 = crypto.createHash('sha256').update(file.content).digest('hex');
  const size = file.content.length;
  return db.transaction().execute(async (tx) => {
    await lockVoteScans(tx, voteId);
    // Read again under the lock: a close that took it first has deleted the unused scans.
    const vote = await authorizeVote(tx, ctx.actor, voteId, 'enterBallots');
    if (vote.status !== 'open') throw new AppError('VOTE_NOT_OPEN', statusParams(vote.status));
    const [members, used] = await Promise.all([
      tx.selectFrom('vote_roll').select(sql<number>`count(*)`.as('n')).where('vote_id', '=', vote.id).executeTakeFirstOrThrow(),
      tx.selectFrom('vote_scans').select([sql<number>`count(*)`.as('n'), sql<string>`coalesce(sum(size_bytes), 0)`.as('bytes')]).where('vote_id', '=', vote.id).executeTakeFirstOrThrow(),
    ]);
    const quota = scanQuota(Number(members.n));
    if (Number(used.n) + 1 > quota.count) throw new AppError('SCAN_QUOTA_COUNT', { max: quota.count });
    if (Number(used.bytes) + size > quota.bytes) throw new AppError('SCAN_QUOTA_BYTES', { mb: Math.floor(quota.bytes / MB) });
    const row = await tx
      .insertInto('vote_scans')
      .values({ vote_id: vote.id, district_id: vote.district_id, quarter_id: vote.quarter_id, file_name: file.name.slice(0, 200), content_type: type, size_bytes: size, sha256, content: file.content, uploaded_by: ctx.actor.id })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'upload', entity: 'vote_scan', entityId: row.id, place: placeOfRow(vote), after: { voteId: vote.id, fileName: file.name, contentType: type, sizeBytes: size, sha256 } });
    return { id: row.id, fileName: file.name, contentType: type, sizeBytes: size, sha256 };
  });
}

export async function getScan(db: DB, actor: Actor, voteId: string, scanId: string) {
  const vote = await authorizeVote(db, actor, voteId, 'read');
  const scan = await db.selectFrom('vote_scans').select(['file_name', 'content_type', 'content']).where('id', '=', scanId).where('vote_id', '=', vote.id).executeTakeFirst();
  if (!scan) throw notFound();
  return { fileName: scan.file_name, contentType: scan.content_type, content: scan.content };
}

/** The scan a paper or proxy ballot names: one of this vote's. */
export async function checkScan(db: Exec, vote: VoteRow, scanId: string | null | undefined, required: boolean): Promise<string | null> {
  if (!scanId) {
    if (required) throw new AppError('SCAN_REQUIRED');
    return null;
  }
  const scan = await db.selectFrom('vote_scans').select('id').where('id', '=', scanId).where('vote_id', '=', vote.id).executeTakeFirst();
  if (!scan) throw new AppError('SCAN_NOT_FOUND');
  return scan.id;
}

/**
 * Deletes the scans no ballot uses, in the close's transaction. Once a vote is closed no ballot
 * can be entered, so such a scan can never prove anything; it is still an image of a signed
 * paper with a name on it (个人信息保护法 第19条: kept no longer than its purpose needs). The
 * close is the moment rather than a number of days after: it is the first time the answer is
 * certain, and it needs no timer. Each deleted scan has its audit entry.
 */
export async function deleteUnusedScans(tx: Transaction<Database>, ctx: RequestContext, vote: VoteRow) {
  await lockVoteScans(tx, vote.id);
  const removed = await tx
    .deleteFrom('vote_scans')
    .where('vote_id', '=', vote.id)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('ballots').select('ballots.id').whereRef('ballots.scan_id', '=', 'vote_scans.id'))))
    // A voided ballot's scan stays with it: it shows what was entered wrongly (issue 10, point 5).
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('voided_ballots').select('voided_ballots.id').whereRef('voided_ballots.scan_id', '=', 'vote_scans.id'))))
    .returning(['id', 'file_name', 'size_bytes', 'sha256'])
    .execute();
  if (!removed.length) return 0;
  const place = placeOfRow(vote);
  const entries = removed.map((s) => ({ ctx, entry: { action: 'delete', entity: 'vote_scan', entityId: s.id, place, before: { voteId: vote.id, fileName: s.file_name, sizeBytes: s.size_bytes, sha256: s.sha256 }, after: { reason: 'unused when the vote closed' } } }));
  await recordAudits(tx, entries);
  return removed.length;
}
