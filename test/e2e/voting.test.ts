// Owners' assembly e-voting in the browser: an owner verifies and votes on a phone-sized page
// and gets a receipt code; a second attempt is refused; staff see the live turnout with the
// results hidden; after the close (the voting clock moved by the test, as in the API tests) the
// receipt is found in the record downloaded from the staff page, and after publication on the
// public page without a login.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Session, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, type Browser, type Page } from '../support/browser';
import { AFTER, DURING, fixtureCredentials, openedVote, tallyWithCli, voteClock, type Credential } from '../support/voting';

const clock = voteClock();
let t: TestApp;
let browser: Browser;
let base: string;
let committee: Session;
let creds: Credential[];
let voteId: string;
let receipt = '';

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  clock.set(DURING);
  creds = await fixtureCredentials(t, 'q1');
  committee = await t.login('committee');
  voteId = await openedVote(committee, t.fx.q1);
});
afterAll(async () => {
  clock.reset();
  await browser?.close();
  await t?.close();
});

const tid = (id: string) => `[data-testid="${id}"]`;

async function login(page: Page, username: string) {
  await page.goto(`${base}/login`);
  await page.fill(tid('login-username'), username);
  await page.fill(tid('login-password'), PASSWORD);
  await page.click(tid('login-submit'));
}

/** The demo fixture's `owner` account is the first owner of Q1, so creds[0] are theirs. */
async function verifyAs(page: Page, c: Credential) {
  await page.waitForSelector(tid('owner-verify-id'));
  await page.fill(tid('owner-verify-id'), c.idNumber);
  await page.fill(tid('owner-verify-cert'), c.certificateNo);
  await page.click(tid('owner-verify-submit'));
}

describe('owners assembly voting in the browser', () => {
  it('an owner verifies and votes on a phone, gets a receipt, and a second attempt is refused', async () => {
    const page = await newPhonePage(browser);
    await login(page, 'owner');
    await page.waitForSelector(`${tid('me-vote-row')}[data-vote-id="${voteId}"]`);
    await screenshot(page, 'e2e-vote-owner-home');
    await page.click(`${tid('me-vote-row')}[data-vote-id="${voteId}"] ${tid('me-vote-go')}`);

    // A wrong certificate number is not matched and says so.
    await page.waitForSelector(tid('owner-verify-id'));
    await page.fill(tid('owner-verify-id'), creds[0].idNumber);
    await page.fill(tid('owner-verify-cert'), '浙(2021)测试市不动产权第9999999号');
    await page.click(tid('owner-verify-submit'));
    await page.waitForSelector('.ant-alert-error');

    await verifyAs(page, creds[0]);
    await page.waitForSelector(tid('owner-choice-1-yes'));
    await page.click(tid('owner-choice-1-yes'));
    await page.click(tid('owner-choice-2-no'));
    await screenshot(page, 'e2e-vote-owner-ballot');
    await page.click(tid('owner-next'));
    await page.waitForSelector(tid('owner-confirm'));
    const confirm = await page.textContent(tid('owner-confirm'));
    expect(confirm).toContain('同意');
    expect(confirm).toContain('反对');
    await screenshot(page, 'e2e-vote-owner-confirm');
    await page.click(tid('owner-confirm-submit'));
    await page.waitForSelector(tid('owner-receipt-code'));
    receipt = ((await page.textContent(tid('owner-receipt-code'))) ?? '').trim();
    expect(receipt).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // The code and its copy button stay inside their box on one line.
    const fit = await page.evaluate(() => {
      const code = document.querySelector('[data-testid="owner-receipt-code"]')!.getBoundingClientRect();
      const box = document.querySelector('[data-testid="owner-receipt"] .ant-result-body')!.getBoundingClientRect();
      return { right: box.right - code.right, left: code.left - box.left, lines: Math.round(code.height / parseFloat(getComputedStyle(document.querySelector('[data-testid="owner-receipt-code"]')!).lineHeight)) };
    });
    expect(fit.right).toBeGreaterThanOrEqual(0);
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.lines).toBe(1);
    await screenshot(page, 'e2e-vote-owner-receipt');

    // Again: verifying once more shows the refusal with when and how the ballot was cast.
    await page.goto(`${base}/me/votes/${voteId}`);
    await verifyAs(page, creds[0]);
    await page.waitForSelector(tid('owner-refused'));
    const refusal = await page.textContent(tid('owner-refused'));
    expect(refusal).toContain('每位表决权人只能投一票');
    expect(refusal).toContain(receipt);
    const codeLines = await page.evaluate(() => {
      const code = document.querySelector('[data-testid="owner-refused"] .gz-receipt-code')!;
      return Math.round(code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).lineHeight));
    });
    expect(codeLines).toBe(1);
    await screenshot(page, 'e2e-vote-owner-refused');
    await page.context().close();

    // And the ballot endpoint itself refuses a second ballot of the member, whatever the channel.
    const paper = await committee.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: creds[0].unitId, choices: { '1': 'no', '2': 'no' }, proxyHolder: '家属' });
    expect(paper.statusCode).toBe(409);
  });

  it('staff see the live turnout in members and area with the results hidden', async () => {
    // Two more ballots: one online, one by proxy entered by staff.
    const v = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload: { idNumber: creds[1].idNumber, certificateNo: creds[1].certificateNo } });
    expect(v.statusCode).toBe(200);
    const cast = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: v.json().voterToken, choices: { '1': 'yes', '2': 'yes' } } });
    expect(cast.statusCode).toBe(201);
    expect((await committee.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: creds[2].unitId, choices: { '1': 'no', '2': 'yes' }, proxyHolder: '受托人' })).statusCode).toBe(201);

    const page = await newDesktopPage(browser, { acceptDownloads: true });
    await login(page, 'committee');
    await page.waitForSelector(tid('menu-votes'));
    await page.click(tid('menu-votes'));
    await page.click(`${tid('vote-row')}[data-vote-id="${voteId}"] ${tid('vote-link')}`);
    await page.waitForSelector(tid('vote-turnout-members'));
    const members = (await page.textContent(tid('vote-turnout-members'))) ?? '';
    expect(members.replace(/\s/g, '')).toMatch(/^3\//);
    expect(await page.isVisible(tid('vote-turnout-area'))).toBe(true);
    expect(await page.isVisible(tid('vote-result-hidden'))).toBe(true);
    expect(await page.locator(tid('vote-result')).count()).toBe(0);
    expect(await page.textContent(tid('vote-fingerprint'))).toMatch(/[0-9a-f]{64}/);
    // The log lists the ballots staff entered, not the online ones (docs/security.md).
    expect(await page.locator(tid('vote-entry-row')).count()).toBe(1);
    // Who is left: the members on the roll who have not voted, with an Excel export.
    const rollMembers = Number(((await page.textContent(tid('vote-roll-members'))) ?? '').replace(/\D/g, ''));
    await page.waitForSelector(tid('vote-not-voted-row'));
    expect(await page.locator(tid('vote-not-voted-row')).count()).toBe(Math.min(20, rollMembers - 3));
    const [sheet] = await Promise.all([page.waitForEvent('download'), page.click(tid('vote-not-voted-export'))]);
    expect(sheet.suggestedFilename()).toMatch(/^未投票名单.*\.xlsx$/);
    await screenshot(page, 'e2e-vote-staff-turnout');
    await page.context().close();
  });

  it('after the close the receipt is in the downloaded record, and after publication on the public page', async () => {
    clock.set(AFTER);
    const closed = await committee.post(`/api/votes/${voteId}/close`);
    expect(closed.statusCode).toBe(200);

    const page = await newDesktopPage(browser, { acceptDownloads: true });
    await login(page, 'committee');
    await page.waitForSelector(tid('header-user-name'));
    await page.goto(`${base}/votes/${voteId}`);
    await page.waitForSelector(tid('vote-result'));
    expect(await page.locator(tid('vote-result-row')).count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('vote-download'))]);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const record = JSON.parse(text) as { format: string; ballots: { hash: string }[] };
    expect(record.format).toBe('gongzhi.vote-record/2');
    const digits = receipt.replace(/-/g, '');
    expect(record.ballots.filter((b) => b.hash.startsWith(digits))).toHaveLength(1);
    // The downloaded file re-tallies with `gongzhi tally` to the result on the page.
    expect((await tallyWithCli(text)).status).toBe(0);
    // Staff can check an owner's receipt for them before the result is published.
    await page.fill(tid('vote-receipt-input'), receipt);
    await page.click(tid('vote-receipt-check'));
    await page.waitForSelector(tid('vote-receipt-found'));
    expect(await page.textContent(tid('vote-receipt-found'))).toContain('表决记录中有这张选票');
    // An objection raised during the objection period is recorded and answered on the page.
    await page.fill(tid('vote-objection-text'), '3幢业主反映未收到纸质选票');
    await page.click(tid('vote-objection-submit'));
    await page.waitForSelector(`${tid('vote-objections')} >> text=3幢业主反映未收到纸质选票`);
    await page.fill(`${tid('vote-objections')} input >> nth=0`, '已核实，补发选票记录附后');
    await page.click(tid('vote-objection-answer'));
    await page.waitForSelector(`${tid('vote-objections')} >> text=已核实，补发选票记录附后`);
    await screenshot(page, 'e2e-vote-staff-result');
    await page.context().close();

    // Publication after the objection period; then anyone can check the receipt.
    clock.set(new Date(new Date(closed.json().objectionEndsAt).getTime() + 60_000));
    expect((await committee.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
    const pub = await newPhonePage(browser);
    await pub.goto(`${base}/public/votes/${voteId}`);
    await pub.waitForSelector(tid('vote-result'));
    // On a phone the result is one block per item with both ratios, not a sideways-scrolling table.
    expect(await pub.locator(tid('vote-result-row')).count()).toBe(2);
    expect(await pub.locator(`${tid('vote-result')} table`).count()).toBe(0);
    const widest = await pub.evaluate(() => Math.max(...[...document.querySelectorAll('[data-testid="vote-result"] *')].map((e) => e.getBoundingClientRect().right)) - window.innerWidth);
    expect(widest).toBeLessThanOrEqual(1);
    await pub.fill(tid('vote-receipt-input'), receipt.toUpperCase());
    await pub.click(tid('vote-receipt-check'));
    await pub.waitForSelector(tid('vote-receipt-found'));
    // Version 2 has no ballot number: the owner sees the choices the record holds for the code.
    const found = (await pub.textContent(tid('vote-receipt-found'))) ?? '';
    expect(found).toContain('：同意');
    expect(found).toContain('：反对');
    await screenshot(pub, 'e2e-vote-public-receipt');
    await pub.fill(tid('vote-receipt-input'), '0000-0000-0000-0000');
    await pub.click(tid('vote-receipt-check'));
    await pub.waitForSelector(tid('vote-receipt-not-found'));
    await screenshot(pub, 'e2e-vote-public');
    await pub.context().close();
  });
});
