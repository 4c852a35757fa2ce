// Reading the audit log: office staff, within their scope (docs/architecture.md, "Rules of the code").
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, scopeFilter, type Actor } from '../../platform/access';
import { quarterPlace } from '../registry';
import { displayNamesOf } from '../users';

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
  let base = db.selectFrom('audit_log').where(scope.column, '=', scope.value);
  if (query.quarterId) base = base.where('quarter_id', '=', query.quarterId);
  if (query.entity) base = base.where('entity', '=', query.entity);
  if (query.log === 'security') base = base.where(isSecurity);
  if (query.log === 'changes') base = base.where((eb) => eb.not(isSecurity(eb)));
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['id', 'at', 'user_id as userId', 'username', 'action', 'entity', 'entity_id as entityId', 'quarter_id as quarterId', 'before', 'after', 'ip'])
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const names = await displayNamesOf(db, rows.flatMap((r) => (r.userId ? [r.userId] : [])));
  const items = rows.map(({ userId, ...r }) => ({ ...r, name: userId ? (names.get(userId) ?? null) : null }));
  return { total: Number(total.n), items };
}
