/**
 * `gongzhi tally FILE`: re-tallies a published vote record of version 1 or 2 without an account and without
 * the server (format document, "`gongzhi tally FILE`"). FILE may be `-` for standard input.
 *
 * Prints the result as JSON to standard output and returns the exit status:
 *   0  the record is valid (whether its items passed or not),
 *   1  the record is invalid (the result still shows the counts, every item `passed: false`),
 *   2  the input cannot be used at all (unreadable, not UTF-8, not JSON, not an object,
 *      another `format`): a message on standard error and nothing on standard output.
 */
import { readFile } from 'node:fs/promises';
import { UnusableRecordError, parseRecordJson } from '../core/voting/tally';
import { tallyAnyRecord } from '../core/voting/tally-any';

export interface TallyIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  stdin: AsyncIterable<string | Uint8Array>;
}

async function readAll(stream: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function readProblem(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return `there is no file ${file}.`;
  if (code === 'EISDIR') return `${file} is a folder, not a file.`;
  if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be read (permission denied).`;
  return `${file} cannot be read (${e instanceof Error ? e.message : String(e)}).`;
}

export async function runTally(file: string, io: TallyIo): Promise<number> {
  const source = file === '-' ? 'standard input' : file;
  const fail = (message: string): number => {
    io.stderr.write(`gongzhi tally: ${source}: ${message}\n`);
    return 2;
  };

  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readAll(io.stdin) : await readFile(file);
  } catch (e) {
    return fail(readProblem(source, e));
  }

  let text: string;
  try {
    // The format document says the file is UTF-8; a file that is not cannot be the record
    // that was published, so it is refused rather than read with replacement characters.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('the input is not UTF-8 text, so it is not a vote record.');
  }

  try {
    const result = tallyAnyRecord(parseRecordJson(text));
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.valid ? 0 : 1;
  } catch (e) {
    if (e instanceof UnusableRecordError) return fail(e.message);
    throw e;
  }
}
