import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountCodes, assetAccounts, balances, checkLines, checkReversal, disclosureFigures, formatFen, halfYearOf, identityHolds, incomeAccounts, lastEndedHalfYear, reversalLines, useAccounts, type AccountCode, type Entry, type Line } from './ledger';

const account = fc.constantFrom(...accountCodes);
const amount = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 25_000_000_000 }));
const day = fc.integer({ min: 0, max: 3 * 365 - 1 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

/** A balanced entry: debits on some accounts, the same total split over credits on others. */
const balancedLines = fc
  .tuple(fc.array(fc.tuple(account, amount), { minLength: 1, maxLength: 4 }), fc.array(account, { minLength: 1, maxLength: 3 }))
  .map(([debits, creditAccounts]) => {
    const total = debits.reduce((s, [, a]) => s + a, 0);
    const lines: Line[] = debits.map(([acc, a]) => ({ account: acc, debitFen: a, creditFen: 0 }));
    // Split the total over the credit accounts, every share positive.
    let left = total;
    creditAccounts.forEach((acc, i) => {
      const share = i === creditAccounts.length - 1 ? left : Math.max(1, Math.floor(left / (creditAccounts.length - i)));
      if (share > 0 && left > 0) {
        lines.push({ account: acc, debitFen: 0, creditFen: Math.min(share, left) });
        left -= Math.min(share, left);
      }
    });
    return lines;
  });

/** A step of a random history: book an entry, or reverse the k-th entry booked so far. */
const step = fc.oneof(fc.record({ book: balancedLines, date: day }), fc.record({ reverse: fc.nat(), date: day }));

/** Runs a history as the server does: checkLines on each booking, checkReversal on each reversal. */
function run(steps: fc.Arbitrary<unknown>[] | ({ book: Line[]; date: string } | { reverse: number; date: string })[]) {
  const entries: Entry[] = [];
  const reversed = new Set<string>();
  let refusedReversals = 0;
  for (const s of steps as ({ book: Line[]; date: string } | { reverse: number; date: string })[]) {
    if ('book' in s) {
      expect(checkLines(s.book)).toBeNull();
      entries.push({ id: `e${entries.length}`, date: s.date, lines: s.book });
    } else if (entries.length) {
      const target = entries[s.reverse % entries.length];
      if (checkReversal(target, reversed)) {
        refusedReversals++;
        continue;
      }
      reversed.add(target.id);
      // A reversal is booked on or after the day of what it reverses.
      const date = s.date < target.date ? target.date : s.date;
      entries.push({ id: `e${entries.length}`, date, lines: reversalLines(target.lines), reverses: target.id });
    }
  }
  return { entries, reversed, refusedReversals };
}

const sumOf = (m: Map<AccountCode, bigint>, codes: readonly AccountCode[]) => codes.reduce((s, c) => s + m.get(c)!, 0n);

describe('double entry', () => {
  it('random bookings and reversals always balance, and every balance is the sum of its lines', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const { entries } = run(steps);
        const b = balances(entries);
        expect(identityHolds(b)).toBe(true);
        let debit = 0n;
        let credit = 0n;
        for (const e of entries) {
          expect(checkLines(e.lines)).toBeNull();
          for (const l of e.lines) {
            debit += BigInt(l.debitFen);
            credit += BigInt(l.creditFen);
          }
        }
        expect(debit).toBe(credit);
        for (const code of accountCodes) {
          const lines = entries.flatMap((e) => e.lines.filter((l) => l.account === code));
          const raw = lines.reduce((s, l) => s + BigInt(l.debitFen) - BigInt(l.creditFen), 0n);
          expect(b.get(code)).toBe(code.startsWith('income.') ? -raw : raw);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an entry is reversed at most once, a reversal never; reversing everything leaves every account at zero', () => {
    fc.assert(
      fc.property(fc.array(balancedLines, { minLength: 1, maxLength: 20 }), fc.array(fc.nat(), { maxLength: 40 }), (books, picks) => {
        const { entries, reversed } = run([...books.map((book) => ({ book, date: '2026-01-05' })), ...picks.map((reverse) => ({ reverse, date: '2026-02-01' }))]);
        const reversals = entries.filter((e) => e.reverses);
        expect(new Set(reversals.map((e) => e.reverses)).size).toBe(reversals.length);
        for (const r of reversals) expect(entries.find((e) => e.id === r.reverses)!.reverses).toBeFalsy();
        expect(checkReversal(reversals[0] ?? { id: 'x', reverses: 'y' }, reversed)).not.toBeNull();
        // Reverse what is left, then nothing remains.
        const all = [...entries];
        for (const e of entries) if (!e.reverses && !reversed.has(e.id)) all.push({ id: `r-${e.id}`, date: '2026-03-01', lines: reversalLines(e.lines), reverses: e.id });
        for (const v of balances(all).values()) expect(v).toBe(0n);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an entry that does not balance, a line on both sides or none, an unknown account, an unsafe amount', () => {
    fc.assert(
      fc.property(balancedLines, fc.integer({ min: 1, max: 1000 }), (lines, extra) => {
        const broken = lines.map((l, i) => (i === 0 ? { ...l, debitFen: l.debitFen ? l.debitFen + extra : 0, creditFen: l.creditFen ? l.creditFen + extra : 0 } : l));
        expect(checkLines(broken)?.code).toBe('UNBALANCED');
      }),
    );
    expect(checkLines([{ account: 'asset.bank', debitFen: 100, creditFen: 0 }])?.code).toBe('NO_LINES');
    expect(checkLines([{ account: 'asset.bank', debitFen: 100, creditFen: 100 }, { account: 'income.parking', debitFen: 0, creditFen: 0 }])?.code).toBe('BAD_AMOUNT');
    expect(checkLines([{ account: 'asset.bank', debitFen: 1.5, creditFen: 0 }, { account: 'income.parking', debitFen: 0, creditFen: 1.5 }])?.code).toBe('BAD_AMOUNT');
    expect(checkLines([{ account: 'asset.bank', debitFen: -5, creditFen: 0 }, { account: 'income.parking', debitFen: 0, creditFen: -5 }])?.code).toBe('BAD_AMOUNT');
    expect(checkLines([{ account: 'asset.gold', debitFen: 5, creditFen: 0 }, { account: 'income.parking', debitFen: 0, creditFen: 5 }])?.code).toBe('BAD_ACCOUNT');
    expect(checkLines([{ account: 'asset.bank', debitFen: 2 ** 53, creditFen: 0 }, { account: 'income.parking', debitFen: 0, creditFen: 2 ** 53 }])?.code).toBe('BAD_AMOUNT');
  });

  it('sums beyond 2^53 fen stay exact', () => {
    const big = 100_000_000_000;
    const entries = Array.from({ length: 200_000 }, (_, i) => ({ id: `e${i}`, date: '2026-01-01', lines: [{ account: 'asset.bank' as const, debitFen: big, creditFen: 0 }, { account: 'income.parking' as const, debitFen: 0, creditFen: big }] }));
    expect(balances(entries).get('asset.bank')).toBe(BigInt(big) * 200_000n);
  });
});

describe('the half-yearly disclosure', () => {
  it('its totals equal the ledger’s: income and spending by category, opening and closing balance', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.constantFrom('2025H1', '2025H2', '2026H1', '2026H2', '2027H1'), (steps, period) => {
        const { entries } = run(steps);
        const f = disclosureFigures(entries, period);
        const inPeriod = balances(entries.filter((e) => halfYearOf(e.date) === period));
        for (const a of incomeAccounts) expect(f.income[a]).toBe(inPeriod.get(a));
        for (const a of useAccounts) expect(f.spending[a]).toBe(inPeriod.get(a));
        expect(f.incomeFen).toBe(sumOf(inPeriod, incomeAccounts));
        expect(f.spendingFen).toBe(sumOf(inPeriod, useAccounts));
        expect(f.balanceFen).toBe(f.openingFen + f.incomeFen - f.spendingFen);
        // The balance at the end of the last period is the ledger's money held.
        const all = balances(entries);
        expect(disclosureFigures(entries, '2027H2').balanceFen).toBe(sumOf(all, assetAccounts));
        // Consecutive half years chain: one's closing balance is the next one's opening.
        expect(disclosureFigures(entries, '2026H1').balanceFen).toBe(disclosureFigures(entries, '2026H2').openingFen);
      }),
      { numRuns: 300 },
    );
  });

  it('names half years', () => {
    expect(halfYearOf('2026-06-30')).toBe('2026H1');
    expect(halfYearOf('2026-07-01')).toBe('2026H2');
    expect(lastEndedHalfYear('2026-11-30')).toBe('2026H1');
    expect(lastEndedHalfYear('2026-03-01')).toBe('2025H2');
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(-5)).toBe('-¥0.05');
    expect(formatFen(0n)).toBe('¥0.00');
  });
});
