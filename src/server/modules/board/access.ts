// The public board module's permission: who may print a quarter's poster. The board itself is
// public (no account, no scope); the poster and the short code are made by the staff who work
// in the quarter, checked as everywhere: the quarter's place against the caller's scope (404),
// then the permission (403).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, defineGrants, OFFICES, type Actor, type PlacePath } from '../../platform/access';
import { quarterPlace } from '../registry';

// Those who work in the quarter put its poster up: the offices, the commissioner, the party
// organisation, the committees, the company, building leaders and grid workers (the registry's
// readers). Owners read the board; departments and mediators have no lobby to put it in.
export const boardGrants = defineGrants({
  'board.poster': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof boardGrants, true> {}
}

/** The quarter whose poster the actor asks for: 404 outside the actor's scope, then 403 without the permission. */
export async function authorizeBoardQuarter(db: Kysely<Database>, actor: Actor, quarterId: string): Promise<PlacePath & { name: string }> {
  const place = await quarterPlace(db, quarterId);
  assertInScope(actor, place, { parentRead: true });
  assertCan(actor, 'board.poster');
  return place!;
}
