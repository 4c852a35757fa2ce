// Accounts: office staff create accounts for the places inside their own scope.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, placeInScope, roleLabels, roleScopeLevels, scopeFilter, type Actor, type Role, type ScopeLevel } from '../../platform/access';
import { uniquely } from '../../platform/db-helpers';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, conflict } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { placeName, placePath } from '../registry';
import { assertStrongPassword, hashPassword } from './accounts';

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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function createUser(db: DB, ctx: RequestContext, user: NewUser) {
  assertCan(ctx.actor, 'users.manage');
  const path = await placePath(db, user.scopeLevel, user.scopeId);
  if (!path || !placeInScope(ctx.actor, path)) throw new AppError('SCOPE_OUTSIDE');
  assertStrongPassword(user.password, user.username);
  if (!roleScopeLevels[user.role].includes(user.scopeLevel)) {
    const levels = roleScopeLevels[user.role].join('/');
    throw new AppError('ROLE_LEVEL_MISMATCH', { role: roleLabels[user.role]['zh-CN'], roleEn: roleLabels[user.role].en, levels }, (locale: Locale) => ({
      issues: [{ path: 'scopeLevel', message: locale === 'en' ? `one of ${levels}` : `应为 ${levels} 之一` }],
    }));
  }
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
          const row = await insertUser(tx as unknown as DB, user);
          await recordAudit(tx, ctx, {
            action: 'create',
            entity: 'user',
            entityId: row.id,
            place: path,
            after: { username: user.username, displayName: user.displayName, role: user.role, scopeLevel: user.scopeLevel, scopeId: user.scopeId },
          });
          return row;
      }),
    () => conflict(`用户名“${user.username}”`, `Username "${user.username}"`),
  );
}

export async function listUsers(db: DB, actor: Actor, locale: Locale) {
  assertCan(actor, 'users.manage');
  const scope = scopeFilter(actor);
  const rows = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'scope_level', 'scope_id', 'disabled', 'created_at'])
    .where(scope.column, '=', scope.value)
    .orderBy('role')
    .orderBy('username')
    .execute();
  const names = new Map<string, string>();
  for (const r of rows) {
    const k = `${r.scope_level}:${r.scope_id}`;
    if (!names.has(k)) names.set(k, await placeName(db, r.scope_level as ScopeLevel, r.scope_id));
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
  }));
}
