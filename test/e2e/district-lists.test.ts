// The district-wide lists in the browser (issue 9): the accounts page asks the server for one
// page, filtered and sorted there; the header's inbox shows the server's unread count and loads
// more items a page at a time. Desktop, 1440 px, zh-CN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyUsers } from '../../src/server/modules/notifications';
import { insertUser } from '../../src/server/modules/users/service';
import { PASSWORD, type TestApp } from '../support/app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser } from '../support/browser';
import { serveBuiltWebApp } from '../support/web-app';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  for (let i = 1; i <= 35; i++) {
    await insertUser(t.db.kysely, { username: `grid${String(i).padStart(2, '0')}`, displayName: `网格员${i}`, role: 'grid_worker', scopeLevel: 'quarter', scopeId: t.fx.q1, password: PASSWORD });
  }
  const district = await t.db.kysely.selectFrom('users').select(['id', 'district_id']).where('username', '=', 'district').executeTakeFirstOrThrow();
  for (let i = 1; i <= 25; i++) await notifyUsers(t.db.kysely, [district.id], district.district_id, { kind: 'reminder', title: `提醒${i}`, dedupeKey: `lists-${i}` });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('district lists in the browser', () => {
  it('the accounts page pages and filters on the server; the inbox loads more', async () => {
    const page = await newDesktopPage(browser);
    await submitLogin(page, base, 'district', PASSWORD);
    await page.waitForSelector(tid('header-user-name'));
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/users?')) asked.push(r.url());
    });
    await page.goto(`${base}/users`);
    await page.waitForSelector(tid('user-row'));
    expect(await page.locator(tid('user-row')).count()).toBe(30);
    await page.locator(`${tid('user-search')} input`).fill('网格员3');
    await page.locator(`${tid('user-search')} input`).press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="user-row"]').length < 30);
    // 网格员3 and 网格员30 to 网格员35.
    expect(await page.locator(tid('user-row')).count()).toBe(7);
    expect(asked.some((u) => decodeURIComponent(u).includes('q=网格员3'))).toBe(true);
    expect(asked.every((u) => u.includes('pageSize=30'))).toBe(true);
    await screenshot(page, 'e2e-district-lists-accounts');

    expect(await page.getAttribute(tid('inbox-count'), 'data-count')).toBe('25');
    await page.click(tid('inbox-button'));
    await page.waitForSelector(tid('inbox-item'));
    expect(await page.locator(tid('inbox-item')).count()).toBe(20);
    await page.click(tid('inbox-more'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="inbox-item"]').length === 25);
    expect(await page.locator(tid('inbox-more')).count()).toBe(0);
    await screenshot(page, 'e2e-district-lists-inbox');
  });
});
