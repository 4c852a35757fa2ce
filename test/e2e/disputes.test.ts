// Disputes in the browser (issue 12): the mediation agreement printed on A4 (人民调解协议书,
// DB3305/T 309—2024 5.1.4; 西政办〔2020〕29号 8) and the owners' committee's monthly dispute
// analysis (HZ 5.1.4.1.3) at a desk of 1440 px; a public mediation on the quarter's public board
// (HZ 5.1.4.2) on a phone of 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Session, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { insertUser } from '../../src/server/modules/users/service';

let t: TestApp;
let browser: Browser;
let base: string;
let commissioner: Session;
let mediator: Session;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  await insertUser(t.db.kysely, { username: 'mediator', displayName: '人民调解员 吴律师', role: 'mediator', scopeLevel: 'community', scopeId: t.fx.communityA1, password: PASSWORD, ownerId: null, phone: null });
  commissioner = await t.login('commissioner');
  mediator = await t.login('mediator');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function login(page: Page, username: string) {
  await submitLogin(page, base, username, PASSWORD);
  await page.waitForSelector(tid('header-user-name'));
}

async function dispute(body: Record<string, unknown>) {
  const res = await commissioner.post('/api/disputes', { quarterId: t.fx.q1, parties: '3幢502室 王某 与 3幢602室 李某', description: '602室装修周末清晨施工，噪音扰民，并致502室卫生间渗水。', risk: 'medium', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

describe('disputes at the desk', () => {
  it('prints the mediation agreement on A4 with parties, matter, mediators, sessions, terms, signature lines and date', { timeout: 120_000 }, async () => {
    const id = await dispute({ subject: '装修噪音扰民及渗水', category: 'renovation' });
    expect((await commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'simple', mediatorName: '人民调解员 吴律师', place: '3幢502室' })).statusCode).toBe(200);
    expect((await mediator.post(`/api/disputes/${id}/agree`, { agreement: '一、602室工作日8:00—18:00施工，节假日不施工。\n二、602室于7日内修复502室卫生间渗水，费用自负。' })).statusCode).toBe(200);
    const pending = await dispute({ subject: '尚在登记的纠纷' });

    const page = await newDesktopPage(browser);
    await login(page, 'commissioner');
    // The dispute's drawer offers the print when there is an agreement.
    await page.goto(`${base}/disputes?id=${id}`);
    await page.waitForSelector(tid('dispute-print'));
    expect(await page.getAttribute(tid('dispute-print'), 'href')).toBe(`/print/disputes/${id}`);

    // The A4 page: 210 mm are 794 CSS px.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.goto(`${base}/print/disputes/${id}`);
    await page.waitForSelector(tid('agreement-print-terms'));
    const text = (await page.textContent(tid('agreement-print'))) ?? '';
    for (const s of ['人民调解协议书', '一号小区', '3幢502室 王某 与 3幢602室 李某', '装修噪音扰民及渗水', '装修与搭建', '简易调解', '人民调解员 吴律师', '安排调解', '达成协议', '602室于7日内修复', '当事人（签名）', '调解员（签名）', '调解组织（盖章）', '人民调解法》第二十九条', 'DB3305/T 309—2024 5.1.4', '西政办〔2020〕29号 8'])
      expect(text, s).toContain(s);
    expect(await page.textContent(tid('agreement-print-date'))).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(await page.locator(`${tid('agreement-print-terms')} p`).count()).toBe(2);
    // The sheet is as wide as A4 on screen; in print the button goes.
    const width = await page.evaluate(() => document.querySelector('.gz-a4')!.getBoundingClientRect().width);
    expect(Math.round(width)).toBe(794);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.gz-a4-print')).toBe(false);
    expect(await page.isVisible('header')).toBe(false);
    await screenshot(page, 'e2e-disputes-agreement-print');
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // One A4 page (595×842 pt, as Chromium rounds it).
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    expect(raw).toMatch(/\/MediaBox\s*\[\s*0 0 59[45]\.\d+ 84[12]\.\d+\s*\]/);
    await page.emulateMedia({ media: 'screen' });

    // A dispute without an agreement says so instead of printing an empty form.
    await page.goto(`${base}/print/disputes/${pending}`);
    expect(await page.textContent(tid('agreement-print-none'))).toContain('尚未达成调解协议');
    await page.context().close();
  });

  it("shows the committee the month's analysis of its register, and opens a dispute from it", { timeout: 120_000 }, async () => {
    const major = await dispute({ subject: '地下车位被长期占用', category: 'parking', risk: 'major' });
    const page = await newDesktopPage(browser);
    await login(page, 'committee');
    await page.goto(`${base}/disputes`);
    await page.click(`${tid('dispute-tabs')} [data-node-key="analysis"]`);
    // The committee's one quarter is chosen for it.
    await page.waitForSelector(tid('dispute-analysis-totals'));
    await page.waitForSelector(`${tid('dispute-analysis-item')}[data-dispute-id="${major}"]`);
    const totals = (await page.textContent(tid('dispute-analysis-totals'))) ?? '';
    for (const s of ['本月在办纠纷', '本月新增', '前期结转', '重大纠纷已上报']) expect(totals).toContain(s);
    const view = (await page.textContent(tid('dispute-analysis'))) ?? '';
    for (const s of ['DB3305/T 309—2024 5.1.4.1.3', '按类别', '停车与车位', '按风险等级', '重大', '月末状态', '新增']) expect(view, s).toContain(s);
    expect(page.url()).toMatch(/tab=analysis/);
    expect(page.url()).toContain(`quarterId=${t.fx.q1}`);
    await screenshot(page, 'e2e-disputes-analysis-desk');
    await page.click(`${tid('dispute-analysis-item')}[data-dispute-id="${major}"]`);
    await page.waitForSelector(tid('dispute-detail'));
    expect(await page.textContent(tid('dispute-detail'))).toContain('停车与车位');
    // The committee's monthly dispute-analysis meeting links to this analysis, for its month.
    const committee = await t.login('committee');
    const meeting = await committee.post('/api/meetings', { quarterId: t.fx.q1, kind: 'dispute_analysis', title: '矛盾纠纷分析例会', startsAt: '2026-11-25T19:00:00+08:00', attendees: [{ party: 'committee', name: '测试committee' }] });
    expect(meeting.statusCode, meeting.body).toBe(201);
    await page.goto(`${base}/meetings/${meeting.json().id}`);
    await page.getByText('查看本月纠纷分析').click();
    await page.waitForSelector(tid('dispute-analysis-totals'));
    expect(page.url()).toContain('month=2026-11');
    // A month without disputes.
    await page.goto(`${base}/disputes?tab=analysis&quarterId=${t.fx.q1}&month=2020-01`);
    await page.waitForSelector(tid('dispute-analysis-totals'));
    expect(await page.textContent(tid('dispute-analysis'))).toContain('本月没有在办的纠纷');
    await page.context().close();
  });

  it('schedules a joint mediation with a quarter of the street, whose commissioner then sees it', { timeout: 120_000 }, async () => {
    const id = await dispute({ subject: '两小区之间排水沟堵塞', category: 'property_use' });
    const page = await newDesktopPage(browser);
    await login(page, 'commissioner');
    await page.goto(`${base}/disputes?id=${id}`);
    await page.click(tid('dispute-action-schedule'));
    await page.click(tid('dispute-kind'));
    await page.locator('.ant-select-item-option', { hasText: '联合调解' }).click();
    await page.click(tid('dispute-joint-quarters'));
    await page.locator('.ant-select-item-option', { hasText: '二号小区' }).click();
    await page.keyboard.press('Escape');
    expect(await page.textContent('.ant-modal-body')).toContain('5.1.4.2');
    await page.fill(tid('dispute-mediator-name'), '街道人民调解委员会 何敏');
    await page.click(tid('dispute-step-submit'));
    await page.waitForSelector(`${tid('dispute-detail')} [data-status="mediating"]`);
    expect(await page.textContent(tid('dispute-joint-list'))).toContain('二号小区');
    await screenshot(page, 'e2e-disputes-joint-desk');
    await page.context().close();
    // Quarter 2's commissioner sees it in the register.
    const other = await newDesktopPage(browser);
    await login(other, 'commissioner2');
    await other.goto(`${base}/disputes`);
    await other.waitForSelector(`${tid('dispute-row')}[data-dispute-id="${id}"]`);
    await other.context().close();
  });

  it('shows a public mediation on the public board: time, place and kind, without the parties', { timeout: 120_000 }, async () => {
    const id = await dispute({ subject: '楼顶违建遮挡采光', category: 'neighbour' });
    const when = new Date(Date.now() + 2 * 86_400_000).toISOString();
    expect((await commissioner.post(`/api/disputes/${id}/schedule`, { kind: 'public', at: when, place: '社区议事厅', mediatorName: '人民调解员 吴律师' })).statusCode).toBe(200);
    const phone = await newPhonePage(browser);
    await phone.goto(`${base}/q/${t.fx.q1}`);
    await phone.waitForSelector(tid('board-mediations'));
    const text = (await phone.textContent(tid('board-mediations'))) ?? '';
    for (const s of ['公开调解', '社区议事厅', '相邻关系', '5.1.4.2']) expect(text, s).toContain(s);
    const page = (await phone.textContent('body')) ?? '';
    for (const s of ['王某', '李某', '楼顶违建', '吴律师']) expect(page, s).not.toContain(s);
    await phone.locator(tid('board-mediations')).scrollIntoViewIfNeeded();
    await screenshot(phone, 'e2e-disputes-board-phone', { fullPage: false });
    await phone.context().close();
  });
});
