// The organizations module's permissions; its authorize… functions (scope, then permission) go here too.
import { defineGrants, OFFICES } from '../../platform/access';

// Organisations (组织建设, T/ZAS 4006.1—2020 5): the bodies of a quarter are public knowledge inside it; the
// offices and the commissioner keep the records (ZAS 5.2, 5.3). Candidate vetting: community
// pre-review, street review, joint department review (BG 5); the step decides which office may act.
export const organizationsGrants = defineGrants({
  'organizations.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'department'],
  'organizations.manage': [...OFFICES, 'commissioner'],
  'vetting.review': [...OFFICES, 'party_secretary'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof organizationsGrants, true> {}
}
