/**
 * Helpers for the voting tests only. They re-implement the format document's hashes and
 * counting rules the plain way — straightforward loops, BigInt for every comparison, no code
 * shared with hash.ts or tally.ts — so that the tests compare two independent readings of
 * docs/vote-record-format.md rather than the code with itself.
 */
import { createHash } from 'node:crypto';
import { buildRecord } from './builder';
import type { Choices, Matter, Rule, UnsealedBallot, VoteRecord } from './record';

export function sha256(text: string): string {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

/** A deep copy that a test may change freely. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The fingerprint exactly as the format document words it. */
export function naiveFingerprint(roll: ReadonlyArray<{ member: string; area: unknown }>): string {
  const entries = roll.map((e) => {
    const area = typeof e.area === 'number' ? String(e.area) : JSON.stringify(e.area);
    return { member: e.member, line: `${e.member}|${area}\n` };
  });
  entries.sort((x, y) => {
    const byMember = Buffer.compare(Buffer.from(x.member, 'utf8'), Buffer.from(y.member, 'utf8'));
    return byMember !== 0 ? byMember : Buffer.compare(Buffer.from(x.line), Buffer.from(y.line));
  });
  return sha256(entries.map((e) => e.line).join(''));
}

/**
 * Recomputes the fingerprint, every prev and hash and the head from the record's content,
 * as someone rewriting a record would; with `renumber`, also the seqs 1, 2, 3, ….
 */
export function reseal(record: VoteRecord, options: { renumber?: boolean } = {}): VoteRecord {
  const out = clone(record);
  out.rollFingerprint = naiveFingerprint(out.roll);
  let prev = sha256(`gongzhi.vote-record/1|${out.vote.id}|${out.rollFingerprint}`);
  out.ballots.forEach((b, i) => {
    if (options.renumber) b.seq = i + 1;
    const parts: string[] = [];
    for (const item of out.vote.items) {
      const given = Object.keys(b.choices).includes(item.id) ? b.choices[item.id] : 'abstain';
      parts.push(`${item.id}=${given}`);
    }
    b.prev = prev;
    b.hash = sha256(`${prev}|${b.seq}|${b.member}|${parts.join(',')}|${b.channel}|${b.castAt}`);
    prev = b.hash;
  });
  out.head = prev;
  return out;
}

export interface NaiveCount {
  members: number;
  area: number;
}

export interface NaiveTally {
  totals: NaiveCount;
  participation: NaiveCount & { quorumMet: boolean };
  items: Array<{
    id: string;
    matter: Matter;
    yes: NaiveCount;
    no: NaiveCount;
    abstain: NaiveCount;
    passed: boolean;
  }>;
}

/**
 * Counts a record that is known to be valid, rule by rule from the format document's table,
 * with loops and BigInt.
 */
export function naiveTally(record: VoteRecord): NaiveTally {
  let N = 0n;
  let A = 0n;
  for (const entry of record.roll) {
    N += 1n;
    A += BigInt(entry.area);
  }
  const areaOf = new Map<string, bigint>();
  for (const entry of record.roll) areaOf.set(entry.member, BigInt(entry.area));
  let n = 0n;
  let a = 0n;
  for (const ballot of record.ballots) {
    n += 1n;
    a += areaOf.get(ballot.member) as bigint;
  }
  const building = record.vote.rule === 'building-majority';
  const quorumMet = building ? 3n * n >= 2n * N : 3n * a >= 2n * A && 3n * n >= 2n * N;

  const items = record.vote.items.map((item) => {
    const sums = { yes: [0n, 0n], no: [0n, 0n], abstain: [0n, 0n] } as Record<string, bigint[]>;
    for (const ballot of record.ballots) {
      let choice = 'abstain';
      if (Object.keys(ballot.choices).includes(item.id)) choice = ballot.choices[item.id];
      const area = areaOf.get(ballot.member) as bigint;
      sums[choice][0] += 1n;
      sums[choice][1] += area;
    }
    const [yn, ya] = sums.yes;
    let passed: boolean;
    if (!quorumMet) passed = false;
    else if (building) passed = yn * 2n > n;
    else if (item.matter === 'special') passed = ya * 4n >= a * 3n && yn * 4n >= n * 3n;
    else passed = ya * 2n > a && yn * 2n > n;
    const count = (s: bigint[]): NaiveCount => ({ members: Number(s[0]), area: Number(s[1]) });
    return {
      id: item.id,
      matter: item.matter,
      yes: count(sums.yes),
      no: count(sums.no),
      abstain: count(sums.abstain),
      passed,
    };
  });
  return {
    totals: { members: Number(N), area: Number(A) },
    participation: { members: Number(n), area: Number(a), quorumMet },
    items,
  };
}

export const OPENS_AT = '2026-03-01T00:00:00+08:00';
export const CLOSES_AT = '2026-03-15T24:00:00+08:00';

/**
 * A small record for hand-computed examples: members `m-1`, `m-2`, … with the given areas;
 * each ballot names its voter by number (1-based). Cast times are inside the window.
 */
export function smallRecord(options: {
  rule?: Rule;
  areas: number[];
  items?: Array<{ id: string; matter: Matter }>;
  ballots: Array<{ voter: number; choices: Choices; channel?: UnsealedBallot['channel']; castAt?: string }>;
}): VoteRecord {
  const items = options.items ?? [{ id: '1', matter: 'ordinary' }];
  return buildRecord(
    {
      id: 'v-test',
      quarter: '测试小区',
      title: '测试表决',
      rule: options.rule ?? 'civil-code-278',
      opensAt: OPENS_AT,
      closesAt: CLOSES_AT,
      items: items.map((item) => ({ ...item, title: `事项${item.id}` })),
    },
    options.areas.map((area, i) => ({ member: `m-${i + 1}`, area })),
    options.ballots.map((b, i) => ({
      member: `m-${b.voter}`,
      choices: b.choices,
      channel: b.channel ?? 'online',
      castAt: b.castAt ?? `2026-03-02T10:${String(i % 60).padStart(2, '0')}:00+08:00`,
    })),
  );
}

/** Ballots for `smallRecord`: each listed voter chooses `choice` on item 1. */
export function votes(
  voters: number[],
  choice: 'yes' | 'no' | 'abstain',
): Array<{ voter: number; choices: Choices }> {
  return voters.map((voter) => ({ voter, choices: { '1': choice } }));
}
