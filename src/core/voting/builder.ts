/**
 * Producing vote records (format document, "Hashes"). The server freezes the roll when a vote
 * opens ({@link openChain}), keeps the chain's head hash and last seq per vote, and seals one
 * ballot at a time as it is cast ({@link appendBallot} or {@link sealBallot}); when the vote
 * closes it publishes the whole record ({@link buildRecord} gives the same result in one go).
 *
 * The builder refuses a ballot it could only seal into an invalid record (bad member
 * pseudonym, unknown item, a choice other than yes/no/abstain, unknown channel, a time that is
 * not ISO 8601 with offset), because the chain is append-only: a bad ballot once sealed could
 * never be taken out again without breaking every later hash. Checks that need the whole vote
 * — the member is on the roll, casts once, within the window — are the server's (it enforces
 * one ballot per member in the database) and {@link tallyRecord}'s.
 */
import {
  ballotHash,
  choicesString,
  genesisHash,
  isUsableMember,
  rollFingerprint,
} from './hash';
import { CHANNELS, CHOICES, VOTE_RECORD_FORMAT } from './record';
import type { Ballot, RollEntry, UnsealedBallot, Vote, VoteItem, VoteRecord } from './record';
import { parseIsoInstant } from './time';

/** What the server keeps per open vote to append the next ballot. */
export interface ChainState {
  /** The vote's items in the order of `vote.items` (their ids fix the `<choices>` string). */
  readonly items: ReadonlyArray<Pick<VoteItem, 'id'>>;
  /** The hash of the last ballot, or the genesis hash when there is none yet. */
  readonly head: string;
  /** The seq of the last ballot, 0 when there is none yet. */
  readonly seq: number;
}

/** The start of a vote's chain: the published roll fingerprint, the genesis hash and the empty chain. */
export interface OpenedChain {
  rollFingerprint: string;
  genesis: string;
  state: ChainState;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Freezes a roll: its fingerprint, the genesis hash and the state before the first ballot. */
export function openChain(
  vote: Pick<Vote, 'id' | 'items'>,
  roll: readonly RollEntry[],
): OpenedChain {
  const fingerprint = rollFingerprint(roll);
  const genesis = genesisHash(vote.id, fingerprint);
  return {
    rollFingerprint: fingerprint,
    genesis,
    state: { items: vote.items.map((item) => ({ id: item.id })), head: genesis, seq: 0 },
  };
}

function checkBallot(items: ReadonlyArray<Pick<VoteItem, 'id'>>, ballot: UnsealedBallot): void {
  if (!isUsableMember(ballot.member)) {
    throw new RangeError(
      `Ballot member ${JSON.stringify(ballot.member)} is not a usable pseudonym (it must be a non-empty string without "|" or line breaks).`,
    );
  }
  if (typeof ballot.choices !== 'object' || ballot.choices === null) {
    throw new RangeError(`Ballot of member ${ballot.member} has no choices object.`);
  }
  const ids = new Set(items.map((item) => item.id));
  for (const [id, choice] of Object.entries(ballot.choices)) {
    if (!ids.has(id)) {
      throw new RangeError(`Ballot of member ${ballot.member} chooses on unknown item "${id}".`);
    }
    if (!CHOICES.includes(choice)) {
      throw new RangeError(
        `Ballot of member ${ballot.member} has choice ${JSON.stringify(choice)} on item "${id}"; it must be yes, no or abstain.`,
      );
    }
  }
  if (!CHANNELS.includes(ballot.channel)) {
    throw new RangeError(
      `Ballot of member ${ballot.member} has channel ${JSON.stringify(ballot.channel)}; it must be online, paper or proxy.`,
    );
  }
  if (typeof ballot.castAt !== 'string' || parseIsoInstant(ballot.castAt) === null) {
    throw new RangeError(
      `Ballot of member ${ballot.member} has castAt ${JSON.stringify(ballot.castAt)}, which is not an ISO 8601 time with offset.`,
    );
  }
}

/**
 * Seals one ballot given the previous hash (the genesis for the first ballot) and its seq:
 * computes its `hash` = SHA-256 of `<prev>|<seq>|<member>|<choices>|<channel>|<castAt>`.
 * This is the incremental primitive for a server that stores head and seq itself.
 */
export function sealBallot(
  items: ReadonlyArray<Pick<VoteItem, 'id'>>,
  prev: string,
  seq: number,
  ballot: UnsealedBallot,
): Ballot {
  if (!SHA256_HEX.test(prev)) {
    throw new RangeError('The previous hash must be 64 lowercase hex digits.');
  }
  if (!Number.isSafeInteger(seq) || seq < 1) {
    throw new RangeError(`A ballot's seq must be a whole number from 1; got ${seq}.`);
  }
  checkBallot(items, ballot);
  const choices = { ...ballot.choices };
  const hash = ballotHash(
    prev,
    seq,
    ballot.member,
    choicesString(items, choices),
    ballot.channel,
    ballot.castAt,
  );
  return {
    seq,
    member: ballot.member,
    choices,
    channel: ballot.channel,
    castAt: ballot.castAt,
    prev,
    hash,
  };
}

/** Appends a ballot to the chain: seq is the state's seq + 1 and prev its head. */
export function appendBallot(
  state: ChainState,
  ballot: UnsealedBallot,
): { ballot: Ballot; state: ChainState } {
  const sealed = sealBallot(state.items, state.head, state.seq + 1, ballot);
  return { ballot: sealed, state: { items: state.items, head: sealed.hash, seq: sealed.seq } };
}

/**
 * Builds the whole record from the vote, its frozen roll and the ballots in the order they
 * were cast. The roll is published in the order given (the fingerprint does not depend on
 * it). Check the result with `tallyRecord`: this function does not look at the roll or the
 * time window.
 */
export function buildRecord(
  vote: Vote,
  roll: readonly RollEntry[],
  ballots: readonly UnsealedBallot[],
): VoteRecord {
  const opened = openChain(vote, roll);
  let state = opened.state;
  const sealed: Ballot[] = [];
  for (const b of ballots) {
    const next = appendBallot(state, b);
    sealed.push(next.ballot);
    state = next.state;
  }
  return {
    format: VOTE_RECORD_FORMAT,
    vote: {
      id: vote.id,
      quarter: vote.quarter,
      title: vote.title,
      rule: vote.rule,
      opensAt: vote.opensAt,
      closesAt: vote.closesAt,
      items: vote.items.map((item) => ({ id: item.id, title: item.title, matter: item.matter })),
    },
    roll: roll.map((entry) => ({ member: entry.member, area: entry.area })),
    rollFingerprint: opened.rollFingerprint,
    ballots: sealed,
    head: state.head,
  };
}
