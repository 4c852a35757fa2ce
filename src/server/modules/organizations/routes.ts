// HTTP routes of the organisations module (SPEC module 2). Thin: validate, call the service,
// answer. Rule violations answer 422 RULES_VIOLATED with `error.details.violations`
// [{rule, citation, message}] and the warnings of the same rules in `error.details.warnings`.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf, dateText, errorSchema, idParam, requireActor } from '../../platform/http';
import { appointCommissioner, commissionerProfile, commissionersOf, updateCommissioner } from './commissioners';
import { addPerson, listPeople, removePerson, type PeopleKind } from './community-people';
import { createCompany, createContract, listCompanies, listContracts, selectionMethods, updateCompany, updateContract } from './companies-and-contracts';
import { addOfficeMember, createOffice, listOffices, removeOfficeMember } from './offices';
import { createPartyOrganization, listPartyOrganizations, partyOrgForms, updatePartyOrganization } from './party-organizations';
import { checklistItemIds } from './checklist';
import { addAppraisal, addCommitteeMembers, addTraining, removeCommitteeMember, updateCommitteeMember } from './committee-members';
import { appraisalRatings, committeePositions, createCommittee, getCommittee, listCommittees, updateCommittee } from './committees';
import { addSupervisoryMembers, createSupervisoryCommittee, listSupervisoryCommittees, removeSupervisoryMember, updateSupervisoryCommittee } from './supervisory';
import { quarterChecks } from './facts';
import { actionsFor, quarterOrganizations, rulesInForce } from './overview';
import { authorizeQuarterOrganizations } from './access';
import { shanghaiDate, type OrgContext } from './shared';
import { candidateSkills, getCandidate, listCandidates, recommendCandidate, reviewCandidate, updateCandidate, vettingSteps } from './vetting';

const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const phone = z.string().trim().max(20).regex(/^[0-9+\- ]*$/, 'phone');
const checklistAnswers = z.partialRecord(z.enum(checklistItemIds), z.boolean());

const checkItem = z.object({ rule: z.string(), status: z.enum(['pass', 'warn', 'fail']), citation: z.string(), message: z.string() });
const withWarnings = z.object({ id: z.string(), warnings: z.array(checkItem) });
const violation = z.object({ rule: z.string(), citation: z.string(), message: z.string() });
// 422 RULES_VIOLATED carries the violations of the rules and their warnings in its details;
// other 422s (DATE_ORDER, INVALID_REFERENCE …) carry their own details.
const ruleErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.union([z.object({ violations: z.array(violation), warnings: z.array(checkItem) }), z.unknown()]).optional(),
  }),
});
const writeErrors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: ruleErrorSchema };

const memberInput = z
  .object({
    ownerId: z.uuid().optional(),
    candidateId: z.uuid().optional(),
    position: z.enum(committeePositions),
    isPartyMember: z.boolean().optional(),
    joinedOn: dateText.nullable().optional(),
    commitmentsSignedOn: dateText.nullable().optional(),
  })
  .refine((m) => !!m.ownerId !== !!m.candidateId, { message: 'ownerId or candidateId, one of them' });

const ctxOf = (req: FastifyRequest): OrgContext => ({ ...contextOf(req), locale: req.locale });

export async function organizationsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.services.db.kysely;
  const tags = ['organizations'];

  // ---- checks, rules, overview, actions ----
  app.get(
    '/api/quarters/:id/checks',
    {
      schema: {
        tags,
        summary: 'Every rule that applies to the quarter under its district’s pack: pass, warn or fail, with the citation',
        params: idParam,
        querystring: z.object({ asOf: dateText.optional() }),
        response: { 200: z.object({ items: z.array(checkItem) }), 404: errorSchema },
      },
    },
    async (req) => ({ items: await quarterChecks(db(), requireActor(req), req.params.id, req.query.asOf ?? shanghaiDate(), req.locale) }),
  );
  app.get('/api/quarters/:id/organizations', { schema: { tags, summary: 'All organisations of a quarter with its checks (the dossier section)', params: idParam } }, async (req) =>
    quarterOrganizations(db(), requireActor(req), req.params.id, req.locale),
  );
  app.get('/api/organizations/rules', { schema: { tags, summary: 'The rules in force for the caller’s district, with their clauses, and the vetting checklist' } }, async (req) =>
    rulesInForce(db(), requireActor(req), req.locale),
  );
  app.get('/api/organizations/actions', { schema: { tags, summary: 'What the caller must act on: vetting steps, expiring terms, failing checks' } }, async (req) =>
    actionsFor(db(), requireActor(req), req.locale),
  );

  // ---- owners' committees ----
  const committeeBody = z.object({
    termNumber: z.number().int().min(1).max(100).nullable().optional(),
    termStart: dateText,
    termEnd: dateText,
    status: z.enum(['forming', 'active']).optional(),
    electedOn: dateText.nullable().optional(),
    members: z.array(memberInput).max(30).optional(),
  });
  app.get('/api/quarters/:id/committees', { schema: { tags, summary: 'Owners’ committees of a quarter, every term', params: idParam } }, async (req) => ({
    items: await listCommittees(db(), requireActor(req), req.params.id, req.locale),
  }));
  app.post(
    '/api/quarters/:id/committees',
    { schema: { tags, summary: 'Form an owners’ committee (422 with every violation when a "fail" rule is broken)', params: idParam, body: committeeBody, response: { 201: withWarnings, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createCommittee(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.get('/api/committees/:id', { schema: { tags, summary: 'One owners’ committee', params: idParam } }, async (req) => getCommittee(db(), requireActor(req), req.params.id, req.locale));
  app.patch(
    '/api/committees/:id',
    {
      schema: {
        tags,
        summary: 'Change a committee’s term or status (forming → active, active → ended)',
        params: idParam,
        body: z.object({
          termNumber: z.number().int().min(1).max(100).nullable().optional(),
          termStart: dateText.optional(),
          termEnd: dateText.optional(),
          electedOn: dateText.nullable().optional(),
          status: z.enum(['forming', 'active', 'ended']).optional(),
        }),
      },
    },
    async (req) => updateCommittee(db(), ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/committees/:id/members',
    { schema: { tags, summary: 'Add members (owners of the quarter, or approved candidates)', params: idParam, body: z.object({ members: z.array(memberInput).min(1).max(30) }) } },
    async (req, reply) => reply.status(201).send(await addCommitteeMembers(db(), ctxOf(req), req.params.id, req.body.members)),
  );
  app.patch(
    '/api/committee-members/:id',
    {
      schema: {
        tags,
        summary: 'Change a member’s position, party membership or commitments (三承诺)',
        params: idParam,
        body: z.object({ position: z.enum(committeePositions).optional(), isPartyMember: z.boolean().optional(), joinedOn: dateText.nullable().optional(), commitmentsSignedOn: dateText.nullable().optional() }),
      },
    },
    async (req) => updateCommitteeMember(db(), ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/committee-members/:id/removal',
    { schema: { tags, summary: 'Remove a member (exit of unfit members, BG 二（二）7); never refused, returns the warnings', params: idParam, body: z.object({ removedOn: dateText, reason: text(200) }) } },
    async (req) => removeCommitteeMember(db(), ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/committees/:id/trainings',
    { schema: { tags, summary: 'Record a training and who attended (BG 二（二）7)', params: idParam, body: z.object({ heldOn: dateText, topic: text(100), organizer: optText(100), memberIds: z.array(z.uuid()).min(1).max(30) }) } },
    async (req, reply) => reply.status(201).send(await addTraining(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/committees/:id/appraisals',
    {
      schema: {
        tags,
        summary: 'Record an appraisal of the members (BG 二（二）7; HN 四（三）)',
        params: idParam,
        body: z.object({
          appraisedOn: dateText,
          periodLabel: optText(40),
          ledBy: optText(60),
          results: z.array(z.object({ memberId: z.uuid(), rating: z.enum(appraisalRatings), note: optText(200) })).max(30),
          publishedOn: dateText.nullable().optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await addAppraisal(db(), ctxOf(req), req.params.id, req.body)),
  );

  // ---- supervisory committees (HZ 3.2) ----
  const supervisoryMember = z.object({ ownerId: z.uuid(), position: z.enum(['chair', 'member']), isPartyMember: z.boolean().optional(), joinedOn: dateText.nullable().optional() });
  app.get('/api/quarters/:id/supervisory-committees', { schema: { tags, summary: 'Owners’ supervisory committees of a quarter', params: idParam } }, async (req) => ({
    items: await listSupervisoryCommittees(db(), requireActor(req), req.params.id, req.locale),
  }));
  app.post(
    '/api/quarters/:id/supervisory-committees',
    { schema: { tags, summary: 'Record an owners’ supervisory committee', params: idParam, body: z.object({ termStart: dateText, termEnd: dateText, electedOn: dateText.nullable().optional(), members: z.array(supervisoryMember).max(30).optional() }) } },
    async (req, reply) => reply.status(201).send(await createSupervisoryCommittee(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/supervisory-committees/:id',
    { schema: { tags, summary: 'Change a supervisory committee', params: idParam, body: z.object({ termStart: dateText.optional(), termEnd: dateText.optional(), electedOn: dateText.nullable().optional(), status: z.literal('ended').optional() }) } },
    async (req, reply) => {
      await updateSupervisoryCommittee(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/supervisory-committees/:id/members',
    { schema: { tags, summary: 'Add members to a supervisory committee', params: idParam, body: z.object({ members: z.array(supervisoryMember).min(1).max(30) }) } },
    async (req, reply) => {
      await addSupervisoryMembers(db(), ctxOf(req), req.params.id, req.body.members);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/supervisory-members/:id/removal',
    { schema: { tags, summary: 'Remove a supervisory committee member', params: idParam, body: z.object({ removedOn: dateText, reason: text(200) }) } },
    async (req, reply) => {
      await removeSupervisoryMember(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  // ---- candidates and vetting (BG 二（二）5–6) ----
  app.get('/api/quarters/:id/candidates', { schema: { tags, summary: 'Candidates of a quarter with their reviews and checklist; the reserve pool', params: idParam } }, async (req) => ({
    items: await listCandidates(db(), requireActor(req), req.params.id, req.locale),
  }));
  app.post(
    '/api/quarters/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Recommend a candidate (by the party organisation, or owners co-signing)',
        params: idParam,
        body: z.object({
          ownerId: z.uuid(),
          recommendedBy: z.enum(['party-organization', 'co-signing-owners']),
          partyOrganizationId: z.uuid().nullable().optional(),
          coSignerCount: z.number().int().min(1).max(100_000).nullable().optional(),
          recommendedOn: dateText,
          skills: z.array(z.enum(candidateSkills)).max(4).optional(),
          isPartyMember: z.boolean().optional(),
          inReservePool: z.boolean().optional(),
          checklist: checklistAnswers.optional(),
          note: optText(500),
        }),
        response: { 201: z.object({ id: z.string() }), ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await recommendCandidate(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.get('/api/candidates/:id', { schema: { tags, summary: 'One candidate', params: idParam } }, async (req) => getCandidate(db(), requireActor(req), req.params.id, req.locale));
  app.patch(
    '/api/candidates/:id',
    {
      schema: {
        tags,
        summary: 'Skills, party membership, reserve pool, checklist answers',
        params: idParam,
        body: z.object({ skills: z.array(z.enum(candidateSkills)).max(4).optional(), isPartyMember: z.boolean().optional(), inReservePool: z.boolean().optional(), checklist: checklistAnswers.optional(), note: optText(500) }),
      },
    },
    async (req, reply) => {
      await updateCandidate(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.post(
    '/api/candidates/:id/reviews',
    {
      schema: {
        tags,
        summary: 'A vetting step: community pre-review → street review → joint department review',
        params: idParam,
        body: z.object({
          step: z.enum(vettingSteps),
          decision: z.enum(['approve', 'reject']),
          opinion: text(1000),
          reviewedOn: dateText,
          reviewerName: optText(60),
          checklist: checklistAnswers.optional(),
          departments: z.array(text(40)).max(20).optional(),
        }),
        response: { 201: z.object({ status: z.string() }), ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await reviewCandidate(db(), ctxOf(req), req.params.id, req.body)),
  );

  // ---- commissioners (ZAS 5.3) ----
  app.get('/api/quarters/:id/commissioners', { schema: { tags, summary: 'Commissioners of a quarter, past and present', params: idParam } }, async (req) => {
    await authorizeQuarterOrganizations(db(), requireActor(req), req.params.id, 'organizations.read');
    return { items: await commissionersOf(db(), req.params.id) };
  });
  app.get('/api/quarters/:id/commissioner-profile', { schema: { tags, summary: 'The public profile of the quarter’s commissioner: name, phone, photo (ZAS 6.1.3.5)', params: idParam } }, async (req) =>
    commissionerProfile(db(), requireActor(req), req.params.id),
  );
  const commissionerFields = {
    name: text(40),
    phone,
    photoPath: z.string().trim().max(300).nullable().optional(),
    isPartyMember: z.boolean().optional(),
    trainedOn: dateText.nullable().optional(),
    startedOn: dateText,
  };
  app.post(
    '/api/quarters/:id/commissioners',
    { schema: { tags, summary: 'Appoint the quarter’s commissioner (offices; one per quarter, trained first)', params: idParam, body: z.object(commissionerFields), response: { 201: withWarnings, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await appointCommissioner(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/commissioners/:id',
    {
      schema: {
        tags,
        summary: 'Change a commissioner’s record, or end their service',
        params: idParam,
        body: z.object({
          name: commissionerFields.name.optional(),
          phone: phone.optional(),
          photoPath: commissionerFields.photoPath,
          isPartyMember: z.boolean().optional(),
          trainedOn: dateText.nullable().optional(),
          startedOn: dateText.optional(),
          endedOn: dateText.nullable().optional(),
          endReason: z.string().trim().max(200).nullable().optional(),
        }),
      },
    },
    async (req) => updateCommissioner(db(), ctxOf(req), req.params.id, req.body),
  );

  // ---- party organisations (ZAS 5.1) ----
  const partyFields = {
    name: text(80),
    form: z.enum(partyOrgForms).optional(),
    secretaryName: optText(40),
    secretaryPhone: phone.nullable().optional(),
    memberCount: z.number().int().min(0).max(100_000).optional(),
    establishedOn: dateText.nullable().optional(),
  };
  app.get('/api/quarters/:id/party-organizations', { schema: { tags, summary: 'Party organisations of the quarter, its committee and its companies', params: idParam } }, async (req) => ({
    items: await listPartyOrganizations(db(), requireActor(req), req.params.id, req.locale),
  }));
  app.post(
    '/api/party-organizations',
    {
      schema: {
        tags,
        summary: 'Record a party organisation of a quarter, a committee or a company',
        body: z.object({ kind: z.enum(['quarter', 'committee', 'company']), quarterId: z.uuid().optional(), ownersCommitteeId: z.uuid().optional(), propertyCompanyId: z.uuid().optional(), ...partyFields }),
        response: { 201: withWarnings, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createPartyOrganization(db(), ctxOf(req), req.body)),
  );
  app.patch(
    '/api/party-organizations/:id',
    {
      schema: {
        tags,
        summary: 'Change or dissolve a party organisation',
        params: idParam,
        body: z.object({ ...partyFields, name: partyFields.name.optional(), dissolvedOn: dateText.nullable().optional() }),
      },
    },
    async (req, reply) => {
      await updatePartyOrganization(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  // ---- tripartite offices (ZAS 5.2) ----
  app.get('/api/tripartite-offices', { schema: { tags, summary: 'Tripartite offices the caller may see, with their members' } }, async (req) => ({ items: await listOffices(db(), requireActor(req)) }));
  app.post(
    '/api/tripartite-offices',
    {
      schema: {
        tags,
        summary: 'Record a tripartite office of a district, street or community',
        body: z.object({ level: z.enum(['district', 'street', 'community']), placeId: z.uuid(), name: text(80), establishedOn: dateText.nullable().optional(), address: optText(200), phone: phone.nullable().optional() }),
        response: { 201: z.object({ id: z.string() }), ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createOffice(db(), ctxOf(req), req.body)),
  );
  app.post(
    '/api/tripartite-offices/:id/members',
    { schema: { tags, summary: 'Add a member to an office', params: idParam, body: z.object({ name: text(40), position: optText(40), department: optText(40), phone: phone.nullable().optional() }) } },
    async (req, reply) => reply.status(201).send(await addOfficeMember(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.delete('/api/office-members/:id', { schema: { tags, summary: 'Remove a member from an office', params: idParam } }, async (req, reply) => {
    await removeOfficeMember(db(), ctxOf(req), req.params.id);
    return reply.status(204).send();
  });

  // ---- property companies and contracts (ZAS 5.5) ----
  const companyFields = {
    name: text(100),
    creditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'credit code'),
    phone: phone.nullable().optional(),
    address: optText(200),
    partyMemberCount: z.number().int().min(0).max(100_000).optional(),
    fullPartyMemberCount: z.number().int().min(0).max(100_000).nullable().optional(),
  };
  app.get('/api/property-companies', { schema: { tags, summary: 'Property companies of the caller’s district' } }, async (req) => ({ items: await listCompanies(db(), requireActor(req)) }));
  app.post(
    '/api/property-companies',
    { schema: { tags, summary: 'Register a property company in the caller’s district', body: z.object(companyFields), response: { 201: z.object({ id: z.string() }), ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await createCompany(db(), ctxOf(req), req.body)),
  );
  app.patch(
    '/api/property-companies/:id',
    {
      schema: {
        tags,
        summary: 'Change a property company (e.g. its party members, for ZAS 5.1.2 / BG 二（四）11)',
        params: idParam,
        body: z.object({ ...companyFields, name: companyFields.name.optional(), creditCode: companyFields.creditCode.optional() }),
      },
    },
    async (req, reply) => {
      await updateCompany(db(), ctxOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
  app.get('/api/quarters/:id/contracts', { schema: { tags, summary: 'Service contracts of a quarter', params: idParam } }, async (req) => ({
    items: await listContracts(db(), requireActor(req), req.params.id, req.locale),
  }));
  app.post(
    '/api/quarters/:id/contracts',
    {
      schema: {
        tags,
        summary: 'Record a service contract (one company per management area at a time, ZAS 5.5.2). Fee in fen per m² per month.',
        params: idParam,
        body: z.object({
          propertyCompanyId: z.uuid(),
          selectionMethod: z.enum(selectionMethods),
          startsOn: dateText,
          endsOn: dateText.nullable().optional(),
          feeStandardFen: z.number().int().min(0).max(1_000_000),
          serviceStandard: optText(500),
          signedOn: dateText.nullable().optional(),
        }),
        response: { 201: withWarnings, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createContract(db(), ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/contracts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contract, or end it early',
        params: idParam,
        body: z.object({
          startsOn: dateText.optional(),
          endsOn: dateText.nullable().optional(),
          terminatedOn: dateText.nullable().optional(),
          feeStandardFen: z.number().int().min(0).max(1_000_000).optional(),
          serviceStandard: optText(500),
          signedOn: dateText.nullable().optional(),
        }),
      },
    },
    async (req) => updateContract(db(), ctxOf(req), req.params.id, req.body),
  );

  // ---- grids, building leaders, social organisations, volunteers (HZ 3.4) ----
  app.get('/api/quarters/:id/people', { schema: { tags, summary: 'Grids, building leaders, social organisations and volunteers of a quarter', params: idParam } }, async (req) =>
    listPeople(db(), requireActor(req), req.params.id),
  );
  const peopleBodies: Record<PeopleKind, z.ZodType> = {
    grids: z.object({ name: text(40), leaderName: optText(40), leaderPhone: phone.nullable().optional(), note: optText(200) }),
    'building-leaders': z.object({ buildingId: z.uuid(), name: text(40), phone: phone.nullable().optional(), startedOn: dateText.nullable().optional(), note: optText(200) }),
    'social-organizations': z.object({ name: text(80), kind: optText(40), contactName: optText(40), contactPhone: phone.nullable().optional(), note: optText(200) }),
    volunteers: z.object({ name: text(40), phone: phone.nullable().optional(), team: optText(40), skills: optText(200), joinedOn: dateText.nullable().optional() }),
  };
  for (const kind of Object.keys(peopleBodies) as PeopleKind[]) {
    app.post(
      `/api/quarters/:id/${kind}`,
      { schema: { tags, summary: `Add to the quarter’s ${kind.replace('-', ' ')}`, params: idParam, body: peopleBodies[kind], response: { 201: z.object({ id: z.string() }), ...writeErrors } } },
      async (req, reply) => reply.status(201).send(await addPerson(db(), ctxOf(req), req.params.id, kind, req.body as never)),
    );
    app.delete(`/api/${kind}/:id`, { schema: { tags, summary: `Remove from the quarter’s ${kind.replace('-', ' ')}`, params: idParam } }, async (req, reply) => {
      await removePerson(db(), ctxOf(req), kind, req.params.id);
      return reply.status(204).send();
    });
  }
}
