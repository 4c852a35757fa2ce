// Who may call which route, written by hand from the product's rules (the roles and the modules'
// sections, "Cross-cutting") and the intent stated beside the grants, on purpose not derived
// from the grants: the access matrix test holds the code to this statement.
//
// Each entry is the outcome for a target inside the caller's scope (a record of quarter 1 of
// the fixture, which lies inside every fixture account's place):
//   allow   the role passes the gate (any answer but 401, 403, 404; a 400, 409 or 422 from
//           the rules behind the gate still proves it got through);
//   deny    403, the role may not do this;
//   none    404, the route has nothing for this role (e.g. /api/me/home of an account bound to
//           no quarter);
//   login   401, for a caller without a session, on every route that is not public.
// Roles not listed under allow or none are denied.
import { roles, type Role } from '../../src/server/platform/access';

export type Caller = Role | 'anonymous';
export type Outcome = 'allow' | 'deny' | 'none' | 'login';

export interface Rule {
  allow: readonly Role[];
  /** Roles for which the route has no target at all: 404. */
  none?: readonly Role[];
  /** Open without a session: the anonymous caller is allowed too, and no scope applies. */
  public?: true;
}

const everyone: readonly Role[] = roles;
const offices: readonly Role[] = ['district_office', 'street_office', 'community_office'];
// Registry (ZAS 6.2.2.2): owners' personal data for those who serve or
// represent the owners; residents (people needing care) for those who look after them;
// departments and mediators see quarters, not people.
const registryReaders: readonly Role[] = [...offices, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker'];
const registryWriters: readonly Role[] = [...offices, 'commissioner', 'company'];
const ownerReaders: readonly Role[] = [...offices, 'commissioner', 'party_secretary', 'committee', 'company'];
const residentReaders: readonly Role[] = [...offices, 'commissioner', 'grid_worker', 'building_leader'];
const residentWriters: readonly Role[] = [...offices, 'commissioner', 'grid_worker'];
// Organisations (T/ZAS 4006.1—2020 5): the bodies of a quarter are known to everyone who works in it
// (departments too, for the joint review); owners read the commissioner's public profile only.
// The offices and the commissioner keep the records (ZAS 5.2, 5.3); only the offices appoint
// commissioners and keep the offices' own records.
const orgReaders: readonly Role[] = [...offices, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'department'];
const orgKeepers: readonly Role[] = [...offices, 'commissioner'];
// Candidates are recommended by the quarter's party organisation (BG 二（二）5) or by owners
// co-signing, which the commissioner or an office records.
const recommenders: readonly Role[] = [...orgKeepers, 'party_secretary'];
// Votes (民法典 第278条): the committee with the commissioner runs them, the community office
// where no committee is in office (西政办〔2020〕29号 二（五）15; quarter 1 has none in office);
// the offices, the party organisation and the supervisory committee follow them. The property
// company, grid workers and building leaders have no part in a vote; an owner votes.
const voteReaders: readonly Role[] = [...offices, 'commissioner', 'party_secretary', 'committee', 'supervisory'];
const voteRunners: readonly Role[] = ['community_office', 'commissioner', 'committee'];
// Deliberation (DB3305/T 309—2024 5.1.3.2.1): see the rows below.
const deliberationReaders: readonly Role[] = [...offices, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'building_leader', 'grid_worker', 'owner'];
const topicRaisers: readonly Role[] = ['community_office', 'commissioner', 'party_secretary', 'committee', 'supervisory', 'building_leader', 'grid_worker', 'owner'];
const stepTakers: readonly Role[] = ['community_office', 'commissioner', 'party_secretary', 'committee', 'supervisory'];
const meetingReaders: readonly Role[] = [...offices, 'commissioner', 'party_secretary', 'committee', 'supervisory', 'company'];
const meetingConveners: readonly Role[] = ['party_secretary', 'committee', 'commissioner', 'community_office'];
const actionReporters: readonly Role[] = ['commissioner', 'party_secretary', 'community_office', 'committee', 'company'];
// Finance (DB3305/T 309—2024 5.1.2): the offices and the quarter's bodies read the ledger; the
// keepers of the account (quarter 1: the residents' committee) book.
const financeReaders: readonly Role[] = [...offices, 'commissioner', 'party_secretary', 'committee', 'supervisory'];
const accountKeepers: readonly Role[] = ['community_office', 'commissioner'];
// Accounts bound to a quarter or a building have a home quarter; the others none.
const homeless: readonly Role[] = ['district_office', 'street_office', 'community_office', 'department', 'mediator'];
const quarterBound: readonly Role[] = roles.filter((r) => !homeless.includes(r));

// Cases (诉求): see the table's section.
const caseDispatchers: readonly Role[] = [...offices, 'commissioner'];
const caseReaders: readonly Role[] = [...caseDispatchers, 'party_secretary', 'company', 'committee', 'department', 'owner', 'grid_worker', 'building_leader'];
const caseSeers: readonly Role[] = [...caseDispatchers, 'party_secretary', 'department', 'owner'];
const caseStrangers: readonly Role[] = ['company', 'committee', 'grid_worker', 'building_leader', 'supervisory', 'mediator'];
const hazardReaders: readonly Role[] = [...caseDispatchers, 'party_secretary', 'company', 'committee', 'grid_worker', 'building_leader', 'department'];
const hazardPatrol: readonly Role[] = [...caseDispatchers, 'company', 'grid_worker', 'building_leader'];
const disputeReaders: readonly Role[] = [...caseDispatchers, 'party_secretary', 'committee', 'mediator'];
const disputeRegistrars: readonly Role[] = [...caseDispatchers, 'committee'];
const disputeMediators: readonly Role[] = ['community_office', 'commissioner', 'committee', 'mediator'];

export const accessTable: Record<string, Rule> = {
  // ---- sessions ----
  'POST /api/auth/login': { allow: everyone, public: true },
  'POST /api/auth/logout': { allow: everyone, public: true },
  'GET /api/auth/me': { allow: everyone },
  'POST /api/auth/password': { allow: everyone },

  // ---- places: everyone sees their part of the hierarchy; districts create streets, districts
  // and streets communities. A street office has no district of its own to add a street to.
  'GET /api/places/tree': { allow: everyone },
  'GET /api/districts': { allow: everyone },
  'GET /api/streets': { allow: everyone },
  'POST /api/streets': { allow: ['district_office'], none: ['street_office'] },
  'GET /api/communities': { allow: everyone },
  'POST /api/communities': { allow: ['district_office', 'street_office'] },

  // ---- registry: quarters ----
  'GET /api/quarters': { allow: everyone },
  'POST /api/quarters': { allow: offices },
  'GET /api/quarters/{id}': { allow: everyone },
  'PATCH /api/quarters/{id}': { allow: [...offices, 'commissioner'] },
  // The quarter, its figures and its contact network are for all who see the quarter (an
  // owner reaches them from /api/me/home too); each module's section of the dossier is given
  // only to those who may read it.
  'GET /api/quarters/{id}/dossier': { allow: everyone },
  // The export holds the owners (and residents for those who may read them).
  'GET /api/quarters/{id}/export': { allow: ownerReaders },

  // ---- registry: buildings, units, owners, residents ----
  'GET /api/quarters/{id}/buildings': { allow: registryReaders },
  'POST /api/quarters/{id}/buildings': { allow: registryWriters },
  'PATCH /api/buildings/{id}': { allow: registryWriters },
  'GET /api/quarters/{id}/units': { allow: registryReaders },
  'POST /api/quarters/{id}/units': { allow: registryWriters },
  'PATCH /api/units/{id}': { allow: registryWriters },
  'POST /api/units/{id}/owners': { allow: registryWriters },
  'DELETE /api/units/{id}/owners/{ownerId}': { allow: registryWriters },
  'DELETE /api/units/{id}': { allow: registryWriters },
  'GET /api/quarters/{id}/owners': { allow: ownerReaders },
  'POST /api/quarters/{id}/owners': { allow: registryWriters },
  // The target is the owner account's own record: an owner reads themselves.
  'GET /api/owners/{id}': { allow: [...ownerReaders, 'owner'] },
  'PATCH /api/owners/{id}': { allow: registryWriters },
  'DELETE /api/owners/{id}': { allow: registryWriters },
  'GET /api/quarters/{id}/residents': { allow: residentReaders },
  'POST /api/quarters/{id}/residents': { allow: residentWriters },
  'PATCH /api/residents/{id}': { allow: residentWriters },
  'DELETE /api/residents/{id}': { allow: residentWriters },

  // ---- registry: import, search, the owner's home ----
  // The blank template holds no data.
  'GET /api/import/template': { allow: everyone },
  // Bulk import as the property company or the housing bureau hands the data over (T/ZAS 4006.1—2020 6.1.3.2).
  'POST /api/quarters/{id}/imports': { allow: registryWriters },
  'GET /api/imports/{id}': { allow: registryWriters },
  'GET /api/imports/{id}/report': { allow: registryWriters },
  // Search answers what the caller may read (quarters for all, owners and units by permission).
  'GET /api/search': { allow: everyone },
  'GET /api/me/home': { allow: quarterBound, none: homeless },

  // ---- accounts, audit, inbox ----
  'GET /api/users': { allow: offices },
  'POST /api/users': { allow: offices },
  // An account's lifecycle, by the offices inside their scope (the target is another account).
  'GET /api/users/office-records': { allow: offices },
  'POST /api/users/{id}/disable': { allow: offices },
  'POST /api/users/{id}/enable': { allow: offices },
  'POST /api/users/{id}/reset-password': { allow: offices },
  'POST /api/users/{id}/move': { allow: offices },
  // The audit log is read by the offices of the scope.
  'GET /api/audit': { allow: offices },
  // Everyone's own inbox; the target is an item of the caller's own.
  'GET /api/inbox': { allow: everyone },
  'PATCH /api/inbox/{id}': { allow: everyone },

  // ---- organisations: reading ----
  'GET /api/quarters/{id}/checks': { allow: orgReaders },
  'GET /api/quarters/{id}/organizations': { allow: orgReaders },
  'GET /api/organizations/rules': { allow: orgReaders },
  'GET /api/organizations/actions': { allow: orgReaders },
  'GET /api/quarters/{id}/committees': { allow: orgReaders },
  'GET /api/committees/{id}': { allow: orgReaders },
  'GET /api/quarters/{id}/supervisory-committees': { allow: orgReaders },
  'GET /api/quarters/{id}/candidates': { allow: orgReaders },
  'GET /api/candidates/{id}': { allow: orgReaders },
  'GET /api/quarters/{id}/commissioners': { allow: orgReaders },
  // ZAS 6.1.3.5: the commissioner's name, phone and photo are public inside the quarter.
  'GET /api/quarters/{id}/commissioner-profile': { allow: everyone },
  'GET /api/quarters/{id}/party-organizations': { allow: orgReaders },
  'GET /api/tripartite-offices': { allow: orgReaders },
  'GET /api/property-companies': { allow: orgReaders },
  'GET /api/quarters/{id}/contracts': { allow: orgReaders },
  'GET /api/quarters/{id}/people': { allow: orgReaders },

  // ---- organisations: committees (ZAS 5.4, BG 二（二）7), supervisory committees (HZ 3.2) ----
  'POST /api/quarters/{id}/committees': { allow: orgKeepers },
  'PATCH /api/committees/{id}': { allow: orgKeepers },
  'POST /api/committees/{id}/members': { allow: orgKeepers },
  'PATCH /api/committee-members/{id}': { allow: orgKeepers },
  'POST /api/committee-members/{id}/removal': { allow: orgKeepers },
  'POST /api/committees/{id}/trainings': { allow: orgKeepers },
  'POST /api/committees/{id}/appraisals': { allow: orgKeepers },
  'POST /api/quarters/{id}/supervisory-committees': { allow: orgKeepers },
  'PATCH /api/supervisory-committees/{id}': { allow: orgKeepers },
  'POST /api/supervisory-committees/{id}/members': { allow: orgKeepers },
  'POST /api/supervisory-members/{id}/removal': { allow: orgKeepers },

  // ---- organisations: candidates and vetting (BG 二（二）5–6) ----
  'POST /api/quarters/{id}/candidates': { allow: recommenders },
  'PATCH /api/candidates/{id}': { allow: recommenders },
  // Community pre-review, street review, joint department review: each office sends its own
  // step; the party organisation recommends but does not review.
  'POST /api/candidates/{id}/reviews': { allow: offices },

  // ---- organisations: commissioners (ZAS 5.3), party organisations (ZAS 5.1), offices (ZAS 5.2) ----
  'POST /api/quarters/{id}/commissioners': { allow: offices },
  'PATCH /api/commissioners/{id}': { allow: offices },
  'POST /api/party-organizations': { allow: orgKeepers },
  'PATCH /api/party-organizations/{id}': { allow: orgKeepers },
  // The target is the office of community 1: above the place of an account bound to a quarter
  // or a building, so for those it does not exist.
  'POST /api/tripartite-offices': { allow: offices, none: quarterBound },
  'POST /api/tripartite-offices/{id}/members': { allow: offices, none: quarterBound },
  'DELETE /api/office-members/{id}': { allow: offices, none: quarterBound },

  // ---- organisations: companies and contracts (ZAS 5.5), people (HZ 3.4) ----
  'POST /api/property-companies': { allow: orgKeepers },
  'PATCH /api/property-companies/{id}': { allow: orgKeepers },
  'POST /api/quarters/{id}/contracts': { allow: orgKeepers },
  'PATCH /api/contracts/{id}': { allow: orgKeepers },
  'POST /api/quarters/{id}/grids': { allow: orgKeepers },
  'DELETE /api/grids/{id}': { allow: orgKeepers },
  'POST /api/quarters/{id}/building-leaders': { allow: orgKeepers },
  'DELETE /api/building-leaders/{id}': { allow: orgKeepers },
  'POST /api/quarters/{id}/social-organizations': { allow: orgKeepers },
  'DELETE /api/social-organizations/{id}': { allow: orgKeepers },
  'POST /api/quarters/{id}/volunteers': { allow: orgKeepers },
  'DELETE /api/volunteers/{id}': { allow: orgKeepers },

  // ---- voting: staff ----
  // An owner lists the opened votes of their own quarter.
  'GET /api/votes': { allow: [...voteReaders, 'owner'] },
  'POST /api/votes': { allow: voteRunners },
  'GET /api/votes/article-278-items': { allow: everyone, public: true },
  'GET /api/votes/{id}': { allow: voteReaders },
  'POST /api/votes/{id}/open': { allow: voteRunners },
  'GET /api/votes/{id}/turnout': { allow: voteReaders },
  'GET /api/votes/{id}/roll-units': { allow: voteReaders },
  // Those who collect ballots see who has not voted yet.
  'GET /api/votes/{id}/not-voted': { allow: voteRunners },
  'GET /api/votes/{id}/not-voted.xlsx': { allow: voteRunners },
  'GET /api/votes/{id}/entries': { allow: voteReaders },
  'POST /api/votes/{id}/scans': { allow: voteRunners },
  'GET /api/votes/{id}/scans/{scanId}': { allow: voteReaders },
  'POST /api/votes/{id}/paper-ballots': { allow: voteRunners },
  'POST /api/votes/{id}/proxy-ballots': { allow: voteRunners },
  'POST /api/votes/{id}/close': { allow: voteRunners },
  'GET /api/votes/{id}/objections': { allow: voteReaders },
  'POST /api/votes/{id}/objections': { allow: voteRunners },
  'POST /api/votes/{id}/objections/{objectionId}/answer': { allow: voteRunners },
  'POST /api/votes/{id}/publish': { allow: voteRunners },
  // The target is closed, not yet published: staff who follow votes read it; the public only
  // once it is published.
  'GET /api/votes/{id}/result': { allow: voteReaders },
  'GET /api/votes/{id}/record': { allow: voteReaders },
  // Voiding a wrongly entered paper or proxy ballot: whoever may enter them (issue 10, point 5).
  'POST /api/votes/{id}/entries/{entryId}/void': { allow: voteRunners },

  // ---- voting: owners and the public board (the public board) ----
  'GET /api/public/votes/{id}': { allow: everyone, public: true },
  'GET /api/public/quarters/{id}/votes': { allow: everyone, public: true },
  'GET /api/me/votes': { allow: ['owner'] },
  // An owner proves who they are by ID and certificate numbers, with or without an account.
  'POST /api/votes/{id}/verify': { allow: everyone, public: true },
  'POST /api/votes/{id}/verify/code': { allow: everyone, public: true },
  'POST /api/votes/{id}/ballot': { allow: everyone, public: true },

  // ---- deliberation (DB3305/T 309—2024 5.1.3.2.1; T/ZAS 4006.1—2020 6.1.1.3) ----
  // Everyone who works in the quarter follows its topics, and its owners; departments and
  // mediators have no part. Topics are raised by owners online and recorded by those who collect
  // them; the company follows but does not raise. Each step is taken by its role (the request
  // gives each role a proposal at the step it takes): the committee proposes, the party
  // organisation or the committee discusses at the joint meeting, the supervisory committee
  // reviews, those who run votes resolve, the committee or commissioner publishes, the community
  // files; building leaders and grid workers post a building's result (the request gives them
  // one). Owners co-sign and rate.
  'GET /api/proposals': { allow: deliberationReaders },
  'POST /api/proposals': { allow: topicRaisers },
  'GET /api/proposals/{id}': { allow: deliberationReaders },
  'POST /api/proposals/{id}/cosign': { allow: ['owner'] },
  'POST /api/proposals/{id}/advance': { allow: [...stepTakers, 'building_leader', 'grid_worker'] },
  'POST /api/proposals/{id}/reject': { allow: stepTakers },
  'POST /api/proposals/{id}/merge': { allow: ['commissioner', 'committee'] },
  'POST /api/proposals/{id}/vote': { allow: ['community_office', 'commissioner', 'committee'] },
  // A building's topic (5.1.3.2.2): those who collect it take it to the quarter; the building's
  // households rate the posted result (the fixture's owner holds a unit of that building).
  'POST /api/proposals/{id}/escalate': { allow: ['building_leader', 'grid_worker', 'commissioner'] },
  'POST /api/proposals/{id}/rating': { allow: ['owner'] },
  // The year's livelihood projects (ZAS 6.2.5.2): for all who follow the quarter's topics.
  'GET /api/quarters/{id}/livelihood-projects': { allow: deliberationReaders },
  // A vote among the year's candidates: those who take the 决议 step and run the quarter's votes.
  'POST /api/quarters/{id}/livelihood-votes': { allow: ['community_office', 'commissioner', 'committee'] },
  // Joint meetings: the three parties and those who supervise them read; the party
  // organisation, the committee, the commissioner and the community office convene and record.
  'GET /api/meetings': { allow: meetingReaders },
  'POST /api/meetings': { allow: meetingConveners },
  'GET /api/meetings/{id}': { allow: meetingReaders },
  'POST /api/meetings/{id}/hold': { allow: meetingConveners },
  'POST /api/meetings/{id}/cancel': { allow: meetingConveners },
  'POST /api/meetings/{id}/resolutions': { allow: meetingConveners },
  // Actions: owners follow and rate their quarter's; the responsible party (the request makes
  // the caller's party responsible) and the commissioner report.
  'GET /api/actions': { allow: [...meetingReaders, 'owner'] },
  'GET /api/actions/{id}': { allow: [...meetingReaders, 'owner'] },
  'POST /api/actions/{id}/progress': { allow: actionReporters },
  'POST /api/actions/{id}/close': { allow: actionReporters },
  'POST /api/actions/{id}/rating': { allow: ['owner'] },
  // Evidence (T/ZAS 4006.1—2020 6.1.6): the report's author attaches it (the request makes the
  // caller the author); all who read the action see it.
  'POST /api/actions/{id}/updates/{updateId}/files': { allow: actionReporters },
  'GET /api/actions/{id}/files/{fileId}': { allow: [...meetingReaders, 'owner'] },
  // ---- finance: public revenue, 四审两公开, disclosures ----
  // The offices and the quarter's bodies follow the money; quarter 1 keeps the residents'
  // committee as holder (DB3305/T 309—2024 5.1.2.5), so the community office and the
  // commissioner book, pay, generate and publish. Each step of a project has its own roles: the
  // target waits for the committee's first review. The supervisory committee or the community
  // office reviews a disclosure.
  'GET /api/quarters/{id}/ledger': { allow: financeReaders },
  'PATCH /api/quarters/{id}/finance-settings': { allow: ['community_office', 'commissioner'] },
  'GET /api/quarters/{id}/ledger/entries': { allow: financeReaders },
  'POST /api/quarters/{id}/ledger/entries': { allow: accountKeepers },
  'POST /api/ledger-entries/{id}/reverse': { allow: accountKeepers },
  'GET /api/quarters/{id}/ledger/export.xlsx': { allow: financeReaders },
  'POST /api/quarters/{id}/ledger/vouchers': { allow: accountKeepers },
  'GET /api/ledger-vouchers/{id}': { allow: financeReaders },
  'GET /api/fund-projects': { allow: financeReaders },
  'POST /api/fund-projects': { allow: ['community_office', 'commissioner', 'committee'] },
  'GET /api/fund-projects/{id}': { allow: financeReaders },
  'POST /api/fund-projects/{id}/steps': { allow: ['committee'] },
  'POST /api/fund-projects/{id}/payments': { allow: accountKeepers },
  'GET /api/quarters/{id}/disclosures': { allow: financeReaders },
  'POST /api/quarters/{id}/disclosures': { allow: accountKeepers },
  'GET /api/disclosures/{id}': { allow: financeReaders },
  'POST /api/disclosures/{id}/review': { allow: ['community_office', 'supervisory'] },
  'POST /api/disclosures/{id}/publish': { allow: accountKeepers },
  // Audits are recorded by the offices and the commissioner (百委〔2023〕37号 二（三）8); the
  // inventories kept by the community, the commissioner and the committee (二（三）10); the
  // property company reports its fee-collection rate (T/ZAS 4006.1—2020 6.3.2.2) and reads its reports.
  'GET /api/quarters/{id}/finance-audits': { allow: financeReaders },
  'POST /api/quarters/{id}/finance-audits': { allow: [...offices, 'commissioner'] },
  'PATCH /api/finance-audits/{id}': { allow: [...offices, 'commissioner'] },
  'GET /api/quarters/{id}/inventories': { allow: financeReaders },
  'POST /api/quarters/{id}/inventory-items': { allow: ['community_office', 'commissioner', 'committee'] },
  'DELETE /api/inventory-items/{id}': { allow: ['community_office', 'commissioner', 'committee'] },
  'GET /api/quarters/{id}/fee-collection': { allow: [...financeReaders, 'company'] },
  'POST /api/quarters/{id}/fee-collection': { allow: ['company'] },
  'GET /api/quarters/{id}/maintenance-fund': { allow: financeReaders },
  'POST /api/quarters/{id}/maintenance-fund': { allow: ['community_office', 'commissioner', 'committee'] },
  'POST /api/quarters/{id}/ledger/imports': { allow: accountKeepers },
  // the import template goes to whoever may import.
  'GET /api/quarters/{id}/ledger/import-template.xlsx': { allow: accountKeepers },
  // the company records the arrears list; the offices read it; streets and communities publish it
  // (西政办〔2020〕29号 二（三）10) — the fixture's pack has no such disclosure, so they hear 409.
  'GET /api/quarters/{id}/arrears': { allow: [...financeReaders, 'company'] },
  'POST /api/quarters/{id}/arrears': { allow: ['company'] },
  'POST /api/quarters/{id}/arrears/imports': { allow: ['company'] },
  'POST /api/arrears-lists/{id}/publish': { allow: ['street_office', 'community_office', 'commissioner'] },
  'GET /api/quarters/{id}/ledger/verify': { allow: financeReaders },
  'GET /api/disclosures/{id}/export.xlsx': { allow: financeReaders },

  // ---- cases (诉求, issue 12): the offices and the commissioner receive and dispatch; each
  // handler works its own queue (the target is dispatched to 住建, the fixture department's);
  // owners, grid workers and building leaders raise and follow their own (the target was raised
  // by the owner); the party organisation follows its quarter's. Out of the queue is 404.
  'GET /api/cases/categories': { allow: everyone, public: true },
  'PATCH /api/cases/categories/{code}': { allow: ['district_office'] },
  'GET /api/cases/department-accounts': { allow: ['district_office'] },
  'PATCH /api/cases/department-accounts/{userId}': { allow: ['district_office'] },
  'GET /api/cases': { allow: caseReaders },
  'GET /api/cases/rates': { allow: caseReaders },
  'POST /api/cases': { allow: [...offices, 'commissioner', 'company', 'committee', 'grid_worker', 'building_leader', 'owner'] },
  'GET /api/cases/{id}': { allow: caseSeers, none: caseStrangers },
  'GET /api/cases/{id}/photos/{photoId}': { allow: caseSeers, none: caseStrangers },
  // The raiser, the dispatching offices and the handler add photos.
  'POST /api/cases/{id}/photos': { allow: [...caseDispatchers, 'department', 'owner'], none: caseStrangers },
  'POST /api/cases/{id}/acknowledge': { allow: caseDispatchers, none: caseStrangers },
  'POST /api/cases/{id}/assign': { allow: caseDispatchers, none: caseStrangers },
  'POST /api/cases/{id}/start': { allow: ['department'], none: caseStrangers },
  'POST /api/cases/{id}/reply': { allow: ['department'], none: caseStrangers },
  // The raiser rates the reply; the dispatching offices record a return visit by phone.
  'POST /api/cases/{id}/visit': { allow: [...caseDispatchers, 'owner'], none: caseStrangers },
  // The hazard database (T/ZAS 4006.1—2020 6.2.4.3; 湘建房〔2021〕231号 五（二）): whoever patrols finds,
  // dissuades and reports; the company, the community, the commissioner and the departments
  // handle; the commissioner and the offices verify.
  'GET /api/hazards': { allow: hazardReaders },
  'POST /api/hazards': { allow: hazardPatrol },
  'GET /api/hazards/{id}': { allow: hazardReaders },
  'POST /api/hazards/{id}/dissuade': { allow: hazardPatrol },
  'POST /api/hazards/{id}/report': { allow: hazardPatrol },
  'POST /api/hazards/{id}/handle': { allow: ['community_office', 'commissioner', 'company', 'department'] },
  'POST /api/hazards/{id}/verify': { allow: caseDispatchers },
  // Patrols (湘建房〔2021〕231号 五（二）): grid workers and building leaders with the commissioner,
  // the company and the offices record them; every account sees the check items.
  'GET /api/patrols/items': { allow: everyone },
  'GET /api/patrols': { allow: [...hazardPatrol, 'party_secretary'] },
  'POST /api/patrols': { allow: hazardPatrol },
  // Emergency plans and drills (T/ZAS 4006.1—2020 6.2.4.1): the offices, the commissioner and the
  // company keep them; whoever reads the hazards reads them.
  'GET /api/quarters/{id}/emergency': { allow: hazardReaders },
  'POST /api/quarters/{id}/emergency-plans': { allow: [...caseDispatchers, 'company'] },
  'POST /api/quarters/{id}/emergency-drills': { allow: [...caseDispatchers, 'company'] },
  // The dispute register (HZ 5.1.4): the offices, the commissioner and the owners' committee
  // register and follow up; mediators, the community office, the commissioner and the committee
  // mediate; the party organisation follows. A public mediation's time and place are public.
  'GET /api/disputes': { allow: disputeReaders },
  'POST /api/disputes': { allow: disputeRegistrars },
  'GET /api/disputes/{id}': { allow: disputeReaders },
  'POST /api/disputes/{id}/schedule': { allow: disputeRegistrars },
  'POST /api/disputes/{id}/agree': { allow: disputeMediators },
  'POST /api/disputes/{id}/fail': { allow: disputeMediators },
  'POST /api/disputes/{id}/follow-up': { allow: disputeRegistrars },
  'GET /api/public/quarters/{id}/mediations': { allow: everyone, public: true },
  // Anyone with the quarter's QR code raises a case after a code to their phone, and follows it
  // by its tracking code.
  'GET /api/public/quarters/{id}/case-categories': { allow: everyone, public: true },
  'POST /api/public/quarters/{id}/cases/phone-code': { allow: everyone, public: true },
  'POST /api/public/quarters/{id}/cases/phone-code/confirm': { allow: everyone, public: true },
  'POST /api/public/quarters/{id}/cases': { allow: everyone, public: true },
  'GET /api/public/cases/{trackingCode}': { allow: everyone, public: true },
  'POST /api/public/cases/{trackingCode}/photos': { allow: everyone, public: true },
  'POST /api/public/cases/{trackingCode}/visit': { allow: everyone, public: true },

  'GET /api/health': { allow: everyone, public: true },

  // ---- the quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2) ----
  // Anyone who scans the poster reads the board; those who work in the quarter (the registry's
  // readers) print the poster. Owners read it; departments and mediators have no lobby for it.
  'GET /api/public/quarters/{id}': { allow: everyone, public: true },
  'GET /api/quarters/{id}/poster': { allow: registryReaders },

  // ---- the month's recurring problems (未诉先办, issue 12): whoever reads cases, over their queue ----
  'GET /api/cases/recurring': { allow: caseReaders },

  // ---- the supervision dashboard (工作台): the offices watch their places' figures ----
  'GET /api/dashboard': { allow: offices },
  // ---- the commissioner's photo (T/ZAS 4006.1—2020 6.1.3.5): the offices that appoint the
  // commissioner keep the record and its photo (5.3.1 "配备"); anyone reads it from the board ----
  'POST /api/commissioners/{id}/photo': { allow: offices },
  'GET /api/public/commissioners/{id}/photo': { allow: everyone, public: true },
  // The arrears list's import template goes to whoever records the list: the property company.
  'GET /api/quarters/{id}/arrears/import-template.xlsx': { allow: ['company'] },
  // ---- the owners' committee's monthly dispute analysis (HZ 5.1.4.1.3): whoever reads the register ----
  'GET /api/disputes/analysis': { allow: disputeReaders },
  // The quarters a joint mediation may name (HZ 5.1.4.2): for those who schedule mediations.
  'GET /api/disputes/{id}/joint-candidates': { allow: disputeRegistrars },
  // ---- cases, safety (issue 12): a plan's change by whoever keeps the plans (ZAS 6.2.4.1) ----
  'PATCH /api/emergency-plans/{id}': { allow: [...caseDispatchers, 'company'] },
  // The State Council's holiday calendar: whoever reads cases reads it; the district office keeps it.
  'GET /api/holidays': { allow: caseReaders },
  'POST /api/holidays': { allow: ['district_office'] },
  'DELETE /api/holidays': { allow: ['district_office'] },
  // Photos of a hazard: whoever reads it sees them; whoever takes part in it (patrols, handles, verifies) adds them.
  'POST /api/hazards/{id}/photos': { allow: [...hazardPatrol, 'department'] },
  'GET /api/hazards/{id}/photos/{photoId}': { allow: hazardReaders },
};

export function expectedOutcome(rule: Rule, caller: Caller): Outcome {
  if (caller === 'anonymous') return rule.public ? 'allow' : 'login';
  if (rule.allow.includes(caller)) return 'allow';
  if (rule.none?.includes(caller)) return 'none';
  return 'deny';
}
