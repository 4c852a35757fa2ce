// Money in the open, in the browser (issue 14): a large fund-use project passes the four reviews
// (the owners' committee, the party organisation, the joint meeting) and the owners' assembly's
// published vote, its decision is published and a payment is booked in the ledger; then the
// last half year's disclosure is generated, reviewed by the supervisory committee and published.
// Staff pages at 1440 px. (The public board that shows it belongs to the board's own test.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastEndedHalfYear, halfYearRange } from '../../src/core/finance/ledger';
import { publishedDisclosures } from '../../src/server/modules/finance';
import { PASSWORD, type Session, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { publishedVote } from '../support/finance';

let t: TestApp;
let browser: Browser;
let base: string;
let committee: Session;
let voteId: string;
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const period = lastEndedHalfYear(today);
const inPeriod = halfYearRange(period).from.replace(/-01$/, '-15');

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  // The assembly has the owners' committee keep the account (DB3305/T 309—2024 5.1.2.5).
  const community = await t.login('community');
  expect((await community.patch(`/api/quarters/${t.fx.q1}/finance-settings`, { holder: 'owners_committee', largeThresholdFen: 5_000_000 })).statusCode).toBe(200);
  committee = await t.login('committee');
  for (const [memo, fen, account] of [
    ['停车费', 1_200_000, 'income.parking'],
    ['广告费', 860_000, 'income.advertising'],
    ['物业经营用房租金', 5_000_000, 'income.premises'],
  ] as const) {
    const r = await committee.post(`/api/quarters/${t.fx.q1}/ledger/entries`, {
      date: inPeriod,
      memo,
      lines: [
        { account: 'asset.bank', debitFen: fen, creditFen: 0 },
        { account, debitFen: 0, creditFen: fen },
      ],
    });
    expect(r.statusCode).toBe(201);
  }
  voteId = await publishedVote(t, t.fx.q1);
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function as(username: string, path: string): Promise<Page> {
  const page = await newDesktopPage(browser);
  await submitLogin(page, base, username, PASSWORD);
  await page.waitForSelector(tid('side-menu'));
  await page.goto(`${base}${path}`);
  return page;
}

/** Takes the project's next step with a note and waits for the stage it leads to. */
async function takeStep(page: Page, note: string, stage: string) {
  await page.click(tid('project-step-take'));
  await page.fill(tid('project-step-note'), note);
  await page.click(tid('project-step-submit'));
  await page.waitForSelector(`${tid('project-stage')}[data-stage="${stage}"]`);
}

describe('finance in the browser', () => {
  let projectId = '';

  it('the committee proposes a large project; it is not paid before the reviews', async () => {
    const page = await as('committee', `/finance?quarterId=${t.fx.q1}&tab=ledger`);
    await page.waitForSelector(`${tid('ledger-account-row')}[data-account="income.parking"][data-balance="1200000"]`);
    expect(await page.textContent(tid('ledger-held'))).toBe('¥70,600.00');
    await screenshot(page, 'e2e-finance-ledger');
    await page.goto(`${base}/finance?quarterId=${t.fx.q1}&tab=projects`);
    await page.click(tid('project-create'));
    await page.fill(tid('project-form-title'), '1幢屋面防水维修');
    await page.fill(tid('project-form-amount'), '60000');
    await page.click(tid('project-form-category'));
    await page.locator('.ant-select-item-option', { hasText: '公共设施设备维修' }).click();
    await page.fill(tid('project-form-purpose'), '顶楼住户反映渗漏');
    await page.click(tid('project-form-submit'));
    await page.waitForSelector(tid('project-link'));
    await page.click(tid('project-link'));
    await page.waitForURL(/\/finance\/projects\/[0-9a-f-]{36}$/);
    projectId = page.url().split('/').pop()!;
    await page.waitForSelector(tid('project-payment-blocked'));
    expect(await page.locator(tid('project-pay')).count()).toBe(0);
    await takeStep(page, '业委会会议同意立项', 'committee_reviewed');
    await page.context().close();
  });

  it('the party organisation and the joint meeting review it, the assembly decides by its vote, the decision is published and a payment booked', async () => {
    const party = await as('party', `/finance/projects/${projectId}`);
    await takeStep(party, '党支部审核同意', 'party_reviewed');
    await party.context().close();
    const commissioner = await as('commissioner', `/finance/projects/${projectId}`);
    await takeStep(commissioner, '三方联席会议审议通过', 'joint_reviewed');
    await commissioner.context().close();

    const page = await as('committee', `/finance/projects/${projectId}`);
    await page.click(tid('project-step-take'));
    await page.click(tid('project-step-vote'));
    await page.locator('.ant-select-item-option', { hasText: '2026年第二次业主大会' }).click();
    await page.click(tid('project-step-item'));
    await page.locator('.ant-select-item-option', { hasText: '使用公共收益维修2幢外墙' }).click();
    await page.click(tid('project-step-submit'));
    await page.waitForSelector(`${tid('project-stage')}[data-stage="assembly_decided"]`);
    await takeStep(page, '审定结果已在公告栏公示', 'decision_published');
    await page.click(tid('project-pay'));
    await page.fill(tid('project-pay-amount'), '60000');
    await page.fill(tid('project-pay-memo'), '屋面防水工程款');
    await page.click(tid('project-pay-submit'));
    await page.waitForSelector(`${tid('project-payments')} .ant-table-row`);
    await screenshot(page, 'e2e-finance-project');
    const detail = (await committee.get(`/api/fund-projects/${projectId}`)).json();
    expect(detail.vote.id).toBe(voteId);
    expect(detail.paidFen).toBe(6_000_000);
    expect(detail.steps.slice(0, 5).map((s: { outcome: string }) => s.outcome)).toEqual(['approved', 'approved', 'approved', 'approved', 'approved']);
    const ledger = (await committee.get(`/api/quarters/${t.fx.q1}/ledger`)).json();
    expect(ledger.accounts.find((a: { code: string }) => a.code === 'use.repairs').balanceFen).toBe(6_000_000);
    await page.context().close();
  });

  it('the half-yearly disclosure is generated, reviewed by the supervisory committee and published', async () => {
    const page = await as('committee', `/finance?quarterId=${t.fx.q1}&tab=disclosures`);
    await page.waitForSelector(`${tid('disclosure-due')}[data-published="false"]`);
    await page.click(tid('disclosure-generate'));
    await page.click(tid('disclosure-generate-submit'));
    await page.waitForSelector(`${tid('disclosure-status')}[data-status="draft"]`);
    await page.context().close();

    const supervisor = await as('supervisor', `/finance?quarterId=${t.fx.q1}&tab=disclosures`);
    await supervisor.click(tid('disclosure-open'));
    await supervisor.click(tid('disclosure-review'));
    await supervisor.waitForSelector(`${tid('disclosure-status')}[data-status="reviewed"]`);
    await supervisor.context().close();

    const publisher = await as('committee', `/finance?quarterId=${t.fx.q1}&tab=disclosures`);
    await publisher.click(tid('disclosure-open'));
    await publisher.click(tid('disclosure-publish'));
    await publisher.waitForSelector(`${tid('disclosure-status')}[data-status="published"]`);
    await publisher.waitForSelector(`${tid('disclosure-due')}[data-published="true"]`);
    await screenshot(publisher, 'e2e-finance-disclosure');
    await publisher.context().close();
    const board = await publishedDisclosures(t.db.kysely, t.fx.q1);
    expect(board).toHaveLength(1);
    expect(board[0]).toMatchObject({ period, incomeFen: 7_060_000 });
  });

  it('the records tab keeps the three inventories and shows the maintenance fund, fee collection and audits', async () => {
    const page = await as('committee', `/finance?quarterId=${t.fx.q1}&tab=records`);
    await page.click(tid('inventory-add'));
    await page.fill(tid('inventory-name'), '地面停车位');
    await page.click(tid('inventory-submit'));
    await page.waitForSelector(`${tid('inventory-list')} .ant-table-row`);
    await page.waitForSelector(tid('maintenance-fund-balance'));
    await screenshot(page, 'e2e-finance-records');
    // The quarter dossier has its finance tab.
    await page.goto(`${base}/quarters/${t.fx.q1}`);
    await page.click(tid('dossier-tab-section-finance'));
    await page.waitForSelector(`${tid('dossier-finance')} .ant-table-row`);
    await screenshot(page, 'e2e-finance-dossier');
    // The same page in English.
    await page.click(tid('lang-switch'));
    await page.waitForSelector(`${tid('lang-switch')}[data-lang="en"]`);
    await page.goto(`${base}/finance?quarterId=${t.fx.q1}&tab=ledger`);
    await page.waitForSelector(`${tid('ledger-account-row')}[data-account="use.repairs"]`);
    expect(await page.textContent(tid('ledger-accounts'))).toContain('Repairs of common facilities');
    await screenshot(page, 'e2e-finance-ledger-en');
    await page.context().close();
    const inv = (await committee.get(`/api/quarters/${t.fx.q1}/inventories`)).json();
    expect(inv.resources.map((i: { name: string }) => i.name)).toEqual(['地面停车位']);
  });
});
