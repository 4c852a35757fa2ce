// Version 2 records (docs/vote-record-format.md, "Version 2"): the builder's hashes against the
// format document's words (node:crypto, not the core's hash code), the withheld rule at K − 1
// and K, padding, building-majority, and every tamper the re-tally must catch.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRecordV2, sealBallotV2, withheldFlags } from './builder-v2';
import type { Channel, Choices, Rule, Vote } from './record';
import { AREA_GROUP_MIN } from './record-v2';
import type { VoteRecordV2 } from './record-v2';
import { UnusableRecordError } from './tally';
import { tallyAnyRecord } from './tally-any';
import { tallyRecordV2 } from './tally-v2';
import { clone, naiveFingerprint, sha256 } from './test-support';

const K = AREA_GROUP_MIN;

function vote(rule: Rule = 'civil-code-278'): Vote {
  return {
    id: 'v-2026-0012',
    quarter: '翠苑一区',
    title: '2026年第一次业主大会',
    rule,
    opensAt: '2026-03-01T00:00:00+08:00',
    closesAt: '2026-03-15T24:00:00+08:00',
    items: [
      { id: '1', title: '续聘物业服务企业', matter: 'ordinary' },
      { id: '2', title: '使用公共收益加装电梯', matter: 'special' },
    ],
  };
}

const hex = () => randomBytes(16).toString('hex');

/** Members m-01, m-02, … with the given areas; each cast names its member by number (1-based). */
function record(
  areas: number[],
  casts: Array<{ voter: number; choices?: Choices; channel?: Channel }>,
  rule: Rule = 'civil-code-278',
): VoteRecordV2 {
  const v = vote(rule);
  const member = (n: number) => `m-${String(n).padStart(2, '0')}`;
  const roll = areas.map((area, i) => ({ member: member(i + 1), area }));
  const sealed = casts.map((c) => ({
    member: member(c.voter),
    ...sealBallotV2(v, { choices: c.choices ?? { '1': 'yes', '2': 'yes' }, channel: c.channel ?? 'online', area: areas[c.voter - 1] }, { nonce: hex(), areaSalt: hex() }),
  }));
  return buildRecordV2(v, roll, sealed);
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('sealBallotV2 and buildRecordV2', () => {
  it('hash, commitment, participants fingerprint and head are exactly the format document’s', () => {
    const v = vote();
    const nonce = '00112233445566778899aabbccddeeff';
    const salt = 'ffeeddccbbaa99887766554433221100';
    const b = sealBallotV2(v, { choices: { '1': 'yes' }, channel: 'online', area: 8953 }, { nonce, areaSalt: salt });
    const commitment = sha256(`8953|${salt}`);
    expect(b.areaCommitment).toBe(commitment);
    expect(b.hash).toBe(sha256(`gongzhi.vote-record/2|v-2026-0012|${nonce}|1=yes,2=abstain|online|${commitment}`));
    const roll = [
      { member: 'm-7f3a9c', area: 8953 },
      { member: 'm-0b51e2', area: 12040 },
    ];
    const r = buildRecordV2(v, roll, [{ member: 'm-7f3a9c', ...b }]);
    expect(r.roll.map((e) => e.member)).toEqual(['m-0b51e2', 'm-7f3a9c']);
    expect(r.rollFingerprint).toBe(naiveFingerprint(roll));
    expect(r.participants).toEqual(['m-7f3a9c']);
    expect(r.participantsFingerprint).toBe(sha256('m-7f3a9c\n'));
    expect(r.head).toBe(sha256(`gongzhi.vote-record/2|v-2026-0012|${r.rollFingerprint}|${r.participantsFingerprint}|${b.hash}`));
    // One online ballot alone: its area is withheld, and the sums carry it.
    expect(r.ballots[0]).toMatchObject({ area: null, areaSalt: null, nonce, hash: b.hash });
    expect(r.ballots[0]).not.toHaveProperty('member');
    expect(r.ballots[0]).not.toHaveProperty('seq');
    expect(r.ballots[0]).not.toHaveProperty('castAt');
    expect(r.withheld).toEqual({ ballots: 1, area: 8953, items: [{ id: '1', yes: 8953, no: 0, abstain: 0 }, { id: '2', yes: 0, no: 0, abstain: 8953 }] });
    const t = tallyRecordV2(JSON.parse(JSON.stringify(r)));
    expect(t.errors).toEqual([]);
    expect(t.head).toBe(r.head);
  });

  it('lists the ballots by hash, whatever order they were cast in', () => {
    const areas = range(1, 12).map(() => 9000);
    const r = record(areas, range(1, 12).map((voter) => ({ voter })));
    const hashes = r.ballots.map((b) => b.hash);
    expect(hashes).toEqual([...hashes].sort());
    const again = record(areas, range(1, 12).reverse().map((voter) => ({ voter })));
    expect(again.participants).toEqual(r.participants);
  });

  it('counts a valid record exactly: members from the ballots, area from published areas and the withheld sums', () => {
    // Five online ballots share 9000 (published); three have areas of their own (withheld).
    const areas = [9000, 9000, 9000, 9000, 9000, 7001, 7002, 7003, 5000];
    const casts = [
      ...range(1, 4).map((voter) => ({ voter, choices: { '1': 'yes' as const, '2': 'no' as const } })),
      { voter: 5, choices: { '1': 'no' as const } },
      ...range(6, 8).map((voter) => ({ voter, choices: { '1': 'yes' as const, '2': 'yes' as const } })),
    ];
    const t = tallyRecordV2(record(areas, casts));
    expect(t.valid).toBe(true);
    expect(t.totals).toEqual({ members: 9, area: 71006 });
    expect(t.participation).toEqual({ members: 8, area: 66006, quorumMet: true });
    expect(t.items[0]).toMatchObject({ yes: { members: 7, area: 36000 + 21006 }, no: { members: 1, area: 9000 }, abstain: { members: 0, area: 0 }, passed: true });
    expect(t.items[1]).toMatchObject({ yes: { members: 3, area: 21006 }, no: { members: 4, area: 36000 }, abstain: { members: 1, area: 9000 }, passed: false });
    // The three own areas were withheld; padding took the 9000 group in (3 < K).
    expect(t.withheld).toEqual({ ballots: 8, area: 66006 });
  });
});

describe('the withheld rule (K = 5)', () => {
  const flags = (channelAreas: Array<[Channel, number]>, rule: Rule = 'civil-code-278') => withheldFlags(rule, channelAreas.map(([channel, area]) => ({ channel, area })));
  const online = (area: number, n: number): Array<[Channel, number]> => Array.from({ length: n }, () => ['online', area]);

  it('publishes an area shared by exactly K ballots of a channel, withholds one shared by K − 1', () => {
    expect(flags(online(9000, K))).toEqual(Array(K).fill(false));
    expect(flags(online(9000, K - 1))).toEqual(Array(K - 1).fill(true));
  });

  it('counts a channel on its own: K − 1 online and one paper ballot of an area do not publish it', () => {
    expect(flags([...online(9000, K - 1), ['paper', 9000]])).toEqual(Array(K).fill(true));
  });

  it('pads: fewer than K withheld ballots take the smallest published group with them', () => {
    // One lone online area, a group of K + 1 and a group of K: the group of K is withheld too.
    const f = flags([['online', 7001], ...online(9000, K + 1), ...online(8000, K)]);
    expect(f[0]).toBe(true);
    expect(f.slice(1, K + 2)).toEqual(Array(K + 1).fill(false));
    expect(f.slice(K + 2)).toEqual(Array(K).fill(true));
    // K withheld already: nothing more.
    const g = flags([...range(1, K).map((i): [Channel, number] => ['online', 7000 + i]), ...online(9000, K)]);
    expect(g).toEqual([...Array(K).fill(true), ...Array(K).fill(false)]);
  });

  it('withholds every area of a building-majority vote', () => {
    expect(flags(online(9000, 2 * K), 'building-majority')).toEqual(Array(2 * K).fill(true));
    const r = record(range(1, 6).map(() => 9000), range(1, 6).map((voter) => ({ voter })), 'building-majority');
    expect(r.ballots.every((b) => b.area === null && b.areaSalt === null)).toBe(true);
    expect(tallyRecordV2(r).valid).toBe(true);
  });

  it('the re-tally refuses a record that publishes an area shared by fewer than K ballots', () => {
    const r = record([...range(1, K).map(() => 9000), 7001, 7002, 7003, 7004, 7005], range(1, 2 * K).map((voter) => ({ voter })));
    expect(tallyRecordV2(r).valid).toBe(true);
    const lone = r.ballots.find((b) => b.area === null)!;
    // Opening a withheld area needs the salt the server keeps; a forger who had it:
    const opened = clone(r);
    const at = opened.ballots.findIndex((b) => b.hash === lone.hash);
    opened.ballots[at].area = 1; // any value: the rule is checked whether the commitment opens or not
    opened.ballots[at].areaSalt = '0'.repeat(32);
    const errors = tallyRecordV2(opened).errors.join('\n');
    expect(errors).toMatch(/does not open its areaCommitment/);
  });
});

describe('tampering makes a version 2 record invalid, with a sentence that says why', () => {
  const areas = [...range(1, K).map(() => 9000), 7001, 7002, 7003, 7004, 7005, 6000];
  const base = record(areas, [
    ...range(1, K).map((voter) => ({ voter, choices: { '1': 'yes' as const, '2': 'no' as const } })),
    ...range(K + 1, 2 * K).map((voter) => ({ voter, choices: { '1': 'no' as const, '2': 'yes' as const } })),
  ]);
  const published = () => base.ballots.findIndex((b) => b.area !== null);
  const cases: Array<[string, (r: VoteRecordV2) => void, RegExp]> = [
    ['a choice changed', (r) => void (r.ballots[0].choices['1'] = r.ballots[0].choices['1'] === 'yes' ? 'no' : 'yes'), /hash .* does not match its content/],
    ['a channel changed', (r) => void (r.ballots[0].channel = r.ballots[0].channel === 'online' ? 'paper' : 'online'), /does not match its content/],
    ['a nonce changed', (r) => void (r.ballots[0].nonce = 'f'.repeat(32)), /does not match its content/],
    ['a published area changed', (r) => void (r.ballots[published()].area = 9001), /does not open its areaCommitment/],
    ['a salt dropped', (r) => void (r.ballots[published()].areaSalt = null), /both are given or both are null/],
    ['a ballot removed', (r) => void r.ballots.splice(1, 1), /ballots but 10 participants/],
    ['a ballot duplicated', (r) => void r.ballots.splice(1, 0, clone(r.ballots[1])), /ascending order of hash, each hash once/],
    ['two ballots swapped', (r) => void ([r.ballots[0], r.ballots[1]] = [r.ballots[1], r.ballots[0]]), /ascending order of hash/],
    ['a participant not on the roll', (r) => void (r.participants[0] = 'm-zz'), /not on the roll/],
    ['a participant twice', (r) => void (r.participants[1] = r.participants[0]), /not after the one before it/],
    ['a participant dropped', (r) => void r.participants.pop(), /participants fingerprint in the file/],
    ['the roll changed', (r) => void (r.roll[0].area += 1), /roll fingerprint in the file/],
    ['withheld.ballots wrong', (r) => void (r.withheld.ballots -= 1), /withheld.ballots is 4, but 5 ballots have a null area/],
    ['withheld.area wrong', (r) => void (r.withheld.area += 100), /participants' area from the roll is/],
    ['a withheld sum off by one', (r) => void (r.withheld.items[0].no -= 1), /not withheld.area/],
    ['a withheld sum negative', (r) => void ((r.withheld.items[0].no = -1), (r.withheld.items[0].yes += r.withheld.items[0].no + 1)), /must be a whole area from 0/],
    ['a withheld item missing', (r) => void r.withheld.items.pop(), /withheld.items has 1 entries/],
    ['the head', (r) => void (r.head = '0'.repeat(64)), /The head in the file/],
    ['the vote id', (r) => void (r.vote.id = 'v-other'), /does not match its content/],
  ];
  it.each(cases)('%s', (_, tamper, why) => {
    expect(tallyRecordV2(clone(base)).valid).toBe(true);
    const copy = clone(base);
    tamper(copy);
    const t = tallyRecordV2(JSON.parse(JSON.stringify(copy)));
    expect(t.valid).toBe(false);
    expect(t.errors.join('\n')).toMatch(why);
    expect(t.items.every((i) => !i.passed)).toBe(true);
  });

  it('a shifted withheld split that keeps every sum is the honest limit: it cannot be seen without the openings', () => {
    // Moving area between yes and no of the withheld ballots, keeping each item's sum, is
    // consistent; the format document says so, and the audit openings are what catch it.
    const copy = clone(base);
    copy.withheld.items[0].yes += 1;
    copy.withheld.items[0].no -= 1;
    expect(tallyRecordV2(copy).valid).toBe(true);
  });
});

describe('tallyAnyRecord', () => {
  it('picks the reader by format and refuses others', () => {
    const r = record([9000], [{ voter: 1 }]);
    expect(tallyAnyRecord(r)).toHaveProperty('participantsFingerprint');
    expect(() => tallyAnyRecord({ ...r, format: 'gongzhi.vote-record/3' })).toThrow(UnusableRecordError);
    expect(() => tallyAnyRecord({ ...r, format: 'gongzhi.vote-record/3' })).toThrow(/reads those two only/);
  });
});
