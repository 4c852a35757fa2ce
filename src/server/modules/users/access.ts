// The users module's permissions, and authorizeAccount: scope, then permission.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, defineGrants, OFFICES, type Actor } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { accountFor, type AccountRow } from './accounts';

// Accounts are made by the offices, each inside its own scope.
export const usersGrants = defineGrants({
  'users.manage': OFFICES,
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof usersGrants, true> {}
}

/** The place of an account: the whole path it was bound with. */
export function accountPlace(row: Pick<AccountRow, 'district_id' | 'street_id' | 'community_id' | 'quarter_id' | 'building_id'>) {
  return { districtId: row.district_id, streetId: row.street_id, communityId: row.community_id, quarterId: row.quarter_id, buildingId: row.building_id };
}

/**
 * An account the actor may change: bound inside the actor's scope (else 404, so an account
 * above the actor's place, or in another one, looks unknown), then `users.manage` (403), then
 * not the actor's own (403 OWN_ACCOUNT: an office that disables or moves itself locks itself
 * out, and its own password is changed with the current one).
 */
export async function authorizeAccount(db: Kysely<Database>, actor: Actor, userId: string): Promise<AccountRow> {
  const row = await accountFor(db, { id: userId });
  assertInScope(actor, row ? accountPlace(row) : null);
  assertCan(actor, 'users.manage');
  if (row!.id === actor.id) throw new AppError('OWN_ACCOUNT');
  return row!;
}
