// Scope isolation of every organisations route: an id outside the caller's scope answers
// exactly like an unknown id (404, the same body), and a role without the permission gets 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
const UNKNOWN = '7b0b5c1e-0000-4000-8000-000000000000';
type Q = 'q1' | 'q2' | 'q3' | 'qb';
type Ids = { committee: string; member: string; supervisory: string; supervisoryMember: string; candidate: string; commissioner: string; contract: string; party: string; grid: string; leader: string; social: string; volunteer: string };
const records = {} as Record<Q, Ids>;
const districtRecords = {} as Record<'A' | 'B', { company: string; office: string; officeMember: string }>;

beforeAll(async () => {
  t = await createTestApp();
  const k = t.db.kysely;
  const ins = async (table: string, values: Record<string, unknown>) => (await k.insertInto(table as 'grids').values(values as never).returning('id').executeTakeFirstOrThrow()).id;
  for (const [d, districtId, streetId] of [
    ['A', t.fx.districtA, t.fx.streetA1],
    ['B', t.fx.districtB, t.fx.streetB1],
  ] as const) {
    const company = await ins('property_companies', { district_id: districtId, name: `${d}物业`, credit_code: `91330106MA2AAAAA${d}X` });
    const office = await ins('tripartite_offices', { district_id: districtId, level: 'street', street_id: streetId, name: `${d}街道三方办` });
    const officeMember = await ins('office_members', { district_id: districtId, office_id: office, name: '主任' });
    districtRecords[d] = { company, office, officeMember };
  }
  for (const q of ['q1', 'q2', 'q3', 'qb'] as Q[]) {
    const districtId = q === 'qb' ? t.fx.districtB : t.fx.districtA;
    const common = { district_id: districtId, quarter_id: t.fx[q] };
    const committee = await ins('owners_committees', { ...common, term_start: '2025-01-01', term_end: '2028-01-01', status: 'active' });
    const member = await ins('committee_members', { ...common, committee_id: committee, owner_id: t.fx.owners[q][0], name: '委员', position: 'chair' });
    const supervisory = await ins('supervisory_committees', { ...common, term_start: '2025-01-01', term_end: '2028-01-01', status: 'active' });
    const supervisoryMember = await ins('supervisory_committee_members', { ...common, supervisory_committee_id: supervisory, owner_id: t.fx.owners[q][1], name: '监委', position: 'chair' });
    const candidate = await ins('candidates', { ...common, owner_id: t.fx.owners[q][2], name: '人选', recommended_by: 'co-signing-owners', co_signer_count: 10, recommended_on: '2025-01-01' });
    const commissioner = await ins('commissioners', { ...common, name: '专员', phone: '13800000000', trained_on: '2024-12-01', started_on: '2025-01-01' });
    const contract = await ins('service_contracts', {
      ...common,
      property_company_id: districtRecords[q === 'qb' ? 'B' : 'A'].company,
      selection_method: 'tender',
      starts_on: '2025-01-01',
      fee_standard_fen: 150,
    });
    const party = await ins('party_organizations', { ...common, kind: 'quarter', name: '党支部' });
    const grid = await ins('grids', { ...common, name: '一网格' });
    const leader = await ins('building_leaders', { ...common, building_id: t.fx.buildings[q][0], name: '楼道长' });
    const social = await ins('social_organizations', { ...common, name: '志愿服务队' });
    const volunteer = await ins('volunteers', { ...common, name: '志愿者' });
    records[q] = { committee, member, supervisory, supervisoryMember, candidate, commissioner, contract, party, grid, leader, social, volunteer };
  }
});
afterAll(async () => {
  await t?.close();
});

type Route = [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?];

/** Every route of the module that takes the id of something in a quarter. */
function routesFor(q: Q | 'unknown'): Route[] {
  const known = q !== 'unknown';
  const id = known ? t.fx[q] : UNKNOWN;
  const r: Ids = known ? records[q] : (Object.fromEntries(Object.keys(records.q1).map((key) => [key, UNKNOWN])) as Ids);
  const owner = known ? t.fx.owners[q][3] : UNKNOWN;
  const building = known ? t.fx.buildings[q][1] : UNKNOWN;
  const day = '2025-06-01';
  return [
    ['checks', 'GET', `/api/quarters/${id}/checks`],
    ['organizations', 'GET', `/api/quarters/${id}/organizations`],
    ['committees', 'GET', `/api/quarters/${id}/committees`],
    ['supervisory list', 'GET', `/api/quarters/${id}/supervisory-committees`],
    ['candidates', 'GET', `/api/quarters/${id}/candidates`],
    ['commissioners', 'GET', `/api/quarters/${id}/commissioners`],
    ['commissioner profile', 'GET', `/api/quarters/${id}/commissioner-profile`],
    ['party organisations', 'GET', `/api/quarters/${id}/party-organizations`],
    ['contracts', 'GET', `/api/quarters/${id}/contracts`],
    ['people', 'GET', `/api/quarters/${id}/people`],
    ['form committee', 'POST', `/api/quarters/${id}/committees`, { termStart: day, termEnd: '2028-06-01', status: 'forming' }],
    ['add supervisory', 'POST', `/api/quarters/${id}/supervisory-committees`, { termStart: day, termEnd: '2028-06-01' }],
    ['recommend', 'POST', `/api/quarters/${id}/candidates`, { ownerId: owner, recommendedBy: 'co-signing-owners', coSignerCount: 5, recommendedOn: day }],
    ['appoint commissioner', 'POST', `/api/quarters/${id}/commissioners`, { name: '新专员', phone: '13800000001', trainedOn: day, startedOn: day }],
    ['add contract', 'POST', `/api/quarters/${id}/contracts`, { propertyCompanyId: UNKNOWN, selectionMethod: 'tender', startsOn: day, feeStandardFen: 100 }],
    ['add grid', 'POST', `/api/quarters/${id}/grids`, { name: '二网格' }],
    ['add building leader', 'POST', `/api/quarters/${id}/building-leaders`, { buildingId: building, name: '新楼道长' }],
    ['add social organisation', 'POST', `/api/quarters/${id}/social-organizations`, { name: '新组织' }],
    ['add volunteer', 'POST', `/api/quarters/${id}/volunteers`, { name: '新志愿者' }],
    ['add party organisation', 'POST', '/api/party-organizations', { kind: 'quarter', quarterId: id, name: '新党支部' }],
    ['add committee party organisation', 'POST', '/api/party-organizations', { kind: 'committee', ownersCommitteeId: r.committee, name: '业委会党支部' }],
    ['committee', 'GET', `/api/committees/${r.committee}`],
    ['edit committee', 'PATCH', `/api/committees/${r.committee}`, { electedOn: day }],
    ['add member', 'POST', `/api/committees/${r.committee}/members`, { members: [{ ownerId: owner, position: 'member' }] }],
    ['training', 'POST', `/api/committees/${r.committee}/trainings`, { heldOn: day, topic: '培训', memberIds: [r.member] }],
    ['appraisal', 'POST', `/api/committees/${r.committee}/appraisals`, { appraisedOn: day, results: [] }],
    ['edit member', 'PATCH', `/api/committee-members/${r.member}`, { commitmentsSignedOn: day }],
    ['remove member', 'POST', `/api/committee-members/${r.member}/removal`, { removedOn: day, reason: '辞职' }],
    ['edit supervisory', 'PATCH', `/api/supervisory-committees/${r.supervisory}`, { electedOn: day }],
    ['add supervisory member', 'POST', `/api/supervisory-committees/${r.supervisory}/members`, { members: [{ ownerId: owner, position: 'member' }] }],
    ['remove supervisory member', 'POST', `/api/supervisory-members/${r.supervisoryMember}/removal`, { removedOn: day, reason: '辞职' }],
    ['candidate', 'GET', `/api/candidates/${r.candidate}`],
    ['edit candidate', 'PATCH', `/api/candidates/${r.candidate}`, { skills: ['law'] }],
    ['review candidate', 'POST', `/api/candidates/${r.candidate}/reviews`, { step: 'community-pre-review', decision: 'reject', opinion: '不同意', reviewedOn: day }],
    ['edit commissioner', 'PATCH', `/api/commissioners/${r.commissioner}`, { phone: '13800000009' }],
    ['edit party organisation', 'PATCH', `/api/party-organizations/${r.party}`, { memberCount: 9 }],
    ['edit contract', 'PATCH', `/api/contracts/${r.contract}`, { feeStandardFen: 120 }],
    ['remove grid', 'DELETE', `/api/grids/${r.grid}`],
    ['remove building leader', 'DELETE', `/api/building-leaders/${r.leader}`],
    ['remove social organisation', 'DELETE', `/api/social-organizations/${r.social}`],
    ['remove volunteer', 'DELETE', `/api/volunteers/${r.volunteer}`],
  ];
}

/** Records of a district (companies, offices) as seen from another district. */
function districtRoutes(d: 'A' | 'B' | 'unknown'): Route[] {
  const r = d === 'unknown' ? { company: UNKNOWN, office: UNKNOWN, officeMember: UNKNOWN } : districtRecords[d];
  return [
    ['edit company', 'PATCH', `/api/property-companies/${r.company}`, { partyMemberCount: 4 }],
    ['company party organisation', 'POST', '/api/party-organizations', { kind: 'company', propertyCompanyId: r.company, name: '企业党支部' }],
    ['add office member', 'POST', `/api/tripartite-offices/${r.office}/members`, { name: '委员' }],
    ['remove office member', 'DELETE', `/api/office-members/${r.officeMember}`],
  ];
}

async function call(s: Session, method: string, url: string, body?: unknown) {
  if (method === 'GET') return s.get(url);
  if (method === 'POST') return s.post(url, body);
  if (method === 'PATCH') return s.patch(url, body);
  return s.delete(url);
}

const hiddenFrom: [string, Q[]][] = [
  ['district', ['qb']],
  ['street', ['q3', 'qb']],
  ['community', ['q2', 'q3', 'qb']],
  ['commissioner', ['q2', 'q3', 'qb']],
  ['party', ['q2', 'q3', 'qb']],
  ['committee', ['q2', 'q3', 'qb']],
  ['owner', ['q2', 'q3', 'qb']],
  ['leader', ['q2', 'q3', 'qb']],
  ['department', ['qb']],
  ['districtB', ['q1', 'q2', 'q3']],
];

describe('organisations: out-of-scope ids answer exactly like unknown ids', () => {
  for (const [username, hidden] of hiddenFrom) {
    it(`${username}: every route, every hidden quarter`, async () => {
      const s = await t.login(username);
      const unknown = routesFor('unknown');
      for (const q of hidden) {
        const routes = routesFor(q);
        for (let i = 0; i < routes.length; i++) {
          const [name, method, url, body] = routes[i];
          const got = await call(s, method, url, body);
          const base = await call(s, unknown[i][1], unknown[i][2], unknown[i][3]);
          expect({ name, q, status: got.statusCode }).toEqual({ name, q, status: 404 });
          expect({ name, q, body: got.json() }).toEqual({ name, q, body: base.json() });
        }
      }
    });
  }

  it('companies and offices of another district look unknown', async () => {
    for (const [username, other] of [
      ['district', 'B'],
      ['street', 'B'],
      ['districtB', 'A'],
    ] as const) {
      const s = await t.login(username);
      const routes = districtRoutes(other);
      const unknown = districtRoutes('unknown');
      for (let i = 0; i < routes.length; i++) {
        const got = await call(s, routes[i][1], routes[i][2], routes[i][3]);
        const base = await call(s, unknown[i][1], unknown[i][2], unknown[i][3]);
        expect({ name: routes[i][0], username, status: got.statusCode }).toEqual({ name: routes[i][0], username, status: 404 });
        expect(got.json()).toEqual(base.json());
      }
    }
    // Lists hold only the caller's district.
    const listA = (await (await t.login('district')).get('/api/property-companies')).json().items;
    expect(listA.map((c: { name: string }) => c.name)).toEqual(['A物业']);
    const officesB = (await (await t.login('districtB')).get('/api/tripartite-offices')).json().items;
    expect(officesB.map((o: { name: string }) => o.name)).toEqual(['B街道三方办']);
  });
});

describe('organisations: roles without the permission get 403 inside their scope', () => {
  const writes = () => routesFor('q1').filter(([, method]) => method !== 'GET');
  const readers = ['committee', 'company', 'party', 'grid', 'leader', 'supervisor', 'department'];

  for (const username of readers) {
    it(`${username} may read but not write`, async () => {
      const s = await t.login(username);
      expect((await s.get(`/api/quarters/${t.fx.q1}/checks`)).statusCode).toBe(200);
      for (const [name, method, url, body] of writes()) {
        // The party organisation may recommend and edit candidates (BG 二（二）5 "小区党组织推荐").
        if (username === 'party' && (name === 'recommend' || name === 'edit candidate')) continue;
        const res = await call(s, method, url, body);
        expect({ name, status: res.statusCode }).toEqual({ name, status: 403 });
        expect(res.json().error.code === 'FORBIDDEN' || res.json().error.code === 'VETTING_WRONG_OFFICE').toBe(true);
      }
    });
  }

  it('an owner reads none of it, except the commissioner’s public profile', async () => {
    const s = await t.login('owner');
    for (const [name, method, url, body] of routesFor('q1')) {
      const res = await call(s, method, url, body);
      const expected = name === 'commissioner profile' ? 200 : 403;
      expect({ name, status: res.statusCode }).toEqual({ name, status: expected });
    }
    expect((await s.get('/api/organizations/actions')).statusCode).toBe(403);
  });

  it('the commissioner keeps records but appoints no commissioner and reviews no candidate', async () => {
    const s = await t.login('commissioner');
    const appoint = await s.post(`/api/quarters/${t.fx.q1}/commissioners`, { name: '新专员', phone: '13800000001', trainedOn: '2025-01-01', startedOn: '2025-01-01' });
    expect(appoint.statusCode).toBe(403);
    const review = await s.post(`/api/candidates/${records.q1.candidate}/reviews`, { step: 'community-pre-review', decision: 'reject', opinion: '不同意', reviewedOn: '2025-01-01' });
    expect(review.statusCode).toBe(403);
    const grid = await s.post(`/api/quarters/${t.fx.q1}/grids`, { name: '专员网格' });
    expect(grid.statusCode).toBe(201);
  });
});

describe('organisations: a property company is changed only from a quarter it serves, or by the district office', () => {
  it('a commissioner or street office elsewhere in the district cannot rename it or attach a party organisation to it', async () => {
    const k = t.db.kysely;
    // A company of district A that serves q3 only (street A2); written directly, the contract's rules are not the point.
    const company = (await k.insertInto('property_companies').values({ district_id: t.fx.districtA, name: '丙物业', credit_code: '91330106MA2CCCCC3X' }).returning('id').executeTakeFirstOrThrow()).id;
    await k
      .insertInto('service_contracts')
      .values({ district_id: t.fx.districtA, quarter_id: t.fx.q3, property_company_id: company, selection_method: 'tender', starts_on: '2025-01-01', fee_standard_fen: 100 })
      .execute();
    const rename = { name: '改名物业' };
    const attach = { kind: 'company', propertyCompanyId: company, name: '丙物业党支部' };
    const unknownRename = async (s: Session) => (await s.patch(`/api/property-companies/${UNKNOWN}`, rename)).json();
    for (const username of ['commissioner', 'street', 'community']) {
      const s = await t.login(username);
      const renamed = await s.patch(`/api/property-companies/${company}`, rename);
      expect({ username, status: renamed.statusCode }).toEqual({ username, status: 404 });
      expect(renamed.json()).toEqual(await unknownRename(s));
      const attached = await s.post('/api/party-organizations', attach);
      expect({ username, status: attached.statusCode }).toEqual({ username, status: 404 });
    }
    // The company's party organisation, recorded by the district office, is out of their reach too.
    const district = await t.login('district');
    const po = await district.post('/api/party-organizations', attach);
    expect(po.statusCode).toBe(201);
    const commissioner = await t.login('commissioner');
    const poId = (await k.selectFrom('party_organizations').select('id').where('property_company_id', '=', company).executeTakeFirstOrThrow()).id;
    expect((await commissioner.patch(`/api/party-organizations/${poId}`, { memberCount: 9 })).statusCode).toBe(404);
    // The district office may change it; the commissioner of a quarter it serves may change that company.
    expect((await district.patch(`/api/property-companies/${company}`, rename)).statusCode).toBe(204);
    expect((await commissioner.patch(`/api/property-companies/${districtRecords.A.company}`, { partyMemberCount: 5 })).statusCode).toBe(204);
  });
});
