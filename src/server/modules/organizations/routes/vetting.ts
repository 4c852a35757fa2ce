// Candidates for the owners' committee and their vetting (BG 二（二）5–6).
import { candidatePatch, candidateView, idAnswer, items, noContent, recommendBody, reviewAnswer, reviewBody } from '../../../../contracts/organizations';
import { idParam, requireActor } from '../../../platform/http';
import type { DB } from '../shared';
import { getCandidate, listCandidates, recommendCandidate, reviewCandidate, updateCandidate } from '../vetting';
import { ctxOf, readErrors, tags, writeErrors, type App } from './common';

export function vettingRoutes(app: App, db: () => DB) {
  app.get(
    '/api/quarters/:id/candidates',
    { schema: { tags, summary: 'Candidates of a quarter with their reviews and checklist; the reserve pool', params: idParam, response: { 200: items(candidateView), ...readErrors } } },
    async (req) => ({ items: await listCandidates(db(), requireActor(req), req.params.id, req.locale) }),
  );
  app.post(
    '/api/quarters/:id/candidates',
    { schema: { tags, summary: 'Recommend a candidate (by the party organisation, or owners co-signing)', params: idParam, body: recommendBody, response: { 201: idAnswer, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await recommendCandidate(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.get('/api/candidates/:id', { schema: { tags, summary: 'One candidate', params: idParam, response: { 200: candidateView, ...readErrors } } }, async (req) =>
    getCandidate(db(), requireActor(req), req.params.id, req.locale),
  );
  app.patch(
    '/api/candidates/:id',
    { schema: { tags, summary: 'Skills, party membership, reserve pool, checklist answers', params: idParam, body: candidatePatch, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await updateCandidate(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/candidates/:id/reviews',
    { schema: { tags, summary: 'A vetting step: community pre-review → street review → joint department review', params: idParam, body: reviewBody, response: { 201: reviewAnswer, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await reviewCandidate(db(), ctxOf(req), req.params.id, req.body)),
  );
}
