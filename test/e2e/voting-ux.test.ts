// What a new user trips over in voting and the audit log (issue 10, points 5, 7, 8, 9, 10, 13
// and 14), walked in the browser as each person would: staff at 1440 px, owners and the public
// at 390 px, in Chinese. The quarter Q1 of the fixture has 1幢 and 2幢, each with 1-101 and 1-102;
// its owners' committee is put in office here, so the committee account runs its votes and the
// community office does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, type Session, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { AFTER, DURING, fixtureCredentials, minimalPdf, openedVote, voteClock, voteOnline as castOnline, type Credential } from '../support/voting';

const clock = voteClock();
let t: TestApp;
let browser: Browser;
let base: string;
let committee: Session;
let creds: Credential[];
let voteId: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  clock.set(DURING);
  creds = await fixtureCredentials(t, 'q1');
  committee = await t.login('committee');
  // Q1's owners' committee is in office, with two members (its formation is tested in organizations.test.ts).
  const k = t.db.kysely;
  const common = { district_id: t.fx.districtA, quarter_id: t.fx.q1 };
  const inOffice = await k.insertInto('owners_committees').values({ ...common, term_start: '2025-01-01', term_end: '2029-12-31', status: 'active' }).returning('id').executeTakeFirstOrThrow();
  for (const [i, position] of (['chair', 'member'] as const).entries()) {
    await k.insertInto('committee_members').values({ ...common, committee_id: inOffice.id, owner_id: t.fx.owners.q1[i], name: `委员${i + 1}`, position }).execute();
  }
  voteId = await openedVote(committee, t.fx.q1, {
    title: '2026年第二次业主大会',
    items: [
      { title: '续聘物业服务企业', article278Item: 4 },
      { title: '使用维修资金加装电梯', article278Item: 6 },
    ],
  });
}, 120_000);
afterAll(async () => {
  clock.reset();
  await browser?.close();
  await t?.close();
});

async function login(page: Page, username: string) {
  await submitLogin(page, base, username, PASSWORD);
  await page.waitForSelector(tid('header-user-name'));
}

async function voteOnline(c: Credential, choices: Record<string, string>) {
  const cast = await castOnline(t, voteId, c, choices);
  expect(cast.statusCode).toBe(201);
}

describe('voting and the audit log as a new user meets them', () => {
  it('13/14. the community office is not offered 新建表决 where the committee runs votes; labels say what they mean', { timeout: 120_000 }, async () => {
    const office = await newDesktopPage(browser);
    await login(office, 'community');
    await office.goto(`${base}/votes`);
    await office.waitForSelector(tid('vote-list'));
    expect(await office.locator(tid('vote-create')).count()).toBe(0);
    await office.waitForSelector(tid('vote-create-not-ours'));
    await screenshot(office, 'e2e-voteux-community-votes');
    // Reached by its address all the same, the form says why before anything is typed.
    await office.goto(`${base}/votes/new`);
    await office.waitForSelector(tid('vote-form-not-ours'));
    expect(await office.textContent(tid('vote-form-not-ours'))).toContain('西政办〔2020〕29号 二（五）15');
    expect(await office.isDisabled(tid('vote-form-submit'))).toBe(true);

    // The organisations tab: the rules in force by their name, and a committee column that says what it holds.
    await office.goto(`${base}/quarters/${t.fx.q1}?tab=section-organizations`);
    await office.waitForSelector(tid('org-pack'));
    expect(await office.textContent(tid('org-pack'))).toContain('T/ZAS 4006.1—2020');
    await office.waitForSelector(tid('org-committee-member-row'));
    const headers = await office.locator('th').allTextContents();
    expect(headers).toContain('任职情况');
    expect(headers).not.toContain('已退出');
    expect(await office.locator(`${tid('org-remove')}`).first().textContent()).toBe('办理退出');
    await screenshot(office, 'e2e-voteux-organizations-labels');
    await office.context().close();

    // The committee runs Q1's votes: it is offered the form, whose item (9) reads by what it needs.
    const page = await newDesktopPage(browser);
    await login(page, 'committee');
    await page.goto(`${base}/votes`);
    await page.waitForSelector(tid('vote-create'));
    await page.click(tid('vote-create'));
    await page.waitForSelector(tid('vote-form-item-article-0'));
    await page.click(tid('vote-form-item-article-0'));
    const option9 = page.locator('.ant-select-item-option', { hasText: '（9）' });
    await option9.waitFor();
    const label9 = (await option9.textContent()) ?? '';
    expect(label9).toContain('双过半事项');
    expect(label9).not.toContain('一般事项');
    await screenshot(page, 'e2e-voteux-form-item9', { fullPage: false });
    await page.keyboard.press('Escape');

    // An open vote without ballots: the entry log says so, not 暂无表决.
    const empty = await openedVote(committee, t.fx.q1, { title: '空白表决' });
    await page.goto(`${base}/votes/${empty}`);
    await page.waitForSelector(tid('vote-entry-log'));
    const log = (await page.textContent(tid('vote-entry-log'))) ?? '';
    expect(log).toContain('暂无录入记录');
    expect(log).not.toContain('暂无表决');
    await page.context().close();
  });

  it('5. a paper ballot: "1-102" and Enter picks nothing in another building; the unit shows building and owner; 录入 asks to confirm', { timeout: 120_000 }, async () => {
    // 1幢 1-102 (creds[1]) has voted online: the first free 1-102 is 2幢's.
    await voteOnline(creds[1], { '1': 'yes', '2': 'yes' });
    const page = await newDesktopPage(browser);
    await login(page, 'committee');
    await page.goto(`${base}/votes/${voteId}`);
    await page.waitForSelector(tid('vote-entry-form'));
    const unit = page.locator(`${tid('vote-entry-unit')} input`);
    await unit.click();
    await unit.fill('1-102');
    await expect.poll(() => page.locator(tid('vote-entry-unit-option')).count()).toBe(2);
    const options = await page.locator(tid('vote-entry-unit-option')).allTextContents();
    expect(options[0]).toContain('1幢');
    expect(options[0]).toContain('已投票');
    expect(options[1]).toContain('2幢');
    expect(options[1]).toContain('一*****4');
    await screenshot(page, 'e2e-voteux-entry-options', { fullPage: false });
    await page.keyboard.press('Enter');
    // Nothing was chosen for the worker: the hint, not a unit, is under the field.
    expect(await page.locator(tid('vote-entry-chosen')).count()).toBe(0);
    await unit.click();
    await unit.fill('2幢');
    await expect.poll(() => page.locator(tid('vote-entry-unit-option')).count()).toBe(2);
    await unit.fill('1-102');
    await expect.poll(() => page.locator(tid('vote-entry-unit-option')).count()).toBe(2);
    await page.locator(tid('vote-entry-unit-option'), { hasText: '2幢' }).click();
    await page.waitForSelector(tid('vote-entry-chosen'));
    expect(await page.textContent(tid('vote-entry-chosen'))).toContain('2幢 1-102，业主 一*****4');
    await page.click(`${tid('vote-entry-choice-1')} input[value="no"]`);
    await page.click(`${tid('vote-entry-choice-2')} input[value="yes"]`);
    await page.setInputFiles(`${tid('vote-entry-form')} input[type=file]`, { name: '2幢1-102.pdf', mimeType: 'application/pdf', buffer: minimalPdf('/Title (2-1-102) ') });
    await page.waitForSelector(`${tid('vote-entry-form')} >> text=2幢1-102.pdf`);
    await page.click(tid('vote-entry-submit'));
    // The confirmation shows what will be saved, as on the paper.
    await page.waitForSelector(tid('vote-entry-confirm'));
    const summary = (await page.textContent(tid('vote-entry-confirm'))) ?? '';
    for (const text of ['2幢', '1-102', '一*****4', '纸质选票', '反对', '同意', '2幢1-102.pdf']) expect(summary).toContain(text);
    await screenshot(page, 'e2e-voteux-entry-confirm');
    await page.click(tid('vote-entry-confirm-ok'));
    await page.waitForSelector(`${tid('vote-entry-row')}[data-channel="paper"]`);
    expect(await page.textContent(`${tid('vote-entry-row')}[data-channel="paper"]`)).toContain('2幢 1-102');
    await page.context().close();
  });

  it('7. the vote window: a date alone is kept, and times are China time in a browser set to UTC', { timeout: 120_000 }, async () => {
    const page = await newDesktopPage(browser, { timezoneId: 'UTC' });
    await login(page, 'committee');
    await page.goto(`${base}/votes/new?quarterId=${t.fx.q1}`);
    await page.waitForSelector(tid('vote-form-title'));
    await page.fill(tid('vote-form-title'), '时区测试表决');
    const inputs = page.locator(`${tid('vote-form-window')} input`);
    await inputs.nth(0).click();
    await inputs.nth(0).fill('2026-12-01 21:00');
    await inputs.nth(1).click();
    await inputs.nth(1).fill('2026-12-15');
    await page.click(tid('vote-form-title'));
    await page.waitForSelector(tid('vote-form-window-preview'));
    expect(await page.textContent(tid('vote-form-window-preview'))).toContain('2026-12-01 21:00 – 2026-12-15 24:00');
    await page.fill(tid('vote-form-item-title-0'), '续聘物业服务企业');
    await page.click(tid('vote-form-item-article-0'));
    await page.locator('.ant-select-item-option', { hasText: '（4）' }).click();
    await screenshot(page, 'e2e-voteux-window-utc');
    await page.click(tid('vote-form-submit'));
    await page.waitForURL(/\/votes\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const saved = (await committee.get(`/api/votes/${id}`)).json();
    expect(new Date(saved.opensAt).toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(new Date(saved.closesAt).toISOString()).toBe('2026-12-15T16:00:00.000Z');
    // The page shows the window in China time, as saved.
    await page.waitForSelector(tid('vote-title'));
    expect(await page.textContent('body')).toContain('2026-12-01 21:00 – 2026-12-15 24:00');
    await page.context().close();
  });

  it('9. the public page of an open vote says so and links to voting', { timeout: 60_000 }, async () => {
    const pub = await newPhonePage(browser);
    await pub.goto(`${base}/public/votes/${voteId}`);
    await pub.waitForSelector(tid('public-vote-go'));
    const header = (await pub.textContent('header')) ?? '';
    expect(header).toContain('表决进行中');
    expect(header).not.toContain('表决结果公示');
    expect(await pub.getAttribute(tid('public-vote-go'), 'href')).toBe(`/me/votes/${voteId}`);
    await screenshot(pub, 'e2e-voteux-public-open');
    // An owner follows it, signs in, and lands on the vote.
    await pub.click(tid('public-vote-go'));
    await pub.waitForSelector(tid('login-username'));
    await pub.fill(tid('login-username'), 'owner');
    await pub.fill(tid('login-password'), PASSWORD);
    await pub.click(tid('login-submit'));
    await pub.waitForURL(`${base}/me/votes/${voteId}`);
    await pub.context().close();
  });

  it('8. the result says why: each ratio with what it needs, the quorum against two thirds with its clause, and what the checks mean', { timeout: 120_000 }, async () => {
    await voteOnline(creds[2], { '1': 'yes', '2': 'no' });
    clock.set(AFTER);
    expect((await committee.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    const page = await newDesktopPage(browser);
    await login(page, 'committee');
    await page.goto(`${base}/votes/${voteId}`);
    await page.waitForSelector(tid('vote-result-row'));
    const quorum = (await page.textContent(tid('vote-quorum-line'))) ?? '';
    expect(quorum).toContain('三分之二');
    expect(quorum).toContain('第二百七十八条第二款');
    const rows = page.locator(tid('vote-result-row'));
    expect(await rows.nth(0).textContent()).toContain('需超过 50%');
    expect(await rows.nth(0).locator(tid('vote-result-rule')).textContent()).toContain('都要超过参与表决的一半');
    expect(await rows.nth(1).textContent()).toContain('需达到 75%');
    expect(await rows.nth(1).locator(tid('vote-result-rule')).textContent()).toContain('四分之三');
    expect(await page.textContent(tid('vote-fingerprint-help'))).toContain('名册指纹');
    const valid = page.locator('.gz-help-line', { hasText: '重新计票' });
    expect(await valid.locator('a').getAttribute('href')).toBe('/help/vote-record');
    await screenshot(page, 'e2e-voteux-result-staff');
    await page.context().close();

    // The help page the links lead to, on a phone.
    const help = await newPhonePage(browser);
    await help.goto(`${base}/help/vote-record`);
    await help.waitForSelector(tid('vote-help'));
    const text = (await help.textContent(tid('vote-help'))) ?? '';
    for (const s of ['名册指纹', '记录校验通过', '回执码', 'gongzhi tally', '三分之二']) expect(text).toContain(s);
    await screenshot(help, 'e2e-voteux-help');
    await help.context().close();
  });

  it('9. once published, the public page shows the result with its thresholds and prints as an A4 notice without the app frame', { timeout: 120_000 }, async () => {
    const closed = (await committee.get(`/api/votes/${voteId}`)).json();
    clock.set(new Date(new Date(closed.objectionEndsAt).getTime() + 60_000));
    expect((await committee.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
    const pub = await newPhonePage(browser);
    await pub.goto(`${base}/public/votes/${voteId}`);
    await pub.waitForSelector(tid('vote-result-row'));
    expect(await pub.textContent('header')).toContain('表决结果公示');
    expect(await pub.locator(tid('public-vote-go')).count()).toBe(0);
    expect(await pub.textContent(tid('vote-result'))).toContain('需超过 50%');
    await screenshot(pub, 'e2e-voteux-public-published');
    await pub.context().close();

    const print = await newDesktopPage(browser, { viewport: { width: 794, height: 1123 } });
    await print.goto(`${base}/public/votes/${voteId}`);
    await print.waitForSelector(tid('public-vote-print'));
    await print.waitForSelector(tid('vote-result-row'));
    await print.emulateMedia({ media: 'print' });
    expect(await print.isVisible('header')).toBe(false);
    expect(await print.isVisible(tid('public-vote-print'))).toBe(false);
    expect(await print.isVisible(tid('vote-receipt-input'))).toBe(false);
    expect(await print.isVisible(tid('public-vote-notice'))).toBe(true);
    expect(await print.textContent(tid('public-vote-notice'))).toContain('关于“2026年第二次业主大会”表决结果的公告');
    await screenshot(print, 'e2e-voteux-public-print');
    const pdf = await print.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await print.context().close();
  });

  it('10. the audit log speaks the user’s language and names people; sign-ins are in the security log', { timeout: 120_000 }, async () => {
    const page = await newDesktopPage(browser);
    await login(page, 'district');
    await page.goto(`${base}/audit`);
    await page.waitForSelector(tid('audit-row'));
    const table = (await page.textContent(tid('audit-table'))) ?? '';
    for (const s of ['开始投票', '公布结果', '表决', '测试committee']) expect(table).toContain(s);
    for (const code of ['open', 'publish', 'vote_objection', 'login']) expect(table).not.toMatch(new RegExp(`\\b${code}\\b`));
    expect(table).not.toContain('登录');
    // The entry of the opening, expanded: its fields and values in words.
    const opened = page.locator(tid('audit-row'), { hasText: '开始投票' }).first();
    await opened.locator('.ant-table-row-expand-icon').click();
    const diff = (await page.locator('.ant-table-expanded-row').first().textContent()) ?? '';
    for (const s of ['状态', '投票中', '专有部分总面积', '名册指纹']) expect(diff).toContain(s);
    expect(diff).not.toContain('rollArea');
    await screenshot(page, 'e2e-voteux-audit-changes');
    await page.click(tid('audit-tab-security'));
    await expect.poll(async () => (await page.textContent(tid('audit-table'))) ?? '').toContain('登录');
    const security = (await page.textContent(tid('audit-table'))) ?? '';
    expect(security).toContain('测试district');
    expect(security).not.toContain('开始投票');
    await screenshot(page, 'e2e-voteux-audit-security');
    await page.context().close();
  });
});
