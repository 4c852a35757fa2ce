/**
 * Writes the vote-record fixtures in test/fixtures/vote-records/, built with the same builder
 * the server uses, so that any test (unit, API, browser) can read a real record:
 *
 *   valid.json          a valid civil-code-278 record of 6 members and 5 ballots: quorum met,
 *                       item 1 (ordinary) passes, item 2 (special) fails (3 of 5 members < 3/4);
 *   tampered.json       valid.json with the choice of ballot seq 2 on item 2 changed from "no"
 *                       to "yes" after sealing: invalid, ballot seq 2's hash no longer matches;
 *   closes-at-24h.json  a building-majority record whose closesAt is "2026-03-15T24:00:00+08:00"
 *                       and whose last two ballots were cast exactly at that instant
 *                       ("2026-03-16T00:00:00+08:00" and "2026-03-15T16:00:00Z"): valid, since the
 *                       closing instant is inside the window;
 *   valid-v2.json       a valid gongzhi.vote-record/2 record: 13 members, 12 ballots; six online
 *                       ballots share the area 9000 (published), five online ballots of areas of
 *                       their own and one paper ballot are withheld; nonces and salts are fixed
 *                       (derived from a label) so that the file does not change between runs;
 *   tampered-v2.json    valid-v2.json with one published area changed from 9000 to 9001: invalid,
 *                       the area no longer opens its commitment (and the areas no longer add up).
 *
 *   npx tsx scripts/make-vote-fixtures.ts
 *
 * src/cli/tally.test.ts checks that the files on disk equal what this script makes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildRecord } from '../src/core/voting/builder';
import { buildRecordV2, sealBallotV2 } from '../src/core/voting/builder-v2';
import { sha256Hex } from '../src/core/voting/hash';
import type { Choices, Vote, VoteRecord } from '../src/core/voting/record';
import type { VoteRecordV2 } from '../src/core/voting/record-v2';

export const VOTE_FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../test/fixtures/vote-records',
);

function validRecord(): VoteRecord {
  return buildRecord(
    {
      id: 'v-2026-0012',
      quarter: '翠苑一区',
      title: '2026年第一次业主大会',
      rule: 'civil-code-278',
      opensAt: '2026-03-01T00:00:00+08:00',
      closesAt: '2026-03-15T18:00:00+08:00',
      items: [
        { id: '1', title: '续聘物业服务企业', matter: 'ordinary' },
        { id: '2', title: '使用公共收益加装电梯', matter: 'special' },
      ],
    },
    [
      { member: 'm-7f3a9c', area: 8953 },
      { member: 'm-0b51e2', area: 12040 },
      { member: 'm-3c9d10', area: 9210 },
      { member: 'm-a4e7b2', area: 10388 },
      { member: 'm-5d2f88', area: 7655 },
      // the developer's unsold units together: one member
      { member: 'm-d00001', area: 21500 },
    ],
    [
      { member: 'm-7f3a9c', choices: { '1': 'yes', '2': 'yes' }, channel: 'online', castAt: '2026-03-01T00:00:00+08:00' },
      { member: 'm-0b51e2', choices: { '1': 'yes', '2': 'no' }, channel: 'paper', castAt: '2026-03-02T09:15:00+08:00' },
      { member: 'm-3c9d10', choices: { '1': 'yes' }, channel: 'proxy', castAt: '2026-03-05T20:41:07+08:00' },
      { member: 'm-a4e7b2', choices: { '1': 'no', '2': 'yes' }, channel: 'online', castAt: '2026-03-09T12:00:00+08:00' },
      { member: 'm-5d2f88', choices: { '1': 'yes', '2': 'yes' }, channel: 'online', castAt: '2026-03-15T18:00:00+08:00' },
    ],
  );
}

function tamperedRecord(): VoteRecord {
  const record = validRecord();
  record.ballots[1].choices['2'] = 'yes';
  return record;
}

function closesAt24hRecord(): VoteRecord {
  return buildRecord(
    {
      id: 'v-2026-0013-b3',
      quarter: '翠苑一区',
      title: '3幢楼道加装扶手',
      rule: 'building-majority',
      opensAt: '2026-03-10T08:00:00+08:00',
      closesAt: '2026-03-15T24:00:00+08:00',
      items: [{ id: '1', title: '3幢楼道加装扶手', matter: 'ordinary' }],
    },
    [
      { member: 'm-31a001', area: 9012 },
      { member: 'm-31a002', area: 9012 },
      { member: 'm-31b001', area: 13550 },
      { member: 'm-31b002', area: 13550 },
    ],
    [
      { member: 'm-31a001', choices: { '1': 'yes' }, channel: 'online', castAt: '2026-03-10T08:00:00+08:00' },
      { member: 'm-31b001', choices: { '1': 'yes' }, channel: 'paper', castAt: '2026-03-16T00:00:00+08:00' },
      { member: 'm-31b002', choices: { '1': 'no' }, channel: 'online', castAt: '2026-03-15T16:00:00Z' },
    ],
  );
}

function validRecordV2(): VoteRecordV2 {
  const vote: Vote = {
    id: 'v-2026-0021',
    quarter: '翠苑一区',
    title: '2026年第二次业主大会',
    rule: 'civil-code-278',
    opensAt: '2026-05-01T00:00:00+08:00',
    closesAt: '2026-05-15T24:00:00+08:00',
    items: [
      { id: '1', title: '续聘物业服务企业', matter: 'ordinary' },
      { id: '2', title: '使用公共收益加装电梯', matter: 'special' },
    ],
  };
  const areas = [9000, 9000, 9000, 9000, 9000, 9000, 7001, 7002, 7003, 7004, 7005, 12040, 21500];
  const roll = areas.map((area, i) => ({ member: `m-${String(i + 1).padStart(2, '0')}`, area }));
  const yes: Choices = { '1': 'yes', '2': 'yes' };
  const mixed: Choices = { '1': 'yes', '2': 'no' };
  const casts: Array<[number, Choices, 'online' | 'paper']> = [
    [1, yes, 'online'], [2, yes, 'online'], [3, mixed, 'online'], [4, yes, 'online'], [5, { '1': 'no' }, 'online'], [6, yes, 'online'],
    [7, yes, 'online'], [8, mixed, 'online'], [9, yes, 'online'], [10, { '1': 'abstain', '2': 'no' }, 'online'], [11, yes, 'online'],
    [12, mixed, 'paper'],
  ];
  // Fixed randomness, so that the file is the same on every run (a real ballot's are random).
  const fixed = (label: string) => sha256Hex(label).slice(0, 32);
  const sealed = casts.map(([n, choices, channel]) => ({
    member: roll[n - 1].member,
    ...sealBallotV2(vote, { choices, channel, area: areas[n - 1] }, { nonce: fixed(`nonce ${n}`), areaSalt: fixed(`salt ${n}`) }),
  }));
  return buildRecordV2(vote, roll, sealed);
}

function tamperedRecordV2(): VoteRecordV2 {
  const record = validRecordV2();
  record.ballots.find((b) => b.area !== null)!.area = 9001;
  return record;
}

/** File name → content of every fixture. */
export function makeVoteFixtures(): Record<string, string> {
  const files: Record<string, VoteRecord | VoteRecordV2> = {
    'valid.json': validRecord(),
    'tampered.json': tamperedRecord(),
    'closes-at-24h.json': closesAt24hRecord(),
    'valid-v2.json': validRecordV2(),
    'tampered-v2.json': tamperedRecordV2(),
  };
  return Object.fromEntries(
    Object.entries(files).map(([name, record]) => [name, `${JSON.stringify(record, null, 2)}\n`]),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const [name, content] of Object.entries(makeVoteFixtures())) {
    writeFileSync(path.join(VOTE_FIXTURES_DIR, name), content);
    console.log(`wrote ${path.relative(process.cwd(), path.join(VOTE_FIXTURES_DIR, name))}`);
  }
}
