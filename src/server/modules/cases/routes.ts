// HTTP routes of cases (诉求). Thin: validate, call the service. Staff and owners use their
// session; the public raises a case after a one-time code to a phone and follows it by its
// tracking code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as c from '../../../contracts/cases';
import { handlerLabel } from '../../../core/cases';
import { AppError } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { contextOf, errorSchema, idParam, requireActor, sendFile } from '../../platform/http';
import { categoriesOf, updateCategory, type ResolvedCategory } from './categories';
import { createCase, getCase, listCases } from './cases';
import { departmentAccounts, setAccountDepartment } from './departments';
import { caseRatesBy } from './overview';
import { recurringProblems } from './recurring';
import { addHazardPhoto, addPhotoAsStaff, getHazardPhoto, getPhoto, PHOTO_MAX_BYTES, PHOTO_MAX_COUNT } from './photos';
import { addPhotoByTrackingCode, confirmPhoneCode, publicCategories, raisePublicCase, rateByTrackingCode, sendPhoneCode, trackCase } from './public';
import { stepCase, type StepInput } from './steps';
import { createHazard, getHazard, listHazards, stepHazard } from './hazards';
import { createDispute, getDispute, jointCandidates, listDisputes, publicMediations, stepDispute } from './disputes';
import { disputeMonthAnalysis } from './dispute-analysis';
import { createPatrol, listPatrols, patrolItems } from './patrols';
import { addDrill, addPlan, quarterEmergency, updatePlan } from './emergency';
import { listCalendarDays, removeCalendarDay, setCalendarDay } from './holidays';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const MB = 1024 * 1024;

function categoryOut(cat: ResolvedCategory, locale: Locale) {
  return { code: cat.code, name: cat.name[locale], names: cat.name, handler: { ...cat.handler, label: handlerLabel(cat.handler)[locale] }, citation: cat.citation, limits: cat.limits, local: cat.local };
}

/** The one photo of a multipart request (field "file"), read up to one byte past the limit. */
async function photoOf(req: FastifyRequest): Promise<Buffer> {
  if (!req.isMultipart()) throw new AppError('CASE_PHOTO_TYPE');
  const file = await req.file({ limits: { fileSize: PHOTO_MAX_BYTES + 1, files: 1 }, throwFileSizeLimit: false });
  if (!file) throw new AppError('CASE_PHOTO_TYPE');
  const content = await file.toBuffer();
  if (file.file.truncated || content.length > PHOTO_MAX_BYTES) throw new AppError('CASE_PHOTO_TOO_LARGE', { mb: PHOTO_MAX_BYTES / MB });
  return content;
}

/** A photo, inline, in a sandbox: nothing in it can run. */
function sendPhoto(reply: FastifyReply, photo: { contentType: string; content: Buffer }) {
  reply.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'none'");
  reply.header('X-Content-Type-Options', 'nosniff');
  return sendFile(reply, { fileName: `photo.${photo.contentType.split('/')[1]}`, buffer: photo.content }, photo.contentType, 'inline');
}

export async function casesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const tags = ['cases'];
  const photoSummary = `(multipart field "file"; JPEG, PNG or WebP; at most ${PHOTO_MAX_BYTES / MB} MB, ${PHOTO_MAX_COUNT} a case)`;

  // ---- categories ----
  app.get(
    '/api/cases/categories',
    {
      schema: {
        tags,
        summary: "Case categories with their default handler (湘建房〔2021〕231号 附件 and the seeds), citation and time limits: the district's (districtId, or the caller's), else the default list",
        querystring: c.categoryListQuery,
        response: { 200: c.categoryList, ...errors },
      },
    },
    async (req) => {
      const districtId = req.query.districtId ?? req.actor?.path.districtId ?? null;
      return { districtId, items: (await categoriesOf(db(), districtId)).map((cat) => categoryOut(cat, req.locale)) };
    },
  );
  app.patch(
    '/api/cases/categories/:code',
    { schema: { tags, summary: 'Change a category for a district (or add one of its own with every field): its district office', params: c.categoryParams, body: c.categoryPatch, response: { 200: c.category, ...errors } } },
    async (req) => categoryOut(await updateCategory(db(), contextOf(req), req.body.districtId, req.params.code, req.body), req.locale),
  );
  app.get(
    '/api/cases/department-accounts',
    { schema: { tags, summary: "The department of each department account of the caller's district, and the department names of the 湘建房〔2021〕231号 annex", response: { 200: c.departmentAccountList, ...errors } } },
    async (req) => departmentAccounts(db(), contextOf(req)),
  );
  app.patch(
    '/api/cases/department-accounts/:userId',
    {
      schema: {
        tags,
        summary: 'The department an account of the department role belongs to (a name of the 湘建房〔2021〕231号 annex), or null',
        params: c.departmentAccountParams,
        body: c.departmentAccountBody,
        response: { 200: c.departmentAccountAnswer, ...errors },
      },
    },
    async (req) => setAccountDepartment(db(), contextOf(req), req.params.userId, req.body.department),
  );

  // ---- the queues and one case ----
  app.get(
    '/api/cases',
    { schema: { tags, summary: "The caller's queue (a department: the cases dispatched to it; the company, the committee: theirs; an owner: their own), newest first, paged", querystring: c.caseListQuery, response: { 200: c.caseList, ...errors } } },
    async (req) => listCases(db(), requireActor(req), req.query, req.locale),
  );
  app.get(
    '/api/cases/rates',
    { schema: { tags, summary: 'The three rates (response, resolution, satisfaction) and the mean hours to a reply, by handler, quarter or category of the caller\'s queue', querystring: c.ratesQuery, response: { 200: c.ratesAnswer, ...errors } } },
    async (req) => caseRatesBy(db(), requireActor(req), req.query, req.locale),
  );
  app.get(
    '/api/cases/recurring',
    {
      schema: {
        tags,
        summary:
          "The month's problems (未诉先办): categories with at least 3 cases in the month, or cases in each of the last 3 months, in a quarter, community or street (default: the caller's place; month: this month in Asia/Shanghai), with their first 20 cases",
        querystring: c.recurringQuery,
        response: { 200: c.recurringAnswer, ...errors },
      },
    },
    async (req) => recurringProblems(db(), requireActor(req), req.query),
  );
  app.post(
    '/api/cases',
    { schema: { tags, summary: 'Raise a case (an owner) or enter one that came by phone, visit, patrol or reception day (staff)', body: c.createCaseBody, response: { 201: c.createdCase, ...errors } } },
    async (req, reply) => reply.status(201).send(await createCase(db(), contextOf(req), req.body)),
  );
  app.get('/api/cases/:id', { schema: { tags, summary: 'One case with its timeline, photos and the steps the caller may take', params: idParam, response: { 200: c.caseDetail, ...errors } } }, async (req) =>
    getCase(db(), requireActor(req), req.params.id, req.locale),
  );
  app.post(
    '/api/cases/:id/photos',
    { schema: { tags, summary: `Add a photo ${photoSummary}`, params: idParam, consumes: ['multipart/form-data'], response: { 201: c.uploadedPhoto, ...errors, 413: errorSchema } } },
    async (req, reply) => {
      const ctx = contextOf(req);
      return reply.status(201).send(await addPhotoAsStaff(db(), ctx, req.params.id, await photoOf(req)));
    },
  );
  app.get(
    '/api/cases/:id/photos/:photoId',
    { schema: { tags, summary: 'A photo of the case, shown in a sandbox', params: c.casePhotoParams, response: { 200: c.download('The image (JPEG, PNG or WebP), inline'), ...errors } } },
    async (req, reply) => sendPhoto(reply, await getPhoto(db(), requireActor(req), req.params.id, req.params.photoId)),
  );

  // ---- steps (core/cases/lifecycle.ts) ----
  const step = (path: string, summary: string, body: typeof c.acknowledgeBody | typeof c.assignBody | typeof c.startBody | typeof c.replyBody | typeof c.visitBody, action: StepInput['action']) =>
    app.post(`/api/cases/:id/${path}`, { schema: { tags, summary, params: idParam, body, response: { 200: c.stepAnswer, ...errors } } }, async (req) =>
      stepCase(db(), contextOf(req), req.params.id, { action, ...(req.body as object) } as StepInput),
    );
  step('acknowledge', 'Acknowledge (受理) a received case: the dispatching office', c.acknowledgeBody, 'acknowledge');
  step('assign', "Dispatch (派单) to the company, the committee, the community, the street, a utility or a department (default: the category's handler): the dispatching office", c.assignBody, 'assign');
  step('start', 'Start work on a dispatched case: its handler', c.startBody, 'start');
  step('reply', 'Reply (答复) with what was done: its handler', c.replyBody, 'reply');
  step('visit', 'Return visit (回访): the rating closes the case, or reopens it when unsatisfied: the raiser, or the dispatching office by phone', c.visitBody, 'visit');

  // ---- the hazard database (T/ZAS 4006.1—2020 6.2.4.3; 湘建房〔2021〕231号 五（二）) ----
  app.get(
    '/api/hazards',
    { schema: { tags, summary: "Hazards of the caller's place, newest first, paged (open=true: not yet verified)", querystring: c.hazardListQuery, response: { 200: c.hazardList, ...errors } } },
    async (req) => listHazards(db(), requireActor(req), req.query, req.locale),
  );
  app.post(
    '/api/hazards',
    { schema: { tags, summary: 'Record a hazard found on patrol: class, level (its deadline), place', body: c.createHazardBody, response: { 201: c.createdHazard, ...errors } } },
    async (req, reply) => reply.status(201).send(await createHazard(db(), contextOf(req), req.body)),
  );
  app.get('/api/hazards/:id', { schema: { tags, summary: 'One hazard with its steps and the steps the caller may take', params: idParam, response: { 200: c.hazardDetail, ...errors } } }, async (req) =>
    getHazard(db(), requireActor(req), req.params.id, req.locale),
  );
  for (const [action, summary] of [
    ['dissuade', 'Dissuaded on the spot (劝阻): who patrols'],
    ['report', 'Reported for handling: who patrols'],
    ['handle', 'Handled (处置): the company, the community, the commissioner or a department'],
  ] as const) {
    app.post(`/api/hazards/:id/${action}`, { schema: { tags, summary, params: idParam, body: c.hazardStepBody, response: { 200: c.hazardStepAnswer, ...errors } } }, async (req) =>
      stepHazard(db(), contextOf(req), req.params.id, action, req.body),
    );
  }
  app.post(
    '/api/hazards/:id/verify',
    { schema: { tags, summary: 'Verified (核验) by the commissioner or an office other than whoever handled it; not passed: handled again', params: idParam, body: c.hazardVerifyBody, response: { 200: c.hazardStepAnswer, ...errors } } },
    async (req) => stepHazard(db(), contextOf(req), req.params.id, 'verify', req.body),
  );

  app.post(
    '/api/hazards/:id/photos',
    { schema: { tags, summary: `Add a photo of the hazard: whoever patrols, handles or verifies ${photoSummary.replace('a case', 'a hazard')}`, params: idParam, consumes: ['multipart/form-data'], response: { 201: c.uploadedPhoto, ...errors, 413: errorSchema } } },
    async (req, reply) => reply.status(201).send(await addHazardPhoto(db(), contextOf(req), req.params.id, await photoOf(req))),
  );
  app.get(
    '/api/hazards/:id/photos/:photoId',
    { schema: { tags, summary: 'A photo of the hazard, shown in a sandbox, to whoever may read the hazard', params: c.casePhotoParams, response: { 200: c.download('The image (JPEG, PNG or WebP), inline'), ...errors } } },
    async (req, reply) => sendPhoto(reply, await getHazardPhoto(db(), requireActor(req), req.params.id, req.params.photoId)),
  );

  // ---- patrol records (湘建房〔2021〕231号 五（二）) ----
  app.get('/api/patrols/items', { schema: { tags, summary: 'The check items of a patrol and what a finding of each becomes (a case or a hazard)', response: { 200: c.patrolItemList, ...errors } } }, async (req) => {
    requireActor(req);
    return patrolItems(req.locale);
  });
  app.get(
    '/api/patrols',
    { schema: { tags, summary: "Patrol records of the caller's place, newest first, paged", querystring: c.patrolListQuery, response: { 200: c.patrolList, ...errors } } },
    async (req) => listPatrols(db(), requireActor(req), req.query),
  );
  app.post(
    '/api/patrols',
    { schema: { tags, summary: 'Record a patrol: its check items, and its findings, each made a case or a hazard in the same step', body: c.createPatrolBody, response: { 201: c.createdPatrol, ...errors } } },
    async (req, reply) => reply.status(201).send(await createPatrol(db(), contextOf(req), req.body)),
  );

  // ---- emergency plans and drills (T/ZAS 4006.1—2020 6.2.4.1) ----
  app.get(
    '/api/quarters/:id/emergency',
    { schema: { tags, summary: "A quarter's emergency plans by class, its drills, and what is missing with the clause", params: idParam, response: { 200: c.quarterEmergency, ...errors } } },
    async (req) => quarterEmergency(db(), requireActor(req), req.params.id, req.locale),
  );
  app.post(
    '/api/quarters/:id/emergency-plans',
    { schema: { tags, summary: 'Record an emergency plan of a class, with its contacts', params: idParam, body: c.emergencyPlanBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await addPlan(db(), contextOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/emergency-plans/:id',
    { schema: { tags, summary: 'Change an emergency plan: its class, title, contacts or approval day', params: idParam, body: c.emergencyPlanPatch, response: { 200: c.created, ...errors } } },
    async (req) => updatePlan(db(), contextOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/quarters/:id/emergency-drills',
    { schema: { tags, summary: 'Record a drill with its date and attendance', params: idParam, body: c.emergencyDrillBody, response: { 201: c.created, ...errors } } },
    async (req, reply) => reply.status(201).send(await addDrill(db(), contextOf(req), req.params.id, req.body)),
  );

  // ---- the State Council's holiday calendar, by which working-day limits count ----
  app.get(
    '/api/holidays',
    { schema: { tags, summary: "The State Council's holidays (放假) and make-up working days (调休上班) kept, of a year or all", querystring: c.calendarYearQuery, response: { 200: c.calendarDayList, ...errors } } },
    async (req) => listCalendarDays(db(), requireActor(req), req.query.year),
  );
  app.post(
    '/api/holidays',
    { schema: { tags, summary: 'Set a day a holiday or a make-up working day, replacing what it was (the district office)', body: c.calendarDayBody, response: { 200: c.calendarDay, ...errors } } },
    async (req) => setCalendarDay(db(), contextOf(req), req.body.day, req.body),
  );
  // The day is a query, not a path part: a day of the national calendar lies in no one's place.
  app.delete(
    '/api/holidays',
    { schema: { tags, summary: 'Take a day off the calendar (?day=YYYY-MM-DD): a working day again exactly when Monday to Friday (the district office)', querystring: c.calendarDayParams, response: { 200: c.removedCalendarDay, ...errors } } },
    async (req) => removeCalendarDay(db(), contextOf(req), req.query.day),
  );

  // ---- the dispute register and mediation (HZ DB3305/T 309—2024 5.1.4) ----
  app.get(
    '/api/disputes',
    { schema: { tags, summary: "Disputes of the caller's place, newest first, paged", querystring: c.disputeListQuery, response: { 200: c.disputeList, ...errors } } },
    async (req) => listDisputes(db(), requireActor(req), req.query, req.locale),
  );
  app.post(
    '/api/disputes',
    { schema: { tags, summary: 'Register a dispute: parties, subject, risk level (a major one is reported to the street at once)', body: c.createDisputeBody, response: { 201: c.createdDispute, ...errors } } },
    async (req, reply) => reply.status(201).send(await createDispute(db(), contextOf(req), req.body)),
  );
  app.get(
    '/api/disputes/analysis',
    {
      schema: {
        tags,
        summary: "The owners' committee's monthly dispute analysis of a quarter (HZ 5.1.4.1.3): the month's disputes by kind, risk level and status, new and carried over, the major ones reported upward",
        querystring: c.disputeAnalysisQuery,
        response: { 200: c.disputeAnalysis, ...errors },
      },
    },
    async (req) => disputeMonthAnalysis(db(), requireActor(req), req.query, req.locale),
  );
  app.get('/api/disputes/:id', { schema: { tags, summary: 'One dispute with its steps and the steps the caller may take', params: idParam, response: { 200: c.disputeDetail, ...errors } } }, async (req) =>
    getDispute(db(), requireActor(req), req.params.id, req.locale),
  );
  app.get(
    '/api/disputes/:id/joint-candidates',
    { schema: { tags, summary: 'The quarters a joint mediation of the dispute may name (HZ 5.1.4.2): of its street, or of its district for the district office', params: idParam, response: { 200: c.jointCandidateList, ...errors } } },
    async (req) => jointCandidates(db(), requireActor(req), req.params.id),
  );
  app.post(
    '/api/disputes/:id/schedule',
    { schema: { tags, summary: 'Schedule the mediation: simple, public (time and place announced, HZ 5.1.4.2) or joint across quarters', params: idParam, body: c.scheduleMediationBody, response: { 200: c.disputeStepAnswer, ...errors } } },
    async (req) => stepDispute(db(), contextOf(req), req.params.id, { action: 'schedule', ...req.body }),
  );
  app.post(
    '/api/disputes/:id/agree',
    { schema: { tags, summary: 'The mediation agreement (调解协议)', params: idParam, body: c.agreementBody, response: { 200: c.disputeStepAnswer, ...errors } } },
    async (req) => stepDispute(db(), contextOf(req), req.params.id, { action: 'agree', ...req.body }),
  );
  app.post(
    '/api/disputes/:id/fail',
    { schema: { tags, summary: 'The mediation failed (it may be scheduled again)', params: idParam, body: c.disputeNoteBody, response: { 200: c.disputeStepAnswer, ...errors } } },
    async (req) => stepDispute(db(), contextOf(req), req.params.id, { action: 'fail', ...req.body }),
  );
  app.post(
    '/api/disputes/:id/follow-up',
    { schema: { tags, summary: 'The follow-up visit after an agreement closes the dispute', params: idParam, body: c.disputeNoteBody, response: { 200: c.disputeStepAnswer, ...errors } } },
    async (req) => stepDispute(db(), contextOf(req), req.params.id, { action: 'follow_up', ...req.body }),
  );
  app.get(
    '/api/public/quarters/:id/mediations',
    { schema: { tags, summary: "The quarter's public mediations to come: time, place and the kind of dispute; no parties, subject or mediator (as on the public board, HZ 5.1.4.2; no login)", params: idParam, response: { 200: c.publicMediationList, ...errors } } },
    async (req) => publicMediations(db(), req.params.id, req.locale),
  );

  // ---- the public ----
  app.get(
    '/api/public/quarters/:id/case-categories',
    { schema: { tags, summary: 'The categories a visitor chooses from on the quarter’s raise page, with the quarter’s name (no login)', params: idParam, response: { 200: c.publicCategoryList, ...errors } } },
    async (req) => publicCategories(db(), req.params.id, req.locale),
  );
  app.post(
    '/api/public/quarters/:id/cases/phone-code',
    {
      schema: {
        tags,
        summary: 'Send a one-time code to the phone of someone raising a case without an account (limited per phone and address)',
        params: idParam,
        body: c.phoneCodeBody,
        response: { 200: c.phoneCodeAnswer, ...errors, 429: errorSchema, 502: errorSchema, 503: errorSchema },
      },
    },
    async (req) => sendPhoneCode(db(), app.services.hashKey, app.services.sms, req.params.id, req.body, req.ip ?? null),
  );
  app.post(
    '/api/public/quarters/:id/cases/phone-code/confirm',
    { schema: { tags, summary: 'The one-time code: answers a token to raise one case (5 tries, 10 minutes)', params: idParam, body: c.phoneCodeConfirmBody, response: { 200: c.phoneCodeConfirmAnswer, ...errors, 429: errorSchema } } },
    async (req) => confirmPhoneCode(db(), app.services.hashKey, req.params.id, req.body),
  );
  app.post(
    '/api/public/quarters/:id/cases',
    { schema: { tags, summary: 'Raise a case without an account, after the phone code: answers its tracking code', params: idParam, body: c.publicRaiseBody, response: { 201: c.trackingAnswer, ...errors } } },
    async (req, reply) => reply.status(201).send(await raisePublicCase(db(), app.services.hashKey, req.params.id, req.body, req.ip ?? null)),
  );
  app.get(
    '/api/public/cases/:trackingCode',
    { schema: { tags, summary: 'A case by its tracking code: status, offices, replies; nothing personal (no login)', params: c.trackingParams, response: { 200: c.publicCase, ...errors } } },
    async (req) => trackCase(db(), req.params.trackingCode, req.locale),
  );
  app.post(
    '/api/public/cases/:trackingCode/photos',
    { schema: { tags, summary: `The raiser adds a photo by the tracking code while the case awaits acknowledgement ${photoSummary}`, params: c.trackingParams, consumes: ['multipart/form-data'], response: { 201: c.uploadedPhoto, ...errors, 413: errorSchema } } },
    async (req, reply) => reply.status(201).send(await addPhotoByTrackingCode(db(), req.params.trackingCode, await photoOf(req), req.ip ?? null)),
  );
  app.post(
    '/api/public/cases/:trackingCode/visit',
    { schema: { tags, summary: "The raiser's return visit by the tracking code: 满意 / 基本满意 close the case, 不满意 reopens it", params: c.trackingParams, body: c.visitBody, response: { 200: c.publicVisitAnswer, ...errors } } },
    async (req) => rateByTrackingCode(db(), req.params.trackingCode, req.body, req.ip ?? null),
  );
}
