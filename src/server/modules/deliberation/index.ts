// The deliberation module's public surface: its descriptor. Topics and proposals on the quarter's
// pipeline (DB3305/T 309—2024 5.1.3.2.1), joint meetings of the three parties (T/ZAS 4006.1—2020
// 6.1.1.3, 6.1.6) and the actions their resolutions become (督办事项).
import type { ModuleDescriptor } from '../../platform/module';
import { deliberationGrants } from './access';
import { actionsDashboard, remindOverdueActions } from './actions';
import { deliberationErrors } from './errors';
import { disputeMeetingDays } from './meetings';
import { deliberationRoutes } from './routes';
import { resolveByPublishedVotes } from './steps';
import { resolveLivelihoodVotes } from './livelihood-vote';

export const deliberationModule: ModuleDescriptor = {
  name: 'deliberation',
  tables: [
    'proposals',
    'proposal_steps',
    'proposal_cosigns',
    'proposal_ratings',
    'joint_meetings',
    'joint_meeting_attendees',
    'joint_meeting_agenda',
    'joint_meeting_resolutions',
    'deliberation_actions',
    'deliberation_action_updates',
    'deliberation_action_ratings',
    'deliberation_action_files',
    'livelihood_votes',
    'livelihood_vote_candidates',
  ],
  routes: deliberationRoutes,
  grants: deliberationGrants,
  errors: deliberationErrors,
  jobs: [
    // Overdue actions into the inbox of the responsible party and the commissioner.
    { name: 'deliberation.overdue-actions', run: async (db, now) => void (await remindOverdueActions(db, now)) },
    // Proposals whose assembly vote was published take the 决议 step.
    { name: 'deliberation.resolve-by-votes', run: async (db) => resolveByPublishedVotes(db) },
    // Livelihood votes whose result was published make their chosen candidates actions (6.2.5.2).
    { name: 'deliberation.livelihood-votes', run: async (db) => void (await resolveLivelihoodVotes(db)) },
  ],
  dashboardAggregates: [actionsDashboard],
  // The committee's monthly dispute-analysis meetings for the HZ pack's check (5.1.4.1.3).
  quarterFacts: { key: 'deliberation.dispute-meetings', facts: disputeMeetingDays },
};
