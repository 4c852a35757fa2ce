/**
 * The server's own cast-order chain of a version 2 vote (docs/vote-record-format.md, "Version
 * 2": kept for the server's integrity, never published), and its void entries ("Voided
 * ballots"). A ballot's link is that of version 1 ({@link sealBallot}); a void is a link of its
 * own that names the entry it voids, so that a ballot taken out of the count stays on the chain
 * with the reason it was taken out. Version 1 has no void: its record publishes this chain, and
 * a re-tally counts every ballot on it.
 */
import { ballotHash, choicesString, sha256Hex } from './hash';
import type { Ballot, VoteItem } from './record';
import { parseIsoInstant } from './time';

/** A void entry of the cast-order chain. */
export interface VoidEntry {
  seq: number;
  prev: string;
  /** The seq and hash of the ballot it voids (an earlier entry of the same chain). */
  voidsSeq: number;
  voidsHash: string;
  /** ISO 8601 with offset, exactly the string that was hashed. */
  voidedAt: string;
  /** SHA-256 of the reason as staff wrote it: the reason itself is free text and may hold `|`. */
  reasonHash: string;
  hash: string;
}

/** One entry of the chain, in seq order: a ballot or a void. */
export type ChainEntry = { kind: 'ballot'; ballot: Ballot } | { kind: 'void'; entry: VoidEntry };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The hash of a void entry: SHA-256 of `<prev>|<seq>|void|<voidsSeq>|<voidsHash>|<voidedAt>|<reasonHash>`.
 * A ballot's preimage never has `void` as its third field: a member pseudonym is never that word.
 */
export function voidEntryHash(prev: string, seq: number, voidsSeq: number, voidsHash: string, voidedAt: string, reasonHash: string): string {
  return sha256Hex(`${prev}|${seq}|void|${voidsSeq}|${voidsHash}|${voidedAt}|${reasonHash}`);
}

/** Seals a void of the ballot `voids` onto the chain after `prev` (the head), as entry `seq`. */
export function sealVoid(prev: string, seq: number, voids: { seq: number; hash: string }, voidedAt: string, reason: string): VoidEntry {
  if (!SHA256_HEX.test(prev) || !SHA256_HEX.test(voids.hash)) throw new RangeError('Hashes are 64 lowercase hex digits.');
  if (!Number.isSafeInteger(seq) || !Number.isSafeInteger(voids.seq) || voids.seq < 1 || seq <= voids.seq) {
    throw new RangeError(`A void (seq ${seq}) follows the ballot it voids (seq ${voids.seq}).`);
  }
  if (parseIsoInstant(voidedAt) === null) throw new RangeError(`voidedAt ${JSON.stringify(voidedAt)} is not an ISO 8601 time with offset.`);
  const reasonHash = sha256Hex(reason);
  return { seq, prev, voidsSeq: voids.seq, voidsHash: voids.hash, voidedAt, reasonHash, hash: voidEntryHash(prev, seq, voids.seq, voids.hash, voidedAt, reasonHash) };
}

/**
 * Checks a cast-order chain from its genesis: seqs 1, 2, 3, … in order, each entry's `prev` the
 * hash before it, every hash recomputed, every void naming an earlier ballot of the chain not
 * voided before, and at most one standing ballot per member. Answers the problems found, the
 * head, and the ballots that stand (not voided) in cast order: those, and only those, are
 * counted and published.
 */
export function checkCastOrderChain(
  genesis: string,
  items: ReadonlyArray<Pick<VoteItem, 'id'>>,
  entries: readonly ChainEntry[],
): { errors: string[]; head: string; standing: Ballot[] } {
  const errors: string[] = [];
  const ballots = new Map<number, Ballot>();
  const voided = new Set<number>();
  let head = genesis;
  entries.forEach((e, i) => {
    const seq = i + 1;
    const at = e.kind === 'ballot' ? e.ballot : e.entry;
    if (at.seq !== seq) errors.push(`Entry ${seq} has seq ${at.seq}.`);
    if (at.prev !== head) errors.push(`Entry ${at.seq} does not link to the entry before it.`);
    if (e.kind === 'ballot') {
      const b = e.ballot;
      if (ballotHash(b.prev, b.seq, b.member, choicesString(items, b.choices), b.channel, b.castAt) !== b.hash) errors.push(`Ballot ${b.seq}'s hash does not match its fields.`);
      ballots.set(b.seq, b);
    } else {
      const v = e.entry;
      if (voidEntryHash(v.prev, v.seq, v.voidsSeq, v.voidsHash, v.voidedAt, v.reasonHash) !== v.hash) errors.push(`Void ${v.seq}'s hash does not match its fields.`);
      const target = ballots.get(v.voidsSeq);
      if (!target || target.hash !== v.voidsHash) errors.push(`Void ${v.seq} names no earlier ballot (seq ${v.voidsSeq}).`);
      else if (voided.has(v.voidsSeq)) errors.push(`Void ${v.seq} voids ballot ${v.voidsSeq} a second time.`);
      else voided.add(v.voidsSeq);
    }
    head = at.hash;
  });
  const standing = [...ballots.values()].filter((b) => !voided.has(b.seq));
  const members = new Set<string>();
  for (const b of standing) {
    if (members.has(b.member)) errors.push(`Member ${b.member} has more than one standing ballot (seq ${b.seq}).`);
    members.add(b.member);
  }
  return { errors, head, standing };
}
