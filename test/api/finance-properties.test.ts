// Property tests of the ledger through the API (issue 14): random bookings, spendings and
// reversals, as a keeper of the account sends them, always leave a ledger whose every balance is
// the sum of its lines, whose money held is income less spending and never below zero, whose
// chain holds, and whose half-yearly disclosure has the ledger's totals.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { balances, disclosureFigures, type AccountCode } from '../../src/core/finance/ledger';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';

let t: TestApp;
let keeper: Session;

beforeAll(async () => {
  t = await createTestApp();
  await insertUser(t.db.kysely, { username: 'keeper3', displayName: '专员三', role: 'commissioner', scopeLevel: 'quarter', scopeId: t.fx.q3, password: PASSWORD, ownerId: null, phone: null });
  keeper = await t.login('keeper3');
});
afterAll(async () => {
  await t?.close();
});

const income = fc.constantFrom('income.premises', 'income.common_areas', 'income.advertising', 'income.parking', 'income.other');
const use = fc.constantFrom('use.maintenance_fund', 'use.repairs', 'use.assembly_committee', 'use.operating', 'use.service_shortfall', 'use.tax', 'use.other');
const money = fc.constantFrom('asset.bank', 'asset.cash');
const day = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const op = fc.oneof(
  fc.record({ kind: fc.constant('income' as const), account: income, money, fen: fc.integer({ min: 1, max: 5_000_000 }), date: day }),
  fc.record({ kind: fc.constant('spend' as const), account: use, money, fen: fc.integer({ min: 1, max: 3_000_000 }), date: day }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
);

describe('the ledger through the API', () => {
  it('random bookings, spendings and reversals keep every invariant', async () => {
    const booked: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        for (const o of ops) {
          if (o.kind === 'reverse') {
            if (!booked.length) continue;
            const res = await keeper.post(`/api/ledger-entries/${booked[o.pick % booked.length]}/reverse`, {});
            // Refused when reversed already, itself a reversal, or when it would overdraw.
            expect([201, 409]).toContain(res.statusCode);
            if (res.statusCode === 201) booked.push(res.json().id);
            continue;
          }
          const lines =
            o.kind === 'income'
              ? [
                  { account: o.money, debitFen: o.fen, creditFen: 0 },
                  { account: o.account, debitFen: 0, creditFen: o.fen },
                ]
              : [
                  { account: o.account, debitFen: o.fen, creditFen: 0 },
                  { account: o.money, debitFen: 0, creditFen: o.fen },
                ];
          const res = await keeper.post(`/api/quarters/${t.fx.q3}/ledger/entries`, { date: o.date, memo: o.kind, lines });
          expect([201, 409]).toContain(res.statusCode);
          if (res.statusCode === 409) expect(res.json().error.code).toBe('LEDGER_OVERDRAWN');
          else booked.push(res.json().id);
        }
        const ledger = (await keeper.get(`/api/quarters/${t.fx.q3}/ledger`)).json();
        const entries = (await keeper.get(`/api/quarters/${t.fx.q3}/ledger/entries?pageSize=200`)).json();
        expect(entries.total).toBe(booked.length);
        const coreEntries = entries.items.map((e: { date: string; lines: { account: AccountCode; debitFen: number; creditFen: number }[] }) => ({ date: e.date, lines: e.lines }));
        const sums = balances(coreEntries);
        for (const a of ledger.accounts) expect(a.balanceFen, a.code).toBe(Number(sums.get(a.code)));
        for (const a of ledger.accounts.filter((x: { kind: string }) => x.kind === 'asset')) expect(a.balanceFen).toBeGreaterThanOrEqual(0);
        expect(ledger.totals.heldFen).toBe(ledger.totals.incomeFen - ledger.totals.spendingFen);
        expect((await keeper.get(`/api/quarters/${t.fx.q3}/ledger/verify`)).json()).toMatchObject({ valid: true, entries: booked.length });
        // The disclosure of a half year has the ledger's totals for it (a draft is generated again each time).
        const period = '2025H1';
        const created = await keeper.post(`/api/quarters/${t.fx.q3}/disclosures`, { period });
        expect(created.statusCode).toBe(201);
        const figures = (await keeper.get(`/api/disclosures/${created.json().id}`)).json().figures;
        const expected = disclosureFigures(coreEntries, period);
        expect([figures.incomeFen, figures.spendingFen, figures.openingFen, figures.balanceFen]).toEqual([expected.incomeFen, expected.spendingFen, expected.openingFen, expected.balanceFen].map(Number));
      }),
      { numRuns: 25 },
    );
    expect(booked.length).toBeGreaterThan(20);
  }, 120_000);
});
