import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryHash, genesisHash, verifyChain, type ChainedEntry } from './chain';

const Q = '11111111-2222-4333-8444-555555555555';

function chain(entries: ChainedEntry[]) {
  let prev = genesisHash(Q);
  return entries.map((e) => {
    prev = entryHash(prev, e);
    return { ...e, hash: prev };
  });
}

const entry = (seq: number, fen: number): ChainedEntry => ({
  seq,
  date: '2026-03-01',
  memo: `第${seq}笔`,
  lines: [
    { account: 'asset.bank', debitFen: fen, creditFen: 0 },
    { account: 'income.parking', debitFen: 0, creditFen: fen },
  ],
  reversesId: null,
  projectId: null,
  voucherSha256: null,
});

describe('the ledger chain', () => {
  it('holds for entries as written, and breaks at the first changed, removed or reordered one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 30 }), fc.nat(), fc.constantFrom('amount', 'memo', 'remove', 'swap'), (amounts, k, how) => {
        const written = chain(amounts.map((a, i) => entry(i + 1, a)));
        expect(verifyChain(Q, written)).toMatchObject({ valid: true, brokenAt: null, head: written.at(-1)!.hash });
        const i = k % written.length;
        const tampered = written.map((e) => ({ ...e, lines: e.lines.map((l) => ({ ...l })) }));
        if (how === 'amount') tampered[i].lines = [{ ...tampered[i].lines[0], debitFen: tampered[i].lines[0].debitFen + 1 }, { ...tampered[i].lines[1], creditFen: tampered[i].lines[1].creditFen + 1 }];
        if (how === 'memo') tampered[i].memo += '。';
        if (how === 'remove') tampered.splice(i, 1);
        if (how === 'swap' && written.length > 1) [tampered[0], tampered[1]] = [tampered[1], tampered[0]];
        const result = verifyChain(Q, tampered);
        if (how === 'remove' && i === written.length - 1) expect(result.valid).toBe(true); // the last one gone: the head shows it
        else if (how === 'swap' && written.length === 1) expect(result.valid).toBe(true);
        else expect(result).toMatchObject({ valid: false, brokenAt: how === 'swap' ? tampered[0].seq : tampered[i]?.seq });
      }),
    );
  });

  it('starts from the quarter: the same entries in another quarter hash differently', () => {
    expect(chain([entry(1, 100)])[0].hash).not.toBe(entryHash(genesisHash('another'), entry(1, 100)));
  });
});
