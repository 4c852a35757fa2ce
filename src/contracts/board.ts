// The HTTP contract of the quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2; issue 14).
// GET /api/public/quarters/:id answers without an account, so it holds only what the seeds
// make public: the commissioner's name and phone (ZAS 6.1.3.5), the names and positions of
// those who hold an office, the company and its fee standard, published figures and results.
// Never an ID number, never an owner's phone, never an owner who holds no office.
import { z } from 'zod';
import { votePhase, voteStatus } from './voting';

/** A quarter's id, or the short code of its poster (six letters and digits, e.g. K7M2QX). */
export const boardParams = z.object({ id: z.string().min(1).max(64) });

const member = z.object({ name: z.string(), position: z.string(), positionLabel: z.string() });

const boardVote = z.object({
  id: z.string(),
  title: z.string(),
  /** Never a draft: the board lists the votes that have opened. */
  status: voteStatus,
  phase: votePhase,
  opensAt: z.string(),
  closesAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Each item, and once the result is published whether it passed (null before). */
  items: z.array(z.object({ title: z.string(), passed: z.boolean().nullable() })),
  /** The vote's public page in the web app. */
  pageUrl: z.string(),
  /** The vote record file (gongzhi.vote-record), once published; anyone may re-tally it. */
  recordUrl: z.string().nullable(),
});

/** A published half-year disclosure (HZ 5.1.2.4). Given by the finance module's `disclosures` section. */
export const boardDisclosure = z.object({
  id: z.string(),
  period: z.string(),
  publishedAt: z.string(),
  incomeFen: z.number().int(),
  spendingFen: z.number().int(),
  balanceFen: z.number().int(),
});

/** A fund-use project and where it stands (四审两公开, BG 9). Given by the finance module's `projects` section. */
export const boardProject = z.object({ id: z.string(), title: z.string(), amountFen: z.number().int(), stage: z.string() });

/** How many complaints and topics the quarter has had and how many are handled. Given by the cases module's `cases` section. */
export const boardCases = z.object({ total: z.number().int(), open: z.number().int(), closed: z.number().int() });

/**
 * A public mediation still to come (公开调解, DB3305/T 309—2024 5.1.4.2: "提前公布调解时间、调解场所").
 * Given by the cases module's `mediations` section: its time, its place and the kind of dispute
 * it is about; never the parties, the subject as written or the mediator.
 */
export const boardMediation = z.object({ at: z.string(), place: z.string(), category: z.string(), categoryLabel: z.string() });

/**
 * A published arrears list (欠费公示, 西政办〔2020〕29号 二（三）10), where the district's pack allows
 * it. Given by the finance module's `arrears` section. No owner name, no phone; the room masked.
 */
export const boardArrears = z.object({
  period: z.string(),
  publishedAt: z.string(),
  households: z.number().int(),
  totalFen: z.number().int(),
  rows: z.array(z.object({ building: z.string(), unit: z.string(), monthsOwed: z.number().int(), amountFen: z.number().int() })),
  /** The clause the disclosure rests on. */
  clause: z.string(),
});

export const publicBoard = z.object({
  quarter: z.object({
    id: z.string(),
    /** The short code of the poster; null until staff first printed it. */
    code: z.string().nullable(),
    name: z.string(),
    address: z.string(),
    community: z.string(),
    households: z.number().int(),
  }),
  /**
   * The commissioner in office (小区专员): name, phone and photo are public (ZAS 6.1.3.5). The
   * photo's address (GET /api/public/commissioners/:id/photo), or null when none was uploaded.
   */
  commissioner: z.object({ name: z.string(), phone: z.string(), since: z.string(), photoUrl: z.string().nullable() }).nullable(),
  partyOrganization: z.object({ name: z.string(), secretaryName: z.string() }).nullable(),
  committee: z.object({ termNumber: z.number().int().nullable(), termStart: z.string(), termEnd: z.string(), members: z.array(member) }).nullable(),
  supervisoryCommittee: z.object({ termStart: z.string(), termEnd: z.string(), members: z.array(member) }).nullable(),
  company: z
    .object({
      name: z.string(),
      phone: z.string().nullable(),
      selectionMethod: z.string(),
      selectionMethodLabel: z.string(),
      contractStartsOn: z.string(),
      contractEndsOn: z.string().nullable(),
      feeStandard: z.object({
        /** Fen per m² of building area a month. */
        fenPerSquareMetreMonth: z.number().int(),
        text: z.string(),
      }),
    })
    .nullable(),
  /** From the finance module (section `disclosures`); [] while it is not installed. */
  disclosures: z.array(boardDisclosure),
  /** From the finance module (section `projects`); [] while it is not installed. */
  projects: z.array(boardProject),
  /** From the finance module (section `arrears`), newest first; [] where the pack has no such disclosure. */
  arrears: z.array(boardArrears).default([]),
  votes: z.array(boardVote),
  /** From the cases module (section `mediations`), soonest first; [] while it is not installed. */
  mediations: z.array(boardMediation).default([]),
  /** From the cases module (section `cases`); zero counts while it is not installed. */
  cases: boardCases,
  /** How to raise a complaint or a topic. */
  raise: z.object({
    /** The page where anyone files a complaint or proposes a topic (the cases module's); null while there is none. */
    url: z.string().nullable(),
    /** Whom to call meanwhile: the commissioner (ZAS 6.1.3.4 协调小区内各类投诉). */
    phone: z.string().nullable(),
    text: z.string(),
  }),
});

/** The board's address as printed on the poster, for the dossier. */
export const boardLink = z.object({ code: z.string(), url: z.string(), posterUrl: z.string() });

/** The poster file (application/pdf). */
export const posterFile = z.string().meta({ format: 'binary', description: 'The A4 poster, application/pdf' });
