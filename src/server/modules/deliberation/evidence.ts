// The evidence of an action's progress (督办事项 进展及佐证): photos and documents attached to one
// progress report or the closure (T/ZAS 4006.1—2020 6.1.6 跟踪督办…反馈落实情况; DB3305/T 309—2024
// 5.1.3.2.1.5 跟踪督查). The type is read from the content (platform/uploads.ts); a PDF is also
// checked whole and refused if it runs anything when opened (the voting module's scan check).
// Served only to those who may read the action, as a download or, for a photo, in a sandbox.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import { cleanFileName, sniffFile } from '../../platform/uploads';
import { checkScanContent } from '../voting';
import { authorizeAction } from './access';

type DB = Kysely<Database>;

const MB = 1024 * 1024;
/** A phone photo is 2–4 MB. */
export const EVIDENCE_PHOTO_MAX_BYTES = 5 * MB;
/** A scanned or exported document: an invoice, an acceptance report, a contract. */
export const EVIDENCE_DOCUMENT_MAX_BYTES = 10 * MB;
/** "A few" per report: the before and after photos and the paper that records the work. */
export const EVIDENCE_MAX_COUNT = 5;
/** The clause the evidence rule cites in its messages. */
export const EVIDENCE_CLAUSE = 'T/ZAS 4006.1—2020 6.1.6';

/**
 * Attaches a file to a report of the action. Only the one who wrote the report adds its
 * evidence (the report and its evidence are one statement of theirs): a caller outside the
 * action's place gets 404, one without the right to report or not the report's author 403.
 */
export async function addEvidence(db: DB, ctx: RequestContext, actionId: string, updateId: string, file: { content: Buffer; fileName: string | undefined }) {
  const row = await authorizeAction(db, ctx.actor, actionId, 'actions.update');
  const update = await db.selectFrom('deliberation_action_updates').select(['id', 'actor_id']).where('id', '=', updateId).where('action_id', '=', row.id).where('quarter_id', '=', row.quarter_id).executeTakeFirst();
  if (!update) throw notFound();
  if (update.actor_id !== ctx.actor.id) throw new AppError('ACTION_FILE_NOT_AUTHOR', { clause: EVIDENCE_CLAUSE });
  const sniffed = sniffFile(file.content);
  if (!sniffed) throw new AppError('ACTION_FILE_TYPE', { clause: EVIDENCE_CLAUSE });
  const max = sniffed.kind === 'photo' ? EVIDENCE_PHOTO_MAX_BYTES : EVIDENCE_DOCUMENT_MAX_BYTES;
  if (file.content.length > max) throw new AppError('ACTION_FILE_TOO_LARGE', { mb: max / MB });
  if (sniffed.type === 'application/pdf' && !checkScanContent(file.content).ok) throw new AppError('ACTION_FILE_TYPE', { clause: EVIDENCE_CLAUSE });
  const fileName = cleanFileName(file.fileName, `evidence.${sniffed.ext}`).replace(/\.[^.]*$/, '') + `.${sniffed.ext}`;
  return db.transaction().execute(async (tx) => {
    // The report's row is the lock that keeps two uploads at once from passing the count together.
    await tx.selectFrom('deliberation_action_updates').select('id').where('id', '=', update.id).forUpdate().execute();
    const n = await tx.selectFrom('deliberation_action_files').select(sql<number>`count(*)`.as('n')).where('action_id', '=', row.id).where('update_id', '=', update.id).executeTakeFirstOrThrow();
    if (Number(n.n) >= EVIDENCE_MAX_COUNT) throw new AppError('ACTION_FILE_COUNT', { max: EVIDENCE_MAX_COUNT });
    const saved = await tx
      .insertInto('deliberation_action_files')
      .values({
        update_id: update.id,
        action_id: row.id,
        district_id: row.district_id,
        quarter_id: row.quarter_id,
        file_name: fileName,
        content_type: sniffed.type,
        kind: sniffed.kind,
        size_bytes: file.content.length,
        sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
        content: file.content,
        added_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'deliberation_action_file', entityId: saved.id, place: placeOfRow(row), after: { actionId: row.id, updateId: update.id, type: sniffed.type, size: file.content.length } });
    return { id: saved.id, name: fileName, type: sniffed.type, kind: sniffed.kind, size: file.content.length };
  });
}

/** The files of the action's reports, without their content, by report. */
export async function evidenceByUpdate(db: DB, actionId: string, quarterId: string) {
  const rows = await db
    .selectFrom('deliberation_action_files')
    .select(['id', 'update_id', 'file_name', 'content_type', 'kind', 'size_bytes'])
    .where('action_id', '=', actionId)
    .where('quarter_id', '=', quarterId)
    .orderBy('created_at')
    .execute();
  const out = new Map<string, { id: string; name: string; type: string; kind: 'photo' | 'document'; size: number }[]>();
  for (const r of rows) {
    const list = out.get(r.update_id) ?? [];
    list.push({ id: r.id, name: r.file_name, type: r.content_type, kind: r.kind as 'photo' | 'document', size: r.size_bytes });
    out.set(r.update_id, list);
  }
  return out;
}

export async function getEvidence(db: DB, actor: Actor, actionId: string, fileId: string) {
  const row = await authorizeAction(db, actor, actionId, 'actions.read');
  const file = await db
    .selectFrom('deliberation_action_files')
    .select(['file_name', 'content_type', 'kind', 'content'])
    .where('id', '=', fileId)
    .where('action_id', '=', row.id)
    .where('quarter_id', '=', row.quarter_id)
    .executeTakeFirst();
  if (!file) throw notFound();
  return { fileName: file.file_name, contentType: file.content_type, kind: file.kind as 'photo' | 'document', content: file.content };
}
