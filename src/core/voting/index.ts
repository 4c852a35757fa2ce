/**
 * Owners' assembly voting (业主大会表决): the published vote record (`gongzhi.vote-record/1` and `/2`),
 * its hashes, how the server builds it and how anyone re-tallies it (民法典 第278条, 第1259条;
 * docs/vote-record-format.md).
 */
export * from './record';
export {
  RECEIPT_SEPARATOR,
  ballotHash,
  choicesString,
  compareUtf8,
  findByReceipt,
  genesisHash,
  isUsableMember,
  normalizeReceiptCode,
  receiptCode,
  rollFingerprint,
  sha256Hex,
} from './hash';
export { appendBallot, buildRecord, openChain, sealBallot } from './builder';
export type { ChainState, OpenedChain } from './builder';
export {
  UnusableRecordError,
  itemPasses,
  meetsQuorum,
  parseRecordJson,
  tallyRecord,
} from './tally';
export * from './record-v2';
export { HEX128, HEX256, areaCommitment, ballotHashV2, headV2, participantsFingerprint } from './hash-v2';
export { buildRecordV2, sealBallotV2, withheldFlags } from './builder-v2';
export type { SealedBallotV2 } from './builder-v2';
export { tallyRecordV2 } from './tally-v2';
export { tallyAnyRecord } from './tally-any';
export { compareInstants, parseIsoInstant } from './time';
export type { Instant } from './time';
export { checkCastOrderChain, sealVoid, voidEntryHash } from './chain';
export type { ChainEntry, VoidEntry } from './chain';
