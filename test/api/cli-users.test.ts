// `gongzhi user list|disable|enable|reset-password|move` (docs/operations.md, "Accounts"): the
// functions behind each command on the test database, and the installed command itself once,
// end to end on a database of its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableAccount, listAccounts, moveAccountTo, resetAccountPassword, UsageError } from '../../src/cli/users';
import { modules } from '../../src/server/app';
import { installModules } from '../../src/server/platform/module';
import { createTestApp, PASSWORD, type TestApp } from '../support/app';

let t: TestApp;
const offices = installModules(modules).officeRecords;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

function collect() {
  let text = '';
  return { out: { write: (s: string) => void (text += s) }, text: () => text };
}

const loginStatus = async (username: string, password = PASSWORD) =>
  (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: '10.66.0.1' })).statusCode;

describe('gongzhi user (the functions behind it)', () => {
  it('disable ends the sessions and refuses the login; enable lets it log in again; both are audited as gongzhi-cli', async () => {
    const session = await t.login('grid');
    const c = collect();
    await disableAccount(t.db.kysely, 'grid', true, c.out);
    expect(c.text()).toContain('Account grid disabled');
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect(await loginStatus('grid')).toBe(401);
    await disableAccount(t.db.kysely, 'grid', false, c.out);
    expect(await loginStatus('grid')).toBe(200);
    const entries = await t.db.kysely.selectFrom('audit_log').select(['action', 'username']).where('entity', '=', 'user').where('action', 'in', ['disable', 'enable']).execute();
    expect(entries).toEqual(expect.arrayContaining([{ action: 'disable', username: 'gongzhi-cli' }, { action: 'enable', username: 'gongzhi-cli' }]));
  });

  it('list shows the state of each account, inside a place', async () => {
    const c = collect();
    await listAccounts(t.db.kysely, offices, { scope: `quarter:${t.fx.q1}`, role: 'committee' }, c.out);
    expect(c.text()).toMatch(/^committee\s+committee\s+quarter:\S+\s+active\s+测试committee\n1 account\(s\)\n$/);
    await expect(listAccounts(t.db.kysely, offices, { role: 'nobody' }, c.out)).rejects.toBeInstanceOf(UsageError);
  });

  it('reset-password prints a generated password once and forces a change', async () => {
    const c = collect();
    await resetAccountPassword(t.db.kysely, 'leader', undefined, c.out);
    const temporary = /Temporary password \(shown once\): (\S+)/.exec(c.text())![1];
    expect(await loginStatus('leader', PASSWORD)).toBe(401);
    const fresh = await t.login('leader', temporary);
    expect((await fresh.get('/api/auth/me')).json().user.mustChangePassword).toBe(true);
    const listed = collect();
    await listAccounts(t.db.kysely, offices, { role: 'building_leader' }, listed.out);
    expect(listed.text()).toContain('active,must-change-password');
    // A given one is not printed.
    const given = collect();
    await resetAccountPassword(t.db.kysely, 'leader', 'given-temp-88', given.out);
    expect(given.text()).not.toContain('given-temp-88');
  });

  it('move binds the account elsewhere in its district, and refuses another district', async () => {
    const c = collect();
    await moveAccountTo(t.db.kysely, offices, 'grid', { role: 'grid_worker', scope: `community:${t.fx.communityA2}` }, c.out);
    expect(c.text()).toContain(`Account grid is now Grid worker at community:${t.fx.communityA2}`);
    const row = await t.db.kysely.selectFrom('users').select(['scope_level', 'community_id', 'quarter_id']).where('username', '=', 'grid').executeTakeFirstOrThrow();
    expect(row).toEqual({ scope_level: 'community', community_id: t.fx.communityA2, quarter_id: null });
    await expect(moveAccountTo(t.db.kysely, offices, 'grid', { role: 'grid_worker', scope: `community:${t.fx.communityB1}` }, c.out)).rejects.toMatchObject({ code: 'SCOPE_OUTSIDE' });
    await expect(moveAccountTo(t.db.kysely, offices, 'grid', { role: 'grid_worker', scope: 'community:nope' }, c.out)).rejects.toBeInstanceOf(UsageError);
    await expect(disableAccount(t.db.kysely, 'nobody-here', true, c.out)).rejects.toBeInstanceOf(UsageError);
  });
});

describe('the installed command', () => {
  const data = mkdtempSync(path.join(tmpdir(), 'gongzhi-cli-users-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['bin/gongzhi.mjs', ...args], { encoding: 'utf8', env: { ...process.env, GONGZHI_DATA: data, GONGZHI_DEMO: '0', DATABASE_URL: '', ...env } });

  it('creates, resets, disables and lists an account on its own database', () => {
    const district = run(['add-district', '测试区']);
    expect(district.status, district.stderr).toBe(0);
    const districtId = /created: (\S+)/.exec(district.stdout)![1];
    expect(run(['add-user', '--username', 'first', '--name', '首位管理员', '--role', 'district_office', '--scope', `district:${districtId}`], { GONGZHI_PASSWORD: 'first-password-1' }).status).toBe(0);
    const reset = run(['user', 'reset-password', 'first']);
    expect(reset.status, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/Temporary password \(shown once\): [A-Za-z2-9]{12}/);
    expect(run(['user', 'disable', 'first']).stdout).toContain('Account first disabled');
    const list = run(['user', 'list']);
    expect(list.stdout).toMatch(/first\s+district_office\s+district:\S+\s+disabled,must-change-password\s+首位管理员/);
    const unknown = run(['user', 'enable', 'nobody']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No account named "nobody"');
  }, 120_000);
});
