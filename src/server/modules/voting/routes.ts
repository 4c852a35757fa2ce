// HTTP routes of owners' assembly voting (业主大会表决). Thin: validate, call the service.
// Staff routes use the session; the owner's own verification and ballot are authenticated by
// the ID number and property certificate number (then a voter token), so that an owner
// without an account can vote; a published vote's result and record are public.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { contextOf, errorSchema, idParam, requireActor, sendFile, XLSX_TYPE } from '../../platform/http';
import { mayRunVotes } from './access';
import { castOnline, enterPaperBallot, enterProxyBallot, getScan, uploadScan, verifyVoter } from './ballots';
import { ballotEntries, notVoted, rollUnits, turnout } from './collection';
import { answerObjection, article278Items, closeVote, createVote, fileObjection, listObjections, openVote, publishVote, voteRecord, voteResult } from './lifecycle';
import { getVote, listVotes, myVotes, publicVote, publicVotesOfQuarter, voteStatuses } from './votes';
import { notVotedWorkbook } from './not-voted-export';

const choice = z.enum(['yes', 'no', 'abstain']);
const choicesSchema = z.record(z.string().max(10), choice);
const count = z.object({ members: z.number(), area: z.number() });
/** Exactly what `gongzhi tally` prints (vote-record-format.md). */
const tallySchema = z.object({
  valid: z.boolean(),
  errors: z.array(z.string()),
  rollFingerprint: z.string(),
  head: z.string(),
  totals: count,
  participation: z.object({ members: z.number(), area: z.number(), quorumMet: z.boolean() }),
  items: z.array(
    z.object({ id: z.string(), matter: z.enum(['ordinary', 'special']).nullable(), yes: count, no: count, abstain: count, passed: z.boolean() }),
  ),
});
const voteSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  buildingId: z.string().nullable(),
  title: z.string(),
  rule: z.enum(['civil-code-278', 'building-majority']),
  status: z.enum(voteStatuses),
  opensAt: z.string(),
  closesAt: z.string(),
  objectionDays: z.number(),
  objectionEndsAt: z.string().nullable(),
  rollMembers: z.number().nullable(),
  ballotCount: z.number(),
  createdAt: z.string(),
});
const receiptSchema = z.object({ seq: z.number(), castAt: z.string(), hash: z.string(), receiptCode: z.string(), channel: z.enum(['online', 'paper', 'proxy']) });
const voteScan = z.object({ id: z.uuid(), scanId: z.uuid() });
const objectionParams = z.object({ id: z.uuid(), objectionId: z.uuid() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export async function votingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const tags = ['voting'];

  app.get(
    '/api/votes',
    {
      schema: {
        tags,
        summary: "Votes in the caller's scope (an owner: the opened votes of their quarter)",
        querystring: z.object({ quarterId: z.uuid().optional(), status: z.enum(voteStatuses).optional() }),
        response: {
          200: z.object({
            items: z.array(voteSummary),
            // With quarterId: whether the caller may create and run votes there (the community
            // office only while the quarter has no owners' committee in office).
            runsVotes: z.boolean().optional(),
          }),
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const items = await listVotes(db(), actor, req.query);
      return req.query.quarterId ? { items, runsVotes: await mayRunVotes(db(), actor, req.query.quarterId) } : { items };
    },
  );
  app.get('/api/votes/article-278-items', { schema: { tags, summary: '民法典 第278条 第1款 items 1–9 with their matter class' } }, async () => ({ items: article278Items }));
  app.post(
    '/api/votes',
    {
      schema: {
        tags,
        summary: 'Create a draft vote. civil-code-278: every item names its item of 民法典 第278条 第1款 and the matter class follows; building-majority: names its building (HZ 5.1.3.2.2.5)',
        body: z.object({
          quarterId: z.uuid(),
          buildingId: z.uuid().nullable().optional(),
          title: z.string().trim().min(1).max(200),
          rule: z.enum(['civil-code-278', 'building-majority']),
          opensAt: z.string().max(40),
          closesAt: z.string().max(40),
          objectionDays: z.number().int().min(0).max(60).optional(),
          items: z
            .array(
              z.object({
                title: z.string().trim().min(1).max(200),
                matter: z.enum(['ordinary', 'special']).optional(),
                article278Item: z.number().int().min(1).max(9).nullable().optional(),
              }),
            )
            .min(1)
            .max(30),
        }),
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createVote(db(), contextOf(req), req.body)),
  );
  app.get('/api/votes/:id', { schema: { tags, summary: 'One vote with its items (staff)', params: idParam } }, async (req) => getVote(db(), requireActor(req), req.params.id));
  app.post('/api/votes/:id/open', { schema: { tags, summary: 'Open a draft: freeze the voter roll and publish its fingerprint', params: idParam } }, async (req) =>
    openVote(db(), contextOf(req), app.services.hashKey, req.params.id),
  );
  app.get('/api/votes/:id/turnout', { schema: { tags, summary: 'Live turnout in members and area against the quorum (no results before the close)', params: idParam } }, async (req) =>
    turnout(db(), requireActor(req), req.params.id),
  );
  app.get(
    '/api/votes/:id/roll-units',
    { schema: { tags, summary: 'Units on the frozen roll and whether their member has voted', params: idParam, querystring: z.object({ q: z.string().max(60).optional() }) } },
    async (req) => ({ items: await rollUnits(db(), requireActor(req), req.params.id, req.query.q) }),
  );
  app.get(
    '/api/votes/:id/not-voted',
    { schema: { tags, summary: 'Members of an open vote who have not voted yet, with their units and owners (staff who collect ballots)', params: idParam } },
    async (req) => notVoted(db(), requireActor(req), req.params.id),
  );
  app.get(
    '/api/votes/:id/not-voted.xlsx',
    { schema: { tags, summary: 'The same list as an Excel file, phones masked', params: idParam } },
    async (req, reply) => {
      return sendFile(reply, await notVotedWorkbook(await notVoted(db(), requireActor(req), req.params.id)), XLSX_TYPE);
    },
  );
  app.get('/api/votes/:id/entries', { schema: { tags, summary: 'Ballots in chain order with who entered them (no choices)', params: idParam } }, async (req) => ({
    items: await ballotEntries(db(), requireActor(req), req.params.id),
  }));
  app.post(
    '/api/votes/:id/scans',
    { schema: { tags, summary: 'Upload the scan of a signed paper ballot or proxy letter (multipart field "file"; PDF, JPEG or PNG)', params: idParam, consumes: ['multipart/form-data'] } },
    async (req, reply) => {
      const ctx = contextOf(req);
      if (!req.isMultipart()) throw new AppError('SCAN_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('SCAN_REQUIRED');
      const content = await file.toBuffer();
      return reply.status(201).send(await uploadScan(db(), ctx, req.params.id, { name: file.filename || 'scan', content }));
    },
  );
  app.get('/api/votes/:id/scans/:scanId', { schema: { tags, summary: 'Download a scan', params: voteScan }, config: { pageHeaders: true } }, async (req, reply) => {
    const scan = await getScan(db(), requireActor(req), req.params.id, req.params.scanId);
    return sendFile(reply, { fileName: scan.fileName, buffer: scan.content }, scan.contentType, 'inline');
  });
  app.post(
    '/api/votes/:id/paper-ballots',
    {
      schema: {
        tags,
        summary: 'Enter a signed paper ballot for a unit on the roll, with its scan',
        params: idParam,
        body: z.object({ unitId: z.uuid(), choices: choicesSchema, scanId: z.uuid().nullable().optional() }),
        response: { 201: receiptSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await enterPaperBallot(db(), contextOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/votes/:id/proxy-ballots',
    {
      schema: {
        tags,
        summary: 'Enter a ballot cast by a proxy (委托) for a unit on the roll',
        params: idParam,
        body: z.object({ unitId: z.uuid(), choices: choicesSchema, proxyHolder: z.string().trim().min(1).max(60), scanId: z.uuid().nullable().optional() }),
        response: { 201: receiptSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await enterProxyBallot(db(), contextOf(req), req.params.id, req.body)),
  );
  app.post('/api/votes/:id/close', { schema: { tags, summary: 'Close after the window and count; starts the objection period', params: idParam } }, async (req) =>
    closeVote(db(), contextOf(req), req.params.id),
  );
  app.get('/api/votes/:id/objections', { schema: { tags, summary: 'Objections raised in the objection period', params: idParam } }, async (req) => ({
    items: await listObjections(db(), requireActor(req), req.params.id),
  }));
  app.post(
    '/api/votes/:id/objections',
    { schema: { tags, summary: 'Record an objection (异议) during the objection period', params: idParam, body: z.object({ text: z.string().trim().min(1).max(2000) }) } },
    async (req, reply) => reply.status(201).send(await fileObjection(db(), contextOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/votes/:id/objections/:objectionId/answer',
    { schema: { tags, summary: 'Answer an objection', params: objectionParams, body: z.object({ response: z.string().trim().min(1).max(2000) }) } },
    async (req, reply) => {
      await answerObjection(db(), contextOf(req), req.params.id, req.params.objectionId, req.body);
      return reply.status(204).send();
    },
  );
  app.post('/api/votes/:id/publish', { schema: { tags, summary: 'Publish the result and the record on the public board', params: idParam } }, async (req) =>
    publishVote(db(), contextOf(req), req.params.id),
  );

  // ---- result and record: staff after the close, anyone once published ----
  app.get(
    '/api/votes/:id/result',
    { schema: { tags, summary: 'The result, in exactly the shape `gongzhi tally` prints (public once published)', params: idParam, response: { 200: tallySchema, ...errors } } },
    async (req) => voteResult(db(), req.actor, req.params.id),
  );
  app.get('/api/votes/:id/record', { schema: { tags, summary: 'The gongzhi.vote-record/1 file (public once published)', params: idParam } }, async (req, reply) => {
    const record = await voteRecord(db(), req.actor, req.params.id);
    return sendFile(reply, { fileName: `vote-record-${record.vote.id}.json`, buffer: JSON.stringify(record, null, 2) }, 'application/json; charset=utf-8');
  });

  // ---- owners and the public ----
  app.get('/api/public/votes/:id', { schema: { tags, summary: 'A vote that has opened: items, window, roll fingerprint; the result once published (no login)', params: idParam } }, async (req) =>
    publicVote(db(), req.params.id),
  );
  app.get('/api/public/quarters/:id/votes', { schema: { tags, summary: "The quarter's votes that have opened (public board, no login)", params: idParam } }, async (req) => ({
    items: await publicVotesOfQuarter(db(), req.params.id),
  }));
  app.get('/api/me/votes', { schema: { tags, summary: "The owner's votes, with whether they have voted" } }, async (req) => ({ items: await myVotes(db(), requireActor(req)) }));
  app.post(
    '/api/votes/:id/verify',
    {
      schema: {
        tags,
        summary: 'An owner proves who they are (ID number + property certificate number) and gets a voter token',
        params: idParam,
        body: z.object({ idNumber: z.string().trim().min(1).max(30), certificateNo: z.string().trim().min(1).max(80) }),
      },
    },
    async (req) => verifyVoter(db(), app.services.hashKey, req.params.id, req.body, req.ip ?? null, req.actor),
  );
  app.post(
    '/api/votes/:id/ballot',
    {
      schema: {
        tags,
        summary: 'Cast the verified owner\'s ballot: every item yes/no/abstain; answers the receipt code',
        params: idParam,
        body: z.object({ voterToken: z.string().min(20).max(100), choices: choicesSchema }),
        response: { 201: receiptSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await castOnline(db(), req.params.id, req.body, req.ip ?? null, req.actor)),
  );
}
