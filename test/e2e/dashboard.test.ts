// The offices' supervision dashboard (工作台, issues 12 and 13) on the demo district: the community
// office opens it from the staff menu and sees the demo's overdue case (sent up to the street) and
// its overdue joint-meeting action, each a link; the three rates per quarter, and per community for
// the street with "—" where nothing is counted; the place filter narrows the street's view to a community. Real
// server on the seeded demo, the built web app, Debian's Chromium at 1440 px, zh-CN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { migrate, type Db } from '../../src/server/db/index';
import { loadHashKey } from '../../src/server/platform/keys';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/seed/write';
import { openTestDb } from '../support/app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { WEB_DIR } from '../support/web-app';

let demo: { db: Db; drop: () => Promise<void> };
let app: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  demo = await openTestDb();
  await migrate(demo.db);
  await seedDemo(demo.db.kysely, await loadHashKey(demo.db));
  app = await buildApp({ db: demo.db, webDir: WEB_DIR, rateLimitPerMinute: 1_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await demo?.drop();
});

const SHOWN = { timeout: 15_000 };

async function login(page: Page, username: string) {
  await submitLogin(page, base, username, DEMO_PASSWORD);
  await page.waitForSelector(tid('header-user-name'));
}

describe('the supervision dashboard', () => {
  it('the community office sees the overdue case and the overdue action of the demo, and follows the action', { timeout: 120_000 }, async () => {
    const page = await newDesktopPage(browser);
    await login(page, 'community');
    await page.click(tid('menu-dashboard'));
    await page.waitForURL(/\/dashboard$/);
    await page.waitForSelector(tid('dashboard-page'));
    // The overdue case that the deadline job sent up to the street (湘建房〔2021〕231号 五（二）).
    const overdueCase = page.locator(tid('dashboard-overdue-case'));
    await expect.poll(() => overdueCase.count(), SHOWN).toBeGreaterThanOrEqual(1);
    expect(await overdueCase.first().textContent()).toContain('已上报街道');
    expect(await page.locator(tid('dashboard-cases-overdue')).textContent()).toContain('湘建房〔2021〕231号 五（二）');
    // The overdue action of the held joint meeting.
    const overdueAction = page.locator(tid('dashboard-overdue-action'));
    await expect.poll(() => overdueAction.count(), SHOWN).toBeGreaterThanOrEqual(1);
    expect(await page.locator(tid('dashboard-actions')).textContent()).toContain('T/ZAS 4006.1—2020 6.1.6');
    // The three rates per quarter of the community; a quarter without cases shows "—".
    const rates = page.locator(tid('dashboard-cases-rates'));
    expect(await rates.textContent()).toContain('各小区');
    const rows = page.locator(tid('dashboard-rates-row'));
    await expect.poll(() => rows.count(), SHOWN).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'e2e-dashboard-community');

    // The action's link leads to the action.
    const actionId = await overdueAction.first().getAttribute('data-action-id');
    await overdueAction.first().locator('a').click();
    await page.waitForURL(new RegExp(`/actions/${actionId}$`));
    await page.context().close();
  });

  it('the street office sees its communities and narrows the dashboard to one of them', { timeout: 120_000 }, async () => {
    const page = await newDesktopPage(browser);
    await login(page, 'street');
    await page.goto(`${base}/dashboard`);
    await page.waitForSelector(tid('dashboard-cases-rates'));
    expect(await page.locator(tid('dashboard-place-name')).textContent()).toContain('街道');
    expect(await page.locator(tid('dashboard-cases-rates')).textContent()).toContain('各社区');
    const communities = page.locator(tid('dashboard-rates-row'));
    await expect.poll(() => communities.count(), SHOWN).toBeGreaterThanOrEqual(2);
    // A community without cases has its row, its rates "—" rather than 0% or a division by zero.
    const empty = communities.filter({ hasText: '—' }).first();
    expect((await empty.locator('td').allTextContents()).slice(1, 5)).toEqual(['0', '—', '—', '—']);
    await screenshot(page, 'e2e-dashboard-street');
    // Narrowed with the place filter to the first community of the table (its key is the community's id).
    const communityId = await communities.first().getAttribute('data-key');
    const name = (await communities.first().locator('td').first().textContent())!;
    await page.locator(tid('dashboard-place')).first().click();
    await page.locator('.ant-select-tree-treenode', { hasText: name }).first().click();
    await page.waitForURL(new RegExp(`/dashboard\\?place=${communityId}$`));
    await expect.poll(() => page.locator(tid('dashboard-place-name')).textContent(), SHOWN).toContain(name);
    await expect.poll(() => page.locator(tid('dashboard-cases-rates')).textContent(), SHOWN).toContain('各小区');
    await screenshot(page, 'e2e-dashboard-street-narrowed');
    // Its address can be sent on: opened again, it shows the same community.
    await page.goto(`${base}/dashboard?place=${communityId}`);
    await expect.poll(() => page.locator(tid('dashboard-place-name')).textContent(), SHOWN).toContain(name);
    await page.context().close();
  });
});
