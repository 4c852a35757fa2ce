// HTTP routes of owners' assembly voting (业主大会表决). Thin: validate, call the service.
// Staff routes use the session; the owner's own verification and ballot are authenticated by
// the ID number and property certificate number (then a voter token), so that an owner
// without an account can vote; a published vote's result and record are public.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as c from '../../../contracts/voting';
import { AppError } from '../../platform/errors';
import { contextOf, errorSchema, idParam, requireActor, sendFile, XLSX_TYPE } from '../../platform/http';
import { mayRunVotes, quartersRunBy } from './access';
import { castOnline, enterPaperBallot, enterProxyBallot } from './ballots';
import { ballotEntries, notVoted, rollUnits, turnout } from './collection';
import { answerObjection, article278Items, closeVote, createVote, fileObjection, listObjections, openVote, publishVote, voteRecord, voteResult } from './lifecycle';
import { getVote, listVotes, myVotes, publicVote, publicVotesOfQuarter } from './votes';
import { notVotedWorkbook } from './not-voted-export';
import { getScan, SCAN_MAX_BYTES, uploadScan } from './scans';
import { confirmVoterCode, verifyVoter } from './verification';
import { voidBallot } from './voids';

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
        querystring: c.voteListQuery,
        response: { 200: c.voteList, ...errors },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const page = await listVotes(db(), actor, req.query);
      const runsVotesIn = await quartersRunBy(db(), actor);
      return req.query.quarterId ? { ...page, runsVotes: await mayRunVotes(db(), actor, req.query.quarterId), runsVotesIn } : { ...page, runsVotesIn };
    },
  );
  app.get(
    '/api/votes/article-278-items',
    { schema: { tags, summary: '民法典 第278条 第1款 items 1–9 with their matter class', response: { 200: c.article278ItemList } } },
    async () => ({ items: article278Items }),
  );
  app.post(
    '/api/votes',
    {
      schema: {
        tags,
        summary: 'Create a draft vote. civil-code-278: every item names its item of 民法典 第278条 第1款 and the matter class follows; building-majority: names its building (HZ 5.1.3.2.2.5)',
        body: c.createVoteBody,
        response: { 201: c.created, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createVote(db(), contextOf(req), req.body)),
  );
  app.get('/api/votes/:id', { schema: { tags, summary: 'One vote with its items (staff)', params: idParam, response: { 200: c.voteDetail, ...errors } } }, async (req) =>
    getVote(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/votes/:id/open',
    { schema: { tags, summary: 'Open a draft: freeze the voter roll and publish its fingerprint', params: idParam, response: { 200: c.openedVote, ...errors } } },
    async (req) => openVote(db(), contextOf(req), app.services.hashKey, req.params.id),
  );
  app.get(
    '/api/votes/:id/turnout',
    { schema: { tags, summary: 'Live turnout in members and area against the quorum (no results before the close)', params: idParam, response: { 200: c.turnout, ...errors } } },
    async (req) => turnout(db(), requireActor(req), req.params.id),
  );
  app.get(
    '/api/votes/:id/roll-units',
    {
      schema: {
        tags,
        summary: 'Units on the frozen roll and whether their member has voted',
        params: idParam,
        querystring: c.rollUnitsQuery,
        response: { 200: c.rollUnitList, ...errors },
      },
    },
    async (req) => ({ items: await rollUnits(db(), requireActor(req), req.params.id, req.query.q) }),
  );
  app.get(
    '/api/votes/:id/not-voted',
    {
      schema: {
        tags,
        summary: 'Members of an open vote who have not voted yet, with their units and owners (staff who collect ballots)',
        params: idParam,
        response: { 200: c.notVotedList, ...errors },
      },
    },
    async (req) => notVoted(db(), requireActor(req), req.params.id),
  );
  app.get(
    '/api/votes/:id/not-voted.xlsx',
    {
      schema: {
        tags,
        summary: 'The same list as an Excel file, phones masked',
        params: idParam,
        response: { 200: c.download(`An Excel workbook (${XLSX_TYPE}), as an attachment`), ...errors },
      },
    },
    async (req, reply) => sendFile(reply, await notVotedWorkbook(await notVoted(db(), requireActor(req), req.params.id)), XLSX_TYPE),
  );
  app.get(
    '/api/votes/:id/entries',
    { schema: { tags, summary: 'The ballots staff entered (paper, proxy) with who entered them; no choices, no online ballots', params: idParam, response: { 200: c.ballotEntryList, ...errors } } },
    async (req) => ({ items: await ballotEntries(db(), requireActor(req), req.params.id) }),
  );
  app.post(
    '/api/votes/:id/scans',
    {
      schema: {
        tags,
        summary: `Upload the scan of a signed paper ballot or proxy letter (multipart field "file"; a whole PDF without scripts or attachments, JPEG or PNG; at most ${SCAN_MAX_BYTES / 1024 / 1024} MB)`,
        params: idParam,
        consumes: ['multipart/form-data'],
        response: { 201: c.uploadedScan, ...errors, 413: errorSchema },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      if (!req.isMultipart()) throw new AppError('SCAN_REQUIRED');
      // The scan's own limit, applied while the file streams in: reading stops one byte past
      // it, so a larger upload is refused without being held in memory first.
      const file = await req.file({ limits: { fileSize: SCAN_MAX_BYTES + 1, files: 1 }, throwFileSizeLimit: false });
      if (!file) throw new AppError('SCAN_REQUIRED');
      const content = await file.toBuffer();
      if (file.file.truncated || content.length > SCAN_MAX_BYTES) throw new AppError('SCAN_TOO_LARGE', { mb: SCAN_MAX_BYTES / 1024 / 1024 });
      return reply.status(201).send(await uploadScan(db(), ctx, req.params.id, { name: file.filename || 'scan', content }));
    },
  );
  app.get(
    '/api/votes/:id/scans/:scanId',
    {
      schema: {
        tags,
        summary: 'Download a scan',
        params: c.voteScanParams,
        response: { 200: c.download('The scan as checked at upload: a PDF as an attachment (never shown in the browser), a JPEG or PNG inline in a sandbox'), ...errors },
      },
    },
    async (req, reply) => {
      const scan = await getScan(db(), requireActor(req), req.params.id, req.params.scanId);
      // The API's headers (nothing runs, nothing framed, no sniffing, no caching), with a CSP
      // that lets the browser show the image it opened and nothing else. A PDF is never shown
      // inline: a PDF viewer in the page's origin would run whatever the file carries.
      reply.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'");
      reply.header('X-Content-Type-Options', 'nosniff');
      const image = scan.contentType === 'image/png' || scan.contentType === 'image/jpeg';
      return sendFile(reply, { fileName: scan.fileName, buffer: scan.content }, image ? scan.contentType : 'application/pdf', image ? 'inline' : 'attachment');
    },
  );
  app.post(
    '/api/votes/:id/paper-ballots',
    {
      schema: {
        tags,
        summary: 'Enter a signed paper ballot for a unit on the roll, with its scan',
        params: idParam,
        body: c.paperBallotBody,
        response: { 201: c.receipt, ...errors },
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
        body: c.proxyBallotBody,
        response: { 201: c.receipt, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await enterProxyBallot(db(), contextOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/votes/:id/entries/:entryId/void',
    {
      schema: {
        tags,
        summary: 'Void a paper or proxy ballot staff entered wrongly, before the close, with a reason; the unit can then be entered again (version 2 votes only)',
        params: c.ballotEntryParams,
        body: c.voidBallotBody,
        response: { 200: c.ballotEntry, ...errors },
      },
    },
    async (req) => voidBallot(db(), contextOf(req), req.params.id, req.params.entryId, req.body),
  );
  app.post(
    '/api/votes/:id/close',
    { schema: { tags, summary: 'Close after the window and count; starts the objection period', params: idParam, response: { 200: c.closedVote, ...errors } } },
    async (req) => closeVote(db(), contextOf(req), req.params.id),
  );
  app.get(
    '/api/votes/:id/objections',
    { schema: { tags, summary: 'Objections raised in the objection period', params: idParam, response: { 200: c.objectionList, ...errors } } },
    async (req) => ({ items: await listObjections(db(), requireActor(req), req.params.id) }),
  );
  app.post(
    '/api/votes/:id/objections',
    { schema: { tags, summary: 'Record an objection (异议) during the objection period', params: idParam, body: c.objectionBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await fileObjection(db(), contextOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/votes/:id/objections/:objectionId/answer',
    { schema: { tags, summary: 'Answer an objection', params: c.objectionParams, body: c.objectionAnswerBody, response: { 204: c.noContent, ...errors } } },
    async (req, reply) => {
      await answerObjection(db(), contextOf(req), req.params.id, req.params.objectionId, req.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/votes/:id/publish',
    { schema: { tags, summary: 'Publish the result and the record on the public board', params: idParam, response: { 200: c.publishedVote, ...errors } } },
    async (req) => publishVote(db(), contextOf(req), req.params.id),
  );

  // ---- result and record: staff after the close, anyone once published ----
  app.get(
    '/api/votes/:id/result',
    { schema: { tags, summary: 'The result, in exactly the shape `gongzhi tally` prints (public once published)', params: idParam, response: { 200: c.tallyResult, ...errors } } },
    async (req) => voteResult(db(), req.actor, req.params.id),
  );
  app.get(
    '/api/votes/:id/record',
    {
      schema: {
        tags,
        summary: 'The vote record file: gongzhi.vote-record/2, or /1 for a vote sealed before it (public once published)',
        params: idParam,
        response: { 200: c.download('The vote record file (application/json; charset=utf-8), as an attachment'), ...errors },
      },
    },
    async (req, reply) => {
      const record = await voteRecord(db(), req.actor, req.params.id);
      return sendFile(reply, { fileName: `vote-record-${record.vote.id}.json`, buffer: JSON.stringify(record, null, 2) }, 'application/json; charset=utf-8');
    },
  );

  // ---- owners and the public ----
  app.get(
    '/api/public/votes/:id',
    { schema: { tags, summary: 'A vote that has opened: items, window, roll fingerprint; the result once published (no login)', params: idParam, response: { 200: c.publicVote, ...errors } } },
    async (req) => publicVote(db(), req.params.id),
  );
  app.get(
    '/api/public/quarters/:id/votes',
    { schema: { tags, summary: "The quarter's votes that have opened (public board, no login)", params: idParam, response: { 200: c.publicVoteList, ...errors } } },
    async (req) => ({ items: await publicVotesOfQuarter(db(), req.params.id) }),
  );
  app.get('/api/me/votes', { schema: { tags, summary: "The owner's votes, with whether they have voted", response: { 200: c.myVoteList, ...errors } } }, async (req) => ({
    items: await myVotes(db(), requireActor(req)),
  }));
  app.post(
    '/api/votes/:id/verify',
    {
      schema: {
        tags,
        summary: "An owner's ID number + property certificate number: sends a one-time code to the owner's mobile on record (asking again sends a new one), or answers that the member has voted",
        params: idParam,
        body: c.verifyBody,
        response: { 200: c.verifyAnswer, ...errors, 429: errorSchema, 502: errorSchema, 503: errorSchema },
      },
    },
    async (req) => verifyVoter(db(), app.services.hashKey, app.services.sms, req.params.id, req.body, req.ip ?? null, req.actor ?? null),
  );
  app.post(
    '/api/votes/:id/verify/code',
    {
      schema: {
        tags,
        summary: 'The one-time code sent to the owner: answers a voter token (or that the member has voted meanwhile)',
        params: idParam,
        body: c.verifyCodeBody,
        response: { 200: c.verifyCodeAnswer, ...errors, 429: errorSchema },
      },
    },
    async (req) => confirmVoterCode(db(), app.services.hashKey, req.params.id, req.body, req.ip ?? null, req.actor),
  );
  app.post(
    '/api/votes/:id/ballot',
    {
      schema: {
        tags,
        summary: "Cast the verified owner's ballot: every item yes/no/abstain; answers the receipt code",
        params: idParam,
        body: c.onlineBallotBody,
        response: { 201: c.receipt, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await castOnline(db(), req.params.id, req.body, req.ip ?? null, req.actor)),
  );
}
