// The HTTP contract of deliberation (议事协商) and joint meetings (三方联席会议): the request and
// response schemas of every route of the deliberation module (DB3305/T 309—2024 5.1.3.2.1;
// T/ZAS 4006.1—2020 6.1.1.3, 6.1.6). Zod only: nothing here may import server or web code.
// Times are ISO 8601 strings on the wire; dates 'YYYY-MM-DD'; areas integers in 0.01 m².
import { z } from 'zod';
import { dateText, pageQuery, paged, timestamp } from './common';

export const proposalStage = z.enum(['topic', 'proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed', 'rejected']);
export const pipelineStep = z.enum(['proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed']);
/** Where a topic came in (5.1.3.2.1.1). */
export const topicChannel = z.enum(['visit', 'resident', 'mailbox', 'owners_group', 'reception', 'online']);
export const party = z.enum(['community', 'committee', 'company', 'other']);
export const responsibleParty = z.enum(['community', 'committee', 'company']);
/** dispute_analysis: the committee's monthly dispute-analysis meeting (DB3305/T 309—2024 5.1.4.1.3). */
export const meetingKind = z.enum(['regular', 'ad_hoc', 'dispute_analysis']);
export const meetingStatus = z.enum(['scheduled', 'held', 'cancelled']);
export const actionStatus = z.enum(['open', 'in_progress', 'closed']);
export const rating = z.enum(['satisfied', 'basic', 'dissatisfied']);

const id = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);

// ---- proposals ----

/** GET /api/proposals: a page of the proposals in scope, newest first, with the total (docs/scaling.md). */
export const proposalListQuery = z.object({ quarterId: z.uuid().optional(), stage: proposalStage.optional(), voteId: z.uuid().optional(), ...pageQuery });

export const support = z.object({ members: z.number(), area: z.number(), membersTotal: z.number(), areaTotal: z.number() });

export const proposalSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  /** A building's own topic (楼道议事, 5.1.3.2.2); null for the quarter's pipeline. */
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  title: z.string(),
  stage: proposalStage,
  channel: topicChannel,
  raisedByName: z.string(),
  raisedByRole: z.string(),
  proposedBy: z.enum(['committee', 'cosign']).nullable(),
  voteId: z.string().nullable(),
  mergedInto: z.string().nullable(),
  /** A quarter's topic that came from a building's; the quarter's topic a building's went to. */
  escalatedFrom: z.string().nullable(),
  escalatedTo: z.string().nullable(),
  /** A candidate for that year's livelihood projects (民生实事, ZAS 6.2.5.2). */
  livelihoodYear: z.number().nullable(),
  rejectedAtStep: z.string().nullable(),
  rejectedReason: z.string().nullable(),
  cosigners: z.number(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const proposalList = paged(proposalSummary).extend({ page: z.number(), pageSize: z.number() });

export const proposalStepRecord = z.object({
  step: z.string(),
  actorName: z.string(),
  actorRole: z.string(),
  opinion: z.string().nullable(),
  meetingId: z.string().nullable(),
  voteId: z.string().nullable(),
  notice: z.string().nullable(),
  takenAt: timestamp,
});

export const proposalDetail = proposalSummary.extend({
  body: z.string(),
  steps: z.array(proposalStepRecord),
  support,
  /** Whether the calling owner has co-signed (false for staff). */
  cosignedByMe: z.boolean(),
  /** The steps the caller may take now, and whether they may reject it at that step. */
  mayTake: z.array(pipelineStep),
  mayReject: z.boolean(),
  /** A building's topic: whether the caller may take it to the quarter, and its households' ratings. */
  mayEscalate: z.boolean(),
  ratings: z.object({ satisfied: z.number(), basic: z.number(), dissatisfied: z.number() }),
  myRating: rating.nullable(),
  mayRate: z.boolean(),
  merged: z.array(z.object({ id: z.string(), title: z.string(), channel: topicChannel, raisedByName: z.string() })),
  vote: z.object({ id: z.string(), title: z.string(), status: z.string(), passed: z.boolean().nullable() }).nullable(),
});

export const createProposalBody = z.object({
  quarterId: id,
  /** A building's own topic (楼道议事); a building leader's is always of their building. */
  buildingId: id.optional(),
  /** A candidate for that year's livelihood projects (民生实事, ZAS 6.2.5.2). */
  livelihoodYear: z.number().int().min(2000).max(2100).optional(),
  title: text(200),
  body: z.string().trim().max(4000).optional(),
  /** Staff record the channel; an owner's topic is always `online`. */
  channel: topicChannel.optional(),
  /** Who raised it, when staff record it for someone (a resident at the reception day). */
  raisedByName: z.string().trim().min(1).max(100).optional(),
});

export const advanceBody = z.object({
  to: proposalStage.exclude(['rejected']),
  opinion: z.string().trim().max(4000).optional(),
  meetingId: z.uuid().optional(),
  voteId: z.uuid().optional(),
  notice: z.string().trim().max(4000).optional(),
});
export const rejectBody = z.object({ reason: text(2000) });
export const escalateBody = z.object({ reason: text(2000) });
export const proposalRatingBody = z.object({ rating, comment: z.string().trim().max(1000).optional() });
export const mergeBody = z.object({ into: id });
export const proposalVoteBody = z.union([
  z.object({ voteId: id }),
  z.object({
    opensAt: z.string().max(40),
    closesAt: z.string().max(40),
    article278Item: z.number().int().min(1).max(9),
  }),
]);
export const stageAnswer = z.object({ id: z.string(), stage: proposalStage, voteId: z.string().nullable() });
export const cosignAnswer = support.extend({ stage: proposalStage, thresholdMet: z.boolean() });

// ---- meetings ----

/** GET /api/meetings: a page of the joint meetings in scope, latest first, with the total. */
export const meetingListQuery = z.object({ quarterId: z.uuid().optional(), status: meetingStatus.optional(), ...pageQuery });

export const meetingSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  kind: meetingKind,
  title: z.string(),
  startsAt: timestamp,
  location: z.string(),
  status: meetingStatus,
  resolutions: z.number(),
});
export const meetingList = paged(meetingSummary).extend({ page: z.number(), pageSize: z.number() });

export const actionSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  /** The meeting whose resolution it carries out; null for a livelihood candidate chosen by vote. */
  meetingId: z.string().nullable(),
  /** The livelihood vote that chose it (T/ZAS 4006.1—2020 6.2.5.2); null for a meeting's. */
  voteId: z.string().nullable(),
  title: z.string(),
  responsible: responsibleParty,
  dueDate: z.string(),
  status: actionStatus,
  overdue: z.boolean(),
  closedAt: timestamp.nullable(),
  ratings: z.object({ satisfied: z.number(), basic: z.number(), dissatisfied: z.number() }),
});

export const meetingDetail = meetingSummary.extend({
  minutes: z.string().nullable(),
  heldAt: timestamp.nullable(),
  attendees: z.array(z.object({ id: z.string(), party, name: z.string(), title: z.string(), present: z.boolean().nullable() })),
  agenda: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      proposalId: z.string().nullable(),
      /** A case of the quarter the item takes up (T/ZAS 4006.1—2020 6.1.6.3). */
      case: z.object({ id: z.string(), trackingCode: z.string(), categoryName: z.string(), status: z.string(), summary: z.string() }).nullable(),
      /** A duty of the compliance calendar, with the clause it comes from. */
      duty: z.object({ id: z.string(), title: z.object({ 'zh-CN': z.string(), en: z.string() }), citation: z.string() }).nullable(),
    }),
  ),
  resolutions: z.array(z.object({ id: z.string(), text: z.string(), proposalId: z.string().nullable(), action: actionSummary })),
  canManage: z.boolean(),
});

export const createMeetingBody = z.object({
  quarterId: id,
  kind: meetingKind,
  title: text(200),
  startsAt: z.string().max(40),
  location: z.string().trim().max(200).optional(),
  attendees: z.array(z.object({ party, name: text(100), title: z.string().trim().max(100).optional() })).min(1).max(60),
  agenda: z.array(z.object({ title: text(200), proposalId: id.optional(), caseId: id.optional(), duty: z.string().max(60).optional() })).max(30).optional(),
});
export const holdMeetingBody = z.object({
  minutes: text(20000),
  /** The invited who came; the others are recorded absent. */
  present: z.array(id).max(60),
});
export const resolutionBody = z.object({
  text: text(2000),
  proposalId: id.optional(),
  actionTitle: z.string().trim().min(1).max(200).optional(),
  responsible: responsibleParty,
  dueDate: dateText,
});
export const createdResolution = z.object({ id: z.string(), actionId: z.string() });

// ---- actions ----

/** GET /api/actions: a page of the actions in scope, earliest due first, with the total. */
export const actionListQuery = z.object({ quarterId: z.uuid().optional(), overdue: z.enum(['true', 'false']).optional(), ...pageQuery });
export const actionList = paged(actionSummary).extend({ page: z.number(), pageSize: z.number() });
export const evidenceFile = z.object({ id: z.string(), name: z.string(), type: z.string(), kind: z.enum(['photo', 'document']), size: z.number() });
export const actionDetail = actionSummary.extend({
  resolution: z.string(),
  /** The meeting's title, or the vote's for a candidate chosen by vote. */
  meetingTitle: z.string(),
  updates: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['progress', 'close']),
      note: z.string(),
      evidence: z.string().nullable(),
      actorName: z.string(),
      createdAt: timestamp,
      /** The photos and documents attached to the report (T/ZAS 4006.1—2020 6.1.6). */
      files: z.array(evidenceFile),
      /** The caller wrote the report and may attach its evidence. */
      mayAttach: z.boolean(),
    }),
  ),
  comments: z.array(z.object({ rating, comment: z.string(), createdAt: timestamp })),
  myRating: rating.nullable(),
  mayUpdate: z.boolean(),
  mayRate: z.boolean(),
});
export const actionUpdateBody = z.object({ note: text(4000), evidence: z.string().trim().max(4000).optional() });
export const ratingBody = z.object({ rating, comment: z.string().trim().max(1000).optional() });
/** updateId: the report just written, to attach its evidence to. */
export const actionStatusAnswer = z.object({ id: z.string(), status: actionStatus, updateId: z.string().optional() });
export const evidenceParams = z.object({ id: z.uuid(), updateId: z.uuid() });
export const evidenceFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const download = (description: string) => z.string().meta({ format: 'binary', description });
export const meetingStatusAnswer = z.object({ id: z.string(), status: meetingStatus });

// ---- livelihood projects (民生实事, T/ZAS 4006.1—2020 6.2.5.2) ----

export const livelihoodVoteBody = z.object({
  year: z.number().int().min(2000).max(2100),
  /** The candidates put to the vote, one item each (two to twenty). */
  candidateIds: z.array(id).max(40),
  opensAt: z.string().max(40),
  closesAt: z.string().max(40),
  article278Item: z.number().int().min(1).max(9),
  /** Who carries out the chosen projects, and by when. */
  responsible: responsibleParty,
  dueDate: dateText,
});
export const livelihoodVoteAnswer = z.object({ voteId: z.string() });
export const livelihoodQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const livelihoodList = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      stage: proposalStage,
      raisedByName: z.string(),
      /** consultation: a joint meeting's resolution names it; vote: the owners' assembly resolved it. */
      chosenBy: z.enum(['consultation', 'vote']).nullable(),
      /** The vote among the candidates it was put to, and whether its item passed (null until published). */
      vote: z.object({ voteId: z.string(), chosen: z.boolean().nullable() }).nullable(),
      actions: z.array(actionSummary),
    }),
  ),
  /** The year's votes among the candidates (T/ZAS 4006.1—2020 6.2.5.2). */
  votes: z.array(z.object({ voteId: z.string(), title: z.string(), status: z.string(), candidates: z.number(), chosen: z.number(), resolved: z.boolean() })),
  /** The year's candidates and those chosen; every chosen project's actions closed counts as done. */
  candidates: z.number(),
  chosen: z.number(),
  done: z.number(),
});
