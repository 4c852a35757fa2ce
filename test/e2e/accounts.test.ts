// Account lifecycle in the browser (issue 11, point 7): the community office disables an account
// (whose open page loses its session at once) and resets another's password (shown once); the
// holder logs in with it and must change it first; an account whose office ended is told why.
// Desktop, 1440 px, zh-CN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates';
import { shanghaiDate } from '../../src/server/modules/organizations/shared';
import { insertUser } from '../../src/server/modules/users/service';
import { PASSWORD, type TestApp } from '../support/app';
import { launchBrowser, newDesktopPage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import { serveBuiltWebApp } from '../support/web-app';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function loginAs(username: string, password = PASSWORD): Promise<Page> {
  const page = await newDesktopPage(browser);
  await submitLogin(page, base, username, password);
  return page;
}

const idOf = async (username: string) => (await t.db.kysely.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('accounts in the browser', () => {
  it('the community office disables an account with a confirmation; the account’s open page is logged out', async () => {
    const grid = await loginAs('grid');
    await grid.waitForSelector(tid('header-user-name'));

    const office = await loginAs('community');
    await office.waitForSelector(tid('quarter-list'));
    await office.goto(`${base}/users`);
    await office.waitForSelector(tid('user-table'));
    const gridId = await idOf('grid');
    await office.click(`${tid('user-disable')}[data-user-id="${gridId}"]`);
    await office.click(tid('user-confirm'));
    await office.waitForSelector(`${tid('user-enable')}[data-user-id="${gridId}"]`);
    expect(await office.textContent(`${tid('user-status')}[data-user-id="${gridId}"]`)).toContain('已停用');
    // The office's own row offers nothing to do to itself.
    const ownId = await idOf('community');
    expect(await office.locator(`${tid('user-disable')}[data-user-id="${ownId}"]`).count()).toBe(0);
    await screenshot(office, 'e2e-accounts-disabled');

    await grid.reload();
    await grid.waitForSelector(tid('login-form'));
    await grid.context().close();

    await office.click(`${tid('user-enable')}[data-user-id="${gridId}"]`);
    await office.click(tid('user-confirm'));
    await office.waitForSelector(`${tid('user-disable')}[data-user-id="${gridId}"]`);

    // The move dialog of a committee account offers the quarter's member records to link.
    await office.click(`${tid('user-move')}[data-user-id="${await idOf('committee')}"]`);
    await office.waitForSelector(tid('user-form-office'));
    await screenshot(office, 'e2e-accounts-move-dialog');
    await office.context().close();
  });

  it('the office resets a password; the generated one is shown once, and the holder must change it first', async () => {
    const office = await loginAs('community');
    await office.waitForSelector(tid('quarter-list'));
    await office.goto(`${base}/users`);
    await office.waitForSelector(tid('user-table'));
    const leaderId = await idOf('leader');
    await office.click(`${tid('user-reset')}[data-user-id="${leaderId}"]`);
    await office.waitForSelector(tid('user-reset-mode'));
    await screenshot(office, 'e2e-accounts-reset-dialog');
    await office.click(tid('user-reset-submit'));
    await office.waitForSelector(tid('user-temporary-password'));
    const temporary = (await office.textContent(tid('user-temporary-password')))!.trim();
    expect(temporary).toMatch(/^[A-Za-z2-9]{12}$/);
    await screenshot(office, 'e2e-accounts-reset-shown');
    await office.context().close();

    const leader = await loginAs('leader', temporary);
    await leader.waitForSelector(tid('password-must-change'));
    expect(new URL(leader.url()).pathname).toBe('/account');
    await screenshot(leader, 'e2e-accounts-must-change');
    await leader.fill(tid('password-current'), temporary);
    await leader.fill(tid('password-new'), 'leader-new-pass-1');
    await leader.fill(tid('password-confirm'), 'leader-new-pass-1');
    await leader.click(tid('password-submit'));
    await leader.waitForURL((url) => url.pathname !== '/account');
    expect(await leader.locator(tid('password-must-change')).count()).toBe(0);
    await leader.context().close();
  });

  it('an account whose office ended logs in and is told why', async () => {
    const k = t.db.kysely;
    const common = { district_id: t.fx.districtA, quarter_id: t.fx.q1 };
    const yesterday = addDays(shanghaiDate(), -1);
    const committee = (await k.insertInto('owners_committees').values({ ...common, term_start: '2022-01-01', term_end: yesterday, status: 'active' }).returning('id').executeTakeFirstOrThrow()).id;
    const member = (await k.insertInto('committee_members').values({ ...common, committee_id: committee, owner_id: t.fx.owners.q1[1], name: '赵主任', position: 'chair' }).returning('id').executeTakeFirstOrThrow()).id;
    await insertUser(k, { username: 'chair', displayName: '业委会主任 赵', role: 'committee', scopeLevel: 'quarter', scopeId: t.fx.q1, password: PASSWORD, office: { kind: 'committee_member', id: member } });
    const page = await loginAs('chair');
    await page.waitForSelector(tid('office-ended-banner'));
    expect(await page.textContent(tid('office-ended-banner'))).toContain(`任期已于 ${yesterday} 届满`);
    await screenshot(page, 'e2e-accounts-office-ended');
    await page.context().close();

    // The office sees it on the accounts page too.
    const office = await loginAs('community');
    await office.waitForSelector(tid('quarter-list'));
    await office.goto(`${base}/users`);
    await office.waitForSelector(tid('user-table'));
    expect(await office.textContent(`${tid('user-status')}[data-user-id="${await idOf('chair')}"]`)).toContain('职务已结束');
    await screenshot(office, 'e2e-accounts-list');
    await office.context().close();
  });
});
