// What a phone downloads the first time it opens the public page of a vote (from the QR code on
// the notice board): the script and style bytes on the wire, compressed, with an empty cache.
// The aim is at most 150 KB (docs/architecture.md, "Web app"). Also checks that the built
// files are sent precompressed and cached as immutable, and that the page loads no antd.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newPhonePage, screenshot, type Browser } from '../support/browser';
import { AFTER, DURING, fixtureCredentials, openedVote, voteClock, voteOnline } from '../support/voting';

const AIM = 150 * 1024;
const clock = voteClock();
let t: TestApp;
let browser: Browser;
let base: string;
let voteId: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  // A published vote, so that the page shows everything it can: the result and the receipt check.
  clock.set(DURING);
  const creds = await fixtureCredentials(t, 'q1');
  const committee = await t.login('committee');
  voteId = await openedVote(committee, t.fx.q1);
  await voteOnline(t, voteId, creds[0], { '1': 'yes', '2': 'no' });
  clock.set(AFTER);
  const closed = await committee.post(`/api/votes/${voteId}/close`);
  expect(closed.statusCode).toBe(200);
  clock.set(new Date(new Date(closed.json().objectionEndsAt).getTime() + 60_000));
  expect((await committee.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
});
afterAll(async () => {
  clock.reset();
  await browser?.close();
  await t?.close();
});

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  encoding: string | undefined;
  cacheControl: string | undefined;
}

describe('the public vote page on a phone', () => {
  it('loads at most 150 KB of compressed script and style on a first visit', async () => {
    const page = await newPhonePage(browser);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    // Browsers offer brotli only over HTTPS, which is how the platform is served; the test
    // server speaks plain HTTP, so the request says what a phone's browser would.
    await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'br, gzip, deflate' } });
    const responses = new Map<string, Omit<Transfer, 'bytes'>>();
    const transfers: Transfer[] = [];
    cdp.on('Network.responseReceived', (e) => {
      const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      responses.set(e.requestId, { url: e.response.url, type: e.type, encoding: headers['content-encoding'], cacheControl: headers['cache-control'] });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = responses.get(e.requestId);
      // encodedDataLength: the bytes received for the response, as sent (compressed), with its headers.
      if (r) transfers.push({ ...r, bytes: e.encodedDataLength });
    });

    await page.goto(`${base}/public/votes/${voteId}`);
    await page.waitForSelector('[data-testid="vote-result"]');
    await page.waitForSelector('[data-testid="vote-receipt-input"]');
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'e2e-public-vote-phone');

    const assets = transfers.filter((x) => x.type === 'Script' || x.type === 'Stylesheet');
    const total = assets.reduce((sum, x) => sum + x.bytes, 0);
    const lines = assets.sort((a, b) => b.bytes - a.bytes).map((x) => `  ${(x.bytes / 1024).toFixed(1).padStart(6)} KB  ${x.encoding ?? 'identity'}  ${new URL(x.url).pathname}`);
    console.log(`public vote page, first visit on a phone: ${(total / 1024).toFixed(1)} KB of script and style in ${assets.length} files\n${lines.join('\n')}`);

    expect(assets.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(AIM);
    for (const x of assets) {
      expect(x.encoding, x.url).toMatch(/^(br|gzip)$/);
      expect(x.cacheControl, x.url).toBe('public, max-age=31536000, immutable');
    }
    // No antd on this page: its components would have written their styles into the document.
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    const document = transfers.find((x) => x.type === 'Document');
    expect(document?.cacheControl).toBe('no-cache');
    await page.context().close();
  });

  it('serves gzip to a client without brotli, and the files themselves to one without either', async () => {
    const html = await fetch(`${base}/public/votes/${voteId}`, { headers: { 'accept-encoding': 'identity' } });
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const script = (await html.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const gz = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await fetch(`${base}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    // A file of another build is missing, not the page.
    const gone = await fetch(`${base}/assets/index-00000000.js`);
    expect(gone.status).toBe(404);
  });
});
