// The lifecycle of an account: disable and enable, reset its password, move it to another role
// or place. Each is authorised (authorizeAccount: scope, permission, not one's own), written in
// one transaction with its audit entry, and ends the account's sessions in that transaction:
// `sessions_ended_at` is compared by the auth module with each session's start, so no session
// begun before the change counts once it commits.
import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { placeInScope, type OfficeLink, type Role, type ScopeLevel } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { OfficeRecordsProvider } from '../../platform/module';
import { placePath } from '../registry';
import { hashPassword } from './accounts';
import { accountPlace, authorizeAccount } from './access';
import { checkedOfficeLink, officeLinkOf } from './office';
import { assertRoleFitsLevel } from './service';

type DB = Kysely<Database>;

/** Disables (or enables again) an account; a disabled account cannot log in and its sessions end. */
export async function setAccountDisabled(db: DB, ctx: RequestContext, userId: string, disabled: boolean): Promise<void> {
  const row = await authorizeAccount(db, ctx.actor, userId);
  if (row.disabled === disabled) return;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ disabled, ...(disabled ? { sessions_ended_at: sql<Date>`now()` } : {}) })
      .where('id', '=', userId)
      .execute();
    await recordAudit(tx, ctx, {
      action: disabled ? 'disable' : 'enable',
      entity: 'user',
      entityId: userId,
      place: accountPlace(row),
      before: { username: row.username, disabled: row.disabled },
      after: { username: row.username, disabled },
    });
  });
}

// No 0/O, 1/l/I: the operator reads it out or writes it down.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A temporary password of 12 characters (about 70 bits). */
export function temporaryPassword(): string {
  return Array.from({ length: 12 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');
}

/**
 * Sets a temporary password (the operator's, or a generated one that is answered this once and
 * stored only as its hash), which must be changed at the next login; ends every session.
 */
export async function resetPassword(db: DB, ctx: RequestContext, userId: string, given?: string): Promise<{ temporaryPassword: string | null }> {
  const row = await authorizeAccount(db, ctx.actor, userId);
  const password = given ?? temporaryPassword();
  if (password === row.username) throw new AppError('WEAK_PASSWORD');
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: sql<Date>`now()`, sessions_ended_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
    // Never the password itself: only that it was reset, and whether the operator chose it.
    await recordAudit(tx, ctx, { action: 'reset-password', entity: 'user', entityId: userId, place: accountPlace(row), after: { username: row.username, generated: !given } });
  });
  return { temporaryPassword: given ? null : password };
}

export interface AccountMove {
  role: Role;
  scopeLevel: ScopeLevel;
  scopeId: string;
  office?: OfficeLink | null;
}

/**
 * Binds the account to another role and place (a grid worker to another community, a company
 * account to another company), with the office it now holds; ends every session. The new place
 * must lie inside the operator's scope (SCOPE_OUTSIDE, as for a new account).
 */
export async function moveAccount(db: DB, offices: OfficeRecordsProvider, ctx: RequestContext, userId: string, move: AccountMove): Promise<void> {
  const row = await authorizeAccount(db, ctx.actor, userId);
  // An owner's account is bound to the owner's record in the registry, not to an office.
  if (row.role === 'owner' || move.role === 'owner') throw new AppError('OWNER_ACCOUNT_FIXED');
  const path = await placePath(db, move.scopeLevel, move.scopeId);
  if (!path || !placeInScope(ctx.actor, path)) throw new AppError('SCOPE_OUTSIDE');
  assertRoleFitsLevel(move.role, move.scopeLevel);
  const office = await checkedOfficeLink(db, offices, move.role, path, move.office);
  const before = { role: row.role, scopeLevel: row.scope_level, scopeId: row.scope_id, office: officeLinkOf(row) };
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({
        role: move.role,
        scope_level: move.scopeLevel,
        scope_id: move.scopeId,
        district_id: path.districtId,
        street_id: path.streetId ?? null,
        community_id: path.communityId ?? null,
        quarter_id: path.quarterId ?? null,
        building_id: path.buildingId ?? null,
        office_kind: office?.kind ?? null,
        office_id: office?.id ?? null,
        sessions_ended_at: sql<Date>`now()`,
      })
      .where('id', '=', userId)
      .execute();
    // Entered in the log of both places, so that each office sees the account leave or arrive.
    const entry = { action: 'move', entity: 'user', entityId: userId, before: { username: row.username, ...before }, after: { role: move.role, scopeLevel: move.scopeLevel, scopeId: move.scopeId, office } };
    await recordAudit(tx, ctx, { ...entry, place: accountPlace(row) });
    if (row.scope_id !== move.scopeId) await recordAudit(tx, ctx, { ...entry, place: path });
  });
}
