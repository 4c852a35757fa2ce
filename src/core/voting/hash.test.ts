import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naiveFingerprint } from './test-support';
import {
  ballotHash,
  choicesString,
  compareUtf8,
  findByReceipt,
  genesisHash,
  isUsableMember,
  normalizeReceiptCode,
  receiptCode,
  rollFingerprint,
  sha256Hex,
} from './hash';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex (pure JavaScript, so that core runs in the browser)', () => {
  it('agrees with node:crypto on ASCII, other scripts, the empty string and long texts', () => {
    const texts = ['', 'abc', '业主大会|m-7f3a9c|1=yes', 'x'.repeat(5000), 'short after a long one', '😀|\u00e9', 'a'.repeat(55), 'a'.repeat(64)];
    for (const text of texts) expect(sha256Hex(text), text.slice(0, 20)).toBe(sha(text));
  });

  it('agrees with node:crypto on any well-formed string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => sha256Hex(text) === sha(text)));
  });
});

describe('rollFingerprint (format document, "Hashes")', () => {
  it('hashes the roll sorted by member, each entry as member|area and a newline', () => {
    const roll = [
      { member: 'm-7f3a9c', area: 8953 },
      { member: 'm-0b51e2', area: 12040 },
    ];
    expect(rollFingerprint(roll)).toBe(sha('m-0b51e2|12040\nm-7f3a9c|8953\n'));
  });

  it('does not depend on the order of the roll in the file', () => {
    const a = [
      { member: 'b', area: 2 },
      { member: 'a', area: 1 },
      { member: 'c', area: 3 },
    ];
    expect(rollFingerprint(a)).toBe(rollFingerprint([...a].reverse()));
  });

  it('sorts by UTF-8 bytes, not by JavaScript string order', () => {
    // UTF-8: a (61) < é (C3 A9) < U+FFFF (EF BF BF) < 😀 (F0 9F 98 80).
    // JavaScript's default order would put 😀 (surrogate D83D) before U+FFFF.
    const roll = [
      { member: '\u{1F600}', area: 4 },
      { member: '\uFFFF', area: 3 },
      { member: 'é', area: 2 },
      { member: 'a', area: 1 },
    ];
    expect(rollFingerprint(roll)).toBe(sha('a|1\né|2\n\uFFFF|3\n\u{1F600}|4\n'));
  });

  it('puts a member before a longer member it is a prefix of', () => {
    // By member "a" < "a!", although the line "a!|…" sorts before "a|…" ('!' < '|').
    const roll = [
      { member: 'a!', area: 1 },
      { member: 'a', area: 2 },
    ];
    expect(rollFingerprint(roll)).toBe(sha('a|2\na!|1\n'));
  });

  it('orders strings exactly as their UTF-8 bytes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(Buffer.compare(Buffer.from(a), Buffer.from(b)));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a plain reading of the format on random rolls (property)', () => {
    const member = fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }).filter(isUsableMember);
    fc.assert(
      fc.property(fc.array(fc.record({ member, area: fc.nat() }), { maxLength: 20 }), (roll) => {
        expect(rollFingerprint(roll)).toBe(naiveFingerprint(roll));
      }),
      { numRuns: 200 },
    );
  });

  it('is the hash of the empty string for an empty roll', () => {
    expect(rollFingerprint([])).toBe(sha(''));
  });
});

describe('genesisHash and ballotHash', () => {
  it('genesis = SHA-256 of gongzhi.vote-record/1|<vote id>|<fingerprint>', () => {
    expect(genesisHash('v-2026-0012', 'ab'.repeat(32))).toBe(
      sha(`gongzhi.vote-record/1|v-2026-0012|${'ab'.repeat(32)}`),
    );
  });

  it('hash = SHA-256 of prev|seq|member|choices|channel|castAt', () => {
    const prev = '0'.repeat(64);
    expect(ballotHash(prev, 7, 'm-1', '1=yes,2=abstain', 'paper', '2026-03-02T09:15:00+08:00')).toBe(
      sha(`${prev}|7|m-1|1=yes,2=abstain|paper|2026-03-02T09:15:00+08:00`),
    );
  });
});

describe('choicesString', () => {
  const items = [{ id: '2' }, { id: '1' }, { id: '10' }];

  it('follows the order of vote.items, not of the choices object', () => {
    expect(choicesString(items, { '1': 'no', '10': 'yes', '2': 'yes' })).toBe('2=yes,1=no,10=yes');
  });

  it('writes abstain for an item the ballot leaves out', () => {
    expect(choicesString(items, { '1': 'no' })).toBe('2=abstain,1=no,10=abstain');
    expect(choicesString(items, {})).toBe('2=abstain,1=abstain,10=abstain');
  });

  it('leaves out keys that name no item', () => {
    expect(choicesString([{ id: '1' }], { '1': 'yes', '9': 'no' })).toBe('1=yes');
  });

  it('is empty when the vote has no items', () => {
    expect(choicesString([], { '1': 'yes' })).toBe('');
  });

  it('reads only the choices own properties (an item id may be "constructor")', () => {
    expect(choicesString([{ id: 'constructor' }, { id: '__proto__' }], {})).toBe(
      'constructor=abstain,__proto__=abstain',
    );
    const parsed = JSON.parse('{"__proto__":"yes"}') as Record<string, unknown>;
    expect(choicesString([{ id: '__proto__' }], parsed)).toBe('__proto__=yes');
  });
});

describe('receipt codes', () => {
  const hash = 'abcdef0123456789'.padEnd(64, '0');

  it('is the first 16 hex digits in four groups of four joined by "-"', () => {
    expect(receiptCode(hash)).toBe('abcd-ef01-2345-6789');
    expect(receiptCode(hash.toUpperCase())).toBe('abcd-ef01-2345-6789');
  });

  it('refuses something that is not a hash', () => {
    expect(() => receiptCode('abc')).toThrow(RangeError);
  });

  it('normalizes a typed code: any case, with or without separators', () => {
    for (const typed of [
      'abcd-ef01-2345-6789',
      'ABCD-EF01-2345-6789',
      'abcdef0123456789',
      ' abcd ef01 2345 6789 ',
      'abcd－ef01－2345－6789', // full-width hyphen from a Chinese input method
      'abcd—ef01—2345—6789',
    ]) {
      expect(normalizeReceiptCode(typed)).toBe('abcdef0123456789');
    }
    expect(normalizeReceiptCode('abcd-ef01-2345-678')).toBeNull();
    expect(normalizeReceiptCode('abcd-ef01-2345-678g')).toBeNull();
    expect(normalizeReceiptCode('abcd-ef01-2345-67890')).toBeNull();
  });

  it('finds the ballot by its code', () => {
    const record = {
      ballots: [
        { seq: 1, hash: '1111222233334444'.padEnd(64, 'a') },
        { seq: 2, hash },
      ],
    };
    expect(findByReceipt(record, 'ABCD-EF01-2345-6789')?.seq).toBe(2);
    expect(findByReceipt(record, 'abcdef0123456789')?.seq).toBe(2);
    expect(findByReceipt(record, '1111-2222-3333-4444')?.seq).toBe(1);
    expect(findByReceipt(record, '1111-2222-3333-4445')).toBeUndefined();
    expect(findByReceipt(record, 'not a code')).toBeUndefined();
  });
});

describe('isUsableMember', () => {
  it('accepts ordinary pseudonyms and refuses what would make the hashes ambiguous', () => {
    expect(isUsableMember('m-7f3a9c')).toBe(true);
    expect(isUsableMember('业主-01')).toBe(true);
    expect(isUsableMember('')).toBe(false);
    expect(isUsableMember('a|b')).toBe(false);
    expect(isUsableMember('a\nb')).toBe(false);
    expect(isUsableMember('\uD800')).toBe(false);
    expect(isUsableMember('\u{1F600}')).toBe(true);
    expect(isUsableMember(12)).toBe(false);
  });
});
