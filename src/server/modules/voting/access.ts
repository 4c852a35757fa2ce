// The voting module's permissions; its authorize… functions (scope, then permission) go here too.
import { defineGrants, OFFICES } from '../../platform/access';

// Votes (业主大会表决): the owners' committee with the commissioner runs them, or the
// community office where there is no committee (西政办〔2020〕29号 二（五）15, checked per vote).
export const votingGrants = defineGrants({
  'votes.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory'],
  'votes.manage': ['community_office', 'commissioner', 'committee'],
  'ballots.enter': ['community_office', 'commissioner', 'committee'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof votingGrants, true> {}
}
