// The commissioner's photo in the dossier's organisations tab at 1440 px (T/ZAS 4006.1—2020
// 6.1.3.5): the community office uploads a photo, drawn down in the browser before it is sent,
// and sees it beside the record; the commissioner, who keeps other records, is not offered the
// upload; the public board names the same photo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { portraitPng } from '../support/photos';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  await t.db.kysely
    .insertInto('commissioners')
    .values({ district_id: t.fx.districtA, quarter_id: t.fx.q1, name: '周敏', phone: '13857100001', trained_on: '2024-02-20', started_on: '2024-03-01' })
    .execute();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function organisationsTab(username: string): Promise<Page> {
  const page = await newDesktopPage(browser);
  await submitLogin(page, base, username, PASSWORD);
  await page.goto(`${base}/quarters/${t.fx.q1}?tab=section-organizations`);
  await page.waitForSelector(tid('org-commissioner-row'));
  return page;
}

describe("the commissioner's photo in the dossier", () => {
  it('is uploaded by the community office and shown beside the record', async () => {
    const page = await organisationsTab('community');
    const card = page.locator(tid('org-commissioner'));
    await card.locator('input[type=file]').setInputFiles({ name: 'zhoumin.png', mimeType: 'image/png', buffer: portraitPng(600, 800) });
    const photo = card.locator(`img${tid('org-commissioner-photo')}`);
    await photo.waitFor();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    const src = await photo.getAttribute('src');
    const board = (await (await page.request.get(`${base}/api/public/quarters/${t.fx.q1}`)).json()) as { commissioner: { photoUrl: string } };
    expect(board.commissioner.photoUrl).toBe(src);
    const served = await page.request.get(`${base}${src}`);
    expect(served.headers()['content-type']).toBe('image/jpeg');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'e2e-commissioner-photo-dossier', { fullPage: false });
    await page.context().close();
  });

  it('is not offered to the commissioner, who does not appoint', async () => {
    const page = await organisationsTab('commissioner');
    expect(await page.locator(tid('org-commissioner-photo-upload')).count()).toBe(0);
    await page.locator(tid('org-commissioner-photo')).first().waitFor();
    await page.context().close();
  });
});
