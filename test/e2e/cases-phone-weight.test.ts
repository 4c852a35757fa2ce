// What a phone downloads the first time it opens the raise page of a quarter (/q/:id/raise, from
// the QR code) and a tracking page (/t/:code): script and style on the wire, compressed, with an
// empty cache; the aim is the public vote page's, at most 150 KB (docs/architecture.md, "Web
// app"), and no antd.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newPhonePage, screenshot, type Browser } from '../support/browser';

const AIM = 150 * 1024;
let t: TestApp;
let browser: Browser;
let base: string;
let trackingCode: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  const commissioner = await t.login('commissioner');
  const res = await commissioner.post('/api/cases', { quarterId: t.fx.q1, category: 'property-service', description: '电梯厅的灯坏了', channel: 'phone' });
  expect(res.statusCode).toBe(201);
  trackingCode = res.json().trackingCode;
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function weigh(path: string, ready: string, name: string) {
  const page = await newPhonePage(browser);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'br, gzip, deflate' } });
  const types = new Map<string, { url: string; type: string }>();
  const assets: { url: string; bytes: number }[] = [];
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { url: e.response.url, type: e.type }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = types.get(e.requestId);
    if (r && (r.type === 'Script' || r.type === 'Stylesheet')) assets.push({ url: r.url, bytes: e.encodedDataLength });
  });
  await page.goto(`${base}${path}`);
  await page.waitForSelector(`[data-testid="${ready}"]`);
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  const total = assets.reduce((sum, x) => sum + x.bytes, 0);
  console.log(`${path}, first visit on a phone: ${(total / 1024).toFixed(1)} KB of script and style in ${assets.length} files`);
  const antd = await page.locator('[class*="ant-"]').count();
  await page.context().close();
  return { total, antd };
}

describe('the phone pages of cases', () => {
  it('the raise page loads at most 150 KB and no antd', async () => {
    const { total, antd } = await weigh(`/q/${t.fx.q1}/raise`, 'raise-category', 'e2e-cases-raise-weight');
    expect(total).toBeLessThanOrEqual(AIM);
    expect(antd).toBe(0);
  });
  it('the tracking page loads at most 150 KB and no antd', async () => {
    const { total, antd } = await weigh(`/t/${trackingCode}`, 'track-status', 'e2e-cases-track-weight');
    expect(total).toBeLessThanOrEqual(AIM);
    expect(antd).toBe(0);
  });
});
