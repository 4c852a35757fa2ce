// What other modules ask about accounts: the sign-in row and its password (auth), the accounts
// behind a quarter's contact network (contacts.ts), behind owners (reminders) and holding roles
// over a place (notifications). Only this module reads the users table.
import { hash } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Role } from '../../platform/access';
import { AppError } from '../../platform/errors';

type DB = Kysely<Database>;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A password of at least 8 characters that differs from the username, or WEAK_PASSWORD. */
export function assertStrongPassword(password: string, username: string): void {
  if (password.length < 8 || password === username) throw new AppError('WEAK_PASSWORD');
}

function accountQuery(db: DB) {
  return db
    .selectFrom('users')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.locale',
      'users.scope_level',
      'users.scope_id',
      'users.district_id',
      'users.street_id',
      'users.community_id',
      'users.quarter_id',
      'users.building_id',
      'users.owner_id',
      'users.disabled',
      'users.password_hash',
      'users.sessions_ended_at',
      'users.must_change_password',
      'users.office_kind',
      'users.office_id',
    ]);
}

/** The row an actor is made from, with its password hash; undefined if there is none. */
export type AccountRow = Awaited<ReturnType<ReturnType<typeof accountQuery>['executeTakeFirstOrThrow']>>;

/** The account of a username or an id, disabled or not. */
export async function accountFor(db: DB, by: { username: string } | { id: string }): Promise<AccountRow | undefined> {
  const q = accountQuery(db);
  return 'username' in by ? q.where('username', '=', by.username).executeTakeFirst() : q.where('id', '=', by.id).executeTakeFirst();
}

/** Stores a new password hash for the account, chosen by its holder (a reset's demand to change it is met). */
export async function setPasswordHash(db: DB, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: new Date(), must_change_password: false }).where('id', '=', userId).execute();
}

/** The enabled accounts of a quarter holding one of the roles: the quarter's contact network. */
export async function quarterAccountsWithRoles(db: DB, quarterId: string, roles: readonly Role[]): Promise<{ role: Role; displayName: string; phone: string | null }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['role', 'display_name', 'phone'])
    .where('quarter_id', '=', quarterId)
    .where('role', 'in', [...roles])
    .where('disabled', '=', false)
    .execute();
  return rows.map((r) => ({ role: r.role as Role, displayName: r.display_name, phone: r.phone }));
}

/** The enabled owner accounts (role owner) of the given owners, as owner id → account ids. */
export async function ownerAccountIds(db: DB, ownerIds: string[]): Promise<Map<string, string[]>> {
  const accounts = new Map<string, string[]>();
  // In slices, to stay far below the protocol's limit of 65,535 parameters.
  for (let i = 0; i < ownerIds.length; i += 5000) {
    const slice = ownerIds.slice(i, i + 5000);
    if (!slice.length) continue;
    const rows = await db
      .selectFrom('users')
      .select(['id', 'owner_id'])
      .where('owner_id', 'in', slice)
      .where('role', '=', 'owner')
      .where('disabled', '=', false)
      .execute();
    for (const u of rows) {
      if (!u.owner_id) continue;
      const list = accounts.get(u.owner_id) ?? [];
      list.push(u.id);
      accounts.set(u.owner_id, list);
    }
  }
  return accounts;
}

/** The enabled accounts of a district holding one of the roles, with the place each is bound to. */
export async function districtAccountsWithRoles(
  db: DB,
  districtId: string,
  roles: readonly Role[],
): Promise<{ id: string; districtId: string; scopeLevel: string; scopeId: string; quarterId: string | null }[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'district_id', 'scope_level', 'scope_id', 'quarter_id'])
    .where('role', 'in', [...roles])
    .where('disabled', '=', false)
    .where('district_id', '=', districtId)
    .execute();
  return rows.map((u) => ({ id: u.id, districtId: u.district_id, scopeLevel: u.scope_level, scopeId: u.scope_id, quarterId: u.quarter_id }));
}
