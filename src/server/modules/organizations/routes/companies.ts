// Property companies and their service contracts; the quarter's grids, building leaders,
// social organisations and volunteers.
import {
  companyBody,
  companyPatch,
  companyView,
  contractBody,
  contractPatch,
  contractView,
  idAnswer,
  items,
  noContent,
  peopleBodies,
  peopleKinds,
  peopleView,
  warningsAnswer,
  withWarnings,
} from '../../../../contracts/organizations';
import { errorSchema, idParam, requireActor } from '../../../platform/http';
import { addPerson, listPeople, removePerson } from '../community-people';
import { createCompany, createContract, listCompanies, listContracts, updateCompany, updateContract } from '../companies-and-contracts';
import type { DB } from '../shared';
import { ctxOf, readErrors, tags, writeErrors, type App } from './common';

export function companiesRoutes(app: App, db: () => DB) {
  // ---- property companies and contracts (ZAS 5.5) ----
  app.get('/api/property-companies', { schema: { tags, summary: 'Property companies of the caller’s district', response: { 200: items(companyView), 403: errorSchema } } }, async (req) => ({
    items: await listCompanies(db(), requireActor(req)),
  }));
  app.post(
    '/api/property-companies',
    { schema: { tags, summary: 'Register a property company in the caller’s district', body: companyBody, response: { 201: idAnswer, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createCompany(db(), ctxOf(req), req.body)),
  );
  app.patch(
    '/api/property-companies/:id',
    {
      schema: {
        tags,
        summary: 'Change a property company (e.g. its party members, for ZAS 5.1.2 / BG 二（四）11), from a quarter it serves or the district office',
        params: idParam,
        body: companyPatch,
        response: { 204: noContent, ...writeErrors },
      },
    },
    async (req, reply) => {
      await updateCompany(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/quarters/:id/contracts',
    { schema: { tags, summary: 'Service contracts of a quarter', params: idParam, response: { 200: items(contractView), ...readErrors } } },
    async (req) => ({ items: await listContracts(db(), requireActor(req), req.params.id, req.locale) }),
  );
  app.post(
    '/api/quarters/:id/contracts',
    {
      schema: {
        tags,
        summary: 'Record a service contract (one company per management area at a time, ZAS 5.5.2). Fee in fen per m² per month.',
        params: idParam,
        body: contractBody,
        response: { 201: withWarnings, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createContract(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/contracts/:id',
    { schema: { tags, summary: 'Change a contract, or end it early', params: idParam, body: contractPatch, response: { 200: warningsAnswer, ...writeErrors } } },
    async (req) => updateContract(db(), ctxOf(req), req.params.id, req.body),
  );

  // ---- grids, building leaders, social organisations, volunteers (HZ 3.4) ----
  app.get(
    '/api/quarters/:id/people',
    { schema: { tags, summary: 'Grids, building leaders, social organisations and volunteers of a quarter', params: idParam, response: { 200: peopleView, ...readErrors } } },
    async (req) => listPeople(db(), requireActor(req), req.params.id),
  );
  for (const kind of peopleKinds) {
    app.post(
      `/api/quarters/:id/${kind}`,
      { schema: { tags, summary: `Add to the quarter’s ${kind.replace('-', ' ')}`, params: idParam, body: peopleBodies[kind], response: { 201: idAnswer, ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await addPerson(db(), ctxOf(req), req.params.id, kind, req.body as never)),
    );
    app.delete(`/api/${kind}/:id`, { schema: { tags, summary: `Remove from the quarter’s ${kind.replace('-', ' ')}`, params: idParam, response: { 204: noContent, ...writeErrors } } }, async (req, reply) => {
      await removePerson(db(), ctxOf(req), kind, req.params.id);
      return reply.status(204).send(null);
    });
  }
}
