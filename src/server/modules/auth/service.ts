// Accounts, password login and database-stored sessions.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { permissionsOf, type Actor, type Role, type ScopeLevel } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { accountFor, assertStrongPassword, hashPassword, setPasswordHash, type AccountRow } from '../users';

export const SESSION_COOKIE = 'gz_session';
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const SESSION_REFRESH_MS = 5 * 60 * 1000;

// Login rate limits, counted in the database so that they hold across server processes.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

// Verifying against a fixed hash when the username is unknown keeps the answer time the same,
// so timing does not tell which usernames exist.
let dummyHash: Promise<string> | null = null;
async function verifyOrDummy(stored: string | null, password: string): Promise<boolean> {
  if (stored) return verify(stored, password).catch(() => false);
  dummyHash ??= hash('not-a-real-password');
  await verify(await dummyHash, password).catch(() => false);
  return false;
}


export function actorFromRow(row: AccountRow): Actor {
  const role = row.role as Role;
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role,
    locale: row.locale,
    scope: { level: row.scope_level as ScopeLevel, id: row.scope_id },
    path: {
      districtId: row.district_id,
      streetId: row.street_id,
      communityId: row.community_id,
      quarterId: row.quarter_id,
      buildingId: row.building_id,
    },
    ownerId: row.owner_id,
    permissions: permissionsOf(role),
  };
}

export async function login(
  db: Kysely<Database>,
  input: { username: string; password: string; ip: string },
): Promise<{ actor: Actor; token: string; csrfToken: string; expiresAt: Date }> {
  const username = input.username.trim();
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60 * 1000);
  const failures = await db
    .selectFrom('login_attempts')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('username', '=', username).as('byUser'),
      eb.fn.count<number>('id').filterWhere('ip', '=', input.ip).as('byIp'),
    ])
    .where('at', '>', since)
    .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', input.ip)]))
    .executeTakeFirstOrThrow();
  if (Number(failures.byUser) >= MAX_FAILURES_PER_USERNAME || Number(failures.byIp) >= MAX_FAILURES_PER_IP) {
    throw new AppError('TOO_MANY_ATTEMPTS', { minutes: LOGIN_WINDOW_MINUTES });
  }
  const row = await accountFor(db, { username });
  const ok = await verifyOrDummy(row && !row.disabled ? row.password_hash : null, input.password);
  if (!row || !ok) {
    await db.insertInto('login_attempts').values({ username, ip: input.ip }).execute();
    throw new AppError('INVALID_CREDENTIALS');
  }
  // A successful login clears the user's failure count.
  await db.deleteFrom('login_attempts').where('username', '=', username).execute();
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
  await db
    .insertInto('sessions')
    .values({ token_hash: sha256(token), user_id: row.id, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  const actor = actorFromRow(row);
  await recordAudit(db, { actor, ip: input.ip }, { action: 'login', entity: 'session', entityId: row.id, place: actor.path });
  return { actor, token, csrfToken, expiresAt };
}

export async function loadSession(
  db: Kysely<Database>,
  token: string,
): Promise<{ actor: Actor; csrfToken: string; tokenHash: string } | null> {
  const tokenHash = sha256(token);
  const session = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!session || new Date(session.expires_at).getTime() <= Date.now()) return null;
  const row = await accountFor(db, { id: session.user_id });
  if (!row || row.disabled) return null;
  // Sliding expiry, written at most every few minutes to keep reads cheap.
  if (Date.now() - new Date(session.last_seen_at).getTime() > SESSION_REFRESH_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { actor: actorFromRow(row), csrfToken: session.csrf_token, tokenHash };
}

export async function logout(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function changePassword(
  db: Kysely<Database>,
  ctx: { actor: Actor; ip: string | null },
  input: { currentPassword: string; newPassword: string; keepSessionHash: string },
): Promise<void> {
  const row = await accountFor(db, { id: ctx.actor.id });
  if (!row) throw new AppError('UNAUTHENTICATED');
  if (!(await verify(row.password_hash, input.currentPassword).catch(() => false))) throw new AppError('WRONG_PASSWORD');
  assertStrongPassword(input.newPassword, row.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await setPasswordHash(tx, ctx.actor.id, passwordHash);
    // Other sessions of this account end: a changed password should lock out whoever knew the old one.
    await tx.deleteFrom('sessions').where('user_id', '=', ctx.actor.id).where('token_hash', '!=', input.keepSessionHash).execute();
    await recordAudit(tx, ctx, { action: 'password', entity: 'user', entityId: ctx.actor.id, place: ctx.actor.path });
  });
}
