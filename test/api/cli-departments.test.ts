// `gongzhi department list|attach|detach` (and `gongzhi holiday`, the calendar of working days): which department (湘建房〔2021〕231号 附件) an account of
// the department role belongs to, set from the shell as the district office of the account; the
// functions behind each command on the test database, and the installed command once on a
// database of its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachDepartment, detachDepartment, listDepartments } from '../../src/cli/departments';
import { UsageError } from '../../src/cli/users';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;

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

describe('gongzhi department (the functions behind it)', () => {
  it('attach gives the account its department’s queue; detach takes it away; both audited as gongzhi-cli', async () => {
    const k = t.db.kysely;
    const list = collect();
    await listDepartments(k, {}, list.out);
    expect(list.text()).toContain('  住房和城乡建设部门\n');
    expect(list.text()).toMatch(/department\s+\(none\)/);

    const c = collect();
    await attachDepartment(k, 'department', '住房和城乡建设部门', c.out);
    expect(c.text()).toContain('Account department now belongs to 住房和城乡建设部门');
    const member = await k.selectFrom('case_department_members').select(['department', 'district_id']).where('user_id', '=', (await k.selectFrom('users').select('id').where('username', '=', 'department').executeTakeFirstOrThrow()).id).executeTakeFirst();
    expect(member).toEqual({ department: '住房和城乡建设部门', district_id: t.fx.districtA });
    // The API sees the same: the district office's list of department accounts.
    const api = (await (await t.login('district')).get('/api/cases/department-accounts')).json();
    expect(api.items).toEqual([expect.objectContaining({ department: '住房和城乡建设部门' })]);
    const listed = collect();
    await listDepartments(k, { district: t.fx.districtA }, listed.out);
    expect(listed.text()).toMatch(/department\s+住房和城乡建设部门/);
    expect(listed.text()).toContain('1 department account(s)');

    await detachDepartment(k, 'department', c.out);
    expect(c.text()).toContain('belongs to no department now');
    expect(await k.selectFrom('case_department_members').selectAll().execute()).toEqual([]);
    const audit = await k.selectFrom('audit_log').select(['action', 'username']).where('entity', '=', 'department_account').execute();
    expect(audit).toEqual([
      { action: 'update', username: 'gongzhi-cli' },
      { action: 'update', username: 'gongzhi-cli' },
    ]);
  });

  it('refuses an unknown account, an account of another role and an unknown department, writing nothing', async () => {
    const k = t.db.kysely;
    const c = collect();
    await expect(attachDepartment(k, 'nobody', '住房和城乡建设部门', c.out)).rejects.toThrow('No account named "nobody"');
    await expect(attachDepartment(k, 'committee', '住房和城乡建设部门', c.out)).rejects.toThrow(/not of the department role/);
    await expect(attachDepartment(k, 'department', '宣传部', c.out)).rejects.toBeInstanceOf(UsageError);
    await expect(detachDepartment(k, 'grid', c.out)).rejects.toBeInstanceOf(UsageError);
    await expect(listDepartments(k, { district: 'x' }, c.out)).rejects.toBeInstanceOf(UsageError);
    expect(await k.selectFrom('case_department_members').selectAll().execute()).toEqual([]);
    expect(c.text()).toBe('');
  });
});

describe('the installed command', () => {
  const data = mkdtempSync(path.join(tmpdir(), 'gongzhi-cli-departments-'));
  afterAll(() => rmSync(data, { recursive: true, force: true }));
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, ['bin/gongzhi.mjs', ...args], { encoding: 'utf8', env: { ...process.env, GONGZHI_DATA: data, GONGZHI_DEMO: '0', DATABASE_URL: '', ...env } });

  it('attaches, lists and detaches an account on its own database; a refusal exits with 1', () => {
    const district = run(['add-district', '测试区']);
    expect(district.status, district.stderr).toBe(0);
    const districtId = /created: (\S+)/.exec(district.stdout)![1];
    expect(run(['add-user', '--username', 'zhujian', '--name', '区住建局', '--role', 'department', '--scope', `district:${districtId}`], { GONGZHI_PASSWORD: 'first-password-1' }).status).toBe(0);
    const attach = run(['department', 'attach', 'zhujian', '住房和城乡建设部门']);
    expect(attach.status, attach.stderr).toBe(0);
    expect(run(['department', 'list']).stdout).toMatch(/zhujian\s+住房和城乡建设部门\s+district:\S+\s+区住建局/);
    expect(run(['department', 'detach', 'zhujian']).status).toBe(0);
    expect(run(['department', 'list', '--district', districtId]).stdout).toMatch(/zhujian\s+\(none\)/);
    const bad = run(['department', 'attach', 'zhujian', '宣传部']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Unknown department "宣传部"');
  }, 120_000);
});

describe('gongzhi holiday (the functions behind it)', () => {
  it('lists the 2026 notice, sets and removes a day of 2027, refuses bad input writing nothing', async () => {
    const { listHolidays, removeHoliday, setHoliday } = await import('../../src/cli/holidays');
    const k = t.db.kysely;
    const list = collect();
    await listHolidays(k, { year: '2026' }, list.out);
    expect(list.text()).toContain('2026-10-10  workday 调休上班  国庆节调休上班  (国务院办公厅关于2026年部分节假日安排的通知)\n');
    expect(list.text()).toContain('39 day(s)');
    const c = collect();
    await setHoliday(k, '2027-01-01', 'holiday', '元旦', { source: '国务院办公厅关于2027年部分节假日安排的通知' }, c.out);
    expect(c.text()).toBe('2027-01-01 is now a holiday (放假): 元旦\n');
    await expect(setHoliday(k, '2027-02-30', 'holiday', '春节', {}, c.out)).rejects.toThrow('is not a day');
    await expect(setHoliday(k, '2027-02-10', 'vacation', '春节', {}, c.out)).rejects.toBeInstanceOf(UsageError);
    await expect(setHoliday(k, '2027-02-10', 'holiday', ' ', {}, c.out)).rejects.toBeInstanceOf(UsageError);
    await expect(listHolidays(k, { year: 'next' }, c.out)).rejects.toBeInstanceOf(UsageError);
    const kept = collect();
    await listHolidays(k, { year: '2027' }, kept.out);
    expect(kept.text()).toBe('2027-01-01  holiday 放假    元旦  (国务院办公厅关于2027年部分节假日安排的通知)\n1 day(s)\n');
    await removeHoliday(k, '2027-01-01', c.out);
    await expect(removeHoliday(k, '2027-01-01', c.out)).rejects.toThrow('2027-01-01 is not on the calendar');
    const audit = await k.selectFrom('audit_log').select(['action', 'username']).where('entity', '=', 'public_calendar_day').execute();
    expect(audit).toEqual([
      { action: 'create', username: 'gongzhi-cli' },
      { action: 'delete', username: 'gongzhi-cli' },
    ]);
  });
});
