// HTTP routes of the organisations module (组织建设, T/ZAS 4006.1—2020 5), one file per aggregate, registered by
// this plugin. Thin: the contract's schema in, a service, the contract's schema out. Rule
// violations answer 422 RULES_VIOLATED with `error.details.violations` [{rule, citation, message}]
// and the warnings of the same rules in `error.details.warnings`.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { bodiesRoutes } from './bodies';
import { committeesRoutes } from './committees';
import { companiesRoutes } from './companies';
import { dashboardRoutes } from './dashboard';
import { overviewRoutes } from './overview';
import { vettingRoutes } from './vetting';

export async function organizationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  for (const routes of [overviewRoutes, committeesRoutes, vettingRoutes, bodiesRoutes, companiesRoutes, dashboardRoutes]) routes(app, db);
}
