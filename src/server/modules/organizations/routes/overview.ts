// The quarter's checks and organisations, the rules in force, the caller's to-do list.
import { actionsQuery, actionsView, checksAnswer, checksQuery, quarterOrganizationsView, rulesInForceView } from '../../../../contracts/organizations';
import { errorSchema, idParam, requireActor } from '../../../platform/http';
import { quarterChecks } from '../facts';
import { actionsFor, quarterOrganizations, rulesInForce } from '../overview';
import { shanghaiDate, type DB } from '../shared';
import { readErrors, tags, type App } from './common';

export function overviewRoutes(app: App, db: () => DB) {
  app.get(
    '/api/quarters/:id/checks',
    {
      schema: {
        tags,
        summary: 'Every rule that applies to the quarter under its district’s pack: pass, warn or fail, with the citation',
        params: idParam,
        querystring: checksQuery,
        response: { 200: checksAnswer, ...readErrors },
      },
    },
    async (req) => ({ items: await quarterChecks(db(), requireActor(req), req.params.id, req.query.asOf ?? shanghaiDate(), req.locale, app.services.modules.quarterChecks) }),
  );
  app.get(
    '/api/quarters/:id/organizations',
    { schema: { tags, summary: 'All organisations of a quarter with its checks (the dossier section)', params: idParam, response: { 200: quarterOrganizationsView, ...readErrors } } },
    async (req) => quarterOrganizations(db(), requireActor(req), req.params.id, req.locale, app.services.modules.quarterChecks),
  );
  app.get(
    '/api/organizations/rules',
    { schema: { tags, summary: 'The rules in force for the caller’s district, with their clauses, and the vetting checklist', response: { 200: rulesInForceView, 403: errorSchema } } },
    async (req) => rulesInForce(db(), requireActor(req), req.locale),
  );
  app.get(
    '/api/organizations/actions',
    {
      schema: {
        tags,
        summary: 'What the caller must act on: vetting steps, expiring terms, failing checks (a page of them, optionally of one rule)',
        querystring: actionsQuery,
        response: { 200: actionsView, 403: errorSchema },
      },
    },
    async (req) => actionsFor(db(), requireActor(req), req.locale, req.query, app.services.modules.quarterChecks),
  );
}
