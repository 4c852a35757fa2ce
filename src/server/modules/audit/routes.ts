// Reading the audit log: office staff, within their scope (SPEC "Cross-cutting").
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuery } from '../../../contracts/audit';
import { assertCan, assertInScope, scopeFilter } from '../../platform/access';
import { errorSchema, requireActor } from '../../platform/http';
import { quarterPlace } from '../registry';

export async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit entries in scope (office staff)',
        querystring: auditQuery,
        response: { 200: auditPageSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const db = app.services.db.kysely;
      // Scope first: a quarter outside it must answer 404 whatever the role.
      if (req.query.quarterId) assertInScope(actor, await quarterPlace(db, req.query.quarterId), { parentRead: true });
      assertCan(actor, 'audit.read');
      const scope = scopeFilter(actor);
      let base = db.selectFrom('audit_log').where(scope.column, '=', scope.value);
      if (req.query.quarterId) base = base.where('quarter_id', '=', req.query.quarterId);
      if (req.query.entity) base = base.where('entity', '=', req.query.entity);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const items = await base
        .select(['id', 'at', 'username', 'action', 'entity', 'entity_id as entityId', 'quarter_id as quarterId', 'before', 'after', 'ip'])
        .orderBy('id', 'desc')
        .limit(req.query.pageSize)
        .offset((req.query.page - 1) * req.query.pageSize)
        .execute();
      return { total: Number(total.n), items };
    },
  );
}
