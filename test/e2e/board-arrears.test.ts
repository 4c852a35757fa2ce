// The arrears disclosure on the public board (欠费公示, 西政办〔2020〕29号 二（三）10) on a phone of
// 390 px: under the XH pack a published list shows building, masked room, months and amount —
// never a name, a phone or the full room number. Staff see the lists at 1440 px, the unpublished
// one with its publish button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser } from '../support/browser';
import { PASSWORD } from '../support/app';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  await t.db.kysely.updateTable('districts').set({ policy_pack: 'XH' }).where('id', '=', t.fx.districtA).execute();
  const company = await t.login('company');
  const rows = [
    { building: '3幢', unit: '1-1201', monthsOwed: 7, amountFen: 215_600 },
    { building: '5幢', unit: '2-302', monthsOwed: 12, amountFen: 369_600 },
  ];
  expect((await company.post(`/api/quarters/${t.fx.q1}/arrears`, { period: '2026H1', rows })).statusCode).toBe(201);
  const community = await t.login('community');
  const list = (await community.get(`/api/quarters/${t.fx.q1}/arrears`)).json();
  expect((await community.post(`/api/arrears-lists/${list.items[0].id}/publish`)).statusCode).toBe(200);
  expect((await company.post(`/api/quarters/${t.fx.q1}/arrears`, { period: '2025H2', rows: [{ building: '1幢', unit: '1-101', monthsOwed: 6, amountFen: 180_000 }] })).statusCode).toBe(201);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the arrears card of the public board', () => {
  it('shows the published list with the rooms masked', async () => {
    const page = await newPhonePage(browser);
    await page.goto(`${base}/q/${t.fx.q1}`);
    const card = page.locator(tid('board-arrears'));
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    const text = await card.innerText();
    expect(text).toContain('3幢 1-***');
    expect(text).toContain('西政办〔2020〕29号 二（三）10');
    expect(text).not.toMatch(/1201|302/);
    await screenshot(page, 'e2e-board-arrears-phone');
  });

  it('lists the company’s lists for the community at 1440 px, the public form beside the full one', async () => {
    const page = await newDesktopPage(browser);
    await submitLogin(page, base, 'community', PASSWORD);
    await page.waitForSelector(tid('side-menu'));
    await page.goto(`${base}/finance?quarterId=${t.fx.q1}&tab=records`);
    const card = page.locator(tid('arrears-list'));
    await card.waitFor();
    await card.locator(tid('arrears-publish')).waitFor();
    await card.locator('.ant-table-row-expand-icon').first().click();
    await card.getByText('1-***').first().waitFor();
    await card.scrollIntoViewIfNeeded();
    expect(await card.innerText()).toContain('西政办〔2020〕29号 二（三）10');
    await screenshot(page, 'e2e-finance-arrears');
  });
});
