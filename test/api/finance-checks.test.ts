// The finance module's quarter checks beyond the ledger's: the property company's half-yearly
// fee-collection report (T/ZAS 4006.1—2020 6.3.2.2), judged at the boundary of the half year on
// the calendar day in Asia/Shanghai; its stale trigger (migration 0023) keeping the to-do list
// right; and every module's quarterChecks in the dossier's organisations section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/core/dates';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { insertLedgerEntry } from '../support/finance';

let t: TestApp;
let community: Session;
let company: Session;
let district: Session;

const RULE = 'finance-fee-collection-report';
type Check = { rule: string; status: string; citation: string; message: string };

beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('community');
  company = await t.login('company');
  district = await t.login('district');
  // Quarter 1 is served by a company since 2025; quarter 3 by none.
  const k = t.db.kysely;
  const q = await k.selectFrom('quarters').select(['district_id']).where('id', '=', t.fx.q1).executeTakeFirstOrThrow();
  const firm = await k
    .insertInto('property_companies')
    .values({ district_id: q.district_id, name: '清溪物业', credit_code: '91330100MA2XXXXXX1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await k
    .insertInto('service_contracts')
    .values({ district_id: q.district_id, quarter_id: t.fx.q1, property_company_id: firm.id, selection_method: 'tender', starts_on: '2025-01-01', fee_standard_fen: 180 })
    .execute();
});
afterAll(async () => {
  await t?.close();
});

async function checksOn(quarterId: string, asOf: string, session = community): Promise<Check[]> {
  const res = await session.get(`/api/quarters/${quarterId}/checks?asOf=${asOf}`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

const report = (period: string) => company.post(`/api/quarters/${t.fx.q1}/fee-collection`, { period, receivableFen: 1_000_000, collectedFen: 900_000, householdsDue: 100, householdsPaid: 90 });

describe('the fee-collection report check (T/ZAS 4006.1—2020 6.3.2.2)', () => {
  it('owes the report of the half year just closed, from the first day after it in Asia/Shanghai', async () => {
    // 2026-06-30T15:59:59Z is 23:59:59 on 30 June in Shanghai: the first half year is still open,
    // the second half of 2025 is the one due. One second later it is 1 July there.
    const open = shanghaiDate(new Date('2026-06-30T15:59:59Z'));
    const closed = shanghaiDate(new Date('2026-06-30T16:00:00Z'));
    expect([open, closed]).toEqual(['2026-06-30', '2026-07-01']);

    const before = (await checksOn(t.fx.q1, open)).find((c) => c.rule === RULE)!;
    expect(before).toMatchObject({ status: 'fail', citation: 'T/ZAS 4006.1—2020 6.3.2.2' });
    expect(before.message).toContain('2025H2');
    expect((await report('2025H2')).statusCode).toBe(201);
    expect((await checksOn(t.fx.q1, open)).find((c) => c.rule === RULE)).toMatchObject({ status: 'pass' });
    // The half year closed: its own report is due now, and the 2025H2 report no longer answers it.
    const after = (await checksOn(t.fx.q1, closed)).find((c) => c.rule === RULE)!;
    expect(after.status).toBe('fail');
    expect(after.message).toContain('2026H1');
    const en = (await community.get(`/api/quarters/${t.fx.q1}/checks?asOf=${closed}`, { 'accept-language': 'en' })).json().items.find((c: Check) => c.rule === RULE);
    expect(en.message).toContain('fee-collection rate for 2026H1');
  });

  it('says nothing of a quarter no company serves', async () => {
    expect((await checksOn(t.fx.q3, '2026-07-01', district)).some((c) => c.rule === RULE)).toBe(false);
  });

  it("keeps the to-do list's judgement right: a report marks the quarter stale (migration 0023)", async () => {
    const listed = async () =>
      (await community.get(`/api/organizations/actions?pageSize=200&rule=${RULE}`)).json().failingChecks.items.some((c: { quarterId: string }) => c.quarterId === t.fx.q1);
    // Today (2026-11-30 or later) the report of 2026H1 or later is due; none is made yet.
    const due = (await checksOn(t.fx.q1, shanghaiDate())).find((c) => c.rule === RULE)!;
    expect(due.status).toBe('fail');
    expect(await listed()).toBe(true);
    const period = /\d{4}H[12]/.exec(due.message)![0];
    expect((await report(period)).statusCode).toBe(201);
    expect(await listed()).toBe(false);
  });
});

describe("the dossier's checks", () => {
  it("show every module's quarter checks beside the pack's rules, in the dossier and the organisations' answer", async () => {
    await insertLedgerEntry(t, t.fx.q1, 10_000, '2025-03-01');
    const dossier = (await district.get(`/api/quarters/${t.fx.q1}/dossier`)).json();
    const section = dossier.sections.find((s: { key: string }) => s.key === 'organizations');
    const rules = section.data.checks.map((c: Check) => c.rule);
    expect(rules).toEqual(expect.arrayContaining([RULE, 'finance-half-year-disclosure']));
    // The pack's own rules are still there, before the modules' checks.
    expect(rules.indexOf('commissioner-assigned')).toBeLessThan(rules.indexOf(RULE));
    const answer = (await district.get(`/api/quarters/${t.fx.q1}/organizations`)).json();
    expect(answer.checks.map((c: Check) => c.rule)).toEqual(rules);
    // The same judgement as GET /checks for today.
    const today = (await checksOn(t.fx.q1, shanghaiDate())).map((c) => c.rule);
    expect(rules).toEqual(today);
  });
});
