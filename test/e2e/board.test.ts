// The quarter's public board (码上办, issue 14) in a browser: a phone of 390 px opens the short
// address printed on the poster, without logging in, and sees the commissioner to call, the
// committees, the company with its fee, the published vote with its record; what it downloads
// the first time is measured as for the public vote page (test/e2e/phone-weight.test.ts: script
// and style compressed on the wire, aim at most 150 KB, no antd). Staff find the address and the
// poster in the quarter's dossier at 1440 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser } from '../support/browser';
import { AFTER, DURING, fixtureCredentials, openedVote, voteClock, voteOnline } from '../support/voting';
import { PASSWORD } from '../support/app';
import { portraitPng } from '../support/photos';

const AIM = 150 * 1024;
const clock = voteClock();
let t: TestApp;
let browser: Browser;
let base: string;
let code: string;

/** The quarter's bodies and company, as the organisations module keeps them. */
async function organise(t: TestApp) {
  const k = t.db.kysely;
  const q = { district_id: t.fx.districtA, quarter_id: t.fx.q1 };
  const commissioner = await k
    .insertInto('commissioners')
    .values({ ...q, name: '周敏', phone: '13857100001', is_party_member: true, trained_on: '2024-02-20', started_on: '2024-03-01' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The community office uploads the commissioner's photo (ZAS 6.1.3.5).
  const uploaded = await (await t.login('community')).upload(`/api/commissioners/${commissioner.id}/photo`, 'zhoumin.png', portraitPng());
  expect(uploaded.statusCode).toBe(201);
  await k.insertInto('party_organizations').values({ ...q, kind: 'quarter', name: '一号小区党支部', secretary_name: '吴红梅', member_count: 12, established_on: '2021-07-01' }).execute();
  const committee = await k
    .insertInto('owners_committees')
    .values({ ...q, term_number: 2, term_start: '2024-06-01', term_end: '2029-05-31', status: 'active', elected_on: '2024-05-20' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const owners = await k.selectFrom('owners').select(['id', 'name']).where('quarter_id', '=', t.fx.q1).orderBy('name').execute();
  const positions = ['chair', 'vice-chair', 'member'] as const;
  for (const [i, o] of owners.slice(0, 3).entries()) {
    await k.insertInto('committee_members').values({ ...q, committee_id: committee.id, owner_id: o.id, name: o.name, position: positions[i], joined_on: '2024-06-01' }).execute();
  }
  const company = await k.insertInto('property_companies').values({ district_id: t.fx.districtA, name: '绿城物业服务集团有限公司', credit_code: '91330000142924305G', phone: '0571-88001234' }).returning('id').executeTakeFirstOrThrow();
  await k.insertInto('service_contracts').values({ ...q, property_company_id: company.id, selection_method: 'assembly-vote', starts_on: '2024-01-01', ends_on: '2026-12-31', fee_standard_fen: 150 }).execute();
}

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  await organise(t);
  // A published vote, with its record to download.
  clock.set(DURING);
  const creds = await fixtureCredentials(t, 'q1');
  const committee = await t.login('committee');
  const voteId = await openedVote(committee, t.fx.q1);
  await voteOnline(t, voteId, creds[0], { '1': 'yes', '2': 'no' });
  clock.set(AFTER);
  const closed = await committee.post(`/api/votes/${voteId}/close`);
  expect(closed.statusCode).toBe(200);
  clock.set(new Date(new Date(closed.json().objectionEndsAt).getTime() + 60_000));
  expect((await committee.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
  clock.reset();
  // The commissioner prints the poster: the quarter gets its code.
  const commissioner = await t.login('commissioner');
  const poster = await commissioner.get(`/api/quarters/${t.fx.q1}/poster`);
  expect(poster.statusCode).toBe(200);
  code = /\/q\/([A-Z0-9]{6})\)/.exec(poster.rawPayload.toString('latin1'))![1];
}, 120_000);
afterAll(async () => {
  clock.reset();
  await browser?.close();
  await t?.close();
});

describe('the public board on a phone', () => {
  it('opens at the poster’s short address without a login, and loads at most 150 KB of script and style', async () => {
    const page = await newPhonePage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // As in phone-weight.test.ts: a phone's browser offers brotli (over HTTPS).
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'br, gzip, deflate' } });
    const responses = new Map<string, { url: string; type: string; encoding: string | undefined }>();
    const transfers: { url: string; type: string; encoding: string | undefined; bytes: number }[] = [];
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      responses.set(e.requestId, { url: e.response.url, type: e.type, encoding: headers['content-encoding'] });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = responses.get(e.requestId);
      if (r) transfers.push({ ...r, bytes: e.encodedDataLength });
    });

    await page.goto(`${base}/q/${code.toLowerCase()}`);
    await page.waitForSelector(tid('board-commissioner-call'));
    await page.waitForSelector(tid('board-vote-record'));
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).toBe(`/q/${code.toLowerCase()}`);
    // The commissioner's photo, loaded lazily (it counts to no script or style) and shown.
    const photo = page.locator(tid('board-commissioner-photo'));
    expect(await photo.getAttribute('loading')).toBe('lazy');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(150);
    await screenshot(page, 'e2e-board-phone');

    const text = await page.locator(tid('board')).innerText();
    expect(text).toContain('一号小区');
    expect(text).toContain('周敏');
    expect(text).toContain('吴红梅');
    expect(text).toContain('1.50 元/㎡·月');
    expect(text).toContain('结果已公布');
    expect(text).toContain(code);
    expect(await page.locator(tid('board-commissioner-call')).getAttribute('href')).toBe('tel:13857100001');
    // The committee: three members, the chair first.
    expect(await page.locator(`${tid('board-committee')} li`).count()).toBe(3);
    // No owner phone of the fixture (every owner has 13800001111).
    expect(text).not.toContain('13800001111');

    // The record downloads without an account.
    const href = await page.locator(tid('board-vote-record')).getAttribute('href');
    const record = await page.request.get(`${base}${href}`);
    expect(record.status()).toBe(200);

    const assets = transfers.filter((x) => x.type === 'Script' || x.type === 'Stylesheet');
    const total = assets.reduce((sum, x) => sum + x.bytes, 0);
    const lines = assets.sort((a, b) => b.bytes - a.bytes).map((x) => `  ${(x.bytes / 1024).toFixed(1).padStart(6)} KB  ${x.encoding ?? 'identity'}  ${new URL(x.url).pathname}`);
    console.log(`public board, first visit on a phone: ${(total / 1024).toFixed(1)} KB of script and style in ${assets.length} files\n${lines.join('\n')}`);
    expect(assets.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(AIM);
    for (const x of assets) expect(x.encoding, x.url).toMatch(/^(br|gzip)$/);
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    await page.context().close();
  });

  it('says so when the code is unknown', async () => {
    const page = await newPhonePage(browser);
    await page.goto(`${base}/q/ZZZZZZ`);
    await expect.poll(() => page.locator(tid('board')).innerText()).toContain('没有找到');
    await page.context().close();
  });
});

describe('the board in the dossier', () => {
  it('staff see the short address and download the poster', async () => {
    const page = await newDesktopPage(browser);
    await submitLogin(page, base, 'commissioner', PASSWORD);
    await page.goto(`${base}/quarters/${t.fx.q1}`);
    await page.click(tid('dossier-tab-section-board'));
    await page.waitForSelector(tid('dossier-board-url'));
    expect(await page.locator(tid('dossier-board-url')).innerText()).toBe(`${base}/q/${code}`);
    await screenshot(page, 'e2e-board-dossier', { fullPage: false });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(tid('dossier-board-poster'))]);
    expect(download.suggestedFilename()).toBe('码上办-一号小区.pdf');
    await page.context().close();
  });
});
