// Organisations (组织建设, T/ZAS 4006.1—2020 5) through the API: the checks contract, the rules enforced on
// save with their citations and exact boundaries, vetting, commissioners, contracts, reminders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addYears } from '../../src/core/dates';
import { keyedHash } from '../../src/server/platform/keys';
import { maskIdNumber } from '../../src/core/idnumber';
import { shanghaiDate } from '../../src/server/modules/organizations/shared';
import { sendTermExpiryReminders } from '../../src/server/modules/organizations/reminders';
import { createTestApp, testIdNumber, type Session, type TestApp } from '../support/app';

let t: TestApp;
let community: Session;
let street: Session;
let district: Session;
const today = shanghaiDate();
const termEnd = addYears(today, 3);

beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('community');
  street = await t.login('street');
  district = await t.login('district');
});
afterAll(async () => {
  await t?.close();
});

/** A quarter in community A1 with `n` person owners who each hold one unit. */
async function quarterWithOwners(n: number, facts: { households?: number } = {}) {
  const res = await community.post('/api/quarters', {
    name: `测试小区${Math.random().toString(36).slice(2, 8)}`,
    communityId: t.fx.communityA1,
    totalBuildingArea: 1_000_000,
    deliveredArea: 800_000,
    firstDeliveryDate: '2015-01-01',
    households: facts.households ?? 200,
  });
  expect(res.statusCode).toBe(201);
  const quarterId = res.json().id as string;
  const k = t.db.kysely;
  const common = { district_id: t.fx.districtA, quarter_id: quarterId };
  const building = await k.insertInto('buildings').values({ ...common, name: '1幢', floors: 6 }).returning('id').executeTakeFirstOrThrow();
  const owners: string[] = [];
  for (let i = 0; i < n; i++) {
    const unit = await k.insertInto('units').values({ ...common, building_id: building.id, number: `1-${101 + i}`, exclusive_area: 9000 }).returning('id').executeTakeFirstOrThrow();
    const id = testIdNumber();
    const owner = await k
      .insertInto('owners')
      .values({ ...common, kind: 'person', name: `业主${i + 1}`, id_number_hash: keyedHash(t.hashKey, id), id_number_masked: maskIdNumber(id) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k.insertInto('unit_owners').values({ ...common, unit_id: unit.id, owner_id: owner.id }).execute();
    owners.push(owner.id);
  }
  return { quarterId, owners, buildingId: building.id };
}

const members = (owners: string[], partyCount: number) =>
  owners.map((ownerId, i) => ({ ownerId, position: i === 0 ? 'chair' : i === 1 ? 'vice-chair' : 'member', isPartyMember: i < partyCount }));

const checkOf = (items: { rule: string }[], rule: string) => items.find((i) => i.rule === rule) as { rule: string; status: string; citation: string; message: string } | undefined;

describe('GET /api/quarters/:id/checks', () => {
  async function formationStatus(deliveredArea: number, firstDeliveryDate: string | null, asOf: string) {
    const res = await community.post('/api/quarters', { name: `面积${deliveredArea}-${asOf}-${firstDeliveryDate}`, communityId: t.fx.communityA1, totalBuildingArea: 1_000_000, deliveredArea, firstDeliveryDate, households: 150 });
    expect(res.statusCode).toBe(201);
    const checks = await community.get(`/api/quarters/${res.json().id}/checks?asOf=${asOf}`);
    expect(checks.statusCode).toBe(200);
    const row = checkOf(checks.json().items, 'committee-formation')!;
    expect(row.citation).toBe('T/ZAS 4006.1—2020 5.4.1');
    return row.status;
  }

  it('answers the exact contract for a quarter created through the API', async () => {
    const res = await community.post('/api/quarters', { name: '契约小区', communityId: t.fx.communityA1, totalBuildingArea: 500_000, deliveredArea: 300_000, firstDeliveryDate: '2020-01-01', households: 80 });
    const checks = await community.get(`/api/quarters/${res.json().id}/checks`);
    expect(checks.statusCode).toBe(200);
    const body = checks.json();
    expect(Object.keys(body)).toEqual(['items']);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(['citation', 'message', 'rule', 'status']);
      expect(['pass', 'warn', 'fail']).toContain(item.status);
      expect(item.citation).not.toBe('');
    }
    expect(checkOf(body.items, 'committee-formation')!.status).toBe('pass');
    // No commissioner yet: ZAS 5.3.1 fails.
    expect(checkOf(body.items, 'commissioner-assigned')).toMatchObject({ status: 'fail', citation: 'T/ZAS 4006.1—2020 5.3.1' });
  });

  it('60% of the area delivered is enough; one 0.01 m² less is not (without the 2 years)', async () => {
    expect(await formationStatus(600_000, null, '2025-01-01')).toBe('pass');
    expect(await formationStatus(599_999, null, '2025-01-01')).toBe('fail');
  });

  it('30% is enough from the day two years after the first delivery, not the day before', async () => {
    expect(await formationStatus(300_000, '2020-03-15', '2022-03-15')).toBe('pass');
    expect(await formationStatus(300_000, '2020-03-15', '2022-03-14')).toBe('fail');
    expect(await formationStatus(299_999, '2020-03-15', '2022-03-15')).toBe('fail');
  });

  it('answers for every quarter in scope and 404 outside it, in English on request', async () => {
    for (const q of [t.fx.q1, t.fx.q2, t.fx.q3]) expect((await district.get(`/api/quarters/${q}/checks`)).statusCode).toBe(200);
    const out = await district.get(`/api/quarters/${t.fx.qb}/checks`, { 'accept-language': 'en' });
    expect(out.statusCode).toBe(404);
    expect(out.json().error.message).toBe('Not found, or outside your scope.');
    const en = await district.get(`/api/quarters/${t.fx.q1}/checks`, { 'accept-language': 'en' });
    expect(checkOf(en.json().items, 'committee-formation')!.message).toMatch(/delivered/);
  });
});

describe('owners’ committee composition is enforced on save', () => {
  it('5 and 11 members save; 4 and 12 are refused with the citation; nothing is half-written', async () => {
    const { quarterId, owners } = await quarterWithOwners(12);
    const body = (n: number, party: number) => ({ termStart: today, termEnd, members: members(owners.slice(0, n), party) });
    for (const [n, party] of [
      [4, 3],
      [12, 7],
      [6, 4],
    ]) {
      const res = await community.post(`/api/quarters/${quarterId}/committees`, body(n, party));
      expect(res.statusCode).toBe(422);
      const err = res.json().error;
      expect(err.code).toBe('RULES_VIOLATED');
      expect(err.details.violations).toContainEqual(expect.objectContaining({ rule: 'committee-size', citation: 'T/ZAS 4006.1—2020 5.4.2' }));
      expect(err.message).toContain('T/ZAS 4006.1—2020 5.4.2');
    }
    expect((await community.get(`/api/quarters/${quarterId}/committees`)).json().items).toEqual([]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('id').where('entity', '=', 'owners_committee').where('quarter_id', '=', quarterId).execute();
    expect(audit).toEqual([]);

    const five = await community.post(`/api/quarters/${quarterId}/committees`, body(5, 3));
    expect(five.statusCode).toBe(201);
    expect(checkOf(five.json().warnings, 'committee-size')).toBeUndefined();
    // Ended, so that the next committee of the same quarter can be active.
    expect((await community.patch(`/api/committees/${five.json().id}`, { status: 'ended' })).statusCode).toBe(200);
    const eleven = await community.post(`/api/quarters/${quarterId}/committees`, body(11, 6));
    expect(eleven.statusCode).toBe(201);
    const checks = (await community.get(`/api/quarters/${quarterId}/checks`)).json().items;
    expect(checkOf(checks, 'committee-size')!.status).toBe('pass');
  });

  it('3 members only when the quarter has fewer than 100 households (99 yes, 100 no)', async () => {
    const small = await quarterWithOwners(3, { households: 99 });
    const ok = await community.post(`/api/quarters/${small.quarterId}/committees`, { termStart: today, termEnd, members: members(small.owners, 2) });
    expect(ok.statusCode).toBe(201);
    const hundred = await quarterWithOwners(3, { households: 100 });
    const refused = await community.post(`/api/quarters/${hundred.quarterId}/committees`, { termStart: today, termEnd, members: members(hundred.owners, 2) });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['committee-size']);
  });

  it('term of 3 to 5 years: 3 years to the day and 5 years save, a day short is refused', async () => {
    const { quarterId, owners } = await quarterWithOwners(5);
    const short = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: '2026-06-01', termEnd: '2029-05-31', members: members(owners, 3) });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details.violations).toContainEqual(expect.objectContaining({ rule: 'committee-term', citation: 'T/ZAS 4006.1—2020 5.4.2' }));
    const long = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: '2026-06-01', termEnd: '2031-06-02', members: members(owners, 3) });
    expect(long.statusCode).toBe(422);
    const ok = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: '2026-06-01', termEnd: '2029-06-01', members: members(owners, 3) });
    expect(ok.statusCode).toBe(201);
  });

  it('party share: below 30% is refused, between 30% and 50% saves with a warning, exactly 50% and 30% as the rule says', async () => {
    const { quarterId, owners } = await quarterWithOwners(11);
    // 3 of 11 = 27.3%: below the floor.
    const low = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: today, termEnd, members: members(owners, 3) });
    expect(low.statusCode).toBe(422);
    expect(low.json().error.details.violations).toEqual([expect.objectContaining({ rule: 'committee-party-share', citation: expect.stringContaining('西政办〔2020〕29号') })]);
    // 4 of 11 = 36.4%: saved, with the warning.
    const warn = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: today, termEnd, members: members(owners, 4) });
    expect(warn.statusCode).toBe(201);
    expect(checkOf(warn.json().warnings, 'committee-party-share')!.status).toBe('warn');
    const committee = (await community.get(`/api/committees/${warn.json().id}`)).json();
    const party = committee.members.filter((m: { isPartyMember: boolean }) => m.isPartyMember);
    // Removing a party member leaves 3 of 10 = exactly 30%: still only a warning. A removal is never refused.
    const removed = await community.post(`/api/committee-members/${party[3].id}/removal`, { removedOn: today, reason: '迁出本小区' });
    expect(removed.statusCode).toBe(200);
    let checks = (await community.get(`/api/quarters/${quarterId}/checks`)).json().items;
    expect(checkOf(checks, 'committee-party-share')!.status).toBe('warn');
    expect(checkOf(checks, 'committee-size')!.status).toBe('fail');
    // Making two more members party members: 5 of 10 = exactly 50%, passes.
    const nonParty = committee.members.filter((m: { isPartyMember: boolean }) => !m.isPartyMember);
    expect((await community.patch(`/api/committee-members/${nonParty[0].id}`, { isPartyMember: true })).statusCode).toBe(200);
    expect((await community.patch(`/api/committee-members/${nonParty[1].id}`, { isPartyMember: true })).statusCode).toBe(200);
    checks = (await community.get(`/api/quarters/${quarterId}/checks`)).json().items;
    expect(checkOf(checks, 'committee-party-share')!.status).toBe('pass');
    // Turning 3 back would give 2 of 10 = 20%: refused, and the member keeps their flag.
    const down = await community.patch(`/api/committee-members/${nonParty[0].id}`, { isPartyMember: false });
    expect(down.statusCode).toBe(200);
    const down2 = await community.patch(`/api/committee-members/${nonParty[1].id}`, { isPartyMember: false });
    expect(down2.statusCode).toBe(200);
    const down3 = await community.patch(`/api/committee-members/${party[0].id}`, { isPartyMember: false });
    expect(down3.statusCode).toBe(422);
    expect(down3.json().error.details.violations[0].rule).toBe('committee-party-share');
  });

  it('a committee with 3 or more party members and no party organisation gets the ZAS 5.1.2 warning', async () => {
    const { quarterId, owners } = await quarterWithOwners(5);
    const res = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: today, termEnd, members: members(owners, 3) });
    expect(res.statusCode).toBe(201);
    expect(checkOf(res.json().warnings, 'party-organization-required')).toMatchObject({ status: 'warn', citation: expect.stringContaining('5.1.2') });
    const po = await community.post('/api/party-organizations', { kind: 'committee', ownersCommitteeId: res.json().id, name: '业委会党支部', memberCount: 3 });
    expect(po.statusCode).toBe(201);
    const checks = (await community.get(`/api/quarters/${quarterId}/checks`)).json().items;
    expect(checks.filter((c: { rule: string; status: string }) => c.rule === 'party-organization-required' && c.status !== 'pass')).toEqual([]);
  });

  it('members must be owners of the quarter; English messages on request', async () => {
    const { quarterId, owners } = await quarterWithOwners(4);
    const res = await community.post(
      `/api/quarters/${quarterId}/committees`,
      { termStart: today, termEnd, members: [...members(owners, 3), { ownerId: t.fx.owners.q2[0], position: 'member' }] },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('INVALID_REFERENCE');
    expect(res.json().error.message).toBe('The owner does not exist in this quarter.');
    expect(res.json().error.details.issues).toEqual([{ path: 'members.4.ownerId', message: 'no such owner in this quarter' }]);
  });

  it('a refused save lists its violations under error.details, in the caller’s language', async () => {
    const { quarterId, owners } = await quarterWithOwners(4);
    const body = { termStart: today, termEnd, members: members(owners, 3) };
    const en = (await community.post(`/api/quarters/${quarterId}/committees`, body, { 'accept-language': 'en' })).json().error;
    expect(en.code).toBe('RULES_VIOLATED');
    expect(en.violations).toBeUndefined();
    const size = en.details.violations.find((v: { rule: string }) => v.rule === 'committee-size');
    expect(size).toMatchObject({ citation: 'T/ZAS 4006.1—2020 5.4.2' });
    expect(size.message).toMatch(/^[\x20-\x7e’“”—–…]+$/);
    expect(en.message).toMatch(/^Not saved: /);
    const zh = (await community.post(`/api/quarters/${quarterId}/committees`, body)).json().error;
    expect(zh.details.violations.find((v: { rule: string }) => v.rule === 'committee-size').message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('yearly training and appraisal are recorded and judged (BG 二（二）7)', async () => {
    const { quarterId, owners } = await quarterWithOwners(5);
    const c = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: today, termEnd, members: members(owners, 3) });
    const committee = (await community.get(`/api/committees/${c.json().id}`)).json();
    const training = await community.post(`/api/committees/${committee.id}/trainings`, { heldOn: today, topic: '业委会履职培训', memberIds: committee.members.map((m: { id: string }) => m.id) });
    expect(training.statusCode).toBe(201);
    const checks = (await community.get(`/api/quarters/${quarterId}/checks`)).json().items;
    expect(checkOf(checks, 'committee-training-yearly')).toMatchObject({ status: 'pass', citation: expect.stringContaining('百委〔2023〕37号') });
    const appraisal = await community.post(`/api/committees/${committee.id}/appraisals`, { appraisedOn: today, results: [{ memberId: committee.members[0].id, rating: 'excellent' }] });
    expect(appraisal.statusCode).toBe(201);
    const commitments = await community.patch(`/api/committee-members/${committee.members[0].id}`, { commitmentsSignedOn: today });
    expect(commitments.statusCode).toBe(200);
    const after = (await community.get(`/api/committees/${committee.id}`)).json();
    expect(after.members[0]).toMatchObject({ commitmentsSignedOn: today, trainingDates: [today] });
    expect(after.appraisals).toHaveLength(1);
  });
});

describe('candidate vetting (BG 二（二）5–6)', () => {
  const allMet = { 'law-abiding': true, 'full-capacity': true, 'time-available': true, 'coordination-ability': true, 'ten-exclusions': true };

  it('recommend → community pre-review → street review → joint department review → committee member', async () => {
    const { quarterId, owners } = await quarterWithOwners(5);
    const party = await community.post('/api/party-organizations', { kind: 'quarter', quarterId, name: '小区党支部', memberCount: 8 });
    expect(party.statusCode).toBe(201);
    const ids: string[] = [];
    for (const [i, ownerId] of owners.entries()) {
      const res = await community.post(`/api/quarters/${quarterId}/candidates`, {
        ownerId,
        recommendedBy: i % 2 ? 'co-signing-owners' : 'party-organization',
        coSignerCount: i % 2 ? 12 : null,
        recommendedOn: today,
        skills: i === 0 ? ['finance'] : ['law'],
        isPartyMember: i < 3,
        inReservePool: true,
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    // Out of order: the street cannot review before the community.
    const early = await street.post(`/api/candidates/${ids[0]}/reviews`, { step: 'street-review', decision: 'approve', opinion: '同意', reviewedOn: today, checklist: allMet });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('VETTING_OUT_OF_ORDER');
    // The wrong office for the step.
    const wrong = await street.post(`/api/candidates/${ids[0]}/reviews`, { step: 'community-pre-review', decision: 'approve', opinion: '同意', reviewedOn: today, checklist: allMet });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('VETTING_WRONG_OFFICE');
    // Approval needs the binding checklist items.
    const incomplete = await community.post(`/api/candidates/${ids[0]}/reviews`, { step: 'community-pre-review', decision: 'approve', opinion: '同意', reviewedOn: today });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('CHECKLIST_INCOMPLETE');
    expect(incomplete.json().error.message).toContain('T/ZAS 4006.1—2020 5.4.3');
    const unmet = await community.post(`/api/candidates/${ids[0]}/reviews`, { step: 'community-pre-review', decision: 'approve', opinion: '同意', reviewedOn: today, checklist: { ...allMet, 'ten-exclusions': false } });
    expect(unmet.statusCode).toBe(422);
    expect(unmet.json().error.code).toBe('CANDIDATE_DISQUALIFIED');

    // Seating a candidate who has not passed is refused.
    const notYet = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: today, termEnd, members: ids.map((candidateId) => ({ candidateId, position: 'member' })) });
    expect(notYet.statusCode).toBe(422);
    expect(notYet.json().error.code).toBe('CANDIDATE_NOT_APPROVED');

    for (const id of ids) {
      expect((await community.post(`/api/candidates/${id}/reviews`, { step: 'community-pre-review', decision: 'approve', opinion: '符合条件', reviewedOn: today, checklist: allMet })).statusCode).toBe(201);
      expect((await street.post(`/api/candidates/${id}/reviews`, { step: 'street-review', decision: 'approve', opinion: '同意', reviewedOn: today })).statusCode).toBe(201);
      const joint = await district.post(`/api/candidates/${id}/reviews`, { step: 'joint-department-review', decision: 'approve', opinion: '无异议', reviewedOn: today, departments: ['住建', '公安', '民政'] });
      expect(joint.statusCode).toBe(201);
      expect(joint.json().status).toBe('approved');
    }
    const again = await district.post(`/api/candidates/${ids[0]}/reviews`, { step: 'joint-department-review', decision: 'approve', opinion: '再审', reviewedOn: today });
    expect(again.statusCode).toBe(409);

    const candidate = (await community.get(`/api/candidates/${ids[0]}`)).json();
    expect(candidate.reviews.map((r: { step: string }) => r.step)).toEqual(['community-pre-review', 'street-review', 'joint-department-review']);
    expect(candidate.reviews[2]).toMatchObject({ reviewerName: '测试district', opinion: '无异议', reviewedOn: today, departments: ['住建', '公安', '民政'] });
    expect(candidate.checklist.find((i: { id: string }) => i.id === 'ten-exclusions')).toMatchObject({ answer: true, citation: '百委〔2023〕37号 二（二）5' });

    const formed = await street.post(`/api/quarters/${quarterId}/committees`, {
      termStart: today,
      termEnd,
      members: ids.map((candidateId, i) => ({ candidateId, position: i === 0 ? 'chair' : i === 1 ? 'vice-chair' : 'member' })),
    });
    expect(formed.statusCode).toBe(201);
    const committee = (await street.get(`/api/committees/${formed.json().id}`)).json();
    expect(committee.members).toHaveLength(5);
    expect(committee.partyMemberCount).toBe(3);
    const seated = (await community.get(`/api/quarters/${quarterId}/candidates`)).json().items;
    expect(seated.every((c: { seated: boolean; inReservePool: boolean }) => c.seated && !c.inReservePool)).toBe(true);
  });

  it('the reviewers’ action pages list what waits for their step', async () => {
    const { quarterId, owners } = await quarterWithOwners(1);
    const rec = await community.post(`/api/quarters/${quarterId}/candidates`, { ownerId: owners[0], recommendedBy: 'co-signing-owners', coSignerCount: 20, recommendedOn: today });
    const id = rec.json().id;
    const ids = (s: Session) => s.get('/api/organizations/actions').then((r) => r.json().vetting.map((c: { id: string }) => c.id));
    expect(await ids(community)).toContain(id);
    expect(await ids(street)).not.toContain(id);
    await community.post(`/api/candidates/${id}/reviews`, { step: 'community-pre-review', decision: 'approve', opinion: '同意', reviewedOn: today, checklist: allMet });
    expect(await ids(community)).not.toContain(id);
    expect(await ids(street)).toContain(id);
    await street.post(`/api/candidates/${id}/reviews`, { step: 'street-review', decision: 'reject', opinion: '群众意见较大', reviewedOn: today });
    expect(await ids(street)).not.toContain(id);
    expect((await community.get(`/api/candidates/${id}`)).json()).toMatchObject({ status: 'rejected', inReservePool: false });
    const pool = await community.patch(`/api/candidates/${id}`, { inReservePool: true });
    expect(pool.statusCode).toBe(422);
  });
});

describe('commissioners (ZAS 5.3.1) and property companies (ZAS 5.5.2)', () => {
  it('one trained commissioner per quarter: a second or an untrained one is refused', async () => {
    const { quarterId } = await quarterWithOwners(0);
    const untrained = await community.post(`/api/quarters/${quarterId}/commissioners`, { name: '王专员', phone: '13800000001', startedOn: today });
    expect(untrained.statusCode).toBe(422);
    expect(untrained.json().error.details.violations).toContainEqual(expect.objectContaining({ rule: 'commissioner-assigned', citation: 'T/ZAS 4006.1—2020 5.3.1' }));
    // Trained on the day of taking office is enough.
    const ok = await community.post(`/api/quarters/${quarterId}/commissioners`, { name: '王专员', phone: '13800000001', trainedOn: today, startedOn: today, photoPath: '/photos/wang.jpg' });
    expect(ok.statusCode).toBe(201);
    const second = await community.post(`/api/quarters/${quarterId}/commissioners`, { name: '李专员', phone: '13800000002', trainedOn: today, startedOn: today });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.details.violations[0].rule).toBe('commissioner-assigned');
    // Only the offices appoint.
    const commissioner = await t.login('commissioner');
    expect((await commissioner.post(`/api/quarters/${t.fx.q1}/commissioners`, { name: '赵', phone: '1', trainedOn: today, startedOn: today })).statusCode).toBe(403);
    // The public profile: name, phone, photo, to every account of the quarter.
    const profile = (await community.get(`/api/quarters/${quarterId}/commissioner-profile`)).json();
    expect(profile.items).toEqual([{ name: '王专员', phone: '13800000001', photoPath: '/photos/wang.jpg', photoUrl: null }]);
    const checks = (await community.get(`/api/quarters/${quarterId}/checks`)).json().items;
    expect(checks.filter((c: { rule: string }) => c.rule === 'commissioner-assigned').every((c: { status: string }) => c.status === 'pass')).toBe(true);
  });

  it('a second company in the same area on any day is refused; a successor after the end is not', async () => {
    const { quarterId } = await quarterWithOwners(0);
    const a = await community.post('/api/property-companies', { name: '甲物业', creditCode: '91330106MA2AAAAA1X', partyMemberCount: 2 });
    expect(a.statusCode).toBe(201);
    const b = await community.post('/api/property-companies', { name: '乙物业', creditCode: '91330106MA2BBBBB2X' });
    const first = await community.post(`/api/quarters/${quarterId}/contracts`, { propertyCompanyId: a.json().id, selectionMethod: 'tender', startsOn: '2024-01-01', endsOn: '2026-12-31', feeStandardFen: 180, serviceStandard: '二级' });
    expect(first.statusCode).toBe(201);
    const overlap = await community.post(`/api/quarters/${quarterId}/contracts`, { propertyCompanyId: b.json().id, selectionMethod: 'assembly-vote', startsOn: '2026-12-31', endsOn: '2029-12-31', feeStandardFen: 200 });
    expect(overlap.statusCode).toBe(422);
    expect(overlap.json().error.details.violations).toEqual([expect.objectContaining({ rule: 'single-property-company', citation: 'T/ZAS 4006.1—2020 5.5.2' })]);
    const next = await community.post(`/api/quarters/${quarterId}/contracts`, { propertyCompanyId: b.json().id, selectionMethod: 'assembly-vote', startsOn: '2027-01-01', endsOn: '2029-12-31', feeStandardFen: 200 });
    expect(next.statusCode).toBe(201);
    const list = (await community.get(`/api/quarters/${quarterId}/contracts`)).json().items;
    expect(list.map((c: { companyName: string }) => c.companyName)).toEqual(['乙物业', '甲物业']);
    expect(list[1]).toMatchObject({ feeStandardFen: 180, selectionMethod: 'tender' });
  });
});

describe('term expiry reminders (90 days, ZAS 5.4.2)', () => {
  it('reach the commissioner and the community office once, from 90 days before the end', async () => {
    const k = t.db.kysely;
    // An active committee of q1 ending on 2027-03-01, written directly: its composition is not the point here.
    const c = await k
      .insertInto('owners_committees')
      .values({ district_id: t.fx.districtA, quarter_id: t.fx.q1, term_start: '2024-03-01', term_end: '2027-03-01', status: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // 91 days before: nothing yet (2026-11-30 is 91 days before 2027-03-01).
    expect((await sendTermExpiryReminders(k, new Date('2026-11-30T04:00:00Z'))).created).toBe(0);
    // 90 days before: one reminder each for the commissioner and the community office of q1.
    expect((await sendTermExpiryReminders(k, new Date('2026-12-01T04:00:00Z'))).created).toBe(2);
    expect((await sendTermExpiryReminders(k, new Date('2026-12-02T04:00:00Z'))).created).toBe(0);
    for (const username of ['commissioner', 'community']) {
      const inbox = (await (await t.login(username)).get('/api/inbox')).json().items;
      const item = inbox.find((i: { kind: string }) => i.kind === 'committee-term-expiring');
      expect(item.title).toContain('2027-03-01');
      expect(item.title).toContain('T/ZAS 4006.1—2020 5.4.2');
    }
    // Not the street, nor the commissioner of another quarter.
    for (const username of ['street', 'commissioner2']) {
      const inbox = (await (await t.login(username)).get('/api/inbox')).json().items;
      expect(inbox.filter((i: { kind: string }) => i.kind.startsWith('committee-term'))).toEqual([]);
    }
    // Expired without a successor: a second reminder, once.
    expect((await sendTermExpiryReminders(k, new Date('2027-03-02T04:00:00Z'))).created).toBe(2);
    expect((await sendTermExpiryReminders(k, new Date('2027-03-03T04:00:00Z'))).created).toBe(0);
    // The community office's action page lists the expiring term.
    await k.updateTable('owners_committees').set({ term_end: addDays(today, 30) }).where('id', '=', c.id).execute();
    const actions = (await community.get('/api/organizations/actions')).json();
    expect(actions.expiringTerms).toContainEqual(expect.objectContaining({ quarterId: t.fx.q1, daysLeft: 30, expired: false }));
    await k.deleteFrom('owners_committees').where('id', '=', c.id).execute();
  });
});

describe('the dossier shows the organisations', () => {
  it('with the checks and their citations', async () => {
    const dossier = (await community.get(`/api/quarters/${t.fx.q1}/dossier`)).json();
    const section = dossier.sections.find((s: { key: string }) => s.key === 'organizations');
    expect(section.title).toBe('组织建设');
    expect(section.data.checks.length).toBeGreaterThan(0);
    expect(section.data.checks.every((c: { citation: string }) => c.citation.length > 0)).toBe(true);
    // An owner does not read organisations: the section is left out.
    const owner = await t.login('owner');
    const own = (await owner.get(`/api/quarters/${t.fx.q1}/dossier`)).json();
    expect((own.sections ?? []).find((s: { key: string }) => s.key === 'organizations')).toBeUndefined();
  });
});

describe("the to-do list keeps each quarter's judgement (docs/scaling.md)", () => {
  /** The failing checks of the community's to-do list, by quarter, and those /checks gives now. */
  async function compareWithChecks(quarterIds: string[]) {
    const listed = (await community.get('/api/organizations/actions?pageSize=200')).json().failingChecks.items as { quarterId: string; rule: string; message: string }[];
    for (const q of quarterIds) {
      const live = ((await community.get(`/api/quarters/${q}/checks`)).json().items as { rule: string; status: string; message: string }[]).filter((c) => c.status === 'fail');
      expect(listed.filter((c) => c.quarterId === q).map((c) => `${c.rule}:${c.message}`)).toEqual(live.map((c) => `${c.rule}:${c.message}`));
    }
  }

  it('judges a quarter again after any write to what the rules read, and only then', async () => {
    const k = t.db.kysely;
    const { quarterId, owners } = await quarterWithOwners(6);
    await compareWithChecks([quarterId, t.fx.q1]);
    const state = () => k.selectFrom('quarter_check_state').select(['stale', 'generation', 'judged_on']).where('quarter_id', '=', quarterId).executeTakeFirstOrThrow();
    expect(await state()).toMatchObject({ stale: false, judged_on: today });
    // A second call judges nothing again.
    const generation = (await state()).generation;
    await community.get('/api/organizations/actions');
    expect((await state()).generation).toBe(generation);

    // A committee through the API, then a member's flat sold in the registry (ownerships).
    const committee = await community.post(`/api/quarters/${quarterId}/committees`, { termStart: today, termEnd, members: members(owners.slice(0, 5), 3) });
    expect(committee.statusCode).toBe(201);
    expect((await state()).stale).toBe(true);
    await compareWithChecks([quarterId]);
    await k.deleteFrom('unit_owners').where('owner_id', '=', owners[0]).execute();
    expect((await state()).stale).toBe(true);
    await compareWithChecks([quarterId]);
    const rules = (await community.get('/api/organizations/actions?pageSize=200&rule=committee-members-are-owners')).json().failingChecks.items;
    expect(rules.map((c: { quarterId: string }) => c.quarterId)).toContain(quarterId);

    // A commissioner written directly, then the quarter's own facts changed.
    await k.insertInto('commissioners').values({ district_id: t.fx.districtA, quarter_id: quarterId, name: '李专员', phone: '13900001111', started_on: '2020-01-01', trained_on: '2020-01-01' }).execute();
    await compareWithChecks([quarterId]);
    await k.updateTable('quarters').set({ households: 20 }).where('id', '=', quarterId).execute();
    await compareWithChecks([quarterId]);
  });

  it('calls that judge the same stale quarters at once all answer, with the same list', async () => {
    await t.db.kysely.updateTable('quarter_check_state').set({ stale: true }).execute();
    const answers = await Promise.all([community, street, district, community].map((s) => s.get('/api/organizations/actions?pageSize=200')));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(answers[3].json().failingChecks).toEqual(answers[0].json().failingChecks);
    await compareWithChecks([t.fx.q1]);
  });

  it('a judgement started before a write does not keep what it read', async () => {
    const k = t.db.kysely;
    await community.get('/api/organizations/actions');
    const { generation } = await k.selectFrom('quarter_check_state').select('generation').where('quarter_id', '=', t.fx.q1).executeTakeFirstOrThrow();
    // A write between reading the generation and keeping the result raises the generation;
    // the conditional upsert then leaves the quarter stale.
    await k.updateTable('quarters').set({ households: 321 }).where('id', '=', t.fx.q1).execute();
    await k
      .insertInto('quarter_check_state')
      .values({ quarter_id: t.fx.q1, generation, stale: false, judged_on: today, pack: 'ZAS' })
      .onConflict((oc) => oc.column('quarter_id').doUpdateSet({ stale: false }).where('quarter_check_state.generation', '=', (eb) => eb.ref('excluded.generation')))
      .execute();
    expect((await k.selectFrom('quarter_check_state').select('stale').where('quarter_id', '=', t.fx.q1).executeTakeFirstOrThrow()).stale).toBe(true);
    await compareWithChecks([t.fx.q1]);
  });
});
