/**
 * Takes screenshots of the main pages against a running server, to look at the UI the way
 * users see it and to refresh docs/screenshot.png.
 *
 *   npx vite build && PORT=3917 GONGZHI_DATA=/tmp/gz-web-data npx tsx src/cli/main.ts serve
 *   BASE_URL=http://127.0.0.1:3917 OUT=/tmp/shots npx tsx src/web/tools/screenshots.ts [only…]
 *
 * Scenes: login staff english commissioner owner phoneStaff dialogs import docs. `import` needs
 * IMPORT_BAD and IMPORT_GOOD (paths of a rejected and an accepted CSV/XLSX); `docs` writes
 * docs/screenshot.png (the dossier of DOCS_QUARTER, default 清溪新村).
 *
 * Uses the demo accounts (password gongzhi-demo) and Debian's Chromium (/usr/bin/chromium).
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const OUT = process.env.OUT ?? '/tmp/shots';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'gongzhi-demo';
const only = process.argv.slice(2);

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function newPage(browser: Browser, viewport: { width: number; height: number }, lang = 'zh-CN'): Promise<Page> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((l) => window.localStorage.setItem('gongzhi.language', l), lang);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`  page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') console.error(`  console ${msg.type()}: ${msg.text().slice(0, 300)}`);
  });
  return page;
}

async function login(page: Page, username: string) {
  await page.goto(`${BASE}/login`);
  await page.getByTestId('login-username').waitFor();
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.locator('[data-testid="header-user-name"], [data-testid="me-logout"]').first().waitFor();
  await settle(page);
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
  // Lazy pages and antd's loading states: wait until no spinner is left, then for animations.
  await page.waitForFunction(() => !document.querySelector('.gz-page-loading, .ant-spin-spinning, .ant-skeleton, .ant-card-loading-content'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(400);
}

async function openQuarter(page: Page, name: string) {
  await page.goto(`${BASE}/quarters?q=${encodeURIComponent(name)}`);
  await page.getByTestId('quarter-link').filter({ hasText: name }).first().click();
  await page.getByTestId('dossier-title').waitFor();
  await settle(page);
}

async function shot(page: Page, name: string, fullPage = false) {
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`  ${file}`);
}

const scenes: Record<string, (browser: Browser) => Promise<void>> = {
  async login(browser) {
    const page = await newPage(browser, PHONE);
    await page.goto(`${BASE}/login`);
    await settle(page);
    await shot(page, 'login-phone');
    await page.getByTestId('login-username').fill('district');
    await page.getByTestId('login-password').fill('wrong-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await shot(page, 'login-error-phone');
    await page.context().close();
  },

  async staff(browser) {
    const page = await newPage(browser, DESKTOP);
    await login(page, 'district');
    await shot(page, 'home');
    await page.getByTestId('menu-quarters').click();
    await settle(page);
    await shot(page, 'quarters');
    await page.getByTestId('quarter-link').first().click();
    await page.getByTestId('dossier-title').waitFor();
    await settle(page);
    await shot(page, 'dossier-overview');
    const tabContent: Record<string, string> = {
      buildings: 'unit-table',
      owners: 'owner-table',
      residents: 'resident-table',
      import: 'export-button',
      audit: 'dossier-audit-table',
    };
    for (const [tab, content] of Object.entries(tabContent)) {
      await page.getByTestId(`dossier-tab-${tab}`).click();
      await page.getByTestId(content).waitFor();
      await settle(page);
      await shot(page, `dossier-${tab}`);
    }
    await page.getByTestId('dossier-tab-buildings').click();
    await settle(page);
    await page.getByTestId('unit-add').click();
    await settle(page);
    await shot(page, 'dossier-unit-add');
    await page.keyboard.press('Escape');
    await page.getByTestId('dossier-tab-owners').click();
    await settle(page);
    await page.getByTestId('owner-add').click();
    await page.getByTestId('owner-form-name').fill('张三');
    await page.getByTestId('owner-form-id-number').fill('110105194912310021');
    await page.getByTestId('owner-form-submit').click();
    await settle(page);
    await shot(page, 'dossier-owner-add-invalid');
    await page.keyboard.press('Escape');
    await page.getByTestId('dossier-edit').click();
    await page.getByTestId('quarter-form').waitFor();
    await settle(page);
    await shot(page, 'quarter-edit', true);
    await page.goto(`${BASE}/quarters/new`);
    await page.getByTestId('quarter-form').waitFor();
    await settle(page);
    await page.getByTestId('quarter-form-total-area').fill('1000.5');
    await page.getByTestId('quarter-form-delivered-area').fill('2000.123');
    await page.getByTestId('quarter-form-submit').click();
    await settle(page);
    await shot(page, 'quarter-new-invalid', true);
    for (const [menu, name] of [['audit', 'audit'], ['users', 'users'], ['places', 'places'], ['account', 'account']] as const) {
      await page.getByTestId(`menu-${menu}`).click();
      await settle(page);
      await shot(page, name);
    }
    await page.context().close();
  },

  async english(browser) {
    const page = await newPage(browser, DESKTOP, 'en');
    await login(page, 'street');
    await shot(page, 'home-en');
    await page.getByTestId('quarter-link').first().click();
    await page.getByTestId('dossier-title').waitFor();
    await settle(page);
    await shot(page, 'dossier-en');
    await page.context().close();
  },

  async commissioner(browser) {
    const page = await newPage(browser, DESKTOP);
    await login(page, 'commissioner');
    await page.getByTestId('dossier-title').waitFor();
    await settle(page);
    await shot(page, 'commissioner-landing');
    await page.context().close();
  },

  async owner(browser) {
    const page = await newPage(browser, PHONE);
    await login(page, 'owner');
    await shot(page, 'owner-me', true);
    await page.context().close();
  },

  async import(browser) {
    const bad = process.env.IMPORT_BAD;
    const good = process.env.IMPORT_GOOD;
    if (!bad || !good) return console.log('  skipped: set IMPORT_BAD and IMPORT_GOOD');
    const page = await newPage(browser, DESKTOP);
    await login(page, 'district');
    await openQuarter(page, process.env.IMPORT_QUARTER ?? '云栖苑');
    await page.getByTestId('dossier-tab-import').click();
    await page.getByTestId('import-upload').setInputFiles(bad);
    await page.getByTestId('import-errors').waitFor();
    await settle(page);
    await shot(page, 'import-rejected', true);
    await page.getByTestId('import-upload').setInputFiles(good);
    await page.getByTestId('import-progress').waitFor();
    await shot(page, 'import-progress');
    await page.getByTestId('import-summary').waitFor({ timeout: 120_000 });
    await settle(page);
    await shot(page, 'import-done');
    await page.context().close();
  },

  async docs(browser) {
    const page = await newPage(browser, DESKTOP);
    await login(page, 'district');
    await openQuarter(page, process.env.DOCS_QUARTER ?? '清溪新村');
    await page.mouse.move(0, 0);
    const file = path.resolve(process.env.DOCS_SHOT ?? 'docs/screenshot.png');
    await page.screenshot({ path: file });
    console.log(`  ${file}`);
    await page.context().close();
  },

  async dialogs(browser) {
    const page = await newPage(browser, DESKTOP);
    await login(page, 'district');
    await openQuarter(page, process.env.DOCS_QUARTER ?? '清溪新村');
    const open = async (tab: string, button: string, name: string, prepare?: () => Promise<void>) => {
      await page.getByTestId(`dossier-tab-${tab}`).click();
      await settle(page);
      await page.getByTestId(button).first().click();
      await settle(page);
      await prepare?.();
      await shot(page, name);
      await page.keyboard.press('Escape');
      await settle(page);
    };
    await open('buildings', 'building-add', 'dialog-building');
    await open('buildings', 'unit-add-owner', 'dialog-unit-owners');
    await open('residents', 'resident-add', 'dialog-resident', async () => {
      await page.getByTestId('resident-form-needs-care').click();
    });
    await page.getByTestId('menu-users').click();
    await settle(page);
    await page.getByTestId('user-create').click();
    await settle(page);
    await shot(page, 'dialog-user');
    await page.keyboard.press('Escape');
    await page.getByTestId('menu-places').click();
    await settle(page);
    await page.getByTestId('place-add-community').click();
    await settle(page);
    await shot(page, 'dialog-place');
    await page.context().close();
  },

  async phoneStaff(browser) {
    const page = await newPage(browser, PHONE);
    await login(page, 'community');
    await shot(page, 'staff-phone-home');
    await page.getByTestId('menu-toggle').click();
    await settle(page);
    await shot(page, 'staff-phone-drawer');
    await page.context().close();
  },
};

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (const [name, run] of Object.entries(scenes)) {
      if (only.length && !only.includes(name)) continue;
      console.log(name);
      await run(browser);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
