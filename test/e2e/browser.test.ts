/**
 * Proves headless Chromium starts, renders Chinese text with a CJK font, and that
 * screenshots land in test-results/screenshots/.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, type Browser } from '../support/browser.ts';

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>共治 · 测试页</title>
<style>
  body { font-family: sans-serif; margin: 24px; }
  h1 { font-size: 28px; }
  .card { border: 1px solid #ddd; border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
</style></head>
<body>
  <h1 id="title">共治 · 小区协同治理</h1>
  <div class="card">业主委员会 · 物业服务企业 · 社区居委会</div>
  <div class="card">公告：本周六上午九点召开业主大会，请准时参加。</div>
  <p id="latin">Gongzhi 0123456789</p>
</body></html>`;

describe('headless Chromium', () => {
  let browser: Browser;
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('renders a Chinese page on a phone and takes a screenshot', async () => {
    const page = await newPhonePage(browser);
    await page.goto(baseUrl);
    await expect(page.title()).resolves.toBe('共治 · 测试页');
    expect(await page.textContent('#title')).toBe('共治 · 小区协同治理');
    expect(await page.evaluate(() => [innerWidth, devicePixelRatio, navigator.language])).toEqual([390, 2, 'zh-CN']);

    // Chinese glyphs are really drawn, not as "tofu" boxes: two different characters,
    // and a character versus an unassigned code point, must give different pixels.
    const glyphs = await page.evaluate(() => {
      const draw = (ch: string) => {
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 64;
        const ctx = canvas.getContext('2d')!;
        ctx.font = '48px sans-serif';
        ctx.fillText(ch, 4, 52);
        return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(',');
      };
      const gong = draw('共');
      return { inked: /[1-9]/.test(gong), distinct: gong !== draw('治'), notTofu: gong !== draw('\u0378') };
    });
    expect(glyphs).toEqual({ inked: true, distinct: true, notTofu: true });

    const file = await screenshot(page, 'infra-phone');
    expect(fs.statSync(file).size).toBeGreaterThan(5_000);
    await page.context().close();
  });

  it('renders on a desktop viewport', async () => {
    const page = await newDesktopPage(browser);
    await page.goto(baseUrl);
    expect(await page.evaluate(() => innerWidth)).toBe(1440);
    const file = await screenshot(page, 'infra-desktop', { fullPage: false });
    expect(fs.statSync(file).size).toBeGreaterThan(5_000);
    await page.context().close();
  });
});
