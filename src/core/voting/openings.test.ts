// An auditor's check of a version 2 record with the openings of its withheld areas: it catches
// what the re-tally alone cannot (docs/vote-record-format.md, "What a re-tally cannot check").
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRecordV2, sealBallotV2, type SealedBallotV2 } from './builder-v2';
import { checkOpenings } from './openings';
import type { Choices, Vote } from './record';
import { tallyRecordV2 } from './tally-v2';
import { clone } from './test-support';

const vote: Vote = {
  id: 'v-audit',
  quarter: '翠苑一区',
  title: '审计',
  rule: 'civil-code-278',
  opensAt: '2026-03-01T00:00:00+08:00',
  closesAt: '2026-03-15T24:00:00+08:00',
  items: [{ id: '1', title: '续聘', matter: 'ordinary' }],
};
const areas = [9000, 9000, 9000, 9000, 9000, 7001, 7002, 7003, 7004, 7005];
const choices: Choices[] = areas.map((_, i) => ({ '1': i % 3 === 0 ? 'no' : 'yes' }));
const sealed: Array<SealedBallotV2 & { member: string }> = areas.map((area, i) => ({
  member: `m-${i}`,
  ...sealBallotV2(vote, { choices: choices[i], channel: 'online', area }, { nonce: randomBytes(16).toString('hex'), areaSalt: randomBytes(16).toString('hex') }),
}));
const record = buildRecordV2(vote, areas.map((area, i) => ({ member: `m-${i}`, area })), sealed);
const openings = sealed.filter((b) => b.area !== 9000).map((b) => ({ hash: b.hash, area: b.area, areaSalt: b.areaSalt }));

describe('checkOpenings', () => {
  it('accepts the server\'s openings of a valid record and recomputes its withheld sums', () => {
    const check = checkOpenings(record, { openings });
    expect(check.errors).toEqual([]);
    expect(check.withheld).toEqual(record.withheld);
  });

  it('catches a withheld split moved between yes and no, which the re-tally alone accepts', () => {
    const shifted = clone(record);
    shifted.withheld.items[0].yes += 1;
    shifted.withheld.items[0].no -= 1;
    expect(tallyRecordV2(shifted).valid).toBe(true);
    const check = checkOpenings(shifted, openings);
    expect(check.valid).toBe(false);
    expect(check.errors.join('\n')).toMatch(/Item "1": the openings give yes .* the record says/);
  });

  it('catches a false opening, a missing one, and an area withheld against the rule', () => {
    const wrong = openings.map((o, i) => (i === 0 ? { ...o, area: o.area + 1 } : o));
    expect(checkOpenings(record, wrong).errors.join('\n')).toMatch(/does not open the commitment/);
    expect(checkOpenings(record, openings.slice(1)).errors.join('\n')).toMatch(/has its area withheld and no opening/);
    // A record that withholds a group of K the rule would publish: 9000 withheld as well.
    const all = sealed.map((b) => ({ hash: b.hash, area: b.area, areaSalt: b.areaSalt }));
    const over = buildRecordV2(vote, areas.map((area, i) => ({ member: `m-${i}`, area })), sealed, 6);
    expect(checkOpenings(over, all).errors.join('\n')).toMatch(/the withheld rule publishes its area, but the record withholds it/);
  });
});
