/**
 * Types of the published vote record `gongzhi.vote-record/1` and of the result of
 * re-tallying it. The contract is docs/vote-record-format.md ("the format
 * document"); every field and key order here follows it.
 *
 * Legal basis of the counting: 民法典 第278条 (owners' joint decisions: two thirds of area
 * and of members take part; ordinary matters need more than half, items 6–8 three quarters,
 * of those taking part, in area and in members) and 民法典 第1259条 (以上 includes the
 * number itself, so "two thirds 以上" is met at exactly two thirds).
 */

/** The `format` value of every record this code reads or writes. */
export const VOTE_RECORD_FORMAT = 'gongzhi.vote-record/1' as const;

/** 同意 / 反对 / 弃权. */
export type Choice = 'yes' | 'no' | 'abstain';
export const CHOICES: readonly Choice[] = ['yes', 'no', 'abstain'];

/** How a ballot reached the server: online, a signed paper ballot entered by staff, or a proxy (委托). */
export type Channel = 'online' | 'paper' | 'proxy';
export const CHANNELS: readonly Channel[] = ['online', 'paper', 'proxy'];

/**
 * `civil-code-278`: an owners' assembly decision under 民法典 第278条 (area and members).
 * `building-majority`: household representatives of one building (HZ 5.1.3.2.2.5), members
 * only, area not weighed.
 */
export type Rule = 'civil-code-278' | 'building-majority';
export const RULES: readonly Rule[] = ['civil-code-278', 'building-majority'];

/**
 * `ordinary`: 民法典 第278条 第1款 items 1–5 and 9 (using maintenance funds, item 5, is ordinary).
 * `special`: items 6–8 (raising maintenance funds, rebuilding, changing the use of common
 * parts or using them for business).
 */
export type Matter = 'ordinary' | 'special';
export const MATTERS: readonly Matter[] = ['ordinary', 'special'];

/** One item put to the vote. */
export interface VoteItem {
  id: string;
  title: string;
  matter: Matter;
}

/** The vote's definition as it stands in the record. */
export interface Vote {
  id: string;
  quarter: string;
  title: string;
  rule: Rule;
  /** ISO 8601 with offset; a ballot cast exactly at this instant is inside the window. */
  opensAt: string;
  /** ISO 8601 with offset; may use `24:00` for the end of that day; the instant itself is inside. */
  closesAt: string;
  items: VoteItem[];
}

/**
 * One voting member (表决权人) of the roll frozen when the vote opened. `member` is a
 * pseudonym stable within this vote only; `area` is the sum of the member's exclusive areas
 * (专有部分面积) in 0.01 m². For `building-majority` the area is present and ignored.
 */
export interface RollEntry {
  member: string;
  area: number;
}

/** Item id → choice. An item left out counts as `abstain`. */
export type Choices = Record<string, Choice>;

/** A ballot as published, with its place in the hash chain. */
export interface Ballot {
  seq: number;
  member: string;
  choices: Choices;
  channel: Channel;
  /** ISO 8601 with offset, hashed exactly as written. */
  castAt: string;
  prev: string;
  hash: string;
}

/** A ballot before it is sealed into the chain (what the server knows when it is cast). */
export type UnsealedBallot = Omit<Ballot, 'seq' | 'prev' | 'hash'>;

/** The whole published file. */
export interface VoteRecord {
  format: typeof VOTE_RECORD_FORMAT;
  vote: Vote;
  roll: RollEntry[];
  rollFingerprint: string;
  ballots: Ballot[];
  head: string;
}

/** Members and area (0.01 m²) of a group of voting members. */
export interface Count {
  members: number;
  area: number;
}

/** Who took part (cast a ballot), and whether that meets the quorum of the rule. */
export interface Participation {
  members: number;
  area: number;
  quorumMet: boolean;
}

/** The result of one item. */
export interface ItemResult {
  id: string;
  /** `null` only in an invalid record whose item names no known matter. */
  matter: Matter | null;
  yes: Count;
  no: Count;
  abstain: Count;
  /** Always false in an invalid record. */
  passed: boolean;
}

/**
 * Exactly what `gongzhi tally FILE` prints, keys in the order of the format document.
 * `rollFingerprint` and `head` are the values recomputed from the file's content; in a valid
 * record they equal the file's own.
 */
export interface TallyResult {
  valid: boolean;
  errors: string[];
  rollFingerprint: string;
  head: string;
  totals: Count;
  participation: Participation;
  items: ItemResult[];
}
