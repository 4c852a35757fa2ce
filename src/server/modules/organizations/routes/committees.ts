// Owners' committees, their members, trainings and appraisals; supervisory committees.
import {
  appraisalBody,
  committeeBody,
  committeePatch,
  committeeView,
  idAnswer,
  items,
  memberPatch,
  membersAdded,
  membersBody,
  noContent,
  removalBody,
  supervisoryBody,
  supervisoryMembersBody,
  supervisoryPatch,
  supervisoryView,
  trainingBody,
  warningsAnswer,
  withWarnings,
} from '../../../../contracts/organizations';
import { idParam, requireActor } from '../../../platform/http';
import { addAppraisal, addCommitteeMembers, addTraining, removeCommitteeMember, updateCommitteeMember } from '../committee-members';
import { createCommittee, getCommittee, listCommittees, updateCommittee } from '../committees';
import type { DB } from '../shared';
import { addSupervisoryMembers, createSupervisoryCommittee, listSupervisoryCommittees, removeSupervisoryMember, updateSupervisoryCommittee } from '../supervisory';
import { ctxOf, readErrors, tags, writeErrors, type App } from './common';

export function committeesRoutes(app: App, db: () => DB) {
  app.get(
    '/api/quarters/:id/committees',
    { schema: { tags, summary: 'Owners’ committees of a quarter, every term', params: idParam, response: { 200: items(committeeView), ...readErrors } } },
    async (req) => ({ items: await listCommittees(db(), requireActor(req), req.params.id, req.locale) }),
  );
  app.post(
    '/api/quarters/:id/committees',
    { schema: { tags, summary: 'Form an owners’ committee (422 with every violation when a "fail" rule is broken)', params: idParam, body: committeeBody, response: { 201: withWarnings, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createCommittee(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.get('/api/committees/:id', { schema: { tags, summary: 'One owners’ committee', params: idParam, response: { 200: committeeView, ...readErrors } } }, async (req) =>
    getCommittee(db(), requireActor(req), req.params.id, req.locale),
  );
  app.patch(
    '/api/committees/:id',
    { schema: { tags, summary: 'Change a committee’s term or status (forming → active, active → ended)', params: idParam, body: committeePatch, response: { 200: warningsAnswer, ...writeErrors } } },
    async (req) => updateCommittee(db(), ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/committees/:id/members',
    { schema: { tags, summary: 'Add members (owners of the quarter, or approved candidates)', params: idParam, body: membersBody, response: { 201: membersAdded, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await addCommitteeMembers(db(), ctxOf(req), req.params.id, req.body.members)),
  );
  app.patch(
    '/api/committee-members/:id',
    { schema: { tags, summary: 'Change a member’s position, party membership or commitments (三承诺)', params: idParam, body: memberPatch, response: { 200: warningsAnswer, ...writeErrors } } },
    async (req) => updateCommitteeMember(db(), ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/committee-members/:id/removal',
    {
      schema: { tags, summary: 'Remove a member (exit of unfit members, BG 二（二）7); never refused, returns the warnings', params: idParam, body: removalBody, response: { 200: warningsAnswer, ...writeErrors } },
    },
    async (req) => removeCommitteeMember(db(), ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/committees/:id/trainings',
    { schema: { tags, summary: 'Record a training and who attended (BG 二（二）7)', params: idParam, body: trainingBody, response: { 201: idAnswer, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await addTraining(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/committees/:id/appraisals',
    { schema: { tags, summary: 'Record an appraisal of the members (BG 二（二）7; HN 四（三）)', params: idParam, body: appraisalBody, response: { 201: idAnswer, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await addAppraisal(db(), ctxOf(req), req.params.id, req.body)),
  );

  // ---- supervisory committees (HZ 3.2) ----
  app.get(
    '/api/quarters/:id/supervisory-committees',
    { schema: { tags, summary: 'Owners’ supervisory committees of a quarter', params: idParam, response: { 200: items(supervisoryView), ...readErrors } } },
    async (req) => ({ items: await listSupervisoryCommittees(db(), requireActor(req), req.params.id, req.locale) }),
  );
  app.post(
    '/api/quarters/:id/supervisory-committees',
    { schema: { tags, summary: 'Record an owners’ supervisory committee', params: idParam, body: supervisoryBody, response: { 201: idAnswer, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createSupervisoryCommittee(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/supervisory-committees/:id',
    { schema: { tags, summary: 'Change a supervisory committee', params: idParam, body: supervisoryPatch, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await updateSupervisoryCommittee(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/supervisory-committees/:id/members',
    { schema: { tags, summary: 'Add members to a supervisory committee', params: idParam, body: supervisoryMembersBody, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await addSupervisoryMembers(db(), ctxOf(req), req.params.id, req.body.members);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/supervisory-members/:id/removal',
    { schema: { tags, summary: 'Remove a supervisory committee member', params: idParam, body: removalBody, response: { 204: noContent, ...writeErrors } } },
    async (req, reply) => {
      await removeSupervisoryMember(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
}
