// The organisations module's contract (组织建设, T/ZAS 4006.1—2020 5): the requests its routes accept and the
// answers they give, as zod schemas shared by the server's routes and the web app (z.infer).
// Zod only: nothing here may import the server.
import { z } from 'zod';
import { dateText, pageQuery, paged } from './common';

// ---- values --------------------------------------------------------------------------------------

export const committeePositions = ['chair', 'vice-chair', 'member'] as const;
export const committeeStatuses = ['forming', 'active', 'ended'] as const;
export const appraisalRatings = ['excellent', 'competent', 'basically-competent', 'incompetent'] as const;
export const partyOrgForms = ['branch', 'general-branch', 'party-committee', 'joint-branch', 'attached'] as const;
export const selectionMethods = ['tender', 'direct', 'assembly-vote'] as const;
export const vettingSteps = ['community-pre-review', 'street-review', 'joint-department-review'] as const;
export const candidateSkills = ['finance', 'law', 'engineering', 'other'] as const;
export const candidateStatuses = ['recommended', 'community-approved', 'street-approved', 'approved', 'rejected'] as const;
export const peopleKinds = ['grids', 'building-leaders', 'social-organizations', 'volunteers'] as const;
/** The items of the qualification checklist (BG 二（二）5; T/ZAS 4006.1—2020 5.4.3), as the server's checklist names them. */
export const checklistItemIds = [
  'law-abiding',
  'full-capacity',
  'time-available',
  'coordination-ability',
  'ten-exclusions',
  'three-priorities',
  'political-standard',
  'professional-ability',
  'public-recognition',
  'politically-sound',
  'willing-to-work',
  'good-coordinator',
  'warm-hearted',
] as const;
export type ChecklistItemId = (typeof checklistItemIds)[number];

export { dateText };
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).optional();
const phone = z.string().trim().max(20).regex(/^[0-9+\- ]*$/, 'phone');
const day = z.string();
const optDay = z.string().nullable();
const checklistAnswers = z.partialRecord(z.enum(checklistItemIds), z.boolean());

// ---- answers shared by many routes -------------------------------------------------------------

export const checkItem = z.object({ rule: z.string(), status: z.enum(['pass', 'warn', 'fail']), citation: z.string(), message: z.string() });
export const idAnswer = z.object({ id: z.string() });
export const withWarnings = z.object({ id: z.string(), warnings: z.array(checkItem) });
export const warningsAnswer = z.object({ warnings: z.array(checkItem) });
export const violation = z.object({ rule: z.string(), citation: z.string(), message: z.string() });
/** The details of a 422 RULES_VIOLATED: the violations and the warnings of the same rules. */
export const ruleViolationDetails = z.object({ violations: z.array(violation), warnings: z.array(checkItem) });
export const noContent = z.null().describe('No content');

// ---- owners' committees ----------------------------------------------------------------------------

export const memberInput = z
  .object({
    ownerId: z.uuid().optional(),
    candidateId: z.uuid().optional(),
    position: z.enum(committeePositions),
    isPartyMember: z.boolean().optional(),
    joinedOn: dateText.nullable().optional(),
    commitmentsSignedOn: dateText.nullable().optional(),
  })
  .refine((m) => !!m.ownerId !== !!m.candidateId, { message: 'ownerId or candidateId, one of them' });

export const committeeBody = z.object({
  termNumber: z.number().int().min(1).max(100).nullable().optional(),
  termStart: dateText,
  termEnd: dateText,
  status: z.enum(['forming', 'active']).optional(),
  electedOn: dateText.nullable().optional(),
  members: z.array(memberInput).max(30).optional(),
});
export const committeePatch = z.object({
  termNumber: z.number().int().min(1).max(100).nullable().optional(),
  termStart: dateText.optional(),
  termEnd: dateText.optional(),
  electedOn: dateText.nullable().optional(),
  status: z.enum(committeeStatuses).optional(),
});
export const membersBody = z.object({ members: z.array(memberInput).min(1).max(30) });
export const memberPatch = z.object({
  position: z.enum(committeePositions).optional(),
  isPartyMember: z.boolean().optional(),
  joinedOn: dateText.nullable().optional(),
  commitmentsSignedOn: dateText.nullable().optional(),
});
export const removalBody = z.object({ removedOn: dateText, reason: text(200) });
export const trainingBody = z.object({ heldOn: dateText, topic: text(100), organizer: optText(100), memberIds: z.array(z.uuid()).min(1).max(30) });
export const appraisalBody = z.object({
  appraisedOn: dateText,
  periodLabel: optText(40),
  ledBy: optText(60),
  results: z.array(z.object({ memberId: z.uuid(), rating: z.enum(appraisalRatings), note: optText(200) })).max(30),
  publishedOn: dateText.nullable().optional(),
});

export const committeeView = z.object({
  id: z.string(),
  quarterId: z.string(),
  termNumber: z.number().nullable(),
  termStart: day,
  termEnd: day,
  status: z.enum(committeeStatuses),
  statusLabel: z.string(),
  electedOn: optDay,
  endedOn: optDay,
  memberCount: z.number(),
  partyMemberCount: z.number(),
  partyOrganization: z.object({ id: z.string(), name: z.string() }).nullable(),
  members: z.array(
    z.object({
      id: z.string(),
      ownerId: z.string(),
      candidateId: z.string().nullable(),
      name: z.string(),
      position: z.enum(committeePositions),
      positionLabel: z.string(),
      isPartyMember: z.boolean(),
      joinedOn: optDay,
      commitmentsSignedOn: optDay,
      removedOn: optDay,
      removalReason: z.string().nullable(),
      trainingDates: z.array(day),
    }),
  ),
  trainings: z.array(z.object({ id: z.string(), heldOn: day, topic: z.string(), organizer: z.string(), memberIds: z.array(z.string()) })),
  appraisals: z.array(
    z.object({
      id: z.string(),
      appraisedOn: day,
      periodLabel: z.string(),
      ledBy: z.string(),
      // Kept as written (a jsonb list), so open.
      results: z.array(z.looseObject({ memberId: z.string(), rating: z.string(), note: z.string().optional() })),
      publishedOn: optDay,
    }),
  ),
});
export const membersAdded = z.object({ ids: z.array(z.string()), warnings: z.array(checkItem) });

// ---- supervisory committees (DB3305/T 309—2024 3.2) --------------------------------------------

export const supervisoryMemberInput = z.object({ ownerId: z.uuid(), position: z.enum(['chair', 'member']), isPartyMember: z.boolean().optional(), joinedOn: dateText.nullable().optional() });
export const supervisoryBody = z.object({ termStart: dateText, termEnd: dateText, electedOn: dateText.nullable().optional(), members: z.array(supervisoryMemberInput).max(30).optional() });
export const supervisoryPatch = z.object({ termStart: dateText.optional(), termEnd: dateText.optional(), electedOn: dateText.nullable().optional(), status: z.literal('ended').optional() });
export const supervisoryMembersBody = z.object({ members: z.array(supervisoryMemberInput).min(1).max(30) });
export const supervisoryView = z.object({
  id: z.string(),
  termStart: day,
  termEnd: day,
  status: z.string(),
  statusLabel: z.string(),
  electedOn: optDay,
  members: z.array(
    z.object({
      id: z.string(),
      ownerId: z.string(),
      name: z.string(),
      position: z.string(),
      positionLabel: z.string(),
      isPartyMember: z.boolean(),
      joinedOn: optDay,
      removedOn: optDay,
      removalReason: z.string().nullable(),
    }),
  ),
});

// ---- candidates and vetting (BG 二（二）5–6) -------------------------------------------------------

export const recommendBody = z.object({
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
});
export const candidatePatch = z.object({
  skills: z.array(z.enum(candidateSkills)).max(4).optional(),
  isPartyMember: z.boolean().optional(),
  inReservePool: z.boolean().optional(),
  checklist: checklistAnswers.optional(),
  note: optText(500),
});
export const reviewBody = z.object({
  step: z.enum(vettingSteps),
  decision: z.enum(['approve', 'reject']),
  opinion: text(1000),
  reviewedOn: dateText,
  reviewerName: optText(60),
  checklist: checklistAnswers.optional(),
  departments: z.array(text(40)).max(20).optional(),
});
export const reviewAnswer = z.object({ status: z.enum(candidateStatuses) });
export const checklistEntry = z.object({
  id: z.string(),
  kind: z.enum(['requirement', 'exclusion', 'priority', 'criterion']),
  label: z.string(),
  citation: z.string(),
  quote: z.string(),
  itemsPrinted: z.boolean(),
  answer: z.boolean().nullable(),
});
export const candidateView = z.object({
  id: z.string(),
  quarterId: z.string(),
  /** Present in the vetting queue, which spans quarters. */
  quarterName: z.string().optional(),
  ownerId: z.string(),
  name: z.string(),
  recommendedBy: z.string(),
  partyOrganizationId: z.string().nullable(),
  coSignerCount: z.number().nullable(),
  recommendedOn: day,
  skills: z.array(z.string()),
  isPartyMember: z.boolean(),
  inReservePool: z.boolean(),
  status: z.enum(candidateStatuses),
  statusLabel: z.string(),
  nextStep: z.enum(vettingSteps).nullable(),
  nextStepLabel: z.string().nullable(),
  seated: z.boolean(),
  note: z.string(),
  checklist: z.array(checklistEntry),
  reviews: z.array(
    z.object({
      step: z.string(),
      stepLabel: z.string(),
      decision: z.string(),
      reviewerName: z.string(),
      reviewedOn: day,
      opinion: z.string(),
      departments: z.array(z.string()),
    }),
  ),
});

// ---- commissioners (ZAS 5.3) ---------------------------------------------------------------------

const commissionerFields = {
  name: text(40),
  phone,
  photoPath: z.string().trim().max(300).nullable().optional(),
  isPartyMember: z.boolean().optional(),
  trainedOn: dateText.nullable().optional(),
  startedOn: dateText,
};
export const commissionerBody = z.object(commissionerFields);
export const commissionerPatch = z.object({
  name: commissionerFields.name.optional(),
  phone: phone.optional(),
  photoPath: commissionerFields.photoPath,
  isPartyMember: z.boolean().optional(),
  trainedOn: dateText.nullable().optional(),
  startedOn: dateText.optional(),
  endedOn: dateText.nullable().optional(),
  endReason: z.string().trim().max(200).nullable().optional(),
});
export const commissionerView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  photoPath: z.string().nullable(),
  isPartyMember: z.boolean(),
  trainedOn: optDay,
  startedOn: day,
  endedOn: optDay,
  endReason: z.string().nullable(),
  current: z.boolean(),
  /** The uploaded photo's public address (served while the commissioner is in office), or null. */
  photoUrl: z.string().nullable(),
});
/** ZAS 6.1.3.5: name, phone and photo, nothing else. */
export const commissionerProfile = z.object({ items: z.array(z.object({ name: z.string(), phone: z.string(), photoPath: z.string().nullable(), photoUrl: z.string().nullable() })) });
/** The answer to a photo's upload: its public address (T/ZAS 4006.1—2020 6.1.3.5). */
export const commissionerPhotoUploaded = z.object({ photoUrl: z.string() });

// ---- party organisations (ZAS 5.1) ---------------------------------------------------------------

const partyFields = {
  name: text(80),
  form: z.enum(partyOrgForms).optional(),
  secretaryName: optText(40),
  secretaryPhone: phone.nullable().optional(),
  memberCount: z.number().int().min(0).max(100_000).optional(),
  establishedOn: dateText.nullable().optional(),
};
export const partyOrganizationBody = z.object({
  kind: z.enum(['quarter', 'committee', 'company']),
  quarterId: z.uuid().optional(),
  ownersCommitteeId: z.uuid().optional(),
  propertyCompanyId: z.uuid().optional(),
  ...partyFields,
});
export const partyOrganizationPatch = z.object({ ...partyFields, name: partyFields.name.optional(), dissolvedOn: dateText.nullable().optional() });
export const partyOrganizationView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  ownersCommitteeId: z.string().nullable(),
  propertyCompanyId: z.string().nullable(),
  name: z.string(),
  form: z.string(),
  secretaryName: z.string(),
  secretaryPhone: z.string().nullable(),
  memberCount: z.number(),
  establishedOn: optDay,
  dissolvedOn: optDay,
});

// ---- tripartite offices (ZAS 5.2) ----------------------------------------------------------------

export const officeBody = z.object({
  level: z.enum(['district', 'street', 'community']),
  placeId: z.uuid(),
  name: text(80),
  establishedOn: dateText.nullable().optional(),
  address: optText(200),
  phone: phone.nullable().optional(),
});
export const officeMemberBody = z.object({ name: text(40), position: optText(40), department: optText(40), phone: phone.nullable().optional() });
export const officeView = z.object({
  id: z.string(),
  level: z.string(),
  streetId: z.string().nullable(),
  communityId: z.string().nullable(),
  name: z.string(),
  establishedOn: optDay,
  address: z.string(),
  phone: z.string().nullable(),
  members: z.array(z.object({ id: z.string(), name: z.string(), position: z.string(), department: z.string(), phone: z.string().nullable() })),
});

// ---- property companies and contracts (ZAS 5.5) --------------------------------------------------

const companyFields = {
  name: text(100),
  creditCode: z.string().trim().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'credit code'),
  phone: phone.nullable().optional(),
  address: optText(200),
  partyMemberCount: z.number().int().min(0).max(100_000).optional(),
  fullPartyMemberCount: z.number().int().min(0).max(100_000).nullable().optional(),
};
export const companyBody = z.object(companyFields);
export const companyPatch = z.object({ ...companyFields, name: companyFields.name.optional(), creditCode: companyFields.creditCode.optional() });
export const companyView = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  phone: z.string().nullable(),
  address: z.string(),
  partyMemberCount: z.number(),
  fullPartyMemberCount: z.number().nullable(),
});
export const contractBody = z.object({
  propertyCompanyId: z.uuid(),
  selectionMethod: z.enum(selectionMethods),
  startsOn: dateText,
  endsOn: dateText.nullable().optional(),
  feeStandardFen: z.number().int().min(0).max(1_000_000),
  serviceStandard: optText(500),
  signedOn: dateText.nullable().optional(),
});
export const contractPatch = z.object({
  startsOn: dateText.optional(),
  endsOn: dateText.nullable().optional(),
  terminatedOn: dateText.nullable().optional(),
  feeStandardFen: z.number().int().min(0).max(1_000_000).optional(),
  serviceStandard: optText(500),
  signedOn: dateText.nullable().optional(),
});
export const contractView = z.object({
  id: z.string(),
  propertyCompanyId: z.string(),
  companyName: z.string(),
  creditCode: z.string(),
  companyPhone: z.string().nullable(),
  partyMemberCount: z.number(),
  selectionMethod: z.string(),
  selectionMethodLabel: z.string(),
  startsOn: day,
  endsOn: optDay,
  terminatedOn: optDay,
  feeStandardFen: z.number(),
  serviceStandard: z.string(),
  signedOn: optDay,
  current: z.boolean(),
});

// ---- grids, building leaders, social organisations, volunteers (HZ 3.4) --------------------------

export const peopleBodies = {
  grids: z.object({ name: text(40), leaderName: optText(40), leaderPhone: phone.nullable().optional(), note: optText(200) }),
  'building-leaders': z.object({ buildingId: z.uuid(), name: text(40), phone: phone.nullable().optional(), startedOn: dateText.nullable().optional(), note: optText(200) }),
  'social-organizations': z.object({ name: text(80), kind: optText(40), contactName: optText(40), contactPhone: phone.nullable().optional(), note: optText(200) }),
  volunteers: z.object({ name: text(40), phone: phone.nullable().optional(), team: optText(40), skills: optText(200), joinedOn: dateText.nullable().optional() }),
} as const;
export const peopleView = z.object({
  grids: z.array(z.object({ id: z.string(), name: z.string(), leaderName: z.string(), leaderPhone: z.string().nullable(), note: z.string() })),
  buildingLeaders: z.array(
    z.object({ id: z.string(), buildingId: z.string(), buildingName: z.string(), name: z.string(), phone: z.string().nullable(), startedOn: optDay, endedOn: optDay, note: z.string() }),
  ),
  socialOrganizations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), contactName: z.string(), contactPhone: z.string().nullable(), note: z.string() })),
  volunteers: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), team: z.string(), skills: z.string(), joinedOn: optDay })),
});

// ---- the quarter's organisations, the rules, the to-do list --------------------------------------

export const checksQuery = z.object({ asOf: dateText.optional() });
export const checksAnswer = z.object({ items: z.array(checkItem) });
/** The dossier section (一小区一档案, ZAS 6.1.3.2): everything about one quarter, with its checks. */
export const quarterOrganizationsView = z.object({
  pack: z.string(),
  // The pack's name as users know it (e.g. 浙江省团体标准 T/ZAS 4006.1—2020), in the caller's language.
  packTitle: z.string(),
  checks: z.array(checkItem),
  committees: z.array(committeeView),
  supervisoryCommittees: z.array(supervisoryView),
  commissioners: z.array(commissionerView),
  partyOrganizations: z.array(partyOrganizationView),
  contracts: z.array(contractView),
  ...peopleView.shape,
  candidates: z.array(candidateView),
});
export const rulesInForceView = z.object({
  pack: z.object({ id: z.string(), version: z.string(), title: z.string(), source: z.unknown() }),
  rules: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      severity: z.string(),
      // Each rule's own parameters (numbers of days, shares …), as the pack sets them.
      params: z.unknown(),
      citations: z.array(z.object({ text: z.string(), quote: z.string().nullable(), aspect: z.string().nullable() })),
      changes: z.array(z.object({ packId: z.string(), note: z.string() })),
    }),
  ),
  checklist: z.array(z.object({ id: z.string(), kind: z.string(), label: z.string(), citation: z.string(), quote: z.string() })),
});
/** GET /api/organizations/actions: which page of the failing checks, and of which rule. */
export const actionsQuery = z.object({ ...pageQuery, pageSize: pageQuery.pageSize.default(20), rule: z.string().max(60).optional() });
export const actionsView = z.object({
  vetting: z.array(candidateView),
  expiringTerms: z.array(z.object({ quarterId: z.string(), quarterName: z.string(), termEnd: day, daysLeft: z.number(), expired: z.boolean(), citation: z.string() })),
  // A district has a failing check or two in most of its quarters: they come a page at a time.
  failingChecks: paged(z.object({ quarterId: z.string(), quarterName: z.string(), rule: z.string(), status: z.enum(['fail', 'warn']), citation: z.string(), message: z.string() })),
});

export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
