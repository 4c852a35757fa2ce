/**
 * Headless Chromium for e2e tests (Debian's /usr/bin/chromium driven by playwright-core).
 *
 *   import { launchBrowser, newPhonePage, newDesktopPage, screenshot } from '../support/browser.ts';
 *   const browser = await launchBrowser();
 *   const page = await newPhonePage(browser);     // 390×844 @2x, touch, zh-CN
 *   await page.goto(url);
 *   await screenshot(page, 'home-phone');          // → test-results/screenshots/home-phone.png
 *   await browser.close();
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type LaunchOptions, type Page } from 'playwright-core';

export type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.GONGZHI_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Repository root (this file is test/support/browser.ts). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Run \`bash scripts/ensure-system-deps.sh\` (installs Debian's chromium) ` +
        'or set GONGZHI_CHROMIUM to a Chromium binary.',
    );
  }
  const { args = [], ...rest } = options;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: 60_000,
    ...rest,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

const ZH = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' } satisfies BrowserContextOptions;

/** A page in a new context sized like a phone (390×844, DPR 2, touch, zh-CN). */
export async function newPhonePage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    screen: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: `Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Mobile Safari/537.36`,
    ...ZH,
    ...options,
  });
  return context.newPage();
}

/** A page in a new context sized like a desktop (1440×900, zh-CN). */
export async function newDesktopPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    ...ZH,
    ...options,
  });
  return context.newPage();
}

/** Saves a full-page PNG to test-results/screenshots/NAME.png and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'screenshot';
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, safe.endsWith('.png') ? safe : `${safe}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return file;
}

/** The selector of an element by its data-testid. */
export const tid = (id: string) => `[data-testid="${id}"]`;

/**
 * Fills in the login form at `base`, submits it and waits until the app has left the login page:
 * a navigation before the login's request is answered would cancel it. The caller waits for the
 * page it expects.
 */
export async function submitLogin(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill(tid('login-username'), username);
  await page.fill(tid('login-password'), password);
  await page.click(tid('login-submit'));
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
