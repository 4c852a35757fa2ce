// The supervision dashboard (工作台/数据看板) of the tripartite offices: GET /api/dashboard. The
// platform's own figures of the place, and under `aggregates` what each installed module gives
// (its descriptor's `dashboardAggregates`), each key with its shape declared here so that the
// server's providers and the web app's cards are typed alike.
import { z } from 'zod';
import { rateRow, ratesBy } from './cases';
import { timestamp } from './common';

export const dashboardLevel = z.enum(['district', 'street', 'community', 'quarter']);

/** A street, community or quarter inside the caller's scope; none: the caller's whole scope. */
export const dashboardQuery = z.object({ placeId: z.uuid().optional() });

/** The place the figures are of. */
export const dashboardPlace = z.object({ level: dashboardLevel, id: z.string(), name: z.string() });

/** `cases` (the cases module): open, overdue and escalated cases, the three rates and their breakdown. */
export const casesDashboard = z.object({
  open: z.number(),
  /** Past the limit to acknowledge or to resolve (the category's limits). */
  overdue: z.number(),
  /** Overdue and sent up to the street (街乡吹哨、部门报到, 湘建房〔2021〕231号 五（二）). */
  escalated: z.number(),
  /** The most overdue open cases, the oldest limit first. */
  overdueCases: z.array(
    z.object({
      id: z.string(),
      quarterId: z.string(),
      quarterName: z.string(),
      categoryName: z.string(),
      status: z.string(),
      /** The limit that has passed: to acknowledge while received, else to resolve. */
      dueAt: timestamp,
      escalated: z.boolean(),
    }),
  ),
  /** The three rates (三率, as in 接诉即办) and the mean hours to a reply, over the whole place. */
  rates: rateRow,
  /** The same, one row for each community (street or district), quarter (community) or category (quarter). */
  breakdown: z.object({ by: ratesBy, items: z.array(rateRow) }),
});

/** `deliberation.actions` (the deliberation module): actions of joint meetings' resolutions (督办事项). */
export const actionsDashboard = z.object({
  open: z.number(),
  overdue: z.number(),
  closed: z.number(),
  /** The overdue actions, the oldest due date first. */
  overdueActions: z.array(
    z.object({
      id: z.string(),
      quarterId: z.string(),
      quarterName: z.string(),
      title: z.string(),
      responsible: z.string(),
      responsibleLabel: z.string(),
      dueDate: z.string(),
      status: z.string(),
    }),
  ),
});

/** Every key a module may give, with its shape; a module that is not installed or gives nothing to the caller leaves its key out. */
export const dashboardAggregates = z.object({
  cases: casesDashboard.optional(),
  'deliberation.actions': actionsDashboard.optional(),
});

export const dashboardView = z.object({
  place: dashboardPlace,
  /** What the platform knows of the place: its quarters (the registry), and its communities below a street or district. */
  platform: z.object({ quarters: z.number(), communities: z.number() }),
  aggregates: dashboardAggregates,
});
