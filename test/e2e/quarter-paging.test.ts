// The quarter list of a district office pages and sorts on the server (issue 9): 45 more quarters
// than the fixture's, a page of 20 rows, the next page and a sort by households through the
// address, and a sort by units from the column's header (the counts kept a quarter), at 1440 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { PASSWORD, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, screenshot, tid, type Browser } from '../support/browser';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  const { districtA, streetA1, communityA1 } = t.fx;
  await sql`
    INSERT INTO quarters (district_id, street_id, community_id, name, address, total_building_area, delivered_area, first_delivery_date, households)
    SELECT ${districtA}, ${streetA1}, ${communityA1}, '翻页' || lpad(g::text, 2, '0') || '苑', '翻页路' || g || '号', 5000000, 4000000, '2012-05-01', 100 + g
    FROM generate_series(1, 45) g`.execute(t.db.kysely);
  // One of them with more units than any other quarter, one building of 3 floors × 30.
  await sql`
    INSERT INTO buildings (district_id, quarter_id, name, floors) SELECT district_id, id, '1幢', 3 FROM quarters WHERE name = '翻页07苑'`.execute(t.db.kysely);
  await sql`
    INSERT INTO units (district_id, quarter_id, building_id, number, exclusive_area)
    SELECT b.district_id, b.quarter_id, b.id, f || lpad(k::text, 2, '0'), 9000
    FROM buildings b JOIN quarters q ON q.id = b.quarter_id CROSS JOIN generate_series(1, 3) f CROSS JOIN generate_series(1, 30) k
    WHERE q.name = '翻页07苑'`.execute(t.db.kysely);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the quarter list pages on the server', () => {
  it('shows 20 rows a page, the next page and a sort by households from the address', async () => {
    const page = await newDesktopPage(browser);
    await page.goto(`${base}/login`);
    await page.fill(tid('login-username'), 'district');
    await page.fill(tid('login-password'), PASSWORD);
    await page.click(tid('login-submit'));
    await page.waitForSelector(tid('quarter-list'));
    await page.goto(`${base}/quarters`);
    await page.waitForSelector(`${tid('quarter-list')} ${tid('quarter-row')}`);
    expect(await page.locator(tid('quarter-row')).count()).toBe(20);
    const first = await page.locator(tid('quarter-row')).first().getAttribute('data-quarter-id');

    await page.click('.ant-pagination-item-2');
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.locator(tid('quarter-row')).first().getAttribute('data-quarter-id')).not.toBe(first);
    expect(await page.locator(tid('quarter-row')).count()).toBe(20);

    await page.goto(`${base}/quarters?sort=households&order=desc`);
    await page.waitForSelector(`${tid('quarter-row')}`);
    await expect.poll(() => page.locator(tid('quarter-row')).first().textContent()).toContain('翻页45苑');
    await screenshot(page, 'e2e-quarter-list-paged');

    // The units' column sorts through the API: ascending on the first click, descending on the second.
    const unitsHeader = page.locator('.ant-table-thead th', { hasText: '房屋' }).first();
    await unitsHeader.click();
    await page.waitForURL(/sort=unitCount/);
    // The second click toggles what the header shows: wait until it shows the ascending sort.
    await expect.poll(() => unitsHeader.getAttribute('aria-sort')).toBe('ascending');
    await unitsHeader.click();
    await page.waitForURL(/sort=unitCount&order=desc|order=desc&sort=unitCount/);
    await expect.poll(() => page.locator(tid('quarter-row')).first().textContent()).toContain('翻页07苑');
    await expect.poll(() => page.locator(tid('quarter-row')).first().textContent()).toContain('90');
    await screenshot(page, 'e2e-quarter-list-by-units');
  });
});
