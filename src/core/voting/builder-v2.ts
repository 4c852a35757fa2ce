/**
 * Producing version 2 records (docs/vote-record-format.md, "Version 2"). The server seals each
 * ballot as it is cast ({@link sealBallotV2}: nonce, area commitment and hash, hence the receipt
 * code) and keeps, besides, its own cast-order chain of version 1 for its integrity; at the close
 * it publishes {@link buildRecordV2}: the ballots sorted by hash, without member, seq or time,
 * each area published only under the rule of {@link withheldFlags}.
 *
 * Randomness is the caller's (the server's `crypto.randomBytes`): the core runs in the browser
 * and the CLI too and takes no source of its own.
 */
import { choicesString, compareUtf8 } from './hash';
import { HEX128, areaCommitment, ballotHashV2, headV2, participantsFingerprint } from './hash-v2';
import { rollFingerprint } from './hash';
import { CHANNELS, CHOICES } from './record';
import type { Channel, Choices, RollEntry, Rule, Vote, VoteItem } from './record';
import { AREA_GROUP_MIN, VOTE_RECORD_FORMAT_V2 } from './record-v2';
import type { BallotV2, VoteRecordV2, Withheld } from './record-v2';

/** A ballot as the server keeps it: the published fields with its area and salt always known. */
export interface SealedBallotV2 {
  nonce: string;
  choices: Choices;
  channel: Channel;
  area: number;
  areaSalt: string;
  areaCommitment: string;
  hash: string;
}

/**
 * Seals a ballot at cast: its area commitment with the secret salt, and its hash, from which the
 * receipt code follows. `nonce` and `areaSalt` are 128 random bits each, 32 lowercase hex.
 */
export function sealBallotV2(
  vote: { readonly id: string; readonly items: ReadonlyArray<Pick<VoteItem, 'id'>> },
  ballot: { choices: Choices; channel: Channel; area: number },
  random: { nonce: string; areaSalt: string },
): SealedBallotV2 {
  if (!HEX128.test(random.nonce) || !HEX128.test(random.areaSalt)) {
    throw new RangeError('A nonce and an area salt are 32 lowercase hex digits (128 random bits) each.');
  }
  const ids = new Set(vote.items.map((i) => i.id));
  for (const [id, choice] of Object.entries(ballot.choices)) {
    if (!ids.has(id)) throw new RangeError(`The ballot chooses on unknown item "${id}".`);
    if (!CHOICES.includes(choice)) throw new RangeError(`The ballot has choice ${JSON.stringify(choice)} on item "${id}"; it must be yes, no or abstain.`);
  }
  if (!CHANNELS.includes(ballot.channel)) throw new RangeError(`The ballot has channel ${JSON.stringify(ballot.channel)}; it must be online, paper or proxy.`);
  if (!Number.isSafeInteger(ballot.area) || ballot.area < 0) throw new RangeError(`The ballot's area ${ballot.area} is not a non-negative integer.`);
  const choices = { ...ballot.choices };
  const commitment = areaCommitment(ballot.area, random.areaSalt);
  const hash = ballotHashV2(vote.id, random.nonce, choicesString(vote.items, choices), ballot.channel, commitment);
  return { nonce: random.nonce, choices, channel: ballot.channel, area: ballot.area, areaSalt: random.areaSalt, areaCommitment: commitment, hash };
}

/**
 * Which ballots have their area withheld (true) — format document, "Version 2", "Withheld
 * areas". Per channel: a ballot's area is published only when at least `k` ballots of that
 * channel share it; if the withheld ballots of a channel are then fewer than `k` but not none,
 * the smallest published groups of that channel (fewest ballots, then smallest area) are
 * withheld as well until they are at least `k` or all. Per channel, because staff know which
 * units voted on paper or by proxy and what those ballots say: a paper ballot of the same area
 * does not hide an online one. Under `building-majority` area is not weighed and every area is
 * withheld.
 */
export function withheldFlags(rule: Rule, ballots: ReadonlyArray<{ channel: string; area: number }>, k: number = AREA_GROUP_MIN): boolean[] {
  const flags = ballots.map(() => true);
  if (rule === 'building-majority') return flags;
  const byChannel = new Map<string, Map<number, number[]>>();
  ballots.forEach((b, i) => {
    let groups = byChannel.get(b.channel);
    if (!groups) byChannel.set(b.channel, (groups = new Map()));
    const g = groups.get(b.area);
    if (g) g.push(i);
    else groups.set(b.area, [i]);
  });
  for (const groups of byChannel.values()) {
    let withheld = 0;
    const published: Array<{ area: number; members: number[] }> = [];
    for (const [area, members] of groups) {
      if (members.length >= k) published.push({ area, members });
      else withheld += members.length;
    }
    published.sort((a, b) => a.members.length - b.members.length || a.area - b.area);
    while (withheld > 0 && withheld < k && published.length > 0) withheld += published.shift()!.members.length;
    for (const g of published) for (const i of g.members) flags[i] = false;
  }
  return flags;
}

/**
 * Builds the version 2 record from the vote, its frozen roll and its sealed ballots with their
 * members (any order). The hashes are taken as sealed, not recomputed: a record built from what
 * the server holds is checked by `tallyRecordV2` against what was actually stored.
 */
export function buildRecordV2(vote: Vote, roll: readonly RollEntry[], ballots: ReadonlyArray<SealedBallotV2 & { member: string }>, k: number = AREA_GROUP_MIN): VoteRecordV2 {
  const flags = withheldFlags(vote.rule, ballots, k);
  const participants = ballots.map((b) => b.member).sort(compareUtf8);
  const rollPrint = rollFingerprint(roll);
  const partPrint = participantsFingerprint(participants);
  const withheld: Withheld = { ballots: 0, area: 0, items: vote.items.map((i) => ({ id: i.id, yes: 0, no: 0, abstain: 0 })) };
  const published: BallotV2[] = ballots.map((b, i) => {
    if (flags[i]) {
      withheld.ballots += 1;
      withheld.area += b.area;
      for (const item of withheld.items) item[Object.hasOwn(b.choices, item.id) ? b.choices[item.id] : 'abstain'] += b.area;
    }
    return {
      nonce: b.nonce,
      choices: b.choices,
      channel: b.channel,
      areaCommitment: b.areaCommitment,
      area: flags[i] ? null : b.area,
      areaSalt: flags[i] ? null : b.areaSalt,
      hash: b.hash,
    };
  });
  published.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return {
    format: VOTE_RECORD_FORMAT_V2,
    vote: {
      id: vote.id,
      quarter: vote.quarter,
      title: vote.title,
      rule: vote.rule,
      opensAt: vote.opensAt,
      closesAt: vote.closesAt,
      items: vote.items.map((item) => ({ id: item.id, title: item.title, matter: item.matter })),
    },
    roll: roll.map((entry) => ({ member: entry.member, area: entry.area })).sort((a, b) => compareUtf8(a.member, b.member)),
    rollFingerprint: rollPrint,
    participants,
    participantsFingerprint: partPrint,
    ballots: published,
    withheld,
    head: headV2(vote.id, rollPrint, partPrint, published.map((b) => b.hash)),
  };
}
