// A community worker logs in, opens a quarter dossier, imports a file with a bad row and sees
// the row errors; an owner logs in on a phone and sees their quarter. Real server, real
// database, the built web app, Debian's Chromium.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, testIdNumber, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, tid, type Browser } from '../support/browser';

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

async function badFile(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('房屋业主');
  ws.addRow(['楼栋', '房号', '专有部分面积(㎡)', '用途', '不动产权证号', '业主类型', '业主姓名', '身份证号', '联系电话']);
  ws.addRow(['1幢', '3-301', '88.5', '住宅', '', '个人', '好行', testIdNumber(), '']);
  ws.addRow(['1幢', '3-302', '面积不详', '住宅', '', '个人', '坏行', testIdNumber(), '']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gz-e2e-')), '导入-有错误.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('registry in the browser', () => {
  it('a community worker logs in, opens the dossier, and sees every bad row of a rejected import', async () => {
    const page = await newDesktopPage(browser);
    await page.goto(`${base}/login`);
    await page.fill(tid('login-username'), 'community');
    await page.fill(tid('login-password'), PASSWORD);
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('quarter-list'));
    await screenshot(page, 'e2e-home-desktop');

    await page.click(`${tid('quarter-row')}[data-quarter-id="${t.fx.q1}"] ${tid('quarter-link')}`);
    await page.waitForSelector(tid('dossier-title'));
    expect(await page.textContent(tid('dossier-title'))).toContain('一号小区');
    await screenshot(page, 'e2e-dossier-desktop');

    await page.click(tid('dossier-tab-import'));
    const before = (await (await t.login('community')).get(`/api/quarters/${t.fx.q1}/units?pageSize=1`)).json().total;
    await page.setInputFiles(tid('import-upload'), await badFile());
    await page.waitForSelector(tid('import-errors'));
    const rows = await page.locator(tid('import-error-row')).allTextContents();
    expect(rows.length).toBe(1);
    expect(rows[0]).toContain('3');
    expect(rows[0]).toContain('不是数字');
    await screenshot(page, 'e2e-import-rejected');
    const after = (await (await t.login('community')).get(`/api/quarters/${t.fx.q1}/units?pageSize=1`)).json().total;
    expect(after).toBe(before);
    await page.context().close();
  });

  it('an owner logs in on a phone and sees their quarter and units', async () => {
    const page = await newPhonePage(browser);
    await page.goto(`${base}/login`);
    await screenshot(page, 'e2e-login-phone');
    await page.fill(tid('login-username'), 'owner');
    await page.fill(tid('login-password'), PASSWORD);
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('me-quarter-name'));
    expect(await page.textContent(tid('me-quarter-name'))).toContain('一号小区');
    expect(await page.locator(tid('me-unit-row')).count()).toBe(1);
    // Nothing on the page is wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'e2e-owner-phone');
    await page.context().close();
  });

  it('a wrong password shows a clear message in Chinese', async () => {
    const page = await newDesktopPage(browser);
    await page.goto(`${base}/login`);
    await page.fill(tid('login-username'), 'community');
    await page.fill(tid('login-password'), 'not-the-password');
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('login-error'));
    expect(await page.textContent(tid('login-error'))).toContain('用户名或密码不正确');
    await page.context().close();
  });
});
