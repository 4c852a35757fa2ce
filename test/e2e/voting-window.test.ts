// A vote published ahead of its window (issue 10 point 1): the staff button says it publishes
// the vote rather than 开始投票, the owner's home and vote page say when voting opens (China
// Standard Time, whatever the browser's zone) with no form to fill, staff get no entry form,
// and from the start the owner can verify. Phone pages at 390 px, staff at 1440 px, zh-CN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Session, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { fixtureCredentials, voteBody, voteClock } from '../support/voting';

const clock = voteClock();
let t: TestApp;
let browser: Browser;
let base: string;
let committee: Session;
let voteId: string;

// A window after the real date, so that the staff page (which reads the browser's clock for a
// draft) and the server (the voting clock of the test) agree that it has not started.
const OPENS = '2027-03-02T08:00:00+08:00';
const CLOSES = '2027-03-15T24:00:00+08:00';

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  clock.set('2027-02-20T09:00:00+08:00');
  await fixtureCredentials(t, 'q1');
  committee = await t.login('committee');
  const created = await committee.post('/api/votes', voteBody(t.fx.q1, { opensAt: OPENS, closesAt: CLOSES, title: '2027年业主大会（提前发布）' }));
  expect(created.statusCode).toBe(201);
  voteId = created.json().id;
});
afterAll(async () => {
  clock.reset();
  await browser?.close();
  await t?.close();
});

async function login(page: Page, username: string) {
  await submitLogin(page, base, username, PASSWORD);
}

describe('a vote published before its window starts', () => {
  it('staff publish it with a button that does not say 开始投票, and see 未开始 with no entry form', async () => {
    const page = await newDesktopPage(browser);
    await login(page, 'committee');
    await page.waitForSelector(tid('header-user-name'));
    await page.goto(`${base}/votes/${voteId}`);
    await page.waitForSelector(tid('vote-open'));
    const label = ((await page.textContent(tid('vote-open'))) ?? '').replace(/\s/g, '');
    expect(label).toBe('发布表决（冻结名册）');
    expect(label).not.toContain('开始投票');
    await page.click(tid('vote-open'));
    await page.waitForSelector('.ant-modal-confirm');
    expect(await page.textContent('.ant-modal-confirm')).toContain('投票将于 2027-03-02 08:00（北京时间）开始');
    await screenshot(page, 'e2e-vote-window-staff-publish');
    await page.click('.ant-modal-confirm .ant-btn-primary');
    await page.waitForSelector(`${tid('vote-status')}[data-phase="upcoming"]`);
    expect(await page.textContent(tid('vote-status'))).toBe('未开始');
    await page.waitForSelector(tid('vote-entry-not-taking'));
    expect(await page.textContent(tid('vote-entry-not-taking'))).toContain('投票将于 2027-03-02 08:00（北京时间）开始，届时才能录入纸质选票和委托投票');
    expect(await page.locator(tid('vote-entry-form')).count()).toBe(0);
    await screenshot(page, 'e2e-vote-window-staff-upcoming');
    // The list names the state the same way.
    await page.goto(`${base}/votes`);
    await page.waitForSelector(`${tid('vote-row')}[data-vote-id="${voteId}"]`);
    expect(await page.textContent(`${tid('vote-row')}[data-vote-id="${voteId}"] ${tid('vote-status')}`)).toBe('未开始');
    await page.context().close();
  });

  it('the owner, in a browser far from China, reads when voting opens in China Standard Time and finds no form', async () => {
    const page = await newPhonePage(browser, { timezoneId: 'America/New_York' });
    await login(page, 'owner');
    const row = `${tid('me-vote-row')}[data-vote-id="${voteId}"]`;
    await page.waitForSelector(row);
    const home = (await page.textContent(row)) ?? '';
    expect(home).toContain('未开始');
    expect(home).toContain('投票将于 2027-03-02 08:00（北京时间）开始');
    expect(home).not.toContain('投票中');
    expect(((await page.textContent(`${row} ${tid('me-vote-go')}`)) ?? '').replace(/\s/g, '')).toBe('查看');
    await screenshot(page, 'e2e-vote-window-owner-home');
    await page.click(`${row} ${tid('me-vote-go')}`);
    await page.waitForSelector(tid('owner-starts-at'));
    expect(await page.textContent(tid('owner-starts-at'))).toContain('投票将于 2027-03-02 08:00（北京时间）开始');
    expect(await page.locator(tid('owner-verify-id')).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    await screenshot(page, 'e2e-vote-window-owner-upcoming');

    // Once the window has started, the same page offers the verification.
    clock.set('2027-03-02T08:00:01+08:00');
    await page.reload();
    await page.waitForSelector(tid('owner-verify-id'));
    expect(await page.textContent(tid('vote-status'))).toBe('投票中');
    await page.context().close();
  });
});
