// The server's cast-order chain with voids (docs/vote-record-format.md, "Voided ballots"): the
// void's hash against the format document's words (node:crypto), the checks of the chain, and
// that the version 2 record of the ballots that stand leaves the voided one out and re-tallies.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendBallot, openChain } from './builder';
import { buildRecordV2, sealBallotV2 } from './builder-v2';
import { checkCastOrderChain, sealVoid, type ChainEntry } from './chain';
import type { Ballot, Channel, Choices, Vote } from './record';
import { tallyRecordV2 } from './tally-v2';
import { sha256 } from './test-support';

const vote: Vote = {
  id: 'v-2026-0031',
  quarter: '翠苑一区',
  title: '2026年第二次业主大会',
  rule: 'civil-code-278',
  opensAt: '2026-05-01T00:00:00+08:00',
  closesAt: '2026-05-15T24:00:00+08:00',
  items: [{ id: '1', title: '续聘物业服务企业', matter: 'ordinary' }],
};
const roll = [
  { member: 'm-01', area: 9000 },
  { member: 'm-02', area: 7001 },
  { member: 'm-03', area: 8000 },
];
const areaOf = (member: string) => roll.find((r) => r.member === member)!.area;
const hex = () => randomBytes(16).toString('hex');

/** Casts in order, the way the server seals them: a link in its chain and the version 2 seal. */
function cast(list: Array<{ member: string; choices: Choices; channel: Channel; castAt: string }>) {
  let state = openChain(vote, roll).state;
  const entries: ChainEntry[] = [];
  const seals = new Map<number, ReturnType<typeof sealBallotV2> & { member: string }>();
  for (const c of list) {
    const next = appendBallot(state, c);
    state = next.state;
    entries.push({ kind: 'ballot', ballot: next.ballot });
    seals.set(next.ballot.seq, { member: c.member, ...sealBallotV2(vote, { choices: c.choices, channel: c.channel, area: areaOf(c.member) }, { nonce: hex(), areaSalt: hex() }) });
  }
  return { state, entries, seals };
}

describe('the cast-order chain with a void', () => {
  const genesis = openChain(vote, roll).genesis;
  // m-02's paper ballot was entered on m-03's unit by mistake: voided, then entered for m-02 and m-03.
  const first = cast([
    { member: 'm-01', choices: { '1': 'yes' }, channel: 'online', castAt: '2026-05-02T09:00:00+08:00' },
    { member: 'm-03', choices: { '1': 'no' }, channel: 'paper', castAt: '2026-05-02T10:00:00+08:00' },
  ]);
  const wrong = (first.entries[1] as { kind: 'ballot'; ballot: Ballot }).ballot;
  const reason = '录错房屋：应为 2幢 1-102';
  const voidEntry = sealVoid(first.state.head, 3, { seq: wrong.seq, hash: wrong.hash }, '2026-05-02T10:05:00+08:00', reason);
  let state = { ...first.state, head: voidEntry.hash, seq: 3 };
  const entries: ChainEntry[] = [...first.entries, { kind: 'void', entry: voidEntry }];
  const seals = new Map(first.seals);
  for (const c of [
    { member: 'm-02', choices: { '1': 'no' } as Choices, channel: 'paper' as Channel, castAt: '2026-05-02T10:06:00+08:00' },
    { member: 'm-03', choices: { '1': 'yes' } as Choices, channel: 'online' as Channel, castAt: '2026-05-03T08:00:00+08:00' },
  ]) {
    const next = appendBallot(state, c);
    state = next.state;
    entries.push({ kind: 'ballot', ballot: next.ballot });
    seals.set(next.ballot.seq, { member: c.member, ...sealBallotV2(vote, { choices: c.choices, channel: c.channel, area: areaOf(c.member) }, { nonce: hex(), areaSalt: hex() }) });
  }

  it('hashes a void exactly as the format document says', () => {
    expect(voidEntry.reasonHash).toBe(sha256(reason));
    expect(voidEntry.hash).toBe(sha256(`${first.state.head}|3|void|2|${wrong.hash}|2026-05-02T10:05:00+08:00|${sha256(reason)}`));
  });

  it('checks out, with the voided ballot no longer standing and its member free to cast again', () => {
    const checked = checkCastOrderChain(genesis, vote.items, entries);
    expect(checked.errors).toEqual([]);
    expect(checked.head).toBe(state.head);
    expect(checked.standing.map((b) => [b.seq, b.member])).toEqual([
      [1, 'm-01'],
      [4, 'm-02'],
      [5, 'm-03'],
    ]);
  });

  it('the version 2 record of the standing ballots leaves the voided one out and re-tallies', () => {
    const { standing } = checkCastOrderChain(genesis, vote.items, entries);
    const record = buildRecordV2(vote, roll, standing.map((b) => seals.get(b.seq)!));
    expect(record.ballots).toHaveLength(3);
    expect(record.ballots.map((b) => b.hash)).not.toContain(seals.get(wrong.seq)!.hash);
    const result = tallyRecordV2(JSON.parse(JSON.stringify(record)));
    expect(result.valid).toBe(true);
    expect(result.participation).toEqual({ members: 3, area: 24001, quorumMet: true });
    // m-03's voided "no" is gone; its online "yes" counts.
    expect(result.items[0].yes).toEqual({ members: 2, area: 17000 });
    expect(result.items[0].no).toEqual({ members: 1, area: 7001 });
  });

  it('finds a void that names no ballot, a second void of the same ballot, a broken link and two standing ballots of a member', () => {
    const bogus = sealVoid(state.head, 6, { seq: 2, hash: 'f'.repeat(64) }, '2026-05-03T09:00:00+08:00', '重复');
    expect(checkCastOrderChain(genesis, vote.items, [...entries, { kind: 'void', entry: bogus }]).errors).toEqual(['Void 6 names no earlier ballot (seq 2).']);
    const twice = sealVoid(state.head, 6, { seq: wrong.seq, hash: wrong.hash }, '2026-05-03T09:00:00+08:00', '重复');
    expect(checkCastOrderChain(genesis, vote.items, [...entries, { kind: 'void', entry: twice }]).errors).toEqual(['Void 6 voids ballot 2 a second time.']);
    const unlinked = entries.filter((e) => e.kind === 'ballot');
    const errors = checkCastOrderChain(genesis, vote.items, unlinked).errors;
    expect(errors).toContain('Entry 3 has seq 4.');
    expect(errors).toContain('Entry 4 does not link to the entry before it.');
    expect(errors).toContain('Member m-03 has more than one standing ballot (seq 5).');
  });
});
