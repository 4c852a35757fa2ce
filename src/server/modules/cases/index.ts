// The cases module's public surface: its descriptor. Complaints and requests (诉求): raised from
// every door, dispatched to the quarter's parties or a department, followed to the return visit
// (SPEC module 6; T/ZAS 4006.1—2020 6.1.6.3, 7.1.2; 湘建房〔2021〕231号 五（二） and its annex).
import type { ModuleDescriptor } from '../../platform/module';
import { casesGrants } from './access';
import { caseDeadlinesJob } from './deadlines';
import { casesErrors } from './errors';
import { casesDashboard } from './dashboard';
import { casesDossierSection } from './overview';
import { casesRoutes } from './routes';
import { casesBoardSections } from './board';
import { casesQuarterChecks } from './checks';

export const casesModule: ModuleDescriptor = {
  name: 'cases',
  tables: ['case_categories', 'case_department_members', 'cases', 'case_events', 'case_photos', 'case_phone_codes', 'hazards', 'hazard_events', 'disputes', 'dispute_events', 'patrols', 'emergency_plans', 'emergency_drills', 'dispute_quarters', 'public_calendar_days', 'hazard_photos'],
  routes: casesRoutes,
  grants: casesGrants,
  errors: casesErrors,
  dossierSections: [casesDossierSection],
  jobs: [caseDeadlinesJob],
  dashboardAggregates: [casesDashboard],
  // Emergency plans of each class and a drill within the year (T/ZAS 4006.1—2020 6.2.4.1).
  quarterChecks: [casesQuarterChecks],
  publicBoardSections: casesBoardSections,
  // The raise page of a quarter's QR code and the raiser's tracking page need no account; the
  // category list is the contract other tools read.
  publicEndpoints: [
    'GET /api/cases/categories',
    'GET /api/public/quarters/:id/case-categories',
    'POST /api/public/quarters/:id/cases/phone-code',
    'POST /api/public/quarters/:id/cases/phone-code/confirm',
    'POST /api/public/quarters/:id/cases',
    'GET /api/public/cases/:trackingCode',
    'POST /api/public/cases/:trackingCode/photos',
    'POST /api/public/cases/:trackingCode/visit',
    'GET /api/public/quarters/:id/mediations',
  ],
};

// For the deliberation module: a case a joint meeting's agenda takes up, within the meeting's quarter.
export { casesOfQuarter, type CaseReference } from './references';
export { departmentAccounts, setAccountDepartment } from './departments';
export { listCalendarDays, removeCalendarDay, setCalendarDay } from './holidays';
