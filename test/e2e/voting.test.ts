// Owners' assembly e-voting in the browser: an owner verifies (two numbers, then the one-time code
// from the server log, as in the demo) and votes on a phone-sized page and gets a receipt code;
// the page then says 已投票, with the receipt only on the device that cast it; staff see the live turnout with the
// results hidden; after the close (the voting clock moved by the test, as in the API tests) the
// receipt is found in the record downloaded from the staff page, and after publication on the
// public page without a login.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Session, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { AFTER, DURING, fixtureCredentials, lastCodeFor, openedVote, tallyWithCli, voteClock, voteOnline, type Credential } from '../support/voting';

const clock = voteClock();
let t: TestApp;
let browser: Browser;
let base: string;
let committee: Session;
let creds: Credential[];
let voteId: string;
let receipt = '';
let otherReceipt = '';

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  clock.set(DURING);
  creds = await fixtureCredentials(t, 'q1');
  committee = await t.login('committee');
  voteId = await openedVote(committee, t.fx.q1);
  // Another member votes first, through the API.
  const cast = await voteOnline(t, voteId, creds[1], { '1': 'yes', '2': 'yes' }, '10.40.0.1');
  expect(cast.statusCode).toBe(201);
  otherReceipt = cast.json().receiptCode;
});
afterAll(async () => {
  clock.reset();
  await browser?.close();
  await t?.close();
});

async function login(page: Page, username: string) {
  await submitLogin(page, base, username, PASSWORD);
}

/** The demo fixture's `owner` account is the first owner of Q1, so creds[0] are theirs. */
async function enterNumbers(page: Page, c: Credential) {
  await page.waitForSelector(tid('owner-verify-id'));
  await page.fill(tid('owner-verify-id'), c.idNumber);
  await page.fill(tid('owner-verify-cert'), c.certificateNo);
  await page.click(tid('owner-verify-submit'));
}

describe('owners assembly voting in the browser', () => {
  it('an owner verifies with the one-time code and votes on a phone, gets a receipt, and then sees 已投票 (the receipt only on that device)', async () => {
    const page = await newPhonePage(browser);
    await login(page, 'owner');
    await page.waitForSelector(`${tid('me-vote-row')}[data-vote-id="${voteId}"]`);
    await screenshot(page, 'e2e-vote-owner-home');
    await page.click(`${tid('me-vote-row')}[data-vote-id="${voteId}"] ${tid('me-vote-go')}`);

    // Another member's numbers (that member voted already): 已投票 and the day, no receipt code.
    await enterNumbers(page, creds[1]);
    await page.waitForSelector(tid('owner-voted'));
    const other = (await page.textContent(tid('owner-voted'))) ?? '';
    expect(other).toContain('您已于 2026-03-05 投票');
    expect(other).toContain('回执码只在投票时显示一次');
    expect(other).not.toContain(otherReceipt);
    expect(await page.locator(tid('owner-voted-receipt')).count()).toBe(0);
    await screenshot(page, 'e2e-vote-owner-voted-elsewhere');
    await page.goto(`${base}/me/votes/${voteId}`);

    // A wrong certificate number is not matched and says so.
    await page.waitForSelector(tid('owner-verify-id'));
    await page.fill(tid('owner-verify-id'), creds[0].idNumber);
    await page.fill(tid('owner-verify-cert'), '浙(2021)测试市不动产权第9999999号');
    await page.click(tid('owner-verify-submit'));
    await page.waitForSelector('.ant-alert-error');

    // A wrong one-time code is refused with the tries left; the right one opens the ballot.
    const sent = t.sms.length;
    await enterNumbers(page, creds[0]);
    await page.waitForSelector(tid('owner-code-input'));
    expect(t.sms.length).toBe(sent + 1);
    const phone = t.sms.at(-1)!.to;
    expect(await page.textContent(tid('owner-code-sent'))).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    // The server reports the log channel, so the page says where the code is; the code is read
    // from the line the log channel wrote, as a demo user reads the server log.
    expect(await page.textContent(tid('owner-code-in-log'))).toContain('验证码写在服务器日志中');
    expect(await page.isDisabled(tid('owner-code-resend'))).toBe(true);
    const code = await lastCodeFor(t, creds[0].ownerId);
    await page.fill(tid('owner-code-input'), String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
    await page.click(tid('owner-code-submit'));
    await page.waitForSelector(tid('owner-code-error'));
    expect(await page.textContent(tid('owner-code-error'))).toContain('验证码不对，还可以再试 4 次');
    await screenshot(page, 'e2e-vote-owner-code');
    await page.fill(tid('owner-code-input'), code);
    await page.click(tid('owner-code-submit'));
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

    // Reloading the page on this device: 已投票 with the receipt code kept here, no form.
    await page.goto(`${base}/me/votes/${voteId}`);
    await page.waitForSelector(tid('owner-voted'));
    expect(await page.locator(tid('owner-verify-id')).count()).toBe(0);
    expect(((await page.textContent(tid('owner-voted-receipt'))) ?? '').trim()).toBe(receipt);
    const voted = (await page.textContent(tid('owner-voted'))) ?? '';
    expect(voted).toContain('已投票');
    expect(voted).toContain('在公开的表决记录中找到您的选票');
    const codeLines = await page.evaluate(() => {
      const code = document.querySelector('[data-testid="owner-voted"] .gz-receipt-code')!;
      return Math.round(code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).lineHeight));
    });
    expect(codeLines).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(page, 'e2e-vote-owner-voted');
    // From home: the vote says 已投票 and leads to the same page.
    await page.goto(`${base}/me`);
    const row = `${tid('me-vote-row')}[data-vote-id="${voteId}"]`;
    await page.waitForSelector(row);
    expect(await page.textContent(row)).toContain('已投票');
    await page.click(`${row} ${tid('me-vote-go')}`);
    await page.waitForSelector(tid('owner-voted-receipt'));
    await page.context().close();

    // The same owner on another device: 已投票, and no receipt code (it was shown once, there).
    const other2 = await newPhonePage(browser);
    await login(other2, 'owner');
    await other2.waitForSelector(`${tid('me-vote-row')}[data-vote-id="${voteId}"]`);
    await other2.goto(`${base}/me/votes/${voteId}`);
    await other2.waitForSelector(tid('owner-voted'));
    expect(await other2.textContent(tid('owner-voted'))).toContain('回执码只在投票时显示一次');
    expect(await other2.locator(tid('owner-voted-receipt')).count()).toBe(0);
    expect(await other2.textContent('body')).not.toContain(receipt);
    await screenshot(other2, 'e2e-vote-owner-voted-other-device');
    await other2.context().close();

    // And the ballot endpoint itself refuses a second ballot of the member, whatever the channel.
    const paper = await committee.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: creds[0].unitId, choices: { '1': 'no', '2': 'no' }, proxyHolder: '家属' });
    expect(paper.statusCode).toBe(409);
  });

  it('staff see the live turnout in members and area with the results hidden', async () => {
    // Two ballots so far, both online: creds[1]'s (cast through the API first) and the owner's;
    // then one by proxy, entered by staff.
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

    // The owner, after the close: the result is pending, and the page still says 已投票.
    const owner = await newPhonePage(browser);
    await login(owner, 'owner');
    await owner.waitForSelector(`${tid('me-vote-row')}[data-vote-id="${voteId}"]`);
    await owner.goto(`${base}/me/votes/${voteId}`);
    await owner.waitForSelector(tid('owner-voted'));
    expect(await owner.textContent('body')).toContain('投票已结束，结果将在异议期满后公布');
    await owner.context().close();

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
