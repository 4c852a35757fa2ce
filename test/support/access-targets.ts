// The world of the access matrix test: one account per role, and for quarter 1 (inside every
// account's place) and the quarters outside (quarter 2 of the same street, the quarter of the
// other district) one record of every kind a route takes by id. Plus, per route, the request
// that reaches it with a real target and a valid body, so that the answer tells about the gate
// and not about the body (Fastify validates the body before the handler checks the session).
import type { LightMyRequestResponse } from 'fastify';
import { insertUser } from '../../src/server/modules/users/service';
import type { Role } from '../../src/server/platform/access';
import { PASSWORD, testIdNumber, type Session, type TestApp } from './app';
import { PNG, fixtureCredentials, verifyWithCode, voteBody, type Credential } from './voting';
import { deliberationRequests } from './deliberation-targets';
import { arrearsXlsx, statementXlsx, insertArrearsList, insertDisclosure, insertFinanceAudit, insertFundProject, insertInventoryItem, insertLedgerEntry, insertVoucher } from './finance';

/** A ledger entry, a voucher, a small project and two disclosures (one draft, one in review) of the quarter. */
async function financeRecords(t: TestApp, quarterId: string) {
  return {
    ledgerEntry: await insertLedgerEntry(t, quarterId),
    voucher: await insertVoucher(t, quarterId),
    fundProject: await insertFundProject(t, quarterId, 50_000),
    disclosure: await insertDisclosure(t, quarterId, '2024H1'),
    draftDisclosure: await insertDisclosure(t, quarterId, '2024H2'),
    financeAudit: await insertFinanceAudit(t, quarterId),
    inventoryItem: await insertInventoryItem(t, quarterId),
    arrearsList: await insertArrearsList(t, quarterId),
  };
}
import { buildCaseWorld, caseRequests, type CaseWorld } from './cases';

const ballotTokens = new Map<string, string>();

export type QuarterKey = 'q1' | 'q2' | 'qb';

/** The fixture account of each role (the mediator's is added by {@link buildWorld}). */
export const usernameOf: Record<Role, string> = {
  district_office: 'district',
  street_office: 'street',
  community_office: 'community',
  commissioner: 'commissioner',
  party_secretary: 'party',
  committee: 'committee',
  supervisory: 'supervisor',
  company: 'company',
  building_leader: 'leader',
  grid_worker: 'grid',
  owner: 'owner',
  department: 'department',
  mediator: 'mediator',
};

/**
 * The nearest quarter outside each role's place: quarter 2 (another community of the same
 * street) for accounts bound to a community, quarter or building; the other district's quarter
 * for accounts bound to a district or a street.
 */
export const outsideOf: Record<Role, QuarterKey> = {
  district_office: 'qb',
  street_office: 'qb',
  community_office: 'q2',
  commissioner: 'q2',
  party_secretary: 'q2',
  committee: 'q2',
  supervisory: 'q2',
  company: 'q2',
  building_leader: 'q2',
  grid_worker: 'q2',
  owner: 'q2',
  department: 'qb',
  mediator: 'q2',
};

export interface QuarterIds {
  quarter: string;
  building: string;
  unit: string;
  owner: string;
  resident: string;
  importRun: string;
  committee: string;
  member: string;
  supervisory: string;
  supervisoryMember: string;
  candidate: string;
  commissioner: string;
  contract: string;
  party: string;
  grid: string;
  leader: string;
  social: string;
  volunteer: string;
  draftVote: string;
  openVote: string;
  closedVote: string;
  scan: string;
  objection: string;
  /** An inbox item of some account bound to this quarter's district (not the caller's). */
  inboxItem: string;
  ledgerEntry: string;
  voucher: string;
  /** A small fund-use project (below the threshold). */
  fundProject: string;
  disclosure: string;
  draftDisclosure: string;
  financeAudit: string;
  inventoryItem: string;
  arrearsList: string;
}

export interface DistrictIds {
  district: string;
  street: string;
  community: string;
  company: string;
  office: string;
  officeMember: string;
}

export interface World {
  t: TestApp;
  sessions: Record<Role, Session>;
  quarters: Record<QuarterKey, QuarterIds>;
  districts: Record<'A' | 'B', DistrictIds>;
  /** Each account's own inbox item. */
  inbox: Record<Role, string>;
  /** Owners of quarter 1 with the numbers that verify them for its open vote. */
  credentials: Credential[];
  /** Inserts a row and returns its id (test set-up, as the other scope tests do). */
  insert(table: string, values: Record<string, unknown>): Promise<string>;
  /** The cases of each quarter and the departments' accounts (support/cases.ts). */
  cases: CaseWorld;
}

export const TEST_CLOCK = '2026-03-20T09:00:00+08:00';

/**
 * Builds the world. The voting clock must be controllable (voteClock()); it is left at
 * {@link TEST_CLOCK}: after the window of the closed vote, inside its objection period, and
 * inside the window of the open vote.
 */
export async function buildWorld(t: TestApp, clock: { set(at: string): void }): Promise<World> {
  const k = t.db.kysely;
  const fx = t.fx;
  const insert = async (table: string, values: Record<string, unknown>) =>
    (await k.insertInto(table as 'grids').values(values as never).returning('id').executeTakeFirstOrThrow()).id as string;

  // Accounts the fixture lacks: a mediator (bound to community 1) and someone to run votes in
  // the other district's quarter.
  await insertUser(k, { username: 'mediator', displayName: '测试mediator', role: 'mediator', scopeLevel: 'community', scopeId: fx.communityA1, password: PASSWORD, ownerId: null, phone: null });
  await insertUser(k, { username: 'commissionerB', displayName: '测试commissionerB', role: 'commissioner', scopeLevel: 'quarter', scopeId: fx.qb, password: PASSWORD, ownerId: null, phone: null });

  const sessions = {} as Record<Role, Session>;
  for (const [role, username] of Object.entries(usernameOf) as [Role, string][]) sessions[role] = await t.login(username);

  const districts = {} as Record<'A' | 'B', DistrictIds>;
  for (const [d, district, street, community] of [
    ['A', fx.districtA, fx.streetA1, fx.communityA1],
    ['B', fx.districtB, fx.streetB1, fx.communityB1],
  ] as const) {
    const company = await insert('property_companies', { district_id: district, name: `${d}物业`, credit_code: `91330106MA2AAAAA${d}X` });
    // The office of community 1 (or of the other district's community): inside the place of
    // every office and of the mediator, above the place of the accounts bound to a quarter.
    const office = await insert('tripartite_offices', { district_id: district, level: 'community', street_id: street, community_id: community, name: `${d}社区三方办` });
    const officeMember = await insert('office_members', { district_id: district, office_id: office, name: '主任' });
    districts[d] = { district, street, community, company, office, officeMember };
  }

  // Votes: quarter 1's are run by its committee (the community office may run them too, as
  // quarter 1 has no committee in office), the others' by their commissioners.
  const runners: Record<QuarterKey, Session> = { q1: sessions.committee, q2: await t.login('commissioner2'), qb: await t.login('commissionerB') };
  const credentials = await fixtureCredentials(t, 'q1');
  const districtOf = (q: QuarterKey) => (q === 'qb' ? fx.districtB : fx.districtA);
  const quarters = {} as Record<QuarterKey, QuarterIds>;
  const votes = {} as Record<QuarterKey, { draftVote: string; openVote: string; closedVote: string }>;
  clock.set('2026-03-01T09:00:00+08:00');
  for (const q of ['q1', 'q2', 'qb'] as QuarterKey[]) {
    const runner = runners[q];
    const create = async (over: Record<string, unknown> = {}) => {
      const res = await runner.post('/api/votes', voteBody(fx[q], over));
      if (res.statusCode !== 201) throw new Error(`vote in ${q}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    const open = async (id: string) => {
      const res = await runner.post(`/api/votes/${id}/open`);
      if (res.statusCode !== 200) throw new Error(`open in ${q}: ${res.statusCode} ${res.body}`);
    };
    const draftVote = await create();
    const openVote = await create({ closesAt: '2026-04-30T24:00:00+08:00' });
    const closedVote = await create();
    await open(openVote);
    await open(closedVote);
    votes[q] = { draftVote, openVote, closedVote };
  }
  clock.set('2026-03-05T10:00:00+08:00');
  const scans = {} as Record<QuarterKey, string>;
  for (const q of ['q1', 'q2', 'qb'] as QuarterKey[]) {
    const res = await runners[q].upload(`/api/votes/${votes[q].openVote}/scans`, 'ballot.png', PNG);
    if (res.statusCode !== 201) throw new Error(`scan in ${q}: ${res.statusCode} ${res.body}`);
    scans[q] = res.json().id;
  }
  clock.set('2026-03-16T09:00:00+08:00');
  const objections = {} as Record<QuarterKey, string>;
  for (const q of ['q1', 'q2', 'qb'] as QuarterKey[]) {
    const closed = await runners[q].post(`/api/votes/${votes[q].closedVote}/close`);
    if (closed.statusCode !== 200) throw new Error(`close in ${q}: ${closed.statusCode} ${closed.body}`);
    const objection = await runners[q].post(`/api/votes/${votes[q].closedVote}/objections`, { text: '计票有误' });
    if (objection.statusCode !== 201) throw new Error(`objection in ${q}: ${objection.statusCode} ${objection.body}`);
    objections[q] = objection.json().id;
  }
  clock.set(TEST_CLOCK);

  // An inbox item for every account, and one of another account in each quarter's district.
  const users = await k.selectFrom('users').select(['id', 'username', 'district_id']).execute();
  const inboxOf = async (username: string) => {
    const user = users.find((u) => u.username === username)!;
    return insert('inbox_items', { user_id: user.id, district_id: user.district_id, kind: 'reminder', title: '待办', body: '' });
  };
  const inbox = {} as Record<Role, string>;
  for (const [role, username] of Object.entries(usernameOf) as [Role, string][]) inbox[role] = await inboxOf(username);
  const strangerInbox: Record<QuarterKey, string> = { q1: await inboxOf('commissioner2'), q2: await inboxOf('commissioner2'), qb: await inboxOf('districtB') };

  const office = sessions.district_office;
  const officeB = await t.login('districtB');
  for (const q of ['q1', 'q2', 'qb'] as QuarterKey[]) {
    const common = { district_id: districtOf(q), quarter_id: fx[q] };
    // A committee in quarter 1 is only forming, so that the community office runs its votes.
    const committee = await insert('owners_committees', { ...common, term_start: '2025-01-01', term_end: '2028-01-01', status: q === 'q1' ? 'forming' : 'active' });
    const member = await insert('committee_members', { ...common, committee_id: committee, owner_id: fx.owners[q][0], name: '委员', position: 'chair' });
    const supervisory = await insert('supervisory_committees', { ...common, term_start: '2025-01-01', term_end: '2028-01-01', status: 'active' });
    const supervisoryMember = await insert('supervisory_committee_members', { ...common, supervisory_committee_id: supervisory, owner_id: fx.owners[q][1], name: '监委', position: 'chair' });
    const candidate = await insert('candidates', { ...common, owner_id: fx.owners[q][2], name: '人选', recommended_by: 'co-signing-owners', co_signer_count: 10, recommended_on: '2025-01-01' });
    const commissioner = await insert('commissioners', { ...common, name: '专员', phone: '13800000000', trained_on: '2024-12-01', started_on: '2025-01-01' });
    const contract = await insert('service_contracts', { ...common, property_company_id: districts[q === 'qb' ? 'B' : 'A'].company, selection_method: 'tender', starts_on: '2025-01-01', fee_standard_fen: 150 });
    const party = await insert('party_organizations', { ...common, kind: 'quarter', name: '党支部' });
    const grid = await insert('grids', { ...common, name: '一网格' });
    const leader = await insert('building_leaders', { ...common, building_id: fx.buildings[q][0], name: '楼道长' });
    const social = await insert('social_organizations', { ...common, name: '志愿服务队' });
    const volunteer = await insert('volunteers', { ...common, name: '志愿者' });
    // A rejected import leaves its run (and its report of bad rows).
    const importer = q === 'qb' ? officeB : office;
    const csv = Buffer.from('楼栋,房号,专有部分面积(㎡),用途,不动产权证号,业主类型,业主姓名,身份证号,联系电话\r\n99幢,1-101,80,住宅,,个人,某业主,,\r\n');
    const rejected = await importer.upload(`/api/quarters/${fx[q]}/imports`, 'bad.csv', csv);
    if (rejected.statusCode !== 422) throw new Error(`import in ${q}: ${rejected.statusCode} ${rejected.body}`);
    quarters[q] = {
      quarter: fx[q],
      building: fx.buildings[q][0],
      unit: fx.units[q][0],
      owner: fx.owners[q][0],
      resident: fx.residents[q][0],
      importRun: rejected.json().error.details.importId,
      committee,
      member,
      supervisory,
      supervisoryMember,
      candidate,
      commissioner,
      contract,
      party,
      grid,
      leader,
      social,
      volunteer,
      ...votes[q],
      scan: scans[q],
      objection: objections[q],
      inboxItem: strangerInbox[q],
      ...(await financeRecords(t, fx[q])),
    };
  }
  const cases = await buildCaseWorld(t);
  return { t, sessions, quarters, districts, inbox, credentials, insert, cases };
}

export interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** A multipart upload of one file in the field "file". */
  file?: { name: string; content: Buffer };
  /** Send without the caller's session (a fresh login of the caller's own, e.g. to log out). */
  session?: Session;
}

export interface Target {
  world: World;
  /** The caller's role, or null for the anonymous caller. */
  role: Role | null;
  /** The records the request should name: quarter 1, or the quarter outside the caller's place. */
  q: QuarterIds;
  d: DistrictIds;
  /** True when the request names records outside the caller's place. */
  outside: boolean;
}

let seq = 0;
const next = () => ++seq;
const day = '2025-06-01';

/** A building leader's account of the target's building (inside every account's place), made for one request. */
async function throwawayAccount(x: Target): Promise<string> {
  const row = await insertUser(x.world.t.db.kysely, {
    username: `throwaway${next()}`,
    displayName: '临时账号',
    role: 'building_leader',
    scopeLevel: 'building',
    scopeId: x.q.building,
    password: PASSWORD,
  });
  return row.id;
}

/** A request per route of the OpenAPI document, keyed like the access table. */
export const requests: Record<string, (x: Target) => Request | Promise<Request>> = {
  'POST /api/auth/login': (x) => ({ method: 'POST', url: '/api/auth/login', body: { username: usernameOf[x.role ?? 'owner'], password: PASSWORD } }),
  // A session of its own, so that the caller's main session lives on.
  'POST /api/auth/logout': async (x) => ({ method: 'POST', url: '/api/auth/logout', session: x.role ? await x.world.t.login(usernameOf[x.role]) : undefined }),
  'GET /api/auth/me': () => ({ method: 'GET', url: '/api/auth/me' }),
  // The same password again: the account stays usable for the rest of the test.
  'POST /api/auth/password': () => ({ method: 'POST', url: '/api/auth/password', body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),

  'GET /api/places/tree': () => ({ method: 'GET', url: '/api/places/tree' }),
  'GET /api/districts': () => ({ method: 'GET', url: '/api/districts' }),
  'GET /api/streets': (x) => ({ method: 'GET', url: `/api/streets?districtId=${x.d.district}` }),
  'POST /api/streets': (x) => ({ method: 'POST', url: '/api/streets', body: { districtId: x.d.district, name: `新街道${next()}` } }),
  'GET /api/communities': (x) => ({ method: 'GET', url: `/api/communities?streetId=${x.d.street}` }),
  'POST /api/communities': (x) => ({ method: 'POST', url: '/api/communities', body: { streetId: x.d.street, name: `新社区${next()}` } }),

  'GET /api/quarters': () => ({ method: 'GET', url: '/api/quarters' }),
  'POST /api/quarters': (x) => ({
    method: 'POST',
    url: '/api/quarters',
    body: { communityId: x.d.community, name: `新小区${next()}`, totalBuildingArea: 1_000_000, deliveredArea: 500_000, firstDeliveryDate: '2020-01-01', households: 100 },
  }),
  'GET /api/quarters/{id}': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}` }),
  'PATCH /api/quarters/{id}': (x) => ({ method: 'PATCH', url: `/api/quarters/${x.q.quarter}`, body: { households: 120 } }),
  'GET /api/quarters/{id}/dossier': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/dossier` }),
  'GET /api/quarters/{id}/export': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/export` }),

  'GET /api/quarters/{id}/buildings': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/buildings` }),
  'POST /api/quarters/{id}/buildings': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/buildings`, body: { name: `${next()}幢` } }),
  'PATCH /api/buildings/{id}': (x) => ({ method: 'PATCH', url: `/api/buildings/${x.q.building}`, body: { floors: 6 } }),
  'GET /api/quarters/{id}/units': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/units` }),
  'POST /api/quarters/{id}/units': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/units`, body: { buildingId: x.q.building, number: `9-${next()}`, exclusiveArea: 8000 } }),
  'PATCH /api/units/{id}': (x) => ({ method: 'PATCH', url: `/api/units/${x.q.unit}`, body: { exclusiveArea: 8953 } }),
  'POST /api/units/{id}/owners': (x) => ({ method: 'POST', url: `/api/units/${x.q.unit}/owners`, body: { ownerId: x.q.owner } }),
  // A co-owner of its own per request: a removal that goes through takes the link away.
  'DELETE /api/units/{id}/owners/{ownerId}': async (x) => {
    let owner = x.q.owner;
    if (!x.outside) {
      const w = x.world;
      const common = { district_id: w.t.fx.districtA, quarter_id: x.q.quarter };
      owner = await w.insert('owners', { ...common, kind: 'organization', name: `共有单位${next()}` });
      await w.t.db.kysely.insertInto('unit_owners').values({ ...common, unit_id: x.q.unit, owner_id: owner }).execute();
    }
    return { method: 'DELETE', url: `/api/units/${x.q.unit}/owners/${owner}` };
  },
  // A unit, an owner or a resident of its own per request: a deletion that goes through takes it away.
  'DELETE /api/units/{id}': async (x) => {
    if (x.outside) return { method: 'DELETE', url: `/api/units/${x.q.unit}` };
    const unit = await x.world.insert('units', { district_id: x.world.t.fx.districtA, quarter_id: x.q.quarter, building_id: x.q.building, number: `删-${next()}`, exclusive_area: 5000 });
    return { method: 'DELETE', url: `/api/units/${unit}` };
  },
  'DELETE /api/owners/{id}': async (x) => {
    if (x.outside) return { method: 'DELETE', url: `/api/owners/${x.q.owner}` };
    const owner = await x.world.insert('owners', { district_id: x.world.t.fx.districtA, quarter_id: x.q.quarter, kind: 'organization', name: `误录单位${next()}` });
    return { method: 'DELETE', url: `/api/owners/${owner}` };
  },
  'DELETE /api/residents/{id}': async (x) => {
    if (x.outside) return { method: 'DELETE', url: `/api/residents/${x.q.resident}` };
    const resident = await x.world.insert('residents', { district_id: x.world.t.fx.districtA, quarter_id: x.q.quarter, name: `误录居民${next()}`, kind: 'tenant' });
    return { method: 'DELETE', url: `/api/residents/${resident}` };
  },
  'GET /api/quarters/{id}/owners': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/owners` }),
  'POST /api/quarters/{id}/owners': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/owners`, body: { kind: 'person', name: `新业主${next()}`, idNumber: testIdNumber() } }),
  'GET /api/owners/{id}': (x) => ({ method: 'GET', url: `/api/owners/${x.q.owner}` }),
  'PATCH /api/owners/{id}': (x) => ({ method: 'PATCH', url: `/api/owners/${x.q.owner}`, body: { phone: '13800001111' } }),
  'GET /api/quarters/{id}/residents': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/residents` }),
  'POST /api/quarters/{id}/residents': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/residents`, body: { name: `新居民${next()}`, kind: 'tenant' } }),
  'PATCH /api/residents/{id}': (x) => ({ method: 'PATCH', url: `/api/residents/${x.q.resident}`, body: { careNote: '独居老人' } }),

  'GET /api/import/template': () => ({ method: 'GET', url: '/api/import/template?format=csv' }),
  'POST /api/quarters/{id}/imports': (x) => ({
    method: 'POST',
    url: `/api/quarters/${x.q.quarter}/imports`,
    file: { name: 'units.csv', content: Buffer.from(`楼栋,房号,专有部分面积(㎡),用途,不动产权证号,业主类型,业主姓名,身份证号,联系电话\r\n1幢,8-${next()},80,住宅,,个人,导入业主,${testIdNumber()},\r\n`) },
  }),
  'GET /api/imports/{id}': (x) => ({ method: 'GET', url: `/api/imports/${x.q.importRun}` }),
  'GET /api/imports/{id}/report': (x) => ({ method: 'GET', url: `/api/imports/${x.q.importRun}/report` }),
  'GET /api/search': () => ({ method: 'GET', url: `/api/search?q=${encodeURIComponent('一号')}` }),
  'GET /api/me/home': () => ({ method: 'GET', url: '/api/me/home' }),

  'GET /api/users': () => ({ method: 'GET', url: '/api/users' }),
  'POST /api/users': (x) => ({
    method: 'POST',
    url: '/api/users',
    body: { username: `matrix${next()}`, displayName: '新账号', role: 'grid_worker', scopeLevel: 'quarter', scopeId: x.q.quarter, password: 'a-long-password-1' },
  }),
  'GET /api/users/office-records': (x) => ({ method: 'GET', url: `/api/users/office-records?role=committee&scopeLevel=quarter&scopeId=${x.q.quarter}` }),
  // An account of its own per request (a building leader of the target building): a disable, reset
  // or move that goes through ends that account's sessions, not a caller's.
  'POST /api/users/{id}/disable': async (x) => ({ method: 'POST', url: `/api/users/${await throwawayAccount(x)}/disable` }),
  'POST /api/users/{id}/enable': async (x) => ({ method: 'POST', url: `/api/users/${await throwawayAccount(x)}/enable` }),
  'POST /api/users/{id}/reset-password': async (x) => ({ method: 'POST', url: `/api/users/${await throwawayAccount(x)}/reset-password`, body: {} }),
  'POST /api/users/{id}/move': async (x) => ({
    method: 'POST',
    url: `/api/users/${await throwawayAccount(x)}/move`,
    body: { role: 'building_leader', scopeLevel: 'building', scopeId: x.q.building },
  }),
  'GET /api/audit': () => ({ method: 'GET', url: '/api/audit' }),
  'GET /api/inbox': () => ({ method: 'GET', url: '/api/inbox' }),
  // Inside: the caller's own item; outside: someone else's.
  'PATCH /api/inbox/{id}': (x) => ({ method: 'PATCH', url: `/api/inbox/${x.outside || !x.role ? x.q.inboxItem : x.world.inbox[x.role]}`, body: { read: true } }),

  'GET /api/quarters/{id}/checks': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/checks` }),
  'GET /api/quarters/{id}/organizations': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/organizations` }),
  'GET /api/organizations/rules': () => ({ method: 'GET', url: '/api/organizations/rules' }),
  'GET /api/organizations/actions': () => ({ method: 'GET', url: '/api/organizations/actions' }),
  'GET /api/quarters/{id}/committees': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/committees` }),
  'GET /api/committees/{id}': (x) => ({ method: 'GET', url: `/api/committees/${x.q.committee}` }),
  'GET /api/quarters/{id}/supervisory-committees': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/supervisory-committees` }),
  'GET /api/quarters/{id}/candidates': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/candidates` }),
  'GET /api/candidates/{id}': (x) => ({ method: 'GET', url: `/api/candidates/${x.q.candidate}` }),
  'GET /api/quarters/{id}/commissioners': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/commissioners` }),
  'GET /api/quarters/{id}/commissioner-profile': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/commissioner-profile` }),
  'GET /api/quarters/{id}/party-organizations': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/party-organizations` }),
  'GET /api/tripartite-offices': () => ({ method: 'GET', url: '/api/tripartite-offices' }),
  'GET /api/property-companies': () => ({ method: 'GET', url: '/api/property-companies' }),
  'GET /api/quarters/{id}/contracts': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/contracts` }),
  'GET /api/quarters/{id}/people': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/people` }),

  'POST /api/quarters/{id}/committees': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/committees`, body: { termStart: day, termEnd: '2028-06-01', status: 'forming' } }),
  'PATCH /api/committees/{id}': (x) => ({ method: 'PATCH', url: `/api/committees/${x.q.committee}`, body: { electedOn: day } }),
  'POST /api/committees/{id}/members': (x) => ({ method: 'POST', url: `/api/committees/${x.q.committee}/members`, body: { members: [{ ownerId: x.q.owner, position: 'member' }] } }),
  'PATCH /api/committee-members/{id}': (x) => ({ method: 'PATCH', url: `/api/committee-members/${x.q.member}`, body: { commitmentsSignedOn: day } }),
  'POST /api/committee-members/{id}/removal': (x) => ({ method: 'POST', url: `/api/committee-members/${x.q.member}/removal`, body: { removedOn: day, reason: '辞职' } }),
  'POST /api/committees/{id}/trainings': (x) => ({ method: 'POST', url: `/api/committees/${x.q.committee}/trainings`, body: { heldOn: day, topic: '培训', memberIds: [x.q.member] } }),
  'POST /api/committees/{id}/appraisals': (x) => ({ method: 'POST', url: `/api/committees/${x.q.committee}/appraisals`, body: { appraisedOn: day, results: [] } }),
  'POST /api/quarters/{id}/supervisory-committees': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/supervisory-committees`, body: { termStart: day, termEnd: '2028-06-01' } }),
  'PATCH /api/supervisory-committees/{id}': (x) => ({ method: 'PATCH', url: `/api/supervisory-committees/${x.q.supervisory}`, body: { electedOn: day } }),
  'POST /api/supervisory-committees/{id}/members': (x) => ({ method: 'POST', url: `/api/supervisory-committees/${x.q.supervisory}/members`, body: { members: [{ ownerId: x.q.owner, position: 'member' }] } }),
  'POST /api/supervisory-members/{id}/removal': (x) => ({ method: 'POST', url: `/api/supervisory-members/${x.q.supervisoryMember}/removal`, body: { removedOn: day, reason: '辞职' } }),

  'POST /api/quarters/{id}/candidates': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/candidates`, body: { ownerId: x.q.owner, recommendedBy: 'co-signing-owners', coSignerCount: 5, recommendedOn: day } }),
  'PATCH /api/candidates/{id}': (x) => ({ method: 'PATCH', url: `/api/candidates/${x.q.candidate}`, body: { skills: ['law'] } }),
  // Each office sends the step that is its own; everyone else the first step.
  'POST /api/candidates/{id}/reviews': (x) => ({
    method: 'POST',
    url: `/api/candidates/${x.q.candidate}/reviews`,
    body: {
      step: x.role === 'district_office' ? 'joint-department-review' : x.role === 'street_office' ? 'street-review' : 'community-pre-review',
      decision: 'approve',
      opinion: '同意',
      reviewedOn: day,
    },
  }),

  'POST /api/quarters/{id}/commissioners': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/commissioners`, body: { name: '新专员', phone: '13800000001', trainedOn: day, startedOn: day } }),
  'PATCH /api/commissioners/{id}': (x) => ({ method: 'PATCH', url: `/api/commissioners/${x.q.commissioner}`, body: { phone: '13800000009' } }),
  'POST /api/party-organizations': (x) => ({ method: 'POST', url: '/api/party-organizations', body: { kind: 'quarter', quarterId: x.q.quarter, name: `党支部${next()}` } }),
  'PATCH /api/party-organizations/{id}': (x) => ({ method: 'PATCH', url: `/api/party-organizations/${x.q.party}`, body: { memberCount: 9 } }),
  'POST /api/tripartite-offices': (x) => ({ method: 'POST', url: '/api/tripartite-offices', body: { level: 'community', placeId: x.d.community, name: `社区三方办${next()}` } }),
  'POST /api/tripartite-offices/{id}/members': (x) => ({ method: 'POST', url: `/api/tripartite-offices/${x.d.office}/members`, body: { name: '委员' } }),
  'DELETE /api/office-members/{id}': async (x) => {
    const w = x.world;
    const id = x.outside ? x.d.officeMember : await w.insert('office_members', { district_id: x.d.district, office_id: x.d.office, name: `委员${next()}` });
    return { method: 'DELETE', url: `/api/office-members/${id}` };
  },

  'POST /api/property-companies': () => ({ method: 'POST', url: '/api/property-companies', body: { name: `物业${next()}`, creditCode: `91330106MA2B${String(100000 + next())}` } }),
  'PATCH /api/property-companies/{id}': (x) => ({ method: 'PATCH', url: `/api/property-companies/${x.d.company}`, body: { partyMemberCount: 4 } }),
  'POST /api/quarters/{id}/contracts': (x) => ({
    method: 'POST',
    url: `/api/quarters/${x.q.quarter}/contracts`,
    body: { propertyCompanyId: x.d.company, selectionMethod: 'tender', startsOn: '2029-01-01', feeStandardFen: 100 },
  }),
  'PATCH /api/contracts/{id}': (x) => ({ method: 'PATCH', url: `/api/contracts/${x.q.contract}`, body: { feeStandardFen: 150 } }),
  'POST /api/quarters/{id}/grids': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/grids`, body: { name: `网格${next()}` } }),
  'DELETE /api/grids/{id}': (x) => freshPerson(x, 'grids', 'grid', {}),
  'POST /api/quarters/{id}/building-leaders': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/building-leaders`, body: { buildingId: x.q.building, name: `楼道长${next()}` } }),
  'DELETE /api/building-leaders/{id}': (x) => freshPerson(x, 'building-leaders', 'leader', { building_id: x.q.building }),
  'POST /api/quarters/{id}/social-organizations': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/social-organizations`, body: { name: `社会组织${next()}` } }),
  'DELETE /api/social-organizations/{id}': (x) => freshPerson(x, 'social-organizations', 'social', {}),
  'POST /api/quarters/{id}/volunteers': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/volunteers`, body: { name: `志愿者${next()}` } }),
  'DELETE /api/volunteers/{id}': (x) => freshPerson(x, 'volunteers', 'volunteer', {}),

  'GET /api/votes': () => ({ method: 'GET', url: '/api/votes' }),
  'POST /api/votes': (x) => ({ method: 'POST', url: '/api/votes', body: voteBody(x.q.quarter, { opensAt: '2026-04-01T08:00:00+08:00', closesAt: '2026-04-15T24:00:00+08:00' }) }),
  'GET /api/votes/article-278-items': () => ({ method: 'GET', url: '/api/votes/article-278-items' }),
  'GET /api/votes/{id}': (x) => ({ method: 'GET', url: `/api/votes/${x.q.openVote}` }),
  'POST /api/votes/{id}/open': (x) => ({ method: 'POST', url: `/api/votes/${x.q.draftVote}/open` }),
  'GET /api/votes/{id}/turnout': (x) => ({ method: 'GET', url: `/api/votes/${x.q.openVote}/turnout` }),
  'GET /api/votes/{id}/roll-units': (x) => ({ method: 'GET', url: `/api/votes/${x.q.openVote}/roll-units` }),
  'GET /api/votes/{id}/not-voted': (x) => ({ method: 'GET', url: `/api/votes/${x.q.openVote}/not-voted` }),
  'GET /api/votes/{id}/not-voted.xlsx': (x) => ({ method: 'GET', url: `/api/votes/${x.q.openVote}/not-voted.xlsx` }),
  'GET /api/votes/{id}/entries': (x) => ({ method: 'GET', url: `/api/votes/${x.q.openVote}/entries` }),
  'POST /api/votes/{id}/scans': (x) => ({ method: 'POST', url: `/api/votes/${x.q.openVote}/scans`, file: { name: 'ballot.png', content: PNG } }),
  'GET /api/votes/{id}/scans/{scanId}': (x) => ({ method: 'GET', url: `/api/votes/${x.q.openVote}/scans/${x.q.scan}` }),
  'POST /api/votes/{id}/paper-ballots': (x) => ({
    method: 'POST',
    url: `/api/votes/${x.q.openVote}/paper-ballots`,
    body: { unitId: x.q.unit, choices: { '1': 'yes', '2': 'yes' }, scanId: x.q.scan },
  }),
  'POST /api/votes/{id}/proxy-ballots': (x) => ({
    method: 'POST',
    url: `/api/votes/${x.q.openVote}/proxy-ballots`,
    body: { unitId: x.q.unit, choices: { '1': 'yes', '2': 'no' }, proxyHolder: '张三', scanId: x.q.scan },
  }),
  // The open vote's window has not ended: a runner hears "still open" (409), past the gate.
  'POST /api/votes/{id}/close': (x) => ({ method: 'POST', url: `/api/votes/${x.q.openVote}/close` }),
  'GET /api/votes/{id}/objections': (x) => ({ method: 'GET', url: `/api/votes/${x.q.closedVote}/objections` }),
  'POST /api/votes/{id}/objections': (x) => ({ method: 'POST', url: `/api/votes/${x.q.closedVote}/objections`, body: { text: '异议' } }),
  'POST /api/votes/{id}/objections/{objectionId}/answer': (x) => ({ method: 'POST', url: `/api/votes/${x.q.closedVote}/objections/${x.q.objection}/answer`, body: { response: '已复核' } }),
  // Inside the objection period: a runner hears "period running" (409), past the gate.
  'POST /api/votes/{id}/publish': (x) => ({ method: 'POST', url: `/api/votes/${x.q.closedVote}/publish` }),
  'GET /api/votes/{id}/result': (x) => ({ method: 'GET', url: `/api/votes/${x.q.closedVote}/result` }),
  'GET /api/votes/{id}/record': (x) => ({ method: 'GET', url: `/api/votes/${x.q.closedVote}/record` }),

  'GET /api/public/votes/{id}': (x) => ({ method: 'GET', url: `/api/public/votes/${x.q.openVote}` }),
  'GET /api/public/quarters/{id}/votes': (x) => ({ method: 'GET', url: `/api/public/quarters/${x.q.quarter}/votes` }),
  'GET /api/me/votes': () => ({ method: 'GET', url: '/api/me/votes' }),
  'POST /api/votes/{id}/verify': (x) => ({ method: 'POST', url: `/api/votes/${x.q.openVote}/verify`, body: { idNumber: x.world.credentials[1].idNumber, certificateNo: x.world.credentials[1].certificateNo } }),
  // An unknown challenge: the route is public, its answer (the code no longer works) is its own.
  'POST /api/votes/{id}/verify/code': (x) => ({ method: 'POST', url: `/api/votes/${x.q.openVote}/verify/code`, body: { challengeId: '00000000-0000-4000-8000-000000000000', code: '123456' } }),
  // A real voter token (verified with the one-time code first, once per vote: a code may be
  // asked for only so often), so that only the gate can refuse the ballot.
  'POST /api/votes/{id}/ballot': async (x) => {
    let token = ballotTokens.get(x.q.openVote);
    if (!token) {
      const verified = await verifyWithCode(x.world.t, x.q.openVote, x.world.credentials[2], '10.77.0.1');
      if (!verified.voterToken) throw new Error(`verify: ${verified.res.statusCode} ${verified.res.body}`);
      ballotTokens.set(x.q.openVote, (token = verified.voterToken));
    }
    return { method: 'POST', url: `/api/votes/${x.q.openVote}/ballot`, body: { voterToken: token, choices: { '1': 'abstain', '2': 'abstain' } } };
  },
  // A paper ballot entered for quarter 1's last unit, voided by the first caller who may (the
  // next hear "already voided", 409, past the gate); outside, the vote itself is unknown.
  'POST /api/votes/{id}/entries/{entryId}/void': async (x) => ({
    method: 'POST',
    url: `/api/votes/${x.q.openVote}/entries/${x.outside ? '00000000-0000-4000-8000-000000000000' : await enteredBallot(x)}/void`,
    body: { reason: '录错房屋' },
  }),

  ...deliberationRequests,

  'GET /api/quarters/{id}/ledger': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/ledger` }),
  'PATCH /api/quarters/{id}/finance-settings': (x) => ({ method: 'PATCH', url: `/api/quarters/${x.q.quarter}/finance-settings`, body: { largeThresholdFen: 5_000_000 } }),
  'GET /api/quarters/{id}/ledger/entries': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/ledger/entries` }),
  'POST /api/quarters/{id}/ledger/entries': (x) => ({
    method: 'POST',
    url: `/api/quarters/${x.q.quarter}/ledger/entries`,
    body: { date: '2026-02-01', memo: '停车费', lines: [{ account: 'asset.bank', debitFen: 100, creditFen: 0 }, { account: 'income.parking', debitFen: 0, creditFen: 100 }] },
  }),
  // A fresh entry per call, so that every keeper reverses one of its own.
  'POST /api/ledger-entries/{id}/reverse': async (x) => ({ method: 'POST', url: `/api/ledger-entries/${x.outside ? x.q.ledgerEntry : await insertLedgerEntry(x.world.t, x.q.quarter)}/reverse`, body: {} }),
  'GET /api/quarters/{id}/ledger/export.xlsx': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/ledger/export.xlsx` }),
  'POST /api/quarters/{id}/ledger/vouchers': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/ledger/vouchers`, file: { name: 'receipt.png', content: PNG } }),
  'GET /api/ledger-vouchers/{id}': (x) => ({ method: 'GET', url: `/api/ledger-vouchers/${x.q.voucher}` }),
  'GET /api/fund-projects': (x) => ({ method: 'GET', url: `/api/fund-projects?quarterId=${x.q.quarter}` }),
  'POST /api/fund-projects': (x) => ({ method: 'POST', url: '/api/fund-projects', body: { quarterId: x.q.quarter, title: '更换路灯', amountFen: 80_000, category: 'use.repairs' } }),
  'GET /api/fund-projects/{id}': (x) => ({ method: 'GET', url: `/api/fund-projects/${x.q.fundProject}` }),
  // A fresh large project per call, waiting for the committee's first review.
  'POST /api/fund-projects/{id}/steps': async (x) => ({ method: 'POST', url: `/api/fund-projects/${x.outside ? x.q.fundProject : await insertFundProject(x.world.t, x.q.quarter, 9_000_000)}/steps`, body: { step: 'committee_review' } }),
  // A small project: a keeper's payment is booked.
  'POST /api/fund-projects/{id}/payments': (x) => ({ method: 'POST', url: `/api/fund-projects/${x.q.fundProject}/payments`, body: { date: '2026-02-10', amountFen: 100, memo: '电池' } }),
  'GET /api/quarters/{id}/disclosures': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/disclosures` }),
  'POST /api/quarters/{id}/disclosures': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/disclosures`, body: { period: '2025H2' } }),
  'GET /api/disclosures/{id}': (x) => ({ method: 'GET', url: `/api/disclosures/${x.q.disclosure}` }),
  'POST /api/disclosures/{id}/review': (x) => ({ method: 'POST', url: `/api/disclosures/${x.q.disclosure}/review`, body: {} }),
  // A draft: a keeper hears "review it first" (409), past the gate.
  'POST /api/disclosures/{id}/publish': (x) => ({ method: 'POST', url: `/api/disclosures/${x.q.draftDisclosure}/publish` }),
  'GET /api/quarters/{id}/finance-audits': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/finance-audits` }),
  'POST /api/quarters/{id}/finance-audits': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/finance-audits`, body: { kind: 'yearly_spot', periodLabel: '2025年度', auditor: '某会计师事务所', auditedOn: '2026-03-01' } }),
  'PATCH /api/finance-audits/{id}': (x) => ({ method: 'PATCH', url: `/api/finance-audits/${x.q.financeAudit}`, body: { followUp: '已整改' } }),
  'GET /api/quarters/{id}/inventories': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/inventories` }),
  'POST /api/quarters/{id}/inventory-items': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/inventory-items`, body: { kind: 'asset', name: '健身器材' } }),
  // A fresh item per call, so that every keeper removes one of its own.
  'DELETE /api/inventory-items/{id}': async (x) => ({ method: 'DELETE', url: `/api/inventory-items/${x.outside ? x.q.inventoryItem : await insertInventoryItem(x.world.t, x.q.quarter)}` }),
  'GET /api/quarters/{id}/fee-collection': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/fee-collection` }),
  'GET /api/quarters/{id}/maintenance-fund': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/maintenance-fund` }),
  'GET /api/quarters/{id}/ledger/verify': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/ledger/verify` }),
  'GET /api/disclosures/{id}/export.xlsx': (x) => ({ method: 'GET', url: `/api/disclosures/${x.q.disclosure}/export.xlsx` }),
  'POST /api/quarters/{id}/ledger/imports': async (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/ledger/imports`, file: { name: 'statement.xlsx', content: await statementXlsx([['2026-02-01', '停车费', 100, null, '停车收益']]) } }),
  // The quarter's closed vote is not published: a recorder hears 422, past the gate.
  'POST /api/quarters/{id}/maintenance-fund': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/maintenance-fund`, body: { kind: 'raise', date: '2026-03-20', amountFen: 100_000, memo: '续筹', voteId: x.q.closedVote, voteItemId: '2' } }),
  'POST /api/quarters/{id}/fee-collection': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/fee-collection`, body: { period: '2025H2', receivableFen: 100_000, collectedFen: 95_000, householdsDue: 100, householdsPaid: 95 } }),
  'GET /api/quarters/{id}/ledger/import-template.xlsx': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/ledger/import-template.xlsx` }),
  'GET /api/quarters/{id}/arrears': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/arrears` }),
  'POST /api/quarters/{id}/arrears': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/arrears`, body: { period: '2026H1', rows: [{ building: '2幢', unit: '1-201', monthsOwed: 3, amountFen: 90_000 }] } }),
  // The fixture's district is under ZAS, which has no arrears disclosure: past the gate, 409.
  'POST /api/quarters/{id}/arrears/imports': async (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/arrears/imports?period=2026H2`, file: { name: 'arrears.xlsx', content: await arrearsXlsx([['2幢', '1-201', 3, 900]]) } }),
  'POST /api/arrears-lists/{id}/publish': (x) => ({ method: 'POST', url: `/api/arrears-lists/${x.q.arrearsList}/publish` }),

  'GET /api/health': () => ({ method: 'GET', url: '/api/health' }),
  // ---- the quarter's public board ----
  'GET /api/public/quarters/{id}': (x) => ({ method: 'GET', url: `/api/public/quarters/${x.q.quarter}` }),
  'GET /api/quarters/{id}/poster': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/poster` }),
  // ---- the month's recurring problems of cases (未诉先办) ----
  'GET /api/cases/recurring': (x) => ({ method: 'GET', url: `/api/cases/recurring?quarterId=${x.q.quarter}` }),
  // ---- the supervision dashboard of the offices (工作台) ----
  'GET /api/dashboard': (x) => ({ method: 'GET', url: `/api/dashboard?placeId=${x.q.quarter}` }),
  // ---- the commissioner's photo (T/ZAS 4006.1—2020 6.1.3.5) and the arrears template ----
  'POST /api/commissioners/{id}/photo': (x) => ({ method: 'POST', url: `/api/commissioners/${x.q.commissioner}/photo`, file: { name: 'photo.png', content: PNG } }),
  'GET /api/public/commissioners/{id}/photo': async (x) => {
    await commissionerPhoto(x);
    return { method: 'GET', url: `/api/public/commissioners/${x.q.commissioner}/photo` };
  },
  'GET /api/quarters/{id}/arrears/import-template.xlsx': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/arrears/import-template.xlsx` }),

  ...caseRequests,
};

/** The quarter's commissioner has a photo (the one-pixel PNG), for the public address to answer. */
async function commissionerPhoto(x: Target): Promise<void> {
  const c = await x.world.t.db.kysely.selectFrom('commissioners').select(['district_id', 'quarter_id']).where('id', '=', x.q.commissioner).executeTakeFirstOrThrow();
  await x.world.t.db.kysely
    .insertInto('commissioner_photos')
    .values({ commissioner_id: x.q.commissioner, district_id: c.district_id, quarter_id: c.quarter_id, content_type: 'image/png', size_bytes: PNG.length, sha256: '0'.repeat(64), content: PNG })
    .onConflict((oc) => oc.column('commissioner_id').doNothing())
    .execute();
}

const enteredBallots = new Map<string, string>();

/** A paper ballot entered by quarter 1's committee in its open vote, once. */
async function enteredBallot(x: Target): Promise<string> {
  let entry = enteredBallots.get(x.q.openVote);
  if (!entry) {
    const runner = x.world.sessions.committee;
    const scan = await runner.upload(`/api/votes/${x.q.openVote}/scans`, 'wrong-unit.png', PNG);
    if (scan.statusCode !== 201) throw new Error(`scan: ${scan.statusCode} ${scan.body}`);
    const unitId = x.world.t.fx.units.q1[3];
    const cast = await runner.post(`/api/votes/${x.q.openVote}/paper-ballots`, { unitId, choices: { '1': 'yes', '2': 'no' }, scanId: scan.json().id });
    if (cast.statusCode !== 201) throw new Error(`paper ballot: ${cast.statusCode} ${cast.body}`);
    const entries = (await runner.get(`/api/votes/${x.q.openVote}/entries`)).json().items as Array<{ id: string; seq: number }>;
    entry = entries.find((e) => e.seq === cast.json().seq)!.id;
    enteredBallots.set(x.q.openVote, entry);
  }
  return entry;
}

/** A grid, building leader, social organisation or volunteer of its own, for a removal. */
async function freshPerson(x: Target, kind: string, key: 'grid' | 'leader' | 'social' | 'volunteer', extra: Record<string, unknown>): Promise<Request> {
  const table = { grids: 'grids', 'building-leaders': 'building_leaders', 'social-organizations': 'social_organizations', volunteers: 'volunteers' }[kind]!;
  const id = x.outside ? x.q[key] : await x.world.insert(table, { district_id: x.world.t.fx.districtA, quarter_id: x.q.quarter, name: `待删${next()}`, ...extra });
  return { method: 'DELETE', url: `/api/${kind}/${id}` };
}

let anonymousSeq = 0;

/** Sends the request as the caller (a session, or nobody). */
export async function send(world: World, session: Session | null, req: Request): Promise<LightMyRequestResponse> {
  const s = req.session ?? session;
  if (req.file) {
    if (s) return s.upload(req.url, req.file.name, req.file.content);
    const boundary = '----gongzhi-matrix-boundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${req.file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      req.file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return world.t.app.inject({ method: req.method, url: req.url, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, remoteAddress: anonymousAddress() });
  }
  if (s) {
    if (req.method === 'GET') return s.get(req.url);
    if (req.method === 'POST') return s.post(req.url, req.body);
    if (req.method === 'PATCH') return s.patch(req.url, req.body);
    return s.delete(req.url);
  }
  return world.t.app.inject({ method: req.method, url: req.url, payload: req.body as never, remoteAddress: anonymousAddress() });
}

function anonymousAddress() {
  anonymousSeq++;
  return `10.66.${Math.floor(anonymousSeq / 250)}.${(anonymousSeq % 250) + 1}`;
}
