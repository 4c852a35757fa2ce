import { describe, expect, it } from 'vitest';
import { ballotHash, choicesString, genesisHash, rollFingerprint } from './hash';
import type { TallyResult, VoteRecord } from './record';
import { UnusableRecordError, itemPasses, meetsQuorum, parseRecordJson, tallyRecord } from './tally';
import { clone, naiveTally, reseal, smallRecord, votes } from './test-support';

const item = (result: TallyResult, id = '1') => {
  const found = result.items.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no item ${id}`);
  return found;
};

/** Tallies a record that must be valid. */
const tallyValid = (record: VoteRecord) => {
  const result = tallyRecord(record);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
  return result;
};

describe('quorum: two thirds of area and of members take part (民法典 第278条 第2款, 以上 includes the boundary per 第1259条)', () => {
  it('is met at exactly two thirds of both', () => {
    // N = 3, A = 300; n = 2, a = 200: 3·200 = 600 ≥ 2·300 and 3·2 = 6 ≥ 2·3.
    const r = tallyValid(smallRecord({ areas: [100, 100, 100], ballots: votes([1, 2], 'yes') }));
    expect(r.totals).toEqual({ members: 3, area: 300 });
    expect(r.participation).toEqual({ members: 2, area: 200, quorumMet: true });
    expect(item(r).passed).toBe(true);
  });

  it('is not met when the area is one 0.01 m² short, though the members are exactly two thirds', () => {
    // A = 301, a = 200: 600 < 602.
    const r = tallyValid(smallRecord({ areas: [100, 100, 101], ballots: votes([1, 2], 'yes') }));
    expect(r.participation).toEqual({ members: 2, area: 200, quorumMet: false });
    expect(item(r).passed).toBe(false);
  });

  it('is not met when the members are one short, though the area is exactly two thirds', () => {
    // N = 6, A = 900; members 1–3 hold 600 = two thirds of the area, but 3·3 = 9 < 2·6.
    const areas = [250, 250, 100, 100, 100, 100];
    const r = tallyValid(smallRecord({ areas, ballots: votes([1, 2, 3], 'yes') }));
    expect(r.participation).toEqual({ members: 3, area: 600, quorumMet: false });
    expect(item(r).passed).toBe(false);
    // One more member (4 of 6 = exactly two thirds) meets it.
    const r4 = tallyValid(smallRecord({ areas, ballots: votes([1, 2, 3, 4], 'yes') }));
    expect(r4.participation).toEqual({ members: 4, area: 700, quorumMet: true });
  });

  it('counts abstaining members as taking part', () => {
    const r = tallyValid(smallRecord({ areas: [100, 100, 100], ballots: votes([1, 2], 'abstain') }));
    expect(r.participation.quorumMet).toBe(true);
    expect(item(r).abstain).toEqual({ members: 2, area: 200 });
    expect(item(r).passed).toBe(false);
  });

  it('is met trivially by an empty roll, but nothing passes without a yes', () => {
    const r = tallyValid(smallRecord({ areas: [], ballots: [] }));
    expect(r.participation).toEqual({ members: 0, area: 0, quorumMet: true });
    expect(item(r).passed).toBe(false);
  });
});

describe('ordinary matters: more than half of the area and of the members taking part (过半数 is strict)', () => {
  // Everyone votes in these examples, so the quorum is met.
  const areas = [300, 100, 100, 100]; // A = a = 600, N = n = 4

  it('fails with exactly half of the members, though the area is more than half', () => {
    const r = tallyValid(
      smallRecord({ areas, ballots: [...votes([1, 2], 'yes'), ...votes([3, 4], 'no')] }),
    );
    expect(item(r).yes).toEqual({ members: 2, area: 400 }); // 2·400 > 600, but 2·2 = 4 is not > 4
    expect(item(r).passed).toBe(false);
  });

  it('fails with exactly half of the area, though the members are more than half', () => {
    const r = tallyValid(
      smallRecord({ areas, ballots: [...votes([2, 3, 4], 'yes'), ...votes([1], 'no')] }),
    );
    expect(item(r).yes).toEqual({ members: 3, area: 300 }); // 2·300 = 600 is not > 600
    expect(item(r).passed).toBe(false);
  });

  it('passes with half plus one in both measures', () => {
    // A = a = 601: yes area 301, 2·301 = 602 > 601; yes members 3, 2·3 = 6 > 4.
    const r = tallyValid(
      smallRecord({
        areas: [300, 101, 100, 100],
        ballots: [...votes([2, 3, 4], 'yes'), ...votes([1], 'no')],
      }),
    );
    expect(item(r).yes).toEqual({ members: 3, area: 301 });
    expect(item(r).passed).toBe(true);
  });

  it('counts an abstention against passing: it takes part and is not a yes', () => {
    // 1 yes, 2 abstain: 2·1 = 2 is not > 3. Had abstainers not taken part, 1 of 1 would pass.
    const r = tallyValid(
      smallRecord({
        areas: [100, 100, 100],
        ballots: [...votes([1], 'yes'), ...votes([2, 3], 'abstain')],
      }),
    );
    expect(r.participation).toEqual({ members: 3, area: 300, quorumMet: true });
    expect(item(r).abstain).toEqual({ members: 2, area: 200 });
    expect(item(r).passed).toBe(false);
  });

  it('counts a choice left out as abstain, exactly like an explicit abstain', () => {
    const items = [
      { id: '1', matter: 'ordinary' as const },
      { id: '2', matter: 'ordinary' as const },
    ];
    const leftOut = smallRecord({
      areas: [100, 100, 100],
      items,
      ballots: [
        { voter: 1, choices: { '1': 'yes' } },
        { voter: 2, choices: {} },
        { voter: 3, choices: { '2': 'no' } },
      ],
    });
    const explicit = smallRecord({
      areas: [100, 100, 100],
      items,
      ballots: [
        { voter: 1, choices: { '1': 'yes', '2': 'abstain' } },
        { voter: 2, choices: { '1': 'abstain', '2': 'abstain' } },
        { voter: 3, choices: { '1': 'abstain', '2': 'no' } },
      ],
    });
    const r = tallyValid(leftOut);
    expect(item(r, '1').abstain).toEqual({ members: 2, area: 200 });
    expect(item(r, '2').abstain).toEqual({ members: 2, area: 200 });
    expect(item(r, '2').no).toEqual({ members: 1, area: 100 });
    expect(tallyValid(explicit)).toEqual(r);
    // The hash writes an omitted choice as abstain, so the two chains are the same.
    expect(explicit.head).toBe(leftOut.head);
  });
});

describe('special matters (items 6–8): three quarters of the area and of the members taking part, 以上 inclusive', () => {
  const special = [{ id: '1', matter: 'special' as const }];

  it('passes at exactly three quarters of both', () => {
    const r = tallyValid(
      smallRecord({
        areas: [100, 100, 100, 100],
        items: special,
        ballots: [...votes([1, 2, 3], 'yes'), ...votes([4], 'no')],
      }),
    );
    expect(item(r).yes).toEqual({ members: 3, area: 300 }); // 4·300 ≥ 3·400, 4·3 ≥ 3·4
    expect(item(r).passed).toBe(true);
  });

  it('fails when the area is just under three quarters', () => {
    // a = 401, ya = 300: 1200 < 1203.
    const r = tallyValid(
      smallRecord({
        areas: [100, 100, 100, 101],
        items: special,
        ballots: [...votes([1, 2, 3], 'yes'), ...votes([4], 'no')],
      }),
    );
    expect(item(r).passed).toBe(false);
  });

  it('fails when the members are just under three quarters', () => {
    // n = 8, yn = 5: 20 < 24, though the area is 1500 of 1530.
    const r = tallyValid(
      smallRecord({
        areas: [300, 300, 300, 300, 300, 10, 10, 10],
        items: special,
        ballots: [...votes([1, 2, 3, 4, 5], 'yes'), ...votes([6, 7, 8], 'no')],
      }),
    );
    expect(item(r).yes).toEqual({ members: 5, area: 1500 });
    expect(item(r).passed).toBe(false);
    // 6 of 8 is exactly three quarters.
    const r6 = tallyValid(
      smallRecord({
        areas: [300, 300, 300, 300, 300, 10, 10, 10],
        items: special,
        ballots: [...votes([1, 2, 3, 4, 5, 6], 'yes'), ...votes([7, 8], 'no')],
      }),
    );
    expect(item(r6).passed).toBe(true);
  });

  it('needs more than an ordinary matter: two thirds of both passes ordinary, fails special', () => {
    const ballots = [
      { voter: 1, choices: { o: 'yes', s: 'yes' } as const },
      { voter: 2, choices: { o: 'yes', s: 'yes' } as const },
      { voter: 3, choices: { o: 'no', s: 'no' } as const },
    ];
    const r = tallyValid(
      smallRecord({
        areas: [100, 100, 100],
        items: [
          { id: 'o', matter: 'ordinary' },
          { id: 's', matter: 'special' },
        ],
        ballots,
      }),
    );
    expect(item(r, 'o').passed).toBe(true);
    expect(item(r, 's').passed).toBe(false);
  });
});

describe('building-majority (HZ 5.1.3.2.2.5): members only, area not weighed', () => {
  it('meets the quorum with two thirds of the members whatever their area', () => {
    const r = tallyValid(
      smallRecord({ rule: 'building-majority', areas: [1_000_000, 1, 1], ballots: votes([2, 3], 'yes') }),
    );
    expect(r.participation).toEqual({ members: 2, area: 2, quorumMet: true });
    expect(item(r).passed).toBe(true);
  });

  it('passes with more than half of the members though they hold little area', () => {
    const r = tallyValid(
      smallRecord({
        rule: 'building-majority',
        areas: [1, 1, 1_000_000],
        ballots: [...votes([1, 2], 'yes'), ...votes([3], 'no')],
      }),
    );
    expect(item(r).passed).toBe(true);
  });

  it('fails with exactly half of the members', () => {
    const r = tallyValid(
      smallRecord({
        rule: 'building-majority',
        areas: [1_000_000, 1_000_000, 1, 1],
        ballots: [...votes([1, 2], 'yes'), ...votes([3, 4], 'no')],
      }),
    );
    expect(item(r).passed).toBe(false);
  });

  it('applies the same majority to a special matter', () => {
    const r = tallyValid(
      smallRecord({
        rule: 'building-majority',
        areas: [1, 1, 1],
        items: [{ id: '1', matter: 'special' }],
        ballots: [...votes([1, 2], 'yes'), ...votes([3], 'no')],
      }),
    );
    expect(item(r).passed).toBe(true);
  });

  it('is not met with one member short of two thirds', () => {
    const r = tallyValid(
      smallRecord({ rule: 'building-majority', areas: [1, 1, 1, 1, 1, 1], ballots: votes([1, 2, 3], 'yes') }),
    );
    expect(r.participation.quorumMet).toBe(false);
    expect(item(r).passed).toBe(false);
  });
});

describe('decision functions', () => {
  it('stay exact with sums past 2^53', () => {
    // A = 2^53 − 1 (odd), a = ⌈2A/3⌉: exactly enough; one less is not. Floating point
    // would round 3a and 2A and get one of these wrong.
    const A = Number.MAX_SAFE_INTEGER;
    const need = Number((2n * BigInt(A) + 2n) / 3n);
    const totals = { members: 3, area: A };
    expect(meetsQuorum('civil-code-278', totals, { members: 2, area: need })).toBe(true);
    expect(meetsQuorum('civil-code-278', totals, { members: 2, area: need - 1 })).toBe(false);
    const taking = { members: 3, area: A };
    const half = Math.floor(A / 2); // 2·half = A − 1, not > A
    expect(itemPasses('civil-code-278', 'ordinary', totals, taking, { members: 3, area: half })).toBe(false);
    expect(itemPasses('civil-code-278', 'ordinary', totals, taking, { members: 3, area: half + 1 })).toBe(true);
  });
});

describe('the time window: both ends are inside', () => {
  it('counts a ballot cast exactly at opensAt and one exactly at closesAt (24:00)', () => {
    const r = tallyValid(
      smallRecord({
        areas: [100, 100, 100],
        ballots: [
          { voter: 1, choices: { '1': 'yes' }, castAt: '2026-03-01T00:00:00+08:00' },
          { voter: 2, choices: { '1': 'yes' }, castAt: '2026-03-16T00:00:00+08:00' },
          { voter: 3, choices: { '1': 'yes' }, castAt: '2026-03-15T16:00:00Z' },
        ],
      }),
    );
    expect(r.participation.members).toBe(3);
  });

  it('rejects a ballot one second before opensAt or one second after closesAt', () => {
    const r = tallyRecord(
      smallRecord({
        areas: [100, 100, 100],
        ballots: [
          { voter: 1, choices: { '1': 'yes' }, castAt: '2026-02-28T23:59:59+08:00' },
          { voter: 2, choices: { '1': 'yes' }, castAt: '2026-03-16T00:00:01+08:00' },
          { voter: 3, choices: { '1': 'yes' }, castAt: '2026-03-15T16:00:00.001Z' },
        ],
      }),
    );
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([
      'Ballot seq 1 was cast at 2026-02-28T23:59:59+08:00, before the vote opened at 2026-03-01T00:00:00+08:00.',
      'Ballot seq 2 was cast at 2026-03-16T00:00:01+08:00, after the vote closed at 2026-03-15T24:00:00+08:00.',
      'Ballot seq 3 was cast at 2026-03-15T16:00:00.001Z, after the vote closed at 2026-03-15T24:00:00+08:00.',
    ]);
    // None of them counts.
    expect(r.participation).toEqual({ members: 0, area: 0, quorumMet: false });
  });
});

// ---------------------------------------------------------------------------------------
// Invalid records. Each case changes one thing and, where the change is not itself a hash,
// recomputes every hash (reseal) so that exactly the one problem remains.

/** Three members of 100; members 1 and 2 vote yes, member 3 no: quorum met, item passes. */
const base = () =>
  smallRecord({
    areas: [100, 100, 100],
    ballots: [...votes([1, 2], 'yes'), ...votes([3], 'no')],
  });

/** Tallies a record that must be invalid with exactly these errors (regexps). */
const expectInvalid = (record: unknown, ...patterns: RegExp[]) => {
  const result = tallyRecord(record);
  expect(result.valid).toBe(false);
  expect(result.errors).toHaveLength(patterns.length);
  patterns.forEach((p, i) => expect(result.errors[i]).toMatch(p));
  for (const i of result.items) expect(i.passed).toBe(false);
  return result;
};

describe('invalid records: each problem of the format document’s list is named', () => {
  it('the base record is valid and its item passes', () => {
    const r = tallyValid(base());
    expect(item(r).passed).toBe(true);
    expect(tallyValid(reseal(base()))).toEqual(r);
  });

  it('a fingerprint that differs from the roll', () => {
    const rec = base();
    rec.rollFingerprint = '0'.repeat(64);
    const r = expectInvalid(
      rec,
      /^The roll fingerprint in the file \("0{64}"\) differs from the one recomputed from the roll \([0-9a-f]{64}\)\.$/,
      /^Ballot seq 1: prev .* is not the genesis hash/,
    );
    expect(r.rollFingerprint).toBe(base().rollFingerprint);
    // Still counts: quorum met, and the item would have passed.
    expect(r.participation).toEqual({ members: 3, area: 300, quorumMet: true });
    expect(item(r).yes).toEqual({ members: 2, area: 200 });
  });

  it('a roll changed after the fingerprint was taken', () => {
    const rec = base();
    rec.roll[2].area = 99;
    const r = expectInvalid(rec, /^The roll fingerprint in the file .* differs from the one recomputed/);
    expect(r.totals).toEqual({ members: 3, area: 299 });
  });

  it('a prev that is not the hash before it', () => {
    const rec = base();
    rec.ballots[1].prev = rec.ballots[0].prev;
    expectInvalid(
      rec,
      /^Ballot seq 2: prev "[0-9a-f]{64}" is not the hash [0-9a-f]{64} of the ballot before it\.$/,
      /^Ballot seq 2: hash .* does not match its content/,
    );
  });

  it('a first prev that is not the genesis', () => {
    const rec = base();
    rec.ballots[0].prev = 'f'.repeat(64);
    expectInvalid(
      rec,
      /^Ballot seq 1: prev "f{64}" is not the genesis hash [0-9a-f]{64} of this vote and roll fingerprint\.$/,
      /^Ballot seq 1: hash/,
    );
  });

  it('a hash that does not match the ballot', () => {
    const rec = base();
    rec.ballots[2].choices['1'] = 'yes';
    const r = expectInvalid(
      rec,
      /^Ballot seq 3: hash "[0-9a-f]{64}" does not match its content, which hashes to [0-9a-f]{64}\.$/,
    );
    // The changed choice is what is counted; the record is invalid, so nothing passes.
    expect(item(r).yes.members).toBe(3);
  });

  it('a head that is not the last hash', () => {
    const rec = base();
    rec.head = rec.ballots[1].hash;
    const r = expectInvalid(rec, /^The head in the file \("[0-9a-f]{64}"\) is not the hash [0-9a-f]{64} of the last ballot\.$/);
    expect(r.head).toBe(base().head);
  });

  it('a head that is not the genesis when there are no ballots', () => {
    const rec = smallRecord({ areas: [1], ballots: [] });
    expect(rec.head).toBe(genesisHash('v-test', rollFingerprint(rec.roll)));
    rec.head = '1'.repeat(64);
    expectInvalid(rec, /^The head in the file .* is not the genesis hash [0-9a-f]{64}, though there are no ballots\.$/);
  });

  it('seqs that do not run 1, 2, 3, …', () => {
    const gap = base();
    gap.ballots[2].seq = 4;
    expectInvalid(reseal(gap), /^Ballot seq 4 \(position 3 in the file\): seq should be 3; seqs must run 1, 2, 3, … in file order\.$/);

    const zero = base();
    zero.ballots.forEach((b) => (b.seq -= 1));
    expectInvalid(reseal(zero), /^Ballot seq 0 \(position 1 in the file\): seq should be 1/);

    const swapped = base();
    [swapped.ballots[1].seq, swapped.ballots[2].seq] = [3, 2];
    expectInvalid(
      reseal(swapped),
      /^Ballot seq 3 \(position 2 in the file\): seq should be 2/,
      /^Ballot seq 2 \(position 3 in the file\): seq should be 4/,
    );

    const text = base();
    (text.ballots[0] as unknown as { seq: string }).seq = '1';
    expectInvalid(reseal(text), /^The ballot at position 1 in the file has seq "1"; it should be 1\.$/);
  });

  it('a ballot whose member is not on the roll, which is not counted', () => {
    const rec = base();
    rec.ballots[2].member = 'm-9';
    const r = expectInvalid(reseal(rec), /^Ballot seq 3 names member m-9, who is not on the roll\.$/);
    expect(r.participation).toEqual({ members: 2, area: 200, quorumMet: true });
    expect(item(r).no).toEqual({ members: 0, area: 0 });
  });

  it('a member who casts twice: only the first ballot counts', () => {
    const rec = base();
    rec.ballots.push({ ...clone(rec.ballots[0]), seq: 4, choices: { '1': 'no' } });
    const r = expectInvalid(
      reseal(rec),
      /^Ballot seq 4: member m-1 already cast ballot seq 1; a member casts one ballot only\.$/,
    );
    expect(r.participation.members).toBe(3);
    expect(item(r).yes.members).toBe(2);
    expect(item(r).no.members).toBe(1);
  });

  it('a choice that is not yes, no or abstain, which counts as abstain', () => {
    const rec = base();
    (rec.ballots[0].choices as Record<string, unknown>)['1'] = '同意';
    const r = expectInvalid(
      reseal(rec),
      /^Ballot seq 1 has choice "同意" on item "1"; it must be yes, no or abstain\.$/,
    );
    expect(item(r).yes.members).toBe(1);
    expect(item(r).abstain.members).toBe(1);
  });

  it('a choice on an item the vote does not have', () => {
    const rec = base();
    (rec.ballots[1].choices as Record<string, unknown>)['9'] = 'yes';
    expectInvalid(reseal(rec), /^Ballot seq 2 chooses on item "9", which the vote does not have\.$/);
  });

  it('a negative area, counted as 0', () => {
    const rec = base();
    rec.roll[0].area = -100;
    const r = expectInvalid(reseal(rec), /^Roll entry 1 \(member m-1\) has a negative area -100\.$/);
    expect(r.totals).toEqual({ members: 3, area: 200 });
  });

  it('an area that is not an integer', () => {
    const rec = base();
    rec.roll[1].area = 100.5;
    expectInvalid(reseal(rec), /^Roll entry 2 \(member m-2\) has area 100\.5, which is not an integer/);
    const text = base();
    (text.roll[1] as unknown as { area: string }).area = '100';
    expectInvalid(reseal(text), /^Roll entry 2 \(member m-2\) has area "100", which is not a number\.$/);
    const huge = base();
    huge.roll[1].area = 2 ** 60;
    expectInvalid(reseal(huge), /^Roll entry 2 \(member m-2\) has area 1152921504606847000, above 9007199254740991: too large to be read as an exact integer\.$/);
  });

  it('a roll whose total area cannot be counted exactly', () => {
    const rec = base();
    rec.roll[0].area = Number.MAX_SAFE_INTEGER;
    const r = expectInvalid(
      reseal(rec),
      /^Roll entry 2 \(member m-2\) has area 100, which takes the roll's total area past 9007199254740991/,
      /^Roll entry 3 \(member m-3\) has area 100, which takes/,
    );
    expect(r.totals).toEqual({ members: 3, area: Number.MAX_SAFE_INTEGER });
  });

  it('a member listed twice on the roll', () => {
    const rec = base();
    rec.roll.push({ member: 'm-2', area: 100 });
    const r = expectInvalid(
      reseal(rec),
      /^Roll entry 4 \(member m-2\) lists the member a second time \(first as roll entry 2\); each member is on the roll once\.$/,
    );
    expect(r.totals).toEqual({ members: 3, area: 300 });
  });

  it('an unknown rule: nothing can be decided', () => {
    const rec = base();
    (rec.vote as { rule: string }).rule = 'simple-majority';
    const r = expectInvalid(
      rec,
      /^The vote's rule "simple-majority" is unknown; it must be "civil-code-278" or "building-majority"\.$/,
    );
    expect(r.participation.quorumMet).toBe(false);
    expect(item(r).yes).toEqual({ members: 2, area: 200 });
  });

  it('collects every problem, not only the first', () => {
    const rec = base();
    rec.roll.push({ member: 'm-1', area: 5 });
    rec.ballots[0].castAt = '2027-01-01T00:00:00+08:00';
    rec.ballots[1].member = 'm-404';
    (rec.ballots[2] as { channel: string }).channel = 'fax';
    const r = tallyRecord(reseal(rec));
    expect(r.errors).toEqual([
      'Roll entry 4 (member m-1) lists the member a second time (first as roll entry 1); each member is on the roll once.',
      'Ballot seq 1 was cast at 2027-01-01T00:00:00+08:00, after the vote closed at 2026-03-15T24:00:00+08:00.',
      'Ballot seq 2 names member m-404, who is not on the roll.',
      'Ballot seq 3 has channel "fax"; it must be online, paper or proxy.',
    ]);
    expect(r.participation).toEqual({ members: 1, area: 100, quorumMet: false });
  });
});

describe('invalid records: what else the format requires', () => {
  it('an item matter that is neither ordinary nor special', () => {
    const rec = base();
    (rec.vote.items[0] as { matter: string }).matter = 'major';
    const r = expectInvalid(rec, /^Item 1 of the vote \(id "1"\) has matter "major"; it must be "ordinary" or "special"\.$/);
    expect(item(r).matter).toBeNull();
  });

  it('two items with one id', () => {
    const rec = base();
    rec.vote.items.push({ id: '1', title: 'again', matter: 'ordinary' });
    expectInvalid(reseal(rec), /^Item 2 of the vote repeats the id "1" of an earlier item\.$/);
  });

  it('an item without an id', () => {
    const rec = base();
    (rec.vote.items as unknown[]).push({ title: 'no id', matter: 'ordinary' });
    // Left out of the <choices> string too, so the ballots' hashes still hold.
    expectInvalid(rec, /^Item 2 of the vote has no id \(a non-empty string\), so no ballot can choose on it\.$/);
  });

  it('a channel other than online, paper or proxy', () => {
    const rec = base();
    (rec.ballots[0] as { channel: string }).channel = 'sms';
    expectInvalid(reseal(rec), /^Ballot seq 1 has channel "sms"; it must be online, paper or proxy\.$/);
  });

  it('a castAt that is not ISO 8601 with offset, which is not counted', () => {
    const rec = base();
    rec.ballots[0].castAt = '2026-03-02 10:00';
    const r = expectInvalid(
      reseal(rec),
      /^Ballot seq 1 has castAt "2026-03-02 10:00", which is not an ISO 8601 time with offset\.$/,
    );
    expect(r.participation.members).toBe(2);
  });

  it('window times that cannot be read or that run backwards', () => {
    const bad = base();
    bad.vote.closesAt = '2026-03-15';
    const r = expectInvalid(bad, /^The vote's closesAt "2026-03-15" is not an ISO 8601 time with offset\.$/);
    expect(r.participation.members).toBe(3); // without a readable end, the ballots still count
    const backwards = base();
    backwards.vote.opensAt = '2026-03-20T00:00:00+08:00';
    expectInvalid(
      backwards,
      /^The vote's opensAt "2026-03-20T00:00:00\+08:00" is after its closesAt "2026-03-15T24:00:00\+08:00"\.$/,
      /^Ballot seq 1 was cast at .* before the vote opened/,
      /^Ballot seq 2 was cast at .* before the vote opened/,
      /^Ballot seq 3 was cast at .* before the vote opened/,
    );
  });

  it('a member pseudonym that would make the fingerprint ambiguous', () => {
    const rec = base();
    rec.roll[0].member = 'm-1|100\nm-0';
    const r = tallyRecord(reseal(rec));
    expect(r.errors[0]).toBe(
      'Roll entry 1 has member "m-1|100\\nm-0"; a member must be a non-empty string without "|" or line breaks.',
    );
    expect(r.errors[1]).toBe('Ballot seq 1 names member m-1, who is not on the roll.');
  });

  it('a ballot or roll entry that is not an object, and missing parts', () => {
    const rec = base() as unknown as Record<string, unknown[]>;
    rec.ballots[1] = 'yes';
    rec.roll[2] = 42;
    const r = tallyRecord(rec);
    expect(r.errors).toContain('Roll entry 3 is not an object with a member and an area.');
    expect(r.errors).toContain('The ballot at position 2 in the file is not an object.');
    expect(r.participation.members).toBe(1); // m-3's ballot is no longer on the roll

    const empty = tallyRecord({ format: 'gongzhi.vote-record/1' });
    expect(empty.valid).toBe(false);
    expect(empty.errors).toEqual([
      'The record has no "vote" object.',
      "The vote's id is nothing; it must be a string.",
      'The vote\'s rule nothing is unknown; it must be "civil-code-278" or "building-majority".',
      "The vote's opensAt nothing is not an ISO 8601 time with offset.",
      "The vote's closesAt nothing is not an ISO 8601 time with offset.",
      "The vote's items are nothing; they must be a list.",
      'The record has no "roll" list.',
      'The roll fingerprint in the file (nothing) differs from the one recomputed from the roll (e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855).',
      'The record has no "ballots" list.',
      `The head in the file (nothing) is not the genesis hash ${genesisHash('', rollFingerprint([]))}, though there are no ballots.`,
    ]);
    expect(empty.items).toEqual([]);
    expect(empty.totals).toEqual({ members: 0, area: 0 });
  });
});

describe('unusable input', () => {
  it('throws UnusableRecordError for what is not a record at all', () => {
    for (const input of [null, 42, 'text', [], [base()], { format: 'gongzhi.vote-record/2' }, {}]) {
      expect(() => tallyRecord(input)).toThrow(UnusableRecordError);
    }
    expect(() => tallyRecord({ ...base(), format: 'other' })).toThrow(
      'The input\'s format is "other", not "gongzhi.vote-record/1"; this tool reads gongzhi.vote-record/1 only.',
    );
    expect(() => tallyRecord({})).toThrow('The input has no "format" field');
    expect(() => tallyRecord([])).toThrow('The input is a JSON array, not a JSON object');
  });

  it('parseRecordJson refuses what is not JSON and ignores a byte-order mark', () => {
    expect(() => parseRecordJson('{"format":')).toThrow(UnusableRecordError);
    expect(() => parseRecordJson('')).toThrow(/^The input is not JSON/);
    expect(parseRecordJson('\uFEFF{"a":1}')).toEqual({ a: 1 });
  });
});

describe('result shape', () => {
  it('has the keys of the format document in its order', () => {
    const r = tallyValid(base());
    expect(Object.keys(r)).toEqual([
      'valid',
      'errors',
      'rollFingerprint',
      'head',
      'totals',
      'participation',
      'items',
    ]);
    expect(Object.keys(r.totals)).toEqual(['members', 'area']);
    expect(Object.keys(r.participation)).toEqual(['members', 'area', 'quorumMet']);
    expect(Object.keys(r.items[0])).toEqual(['id', 'matter', 'yes', 'no', 'abstain', 'passed']);
  });

  it('reports the recomputed fingerprint and head, equal to the file’s in a valid record', () => {
    const rec = base();
    const r = tallyValid(rec);
    expect(r.rollFingerprint).toBe(rec.rollFingerprint);
    expect(r.head).toBe(rec.head);
    // and equal to an independent recomputation
    const again = reseal(rec);
    expect(again.head).toBe(rec.head);
  });
});

describe('scale', () => {
  it('tallies 20,000 members and 20,000 ballots exactly as a plain recount does', () => {
    const areas = Array.from({ length: 20_000 }, (_, i) => 5_000 + ((i * 7919) % 30_000));
    const items = [
      { id: '1', matter: 'ordinary' as const },
      { id: '2', matter: 'special' as const },
    ];
    const choices = ['yes', 'no', 'abstain'] as const;
    const rec = smallRecord({
      areas,
      items,
      ballots: areas.map((_, i) => ({
        voter: i + 1,
        choices: { '1': choices[i % 3 === 2 ? 0 : i % 3], '2': choices[(i * 31) % 3] },
        castAt: `2026-03-0${2 + (i % 7)}T10:00:00+08:00`,
      })),
    });
    const r = tallyValid(rec);
    const naive = naiveTally(rec);
    expect({ totals: r.totals, participation: r.participation, items: r.items }).toEqual(naive);
  });
});

describe('hash helpers agree with the builder', () => {
  it('recomputes a built ballot from its parts', () => {
    const rec = base();
    const b = rec.ballots[1];
    expect(b.hash).toBe(
      ballotHash(b.prev, b.seq, b.member, choicesString(rec.vote.items, b.choices), b.channel, b.castAt),
    );
  });
});
