// The deliberation module's permissions, and who may do what with a proposal, a joint meeting or
// an action: every service function starts here. The record's place is checked against the
// caller's scope first (404, exactly as for an unknown id), then the permission (403); the rule
// of each step (which role takes it) is the core's (core/deliberation).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, defineGrants, OFFICES, type Actor, type Permission, type PlacePath } from '../../platform/access';
import { placeOfRow } from '../../platform/db-helpers';
import { quarterPlace } from '../registry';

type Exec = Kysely<Database> | Transaction<Database>;

// Topics and proposals (DB3305/T 309—2024 5.1.3.2.1): everyone who works in the quarter follows
// them and the owners see their quarter's; topics are raised by owners online and recorded by
// those who collect them (building leaders and grid workers on their visits, the committee, the
// commissioner, the community office on reception days); the steps are taken by the roles of
// core/deliberation/pipeline.ts (stepRoles).
export const deliberationGrants = defineGrants({
  'proposals.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'owner'],
  'proposals.raise': ['community_office', 'commissioner', 'party_secretary', 'committee', 'supervisory', 'building_leader', 'grid_worker', 'owner'],
  // Building leaders and grid workers post a building's result (5.1.3.2.2.6).
  'proposals.advance': ['community_office', 'commissioner', 'party_secretary', 'committee', 'supervisory', 'building_leader', 'grid_worker'],
  'proposals.cosign': ['owner'],
  'proposals.merge': ['commissioner', 'committee'],
  // A building's topic (5.1.3.2.2): those who collect it take it to the quarter; its households rate the result.
  'proposals.escalate': ['building_leader', 'grid_worker', 'commissioner'],
  'proposals.rate': ['owner'],
  // Joint meetings (T/ZAS 4006.1—2020 6.1.1.3): the three parties and those who supervise them.
  'meetings.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company'],
  'meetings.manage': ['party_secretary', 'committee', 'commissioner', 'community_office'],
  // Actions (5.1.3.2.1.5): the parties report, owners follow and rate their quarter's.
  'actions.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'owner'],
  'actions.update': ['commissioner', 'party_secretary', 'community_office', 'committee', 'company'],
  'actions.rate': ['owner'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof deliberationGrants, true> {}
}

/** The quarter's place, if the caller may do `permission` there: scope (404), then permission (403). */
export async function authorizeDeliberationQuarter(db: Exec, actor: Actor, quarterId: string, permission: Permission): Promise<PlacePath & { name: string }> {
  const place = await quarterPlace(db, quarterId);
  assertInScope(actor, place, { parentRead: true });
  assertCan(actor, permission);
  return place!;
}

export async function authorizeProposal(db: Exec, actor: Actor, id: string, permission: Permission, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('proposals').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  assertInScope(actor, row ? placeOfRow(row) : null, { parentRead: true });
  assertCan(actor, permission);
  return row!;
}

export async function authorizeMeeting(db: Exec, actor: Actor, id: string, permission: Permission, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('joint_meetings').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  assertInScope(actor, row ? placeOfRow(row) : null, { parentRead: true });
  assertCan(actor, permission);
  return row!;
}

export async function authorizeAction(db: Exec, actor: Actor, id: string, permission: Permission, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('deliberation_actions').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  assertInScope(actor, row ? placeOfRow(row) : null, { parentRead: true });
  assertCan(actor, permission);
  return row!;
}
