// Bulk import of buildings, units and owners from Excel (.xlsx) or CSV, as the property company
// or the housing bureau hands them over (一小区一档案, T/ZAS 4006.1—2020 6.1.3.2). A file with any bad row is refused
// whole, every bad row listed with its row number and reason; a good file is written in one
// transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { authorizeImportRun, authorizeQuarter } from './access';
import { validateImport } from './import-check';
import { ImportTooLargeError, UnreadableFileError, type ParsedSheet } from './import-parse';
import { parseImportFileOffThread } from './import-parse-off-thread';
import { rowErrorsIn, type RowError } from './import-template';
import { writeImport } from './import-write';

type DB = Kysely<Database>;

// Progress of imports being written by this process, for GET /api/imports/:id.
const progress = new Map<string, { processed: number; total: number }>();

export function importProgress(importId: string) {
  return progress.get(importId) ?? null;
}

export interface StartedImport {
  id: string;
  status: 'writing';
  total: number;
  /** Settles when the write has finished (tests and the CLI wait on it). */
  finished: Promise<void>;
}

/**
 * Validates an uploaded file. A bad file is recorded as a rejected run and answered with 422
 * and every bad row; a good one starts writing in the background and is answered at once.
 */
export async function startImport(
  db: DB,
  ctx: RequestContext,
  hashKey: Buffer,
  quarterId: string,
  file: { name: string; buffer: Buffer },
): Promise<StartedImport> {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'registry.import');
  let sheets: ParsedSheet[];
  try {
    sheets = await parseImportFileOffThread(file.name, file.buffer);
  } catch (e) {
    if (e instanceof ImportTooLargeError) throw new AppError('IMPORT_TOO_LARGE', { reason: e.reasonZh, reasonEn: e.reasonEn });
    if (e instanceof UnreadableFileError) throw new AppError('IMPORT_UNREADABLE', { reason: e.reasonZh, reasonEn: e.reasonEn });
    throw e;
  }
  const { errors, plan } = await validateImport(db, hashKey, quarterId, sheets);
  const userId = ctx.actor.id === SYSTEM_ACTOR_ID ? null : ctx.actor.id;
  if (errors.length) {
    const run = await db
      .insertInto('import_runs')
      .values({
        district_id: place!.districtId,
        quarter_id: quarterId,
        user_id: userId,
        file_name: file.name.slice(0, 200),
        status: 'rejected',
        total: plan.total,
        errors: JSON.stringify(errors),
        finished_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    throw new AppError('IMPORT_REJECTED', { count: new Set(errors.map((e) => `${e.sheet}:${e.row}`)).size }, (locale: Locale) => ({
      importId: run.id,
      rows: rowErrorsIn(locale, errors),
    }));
  }
  const run = await db
    .insertInto('import_runs')
    .values({ district_id: place!.districtId, quarter_id: quarterId, user_id: userId, file_name: file.name.slice(0, 200), status: 'writing', total: plan.total })
    .returning('id')
    .executeTakeFirstOrThrow();
  progress.set(run.id, { processed: 0, total: plan.total });
  const finished = writeImport(db, ctx, quarterId, run.id, plan, (done, total) => {
    progress.set(run.id, { processed: Math.round((done / Math.max(total, 1)) * plan.total), total: plan.total });
  })
    // Fresh statistics for the tables the import filled: PGlite runs no autovacuum, and a
    // planner without them reads a quarter's rows as if its tables were empty (docs/scaling.md).
    .then(async () => {
      await sql`ANALYZE buildings, units, owners, unit_owners`.execute(db).catch(() => {});
    })
    .catch(async (e: unknown) => {
      const reason = (e as { code?: string }).code === '23505' ? '写入时发现重复数据（可能有人同时录入了同一房屋），未导入任何数据' : '写入失败，未导入任何数据';
      await db
        .updateTable('import_runs')
        .set({ status: 'failed', errors: JSON.stringify([{ row: 0, field: '', reason }]), finished_at: new Date() })
        .where('id', '=', run.id)
        .execute()
        .catch(() => {});
    })
    .finally(() => {
      // Keep the figure briefly for a last poll, then forget it; the row holds the outcome.
      setTimeout(() => progress.delete(run.id), 60_000).unref();
    });
  return { id: run.id, status: 'writing', total: plan.total, finished };
}

export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/** An import run with its row errors in the given language (the report file keeps Chinese). */
export async function getImportRun(db: DB, actor: RequestContext['actor'], importId: string, locale: Locale = 'zh-CN') {
  const { run } = await authorizeImportRun(db, actor, importId, 'registry.import');
  const live = importProgress(run.id);
  return {
    id: run.id,
    quarterId: run.quarter_id,
    fileName: run.file_name,
    status: run.status,
    total: run.total,
    processed: run.status === 'done' ? run.total : (live?.processed ?? 0),
    rows: rowErrorsIn(locale, run.errors as RowError[]),
    summary: (run.summary as Record<string, number> | null) ?? null,
    createdAt: run.created_at,
  };
}

/** The template: one sheet of buildings, one of units and owners, with an example row each. */
