// Reading the audit log: office staff, within their scope (docs/architecture.md, "Rules of the code").
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, scopeFilter, type Actor } from '../../platform/access';
import { quarterPlace } from '../registry';

export async function listAudit(db: Kysely<Database>, actor: Actor, query: { quarterId?: string; entity?: string; page: number; pageSize: number }) {
  // Scope first: a quarter outside it must answer 404 whatever the role.
  if (query.quarterId) assertInScope(actor, await quarterPlace(db, query.quarterId), { parentRead: true });
  assertCan(actor, 'audit.read');
  const scope = scopeFilter(actor);
  let base = db.selectFrom('audit_log').where(scope.column, '=', scope.value);
  if (query.quarterId) base = base.where('quarter_id', '=', query.quarterId);
  if (query.entity) base = base.where('entity', '=', query.entity);
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await base
    .select(['id', 'at', 'username', 'action', 'entity', 'entity_id as entityId', 'quarter_id as quarterId', 'before', 'after', 'ip'])
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number(total.n), items };
}
