/**
 * Re-tallying a published vote record (format document, "Counting rules" and
 * "`gongzhi tally FILE`"). Anyone can run this without the server; the server's own result
 * must agree with it on every record the server exports.
 *
 * Counting is exact integer arithmetic (format document: "no floating point anywhere in a
 * tally"). Areas are integers in 0.01 m². Why the sums cannot lose precision:
 *  - an area is only counted when it is a safe integer (JSON numbers past 2^53 have already
 *    been rounded by the parser, so they are "not an integer" in the exact sense);
 *  - a roll entry is only counted if the roll's running total stays ≤ 2^53 − 1 (an area that
 *    would push it past is reported and counted as 0; 2^53 × 0.01 m² is more than half the
 *    land of the Earth, so no real roll comes near it);
 *  - every other area sum (taking part, yes, no, abstain) adds distinct members of that roll,
 *    so it is ≤ the total and safe as well (asserted below).
 * The threshold comparisons multiply those sums by 2, 3 or 4, which could pass 2^53, so they
 * are made in BigInt.
 */
import { choicesString, ballotHash, genesisHash, isUsableMember, rollFingerprint } from './hash';
import { CHANNELS, MATTERS, RULES, VOTE_RECORD_FORMAT } from './record';
import type { Channel, Choice, Count, ItemResult, Matter, Rule, TallyResult } from './record';
import { compareInstants, parseIsoInstant } from './time';
import type { Instant } from './time';

/**
 * The input cannot be used as a vote record at all: not JSON, not a JSON object, or another
 * `format`. `gongzhi tally` answers this with exit status 2 and prints no result. Anything
 * else wrong with a record makes it *invalid* instead, which still gives a result.
 */
export class UnusableRecordError extends Error {
  override name = 'UnusableRecordError';
}

/** Parses the text of a record file; a leading byte-order mark is ignored. */
export function parseRecordJson(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UnusableRecordError(`The input is not JSON (${why}), so it is not a vote record.`);
  }
}

// ---------------------------------------------------------------------------------------
// The decision rules of the format document's table. Counts are exact integers; the
// products are taken in BigInt so that they cannot round.

/**
 * Whether enough members (and, under 民法典 第278条, enough area) took part.
 * `civil-code-278` (民法典 第278条 第2款: 专有部分面积占比三分之二以上的业主且人数占比三分之二以上
 * 的业主参与表决): 3a ≥ 2A and 3n ≥ 2N; 以上 includes the boundary (民法典 第1259条), so exactly
 * two thirds is enough. `building-majority` (HZ 5.1.3.2.2.5): 3n ≥ 2N, area not weighed.
 */
export function meetsQuorum(rule: Rule, totals: Count, taking: Count): boolean {
  const membersOk = 3n * BigInt(taking.members) >= 2n * BigInt(totals.members);
  if (rule === 'building-majority') return membersOk;
  return membersOk && 3n * BigInt(taking.area) >= 2n * BigInt(totals.area);
}

/**
 * Whether an item passes: the quorum is met and
 * - `civil-code-278`, ordinary (民法典 第278条 第2款: 经参与表决专有部分面积过半数的业主且参与表决
 *   人数过半数的业主同意): 2·ya > a and 2·yn > n — strictly more than half, so exactly half fails;
 * - `civil-code-278`, special (items 6–8: 经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三
 *   以上的业主同意): 4·ya ≥ 3a and 4·yn ≥ 3n — exactly three quarters passes (第1259条);
 * - `building-majority`: 2·yn > n, whatever the matter, area not weighed.
 */
export function itemPasses(
  rule: Rule,
  matter: Matter,
  totals: Count,
  taking: Count,
  yes: Count,
): boolean {
  if (!meetsQuorum(rule, totals, taking)) return false;
  const yn = BigInt(yes.members);
  const n = BigInt(taking.members);
  if (rule === 'building-majority') return 2n * yn > n;
  const ya = BigInt(yes.area);
  const a = BigInt(taking.area);
  if (matter === 'special') return 4n * ya >= 3n * a && 4n * yn >= 3n * n;
  return 2n * ya > a && 2n * yn > n;
}

// ---------------------------------------------------------------------------------------

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

function isRule(value: unknown): value is Rule {
  return RULES.includes(value as Rule);
}
function isMatter(value: unknown): value is Matter {
  return MATTERS.includes(value as Matter);
}
export function isChoice(value: unknown): value is Choice {
  return value === 'yes' || value === 'no' || value === 'abstain';
}
export function isChannel(value: unknown): value is Channel {
  return CHANNELS.includes(value as Channel);
}

export interface RollMember {
  area: number;
  entry: number;
}

export interface CountedItem {
  id: string;
  matter: Matter | null;
  counts: Record<Choice, Count>;
}

export interface VoteFacts {
  voteId: string;
  rule: Rule | null;
  opensAt: Instant | null;
  closesAt: Instant | null;
  items: CountedItem[];
  itemIds: Set<string>;
}

/** The vote's definition: id, rule, window and items. */
export function checkVote(input: Record<string, unknown>, errors: string[]): VoteFacts {
  const vote = isObject(input.vote) ? input.vote : {};
  if (!isObject(input.vote)) errors.push('The record has no "vote" object.');

  let voteId = '';
  if (typeof vote.id === 'string') voteId = vote.id;
  else errors.push(`The vote's id is ${show(vote.id)}; it must be a string.`);

  let rule: Rule | null = null;
  if (isRule(vote.rule)) rule = vote.rule;
  else
    errors.push(
      `The vote's rule ${show(vote.rule)} is unknown; it must be "civil-code-278" or "building-majority".`,
    );

  const times: Array<Instant | null> = [];
  for (const field of ['opensAt', 'closesAt'] as const) {
    const value = vote[field];
    const instant = typeof value === 'string' ? parseIsoInstant(value) : null;
    if (instant === null) {
      errors.push(`The vote's ${field} ${show(value)} is not an ISO 8601 time with offset.`);
    }
    times.push(instant);
  }
  const [opensAt, closesAt] = times;
  if (opensAt !== null && closesAt !== null && compareInstants(opensAt, closesAt) > 0) {
    errors.push(
      `The vote's opensAt ${show(vote.opensAt)} is after its closesAt ${show(vote.closesAt)}.`,
    );
  }

  const items: CountedItem[] = [];
  const itemIds = new Set<string>();
  if (!Array.isArray(vote.items)) {
    errors.push(`The vote's items are ${show(vote.items)}; they must be a list.`);
  } else {
    for (let i = 0; i < vote.items.length; i++) {
      const item: unknown = vote.items[i];
      const label = `Item ${i + 1} of the vote`;
      if (!isObject(item) || typeof item.id !== 'string' || item.id === '') {
        errors.push(`${label} has no id (a non-empty string), so no ballot can choose on it.`);
        continue;
      }
      let matter: Matter | null = null;
      if (isMatter(item.matter)) matter = item.matter;
      else
        errors.push(
          `${label} (id "${item.id}") has matter ${show(item.matter)}; it must be "ordinary" or "special".`,
        );
      if (itemIds.has(item.id)) errors.push(`${label} repeats the id "${item.id}" of an earlier item.`);
      itemIds.add(item.id);
      items.push({
        id: item.id,
        matter,
        counts: {
          yes: { members: 0, area: 0 },
          no: { members: 0, area: 0 },
          abstain: { members: 0, area: 0 },
        },
      });
    }
  }
  return { voteId, rule, opensAt, closesAt, items, itemIds };
}

export interface RollFacts {
  members: Map<string, RollMember>;
  totals: Count;
  fingerprint: string;
}

/** The roll: one entry per member, areas non-negative integers, and its fingerprint. */
export function checkRoll(input: Record<string, unknown>, errors: string[]): RollFacts {
  const roll: unknown[] = Array.isArray(input.roll) ? input.roll : [];
  if (!Array.isArray(input.roll)) errors.push('The record has no "roll" list.');

  const members = new Map<string, RollMember>();
  const fingerprintEntries: Array<{ member: string; area: unknown }> = [];
  const totals: Count = { members: 0, area: 0 };
  for (let i = 0; i < roll.length; i++) {
    const entry = roll[i];
    if (!isObject(entry)) {
      errors.push(`Roll entry ${i + 1} is not an object with a member and an area.`);
      continue;
    }
    const member = entry.member;
    if (typeof member === 'string') fingerprintEntries.push({ member, area: entry.area });
    if (!isUsableMember(member)) {
      errors.push(
        `Roll entry ${i + 1} has member ${show(member)}; a member must be a non-empty string without "|" or line breaks.`,
      );
      continue;
    }
    const first = members.get(member);
    if (first !== undefined) {
      errors.push(
        `Roll entry ${i + 1} (member ${member}) lists the member a second time (first as roll entry ${first.entry}); each member is on the roll once.`,
      );
      continue;
    }
    let area = 0;
    const a = entry.area;
    if (typeof a !== 'number') {
      errors.push(`Roll entry ${i + 1} (member ${member}) has area ${show(a)}, which is not a number.`);
    } else if (!Number.isInteger(a)) {
      errors.push(`Roll entry ${i + 1} (member ${member}) has area ${a}, which is not an integer (areas are whole 0.01 m²).`);
    } else if (a < 0) {
      errors.push(`Roll entry ${i + 1} (member ${member}) has a negative area ${a}.`);
    } else if (!Number.isSafeInteger(a)) {
      errors.push(
        `Roll entry ${i + 1} (member ${member}) has area ${a}, above ${Number.MAX_SAFE_INTEGER}: too large to be read as an exact integer.`,
      );
    } else if (totals.area + a > Number.MAX_SAFE_INTEGER) {
      errors.push(
        `Roll entry ${i + 1} (member ${member}) has area ${a}, which takes the roll's total area past ${Number.MAX_SAFE_INTEGER} (0.01 m²), more than can be counted exactly.`,
      );
    } else {
      area = a;
    }
    members.set(member, { area, entry: i + 1 });
    totals.members += 1;
    totals.area += area;
  }

  const fingerprint = rollFingerprint(fingerprintEntries);
  if (input.rollFingerprint !== fingerprint) {
    errors.push(
      `The roll fingerprint in the file (${show(input.rollFingerprint)}) differs from the one recomputed from the roll (${fingerprint}).`,
    );
  }
  return { members, totals, fingerprint };
}

/**
 * How an error names a ballot: by its seq, adding its position when the two differ, or by its
 * position alone when it has no usable seq. Built only when there is an error to report.
 */
function ballotLabel(seq: unknown, position: number): string {
  if (!Number.isSafeInteger(seq)) return `The ballot at position ${position} in the file`;
  return `Ballot seq ${seq as number}${seq === position ? '' : ` (position ${position} in the file)`}`;
}

interface BallotFacts {
  participation: Count;
  recomputedHead: string;
}

/**
 * The ballots: seq order, members, choices, channel, time, and the hash chain; counts those
 * that can be counted into `vote.items`.
 *
 * Each link of the chain is checked locally: ballot 1's prev against the genesis of the
 * file's own fingerprint, every later prev against the file's previous hash, every hash
 * against the ballot's own content, the head against the last hash. If every link holds, the
 * file's chain is the recomputed chain; and one changed ballot is reported once, at that
 * ballot, not again at every later one.
 */
function checkBallots(
  input: Record<string, unknown>,
  vote: VoteFacts,
  roll: RollFacts,
  errors: string[],
): BallotFacts {
  const rawVote = isObject(input.vote) ? input.vote : {};
  const hashItems = vote.items.map((item) => ({ id: item.id }));
  const recomputedGenesis = genesisHash(vote.voteId, roll.fingerprint);
  const fileGenesis =
    typeof input.rollFingerprint === 'string'
      ? genesisHash(vote.voteId, input.rollFingerprint)
      : recomputedGenesis;

  const ballots: unknown[] = Array.isArray(input.ballots) ? input.ballots : [];
  if (!Array.isArray(input.ballots)) errors.push('The record has no "ballots" list.');

  const participation: Count = { members: 0, area: 0 };
  const firstBallotOf = new Map<string, number>(); // member → index of their first ballot
  let expectedPrev: string | null = fileGenesis; // null: the entry before had no hash to link to
  let expectedSeq = 1;
  let recomputedHead = recomputedGenesis;

  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i];
    const position = i + 1;
    if (!isObject(ballot)) {
      errors.push(`The ballot at position ${position} in the file is not an object.`);
      expectedPrev = null;
      expectedSeq += 1;
      continue;
    }
    const seq = ballot.seq;
    const seqOk = Number.isSafeInteger(seq);

    // seq = 1, 2, 3, … in order: each one more than the one before it.
    if (seq !== expectedSeq) {
      errors.push(
        seqOk
          ? `${ballotLabel(seq, position)}: seq should be ${expectedSeq}; seqs must run 1, 2, 3, … in file order.`
          : `${ballotLabel(seq, position)} has seq ${show(seq)}; it should be ${expectedSeq}.`,
      );
    }
    expectedSeq = (seqOk ? (seq as number) : position) + 1;

    // The member: on the roll, and once only.
    const member = ballot.member;
    let rollMember: RollMember | undefined;
    if (typeof member !== 'string') {
      errors.push(`${ballotLabel(seq, position)} has member ${show(member)}; it must be a member pseudonym.`);
    } else if (!roll.members.has(member)) {
      errors.push(`${ballotLabel(seq, position)} names member ${member}, who is not on the roll.`);
    } else {
      const earlier = firstBallotOf.get(member);
      if (earlier !== undefined) {
        const earlierSeq = (ballots[earlier] as Record<string, unknown>).seq;
        const first = Number.isSafeInteger(earlierSeq)
          ? `ballot seq ${earlierSeq as number}`
          : `the ballot at position ${earlier + 1}`;
        errors.push(
          `${ballotLabel(seq, position)}: member ${member} already cast ${first}; a member casts one ballot only.`,
        );
      } else {
        firstBallotOf.set(member, i);
        rollMember = roll.members.get(member);
      }
    }

    // The choices: known items, yes/no/abstain.
    const choicesOk = isObject(ballot.choices);
    const choices: Record<string, unknown> = choicesOk ? (ballot.choices as Record<string, unknown>) : {};
    if (!choicesOk) {
      errors.push(`${ballotLabel(seq, position)} has choices ${show(ballot.choices)}; they must be an object.`);
    } else {
      for (const id of Object.keys(choices)) {
        const choice = choices[id];
        if (!vote.itemIds.has(id)) {
          errors.push(`${ballotLabel(seq, position)} chooses on item "${id}", which the vote does not have.`);
        } else if (!isChoice(choice)) {
          errors.push(`${ballotLabel(seq, position)} has choice ${show(choice)} on item "${id}"; it must be yes, no or abstain.`);
        }
      }
    }

    const channel = ballot.channel;
    if (!isChannel(channel)) {
      errors.push(`${ballotLabel(seq, position)} has channel ${show(channel)}; it must be online, paper or proxy.`);
    }

    // The time: inside [opensAt, closesAt], both ends included (a ballot at the closing
    // instant, e.g. 24:00 of the last day, is in time).
    const castAt = ballot.castAt;
    const cast = typeof castAt === 'string' ? parseIsoInstant(castAt) : null;
    let inTime = true;
    if (cast === null) {
      errors.push(`${ballotLabel(seq, position)} has castAt ${show(castAt)}, which is not an ISO 8601 time with offset.`);
      inTime = false;
    } else if (vote.opensAt !== null && compareInstants(cast, vote.opensAt) < 0) {
      errors.push(`${ballotLabel(seq, position)} was cast at ${castAt as string}, before the vote opened at ${rawVote.opensAt as string}.`);
      inTime = false;
    } else if (vote.closesAt !== null && compareInstants(cast, vote.closesAt) > 0) {
      errors.push(`${ballotLabel(seq, position)} was cast at ${castAt as string}, after the vote closed at ${rawVote.closesAt as string}.`);
      inTime = false;
    }

    // The chain.
    const prev = ballot.prev;
    if (expectedPrev !== null && prev !== expectedPrev) {
      errors.push(
        position === 1
          ? `${ballotLabel(seq, position)}: prev ${show(prev)} is not the genesis hash ${expectedPrev} of this vote and roll fingerprint.`
          : `${ballotLabel(seq, position)}: prev ${show(prev)} is not the hash ${expectedPrev} of the ballot before it.`,
      );
    }
    // Fields as the hash writes them; a field of the wrong type (an invalid record) is written
    // as its text, so that the hash is still defined.
    const content = choicesString(hashItems, choices);
    const memberText = String(member);
    const channelText = String(channel);
    const castAtText = String(castAt);
    const hash = ballotHash(
      typeof prev === 'string' ? prev : '',
      seq as number,
      memberText,
      content,
      channelText,
      castAtText,
    );
    if (ballot.hash !== hash) {
      errors.push(`${ballotLabel(seq, position)}: hash ${show(ballot.hash)} does not match its content, which hashes to ${hash}.`);
    }
    recomputedHead =
      recomputedHead === prev && ballot.hash === hash
        ? hash
        : ballotHash(recomputedHead, seq as number, memberText, content, channelText, castAtText);
    expectedPrev = typeof ballot.hash === 'string' ? ballot.hash : null;

    // The count. An abstention, an omitted choice and an unreadable choice all take part
    // without being a yes (format document: "abstaining takes part and is not a yes").
    if (rollMember === undefined || !inTime) continue;
    const area = rollMember.area;
    participation.members += 1;
    participation.area += area;
    for (const item of vote.items) {
      const given = Object.hasOwn(choices, item.id) ? choices[item.id] : 'abstain';
      const count = item.counts[isChoice(given) ? given : 'abstain'];
      count.members += 1;
      count.area += area;
    }
  }

  const last = ballots.length > 0 ? ballots[ballots.length - 1] : undefined;
  const headShouldBe =
    ballots.length === 0
      ? fileGenesis
      : isObject(last) && typeof last.hash === 'string'
        ? last.hash
        : recomputedHead;
  if (input.head !== headShouldBe) {
    errors.push(
      ballots.length === 0
        ? `The head in the file (${show(input.head)}) is not the genesis hash ${headShouldBe}, though there are no ballots.`
        : `The head in the file (${show(input.head)}) is not the hash ${headShouldBe} of the last ballot.`,
    );
  }
  return { participation, recomputedHead };
}

/**
 * Checks a parsed record against everything the format document lists as making it invalid,
 * and counts it. Every problem found is reported as one English sentence naming the roll
 * entry, ballot or field and why; checking goes on after a problem, so all are reported.
 *
 * Besides the format document's list, a record is also invalid when a field it needs has the
 * wrong type or is missing, when an item's `matter` is neither `ordinary` nor `special`, when
 * two items share an id, when a channel is not `online`/`paper`/`proxy`, when a time is not
 * ISO 8601 with offset, when `opensAt` is after `closesAt`, or when a member pseudonym
 * contains `|` or a line break (which would make the fingerprint ambiguous).
 *
 * An invalid record still reports the counts it could make, with `passed: false` on every
 * item: a roll entry with an unusable area counts as a member with area 0; a second entry for
 * the same member is not counted; a ballot counts only if its member is on the roll, it is
 * that member's first ballot in the file and it was cast inside the window; a choice that is
 * not yes/no/abstain counts as left out, i.e. abstain. Hash problems do not change the counts.
 *
 * @throws UnusableRecordError when `input` is not an object or its `format` is not
 *   `gongzhi.vote-record/1`.
 */
export function tallyRecord(input: unknown): TallyResult {
  if (!isObject(input)) {
    const what = Array.isArray(input) ? 'a JSON array' : input === null ? 'null' : `a JSON ${typeof input}`;
    throw new UnusableRecordError(`The input is ${what}, not a JSON object, so it is not a vote record.`);
  }
  if (input.format !== VOTE_RECORD_FORMAT) {
    throw new UnusableRecordError(
      input.format === undefined
        ? `The input has no "format" field, so it is not a ${VOTE_RECORD_FORMAT} file.`
        : `The input's format is ${show(input.format)}, not "${VOTE_RECORD_FORMAT}"; this tool reads ${VOTE_RECORD_FORMAT} only.`,
    );
  }

  const errors: string[] = [];
  const vote = checkVote(input, errors);
  const roll = checkRoll(input, errors);
  const { participation, recomputedHead } = checkBallots(input, vote, roll, errors);
  const totals = roll.totals;

  // The invariant that makes every sum exact (see the top of this file).
  if (
    !Number.isSafeInteger(totals.area) ||
    participation.area > totals.area ||
    participation.members > totals.members
  ) {
    throw new Error('Internal error: a tally sum left the range of exact integers.');
  }

  const valid = errors.length === 0;
  const rule = vote.rule;
  const quorumMet = rule !== null && meetsQuorum(rule, totals, participation);
  const items: ItemResult[] = vote.items.map((item) => ({
    id: item.id,
    matter: item.matter,
    yes: item.counts.yes,
    no: item.counts.no,
    abstain: item.counts.abstain,
    passed:
      valid &&
      rule !== null &&
      item.matter !== null &&
      itemPasses(rule, item.matter, totals, participation, item.counts.yes),
  }));

  return {
    valid,
    errors,
    rollFingerprint: roll.fingerprint,
    head: recomputedHead,
    totals,
    participation: { members: participation.members, area: participation.area, quorumMet },
    items,
  };
}
