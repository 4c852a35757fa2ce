// The hierarchy of a district comes down to its communities; a community's quarters are loaded
// when it is opened (issue 9: the whole tree of 2,000 quarters was ≈200 KB on every page), on the
// home page, the places page and the account form's place picker, at 1440 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';

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

/** The API paths the page asked for. */
function requests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) seen.push(url.pathname + url.search);
  });
  return seen;
}

const treeNode = (page: Page, tree: string, name: string) => page.locator(`${tid(tree)} .ant-tree-treenode:not([aria-hidden])`, { hasText: name });

describe('the places tree loads a community’s quarters when it is opened', () => {
  it('on the home page and the places page', async () => {
    const page = await newDesktopPage(browser);
    const seen = requests(page);
    await submitLogin(page, base, 'district', PASSWORD);
    await treeNode(page, 'place-tree', '一社区').first().waitFor();
    expect(seen.filter((u) => u.startsWith('/api/places/tree'))).toEqual(['/api/places/tree?depth=community']);
    // The communities are shown closed, their quarters not yet asked for.
    expect(await treeNode(page, 'place-tree', '一号小区').count()).toBe(0);
    expect(seen.some((u) => u.includes('communityId='))).toBe(false);

    await treeNode(page, 'place-tree', '一社区').first().locator('.ant-tree-switcher').click();
    await treeNode(page, 'place-tree', '一号小区').first().waitFor();
    expect(seen.filter((u) => u.includes(`communityId=${t.fx.communityA1}`)).length).toBe(1);
    expect(await treeNode(page, 'place-tree', '二号小区').count()).toBe(0);
    await screenshot(page, 'e2e-places-tree-home');
    await treeNode(page, 'place-tree', '一号小区').first().locator('.ant-tree-title').click();
    await page.waitForURL(new RegExp(`/quarters/${t.fx.q1}`));

    // The places page: selecting a community lists its quarters beside the tree.
    await page.goto(`${base}/places`);
    await treeNode(page, 'places-tree', '二社区').first().waitFor();
    await treeNode(page, 'places-tree', '二社区').first().locator('.ant-tree-title').click();
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '二号小区' }).count()).toBe(1);
    await screenshot(page, 'e2e-places-tree-places');
  });

  it('in the account form’s place picker', async () => {
    const page = await newDesktopPage(browser);
    await submitLogin(page, base, 'district', PASSWORD);
    await page.waitForSelector(tid('place-tree'));
    await page.goto(`${base}/users`);
    await page.click(tid('user-create'));
    // A click on the picker while the dialog still zooms in can be lost: wait for its motion to end.
    await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
    await page.locator(`${tid('user-form-scope')}`).first().click();
    const option = (name: string) => page.locator('.ant-select-tree-treenode', { hasText: name });
    await option('三社区').first().waitFor();
    expect(await option('三号小区').count()).toBe(0);
    await option('三社区').first().locator('.ant-select-tree-switcher').click();
    await option('三号小区').first().click();
    // A quarter picked: the roles of a quarter are offered.
    await page.locator(tid('user-form-role')).first().click();
    await page.locator('.ant-select-item-option', { hasText: '小区专员' }).first().waitFor();
    await screenshot(page, 'e2e-places-tree-picker');
  });
});
