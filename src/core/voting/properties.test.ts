import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRecord } from './builder';
import { isUsableMember } from './hash';
import type { Channel, Choice, Matter, RollEntry, Rule, UnsealedBallot, VoteRecord } from './record';
import { tallyRecord } from './tally';
import { clone, naiveTally, reseal } from './test-support';

// ---------------------------------------------------------------------------------------
// Random votes.

const OPENS_AT = '2026-03-01T00:00:00+08:00';
const OPENS = Date.parse('2026-02-28T16:00:00Z') / 1000;
/** closesAt as written, and its instant in seconds. A zero-length window is allowed too. */
const WINDOWS: Array<{ closesAt: string; closes: number }> = [
  { closesAt: '2026-03-15T24:00:00+08:00', closes: Date.parse('2026-03-15T16:00:00Z') / 1000 },
  { closesAt: '2026-03-15T16:00:00Z', closes: Date.parse('2026-03-15T16:00:00Z') / 1000 },
  { closesAt: '2026-03-01T00:00:00+08:00', closes: OPENS },
];
const OFFSETS = [480, 0, -300, 345, -90]; // minutes: +08:00, Z/+00:00, -05:00, +05:45, -01:30

function offsetText(minutes: number, zulu: boolean): string {
  if (minutes === 0 && zulu) return 'Z';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** An instant written as local time at an offset (whole seconds). */
function isoAt(seconds: number, offsetMinutes: number, zulu = true): string {
  const local = new Date((seconds + offsetMinutes * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${offsetText(offsetMinutes, zulu)}`;
}

const memberArb = fc.oneof(
  fc.integer({ min: 0, max: 0xffffff }).map((n) => `m-${n.toString(16).padStart(6, '0')}`),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 5 }).filter(isUsableMember),
);
// Per vote, areas that are all equal or tiny (so that the exact boundaries 2/3, 1/2, 3/4 are
// often hit), ordinary, or huge: up to 25 members of at most 2^48 each keeps the total below
// 2^53, as the tally requires.
const areaArbs = [
  fc.constant(100),
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 30_000 }),
  fc.integer({ min: 0, max: 2 ** 48 }),
];
const choiceArb = fc.constantFrom<Choice>('yes', 'yes', 'no', 'abstain');
const channelArb = fc.constantFrom<Channel>('online', 'paper', 'proxy');

interface Scenario {
  rule: Rule;
  items: Array<{ id: string; matter: Matter }>;
  roll: RollEntry[];
  window: (typeof WINDOWS)[number];
  ballots: UnsealedBallot[];
}

function ballotArb(
  member: string,
  items: Scenario['items'],
  window: Scenario['window'],
): fc.Arbitrary<UnsealedBallot> {
  const span = window.closes - OPENS;
  return fc
    .record({
      choices: fc.tuple(...items.map(() => fc.option(choiceArb, { nil: undefined }))),
      channel: channelArb,
      at: fc.oneof(fc.constant(0), fc.constant(span), fc.integer({ min: 0, max: span })),
      offset: fc.constantFrom(...OFFSETS),
      zulu: fc.boolean(),
      literalClose: fc.boolean(),
    })
    .map(({ choices, channel, at, offset, zulu, literalClose }) => {
      const picked: Record<string, Choice> = {};
      items.forEach((item, i) => {
        const c = choices[i];
        if (c !== undefined) picked[item.id] = c;
      });
      const castAt =
        at === span && literalClose ? window.closesAt : isoAt(OPENS + at, offset, zulu);
      return { member, choices: picked, channel, castAt };
    });
}

function scenarioArb(minimum: { members: number; items: number; ballots: number }) {
  return fc
    .record({
      rule: fc.constantFrom<Rule>('civil-code-278', 'building-majority'),
      items: fc.uniqueArray(
        fc.record({
          id: fc.oneof(fc.constantFrom('1', '2', '3', '10'), fc.string({ minLength: 1, maxLength: 4 })),
          matter: fc.constantFrom<Matter>('ordinary', 'special'),
        }),
        { selector: (item) => item.id, minLength: minimum.items, maxLength: 4 },
      ),
      roll: fc.constantFrom(...areaArbs).chain((areaArb) =>
        fc.uniqueArray(fc.record({ member: memberArb, area: areaArb }), {
          selector: (entry) => entry.member,
          minLength: minimum.members,
          maxLength: 25,
        }),
      ),
      window: fc.constantFrom(...WINDOWS),
    })
    .chain((s) =>
      // Turnout: any, or at least about two thirds so that quorums are often met.
      fc
        .oneof(
          fc.shuffledSubarray(s.roll, { minLength: Math.min(minimum.ballots, s.roll.length) }),
          fc.shuffledSubarray(s.roll, {
            minLength: Math.max(Math.min(minimum.ballots, s.roll.length), Math.floor((2 * s.roll.length) / 3)),
          }),
        )
        .chain((voters) => fc.tuple(...voters.map((v) => ballotArb(v.member, s.items, s.window))))
        .map((ballots): Scenario => ({ ...s, ballots })),
    );
}

function build(s: Scenario): VoteRecord {
  return buildRecord(
    {
      id: 'v-prop',
      quarter: '小区',
      title: '表决',
      rule: s.rule,
      opensAt: OPENS_AT,
      closesAt: s.window.closesAt,
      items: s.items.map((item) => ({ ...item, title: item.id })),
    },
    s.roll,
    s.ballots,
  );
}

// ---------------------------------------------------------------------------------------

describe('records built by buildRecord (property)', () => {
  it('always verify, and tally exactly as a plain recount', () => {
    fc.assert(
      fc.property(scenarioArb({ members: 0, items: 0, ballots: 0 }), (s) => {
        const record = build(s);
        const result = tallyRecord(record);
        expect(result.errors).toEqual([]);
        expect(result.valid).toBe(true);
        expect(result.rollFingerprint).toBe(record.rollFingerprint);
        expect(result.head).toBe(record.head);
        expect({
          totals: result.totals,
          participation: result.participation,
          items: result.items,
        }).toEqual(naiveTally(record));
        // what the CLI prints survives a round trip through JSON text
        expect(tallyRecord(JSON.parse(JSON.stringify(record)))).toEqual(result);
        // and an independent recomputation of every hash gives the same record
        expect(reseal(record)).toEqual(record);
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------
// Any single change is detected.

const flipHex = (hex: string, at: number): string => {
  const i = at % hex.length;
  return hex.slice(0, i) + (hex[i] === '0' ? '1' : '0') + hex.slice(i + 1);
};
const next = <T,>(list: readonly T[], value: T): T => list[(list.indexOf(value) + 1) % list.length];

/** Changes to content: a rewriter could recompute every hash after them. */
const contentMutations = {
  choice(r: VoteRecord, k: number, j: number) {
    const b = r.ballots[k % r.ballots.length];
    const id = r.vote.items[j % r.vote.items.length].id;
    const effective: Choice = Object.hasOwn(b.choices, id) ? b.choices[id] : 'abstain';
    b.choices[id] = next<Choice>(['yes', 'no', 'abstain'], effective);
  },
  area(r: VoteRecord, k: number) {
    r.roll[k % r.roll.length].area += 1;
  },
  member(r: VoteRecord, k: number, j: number) {
    const b = r.ballots[k % r.ballots.length];
    const voted = new Set(r.ballots.map((x) => x.member));
    const other = r.roll.find((e, i) => i >= j % r.roll.length && !voted.has(e.member));
    b.member = other?.member ?? `${b.member}x`;
  },
  castAt(r: VoteRecord, k: number, j: number) {
    // The same instant written another way: still a different record.
    const b = r.ballots[k % r.ballots.length];
    const seconds = Math.round(Date.parse(b.castAt.replace('T24:00:00+08:00', 'T16:00:00Z')) / 1000);
    let rewritten = b.castAt;
    for (let t = 0; rewritten === b.castAt; t++) {
      rewritten = isoAt(seconds, OFFSETS[(j + t) % OFFSETS.length], (j + t) % 2 === 0);
    }
    b.castAt = rewritten;
  },
  channel(r: VoteRecord, k: number) {
    const b = r.ballots[k % r.ballots.length];
    b.channel = next<Channel>(['online', 'paper', 'proxy'], b.channel);
  },
  drop(r: VoteRecord, k: number) {
    r.ballots.splice(k % r.ballots.length, 1);
  },
  duplicate(r: VoteRecord, k: number) {
    const i = k % r.ballots.length;
    r.ballots.splice(i + 1, 0, clone(r.ballots[i]));
  },
  swap(r: VoteRecord, k: number, j: number) {
    const i = k % r.ballots.length;
    const other = (i + 1 + (j % (r.ballots.length - 1))) % r.ballots.length;
    [r.ballots[i], r.ballots[other]] = [r.ballots[other], r.ballots[i]];
  },
  addRollEntry(r: VoteRecord, k: number) {
    const taken = new Set(r.roll.map((e) => e.member));
    let member = `m-new-${k}`;
    while (taken.has(member)) member += '+';
    r.roll.push({ member, area: k % 20_000 });
  },
};

/** Changes to the chain itself. */
const chainMutations = {
  seq(r: VoteRecord, k: number, j: number) {
    r.ballots[k % r.ballots.length].seq += 1 + (j % 3);
  },
  prev(r: VoteRecord, k: number, j: number) {
    const b = r.ballots[k % r.ballots.length];
    b.prev = flipHex(b.prev, j);
  },
  hash(r: VoteRecord, k: number, j: number) {
    const b = r.ballots[k % r.ballots.length];
    b.hash = flipHex(b.hash, j);
  },
  head(r: VoteRecord, _k: number, j: number) {
    r.head = flipHex(r.head, j);
  },
  fingerprint(r: VoteRecord, _k: number, j: number) {
    r.rollFingerprint = flipHex(r.rollFingerprint, j);
  },
};

const allMutations = { ...contentMutations, ...chainMutations };
type MutationName = keyof typeof allMutations;

describe('any single change to a valid record is detected (property)', () => {
  const mutable = scenarioArb({ members: 2, items: 1, ballots: 2 });
  const index = fc.nat({ max: 1000 });

  it('makes the record invalid when the hashes are left as they were', () => {
    fc.assert(
      fc.property(
        mutable,
        fc.constantFrom(...(Object.keys(allMutations) as MutationName[])),
        index,
        index,
        (s, name, k, j) => {
          const original = build(s);
          const changed = clone(original);
          allMutations[name](changed, k, j);
          expect(changed).not.toEqual(original);
          const result = tallyRecord(changed);
          expect(result.valid, name).toBe(false);
          expect(result.errors.length).toBeGreaterThan(0);
          for (const item of result.items) expect(item.passed).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('changes the fingerprint or head, or is invalid, when every hash is recomputed', () => {
    fc.assert(
      fc.property(
        mutable,
        fc.constantFrom(...(Object.keys(contentMutations) as Array<keyof typeof contentMutations>)),
        index,
        index,
        (s, name, k, j) => {
          const original = build(s);
          const changed = clone(original);
          contentMutations[name](changed, k, j);
          const result = tallyRecord(reseal(changed, { renumber: true }));
          const detected =
            !result.valid ||
            result.rollFingerprint !== original.rollFingerprint ||
            result.head !== original.head;
          expect(detected, name).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
