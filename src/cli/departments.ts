// `gongzhi department list|attach|detach`: which department (住建, 公安, 城管, … as the duty list
// annexed to 湘建房〔2021〕231号 names them) an account of the department role belongs to, from the
// server's shell. Like `gongzhi user`, the command acts as the district office of the account's
// district through the cases module's own service: the same checks, the same audit entry (as
// "gongzhi-cli"). An account of the role without a department sees only the cases it raised.
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema';
import { departmentAccounts, setAccountDepartment } from '../server/modules/cases';
import { accountFor } from '../server/modules/users';
import { DEPARTMENTS } from '../core/cases';
import { cliContext, UsageError, type Out } from './users';

type DB = Kysely<Database>;

async function departmentAccount(db: DB, username: string) {
  const row = await accountFor(db, { username: username.trim() });
  if (!row) throw new UsageError(`No account named "${username}"`);
  if (row.role !== 'department') throw new UsageError(`Account ${row.username} is not of the department role (it is ${row.role}); only a department's account belongs to a department.`);
  return row;
}

/**
 * The departments one may attach to, then every account of the department role (of one
 * district, or of all) with the department it belongs to, or "(none)".
 */
export async function listDepartments(db: DB, opts: { district?: string }, out: Out): Promise<void> {
  if (opts.district !== undefined && !/^[0-9a-f-]{36}$/i.test(opts.district)) throw new UsageError('--district takes the id of a district (a uuid)');
  out.write(`Departments (湘建房〔2021〕231号 附件):\n${DEPARTMENTS.map((d) => `  ${d}\n`).join('')}`);
  let q = db.selectFrom('users').select(['id', 'username', 'display_name', 'district_id', 'disabled']).where('role', '=', 'department').orderBy('username');
  if (opts.district) q = q.where('district_id', '=', opts.district);
  const accounts = await q.execute();
  const memberOf = new Map<string, string>();
  for (const districtId of new Set(accounts.map((a) => a.district_id))) {
    const { items } = await departmentAccounts(db, cliContext(districtId));
    for (const i of items) memberOf.set(i.userId, i.department);
  }
  out.write('Department accounts:\n');
  for (const a of accounts) out.write(`  ${a.username.padEnd(16)} ${(memberOf.get(a.id) ?? '(none)').padEnd(20, '　')} district:${a.district_id}${a.disabled ? '  disabled' : ''}  ${a.display_name}\n`);
  out.write(`${accounts.length} department account(s)\n`);
}

/** Attaches a department's account to a department (replacing the one it had). */
export async function attachDepartment(db: DB, username: string, department: string, out: Out): Promise<void> {
  const row = await departmentAccount(db, username);
  const name = department.trim();
  if (!DEPARTMENTS.includes(name)) throw new UsageError(`Unknown department "${name}"; use one of ${DEPARTMENTS.join('、')} (gongzhi department list)`);
  await setAccountDepartment(db, cliContext(row.district_id), row.id, name);
  out.write(`Account ${row.username} now belongs to ${name}: it sees the cases dispatched to ${name} in its district.\n`);
}

/** Detaches a department's account from its department. */
export async function detachDepartment(db: DB, username: string, out: Out): Promise<void> {
  const row = await departmentAccount(db, username);
  await setAccountDepartment(db, cliContext(row.district_id), row.id, null);
  out.write(`Account ${row.username} belongs to no department now: it sees only the cases it raised.\n`);
}
