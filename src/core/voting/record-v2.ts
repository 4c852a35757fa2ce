/**
 * Types of the published vote record `gongzhi.vote-record/2` (docs/vote-record-format.md,
 * "Version 2"). Version 2 publishes the ballots without member, seq or time, sorted by hash,
 * so that the order and time in which staff saw units vote online tell nothing about which
 * ballot is whose; a ballot's area is published only where at least {@link AREA_GROUP_MIN}
 * ballots of its channel share it (issue 11, points 1 and 2).
 */
import type { Channel, Choices, Count, ItemResult, RollEntry, Vote } from './record';

/** The `format` value of a version 2 record. */
export const VOTE_RECORD_FORMAT_V2 = 'gongzhi.vote-record/2' as const;

/**
 * K: a ballot's area is published only when at least K ballots of the same channel share it,
 * and the ballots of a channel whose area is withheld are either none or at least K (or all of
 * that channel). Five: a member of a quarter of a few hundred units rarely shares an exact area
 * with more than a handful of others outside one floor plan, so a larger K would withhold
 * nearly every area and leave the area tally resting on the server's sums alone; with fewer
 * than five, a building leader who knows who voted online on one floor is left guessing among
 * two or three neighbours (docs/security.md).
 */
export const AREA_GROUP_MIN = 5;

/** A ballot as published in version 2: no member, no seq, no time. */
export interface BallotV2 {
  /** 128 random bits chosen at cast, 32 lowercase hex digits: makes every hash unique. */
  nonce: string;
  choices: Choices;
  channel: Channel;
  /** SHA-256 of `<area>|<areaSalt>`, lowercase hex. */
  areaCommitment: string;
  /** The member's area, or null when withheld. */
  area: number | null;
  /** The secret salt of the commitment (32 lowercase hex), or null when the area is withheld. */
  areaSalt: string | null;
  hash: string;
}

/** What the withheld ballots add up to: their number, their area, and per item their area by choice. */
export interface Withheld {
  ballots: number;
  area: number;
  items: Array<{ id: string; yes: number; no: number; abstain: number }>;
}

/** The whole version 2 file. */
export interface VoteRecordV2 {
  format: typeof VOTE_RECORD_FORMAT_V2;
  vote: Vote;
  roll: RollEntry[];
  rollFingerprint: string;
  /** The members who cast a ballot, sorted by UTF-8 byte order, each once. */
  participants: string[];
  participantsFingerprint: string;
  /** Sorted by `hash`. */
  ballots: BallotV2[];
  withheld: Withheld;
  head: string;
}

/** What `gongzhi tally` prints for a version 2 record: version 1's result and two more fields. */
export interface TallyResultV2 {
  valid: boolean;
  errors: string[];
  rollFingerprint: string;
  participantsFingerprint: string;
  head: string;
  totals: Count;
  participation: Count & { quorumMet: boolean };
  /** Ballots whose area is withheld and their total area (equal to the file's, if valid). */
  withheld: { ballots: number; area: number };
  items: ItemResult[];
}
