/**
 * `gongzhi check-openings RECORD OPENINGS`: an auditor checks a version 2 record against the
 * openings `gongzhi vote-openings` printed on the server's machine (docs/vote-record-format.md,
 * "What a re-tally cannot check"). Prints `{valid, errors, withheld}` as JSON; exit status 0 when
 * the openings confirm the record, 1 when they do not, 2 when a file cannot be used.
 */
import { readFile } from 'node:fs/promises';
import { checkOpenings } from '../core/voting/openings';
import { UnusableRecordError, parseRecordJson } from '../core/voting/tally';
import type { TallyIo } from './tally';

export async function runCheckOpenings(recordFile: string, openingsFile: string, io: Pick<TallyIo, 'stdout' | 'stderr'>): Promise<number> {
  const texts: string[] = [];
  for (const file of [recordFile, openingsFile]) {
    try {
      texts.push(new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file)));
    } catch (e) {
      io.stderr.write(`gongzhi check-openings: ${file} cannot be read as UTF-8 text (${e instanceof Error ? e.message : String(e)}).\n`);
      return 2;
    }
  }
  try {
    const result = checkOpenings(parseRecordJson(texts[0]), parseRecordJson(texts[1]));
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.valid ? 0 : 1;
  } catch (e) {
    if (e instanceof UnusableRecordError) {
      io.stderr.write(`gongzhi check-openings: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
