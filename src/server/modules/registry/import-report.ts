// The rejected rows of an import run as a spreadsheet, to correct and upload again.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../platform/audit';
import { getImportRun } from './import';

type DB = Kysely<Database>;

/** Streamed (ExcelJS's WorkbookWriter) into the answer rather than built whole in memory (docs/scaling.md). */
export async function importReport(db: DB, actor: RequestContext['actor'], importId: string): Promise<{ fileName: string; stream: Readable }> {
  const run = await getImportRun(db, actor, importId);
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const ws = wb.addWorksheet('错误行');
  ws.columns = [
    { header: '工作表', key: 'sheet', width: 12 },
    { header: '行号', key: 'row', width: 8 },
    { header: '字段', key: 'field', width: 16 },
    { header: '原因', key: 'reason', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of run.rows) ws.addRow(e).commit();
  ws.commit();
  wb.commit().catch((err: Error) => stream.destroy(err));
  return { fileName: `导入错误报告-${run.fileName.replace(/\.[^.]+$/, '')}.xlsx`, stream };
}
