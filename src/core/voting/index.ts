/**
 * Owners' assembly voting (业主大会表决): the published vote record `gongzhi.vote-record/1`,
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
export { compareInstants, parseIsoInstant } from './time';
export type { Instant } from './time';
