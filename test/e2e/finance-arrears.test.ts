// The arrears list under a pack without the disclosure (the fixture's district is under ZAS, as
// the demo's is; 西政办〔2020〕29号 二（三）10 is the XH pack's): at 1440 px the property company
// finds the import template beside the import, and the community office sees the recorded list
// with the pack's refusal and its clause instead of a publish button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PASSWORD, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  const company = await t.login('company');
  const rows = [
    { building: '2幢', unit: '1-602', monthsOwed: 8, amountFen: 264_000 },
    { building: '5幢', unit: '1-301', monthsOwed: 13, amountFen: 401_700 },
  ];
  expect((await company.post(`/api/quarters/${t.fx.q1}/arrears`, { period: '2026H1', rows })).statusCode).toBe(201);
}, 120_000);
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

describe('the arrears list where the pack has no disclosure', () => {
  it('the company downloads the import template beside the import', async () => {
    const page = await as('company', `/finance?quarterId=${t.fx.q1}&tab=records`);
    await page.waitForSelector(tid('arrears-template'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('arrears-template'))]);
    expect(download.suggestedFilename()).toBe('物业费欠费名单导入模板.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(String(wb.worksheets[0].getCell('A3').value)).toMatch(/^示例（导入时跳过）/);
    await page.context().close();
  });

  it('the community office sees the recorded list with the refusal and its clause, and no publish button', async () => {
    const page = await as('community', `/finance?quarterId=${t.fx.q1}&tab=records`);
    const card = page.locator(tid('arrears-list'));
    await card.locator(tid('arrears-not-allowed')).waitFor();
    await card.scrollIntoViewIfNeeded();
    const text = await card.innerText();
    expect(text).toContain('2026H1');
    expect(text).toContain('没有欠费公示制度');
    expect(text).toContain('西政办〔2020〕29号 二（三）10');
    expect(await card.locator(tid('arrears-publish')).count()).toBe(0);
    expect(await card.locator(tid('arrears-not-allowed')).getAttribute('title')).toContain('西政办〔2020〕29号 二（三）10');
    await screenshot(page, 'e2e-finance-arrears-zas');
    await page.context().close();
  });
});
