// Reading the audit log: office staff, within their scope (docs/architecture.md, "Rules of the code").
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, scopeFilter, type Actor } from '../../platform/access';
import { quarterPlace, quarterPlacesByIds } from '../registry';
import { displayNamesOf } from '../users';

/** How far the audit log's total is counted (500 pages of 20). */
export const TOTAL_CAP = 10_000;

/**
 * The entries of the security log: signing in and out and changing a password (written by the
 * auth module, platform/audit.ts names these actions). They are about accounts, not about the
 * data of quarters, so the log of changes leaves them out.
 */
export const SECURITY_ACTIONS = ['login', 'logout', 'password'] as const;

const isSecurity = (eb: ExpressionBuilder<Database, 'audit_log'>) => eb.or([eb('action', 'in', SECURITY_ACTIONS), eb('entity', '=', 'session')]);

export async function listAudit(
  db: Kysely<Database>,
  actor: Actor,
  query: { quarterId?: string; entity?: string; log?: 'changes' | 'security'; page: number; pageSize: number },
) {
  // Scope first: a quarter outside it must answer 404 whatever the role.
  if (query.quarterId) assertInScope(actor, await quarterPlace(db, query.quarterId), { parentRead: true });
  assertCan(actor, 'audit.read');
  const scope = scopeFilter(actor);
  // A quarter inside the scope (checked above) is filtered by itself alone: with the scope's column
  // beside it the planner may walk the whole district's log by id, skipping other quarters' rows.
  let base = query.quarterId ? db.selectFrom('audit_log').where('quarter_id', '=', query.quarterId) : db.selectFrom('audit_log').where(scope.column, '=', scope.value);
  if (query.entity) base = base.where('entity', '=', query.entity);
  if (query.log === 'security') base = base.where(isSecurity);
  if (query.log === 'changes') base = base.where((eb) => eb.not(isSecurity(eb)));
  // The log only grows: the total is counted up to a cap, so that a page of a district's log
  // never reads the whole log (docs/scaling.md); past the cap the answer says so.
  const counted = await db
    .selectFrom(base.select(sql<number>`1`.as('one')).limit(TOTAL_CAP + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Math.min(Number(counted.n), TOTAL_CAP);
  const rows = await base
    .select(['id', 'at', 'user_id as userId', 'username', 'action', 'entity', 'entity_id as entityId', 'quarter_id as quarterId', 'before', 'after', 'ip'])
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const names = await displayNamesOf(db, rows.flatMap((r) => (r.userId ? [r.userId] : [])));
  // The page's quarters by name, so that a page needs no list of every quarter beside it.
  const places = await quarterPlacesByIds(db, rows.flatMap((r) => (r.quarterId ? [r.quarterId] : [])));
  const items = rows.map(({ userId, ...r }) => ({
    ...r,
    name: userId ? (names.get(userId) ?? null) : null,
    quarterName: r.quarterId ? (places.get(r.quarterId)?.name ?? null) : null,
  }));
  return { total, totalCapped: Number(counted.n) > TOTAL_CAP, items };
}
