// The HTTP contract of owners' assembly voting (业主大会表决, 民法典 第278条): the request and
// response schemas of every voting route. The server's routes (src/server/modules/voting/routes.ts)
// validate and serialise through them, so /api/openapi.json describes what is answered; the web
// app takes its types from them with z.infer. Zod only: nothing here may import server or web code.
//
// A response serialised through a z.object keeps only the keys listed here, so every field a
// handler returns is listed. Areas are integers in 0.01 m²; times are ISO 8601 strings.
import { z } from 'zod';
import { pageQuery } from './common';

export const voteStatuses = ['draft', 'open', 'closed', 'published'] as const;
export const voteStatus = z.enum(voteStatuses);
/**
 * What a vote is doing now, by the server's clock (issue 10 point 1): an open vote is `upcoming`
 * before its window, `open` inside it and `ended` after it until it is closed and counted.
 */
export const votePhase = z.enum(['draft', 'upcoming', 'open', 'ended', 'closed', 'published']);
export const voteRule = z.enum(['civil-code-278', 'building-majority']);
export const matter = z.enum(['ordinary', 'special']);
export const choice = z.enum(['yes', 'no', 'abstain']);
export const channel = z.enum(['online', 'paper', 'proxy']);
export const choices = z.record(z.string().max(10), choice);

const id = z.uuid();
const time = z.string();
const count = z.object({ members: z.number(), area: z.number() });

// ---- params ----

export const voteScanParams = z.object({ id, scanId: z.uuid() });
export const objectionParams = z.object({ id, objectionId: z.uuid() });

// ---- votes ----

export const voteSorts = ['createdAt', 'opensAt', 'closesAt', 'title'] as const;
/**
 * GET /api/votes: a page of the votes in scope (docs/scaling.md), of one quarter, status or phase
 * when asked, newest first unless sorted otherwise.
 */
export const voteListQuery = z.object({
  quarterId: z.uuid().optional(),
  status: voteStatus.optional(),
  phase: votePhase.optional(),
  ...pageQuery,
  sort: z.enum(voteSorts).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const voteSummary = z.object({
  id: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  buildingId: z.string().nullable(),
  title: z.string(),
  rule: voteRule,
  status: voteStatus,
  phase: votePhase,
  opensAt: time,
  closesAt: time,
  objectionDays: z.number(),
  objectionEndsAt: time.nullable(),
  rollMembers: z.number().nullable(),
  ballotCount: z.number(),
  createdAt: time,
});

export const voteList = z.object({
  items: z.array(voteSummary),
  total: z.number(),
  // With quarterId: whether the caller may create and run votes there (the community office
  // only while the quarter has no owners' committee in office).
  runsVotes: z.boolean().optional(),
  // The quarters of the caller's scope where they may create and run votes (empty for those who
  // may not), so that the app offers 新建表决 only where it can be finished.
  runsVotesIn: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const voteItem = z.object({ id: z.string(), title: z.string(), matter, article278Item: z.number().nullable() });

export const voteDetail = voteSummary.extend({
  items: z.array(voteItem),
  rollFingerprint: z.string().nullable(),
  rollArea: z.number().nullable(),
  genesis: z.string().nullable(),
  head: z.string().nullable(),
  openedAt: time.nullable(),
  closedAt: time.nullable(),
  publishedAt: time.nullable(),
  canManage: z.boolean(),
  canEnterBallots: z.boolean(),
  // Whether the caller may void a ballot staff entered wrongly (issue 10 point 5): they may enter
  // ballots and the vote is sealed as version 2 (version 1 has no void); the window is the phase's.
  canVoidEntries: z.boolean(),
});

/** 民法典 第278条 第1款 items 1–9 with their matter class and their text in both languages. */
export const article278ItemList = z.object({
  items: z.array(z.object({ item: z.number(), matter, 'zh-CN': z.string(), en: z.string() })),
});

export const createVoteBody = z.object({
  quarterId: z.uuid(),
  buildingId: z.uuid().nullable().optional(),
  title: z.string().trim().min(1).max(200),
  rule: voteRule,
  opensAt: z.string().max(40),
  closesAt: z.string().max(40),
  objectionDays: z.number().int().min(0).max(60).optional(),
  items: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(200),
        matter: matter.optional(),
        article278Item: z.number().int().min(1).max(9).nullable().optional(),
      }),
    )
    .min(1)
    .max(30),
});

export const created = z.object({ id: z.string() });

export const openedVote = z.object({
  status: z.literal('open'),
  rollFingerprint: z.string(),
  rollMembers: z.number(),
  rollArea: z.number(),
  /** Units without a registered owner, left off the roll. */
  unitsWithoutOwner: z.number(),
});

// ---- while a vote is open ----

export const turnout = z.object({
  status: voteStatus,
  rule: voteRule,
  totals: count,
  cast: count,
  /** The smallest whole numbers that meet the quorum (area 0 where area is not weighed). */
  needed: count,
  areaWeighed: z.boolean(),
  quorumMet: z.boolean(),
  byChannel: z.object({ online: count, paper: count, proxy: count }),
  closesAt: time,
});

export const rollUnitsQuery = z.object({ q: z.string().max(60).optional() });
export const rollUnitList = z.object({
  items: z.array(
    z.object({
      unitId: z.string(),
      label: z.string(),
      building: z.string(),
      number: z.string(),
      // The unit's owners with their names masked (张*丰), so that staff check the unit against the
      // name on the paper ballot without the list showing who lives where in full.
      owners: z.array(z.string()),
      votedChannel: channel.nullable(),
    }),
  ),
});

export const notVotedList = z.object({
  vote: z.object({ id: z.string(), title: z.string(), quarterName: z.string(), closesAt: time, areaWeighed: z.boolean() }),
  members: z.number(),
  area: z.number(),
  items: z.array(
    z.object({
      units: z.array(z.string()),
      owners: z.array(z.object({ name: z.string(), phoneMasked: z.string().nullable() })),
      area: z.number(),
    }),
  ),
});

export const ballotEntry = z.object({
  id: z.string(),
  seq: z.number(),
  channel,
  castAt: time,
  enteredBy: z.string().nullable(),
  unit: z.string().nullable(),
  proxyHolder: z.string().nullable(),
  scanId: z.string().nullable(),
  // Set once the entry was voided (issue 10 point 5): when (ISO 8601, +08:00), by whom, why.
  voided: z.object({ at: time, by: z.string().nullable(), reason: z.string() }).nullable(),
});

export const ballotEntryList = z.object({ items: z.array(ballotEntry) });

export const ballotEntryParams = z.object({ id, entryId: z.uuid() });
/** Why a staff-entered ballot is voided: required, as it stands in the chain and the log. */
export const voidBallotBody = z.object({ reason: z.string().trim().min(2).max(500) });

export const uploadedScan = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), sizeBytes: z.number(), sha256: z.string() });

// ---- ballots ----

export const receipt = z.object({ seq: z.number(), castAt: time, hash: z.string(), receiptCode: z.string(), channel });

export const paperBallotBody = z.object({ unitId: z.uuid(), choices, scanId: z.uuid().nullable().optional() });
export const proxyBallotBody = z.object({ unitId: z.uuid(), choices, proxyHolder: z.string().trim().min(1).max(60), scanId: z.uuid().nullable().optional() });

export const verifyBody = z.object({ idNumber: z.string().trim().min(1).max(30), certificateNo: z.string().trim().min(1).max(80) });
/**
 * The answer to the two numbers: either a one-time code was sent to the phone on record of the
 * owner (masked number; `delivery` says whether an SMS gateway or the server log took it, the
 * latter in the demo and tests), or the member has already voted. A second verification never
 * answers the receipt code (issue 11 point 3): it is shown once, at the cast, and the device that
 * cast the ballot keeps it. `votedOn` is the day in China Standard Time, not the moment.
 */
export const verifyAnswer = z.discriminatedUnion('step', [
  z.object({
    step: z.literal('code'),
    challengeId: z.string(),
    phoneMasked: z.string(),
    delivery: z.enum(['sms', 'log']),
    expiresAt: time,
    /** Seconds until a new code may be asked for (not a time: the device's clock may be off). */
    resendInSeconds: z.number(),
  }),
  z.object({ step: z.literal('voted'), votedOn: z.string() }),
]);

export const verifyCodeBody = z.object({ challengeId: z.uuid(), code: z.string().trim().regex(/^\d{6}$/, 'six digits') });
/** The one-time code was right: a voter token, or (voted meanwhile) that the member has voted. */
export const verifyCodeAnswer = z.discriminatedUnion('step', [
  z.object({ step: z.literal('ballot'), voterToken: z.string(), expiresAt: time }),
  z.object({ step: z.literal('voted'), votedOn: z.string() }),
]);

export const onlineBallotBody = z.object({ voterToken: z.string().min(20).max(100), choices });

// ---- the close, objections, publication ----

/** Exactly what `gongzhi tally` prints (docs/vote-record-format.md). */
export const tallyResult = z.object({
  valid: z.boolean(),
  errors: z.array(z.string()),
  rollFingerprint: z.string(),
  head: z.string(),
  totals: count,
  participation: z.object({ members: z.number(), area: z.number(), quorumMet: z.boolean() }),
  items: z.array(z.object({ id: z.string(), matter: matter.nullable(), yes: count, no: count, abstain: count, passed: z.boolean() })),
  // gongzhi.vote-record/2 only (docs/vote-record-format.md, "Version 2").
  participantsFingerprint: z.string().optional(),
  withheld: z.object({ ballots: z.number(), area: z.number() }).optional(),
});

export const closedVote = z.object({ status: z.literal('closed'), objectionEndsAt: time, result: tallyResult });

export const objectionList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      filedBy: z.string().nullable(),
      status: z.enum(['open', 'answered']),
      response: z.string().nullable(),
      createdAt: time,
      answeredAt: time.nullable(),
    }),
  ),
});
export const objectionBody = z.object({ text: z.string().trim().min(1).max(2000) });
export const objectionAnswerBody = z.object({ response: z.string().trim().min(1).max(2000) });

export const publishedVote = z.object({ status: z.literal('published'), publishedAt: time });

// ---- the public and the owner ----

export const publicVote = z.object({
  id: z.string(),
  quarterId: z.string(),
  quarterName: z.string(),
  title: z.string(),
  rule: voteRule,
  status: voteStatus,
  phase: votePhase,
  opensAt: time,
  closesAt: time,
  objectionEndsAt: time.nullable(),
  publishedAt: time.nullable(),
  items: z.array(voteItem),
  rollFingerprint: z.string().nullable(),
  rollMembers: z.number().nullable(),
  rollArea: z.number().nullable(),
  result: tallyResult.nullable(),
});

export const publicVoteList = z.object({
  items: z.array(
    z.object({ id: z.string(), quarterId: z.string(), quarterName: z.string(), title: z.string(), status: voteStatus, phase: votePhase, opensAt: time, closesAt: time, publishedAt: time.nullable() }),
  ),
});

export const myVoteList = z.object({ items: z.array(voteSummary.extend({ voted: z.boolean() })) });

/** An answer without a body (204). */
export const noContent = z.null().meta({ description: 'No content' });

// ---- files ----

/** A file download: the body is the file itself, not JSON; its type is in the description. */
export const download = (description: string) => z.string().meta({ format: 'binary', description });
