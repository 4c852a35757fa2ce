// Accounts: office staff create accounts for the places inside their own scope.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, placeInScope, roleLabels, roleScopeLevels, scopeFilter, type Actor, type OfficeLink, type Role, type ScopeLevel } from '../../platform/access';
import { uniquely } from '../../platform/db-helpers';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, conflict } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import type { OfficeRecordsProvider } from '../../platform/module';
import { placeName, placePath } from '../registry';
import { assertStrongPassword, hashPassword } from './accounts';
import { checkedOfficeLink, officeEndedFor, officeEndedMessage, officeLinkOf } from './office';

type DB = Kysely<Database>;

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scopeLevel: ScopeLevel;
  scopeId: string;
  password: string;
  phone?: string | null;
  ownerId?: string | null;
  office?: OfficeLink | null;
}

/** Creates an account without any permission check: for seeding and the command line. */
export async function insertUser(db: DB, user: NewUser) {
  const path = await placePath(db, user.scopeLevel, user.scopeId);
  if (!path) throw new AppError('NOT_FOUND');
  if (!roleScopeLevels[user.role].includes(user.scopeLevel)) throw new AppError('SCOPE_OUTSIDE');
  return db
    .insertInto('users')
    .values({
      username: user.username.trim(),
      password_hash: await hashPassword(user.password),
      display_name: user.displayName.trim(),
      role: user.role,
      scope_level: user.scopeLevel,
      scope_id: user.scopeId,
      district_id: path.districtId,
      street_id: path.streetId ?? null,
      community_id: path.communityId ?? null,
      quarter_id: path.quarterId ?? null,
      building_id: path.buildingId ?? null,
      owner_id: user.ownerId ?? null,
      phone: user.phone ?? null,
      office_kind: user.office?.kind ?? null,
      office_id: user.office?.id ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** ROLE_LEVEL_MISMATCH (400) unless the role's accounts may be bound at the level. */
export function assertRoleFitsLevel(role: Role, level: ScopeLevel): void {
  if (roleScopeLevels[role].includes(level)) return;
  const levels = roleScopeLevels[role].join('/');
  throw new AppError('ROLE_LEVEL_MISMATCH', { role: roleLabels[role]['zh-CN'], roleEn: roleLabels[role].en, levels }, (locale: Locale) => ({
    issues: [{ path: 'scopeLevel', message: locale === 'en' ? `one of ${levels}` : `应为 ${levels} 之一` }],
  }));
}

export async function createUser(db: DB, offices: OfficeRecordsProvider, ctx: RequestContext, input: NewUser) {
  assertCan(ctx.actor, 'users.manage');
  const path = await placePath(db, input.scopeLevel, input.scopeId);
  if (!path || !placeInScope(ctx.actor, path)) throw new AppError('SCOPE_OUTSIDE');
  assertStrongPassword(input.password, input.username);
  assertRoleFitsLevel(input.role, input.scopeLevel);
  const user = { ...input, office: await checkedOfficeLink(db, offices, input.role, path, input.office) };
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
          const row = await insertUser(tx as unknown as DB, user);
          await recordAudit(tx, ctx, {
            action: 'create',
            entity: 'user',
            entityId: row.id,
            place: path,
            after: { username: user.username, displayName: user.displayName, role: user.role, scopeLevel: user.scopeLevel, scopeId: user.scopeId, office: user.office },
          });
          return row;
      }),
    () => conflict(`用户名“${user.username}”`, `Username "${user.username}"`),
  );
}

export async function listUsers(db: DB, offices: OfficeRecordsProvider, actor: Actor, locale: Locale) {
  assertCan(actor, 'users.manage');
  const scope = scopeFilter(actor);
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'scope_level', 'scope_id', 'disabled', 'created_at', 'must_change_password', 'office_kind', 'office_id', 'quarter_id'])
    .where(scope.column, '=', scope.value)
    .orderBy('role')
    .orderBy('username')
    .execute();
  const names = new Map<string, string>();
  for (const r of rows) {
    const k = `${r.scope_level}:${r.scope_id}`;
    if (!names.has(k)) names.set(k, await placeName(db, r.scope_level as ScopeLevel, r.scope_id));
  }
  const now = new Date();
  const linked = new Map<string, { label: string; ended: Awaited<ReturnType<typeof officeEndedFor>> }>();
  for (const r of rows) {
    const link = officeLinkOf(r);
    if (!link) continue;
    const record = await offices.record(db, link);
    linked.set(r.id, { label: record?.label ?? '—', ended: await officeEndedFor(db, offices, r, now) });
  }
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    roleLabel: roleLabels[r.role as Role]?.[locale] ?? r.role,
    scopeLevel: r.scope_level,
    scopeId: r.scope_id,
    scopeName: names.get(`${r.scope_level}:${r.scope_id}`) ?? '',
    disabled: r.disabled,
    createdAt: r.created_at,
    mustChangePassword: r.must_change_password,
    office: linked.has(r.id) ? { ...officeLinkOf(r)!, label: linked.get(r.id)!.label } : null,
    officeEnded: ((ended) => (ended ? { ...ended, message: officeEndedMessage(ended, locale) } : null))(linked.get(r.id)?.ended ?? null),
  }));
}
