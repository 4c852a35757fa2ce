import { describe, expect, it } from 'vitest';
import { appendBallot, buildRecord, openChain, sealBallot } from './builder';
import { genesisHash, rollFingerprint } from './hash';
import type { UnsealedBallot, Vote } from './record';
import { tallyRecord } from './tally';
import { reseal, sha256 } from './test-support';

const vote: Vote = {
  id: 'v-2026-0012',
  quarter: '翠苑一区',
  title: '2026年第一次业主大会',
  rule: 'civil-code-278',
  opensAt: '2026-03-01T00:00:00+08:00',
  closesAt: '2026-03-15T24:00:00+08:00',
  items: [
    { id: '1', title: '续聘物业服务企业', matter: 'ordinary' },
    { id: '2', title: '使用公共收益加装电梯', matter: 'special' },
  ],
};
const roll = [
  { member: 'm-7f3a9c', area: 8953 },
  { member: 'm-0b51e2', area: 12040 },
];
const ballots: UnsealedBallot[] = [
  { member: 'm-7f3a9c', choices: { '1': 'yes', '2': 'no' }, channel: 'online', castAt: '2026-03-02T09:15:00+08:00' },
  { member: 'm-0b51e2', choices: { '2': 'yes' }, channel: 'paper', castAt: '2026-03-03T10:00:00+08:00' },
];

describe('buildRecord', () => {
  it('writes the format document’s example with its hashes', () => {
    const record = buildRecord(vote, roll, ballots);
    const fingerprint = sha256('m-0b51e2|12040\nm-7f3a9c|8953\n');
    const genesis = sha256(`gongzhi.vote-record/1|v-2026-0012|${fingerprint}`);
    const h1 = sha256(`${genesis}|1|m-7f3a9c|1=yes,2=no|online|2026-03-02T09:15:00+08:00`);
    const h2 = sha256(`${h1}|2|m-0b51e2|1=abstain,2=yes|paper|2026-03-03T10:00:00+08:00`);
    expect(record).toEqual({
      format: 'gongzhi.vote-record/1',
      vote,
      roll,
      rollFingerprint: fingerprint,
      ballots: [
        { seq: 1, ...ballots[0], prev: genesis, hash: h1 },
        { seq: 2, ...ballots[1], prev: h1, hash: h2 },
      ],
      head: h2,
    });
    expect(Object.keys(record)).toEqual(['format', 'vote', 'roll', 'rollFingerprint', 'ballots', 'head']);
    expect(Object.keys(record.ballots[0])).toEqual(['seq', 'member', 'choices', 'channel', 'castAt', 'prev', 'hash']);
    expect(tallyRecord(record).valid).toBe(true);
    expect(reseal(record)).toEqual(record);
  });

  it('gives the genesis as head when nobody has voted', () => {
    const record = buildRecord(vote, roll, []);
    expect(record.ballots).toEqual([]);
    expect(record.head).toBe(genesisHash(vote.id, rollFingerprint(roll)));
    expect(tallyRecord(record).valid).toBe(true);
  });

  it('does not keep references to its inputs', () => {
    const input = structuredClone(ballots);
    const record = buildRecord(vote, roll, input);
    input[0].choices['1'] = 'no';
    expect(record.ballots[0].choices['1']).toBe('yes');
  });
});

describe('the incremental API the server uses', () => {
  it('appending one ballot at a time gives the same record', () => {
    const opened = openChain(vote, roll);
    expect(opened.state).toEqual({ items: [{ id: '1' }, { id: '2' }], head: opened.genesis, seq: 0 });
    let state = opened.state;
    const sealed = [];
    for (const b of ballots) {
      const next = appendBallot(state, b);
      sealed.push(next.ballot);
      state = next.state;
    }
    const record = buildRecord(vote, roll, ballots);
    expect(sealed).toEqual(record.ballots);
    expect(state.head).toBe(record.head);
    expect(state.seq).toBe(2);
  });

  it('sealBallot needs only the previous hash and the next seq', () => {
    const record = buildRecord(vote, roll, ballots);
    // e.g. after a restart, from head and seq stored in the database
    const again = sealBallot(vote.items, record.ballots[0].hash, 2, ballots[1]);
    expect(again).toEqual(record.ballots[1]);
  });

  it('refuses a ballot that could only make the record invalid', () => {
    const state = openChain(vote, roll).state;
    const good = ballots[0];
    const bad: Array<[Partial<UnsealedBallot> | Record<string, unknown>, RegExp]> = [
      [{ member: 'a|b' }, /not a usable pseudonym/],
      [{ member: '' }, /not a usable pseudonym/],
      [{ choices: { '3': 'yes' } }, /unknown item "3"/],
      [{ choices: { '1': 'maybe' } }, /choice "maybe" on item "1"/],
      [{ channel: 'fax' }, /channel "fax"/],
      [{ castAt: '2026-03-02 09:15' }, /not an ISO 8601 time with offset/],
    ];
    for (const [change, message] of bad) {
      expect(() => appendBallot(state, { ...good, ...change } as UnsealedBallot)).toThrow(message);
    }
    expect(() => sealBallot(vote.items, 'xyz', 1, good)).toThrow(/previous hash/);
    expect(() => sealBallot(vote.items, state.head, 0, good)).toThrow(/seq/);
    expect(() => sealBallot(vote.items, state.head, 1.5, good)).toThrow(/seq/);
  });
});
