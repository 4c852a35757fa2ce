// The HTTP contract of cases (诉求): complaints and requests, their categories and handlers, the
// steps of their lifecycle, and the public pages that raise and follow them without an account.
// The server's routes validate and serialise through these schemas; the web app takes its types
// from them. Zod only.
import { z } from 'zod';
import { dateText, pageQuery, timestamp } from './common';
import { boardMediation } from './board';

export const caseStatuses = ['received', 'acknowledged', 'assigned', 'in_progress', 'replied', 'reopened', 'closed'] as const;
export const caseStatus = z.enum(caseStatuses);
export const handlerKinds = ['company', 'committee', 'community', 'department', 'street', 'utility'] as const;
export const handlerKind = z.enum(handlerKinds);
export const ratings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export const rating = z.enum(ratings);
export const staffChannels = ['phone', 'visit', 'patrol', 'reception'] as const;
export const caseChannel = z.enum(['public', 'owner', ...staffChannels]);
export const limitUnit = z.enum(['hours', 'working_days', 'calendar_days']);
export const caseActions = ['acknowledge', 'assign', 'start', 'reply', 'visit'] as const;
export const caseParties = ['dispatcher', 'handler', 'raiser'] as const;

const localized = z.object({ 'zh-CN': z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(120) });
const timeLimit = z.object({ amount: z.number().int().min(1).max(1000), unit: limitUnit });
const limits = z.object({ acknowledge: timeLimit, resolve: timeLimit });
/** A handler named in a request: a department's name where the kind is `department`. */
export const handlerInput = z.object({ kind: handlerKind, department: z.string().trim().max(40).nullable().optional() });
export const handlerOut = z.object({ kind: handlerKind, department: z.string().nullable(), label: z.string() });

// ---- categories ----

export const categoryListQuery = z.object({ districtId: z.uuid().optional() });
export const category = z.object({
  code: z.string(),
  /** In the caller's language; `names` has both. */
  name: z.string(),
  names: z.object({ 'zh-CN': z.string(), en: z.string() }),
  handler: handlerOut,
  citation: z.string(),
  limits,
  /** Changed or added by the district (false: the default list as it is). */
  local: z.boolean(),
});
export const categoryList = z.object({ districtId: z.string().nullable(), items: z.array(category) });
export const categoryParams = z.object({ code: z.string().regex(/^[a-z0-9-]{2,40}$/, 'code') });
export const categoryPatch = z.object({ districtId: z.uuid(), name: localized.optional(), handler: handlerInput.optional(), citation: z.string().trim().min(1).max(200).optional(), limits: limits.optional() });

// ---- cases ----

const boolText = z.enum(['true', 'false']).transform((v) => v === 'true');
export const caseListQuery = z.object({
  quarterId: z.uuid().optional(),
  status: caseStatus.optional(),
  category: z.string().max(40).optional(),
  /** Received in this month (YYYY-MM, Asia/Shanghai): the cases of a month's recurring problem. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  overdue: boolText.optional(),
  escalated: boolText.optional(),
  /** Not closed: what a joint meeting may still take up (T/ZAS 4006.1—2020 6.1.6.3). */
  open: boolText.optional(),
  ...pageQuery,
});
export const caseSummary = z.object({
  id: z.string(),
  trackingCode: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  status: caseStatus,
  statusLabel: z.string(),
  handler: handlerOut,
  channel: z.string(),
  description: z.string(),
  receivedAt: timestamp,
  acknowledgeDueAt: timestamp,
  resolveDueAt: timestamp,
  overdue: z.boolean(),
  escalatedAt: timestamp.nullable(),
});
export const caseList = z.object({ page: z.number(), pageSize: z.number(), total: z.number(), items: z.array(caseSummary) });

export const createCaseBody = z.object({
  quarterId: z.uuid(),
  category: z.string().max(40),
  description: z.string().trim().min(2).max(2000),
  location: z.string().trim().max(200).nullable().optional(),
  /** How it came (staff only; an owner's own is `owner`). */
  channel: z.enum(staffChannels).optional(),
  raiserName: z.string().trim().max(40).nullable().optional(),
  raiserPhone: z.string().trim().max(20).nullable().optional(),
});
export const createdCase = z.object({ id: z.string(), trackingCode: z.string() });

export const caseEvent = z.object({
  at: timestamp,
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  office: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  handler: handlerOut.nullable(),
  rating: z.string().nullable(),
});
export const caseDetail = z.object({
  id: z.string(),
  trackingCode: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  citation: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  channel: z.string(),
  status: caseStatus,
  statusLabel: z.string(),
  handler: handlerOut,
  raiserName: z.string().nullable(),
  /** In full for the dispatching office and the handler, who call back; masked for others. */
  raiserPhone: z.string().nullable(),
  receivedAt: timestamp,
  acknowledgeDueAt: timestamp,
  resolveDueAt: timestamp,
  overdue: z.boolean(),
  escalatedAt: timestamp.nullable(),
  reply: z.string().nullable(),
  rating: z.string().nullable(),
  ratingComment: z.string().nullable(),
  reopenCount: z.number(),
  events: z.array(caseEvent),
  photos: z.array(z.object({ id: z.string(), contentType: z.string(), size: z.number() })),
  parties: z.array(z.enum(caseParties)),
  /** The steps the caller may take now. */
  actions: z.array(z.enum(caseActions)),
});
/** A file answered as it is (an image). */
export const download = (description: string) => z.string().meta({ format: 'binary', description });
export const casePhotoParams = z.object({ id: z.uuid(), photoId: z.uuid() });
export const uploadedPhoto = z.object({ id: z.string() });

const note = z.string().trim().max(1000).nullable().optional();
export const acknowledgeBody = z.object({ note });
export const assignBody = z.object({ handler: handlerInput.nullable().optional(), note });
export const startBody = z.object({ note });
export const replyBody = z.object({ text: z.string().trim().min(2).max(2000) });
export const visitBody = z.object({ rating, comment: z.string().trim().max(500).nullable().optional() });
export const stepAnswer = z.object({ id: z.string(), status: caseStatus });

/** How the three rates are grouped: by handler, quarter or category, or by the community or street of the quarters. */
export const ratesBy = z.enum(['handler', 'quarter', 'category', 'community', 'street']);
export const ratesQuery = z.object({ by: ratesBy.default('handler'), quarterId: z.uuid().optional() });
const share = z.number().nullable();
/** The figures and rates of one group; a group with nothing to count has null rates (shown as "—"). */
export const rateRow = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number(),
  responseDue: z.number(),
  respondedOnTime: z.number(),
  closed: z.number(),
  visits: z.number(),
  satisfiedVisits: z.number(),
  meanHoursToReply: z.number().nullable(),
  responseRate: share,
  resolutionRate: share,
  satisfactionRate: share,
});
export const ratesAnswer = z.object({ by: ratesBy, items: z.array(rateRow) });

// ---- proactive governance (未诉先办): the categories that recur in a place (core/cases/recurring.ts) ----
export const recurringQuery = z
  .object({
    quarterId: z.uuid().optional(),
    streetId: z.uuid().optional(),
    communityId: z.uuid().optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  })
  .refine((q) => [q.quarterId, q.streetId, q.communityId].filter(Boolean).length <= 1, { message: 'At most one of quarterId, streetId, communityId' });
export const recurringAnswer = z.object({
  month: z.string(),
  place: z.object({ level: z.enum(['district', 'street', 'community', 'quarter']), id: z.string(), name: z.string() }),
  items: z.array(
    z.object({
      category: z.string(),
      categoryName: z.string(),
      place: z.object({ level: z.enum(['district', 'street', 'community', 'quarter']), id: z.string(), name: z.string() }),
      count: z.number(),
      months: z.array(z.object({ month: z.string(), count: z.number() })),
      caseIds: z.array(z.string()),
    }),
  ),
});

export const departmentAccountParams = z.object({ userId: z.uuid() });
export const departmentAccountBody = z.object({ department: z.string().trim().max(40).nullable() });
export const departmentAccountAnswer = z.object({ userId: z.string(), department: z.string().nullable() });
export const departmentAccountList = z.object({ departments: z.array(z.string()), items: z.array(z.object({ userId: z.string(), department: z.string() })) });

// ---- the public: raise by phone code, follow by tracking code ----

export const publicCategoryList = z.object({
  quarterId: z.string(),
  quarterName: z.string(),
  items: z.array(z.object({ code: z.string(), name: z.string(), handlerLabel: z.string() })),
});
export const phoneCodeBody = z.object({ phone: z.string().trim().min(5).max(20) });
export const phoneCodeAnswer = z.object({ challengeId: z.string(), phoneMasked: z.string(), delivery: z.enum(['sms', 'log']), expiresAt: z.string(), resendInSeconds: z.number() });
export const phoneCodeConfirmBody = z.object({ challengeId: z.uuid(), code: z.string().trim().regex(/^\d{6}$/, 'code') });
export const phoneCodeConfirmAnswer = z.object({ raiseToken: z.string(), expiresAt: z.string() });
export const publicRaiseBody = z.object({
  raiseToken: z.string().min(20).max(100),
  /** The phone the code went to, checked against it. */
  phone: z.string().trim().min(5).max(20),
  category: z.string().max(40),
  description: z.string().trim().min(2).max(2000),
  location: z.string().trim().max(200).nullable().optional(),
  name: z.string().trim().max(40).nullable().optional(),
});
export const trackingAnswer = z.object({ trackingCode: z.string() });
/** 12 letters and digits of an alphabet without 0/O, 1/I/L. */
export const trackingParams = z.object({ trackingCode: z.string().regex(/^[A-Za-z2-9]{12}$/, 'trackingCode') });
export const publicCase = z.object({
  trackingCode: z.string(),
  quarterName: z.string(),
  category: z.string(),
  categoryName: z.string(),
  description: z.string(),
  status: caseStatus,
  statusLabel: z.string(),
  handlerLabel: z.string(),
  receivedAt: timestamp,
  resolveDueAt: timestamp,
  photoCount: z.number(),
  canRate: z.boolean(),
  canAddPhotos: z.boolean(),
  rating: rating.nullable(),
  ratingLabel: z.string().nullable(),
  timeline: z.array(
    z.object({ at: timestamp, action: z.string(), status: z.string().nullable(), office: z.string(), handlerLabel: z.string().nullable(), text: z.string().nullable(), rating: z.string().nullable() }),
  ),
});
export const publicVisitAnswer = z.object({ status: caseStatus });

// ---- the hazard database (风险隐患信息数据库, T/ZAS 4006.1—2020 6.2.4.3) ----

export const hazardClasses = ['fire', 'electricity', 'gas', 'structure', 'elevator', 'public-health', 'flood', 'public-order', 'other'] as const;
export const hazardLevels = ['general', 'major', 'severe'] as const;
export const hazardStatuses = ['found', 'dissuaded', 'reported', 'handling', 'verified'] as const;
export const hazardActions = ['dissuade', 'report', 'handle', 'verify'] as const;
export const hazardStatus = z.enum(hazardStatuses);
export const hazardListQuery = z.object({ quarterId: z.uuid().optional(), status: hazardStatus.optional(), open: boolText.optional(), ...pageQuery });
export const createHazardBody = z.object({
  quarterId: z.uuid(),
  class: z.enum(hazardClasses),
  level: z.enum(hazardLevels),
  location: z.string().trim().min(1).max(200),
  description: z.string().trim().min(2).max(2000),
});
export const hazardSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  class: z.enum(hazardClasses),
  level: z.enum(hazardLevels),
  location: z.string(),
  description: z.string(),
  status: hazardStatus,
  statusLabel: z.string(),
  foundAt: timestamp,
  dueAt: timestamp,
  overdue: z.boolean(),
  verifiedAt: timestamp.nullable(),
});
export const hazardList = z.object({ page: z.number(), pageSize: z.number(), total: z.number(), items: z.array(hazardSummary) });
export const hazardDetail = hazardSummary.extend({
  citation: z.string(),
  photos: z.array(z.object({ id: z.string(), contentType: z.string(), sizeBytes: z.number() })),
  mayAddPhotos: z.boolean(),
  events: z.array(z.object({ at: timestamp, action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), office: z.string(), actorName: z.string().nullable(), note: z.string().nullable() })),
  actions: z.array(z.enum(hazardActions)),
});
export const hazardStepBody = z.object({ note: z.string().trim().max(1000).nullable().optional() });
export const hazardVerifyBody = z.object({ passed: z.boolean(), note: z.string().trim().max(1000).nullable().optional() });
export const hazardStepAnswer = z.object({ id: z.string(), status: hazardStatus });
export const createdHazard = z.object({ id: z.string() });
export const created = z.object({ id: z.string() });

// ---- the dispute register and mediation (HZ DB3305/T 309—2024 5.1.4) ----

export const disputeRisks = ['low', 'medium', 'high', 'major'] as const;
export const mediationKinds = ['simple', 'public', 'joint'] as const;
export const disputeStatuses = ['registered', 'mediating', 'agreed', 'failed', 'closed'] as const;
export const disputeActions = ['schedule', 'agree', 'fail', 'follow_up'] as const;
/** What a dispute is about (core/cases disputeCategories): the monthly analysis sorts by it (HZ 5.1.4.1.3). */
export const disputeCategories = ['neighbour', 'property_use', 'property_service', 'parking', 'renovation', 'other'] as const;
export const disputeStatus = z.enum(disputeStatuses);
export const disputeListQuery = z.object({ quarterId: z.uuid().optional(), status: disputeStatus.optional(), ...pageQuery });
export const createDisputeBody = z.object({
  quarterId: z.uuid(),
  subject: z.string().trim().min(2).max(100),
  /** What it is about; `other` when not given. */
  category: z.enum(disputeCategories).optional(),
  /** Who is in dispute with whom, as staff write it; never shown publicly. */
  parties: z.string().trim().min(2).max(200),
  description: z.string().trim().min(2).max(2000),
  risk: z.enum(disputeRisks),
});
export const createdDispute = z.object({ id: z.string(), reportedUpward: z.boolean() });
export const disputeSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  subject: z.string(),
  category: z.enum(disputeCategories),
  parties: z.string(),
  risk: z.enum(disputeRisks),
  status: disputeStatus,
  statusLabel: z.string(),
  mediationKind: z.enum(mediationKinds).nullable(),
  mediationAt: timestamp.nullable(),
  mediationPlace: z.string().nullable(),
  mediatorName: z.string().nullable(),
  registeredAt: timestamp,
  reportedUpAt: timestamp.nullable(),
});
export const disputeList = z.object({ page: z.number(), pageSize: z.number(), total: z.number(), items: z.array(disputeSummary) });
export const disputeDetail = disputeSummary.extend({
  description: z.string(),
  agreement: z.string().nullable(),
  followUp: z.string().nullable(),
  /** The other quarters of a joint mediation (HZ 5.1.4.2); [] for another kind. */
  jointQuarters: z.array(z.object({ id: z.string(), name: z.string() })),
  citation: z.string(),
  events: z.array(z.object({ at: timestamp, action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), office: z.string(), actorName: z.string().nullable(), note: z.string().nullable() })),
  actions: z.array(z.enum(disputeActions)),
});
export const scheduleMediationBody = z.object({
  kind: z.enum(mediationKinds),
  /** Required for a public mediation: its time (with offset) and place are announced. */
  at: z.iso.datetime({ offset: true }).nullable().optional(),
  place: z.string().trim().max(200).nullable().optional(),
  mediatorName: z.string().trim().min(1).max(60),
  /**
   * A joint mediation (HZ 5.1.4.2) names the other quarters taking part: quarters of the same
   * street, or of the same district when the district office schedules it. Only for `joint`.
   */
  jointQuarterIds: z.array(z.uuid()).max(5).optional(),
});
export const agreementBody = z.object({ agreement: z.string().trim().min(2).max(4000) });
export const disputeNoteBody = z.object({ note: z.string().trim().min(2).max(2000) });
export const disputeStepAnswer = z.object({ id: z.string(), status: disputeStatus });
export const publicMediationList = z.object({
  citation: z.string(),
  items: z.array(boardMediation),
});

/** The quarters a joint mediation may name (HZ 5.1.4.2): of the dispute's street, or its district for the district office. */
export const jointCandidateList = z.object({ citation: z.string(), items: z.array(z.object({ id: z.string(), name: z.string(), sameStreet: z.boolean() })) });

/** The owners' committee's monthly dispute analysis of a quarter (HZ 5.1.4.1.3), read from the register. */
export const disputeAnalysisQuery = z.object({
  quarterId: z.uuid(),
  /** YYYY-MM, a calendar month in China Standard Time. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month'),
});
const countsOf = <T extends readonly [string, ...string[]]>(keys: T) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [K in T[number]]: z.ZodNumber });
export const disputeAnalysis = z.object({
  quarterId: z.string(),
  quarterName: z.string(),
  month: z.string(),
  citation: z.string(),
  total: z.number().int(),
  /** Registered in the month. */
  newCount: z.number().int(),
  /** Registered before and not closed when the month began. */
  carriedOver: z.number().int(),
  byCategory: countsOf(disputeCategories),
  byRisk: countsOf(disputeRisks),
  /** Where they stood at the month's end. */
  byStatus: countsOf(disputeStatuses),
  /** The major disputes reported upward (HZ 5.1.4.1.1), by id. */
  reportedUp: z.array(z.string()),
  items: z.array(
    z.object({
      id: z.string(),
      subject: z.string(),
      category: z.enum(disputeCategories),
      risk: z.enum(disputeRisks),
      status: disputeStatus,
      statusLabel: z.string(),
      isNew: z.boolean(),
      joint: z.boolean(),
      registeredAt: timestamp,
      reportedUpAt: timestamp.nullable(),
    }),
  ),
});

// ---- patrol records (湘建房〔2021〕231号 五（二）) ----

export const patrolItemList = z.object({ items: z.array(z.object({ code: z.string(), name: z.string(), becomes: z.enum(['case', 'hazard']), citation: z.string() })) });
export const createPatrolBody = z.object({
  quarterId: z.uuid(),
  items: z.array(z.object({ code: z.string().max(40), ok: z.boolean(), note: z.string().trim().max(500).nullable().optional() })).max(50),
  note: z.string().trim().max(1000).nullable().optional(),
  /** Each finding becomes a case of its item's category or a hazard of its class, in the same step. */
  findings: z
    .array(z.object({ item: z.string().max(40), description: z.string().trim().min(2).max(2000), location: z.string().trim().min(1).max(200), level: z.enum(hazardLevels).optional() }))
    .max(20),
});
export const createdPatrol = z.object({ id: z.string(), cases: z.array(z.object({ id: z.string(), trackingCode: z.string() })), hazards: z.array(z.string()) });
export const patrolListQuery = z.object({ quarterId: z.uuid().optional(), ...pageQuery });
export const patrolList = z.object({
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      quarterId: z.string(),
      quarterName: z.string(),
      patrolledAt: timestamp,
      items: z.array(z.object({ code: z.string(), ok: z.boolean(), note: z.string().nullable().optional() })),
      note: z.string().nullable(),
      findings: z.number(),
    }),
  ),
});

// ---- emergency plans and drills (T/ZAS 4006.1—2020 6.2.4.1) ----

export const planClasses = ['accident', 'public-health', 'committee-unable', 'company-leaving', 'facility-failure'] as const;
export const emergencyPlanBody = z.object({
  planClass: z.enum(planClasses),
  title: z.string().trim().min(2).max(100),
  contacts: z.string().trim().min(2).max(1000),
  // A real day: 2026-13-45 is refused here, not by the database (which answered 500).
  approvedOn: dateText,
});
/** A change to a plan: any of its fields, at least one. */
export const emergencyPlanPatch = emergencyPlanBody.partial().refine((b) => Object.keys(b).length > 0, { message: 'empty' });
export const emergencyDrillBody = z.object({
  heldOn: dateText,
  attendance: z.number().int().min(0).max(100_000),
  planClass: z.enum(planClasses).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export const quarterEmergency = z.object({
  plans: z.array(z.object({ id: z.string(), planClass: z.enum(planClasses), classLabel: z.string(), title: z.string(), contacts: z.string(), approvedOn: z.string() })),
  drills: z.array(z.object({ id: z.string(), planClass: z.enum(planClasses).nullable(), heldOn: z.string(), attendance: z.number(), note: z.string().nullable() })),
  gaps: z.array(z.object({ kind: z.enum(['missing-plan', 'no-drill']), planClass: z.enum(planClasses).nullable(), citation: z.string(), message: z.string() })),
});

// ---- the State Council's holiday calendar (国务院办公厅 部分节假日安排) ----

export const calendarDayKinds = ['holiday', 'workday'] as const;
export const calendarDayParams = z.object({ day: dateText });
export const calendarYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2199).optional() });
export const calendarDayBody = z.object({
  day: dateText,
  // holiday: 放假 (not a working day, even Monday to Friday); workday: 调休上班 (a working day, even at the weekend).
  kind: z.enum(calendarDayKinds),
  name: z.string().trim().min(1).max(50),
  source: z.string().trim().max(200).nullable().optional(),
});
export const calendarDay = z.object({ day: z.string(), kind: z.enum(calendarDayKinds), name: z.string(), source: z.string() });
export const calendarDayList = z.object({ items: z.array(calendarDay) });
export const removedCalendarDay = z.object({ day: z.string() });
