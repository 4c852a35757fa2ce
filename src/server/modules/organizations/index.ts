// The organizations module's public surface: its descriptor, and the functions other modules may call.
// Organisations of a quarter and candidate vetting (组织建设, T/ZAS 4006.1—2020 5).
import type { ModuleDescriptor } from '../../platform/module';
import { organizationsGrants } from './access';
import { quarterContacts } from './contacts';
import { organizationErrors } from './errors';
import { officeRecords } from './office-records';
import { organizationsDossierSection } from './overview';
import { dailyChecksJob } from './daily-checks';
import { termExpiryRemindersJob } from './reminders';
import { organizationsRoutes } from './routes/index';

export const organizationsModule: ModuleDescriptor = {
  name: 'organizations',
  tables: ['tripartite_offices', 'office_members', 'property_companies', 'owners_committees', 'candidates', 'candidate_reviews', 'committee_members', 'committee_trainings', 'committee_training_attendees', 'committee_appraisals', 'supervisory_committees', 'supervisory_committee_members', 'party_organizations', 'commissioners', 'service_contracts', 'grids', 'building_leaders', 'social_organizations', 'volunteers', 'quarter_check_state', 'quarter_failing_checks', 'commissioner_photos'],
  routes: organizationsRoutes,
  grants: organizationsGrants,
  errors: organizationErrors,
  dossierSections: [organizationsDossierSection],
  quarterContacts,
  jobs: [termExpiryRemindersJob, dailyChecksJob],
  officeRecords,
  // The commissioner's photo on the public board (T/ZAS 4006.1—2020 6.1.3.5).
  publicEndpoints: ['GET /api/public/commissioners/:id/photo'],
};

// What other modules may ask of this one.
export { hasCommitteeInOffice, quartersWithCommitteeInOffice } from './queries-for-voting';
// The quarter's public board (码上办): the offices and bodies the public may know of.
export { publicBoardOrganizations, type PublicBoardOrganizations } from './public-board';
// The finance module's fee-collection check: which quarters a property company serves.
export { quartersServedByCompanyOn } from './queries-for-finance';
