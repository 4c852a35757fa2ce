// HTTP routes of deliberation (议事协商) and joint meetings (三方联席会议). Thin: validate, call the service.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as c from '../../../contracts/deliberation';
import { created } from '../../../contracts/common';
import { AppError } from '../../platform/errors';
import { contextOf, errorSchema, idParam, requireActor, sendFile } from '../../platform/http';
import { readOneFile } from '../../platform/uploads';
import { addEvidence, EVIDENCE_CLAUSE, EVIDENCE_DOCUMENT_MAX_BYTES, EVIDENCE_MAX_COUNT, EVIDENCE_PHOTO_MAX_BYTES, getEvidence } from './evidence';
import { getAction, listActions, rateAction, updateAction } from './actions';
import { addResolution, cancelMeeting, createMeeting, getMeeting, holdMeeting, listMeetings } from './meetings';
import { cosignProposal, createProposal, getProposal, listProposals, mergeProposal } from './proposals';
import { advanceProposal, proposalVote, rejectProposal } from './steps';
import { escalateProposal, rateProposal } from './building';
import { livelihoodProjects } from './livelihood';
import { openLivelihoodVote } from './livelihood-vote';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export async function deliberationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const tags = ['deliberation'];

  // ---- topics and proposals (DB3305/T 309—2024 5.1.3.2.1) ----
  app.get(
    '/api/proposals',
    { schema: { tags, summary: "Topics and proposals of the caller's scope with their stage (the community office: every proposal of its quarters)", querystring: c.proposalListQuery, response: { 200: c.proposalList, ...errors } } },
    async (req) => listProposals(db(), requireActor(req), req.query),
  );
  app.post(
    '/api/proposals',
    { schema: { tags, summary: 'Raise a topic (议题) from its channel (5.1.3.2.1.1); an owner’s is online and their own', body: c.createProposalBody, response: { 201: created, ...errors } } },
    async (req, reply) => reply.status(201).send(await createProposal(db(), contextOf(req), req.body)),
  );
  app.get(
    '/api/proposals/:id',
    { schema: { tags, summary: 'One topic or proposal with its steps, its co-signers’ support and the step the caller may take', params: idParam, response: { 200: c.proposalDetail, ...errors } } },
    async (req) => getProposal(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/proposals/:id/cosign',
    {
      schema: {
        tags,
        summary: 'An owner on the quarter’s roll co-signs a topic, once; it becomes proposed at ≥ 20% of members and ≥ 20% of area (5.1.3.2.1.3)',
        params: idParam,
        response: { 200: c.cosignAnswer, ...errors },
      },
    },
    async (req) => cosignProposal(db(), contextOf(req), req.params.id),
  );
  app.post(
    '/api/proposals/:id/advance',
    {
      schema: {
        tags,
        summary: 'Take the next step of the pipeline with its record; wrong role 403, skipped or repeated step 409, each with its code and clause',
        params: idParam,
        body: c.advanceBody,
        response: { 200: c.stageAnswer, ...errors },
      },
    },
    async (req) => advanceProposal(db(), contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/proposals/:id/reject',
    { schema: { tags, summary: 'Reject at the step that is due, by the role of that step, with the reason', params: idParam, body: c.rejectBody, response: { 200: c.stageAnswer, ...errors } } },
    async (req) => rejectProposal(db(), contextOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/proposals/:id/merge',
    { schema: { tags, summary: 'Merge a topic into a similar one of the quarter (its co-signers count there)', params: idParam, body: c.mergeBody, response: { 200: c.stageAnswer, ...errors } } },
    async (req) => mergeProposal(db(), contextOf(req), req.params.id, req.body.into),
  );
  app.post(
    '/api/proposals/:id/vote',
    {
      schema: {
        tags,
        summary: "Open the owners' assembly vote of a reviewed proposal (a new draft vote, or an existing one of the quarter), linked both ways",
        params: idParam,
        body: c.proposalVoteBody,
        response: { 200: c.stageAnswer, ...errors },
      },
    },
    async (req) => proposalVote(db(), contextOf(req), req.params.id, req.body),
  );

  // ---- a building's topics (楼道议事, DB3305/T 309—2024 5.1.3.2.2) ----
  app.post(
    '/api/proposals/:id/escalate',
    {
      schema: {
        tags,
        summary: "Take a building's topic the building cannot settle to the quarter's pipeline, with its history (5.1.3.2.2.5); answers the quarter's new topic",
        params: idParam,
        body: c.escalateBody,
        response: { 200: c.stageAnswer, ...errors },
      },
    },
    async (req) => escalateProposal(db(), contextOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/proposals/:id/rating',
    { schema: { tags, summary: "A household of the building rates its posted result (5.1.3.2.2.7), once", params: idParam, body: c.proposalRatingBody, response: { 200: c.stageAnswer, ...errors } } },
    async (req) => rateProposal(db(), contextOf(req), req.params.id, req.body),
  );

  // ---- livelihood projects (民生实事, T/ZAS 4006.1—2020 6.2.5.2) ----
  app.get(
    '/api/quarters/:id/livelihood-projects',
    {
      schema: {
        tags,
        summary: "The year's livelihood projects of the quarter: candidates, those chosen by consultation or by the assembly's vote, with their actions",
        params: idParam,
        querystring: c.livelihoodQuery,
        response: { 200: c.livelihoodList, ...errors },
      },
    },
    async (req) => livelihoodProjects(db(), requireActor(req), req.params.id, req.query.year),
  );
  app.post(
    '/api/quarters/:id/livelihood-votes',
    {
      schema: {
        tags,
        summary:
          "Put 2–20 of the year's livelihood-project candidates to one owners' assembly vote (a draft of the voting module, one item per candidate under the 第278条 item given); each candidate whose item passes is chosen and becomes an action once the result is published (T/ZAS 4006.1—2020 6.2.5.2)",
        params: idParam,
        body: c.livelihoodVoteBody,
        response: { 201: c.livelihoodVoteAnswer, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await openLivelihoodVote(db(), contextOf(req), req.params.id, req.body)),
  );

  // ---- joint meetings (T/ZAS 4006.1—2020 6.1.1.3) ----
  app.get(
    '/api/meetings',
    { schema: { tags, summary: "Joint meetings of the caller's scope", querystring: c.meetingListQuery, response: { 200: c.meetingList, ...errors } } },
    async (req) => listMeetings(db(), requireActor(req), req.query),
  );
  app.post(
    '/api/meetings',
    { schema: { tags, summary: 'Schedule a joint meeting (regular or ad hoc) with the parties invited and its agenda', body: c.createMeetingBody, response: { 201: created, ...errors } } },
    async (req, reply) => reply.status(201).send(await createMeeting(db(), contextOf(req), req.body)),
  );
  app.get(
    '/api/meetings/:id',
    { schema: { tags, summary: 'A joint meeting with its attendees by party, agenda, minutes and resolutions with their actions', params: idParam, response: { 200: c.meetingDetail, ...errors } } },
    async (req) => getMeeting(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/meetings/:id/hold',
    { schema: { tags, summary: 'Record the meeting as held: attendance and minutes', params: idParam, body: c.holdMeetingBody, response: { 200: c.meetingStatusAnswer, ...errors } } },
    async (req) => holdMeeting(db(), contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/meetings/:id/cancel',
    { schema: { tags, summary: 'Cancel a scheduled meeting', params: idParam, response: { 200: c.meetingStatusAnswer, ...errors } } },
    async (req) => cancelMeeting(db(), contextOf(req), req.params.id),
  );
  app.post(
    '/api/meetings/:id/resolutions',
    { schema: { tags, summary: 'A resolution of a held meeting, which becomes an action with its responsible party and due date', params: idParam, body: c.resolutionBody, response: { 201: c.createdResolution, ...errors } } },
    async (req, reply) => reply.status(201).send(await addResolution(db(), contextOf(req), req.params.id, req.body)),
  );

  // ---- actions (督办事项, DB3305/T 309—2024 5.1.3.2.1.5) ----
  app.get(
    '/api/actions',
    { schema: { tags, summary: "Actions of the caller's scope (overdue=true: those past their due day)", querystring: c.actionListQuery, response: { 200: c.actionList, ...errors } } },
    async (req) => listActions(db(), requireActor(req), req.query),
  );
  app.get(
    '/api/actions/:id',
    { schema: { tags, summary: 'An action with its progress, closure and ratings', params: idParam, response: { 200: c.actionDetail, ...errors } } },
    async (req) => getAction(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/actions/:id/progress',
    { schema: { tags, summary: 'A progress report with its evidence, by the responsible party or the commissioner', params: idParam, body: c.actionUpdateBody, response: { 200: c.actionStatusAnswer, ...errors } } },
    async (req) => updateAction(db(), contextOf(req), req.params.id, 'progress', req.body),
  );
  app.post(
    '/api/actions/:id/close',
    { schema: { tags, summary: 'Close the action with what was done', params: idParam, body: c.actionUpdateBody, response: { 200: c.actionStatusAnswer, ...errors } } },
    async (req) => updateAction(db(), contextOf(req), req.params.id, 'close', req.body),
  );
  app.post(
    '/api/actions/:id/rating',
    { schema: { tags, summary: 'An owner rates a closed action (满意 / 基本满意 / 不满意) with a comment, once', params: idParam, body: c.ratingBody, response: { 200: c.actionStatusAnswer, ...errors } } },
    async (req) => rateAction(db(), contextOf(req), req.params.id, req.body),
  );
  const MB = 1024 * 1024;
  app.post(
    '/api/actions/:id/updates/:updateId/files',
    {
      schema: {
        tags,
        summary: `Attach evidence to a report by its author (multipart field "file"; a photo JPEG, PNG or WebP up to ${EVIDENCE_PHOTO_MAX_BYTES / MB} MB, or a document PDF, Word, Excel, PowerPoint up to ${EVIDENCE_DOCUMENT_MAX_BYTES / MB} MB, judged by content; ${EVIDENCE_MAX_COUNT} a report; T/ZAS 4006.1—2020 6.1.6)`,
        params: c.evidenceParams,
        consumes: ['multipart/form-data'],
        response: { 201: c.evidenceFile, ...errors, 413: errorSchema },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      const file = await readOneFile(req, EVIDENCE_DOCUMENT_MAX_BYTES);
      if (!file) throw new AppError('ACTION_FILE_TYPE', { clause: EVIDENCE_CLAUSE });
      if (file.tooLarge) throw new AppError('ACTION_FILE_TOO_LARGE', { mb: EVIDENCE_DOCUMENT_MAX_BYTES / MB });
      return reply.status(201).send(await addEvidence(db(), ctx, req.params.id, req.params.updateId, file));
    },
  );
  app.get(
    '/api/actions/:id/files/:fileId',
    { schema: { tags, summary: 'A file of evidence: a photo shown in a sandbox, a document downloaded', params: c.evidenceFileParams, response: { 200: c.download('The photo (inline) or the document (attachment)'), ...errors } } },
    async (req, reply) => {
      const file = await getEvidence(db(), requireActor(req), req.params.id, req.params.fileId);
      reply.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'");
      reply.header('X-Content-Type-Options', 'nosniff');
      return sendFile(reply, { fileName: file.fileName, buffer: file.content }, file.contentType, file.kind === 'photo' ? 'inline' : 'attachment');
    },
  );
}
