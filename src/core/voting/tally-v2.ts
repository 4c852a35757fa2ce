/**
 * Re-tallying a version 2 record (docs/vote-record-format.md, "Version 2", "What a re-tally
 * checks"). Member counts are exact from the ballots (one ballot, one member); the area of the
 * ballots whose area is published is checked against its commitment and counted; the withheld
 * ballots' area comes from the file's `withheld` sums, which are checked for consistency with
 * the roll, the participants and each other but whose split between yes, no and abstain cannot
 * be checked without the openings the server keeps for an audit.
 *
 * Exact integer arithmetic as in ./tally.ts: every area is a safe integer, and a sum of the
 * areas of distinct roll members is bounded by the roll's total; the `withheld` numbers are
 * taken only when they are safe integers no larger than that total.
 */
import { choicesString, compareUtf8, isUsableMember } from './hash';
import { HEX128, HEX256, areaCommitment, ballotHashV2, headV2, participantsFingerprint } from './hash-v2';
import type { Choice, Count, ItemResult } from './record';
import { AREA_GROUP_MIN, VOTE_RECORD_FORMAT_V2 } from './record-v2';
import type { TallyResultV2 } from './record-v2';
import { UnusableRecordError, checkRoll, checkVote, isChannel, isChoice, isObject, itemPasses, meetsQuorum, show } from './tally';

const CHOICE_KEYS: readonly Choice[] = ['yes', 'no', 'abstain'];

/** A whole number from 0 up to `max`, or null. */
function boundedCount(value: unknown, max: number): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max ? value : null;
}

/**
 * Checks a parsed version 2 record and counts it; every problem is one sentence in `errors`.
 * An invalid record still reports the counts it could make, with `passed: false` on every item.
 *
 * @throws UnusableRecordError when `input` is not an object or its `format` is not
 *   `gongzhi.vote-record/2`.
 */
export function tallyRecordV2(input: unknown, k: number = AREA_GROUP_MIN): TallyResultV2 {
  if (!isObject(input) || input.format !== VOTE_RECORD_FORMAT_V2) {
    throw new UnusableRecordError(`The input is not a ${VOTE_RECORD_FORMAT_V2} file.`);
  }
  const errors: string[] = [];
  const vote = checkVote(input, errors);
  const roll = checkRoll(input, errors);
  const totals = roll.totals;
  const hashItems = vote.items.map((item) => ({ id: item.id }));

  // Participants: members of the roll, each once, in UTF-8 byte order; their area from the roll.
  const participation: Count = { members: 0, area: 0 };
  const rawParticipants: unknown[] = Array.isArray(input.participants) ? input.participants : [];
  if (!Array.isArray(input.participants)) errors.push('The record has no "participants" list.');
  const seen = new Set<string>();
  const printable: string[] = [];
  for (let i = 0; i < rawParticipants.length; i++) {
    const member = rawParticipants[i];
    const label = `Participant ${i + 1}`;
    if (!isUsableMember(member)) {
      errors.push(`${label} is ${show(member)}; a participant must be a member pseudonym.`);
      continue;
    }
    printable.push(member);
    if (i > 0 && typeof rawParticipants[i - 1] === 'string' && compareUtf8(rawParticipants[i - 1] as string, member) >= 0) {
      errors.push(`${label} (${member}) is not after the one before it; participants are listed once each, in UTF-8 byte order.`);
    }
    const onRoll = roll.members.get(member);
    if (!onRoll) errors.push(`${label} (${member}) is not on the roll.`);
    else if (!seen.has(member)) {
      seen.add(member);
      participation.members += 1;
      participation.area += onRoll.area;
    }
  }
  const partPrint = participantsFingerprint(printable);
  if (input.participantsFingerprint !== partPrint) {
    errors.push(`The participants fingerprint in the file (${show(input.participantsFingerprint)}) differs from the one recomputed from the participants (${partPrint}).`);
  }

  // Ballots.
  const ballots: unknown[] = Array.isArray(input.ballots) ? input.ballots : [];
  if (!Array.isArray(input.ballots)) errors.push('The record has no "ballots" list.');
  if (ballots.length !== rawParticipants.length) {
    errors.push(`The record has ${ballots.length} ballots but ${rawParticipants.length} participants; each participant casts exactly one ballot.`);
  }
  const counts = vote.items.map(() => ({ yes: { members: 0, area: 0 }, no: { members: 0, area: 0 }, abstain: { members: 0, area: 0 } }) as Record<Choice, Count>);
  const hashes: string[] = [];
  let publishedArea = 0;
  let nullArea = 0;
  // channel → published area → how many ballots; channel → [withheld, all]
  const groups = new Map<string, Map<number, number>>();
  const perChannel = new Map<string, { withheld: number; all: number }>();
  let previousHash: string | null = null;
  for (let i = 0; i < ballots.length; i++) {
    const ballot = ballots[i];
    const label = `Ballot ${i + 1} in the file`;
    if (!isObject(ballot)) {
      errors.push(`${label} is not an object.`);
      continue;
    }
    const named = typeof ballot.hash === 'string' ? `${label} (hash ${ballot.hash.slice(0, 16)}…)` : label;
    if (typeof ballot.nonce !== 'string' || !HEX128.test(ballot.nonce)) errors.push(`${named} has nonce ${show(ballot.nonce)}; it must be 32 lowercase hex digits.`);
    const choicesOk = isObject(ballot.choices);
    const choices: Record<string, unknown> = choicesOk ? (ballot.choices as Record<string, unknown>) : {};
    if (!choicesOk) errors.push(`${named} has choices ${show(ballot.choices)}; they must be an object.`);
    for (const id of Object.keys(choices)) {
      if (!vote.itemIds.has(id)) errors.push(`${named} chooses on item "${id}", which the vote does not have.`);
      else if (!isChoice(choices[id])) errors.push(`${named} has choice ${show(choices[id])} on item "${id}"; it must be yes, no or abstain.`);
    }
    const channel = ballot.channel;
    if (!isChannel(channel)) errors.push(`${named} has channel ${show(channel)}; it must be online, paper or proxy.`);
    const commitment = ballot.areaCommitment;
    if (typeof commitment !== 'string' || !HEX256.test(commitment)) errors.push(`${named} has areaCommitment ${show(commitment)}; it must be 64 lowercase hex digits.`);

    const hash = ballotHashV2(vote.voteId, String(ballot.nonce), choicesString(hashItems, choices), String(channel), String(commitment));
    if (ballot.hash !== hash) errors.push(`${named}: hash ${show(ballot.hash)} does not match its content, which hashes to ${hash}.`);
    const fileHash = typeof ballot.hash === 'string' ? ballot.hash : hash;
    if (previousHash !== null && !(previousHash < fileHash)) {
      errors.push(`${named} is not after the ballot before it; ballots are listed in ascending order of hash, each hash once.`);
    }
    previousHash = fileHash;
    hashes.push(fileHash);

    // The area: published with its salt and matching its commitment, or both null.
    let area: number | null = null;
    const a = ballot.area;
    const salt = ballot.areaSalt;
    const channelKey = String(channel);
    const tally = perChannel.get(channelKey) ?? { withheld: 0, all: 0 };
    perChannel.set(channelKey, tally);
    tally.all += 1;
    if (a === null && salt === null) {
      nullArea += 1;
      tally.withheld += 1;
    } else if (a === null || salt === null) {
      errors.push(`${named} has area ${show(a)} and areaSalt ${show(salt)}; both are given or both are null.`);
    } else if (vote.rule === 'building-majority') {
      errors.push(`${named} publishes an area, but a building-majority vote withholds every area.`);
    } else if (typeof a !== 'number' || !Number.isSafeInteger(a) || a < 0) {
      errors.push(`${named} has area ${show(a)}; it must be a non-negative integer or null.`);
    } else if (typeof salt !== 'string' || !HEX128.test(salt)) {
      errors.push(`${named} has areaSalt ${show(salt)}; it must be 32 lowercase hex digits or null.`);
    } else if (areaCommitment(a, salt) !== commitment) {
      errors.push(`${named}: area ${a} with its salt does not open its areaCommitment.`);
    } else if (a > totals.area) {
      errors.push(`${named} has area ${a}, more than the whole roll.`);
    } else {
      area = a;
      publishedArea += a;
      let byArea = groups.get(channelKey);
      if (!byArea) groups.set(channelKey, (byArea = new Map()));
      byArea.set(a, (byArea.get(a) ?? 0) + 1);
    }

    // Members are counted from every ballot; area from a published one here, the rest below.
    vote.items.forEach((item, j) => {
      const given = Object.hasOwn(choices, item.id) ? choices[item.id] : 'abstain';
      const count = counts[j][isChoice(given) ? given : 'abstain'];
      count.members += 1;
      if (area !== null) count.area += area;
    });
  }
  if (publishedArea > totals.area) errors.push(`The published areas add up to ${publishedArea}, more than the whole roll (${totals.area}).`);

  // The withheld rule, as far as it shows: each published area shared by at least K ballots
  // of its channel; per channel, withheld ballots none, at least K, or all of that channel.
  for (const [channel, byArea] of groups) {
    for (const [area, n] of byArea) {
      if (n < k) errors.push(`Area ${area} is published on ${n} ${channel} ballot${n === 1 ? '' : 's'}; an area is published only when at least ${k} ballots of a channel share it.`);
    }
  }
  for (const [channel, t] of perChannel) {
    if (t.withheld > 0 && t.withheld < k && t.withheld < t.all) {
      errors.push(`${t.withheld} ${channel} ballot${t.withheld === 1 ? ' has its' : 's have their'} area withheld while others of that channel are published; withheld ballots of a channel are none, at least ${k}, or all.`);
    }
  }

  // The withheld sums: consistent with the ballots, the roll and the participants.
  const withheld = isObject(input.withheld) ? input.withheld : {};
  if (!isObject(input.withheld)) errors.push('The record has no "withheld" object.');
  const withheldBallots = boundedCount(withheld.ballots, ballots.length);
  if (withheldBallots === null) errors.push(`withheld.ballots is ${show(withheld.ballots)}; it must be a whole number of ballots.`);
  else if (withheldBallots !== nullArea) errors.push(`withheld.ballots is ${withheldBallots}, but ${nullArea} ballots have a null area.`);
  const withheldArea = boundedCount(withheld.area, totals.area);
  if (withheldArea === null) errors.push(`withheld.area is ${show(withheld.area)}; it must be a whole area no larger than the roll's.`);
  else if (publishedArea + withheldArea !== participation.area) {
    errors.push(`The participants' area from the roll is ${participation.area}, but the published areas (${publishedArea}) and withheld.area (${withheldArea}) add up to ${publishedArea + withheldArea}.`);
  }
  if (nullArea === 0 && withheldArea !== null && withheldArea !== 0) errors.push(`withheld.area is ${withheldArea} though no ballot's area is withheld.`);
  const withheldItems: unknown[] = Array.isArray(withheld.items) ? withheld.items : [];
  if (!Array.isArray(withheld.items)) errors.push('withheld.items is not a list.');
  else if (withheldItems.length !== vote.items.length) errors.push(`withheld.items has ${withheldItems.length} entries; the vote has ${vote.items.length} items.`);
  vote.items.forEach((item, j) => {
    const entry = withheldItems[j];
    if (!isObject(entry) || entry.id !== item.id) {
      errors.push(`withheld.items entry ${j + 1} is ${isObject(entry) ? `for item ${show(entry.id)}` : show(entry)}; it must be item "${item.id}", in the order of vote.items.`);
      return;
    }
    const sums = CHOICE_KEYS.map((c) => boundedCount(entry[c], withheldArea ?? totals.area));
    CHOICE_KEYS.forEach((c, x) => {
      if (sums[x] === null) errors.push(`withheld.items entry for item "${item.id}" has ${c} ${show(entry[c])}; it must be a whole area from 0 up to withheld.area.`);
    });
    if (sums.every((s) => s !== null)) {
      const [yes, no, abstain] = sums as number[];
      if (withheldArea !== null && yes + no + abstain !== withheldArea) {
        errors.push(`withheld.items entry for item "${item.id}": yes ${yes} + no ${no} + abstain ${abstain} = ${yes + no + abstain}, not withheld.area ${withheldArea}.`);
      } else {
        counts[j].yes.area += yes;
        counts[j].no.area += no;
        counts[j].abstain.area += abstain;
      }
    }
  });

  const head = headV2(vote.voteId, roll.fingerprint, partPrint, hashes);
  if (input.head !== head) errors.push(`The head in the file (${show(input.head)}) differs from the one recomputed from the fingerprints and the ballots' hashes (${head}).`);

  const valid = errors.length === 0;
  const rule = vote.rule;
  const quorumMet = rule !== null && meetsQuorum(rule, totals, participation);
  const items: ItemResult[] = vote.items.map((item, j) => ({
    id: item.id,
    matter: item.matter,
    yes: counts[j].yes,
    no: counts[j].no,
    abstain: counts[j].abstain,
    passed: valid && rule !== null && item.matter !== null && itemPasses(rule, item.matter, totals, participation, counts[j].yes),
  }));
  return {
    valid,
    errors,
    rollFingerprint: roll.fingerprint,
    participantsFingerprint: partPrint,
    head,
    totals,
    participation: { members: participation.members, area: participation.area, quorumMet },
    withheld: { ballots: nullArea, area: withheldArea ?? 0 },
    items,
  };
}
