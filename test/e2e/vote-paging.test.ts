// The vote list pages on the server (issue 9): 25 votes of a quarter, a page of 20 rows, the next
// page asked of the server, and a filter by phase, at 1440 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type TestApp } from '../support/app';
import { voteBody } from '../support/voting';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser } from '../support/browser';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  const committee = await t.login('committee');
  for (let i = 1; i <= 25; i++) {
    const res = await committee.post('/api/votes', voteBody(t.fx.q1, { title: `翻页表决${String(i).padStart(2, '0')}` }));
    expect(res.statusCode).toBe(201);
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the vote list pages on the server', () => {
  it('shows 20 votes a page, asks the server for the next, and filters by phase', async () => {
    const page = await newDesktopPage(browser);
    const asked: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/votes') asked.push(url.search);
    });
    await submitLogin(page, base, 'committee', PASSWORD);
    await page.goto(`${base}/votes`);
    await page.waitForSelector(`${tid('vote-list')} ${tid('vote-row')}`);
    expect(await page.locator(tid('vote-row')).count()).toBe(20);
    // Newest first: the last one written heads the list.
    expect(await page.locator(tid('vote-row')).first().textContent()).toContain('翻页表决25');

    await page.click('.ant-pagination-item-2');
    await expect.poll(() => page.locator(tid('vote-row')).first().textContent()).toContain('翻页表决05');
    expect(await page.locator(tid('vote-row')).count()).toBe(5);
    expect(asked.some((s) => s.includes('page=2') && s.includes('pageSize=20'))).toBe(true);
    await screenshot(page, 'e2e-vote-list-paged');

    await page.click(tid('vote-phase-filter'));
    await page.locator('.ant-select-item-option', { hasText: '已公示' }).click();
    await expect.poll(() => page.locator(tid('vote-row')).count()).toBe(0);
    expect(asked.some((s) => s.includes('phase=published') && s.includes('page=1'))).toBe(true);
  });
});
