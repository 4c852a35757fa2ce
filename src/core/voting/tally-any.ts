/**
 * `gongzhi tally` reads both versions of the record: the `format` field picks the reader
 * (docs/vote-record-format.md). A vote sealed as version 1 keeps exporting version 1, and its
 * re-tally is exactly that of version 1.
 */
import { VOTE_RECORD_FORMAT } from './record';
import type { TallyResult } from './record';
import { VOTE_RECORD_FORMAT_V2 } from './record-v2';
import type { TallyResultV2 } from './record-v2';
import { UnusableRecordError, isObject, show, tallyRecord } from './tally';
import { tallyRecordV2 } from './tally-v2';

/** Tallies a parsed record of either version; throws {@link UnusableRecordError} as `tallyRecord` does. */
export function tallyAnyRecord(input: unknown): TallyResult | TallyResultV2 {
  if (isObject(input) && input.format === VOTE_RECORD_FORMAT_V2) return tallyRecordV2(input);
  if (isObject(input) && input.format !== undefined && input.format !== VOTE_RECORD_FORMAT) {
    throw new UnusableRecordError(
      `The input's format is ${show(input.format)}, not "${VOTE_RECORD_FORMAT}" or "${VOTE_RECORD_FORMAT_V2}"; this tool reads those two only.`,
    );
  }
  return tallyRecord(input);
}
