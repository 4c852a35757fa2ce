// Accounts, password login and database-stored sessions.
import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { permissionsOf, type Actor, type OfficeEnded, type Role, type ScopeLevel } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { OfficeRecordsProvider } from '../../platform/module';
import { accountFor, assertStrongPassword, hashPassword, officeEndedFor, setPasswordHash, type AccountRow } from '../users';

export const SESSION_COOKIE = 'gz_session';
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const SESSION_REFRESH_MS = 5 * 60 * 1000;

// Login rate limits, counted in the database so that they hold across server processes. Failures
// of a username are counted per address: a stranger guessing an owner's password locks only
// their own address out, not the owner (who logs in from elsewhere). A username's failures from
// all addresses together have a far higher cap, the last line against guessing spread over many
// addresses; an address's failures over all usernames have their own.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_IP = 30;
export const MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES = 100;

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


/**
 * The actor of an account row. An account linked to an organisation record holds its role's
 * permissions only while the record is current (officeEnded null): asked of the records at
 * every request, so a term that ended yesterday in Asia/Shanghai counts today, with no job
 * that has to run first.
 */
export async function actorOf(db: Kysely<Database>, offices: OfficeRecordsProvider, row: AccountRow): Promise<Actor> {
  return actorFromRow(row, await officeEndedFor(db, offices, row));
}

export function actorFromRow(row: AccountRow, officeEnded: OfficeEnded | null = null): Actor {
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
    permissions: officeEnded ? [] : permissionsOf(role),
    officeEnded,
    mustChangePassword: row.must_change_password,
  };
}

export async function login(
  db: Kysely<Database>,
  offices: OfficeRecordsProvider,
  input: { username: string; password: string; ip: string },
): Promise<{ actor: Actor; token: string; csrfToken: string; expiresAt: Date }> {
  const username = input.username.trim();
  const since = new Date(Date.now() - LOGIN_WINDOW_MINUTES * 60 * 1000);
  // The attempt is reserved (written as a failure) before the password is checked, and the
  // count that decides includes it and every attempt running beside it: 100 attempts at once
  // see 1, 2, … 100 and at most the limit of them reach argon2. Counting first and writing after
  // the check let all of them through.
  const reservation = await db.insertInto('login_attempts').values({ username, ip: input.ip }).returning('id').executeTakeFirstOrThrow();
  const failures = await db
    .selectFrom('login_attempts')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere((w) => w.and([w('username', '=', username), w('ip', '=', input.ip)])).as('byUserHere'),
      eb.fn.count<number>('id').filterWhere('username', '=', username).as('byUser'),
      eb.fn.count<number>('id').filterWhere('ip', '=', input.ip).as('byIp'),
    ])
    .where('at', '>', since)
    .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', input.ip)]))
    .executeTakeFirstOrThrow();
  if (
    Number(failures.byUserHere) > MAX_FAILURES_PER_USERNAME ||
    Number(failures.byIp) > MAX_FAILURES_PER_IP ||
    Number(failures.byUser) > MAX_FAILURES_PER_USERNAME_ALL_ADDRESSES
  ) {
    // Refused unchecked, so not a failure: hammering one address must not add up to the
    // username's cap over all addresses, which would lock the real user out everywhere.
    await db.deleteFrom('login_attempts').where('id', '=', reservation.id).execute();
    throw new AppError('TOO_MANY_ATTEMPTS', { minutes: LOGIN_WINDOW_MINUTES });
  }
  const row = await accountFor(db, { username });
  const ok = await verifyOrDummy(row && !row.disabled ? row.password_hash : null, input.password);
  if (!row || !ok) throw new AppError('INVALID_CREDENTIALS'); // the reservation stays as the failure
  // A successful login takes back its reservation and clears the failures from this address.
  await db
    .deleteFrom('login_attempts')
    .where((eb) => eb.or([eb('id', '=', reservation.id), eb.and([eb('username', '=', username), eb('ip', '=', input.ip)])]))
    .execute();
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_IDLE_MS);
  await db
    .insertInto('sessions')
    .values({ token_hash: sha256(token), user_id: row.id, csrf_token: csrfToken, expires_at: expiresAt })
    .execute();
  // An account whose office ended still logs in, to be told why its permissions stopped.
  const actor = await actorOf(db, offices, row);
  await recordAudit(db, { actor, ip: input.ip }, { action: 'login', entity: 'session', entityId: row.id, place: actor.path });
  return { actor, token, csrfToken, expiresAt };
}

export async function loadSession(
  db: Kysely<Database>,
  token: string,
  offices: OfficeRecordsProvider,
): Promise<{ actor: Actor; csrfToken: string; tokenHash: string } | null> {
  const tokenHash = sha256(token);
  const session = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at', 'last_seen_at', 'created_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!session || new Date(session.expires_at).getTime() <= Date.now()) return null;
  const row = await accountFor(db, { id: session.user_id });
  if (!row || row.disabled) return null;
  // Disabled, reset or moved after this session began: the session is over (users/lifecycle.ts).
  if (row.sessions_ended_at && new Date(session.created_at).getTime() <= new Date(row.sessions_ended_at).getTime()) {
    await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    return null;
  }
  // Sliding expiry, written at most every few minutes to keep reads cheap.
  if (Date.now() - new Date(session.last_seen_at).getTime() > SESSION_REFRESH_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(), expires_at: new Date(Date.now() + SESSION_IDLE_MS) })
      .where('token_hash', '=', tokenHash)
      .execute();
  }
  return { actor: await actorOf(db, offices, row), csrfToken: session.csrf_token, tokenHash };
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
