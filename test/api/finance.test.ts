// Finance and disclosure (issue 14, the money half): the ledger per quarter with balances that
// are the sums of their entries, booking by whoever keeps the account (DB3305/T 309—2024
// 5.1.2.5), reversal instead of editing, vouchers, the Excel export, 四审两公开 with its order and
// roles (百委〔2023〕37号 二（三）9), payments, and the half-yearly disclosure (5.1.2.4).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedDisclosures, fundProjectsForBoard } from '../../src/server/modules/finance';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { PNG } from '../support/voting';
import { publishedVote, statementXlsx } from '../support/finance';

let t: TestApp;
let s: Record<'community' | 'commissioner' | 'committee' | 'party' | 'supervisor' | 'company' | 'owner' | 'district' | 'commissioner2', Session>;

beforeAll(async () => {
  t = await createTestApp();
  s = {} as typeof s;
  for (const u of ['community', 'commissioner', 'committee', 'party', 'supervisor', 'company', 'owner', 'district', 'commissioner2'] as const) s[u] = await t.login(u);
});
afterAll(async () => {
  await t?.close();
});

const income = (fen: number, account = 'income.parking') => [
  { account: 'asset.bank', debitFen: fen, creditFen: 0 },
  { account, debitFen: 0, creditFen: fen },
];

/** Every account's balance equals the sum of its entries' lines, read through the API. */
async function assertBalancesAreSums(session: Session, quarterId: string) {
  const ledger = (await session.get(`/api/quarters/${quarterId}/ledger`)).json();
  const entries = (await session.get(`/api/quarters/${quarterId}/ledger/entries?pageSize=200`)).json();
  expect(entries.total).toBe(ledger.totals.entries);
  for (const a of ledger.accounts) {
    const lines = entries.items.flatMap((e: { lines: { account: string; debitFen: number; creditFen: number }[] }) => e.lines.filter((l) => l.account === a.code));
    const raw = lines.reduce((sum: number, l: { debitFen: number; creditFen: number }) => sum + l.debitFen - l.creditFen, 0);
    expect(a.balanceFen, a.code).toBe(a.kind === 'income' ? 0 - raw || 0 : raw);
  }
  const held = ledger.accounts.filter((a: { kind: string }) => a.kind === 'asset').reduce((x: number, a: { balanceFen: number }) => x + a.balanceFen, 0);
  expect(held).toBe(ledger.totals.incomeFen - ledger.totals.spendingFen);
  return ledger;
}

describe('the ledger', () => {
  it('has every account of the chart, at zero, for a quarter without entries', async () => {
    const res = await s.district.get(`/api/quarters/${t.fx.q1}/ledger`);
    expect(res.statusCode).toBe(200);
    const ledger = res.json();
    expect(ledger.accounts.map((a: { code: string }) => a.code)).toEqual([
      'asset.bank', 'asset.cash',
      'income.premises', 'income.common_areas', 'income.advertising', 'income.parking', 'income.other',
      'use.maintenance_fund', 'use.repairs', 'use.assembly_committee', 'use.operating', 'use.service_shortfall', 'use.tax', 'use.other',
    ]);
    expect(ledger.accounts.every((a: { balanceFen: number }) => a.balanceFen === 0)).toBe(true);
    expect(ledger.holder).toBe('residents_committee');
    expect(ledger.canBook).toBe(false);
  });

  it('is booked by whoever keeps the account: the residents’ committee by default, not the owners’ committee', async () => {
    const refused = await s.committee.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-01-10', memo: '停车费', lines: income(100_000) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FINANCE_NOT_HOLDER');
    expect(refused.json().error.message).toContain('5.1.2.5');
    const booked = await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-01-10', memo: '1月停车费', lines: income(100_000) });
    expect(booked.statusCode).toBe(201);
    expect(booked.json().seq).toBe(1);
    expect((await s.company.get(`/api/quarters/${t.fx.q1}/ledger`)).statusCode).toBe(403);
    expect((await s.commissioner2.get(`/api/quarters/${t.fx.q1}/ledger`)).statusCode).toBe(404);
  });

  it('refuses an entry that does not balance or has a line on both sides', async () => {
    const unbalanced = await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, {
      date: '2026-01-11',
      memo: '错账',
      lines: [
        { account: 'asset.bank', debitFen: 100, creditFen: 0 },
        { account: 'income.parking', debitFen: 0, creditFen: 99 },
      ],
    });
    expect(unbalanced.statusCode).toBe(422);
    expect(unbalanced.json().error.code).toBe('LEDGER_UNBALANCED');
    const bothSides = await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, {
      date: '2026-01-11',
      memo: '错账',
      lines: [
        { account: 'asset.bank', debitFen: 100, creditFen: 100 },
        { account: 'income.parking', debitFen: 0, creditFen: 0 },
      ],
    });
    expect(bothSides.json().error.code).toBe('LEDGER_BAD_LINE');
    expect((await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-01-11', memo: 'x', lines: income(1, 'income.gold') })).statusCode).toBe(400);
  });

  it('never takes more from the bank account than it holds', async () => {
    const ledger = (await s.commissioner.get(`/api/quarters/${t.fx.q1}/ledger`)).json();
    const over = await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, {
      date: '2026-01-20',
      memo: '维修',
      lines: [
        { account: 'use.repairs', debitFen: ledger.totals.heldFen + 1, creditFen: 0 },
        { account: 'asset.bank', debitFen: 0, creditFen: ledger.totals.heldFen + 1 },
      ],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('LEDGER_OVERDRAWN');
  });

  it('undoes an entry by a reversal, once; a reversal is not reversed', async () => {
    const wrong = (await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-02-01', memo: '广告费（金额记错）', lines: income(55_500, 'income.advertising') })).json();
    const reversal = await s.commissioner.post(`/api/ledger-entries/${wrong.id}/reverse`, { date: '2026-02-02' });
    expect(reversal.statusCode).toBe(201);
    const again = await s.commissioner.post(`/api/ledger-entries/${wrong.id}/reverse`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LEDGER_ALREADY_REVERSED');
    const ofReversal = await s.commissioner.post(`/api/ledger-entries/${reversal.json().id}/reverse`, {});
    expect(ofReversal.json().error.code).toBe('LEDGER_REVERSAL_OF_REVERSAL');
    await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-02-02', memo: '广告费', lines: income(55_000, 'income.advertising') });
    const ledger = await assertBalancesAreSums(s.district, t.fx.q1);
    expect(ledger.accounts.find((a: { code: string }) => a.code === 'income.advertising').balanceFen).toBe(55_000);
    const entries = (await s.district.get(`/api/quarters/${t.fx.q1}/ledger/entries`)).json();
    const original = entries.items.find((e: { id: string }) => e.id === wrong.id);
    expect(original.reversedBySeq).toBe(reversal.json().seq);
    expect(original.bookedBy).toBe('测试commissioner');
  });

  it('keeps a voucher with an entry, checked by its content', async () => {
    const refused = await s.commissioner.upload(`/api/quarters/${t.fx.q1}/ledger/vouchers`, 'receipt.png', Buffer.from('<html><script>x</script></html>'));
    expect(refused.statusCode).toBe(422);
    const up = await s.commissioner.upload(`/api/quarters/${t.fx.q1}/ledger/vouchers`, 'receipt.png', PNG);
    expect(up.statusCode).toBe(201);
    const entry = await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-02-05', memo: '快递柜场地费', lines: income(20_000, 'income.common_areas'), voucherId: up.json().id });
    expect(entry.statusCode).toBe(201);
    const file = await s.supervisor.get(`/api/ledger-vouchers/${up.json().id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    // A voucher of another quarter is unknown here.
    const other = await s.commissioner2.upload(`/api/quarters/${t.fx.q2}/ledger/vouchers`, 'r.png', PNG);
    const foreign = await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-02-05', memo: 'x', lines: income(1), voucherId: other.json().id });
    expect(foreign.json().error.code).toBe('VOUCHER_NOT_FOUND');
  });

  it('is a chain: a changed amount shows in the check from its entry on', async () => {
    const ok = (await s.supervisor.get(`/api/quarters/${t.fx.q1}/ledger/verify`)).json();
    expect(ok).toMatchObject({ valid: true, brokenAt: null });
    expect(ok.entries).toBeGreaterThan(3);
    const third = await t.db.kysely.selectFrom('ledger_lines').select(['entry_id', 'position', 'debit_fen', 'credit_fen']).where('quarter_id', '=', t.fx.q1).orderBy('entry_id').limit(1).executeTakeFirstOrThrow();
    const seq = (await t.db.kysely.selectFrom('ledger_entries').select('seq').where('id', '=', third.entry_id).executeTakeFirstOrThrow()).seq;
    const side = third.debit_fen ? 'debit_fen' : 'credit_fen';
    await t.db.kysely.updateTable('ledger_lines').set({ [side]: Number(third[side]) + 1 }).where('entry_id', '=', third.entry_id).where('position', '=', third.position).execute();
    expect((await s.supervisor.get(`/api/quarters/${t.fx.q1}/ledger/verify`)).json()).toMatchObject({ valid: false, brokenAt: seq });
    await t.db.kysely.updateTable('ledger_lines').set({ [side]: Number(third[side]) }).where('entry_id', '=', third.entry_id).where('position', '=', third.position).execute();
    expect((await s.supervisor.get(`/api/quarters/${t.fx.q1}/ledger/verify`)).json()).toMatchObject({ valid: true, head: ok.head });
  });

  it('exports any period as Excel', async () => {
    const res = await s.district.get(`/api/quarters/${t.fx.q1}/ledger/export.xlsx?from=2026-02-01&to=2026-02-28`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const journal = wb.getWorksheet('分录')!;
    const memos = journal.getColumn(3).values.filter((v) => typeof v === 'string');
    expect(memos).toContain('快递柜场地费');
    expect(memos).not.toContain('1月停车费');
  });
});

describe('四审两公开', () => {
  let project: string;

  it('the owners’ committee keeps the account once the residents’ committee says so', async () => {
    expect((await s.committee.patch(`/api/quarters/${t.fx.q1}/finance-settings`, { holder: 'owners_committee' })).statusCode).toBe(403);
    const set = await s.community.patch(`/api/quarters/${t.fx.q1}/finance-settings`, { holder: 'owners_committee', largeThresholdFen: 5_000_000 });
    expect(set.statusCode).toBe(200);
    expect((await s.commissioner.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-03-01', memo: '停车费', lines: income(100) })).statusCode).toBe(403);
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-03-01', memo: '上年结转', lines: income(10_000_000, 'income.other') })).statusCode).toBe(201);
  });

  it('a project at the threshold is large, and is not paid before the reviews (409 with the clause)', async () => {
    const created = await s.committee.post('/api/fund-projects', {
      quarterId: t.fx.q1,
      title: '2幢外墙维修',
      purpose: '外墙空鼓脱落，存在安全隐患',
      amountFen: 5_000_000,
      category: 'use.repairs',
      quotes: [{ supplier: '甲建筑公司', amountFen: 5_000_000 }, { supplier: '乙建筑公司', amountFen: 5_600_000 }],
    });
    expect(created.statusCode).toBe(201);
    project = created.json().id;
    const list = (await s.party.get(`/api/fund-projects?quarterId=${t.fx.q1}`)).json();
    expect(list.items[0]).toMatchObject({ id: project, quarterId: t.fx.q1, title: '2幢外墙维修', amountFen: 5_000_000, stage: 'proposed', large: true });
    const pay = await s.committee.post(`/api/fund-projects/${project}/payments`, { date: '2026-03-02', amountFen: 1_000_000, memo: '预付款' });
    expect(pay.statusCode).toBe(409);
    expect(pay.json().error.code).toBe('FUND_PAYMENT_NOT_APPROVED');
    expect(pay.json().error.message).toContain('百委〔2023〕37号');
    expect(pay.json().error.message).toContain('关于强化党建引领社区、业委会和物业服务企业三方协同推动小区微治理的实施意见');
  });

  it('passes the steps in order, each by its own role', async () => {
    const step = (session: Session, body: Record<string, unknown>) => session.post(`/api/fund-projects/${project}/steps`, body);
    const wrongRole = await step(s.party, { step: 'committee_review' });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json().error.code).toBe('FUND_STEP_ROLE');
    expect(wrongRole.json().error.message).toContain('百委〔2023〕37号');
    const skipped = await step(s.party, { step: 'party_review' });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.code).toBe('FUND_STEP_ORDER');
    expect(skipped.json().error.message).toContain('业委会初审');
    expect((await step(s.company, { step: 'committee_review' })).statusCode).toBe(403);
    expect((await step(s.committee, { step: 'committee_review', note: '同意立项' })).json().stage).toBe('committee_reviewed');
    expect((await step(s.party, { step: 'party_review' })).json().stage).toBe('party_reviewed');
    expect((await step(s.commissioner, { step: 'joint_review', note: '联席会议一致通过' })).json().stage).toBe('joint_reviewed');
    // The assembly decides by a vote: a published one of this quarter whose item passed.
    expect((await step(s.committee, { step: 'assembly_decision' })).json().error.code).toBe('FUND_VOTE_REQUIRED');
    const closed = await publishedVote(t, t.fx.q1, { status: 'closed' });
    expect((await step(s.committee, { step: 'assembly_decision', voteId: closed, voteItemId: '1' })).json().error.code).toBe('FUND_VOTE_INVALID');
    const failed = await publishedVote(t, t.fx.q1, { passed: false });
    expect((await step(s.committee, { step: 'assembly_decision', voteId: failed, voteItemId: '1' })).json().error.code).toBe('FUND_VOTE_INVALID');
    const elsewhere = await publishedVote(t, t.fx.q2);
    expect((await step(s.committee, { step: 'assembly_decision', voteId: elsewhere, voteItemId: '1' })).json().error.code).toBe('FUND_VOTE_INVALID');
    const vote = await publishedVote(t, t.fx.q1);
    const decided = await step(s.committee, { step: 'assembly_decision', voteId: vote, voteItemId: '1' });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().vote).toMatchObject({ id: vote, itemId: '1', matter: 'ordinary' });
    expect((await s.committee.post(`/api/fund-projects/${project}/payments`, { date: '2026-04-01', amountFen: 100, memo: '预付款' })).statusCode).toBe(409);
    expect((await step(s.committee, { step: 'decision_publication', outcome: 'rejected' })).statusCode).toBe(422);
    const published = (await step(s.committee, { step: 'decision_publication' })).json();
    expect(published.stage).toBe('decision_published');
    expect(published.paymentAllowed).toBe(true);
    expect(published.steps.filter((x: { outcome: string | null }) => x.outcome === 'approved')).toHaveLength(5);
  });

  it('a payment books a ledger entry; more than the project’s amount is refused; the use is published', async () => {
    expect((await s.committee.post(`/api/fund-projects/${project}/steps`, { step: 'use_publication' })).json().error.code).toBe('FUND_USE_NO_PAYMENTS');
    const pay = await s.committee.post(`/api/fund-projects/${project}/payments`, { date: '2026-04-10', amountFen: 3_000_000, memo: '外墙维修首付款' });
    expect(pay.statusCode).toBe(201);
    expect((await s.committee.post(`/api/fund-projects/${project}/payments`, { date: '2026-04-10', amountFen: 2_000_001, memo: '超付' })).json().error.code).toBe('FUND_PAYMENT_EXCEEDS');
    await s.committee.post(`/api/fund-projects/${project}/payments`, { date: '2026-05-10', amountFen: 2_000_000, memo: '外墙维修尾款' });
    const detail = (await s.supervisor.get(`/api/fund-projects/${project}`)).json();
    expect(detail.paidFen).toBe(5_000_000);
    expect(detail.payments).toHaveLength(2);
    const ledger = await assertBalancesAreSums(s.supervisor, t.fx.q1);
    expect(ledger.accounts.find((a: { code: string }) => a.code === 'use.repairs').balanceFen).toBe(5_000_000);
    expect((await s.committee.post(`/api/fund-projects/${project}/steps`, { step: 'use_publication' })).json().stage).toBe('use_published');
    expect((await s.committee.post(`/api/fund-projects/${project}/payments`, { date: '2026-05-11', amountFen: 1, memo: 'x' })).json().error.code).toBe('FUND_PROJECT_CLOSED');
    expect(await fundProjectsForBoard(t.db.kysely, t.fx.q1)).toEqual([{ id: project, title: '2幢外墙维修', amountFen: 5_000_000, stage: 'use_published' }]);
  });

  it('a small project is paid without the reviews; a refused one is closed', async () => {
    const small = (await s.committee.post('/api/fund-projects', { quarterId: t.fx.q1, title: '更换门禁电池', amountFen: 30_000, category: 'use.repairs' })).json().id;
    expect((await s.committee.post(`/api/fund-projects/${small}/payments`, { date: '2026-05-20', amountFen: 30_000, memo: '门禁电池' })).statusCode).toBe(201);
    const refused = (await s.committee.post('/api/fund-projects', { quarterId: t.fx.q1, title: '新建景观水池', amountFen: 9_000_000, category: 'use.other' })).json().id;
    expect((await s.committee.post(`/api/fund-projects/${refused}/steps`, { step: 'committee_review', outcome: 'rejected', note: '不必要' })).json().stage).toBe('rejected');
    expect((await s.party.post(`/api/fund-projects/${refused}/steps`, { step: 'party_review' })).json().error.code).toBe('FUND_PROJECT_CLOSED');
    expect((await s.owner.get(`/api/fund-projects?quarterId=${t.fx.q1}`)).statusCode).toBe(403);
  });
});

describe('the half-yearly disclosure', () => {
  it('a quarter with a ledger and no disclosure of the last half year fails its check', async () => {
    const checks = (await s.community.get(`/api/quarters/${t.fx.q1}/checks?asOf=2026-08-01`)).json().items;
    expect(checks.find((c: { rule: string }) => c.rule === 'finance-half-year-disclosure')).toMatchObject({ status: 'fail', citation: 'DB3305/T 309—2024 5.1.2.4' });
    const actions = (await s.community.get('/api/organizations/actions?pageSize=200')).json();
    expect(actions.failingChecks.items.some((c: { quarterId: string; rule: string }) => c.quarterId === t.fx.q1 && c.rule === 'finance-half-year-disclosure')).toBe(true);
    // A quarter without a ledger has nothing to disclose.
    const q3 = (await s.district.get(`/api/quarters/${t.fx.q3}/checks?asOf=2026-08-01`)).json().items;
    expect(q3.some((c: { rule: string }) => c.rule === 'finance-half-year-disclosure')).toBe(false);
  });

  it('is generated from the ledger with the ledger’s totals, reviewed, then published', async () => {
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/disclosures`, { period: '2099H1' })).json().error.code).toBe('DISCLOSURE_PERIOD_OPEN');
    expect((await s.supervisor.post(`/api/quarters/${t.fx.q1}/disclosures`, { period: '2026H1' })).statusCode).toBe(403);
    const generated = await s.committee.post(`/api/quarters/${t.fx.q1}/disclosures`, { period: '2026H1' });
    expect(generated.statusCode).toBe(201);
    const id = generated.json().id;
    const d = (await s.committee.get(`/api/disclosures/${id}`)).json();
    // Every entry of the fixture lies in 2026H1: the figures are the ledger's.
    const ledger = await assertBalancesAreSums(s.committee, t.fx.q1);
    expect(d.figures.incomeFen).toBe(ledger.totals.incomeFen);
    expect(d.figures.spendingFen).toBe(ledger.totals.spendingFen);
    expect(d.figures.balanceFen).toBe(ledger.totals.heldFen);
    expect(d.figures.openingFen).toBe(0);
    for (const line of [...d.figures.income, ...d.figures.spending]) expect(line.amountFen).toBe(ledger.accounts.find((a: { code: string }) => a.code === line.account).balanceFen);
    expect(d.figures.projects.map((p: { title: string }) => p.title)).toContain('2幢外墙维修');
    expect((await s.committee.post(`/api/disclosures/${id}/publish`)).json().error.code).toBe('DISCLOSURE_STATE');
    expect((await s.committee.post(`/api/disclosures/${id}/review`, {})).statusCode).toBe(403);
    expect((await s.supervisor.post(`/api/disclosures/${id}/review`, { note: '与银行对账单一致' })).json().status).toBe('reviewed');
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/disclosures`, { period: '2026H1' })).json().error.code).toBe('DISCLOSURE_STATE');
    expect((await s.commissioner.post(`/api/disclosures/${id}/publish`)).statusCode).toBe(403);
    const published = await s.committee.post(`/api/disclosures/${id}/publish`);
    expect(published.json().status).toBe('published');
    const board = await publishedDisclosures(t.db.kysely, t.fx.q1);
    expect(board).toEqual([{ id, period: '2026H1', publishedAt: expect.any(String), incomeFen: ledger.totals.incomeFen, spendingFen: ledger.totals.spendingFen, balanceFen: ledger.totals.heldFen }]);
    const checks = (await s.community.get(`/api/quarters/${t.fx.q1}/checks?asOf=2026-08-01`)).json().items;
    expect(checks.find((c: { rule: string }) => c.rule === 'finance-half-year-disclosure').status).toBe('pass');
    // The to-do list's kept judgement follows the publication (the disclosures' trigger marks the
    // quarter stale): it lists the rule for q1 exactly when today's checks fail it.
    const today = (await s.community.get(`/api/quarters/${t.fx.q1}/checks`)).json().items.find((c: { rule: string }) => c.rule === 'finance-half-year-disclosure');
    const listed = (await s.community.get('/api/organizations/actions?pageSize=200&rule=finance-half-year-disclosure')).json().failingChecks.items;
    expect(listed.some((c: { quarterId: string }) => c.quarterId === t.fx.q1)).toBe(today?.status === 'fail');
    // The half year is closed: nothing more is booked into it (or before it), nor after today.
    const late = await s.committee.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2026-06-30', memo: '补记', lines: income(100) });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('LEDGER_PERIOD_CLOSED');
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/ledger/entries`, { date: '2099-01-01', memo: '预记', lines: income(100) })).json().error.code).toBe('LEDGER_DATE_FUTURE');
    // Exportable, to print and post.
    const file = await s.supervisor.get(`/api/disclosures/${id}/export.xlsx`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('公示')!;
    const closing = sheet.getColumn(1).values.indexOf('期末余额（元）');
    expect(sheet.getRow(closing).getCell(2).value).toBe(ledger.totals.heldFen / 100);
    // The quarter dossier's section, for those who read the ledger only.
    const section = (await s.community.get(`/api/quarters/${t.fx.q1}/dossier`)).json().sections.find((x: { key: string }) => x.key === 'finance');
    expect(section.data).toMatchObject({ heldFen: ledger.totals.heldFen, lastPublished: '2026H1' });
    expect(((await s.company.get(`/api/quarters/${t.fx.q1}/dossier`)).json().sections ?? []).some((x: { key: string }) => x.key === 'finance')).toBe(false);
    expect(await publishedDisclosures(t.db.kysely, t.fx.q2)).toEqual([]);
  });
});

describe('audits, the three inventories, fee collection', () => {
  it('records an audit with its findings and follows them up until resolved', async () => {
    const created = await s.community.post(`/api/quarters/${t.fx.q1}/finance-audits`, { kind: 'term_end', periodLabel: '第二届业委会', auditor: '某会计师事务所', auditedOn: '2026-04-01', findings: '两笔支出缺少发票' });
    expect(created.statusCode).toBe(201);
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/finance-audits`, { kind: 'other', periodLabel: 'x', auditor: 'x', auditedOn: '2026-04-01' })).statusCode).toBe(403);
    const resolved = await s.commissioner.patch(`/api/finance-audits/${created.json().id}`, { followUp: '已补齐发票', resolvedOn: '2026-04-20' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', followUp: '已补齐发票', resolvedOn: '2026-04-20' });
    const list = (await s.supervisor.get(`/api/quarters/${t.fx.q1}/finance-audits`)).json();
    expect(list.items).toHaveLength(1);
  });

  it('keeps the three inventories, the funds with what the ledger holds', async () => {
    const ledger = (await s.district.get(`/api/quarters/${t.fx.q1}/ledger`)).json();
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/inventory-items`, { kind: 'resource', name: '地面停车位', quantity: '86个', location: '小区东侧' })).statusCode).toBe(201);
    const asset = (await s.committee.post(`/api/quarters/${t.fx.q1}/inventory-items`, { kind: 'asset', name: '快递柜', valueFen: 1_200_000 })).json().id;
    const inv = (await s.party.get(`/api/quarters/${t.fx.q1}/inventories`)).json();
    expect(inv.resources.map((i: { name: string }) => i.name)).toEqual(['地面停车位']);
    expect(inv.assets[0]).toMatchObject({ name: '快递柜', valueFen: 1_200_000 });
    expect(inv.ledgerHeldFen).toBe(ledger.totals.heldFen);
    expect((await s.committee.delete(`/api/inventory-items/${asset}`)).statusCode).toBe(204);
    expect((await s.company.post(`/api/quarters/${t.fx.q1}/inventory-items`, { kind: 'asset', name: 'x' })).statusCode).toBe(403);
  });

  it('takes the property company’s half-yearly fee-collection rate, once per half year', async () => {
    const body = { period: '2026H1', receivableFen: 1_000_000, collectedFen: 951_234, householdsDue: 120, householdsPaid: 113 };
    expect((await s.company.post(`/api/quarters/${t.fx.q1}/fee-collection`, { ...body, collectedFen: 1_000_001 })).json().error.code).toBe('FEE_COLLECTION_INVALID');
    expect((await s.company.post(`/api/quarters/${t.fx.q1}/fee-collection`, body)).statusCode).toBe(201);
    expect((await s.company.post(`/api/quarters/${t.fx.q1}/fee-collection`, body)).json().error.code).toBe('FEE_COLLECTION_REPORTED');
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/fee-collection`, body)).statusCode).toBe(403);
    const list = (await s.community.get(`/api/quarters/${t.fx.q1}/fee-collection`)).json();
    expect(list.items[0]).toMatchObject({ period: '2026H1', rateBasisPoints: 9512 });
    expect((await s.company.get(`/api/quarters/${t.fx.q1}/fee-collection`)).statusCode).toBe(200);
    expect((await s.owner.get(`/api/quarters/${t.fx.q1}/fee-collection`)).statusCode).toBe(403);
  });
});

describe('the maintenance fund, apart from public revenue', () => {
  it('is raised on a passed special item (第278条 第1款第6项) and used on an ordinary one (第5项), never below zero', async () => {
    const raiseVote = await publishedVote(t, t.fx.q1, { article278Item: 6, title: '续筹专项维修资金' });
    const useVote = await publishedVote(t, t.fx.q1, { article278Item: 5, title: '使用专项维修资金维修电梯' });
    const wrong = await s.committee.post(`/api/quarters/${t.fx.q1}/maintenance-fund`, { kind: 'raise', date: '2026-04-01', amountFen: 10_000_000, memo: '续筹', voteId: useVote, voteItemId: '1' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain('第6项');
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/maintenance-fund`, { kind: 'use', date: '2026-04-01', amountFen: 1, memo: '维修', voteId: useVote, voteItemId: '1' })).json().error.code).toBe('MAINTENANCE_FUND_OVERDRAWN');
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/maintenance-fund`, { kind: 'raise', date: '2026-04-01', amountFen: 10_000_000, memo: '续筹', voteId: raiseVote, voteItemId: '1' })).statusCode).toBe(201);
    expect((await s.committee.post(`/api/quarters/${t.fx.q1}/maintenance-fund`, { kind: 'use', date: '2026-05-01', amountFen: 4_000_000, memo: '电梯维修', voteId: useVote, voteItemId: '1' })).statusCode).toBe(201);
    const fund = (await s.supervisor.get(`/api/quarters/${t.fx.q1}/maintenance-fund`)).json();
    expect(fund).toMatchObject({ raisedFen: 10_000_000, usedFen: 4_000_000, balanceFen: 6_000_000 });
    expect(fund.items[0]).toMatchObject({ kind: 'use', voteTitle: '2026年第二次业主大会' });
    // Apart: the public-revenue ledger does not move.
    const ledger = (await s.supervisor.get(`/api/quarters/${t.fx.q1}/ledger`)).json();
    expect(ledger.accounts.find((a: { code: string }) => a.code === 'use.maintenance_fund').balanceFen).toBe(0);
  });
});

describe('import of a bank statement', () => {
  it('books every row as an entry, or refuses the whole file with each row’s reason', async () => {
    const before = (await s.commissioner2.get(`/api/quarters/${t.fx.q2}/ledger`)).json();
    expect(before.totals.entries).toBe(0);
    const community = s.commissioner2;
    const bad = await statementXlsx([
      ['2026-03-01', '停车费', 1200.5, null, '停车收益'],
      ['2026-03-32', '广告费', 800, null, '广告收益'],
      ['2026-03-05', '电梯维修', null, 300, '停车收益'],
      ['2026-03-06', '两边都填', 100, 100, '税金'],
      ['2026-03-07', '未知科目', 100, null, '理财收益'],
    ]);
    const refused = await community.upload(`/api/quarters/${t.fx.q2}/ledger/imports`, 'statement.xlsx', bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('LEDGER_IMPORT_INVALID');
    expect(refused.json().error.details.rows.map((r: { row: number }) => r.row)).toEqual([4, 5, 6, 7]);
    expect((await community.get(`/api/quarters/${t.fx.q2}/ledger`)).json().totals.entries).toBe(0);
    const good = await statementXlsx([
      [new Date(Date.UTC(2026, 2, 1)), '3月停车费', 1200.5, null, '停车收益'],
      ['2026/3/3', '快递柜场地费', '¥800.00', null, 'income.common_areas'],
      ['2026-03-05', '单元门维修', null, '1,300', '公共设施设备维修'],
      [null, null, null, null, null],
    ]);
    const booked = await community.upload(`/api/quarters/${t.fx.q2}/ledger/imports`, 'statement.xlsx', good);
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toEqual({ booked: 3, firstSeq: 1, lastSeq: 3 });
    const ledger = (await community.get(`/api/quarters/${t.fx.q2}/ledger`)).json();
    const balance = (code: string) => ledger.accounts.find((a: { code: string }) => a.code === code).balanceFen;
    expect([balance('income.parking'), balance('income.common_areas'), balance('use.repairs'), balance('asset.bank')]).toEqual([120_050, 80_000, 130_000, 70_050]);
    expect((await s.committee.upload(`/api/quarters/${t.fx.q2}/ledger/imports`, 'statement.xlsx', good)).statusCode).toBe(404);
  });

  it('offers a template whose sample row is never booked: the untouched template books nothing and says so', async () => {
    const community = s.commissioner2;
    const before = (await community.get(`/api/quarters/${t.fx.q2}/ledger`)).json().totals.entries;
    const res = await community.get(`/api/quarters/${t.fx.q2}/ledger/import-template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(String(sheet.getCell('A1').value)).toContain('填写说明');
    expect([1, 2, 3, 4, 5].map((c) => sheet.getRow(2).getCell(c).value)).toEqual(['日期', '摘要', '收入', '支出', '科目']);
    expect(String(sheet.getCell('B3').value)).toMatch(/^示例（导入时跳过）/);
    const untouched = await community.upload(`/api/quarters/${t.fx.q2}/ledger/imports`, 'template.xlsx', res.rawPayload);
    expect(untouched.statusCode).toBe(422);
    expect(untouched.json().error.details.rows[0].message).toContain('只有模板的示例行');
    expect((await community.get(`/api/quarters/${t.fx.q2}/ledger`)).json().totals.entries).toBe(before);
    // A row typed below the sample is booked; the sample is not.
    sheet.addRow(['2026-03-09', '3月广告费', 500, null, '广告收益']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const booked = await community.upload(`/api/quarters/${t.fx.q2}/ledger/imports`, 'template.xlsx', filled);
    expect(booked.statusCode).toBe(201);
    expect(booked.json().booked).toBe(1);
  });
});
