// The staff menu with every module in it: a module's desks stand under one heading (cases,
// hazards, disputes and patrols under 诉求与平安; proposals, meetings and livelihood projects under
// 议事协商) instead of fifteen entries in a row; the heading of the page one is on is open and its
// entry selected, wherever one came from. Desktop, 1440 px, zh-CN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type TestApp } from '../support/app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser } from '../support/browser';
import { serveBuiltWebApp } from '../support/web-app';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the staff menu', () => {
  it('groups a module’s desks under one heading and opens the heading of the page shown', async () => {
    const page = await newDesktopPage(browser);
    await submitLogin(page, base, 'community', PASSWORD);
    await page.waitForSelector(tid('header-user-name'));
    const menu = page.locator(tid('side-menu'));
    // The two headings, in the place of their first entries; their entries are not shown yet.
    expect(await menu.locator(tid('menu-cases-group')).textContent()).toBe('诉求与平安');
    expect(await menu.locator(tid('menu-deliberation-group')).textContent()).toBe('议事协商');
    expect(await page.locator(tid('menu-hazards')).isVisible()).toBe(false);
    // Opening a heading shows its entries; an entry leads to its page.
    await page.click(tid('menu-cases-group'));
    await page.click(tid('menu-hazards'));
    await page.waitForURL(/\/hazards$/);
    // A page reached by its address opens its heading and selects its entry.
    await page.goto(`${base}/meetings`);
    await page.waitForSelector(tid('menu-meetings'), { state: 'visible' });
    const selected = menu.locator('.ant-menu-item-selected');
    expect(await selected.textContent()).toBe('联席会议');
    // Entries without a group stand alone, as before.
    expect(await page.locator(tid('menu-votes')).isVisible()).toBe(true);
    await screenshot(page, 'e2e-menu-groups');
  });
});
