// A complaint from the quarter's QR code to the return visit (issue 12), in the browser: a
// visitor on a 390 px phone raises it without an account (the phone proved by the code the log
// channel prints) with a photo; the commissioner at a desk acknowledges it and dispatches it to
// its category's department (消防车通道 → 住房和城乡建设部门); the department starts and replies;
// the visitor opens the tracking page, sees the reply and rates it 不满意, which reopens it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { PNG } from '../support/voting';
import { insertUser } from '../../src/server/modules/users/service';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  const district = await t.login('district');
  const department = await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'department').executeTakeFirstOrThrow();
  const res = await district.patch(`/api/cases/department-accounts/${department.id}`, { department: '住房和城乡建设部门' });
  expect(res.statusCode).toBe(200);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function login(page: Page, username: string) {
  await submitLogin(page, base, username, PASSWORD);
  await page.waitForSelector(tid('header-user-name'));
}

async function takeStep(page: Page, action: string, status: string, fill?: () => Promise<void>) {
  await page.click(tid(`case-action-${action}`));
  await fill?.();
  await page.click(tid('case-step-confirm'));
  await page.waitForSelector(`${tid('case-status')}[data-status="${status}"]`);
}

describe('a complaint raised from the QR code, dispatched, answered and rated', () => {
  it('visitor → commissioner → department → visitor (不满意 reopens)', { timeout: 180_000 }, async () => {
    // ---- the visitor, on a phone, without an account ----
    const phone = await newPhonePage(browser);
    await phone.goto(`${base}/q/${t.fx.q1}/raise`);
    await phone.waitForSelector(tid('raise-category'));
    expect(await phone.textContent('header')).toContain('一号小区');
    await phone.selectOption(tid('raise-category'), 'fire-lane');
    await phone.fill(tid('raise-description'), '东门消防车通道被私家车堵住，晚上尤其严重。');
    await phone.fill(tid('raise-location'), '东门');
    // A file that is not a photo, and one too large, are named with the reason and left out; a
    // photo taken by mistake can be removed.
    await phone.setInputFiles(tid('raise-photo'), [
      { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是照片') },
      { name: '大图.png', mimeType: 'image/png', buffer: Buffer.alloc(5 * 1024 * 1024 + 1) },
      { name: '错拍.png', mimeType: 'image/png', buffer: PNG },
    ]);
    const alerts = await phone.locator('[role="alert"]').allTextContents();
    expect(alerts).toEqual(['“说明.txt”不是 JPG、PNG 或 WebP 照片，未添加', '“大图.png”超过 5 MB，未添加']);
    await phone.click('button[aria-label="移除照片 错拍.png"]');
    expect(await phone.locator('button[aria-label^="移除照片"]').count()).toBe(0);
    await phone.setInputFiles(tid('raise-photo'), { name: '东门.png', mimeType: 'image/png', buffer: PNG });
    expect(await phone.locator('[role="alert"]').count()).toBe(0);
    expect(await phone.textContent('body')).not.toContain('No file chosen');
    await phone.fill(tid('raise-phone'), '13866667777');
    await phone.click(tid('raise-send-code'));
    await phone.waitForSelector(tid('raise-code'));
    const sms = t.sms.filter((m) => m.to === '13866667777').at(-1)!;
    const code = /验证码 (\d{6})/.exec(sms.body)![1];
    await phone.fill(tid('raise-code'), code);
    await screenshot(phone, 'e2e-cases-raise-phone');
    await phone.click(tid('raise-submit'));
    await phone.waitForSelector(tid('raise-tracking-code'));
    const trackingCode = (await phone.textContent(tid('raise-tracking-code')))!.trim();
    expect(trackingCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    await screenshot(phone, 'e2e-cases-raised-phone');
    const row = await t.db.kysely.selectFrom('cases').select(['id', 'handler_department']).where('tracking_code', '=', trackingCode).executeTakeFirstOrThrow();
    expect(row.handler_department).toBe('住房和城乡建设部门');
    const photos = await t.db.kysely.selectFrom('case_photos').select('id').where('case_id', '=', row.id).execute();
    expect(photos).toHaveLength(1);

    // ---- the commissioner at a desk: acknowledge, dispatch to the category's department ----
    const desk = await newDesktopPage(browser);
    await login(desk, 'commissioner');
    await desk.goto(`${base}/cases`);
    await desk.waitForSelector(tid('case-row'));
    await screenshot(desk, 'e2e-cases-list-desk');
    await desk.click(`${tid('case-row')}[data-case-id="${row.id}"] ${tid('case-link')}`);
    await desk.waitForSelector(tid('case-detail'));
    expect(await desk.textContent(tid('case-detail'))).toContain('13866667777');
    await takeStep(desk, 'acknowledge', 'acknowledged');
    await takeStep(desk, 'assign', 'assigned');
    expect(await desk.textContent(tid('case-handler'))).toBe('住房和城乡建设部门');
    await screenshot(desk, 'e2e-cases-dispatched-desk');

    // ---- the department: its own queue, start, reply ----
    const dept = await newDesktopPage(browser);
    await login(dept, 'department');
    await dept.goto(`${base}/cases`);
    await dept.waitForSelector(`${tid('case-row')}[data-case-id="${row.id}"]`);
    expect(await dept.locator(tid('case-row')).count()).toBe(1);
    await dept.click(`${tid('case-row')}[data-case-id="${row.id}"] ${tid('case-link')}`);
    await dept.waitForSelector(tid('case-action-start'));
    await takeStep(dept, 'start', 'in_progress');
    await takeStep(dept, 'reply', 'replied', () => dept.fill(tid('case-reply-text'), '已约谈物业，东门通道已施划禁停标线并安排夜间巡查。'));
    await screenshot(dept, 'e2e-cases-replied-department');

    // ---- the visitor follows it by the tracking code and rates it ----
    await phone.goto(`${base}/t/${trackingCode}`);
    await phone.waitForSelector(tid('track-reply'));
    expect(await phone.textContent(tid('track-reply'))).toContain('已约谈物业');
    expect(await phone.textContent(tid('track-reply'))).toContain('住房和城乡建设部门');
    const page = (await phone.textContent(tid('track-page')))!;
    expect(page).not.toContain('13866667777');
    expect(page).not.toContain('测试');
    await phone.click(tid('track-rate-unsatisfied'));
    await phone.fill(tid('track-comment'), '晚上还是停满车。');
    await screenshot(phone, 'e2e-cases-rate-phone');
    await phone.click(tid('track-rate-submit'));
    await phone.waitForSelector(`${tid('track-status')}[data-status="reopened"]`);
    await screenshot(phone, 'e2e-cases-reopened-phone');
    const after = await t.db.kysely.selectFrom('cases').select(['status', 'rating', 'reopen_count']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ status: 'reopened', rating: 'unsatisfied', reopen_count: 1 });
    // Back at the desk the case asks to be dispatched again.
    await desk.reload();
    await desk.waitForSelector(tid('case-action-assign'));
  });

  it('the district office sees the three rates and the departments of the department accounts', { timeout: 120_000 }, async () => {
    const office = await newDesktopPage(browser);
    await login(office, 'district');
    await office.goto(`${base}/cases`);
    await office.waitForSelector(tid('case-departments'));
    await office.waitForSelector(`${tid('case-departments')} .ant-table-row`);
    await screenshot(office, 'e2e-cases-district-desk');
    expect(await office.textContent(tid('case-departments'))).toContain('住房和城乡建设部门');
    await screenshot(office, 'e2e-cases-district-desk');
  });

  it('an owner reports from the home page on a phone and follows the report', { timeout: 120_000 }, async () => {
    const page = await newPhonePage(browser);
    await submitLogin(page, base, 'owner', PASSWORD);
    await page.waitForSelector(tid('me-quarter-name'));
    await page.click(tid('owner-cases-link'));
    await page.waitForSelector(tid('raise-category'));
    await page.selectOption(tid('raise-category'), 'property-service');
    await page.fill(tid('raise-description'), '3幢电梯厅的灯坏了一周。');
    expect(await page.locator(tid('raise-phone')).count()).toBe(0);
    await page.click(tid('raise-submit'));
    await page.waitForSelector(tid('raise-tracking-code'));
    await page.waitForSelector(tid('owner-case-row'));
    await screenshot(page, 'e2e-cases-owner-phone');
    const code = (await page.textContent(tid('raise-tracking-code')))!.trim();
    const row = await t.db.kysely.selectFrom('cases').select(['channel', 'raised_by']).where('tracking_code', '=', code).executeTakeFirstOrThrow();
    expect(row.channel).toBe('owner');
    expect(row.raised_by).not.toBeNull();
  });

  it('a hazard found on patrol and handled is verified by the community office at its desk', { timeout: 120_000 }, async () => {
    const grid = await t.login('grid');
    const created = await grid.post('/api/hazards', { quarterId: t.fx.q1, class: 'fire', level: 'major', location: '3幢地下车库', description: '电动自行车在车库内充电' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await grid.post(`/api/hazards/${id}/report`, {})).statusCode).toBe(200);
    expect((await (await t.login('company')).post(`/api/hazards/${id}/handle`, { note: '已移走充电车辆' })).statusCode).toBe(200);
    const office = await newDesktopPage(browser);
    await login(office, 'community');
    await office.goto(`${base}/hazards`);
    await office.click(`${tid('hazard-row')}[data-hazard-id="${id}"]`);
    await office.waitForSelector(tid('hazard-action-verify'));
    await screenshot(office, 'e2e-cases-hazard-desk');
    await office.click(tid('hazard-action-verify'));
    await office.waitForSelector(`${tid('hazard-detail')} [data-status="verified"]`);
    const row = await t.db.kysely.selectFrom('hazards').select(['status', 'verified_by']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('verified');
    expect(row.verified_by).not.toBeNull();
  });

  it('a mediator records the agreement of a dispute in public mediation', { timeout: 120_000 }, async () => {
    await insertUser(t.db.kysely, { username: 'mediator', displayName: '人民调解员 吴律师', role: 'mediator', scopeLevel: 'community', scopeId: t.fx.communityA1, password: PASSWORD, ownerId: null, phone: null });
    const commissioner = await t.login('commissioner');
    const created = await commissioner.post('/api/disputes', { quarterId: t.fx.q1, subject: '楼上卫生间渗水', parties: '2幢101 与 2幢201', description: '201 卫生间渗水到 101 天花板。', risk: 'medium' });
    const id = created.json().id;
    const when = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expect((await commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'public', at: when, place: '社区议事厅', mediatorName: '吴律师' })).statusCode).toBe(200);
    const page = await newDesktopPage(browser);
    await login(page, 'mediator');
    await page.goto(`${base}/disputes`);
    await page.click(`${tid('dispute-row')}[data-dispute-id="${id}"]`);
    await page.waitForSelector(tid('dispute-action-agree'));
    await page.click(tid('dispute-action-agree'));
    await page.fill('.ant-modal textarea', '201 于两周内修复防水层，并承担 101 天花板修复费用。');
    await page.click(tid('dispute-step-submit'));
    await page.waitForSelector(`${tid('dispute-detail')} [data-status="agreed"]`);
    await screenshot(page, 'e2e-cases-dispute-desk');
  });

  it('a grid worker records a patrol on a phone; its findings become a case and a hazard', { timeout: 120_000 }, async () => {
    const page = await newPhonePage(browser);
    await submitLogin(page, base, 'grid', PASSWORD);
    await page.waitForSelector(tid('header-user-name'));
    await page.goto(`${base}/patrols`);
    await page.waitForSelector(tid('patrol-problem-ebike'));
    await page.click(tid('patrol-problem-ebike'));
    await page.fill(`${tid('patrol-finding-ebike')} textarea`, '2单元楼道里给电动车充电');
    await page.fill(`${tid('patrol-finding-ebike')} input`, '1幢2单元');
    await page.click(tid('patrol-problem-illegal-construction'));
    await page.fill(`${tid('patrol-finding-illegal-construction')} textarea`, '顶楼在搭彩钢棚');
    await page.fill(`${tid('patrol-finding-illegal-construction')} input`, '1幢屋顶');
    // A photo of each finding, taken on the spot: it goes with the hazard or case the finding becomes.
    await page.setInputFiles(tid('patrol-photo-ebike'), { name: '充电.png', mimeType: 'image/png', buffer: PNG });
    await page.setInputFiles(tid('patrol-photo-illegal-construction'), { name: '彩钢棚.png', mimeType: 'image/png', buffer: PNG });
    await screenshot(page, 'e2e-cases-patrol-phone');
    const before = await t.db.kysely.selectFrom('patrols').select('id').execute();
    await page.click(tid('patrol-submit'));
    await page.waitForFunction(async (n) => (await fetch('/api/patrols').then((r) => r.json())).total > n, before.length);
    const hazard = await t.db.kysely.selectFrom('hazards').select(['class', 'patrol_id']).where('location', '=', '1幢2单元').executeTakeFirstOrThrow();
    expect(hazard.class).toBe('electricity');
    const kase = await t.db.kysely.selectFrom('cases').select(['channel', 'handler_department']).where('location', '=', '1幢屋顶').executeTakeFirstOrThrow();
    expect(kase).toEqual({ channel: 'patrol', handler_department: '城管部门' });
    const photosOf = async () => ({
      hazard: (await t.db.kysely.selectFrom('hazard_photos as p').innerJoin('hazards as h', 'h.id', 'p.hazard_id').select('p.id').where('h.location', '=', '1幢2单元').execute()).length,
      case: (await t.db.kysely.selectFrom('case_photos as p').innerJoin('cases as c', 'c.id', 'p.case_id').select('p.id').where('c.location', '=', '1幢屋顶').execute()).length,
    });
    await expect.poll(photosOf, { timeout: 15_000 }).toEqual({ hazard: 1, case: 1 });

    // At the desk, the hazard shows its photo.
    const desk = await newDesktopPage(browser);
    await login(desk, 'commissioner');
    await desk.goto(`${base}/hazards`);
    await desk.click(`${tid('hazard-row')}:has-text("1幢2单元")`);
    await desk.waitForSelector(`${tid('hazard-photos')} img`);
    await desk.waitForFunction(() => (document.querySelector('[data-testid="hazard-photos"] img') as HTMLImageElement | null)?.naturalWidth);
    await screenshot(desk, 'e2e-cases-hazard-photos');
  });

  it("the month's recurring problem (未诉先办) shows on the commissioner's desk and filters the list to its cases", { timeout: 120_000 }, async () => {
    const commissioner = await t.login('commissioner');
    for (const text of ['北门垃圾投放点又满了', '垃圾桶旁边有积水和异味', '厨余垃圾桶没有盖子']) {
      const res = await commissioner.post('/api/cases', { quarterId: t.fx.q1, category: 'garbage', description: text, channel: 'phone' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const page = await newDesktopPage(browser);
    await login(page, 'commissioner');
    await page.goto(`${base}/cases`);
    const item = `${tid('case-recurring-item')}[data-category="garbage"]`;
    await page.waitForSelector(item);
    expect(await page.textContent(tid('case-recurring'))).toContain('本月突出问题（未诉先办）');
    expect(await page.textContent(item)).toContain('3 件');
    await screenshot(page, 'e2e-cases-recurring');
    await page.click(`${item} a`);
    await page.waitForSelector(tid('case-filter-category'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="case-row"]').length === 3);
    expect(new URL(page.url()).searchParams.get('category')).toBe('garbage');
  });
});
