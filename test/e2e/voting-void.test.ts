// Issue 10, point 5 and the owner without a phone, walked in the browser: staff enter a paper
// ballot on the wrong unit, void it with a reason and enter it on the right one, and the result
// counts one ballot (1440 px); an owner whose phone is not on record learns, on a 390 px phone,
// that the committee or the community can record it or give a paper ballot, and once it is
// recorded gets the one-time code. The quarter Q1 of the fixture has 1幢 and 2幢, each with 1-101
// and 1-102; the committee account runs its votes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Session, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { AFTER, DURING, fixtureCredentials, minimalPdf, openedVote, voteClock, type Credential } from '../support/voting';

const clock = voteClock();
let t: TestApp;
let browser: Browser;
let base: string;
let committee: Session;
let creds: Credential[];

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  creds = await fixtureCredentials(t, 'q1');
  committee = await t.login('committee');
}, 120_000);
afterAll(async () => {
  clock.reset();
  await browser?.close();
  await t?.close();
});

async function login(page: Page, username: string) {
  await submitLogin(page, base, username, PASSWORD);
  await page.waitForSelector(tid('header-user-name'));
}

async function newVote(title: string) {
  clock.set('2026-03-01T09:00:00+08:00');
  const id = await openedVote(committee, t.fx.q1, { title });
  clock.set(DURING);
  return id;
}

/** Enters a paper ballot in the page's form: the unit picked by building, a scan, confirmed. */
async function enterPaper(page: Page, building: string, number: string, file: string) {
  const unit = page.locator(`${tid('vote-entry-unit')} input`);
  await unit.click();
  await unit.fill(number);
  await expect.poll(() => page.locator(tid('vote-entry-unit-option'), { hasText: building }).count()).toBe(1);
  await page.locator(tid('vote-entry-unit-option'), { hasText: building }).click();
  await page.waitForSelector(tid('vote-entry-chosen'));
  expect(await page.textContent(tid('vote-entry-chosen'))).toContain(`${building} ${number}`);
  await page.click(`${tid('vote-entry-choice-1')} input[value="yes"]`);
  await page.click(`${tid('vote-entry-choice-2')} input[value="no"]`);
  await page.setInputFiles(`${tid('vote-entry-form')} input[type=file]`, { name: file, mimeType: 'application/pdf', buffer: minimalPdf(`/Title (${file}) `) });
  await page.waitForSelector(`${tid('vote-entry-form')} >> text=${file}`);
  await page.click(tid('vote-entry-submit'));
  await page.waitForSelector(tid('vote-entry-confirm'));
  await page.click(tid('vote-entry-confirm-ok'));
}

describe('a paper ballot on the wrong unit, voided and entered again', () => {
  it('5. staff void it with a reason before the close; it shows struck with who, when and why; the right unit is entered; the result counts one ballot', { timeout: 180_000 }, async () => {
    const voteId = await newVote('2026年第三次业主大会');
    const page = await newDesktopPage(browser);
    await login(page, 'committee');
    await page.goto(`${base}/votes/${voteId}`);
    await page.waitForSelector(tid('vote-entry-form'));

    // The paper of 1幢 1-101 is entered on 1幢 1-102 by mistake.
    await enterPaper(page, '1幢', '1-102', '1幢1-101.pdf');
    const wrongRow = page.locator(tid('vote-entry-row'), { hasText: '1幢 1-102' });
    await wrongRow.waitFor();
    const turnout = async () => (await page.textContent(tid('vote-turnout-members'))) ?? '';
    await expect.poll(turnout).toContain('1 / 4');

    // 作废 asks for a reason: none, or one character, is not taken.
    await wrongRow.locator(tid('vote-entry-void')).click();
    await page.waitForSelector(tid('vote-entry-void-reason'));
    const dialog = page.locator('.ant-modal', { hasText: '作废这张选票？' });
    expect(await dialog.textContent()).toContain('1幢 1-102');
    await page.click(tid('vote-entry-void-ok'));
    await dialog.locator('text=请写明作废原因（至少 2 个字）').waitFor();
    await page.fill(tid('vote-entry-void-reason'), '录错房屋，应为 1幢 1-101');
    await screenshot(page, 'e2e-vote-void-dialog');
    await page.click(tid('vote-entry-void-ok'));
    await page.waitForSelector(`${tid('vote-entry-row')}[data-voided="true"]`);
    const voided = page.locator(`${tid('vote-entry-row')}[data-voided="true"]`);
    const voidedText = (await voided.textContent()) ?? '';
    for (const s of ['1幢 1-102', '已作废', '测试committee', '录错房屋，应为 1幢 1-101', '2026-03-05']) expect(voidedText).toContain(s);
    expect(await voided.locator('s').count()).toBeGreaterThan(0);
    expect(await voided.locator(tid('vote-entry-void')).count()).toBe(0);
    await expect.poll(turnout).toContain('0 / 4');

    // The unit is free again, and the paper goes on 1幢 1-101.
    await enterPaper(page, '1幢', '1-101', '1幢1-101-重录.pdf');
    await page.waitForSelector(`${tid('vote-entry-row')}[data-voided="false"]`);
    expect(await page.textContent(`${tid('vote-entry-row')}[data-voided="false"]`)).toContain('1幢 1-101');
    await expect.poll(() => page.locator(tid('vote-entry-row')).count()).toBe(2);
    await expect.poll(turnout).toContain('1 / 4');
    await screenshot(page, 'e2e-vote-void-log');

    // In the log: who voided which unit's ballot, and why.
    const audit = await t.db.kysely.selectFrom('audit_log').select(['username', 'after']).where('entity', '=', 'ballot').where('action', '=', 'void').execute();
    expect(audit).toEqual([expect.objectContaining({ username: 'committee', after: expect.objectContaining({ reason: '录错房屋，应为 1幢 1-101' }) })]);

    // After the close the result counts one ballot: 1幢 1-101's.
    clock.set(AFTER);
    const closed = await committee.post(`/api/votes/${voteId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    await page.goto(`${base}/votes/${voteId}`);
    await page.waitForSelector(tid('vote-result'));
    expect(await page.textContent(tid('vote-result'))).toContain('参与表决：1 人');
    const result = (await committee.get(`/api/votes/${voteId}/result`)).json();
    expect(result.participation.members).toBe(1);
    expect(result.items[0].yes.members).toBe(1);
    await screenshot(page, 'e2e-vote-void-result');
    await page.context().close();
  });
});

describe('an owner whose phone is not on record', () => {
  it('is told on the phone to have it recorded by the committee or the community, or to vote on paper; once recorded, the code comes', { timeout: 180_000 }, async () => {
    const voteId = await newVote('2026年第四次业主大会');
    // The demo's `owner` account is Q1's first owner (creds[0]); their phone is not on record.
    await t.db.kysely.updateTable('owners').set({ phone: null }).where('id', '=', creds[0].ownerId).execute();
    const page = await newPhonePage(browser);
    await submitLogin(page, base, 'owner', PASSWORD);
    await page.waitForSelector(`${tid('me-vote-row')}[data-vote-id="${voteId}"]`);
    await page.click(`${tid('me-vote-row')}[data-vote-id="${voteId}"] ${tid('me-vote-go')}`);
    await page.waitForSelector(tid('owner-verify-id'));
    await page.fill(tid('owner-verify-id'), creds[0].idNumber);
    await page.fill(tid('owner-verify-cert'), creds[0].certificateNo);
    await page.click(tid('owner-verify-submit'));
    await page.waitForSelector(tid('owner-refused'));
    const told = (await page.textContent(tid('owner-refused'))) ?? '';
    for (const s of ['暂时不能在网上投票', '业主委员会或社区', '登记', '纸质表决票', '2026-03-15 24:00']) expect(told).toContain(s);
    expect(told).not.toContain('未能投票');
    // Nothing to tap but the way back: no form that cannot be finished.
    expect(await page.locator(tid('owner-verify-submit')).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'e2e-vote-owner-no-phone');
    await page.getByRole('button', { name: '返回我的小区' }).click();
    await page.waitForSelector(`${tid('me-vote-row')}[data-vote-id="${voteId}"]`);

    // The community office records the phone (as the owner was told); the owner tries again and the code is sent.
    const community = await t.login('community');
    expect((await community.patch(`/api/owners/${creds[0].ownerId}`, { phone: '13912345678' })).statusCode).toBe(204);
    await page.click(`${tid('me-vote-row')}[data-vote-id="${voteId}"] ${tid('me-vote-go')}`);
    await page.waitForSelector(tid('owner-verify-id'));
    await page.fill(tid('owner-verify-id'), creds[0].idNumber);
    await page.fill(tid('owner-verify-cert'), creds[0].certificateNo);
    await page.click(tid('owner-verify-submit'));
    await page.waitForSelector(tid('owner-code-sent'));
    expect(await page.textContent(tid('owner-code-sent'))).toContain('139****5678');
    await page.context().close();
  });
});
