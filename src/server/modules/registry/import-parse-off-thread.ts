// Parsing an import file off the main thread: exceljs builds the whole workbook in memory and
// takes seconds on a big file, which would stop every other request of the server meanwhile. The
// worker has a memory ceiling and a time limit; a file that exceeds either is refused as too
// large, and the server goes on.
import { Worker } from 'node:worker_threads';
import { assertImportSize, ImportTooLargeError, MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES } from './import-limits';
import { UnreadableFileError, type ParsedSheet } from './import-parse';

const WORKER_HEAP_MB = 768;
const PARSE_TIMEOUT_MS = 60_000;

type Answer =
  | { ok: true; sheets: ParsedSheet[] }
  | { ok: false; reasonZh: string; reasonEn: string; tooLarge?: boolean }
  | { ok: false; error: string };

const tooLarge = () =>
  new ImportTooLargeError(
    `文件过大，无法在限定的内存和时间内读完：一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString('en')} 行数据（解压后不超过 ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB），请按楼栋拆分后分批导入`,
    `the file is too large to read within the memory and time allowed: at most ${MAX_IMPORT_ROWS.toLocaleString('en')} data rows in one import; split it by building and import the parts`,
  );

/** The sheets of an import file, parsed in a worker thread after the size checks. */
export async function parseImportFileOffThread(fileName: string, buffer: Buffer): Promise<ParsedSheet[]> {
  assertImportSize(fileName, buffer);
  const bytes = new Uint8Array(buffer); // a copy the worker may take
  const worker = new Worker(new URL('./import-parse-worker.mjs', import.meta.url), {
    workerData: { fileName, bytes },
    transferList: [bytes.buffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return new Promise<ParsedSheet[]>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(tooLarge())), PARSE_TIMEOUT_MS);
    worker.once('message', (answer: Answer) =>
      settle(() => {
        if (answer.ok) return resolve(answer.sheets);
        if ('error' in answer) return reject(new Error(`import parse failed: ${answer.error}`));
        const E = answer.tooLarge ? ImportTooLargeError : UnreadableFileError;
        reject(new E(answer.reasonZh, answer.reasonEn));
      }),
    );
    worker.once('error', (err: NodeJS.ErrnoException) =>
      settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooLarge() : err)),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`import parse worker exited with ${code}`))));
  });
}
