// `gongzhi user list|disable|enable|reset-password|move`: the lifecycle of accounts from the
// server's shell (docs/operations.md, "Accounts"), for the first office account of an
// installation or when nobody who could use the web app is at hand. The command acts as the
// district office of the account's district, through the same services as the API: the same
// checks, the same audit entries (as "gongzhi-cli"), the same end of the account's sessions.
import type { Kysely } from 'kysely';
import type { Database } from '../server/db/schema';
import { SYSTEM_ACTOR_ID } from '../server/modules/registry';
import { accountFor, moveAccount, officeEndedFor, officeEndedMessage, resetPassword, setAccountDisabled } from '../server/modules/users';
import { officeKinds } from '../contracts/users';
import { permissionsOf, roleLabels, roles, scopeLevels, type Actor, type OfficeKind, type Role, type ScopeLevel } from '../server/platform/access';
import type { RequestContext } from '../server/platform/audit';
import type { OfficeRecordsProvider } from '../server/platform/module';

type DB = Kysely<Database>;
export interface Out {
  write(text: string): void;
}

/** An operator's mistake on the command line: printed, exit status 1. */
export class UsageError extends Error {}

/** The command line as the district office of a district. */
export function cliContext(districtId: string): RequestContext {
  const actor: Actor = {
    id: SYSTEM_ACTOR_ID,
    username: 'gongzhi-cli',
    displayName: 'gongzhi user',
    role: 'district_office',
    locale: 'zh-CN',
    scope: { level: 'district', id: districtId },
    path: { districtId },
    ownerId: null,
    permissions: permissionsOf('district_office'),
  };
  return { actor, ip: null };
}

async function accountNamed(db: DB, username: string) {
  const row = await accountFor(db, { username: username.trim() });
  if (!row) throw new UsageError(`No account named "${username}"`);
  return row;
}

/** `level:id`, e.g. quarter:<uuid>. */
export function parseScope(text: string): { level: ScopeLevel; id: string } {
  const [level, id] = text.split(':');
  if (!(scopeLevels as string[]).includes(level) || !/^[0-9a-f-]{36}$/i.test(id ?? '')) throw new UsageError('--scope takes level:id, e.g. quarter:<uuid>');
  return { level: level as ScopeLevel, id };
}

/** Lists accounts: every one, or those bound inside a place; one line each. */
export async function listAccounts(db: DB, offices: OfficeRecordsProvider, opts: { scope?: string; role?: string }, out: Out): Promise<void> {
  let q = db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'scope_level', 'scope_id', 'disabled', 'must_change_password', 'office_kind', 'office_id', 'quarter_id'])
    .orderBy('username');
  if (opts.scope) {
    const { level, id } = parseScope(opts.scope);
    const column = ({ district: 'district_id', street: 'street_id', community: 'community_id', quarter: 'quarter_id', building: 'building_id' } as const)[level];
    q = q.where(column, '=', id);
  }
  if (opts.role) {
    if (!(roles as readonly string[]).includes(opts.role)) throw new UsageError(`Unknown role "${opts.role}"; use one of ${roles.join(', ')}`);
    q = q.where('role', '=', opts.role);
  }
  const rows = await q.execute();
  const now = new Date();
  for (const r of rows) {
    const states: string[] = [r.disabled ? 'disabled' : 'active'];
    if (r.must_change_password) states.push('must-change-password');
    const ended = await officeEndedFor(db, offices, r, now);
    if (ended) states.push(`office-ended:${ended.reason}${ended.since ? `@${ended.since}` : ''}`);
    const office = r.office_kind ? `  ${r.office_kind}:${r.office_id}` : '';
    out.write(`${r.username.padEnd(16)} ${r.role.padEnd(17)} ${`${r.scope_level}:${r.scope_id}`.padEnd(46)} ${states.join(',')}  ${r.display_name}${office}\n`);
  }
  out.write(`${rows.length} account(s)\n`);
}

export async function disableAccount(db: DB, username: string, disabled: boolean, out: Out): Promise<void> {
  const row = await accountNamed(db, username);
  await setAccountDisabled(db, cliContext(row.district_id), row.id, disabled);
  out.write(disabled ? `Account ${row.username} disabled; its sessions have ended.\n` : `Account ${row.username} enabled.\n`);
}

/**
 * Sets a temporary password: the one given (GONGZHI_PASSWORD), or a generated one printed this
 * once. The holder must change it at the next login.
 */
export async function resetAccountPassword(db: DB, username: string, given: string | undefined, out: Out): Promise<void> {
  const row = await accountNamed(db, username);
  if (given !== undefined && given.length < 8) throw new UsageError('The temporary password needs 8 characters or more.');
  const { temporaryPassword } = await resetPassword(db, cliContext(row.district_id), row.id, given);
  out.write(`Password of ${row.username} reset; its sessions have ended. It must be changed at the next login.\n`);
  if (temporaryPassword) out.write(`Temporary password (shown once): ${temporaryPassword}\n`);
}

export async function moveAccountTo(
  db: DB,
  offices: OfficeRecordsProvider,
  username: string,
  opts: { role: string; scope: string; office?: string },
  out: Out,
): Promise<void> {
  const row = await accountNamed(db, username);
  if (!(roles as readonly string[]).includes(opts.role)) throw new UsageError(`Unknown role "${opts.role}"; use one of ${roles.join(', ')}`);
  const { level, id } = parseScope(opts.scope);
  let office: { kind: OfficeKind; id: string } | null = null;
  if (opts.office) {
    const [kind, officeId] = opts.office.split(':');
    if (!(officeKinds as readonly string[]).includes(kind) || !officeId) throw new UsageError(`--office takes kind:id with kind one of ${officeKinds.join(', ')}`);
    office = { kind: kind as OfficeKind, id: officeId };
  }
  await moveAccount(db, offices, cliContext(row.district_id), row.id, { role: opts.role as Role, scopeLevel: level, scopeId: id, office });
  out.write(`Account ${row.username} is now ${roleLabels[opts.role as Role].en} at ${level}:${id}; its sessions have ended.\n`);
  const moved = await accountNamed(db, username);
  const ended = await officeEndedFor(db, offices, moved);
  if (ended) out.write(`Note: ${officeEndedMessage(ended, 'en')}\n`);
}
