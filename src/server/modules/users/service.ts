// Accounts: office staff create accounts for the places inside their own scope.
import type { Kysely } from 'kysely';
import type { userSorts } from '../../../contracts/users';
import type { Database } from '../../db/schema';
import { assertCan, placeInScope, roleLabels, roleScopeLevels, scopeFilter, type Actor, type OfficeLink, type Role, type ScopeLevel } from '../../platform/access';
import { uniquely } from '../../platform/db-helpers';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, conflict } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import type { OfficeRecordsProvider } from '../../platform/module';
import { buildingsByIds, placeName, placePath, quarterPlacesByIds } from '../registry';
import { assertStrongPassword, hashPassword } from './accounts';
import { checkedOfficeLink, officeEndedMessage, officeLinkOf } from './office';

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

export interface UserListOptions {
  page?: number;
  pageSize?: number;
  sort?: (typeof userSorts)[number];
  order?: 'asc' | 'desc';
  role?: Role;
  q?: string;
  status?: 'active' | 'disabled';
}

/**
 * A page of the accounts in the caller's scope, with the total: a district holds thousands
 * (docs/scaling.md). The page's places are named and its offices judged a few queries at once,
 * not per account.
 */
export async function listUsers(db: DB, offices: OfficeRecordsProvider, actor: Actor, locale: Locale, options: UserListOptions = {}) {
  assertCan(actor, 'users.manage');
  const { page = 1, pageSize = 50, sort = 'role', order = 'asc' } = options;
  const scope = scopeFilter(actor);
  let base = db.selectFrom('users').where(scope.column, '=', scope.value);
  if (options.role) base = base.where('role', '=', options.role);
  if (options.status) base = base.where('disabled', '=', options.status === 'disabled');
  const text = options.q?.trim();
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) => eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern)]));
  }
  const columns = { role: ['role', 'username'], username: ['username'], displayName: ['display_name', 'username'], createdAt: ['created_at', 'username'] } as const;
  let pageQuery = base.select(['id', 'username', 'display_name', 'role', 'scope_level', 'scope_id', 'disabled', 'created_at', 'must_change_password', 'office_kind', 'office_id', 'quarter_id']);
  for (const c of columns[sort]) pageQuery = pageQuery.orderBy(c, order);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    pageQuery.orderBy('id').limit(pageSize).offset((page - 1) * pageSize).execute(),
  ]);
  const names = await placeNames(db, rows);
  const linked = await offices.endedMany(
    db,
    rows.flatMap((r) => (officeLinkOf(r) ? [{ link: officeLinkOf(r)!, quarterId: r.quarter_id }] : [])),
    new Date(),
  );
  const officeOf = new Map(rows.filter((r) => officeLinkOf(r)).map((r, i) => [r.id, linked[i]]));
  return {
    total: Number(count.n),
    items: rows.map((r) => {
      const office = officeOf.get(r.id);
      return {
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
        office: office ? { ...officeLinkOf(r)!, label: office.record?.label ?? '—' } : null,
        officeEnded: office?.ended ? { ...office.ended, message: officeEndedMessage(office.ended, locale) } : null,
      };
    }),
  };
}

/** The names of a page's places: its quarters and buildings two queries in all, the few upper places one each. */
async function placeNames(db: DB, rows: { scope_level: string; scope_id: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const idsAt = (level: ScopeLevel) => [...new Set(rows.filter((r) => r.scope_level === level).map((r) => r.scope_id))];
  const buildings = await buildingsByIds(db, idsAt('building'));
  const quarters = await quarterPlacesByIds(db, [...idsAt('quarter'), ...[...buildings.values()].map((b) => b.quarterId)]);
  for (const id of idsAt('quarter')) names.set(`quarter:${id}`, quarters.get(id)?.name ?? '');
  for (const [id, b] of buildings) names.set(`building:${id}`, `${quarters.get(b.quarterId)?.name ?? ''} ${b.name}`);
  for (const r of rows) {
    const k = `${r.scope_level}:${r.scope_id}`;
    if (!names.has(k)) names.set(k, await placeName(db, r.scope_level as ScopeLevel, r.scope_id));
  }
  return names;
}
