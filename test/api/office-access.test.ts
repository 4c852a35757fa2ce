// Access follows the organisation records (issue 11, point 7): an account linked to an office
// holds the role's permissions only while the record is current, decided at each request from
// the records, by the calendar day in Asia/Shanghai. A lapsed account still logs in and is told
// why; every permission of the office answers 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates';
import { officeRecords } from '../../src/server/modules/organizations/office-records';
import { shanghaiDate } from '../../src/server/modules/organizations/shared';
import { insertUser } from '../../src/server/modules/users/service';
import type { OfficeLink, Role, ScopeLevel } from '../../src/server/platform/access';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';
import { voteBody } from '../support/voting';

let t: TestApp;
let district: Session;
let seq = 0;
const today = shanghaiDate();
const yesterday = addDays(today, -1);

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('district');
});
afterAll(async () => {
  await t?.close();
});

const insert = async (table: string, values: Record<string, unknown>) =>
  (await t.db.kysely.insertInto(table as 'grids').values(values as never).returning('id').executeTakeFirstOrThrow()).id as string;

/** Quarter 3 (its own community, so these records meet no other test's): one per test, as committees are one active per quarter. */
const quarterOf = () => ({ district_id: t.fx.districtA, quarter_id: t.fx.q3 });

async function linkedAccount(role: Role, office: OfficeLink, scope: { level: ScopeLevel; id: string } = { level: 'quarter', id: t.fx.q3 }) {
  const username = `office${++seq}`;
  await insertUser(t.db.kysely, { username, displayName: username, role, scopeLevel: scope.level, scopeId: scope.id, password: PASSWORD, office });
  return t.login(username);
}

/** A permission every linked role holds: reading the quarter's organisations. */
const probe = (s: Session) => s.get(`/api/quarters/${t.fx.q3}/committees`);

async function committeeWithMember(over: Record<string, unknown> = {}) {
  await t.db.kysely.deleteFrom('committee_members').where('quarter_id', '=', t.fx.q3).execute();
  await t.db.kysely.deleteFrom('owners_committees').where('quarter_id', '=', t.fx.q3).execute();
  const committee = await insert('owners_committees', { ...quarterOf(), term_start: '2024-01-01', term_end: '2029-12-31', status: 'active', ...over });
  const member = await insert('committee_members', { ...quarterOf(), committee_id: committee, owner_id: t.fx.owners.q3[0], name: '赵主任', position: 'chair' });
  return { committee, member };
}

describe('an owners’ committee member', () => {
  it('holds the permissions through the last day of the term and loses them the day after (today in Asia/Shanghai)', async () => {
    const { committee, member } = await committeeWithMember({ term_end: today });
    const s = await linkedAccount('committee', { kind: 'committee_member', id: member });
    expect((await probe(s)).statusCode).toBe(200);
    expect((await s.get(`/api/votes?quarterId=${t.fx.q3}`)).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).json().user.officeEnded).toBeNull();
    expect((await s.get('/api/auth/me')).json().user.permissions).toContain('votes.manage');

    await t.db.kysely.updateTable('owners_committees').set({ term_end: yesterday }).where('id', '=', committee).execute();
    // The same session, at the next request: no job had to run.
    const refused = await probe(s);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('OFFICE_ENDED');
    // The issue's case: the member whose term ended no longer runs the owners' votes.
    const vote = await s.post('/api/votes', voteBody(t.fx.q3));
    expect(vote.statusCode).toBe(403);
    expect((await s.get(`/api/votes?quarterId=${t.fx.q3}`)).statusCode).toBe(403);
    const me = (await s.get('/api/auth/me')).json().user;
    expect(me.permissions).toEqual([]);
    expect(me.officeEnded).toMatchObject({ reason: 'term_ended', since: yesterday });
    expect(me.officeEnded.message).toContain(`任期已于 ${yesterday} 届满`);
    const en = (await s.get('/api/auth/me', { 'accept-language': 'en' })).json().user.officeEnded.message;
    expect(en).toContain(`the term ended on ${yesterday}`);
    // A lapsed account still logs in, to be told why.
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `office${seq}`, password: PASSWORD }, remoteAddress: '10.88.0.1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().user.officeEnded.reason).toBe('term_ended');
    // Outside its place it still looks unknown (scope before permission).
    expect((await s.get(`/api/quarters/${t.fx.q2}/committees`)).statusCode).toBe(404);
  });

  it('judges the term by the day in China Standard Time, not UTC', async () => {
    const { member } = await committeeWithMember({ term_end: '2026-03-31' });
    const link: OfficeLink = { kind: 'committee_member', id: member };
    const db = t.db.kysely;
    expect(await officeRecords.ended(db, link, t.fx.q3, new Date('2026-03-31T23:59:59.999+08:00'))).toBeNull();
    // 2026-04-01 00:00 in Shanghai is still 2026-03-31 in UTC.
    expect(await officeRecords.ended(db, link, t.fx.q3, new Date('2026-04-01T00:00:00+08:00'))).toEqual({ reason: 'term_ended', since: '2026-03-31' });
  });

  it('loses them when removed (through the organisations API, at once)', async () => {
    const { member } = await committeeWithMember();
    const s = await linkedAccount('committee', { kind: 'committee_member', id: member });
    expect((await probe(s)).statusCode).toBe(200);
    const removed = await district.post(`/api/committee-members/${member}/removal`, { removedOn: today, reason: '不再适合担任' });
    expect(removed.statusCode).toBe(200);
    expect((await probe(s)).statusCode).toBe(403);
    expect((await s.get('/api/auth/me')).json().user.officeEnded).toMatchObject({ reason: 'removed', since: today });
  });

  it('loses them when the committee is dissolved, or replaced by a newly elected one', async () => {
    const { committee, member } = await committeeWithMember();
    const s = await linkedAccount('committee', { kind: 'committee_member', id: member });
    // Ended today: today was its last day.
    await t.db.kysely.updateTable('owners_committees').set({ status: 'ended', ended_on: today }).where('id', '=', committee).execute();
    expect((await probe(s)).statusCode).toBe(200);
    await t.db.kysely.updateTable('owners_committees').set({ ended_on: yesterday }).where('id', '=', committee).execute();
    expect((await s.get('/api/auth/me')).json().user.officeEnded).toMatchObject({ reason: 'dissolved', since: yesterday });
    await insert('owners_committees', { ...quarterOf(), term_start: today, term_end: '2030-12-31', status: 'active' });
    expect((await s.get('/api/auth/me')).json().user.officeEnded).toMatchObject({ reason: 'replaced' });
    expect((await probe(s)).statusCode).toBe(403);
  });
});

describe('other offices', () => {
  it('a supervisory committee member removed', async () => {
    const sc = await insert('supervisory_committees', { ...quarterOf(), term_start: '2024-01-01', term_end: '2029-12-31', status: 'active' });
    const m = await insert('supervisory_committee_members', { ...quarterOf(), supervisory_committee_id: sc, owner_id: t.fx.owners.q3[1], name: '钱监委', position: 'chair' });
    const s = await linkedAccount('supervisory', { kind: 'supervisory_member', id: m });
    expect((await probe(s)).statusCode).toBe(200);
    await t.db.kysely.updateTable('supervisory_committee_members').set({ removed_on: today, removal_reason: '辞职' }).where('id', '=', m).execute();
    expect((await probe(s)).statusCode).toBe(403);
  });

  it('a commissioner through the last day of the appointment', async () => {
    const c = await insert('commissioners', { ...quarterOf(), name: '孙专员', phone: '13800000000', started_on: '2024-01-01', ended_on: today });
    const s = await linkedAccount('commissioner', { kind: 'commissioner', id: c });
    expect((await probe(s)).statusCode).toBe(200);
    await t.db.kysely.updateTable('commissioners').set({ ended_on: yesterday }).where('id', '=', c).execute();
    expect((await probe(s)).statusCode).toBe(403);
    expect((await s.get('/api/auth/me')).json().user.officeEnded).toMatchObject({ reason: 'ended', since: yesterday });
  });

  it('a building leader whose service ended', async () => {
    const l = await insert('building_leaders', { ...quarterOf(), building_id: t.fx.buildings.q3[0], name: '李楼长', started_on: '2024-01-01' });
    const s = await linkedAccount('building_leader', { kind: 'building_leader', id: l }, { level: 'building', id: t.fx.buildings.q3[0] });
    expect((await probe(s)).statusCode).toBe(200);
    await t.db.kysely.updateTable('building_leaders').set({ ended_on: yesterday }).where('id', '=', l).execute();
    expect((await probe(s)).statusCode).toBe(403);
  });

  it('a party organisation dissolved: its secretary no longer recommends candidates', async () => {
    const p = await insert('party_organizations', { ...quarterOf(), kind: 'quarter', name: '三号小区党支部' });
    const s = await linkedAccount('party_secretary', { kind: 'party_organization', id: p });
    expect((await probe(s)).statusCode).toBe(200);
    await t.db.kysely.updateTable('party_organizations').set({ dissolved_on: today }).where('id', '=', p).execute();
    expect((await probe(s)).statusCode).toBe(403);
    const recommend = await s.post(`/api/quarters/${t.fx.q3}/candidates`, { ownerId: t.fx.owners.q3[2], name: '人选', recommendedBy: 'party-organization', recommendedOn: today });
    expect(recommend.statusCode).toBe(403);
  });

  it('a company account once its company no longer serves the quarter (replaced by another)', async () => {
    const old = await insert('property_companies', { district_id: t.fx.districtA, name: '原物业', credit_code: '91330106MA2CCCCC1X' });
    const next = await insert('property_companies', { district_id: t.fx.districtA, name: '新物业', credit_code: '91330106MA2CCCCC2X' });
    const contract = await insert('service_contracts', { ...quarterOf(), property_company_id: old, selection_method: 'tender', starts_on: '2020-01-01', fee_standard_fen: 150 });
    const s = await linkedAccount('company', { kind: 'property_company', id: old });
    expect((await probe(s)).statusCode).toBe(200);
    // Terminated today: today is still served.
    await t.db.kysely.updateTable('service_contracts').set({ terminated_on: today }).where('id', '=', contract).execute();
    expect((await probe(s)).statusCode).toBe(200);
    await t.db.kysely.updateTable('service_contracts').set({ terminated_on: yesterday }).where('id', '=', contract).execute();
    await insert('service_contracts', { ...quarterOf(), property_company_id: next, selection_method: 'tender', starts_on: today, fee_standard_fen: 160 });
    expect((await probe(s)).statusCode).toBe(403);
    expect((await s.get('/api/auth/me')).json().user.officeEnded).toMatchObject({ reason: 'not_serving', since: yesterday });
  });

  it('an account linked to no record keeps its role’s permissions, as before', async () => {
    const s = await t.login('committee');
    expect((await s.get(`/api/quarters/${t.fx.q1}/committees`)).statusCode).toBe(200);
    expect((await s.get('/api/auth/me')).json().user.officeEnded).toBeNull();
  });

  it('the accounts page shows which accounts have lapsed, and why', async () => {
    // A page as long as the whole list of this test's accounts (the list is paged).
    const items = (await district.get('/api/users?pageSize=200')).json().items as { username: string; officeEnded: { reason: string; message: string } | null }[];
    // Each committee test began with a fresh committee, so the earlier members' records are gone.
    const lapsed = items.filter((u) => u.officeEnded).map((u) => u.officeEnded!.reason);
    expect(lapsed).toEqual(expect.arrayContaining(['missing', 'replaced', 'removed', 'ended', 'dissolved', 'not_serving']));
    expect(items.find((u) => u.username === 'committee')!.officeEnded).toBeNull();
  });

  it('judges a page of links at once as it judges each link alone (the accounts page and the login)', async () => {
    const db = t.db.kysely;
    const rows = await db.selectFrom('users').select(['office_kind', 'office_id', 'quarter_id']).where('office_id', 'is not', null).execute();
    const items = rows.map((r) => ({ link: { kind: r.office_kind, id: r.office_id } as OfficeLink, quarterId: r.quarter_id }));
    expect(new Set(items.map((i) => i.link.kind)).size).toBeGreaterThanOrEqual(5);
    for (const at of [new Date(), new Date('2026-04-01T00:00:00+08:00')]) {
      const many = await officeRecords.endedMany(db, items, at);
      const one = await Promise.all(items.map(async (i) => ({ record: await officeRecords.record(db, i.link), ended: await officeRecords.ended(db, i.link, i.quarterId, at) })));
      expect(many).toEqual(one);
    }
  });
});
