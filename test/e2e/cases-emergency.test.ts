// 应急预案与演练 (T/ZAS 4006.1—2020 6.2.4.1) at a 1440 px desk: the commissioner sees the five
// classes with what is missing and the clause, adds the missing plans with their contacts,
// corrects one, records a drill, and the gaps are gone; the community office picks the quarter.
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
  const commissioner = await t.login('commissioner');
  for (const [planClass, title] of [
    ['accident', '小区安全事故应急预案'],
    ['public-health', '小区公共卫生事件应急预案'],
    ['facility-failure', '供水供电设施故障应急预案'],
  ])
    expect((await commissioner.post(`/api/quarters/${t.fx.q1}/emergency-plans`, { planClass, title, contacts: '小区专员 周敏 13857100001；物业项目经理 孙立 0571-88001234', approvedOn: '2026-03-01' })).statusCode).toBe(201);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function login(page: Page, username: string) {
  await submitLogin(page, base, username, PASSWORD);
  await page.waitForSelector(tid('header-user-name'));
}

async function addPlan(page: Page, planClass: string, title: string, contacts: string) {
  await page.click(tid(`emergency-add-plan-${planClass}`));
  await page.fill(tid('emergency-plan-title'), title);
  await page.fill(tid('emergency-plan-contacts'), contacts);
  await page.click(tid('emergency-plan-approved'));
  await page.keyboard.type('2026-11-01');
  await page.keyboard.press('Enter');
  await page.click(tid('emergency-plan-submit'));
  await page.locator(`${tid(`emergency-class-${planClass}`)} ${tid('emergency-plan')}`).first().waitFor();
}

describe('emergency plans and drills (ZAS 6.2.4.1)', () => {
  it('the gaps with the clause, then the missing plans, a corrected contact and a drill', { timeout: 180_000 }, async () => {
    const page = await newDesktopPage(browser);
    await login(page, 'commissioner');
    await page.click(tid('menu-cases-group'));
    await page.click(tid('menu-emergency'));
    await page.waitForURL(/\/emergency$/);
    await page.waitForSelector(tid('emergency-gap'));
    const gaps = await page.locator(tid('emergency-gap')).allTextContents();
    expect(gaps).toEqual([
      '缺少“业主委员会不能正常履职”应急预案 （T/ZAS 4006.1—2020 6.2.4.1）',
      '缺少“物业服务企业退出”应急预案 （T/ZAS 4006.1—2020 6.2.4.1）',
      '近一年没有应急演练记录 （T/ZAS 4006.1—2020 6.2.4.1）',
    ]);
    expect(await page.textContent(tid('emergency-class-accident'))).toContain('物业项目经理 孙立 0571-88001234');
    await screenshot(page, 'e2e-cases-emergency-gaps');

    await addPlan(page, 'committee-unable', '业委会不能履职应急预案', '社区居委会 王主任 0571-88000001');
    await addPlan(page, 'company-leaving', '物业退出交接应急预案', '街道物业办 0571-88000002；应急物业 0571-88000003');
    expect(await page.locator(tid('emergency-gap')).allTextContents()).toEqual(['近一年没有应急演练记录 （T/ZAS 4006.1—2020 6.2.4.1）']);

    // A contact who changed is corrected in place.
    await page.locator(`${tid('emergency-class-accident')} ${tid('emergency-edit-plan')}`).click();
    await page.fill(tid('emergency-plan-contacts'), '小区专员 周敏 13857100001；物业项目经理 李强 0571-88005678');
    await page.click(tid('emergency-plan-submit'));
    await page.waitForFunction(() => document.querySelector('[data-testid="emergency-class-accident"]')?.textContent?.includes('李强'));

    await page.click(tid('emergency-add-drill'));
    await page.click(tid('emergency-drill-date'));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await page.fill(tid('emergency-drill-attendance'), '58');
    await page.click(tid('emergency-drill-submit'));
    await page.waitForSelector(`${tid('emergency-gaps')}.ant-alert-success`);
    expect(await page.textContent(tid('emergency-drills'))).toContain('58 人');
    await screenshot(page, 'e2e-cases-emergency');
    const rows = await t.db.kysely.selectFrom('emergency_plans').select(['plan_class', 'contacts']).where('quarter_id', '=', t.fx.q1).execute();
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.plan_class === 'accident')!.contacts).toContain('李强');

    // The community office keeps the plans of its community's quarters, chosen with a picker.
    const office = await newDesktopPage(browser);
    await login(office, 'community');
    await office.goto(`${base}/emergency`);
    await office.waitForSelector(tid('emergency-quarter'));
    await office.waitForSelector(tid('emergency-gaps'));
    expect(await office.locator(tid('emergency-add-drill')).count()).toBe(1);
    // The picker asks the server for the name typed: a district has thousands of quarters, more
    // than any list loaded at once.
    const asked: string[] = [];
    office.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/quarters') asked.push(url.searchParams.get('q') ?? '');
    });
    await office.locator(`${tid('emergency-quarter')} input`).fill('一号');
    await expect.poll(() => asked).toContain('一号');
  });
});
