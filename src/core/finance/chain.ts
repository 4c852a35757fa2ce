// The ledger's chain (SPEC "Cross-cutting": the ledger is tamper-evident): every entry's hash
// covers the hash of the entry before it and the entry's own content, so that a changed amount,
// date or memo, or an entry taken out, breaks the chain from there on. Pure: the server writes
// the hashes, and anyone with an export of the entries can check them.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Line } from './ledger';

/** The hash before the first entry of a quarter's books: the quarter's own id, hashed. */
export function genesisHash(quarterId: string): string {
  return bytesToHex(sha256(utf8ToBytes(`gongzhi.ledger/1\n${quarterId}`)));
}

export interface ChainedEntry {
  seq: number;
  date: string;
  memo: string;
  lines: readonly Line[];
  reversesId: string | null;
  projectId: string | null;
  voucherSha256: string | null;
}

/** The content of an entry as one canonical text (fixed key order, lines in order). */
export function canonicalEntry(e: ChainedEntry): string {
  return JSON.stringify([e.seq, e.date, e.memo, e.lines.map((l) => [l.account, l.debitFen, l.creditFen]), e.reversesId, e.projectId, e.voucherSha256]);
}

export function entryHash(prev: string, e: ChainedEntry): string {
  return bytesToHex(sha256(utf8ToBytes(`${prev}\n${canonicalEntry(e)}`)));
}

/**
 * Checks a quarter's entries in seq order against their stored hashes: the first seq where the
 * chain breaks (a changed entry, a gap, a hash that does not follow), or null when it holds.
 */
export function verifyChain(quarterId: string, entries: readonly (ChainedEntry & { hash: string })[]): { valid: boolean; head: string; brokenAt: number | null } {
  let prev = genesisHash(quarterId);
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1 || entryHash(prev, e) !== e.hash) return { valid: false, head: prev, brokenAt: e.seq };
    prev = e.hash;
  }
  return { valid: true, head: prev, brokenAt: null };
}
