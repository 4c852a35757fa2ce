// The worker thread that parses an import file (import-parse-off-thread.ts). Plain JavaScript:
// a worker does not inherit the TypeScript loader of the thread that starts it, so it registers
// tsx itself before loading the parser.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseImportFile, UnreadableFileError } = await import('./import-parse.ts');
try {
  const sheets = await parseImportFile(workerData.fileName, Buffer.from(workerData.bytes));
  parentPort.postMessage({ ok: true, sheets });
} catch (err) {
  parentPort.postMessage(
    err instanceof UnreadableFileError
      ? { ok: false, reasonZh: err.reasonZh, reasonEn: err.reasonEn, tooLarge: err.constructor.name === 'ImportTooLargeError' }
      : { ok: false, error: String(err?.stack ?? err) },
  );
}
