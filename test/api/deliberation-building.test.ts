// Building-level deliberation through the API (DB3305/T 309—2024 5.1.3.2.2): the building leader
// raises a topic of their building; the household representatives decide it in a
// building-majority vote opened from the topic; the leader posts the result; the building's
// households rate it; what the building cannot settle goes to the quarter with its history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';
import { fixtureCredentials, voteClock, voteOnline, type Credential } from '../support/voting';

let t: TestApp;
let s: Record<'owner' | 'commissioner' | 'committee' | 'leader' | 'grid' | 'otherOwner', Session>;
let creds: Credential[];
const clock = voteClock();

beforeAll(async () => {
  t = await createTestApp();
  creds = await fixtureCredentials(t, 'q1');
  // An owner of a unit of the second building.
  await insertUser(t.db.kysely, { username: 'owner3', displayName: '三号业主', role: 'owner', scopeLevel: 'quarter', scopeId: t.fx.q1, password: PASSWORD, ownerId: t.fx.owners.q1[2], phone: null });
  s = { owner: await t.login('owner'), commissioner: await t.login('commissioner'), committee: await t.login('committee'), leader: await t.login('leader'), grid: await t.login('grid'), otherOwner: await t.login('owner3') };
  clock.set('2026-04-01T09:00:00+08:00');
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

async function buildingTopic(title: string) {
  const res = await s.leader.post('/api/proposals', { quarterId: t.fx.q1, buildingId: t.fx.buildings.q1[0], title, body: '楼道堆放杂物' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('a building’s topic: vote of the household representatives, posting, rating', () => {
  let id: string;
  it('the building leader raises a topic of their own building only', async () => {
    id = await buildingTopic('1幢楼道堆物清理');
    const other = await s.leader.post('/api/proposals', { quarterId: t.fx.q1, buildingId: t.fx.buildings.q1[1], title: 'x' });
    expect([other.statusCode, other.json().error.code]).toEqual([422, 'PROPOSAL_BUILDING_INVALID']);
    const detail = (await s.commissioner.get(`/api/proposals/${id}`)).json();
    expect(detail).toMatchObject({ buildingId: t.fx.buildings.q1[0], buildingName: '1幢', stage: 'topic', channel: 'visit', mayEscalate: true });
    // Not co-signed into a proposal: its households decide it by their vote.
    expect((await s.owner.post(`/api/proposals/${id}/cosign`)).json().error.code).toBe('PROPOSAL_NOT_TOPIC');
  });

  it('no step is skipped: the result is posted only after the vote', async () => {
    const skipped = await s.leader.post(`/api/proposals/${id}/advance`, { to: 'published', notice: '已张贴' });
    expect([skipped.statusCode, skipped.json().error.code, skipped.json().error.details.clause]).toEqual([409, 'PROPOSAL_STEP_SKIPPED', 'DB3305/T 309—2024 5.1.3.2.2']);
    expect((await s.leader.post(`/api/proposals/${id}/vote`, { opensAt: '2026-04-02T08:00:00+08:00', closesAt: '2026-04-10T24:00:00+08:00', article278Item: 9 })).statusCode).toBe(403);
  });

  it('the building-majority vote is opened from the topic and its published result resolves it', async () => {
    const opened = await s.committee.post(`/api/proposals/${id}/vote`, { opensAt: '2026-04-02T08:00:00+08:00', closesAt: '2026-04-10T24:00:00+08:00', article278Item: 9 });
    expect(opened.statusCode, opened.body).toBe(200);
    const voteId = opened.json().voteId as string;
    expect((await s.committee.get(`/api/votes/${voteId}`)).json()).toMatchObject({ rule: 'building-majority', buildingId: t.fx.buildings.q1[0] });
    await t.db.kysely.updateTable('votes').set({ objection_days: 0 }).where('id', '=', voteId).execute();
    expect((await s.committee.post(`/api/votes/${voteId}/open`)).statusCode).toBe(200);
    clock.set('2026-04-05T10:00:00+08:00');
    // The two households of 1幢 (units 1 and 2 of the fixture).
    for (const c of creds.slice(0, 2)) expect((await voteOnline(t, voteId, c, { '1': 'yes' })).statusCode).toBe(201);
    clock.set('2026-04-11T09:00:00+08:00');
    expect((await s.committee.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    clock.set('2026-04-12T09:00:00+08:00');
    expect((await s.committee.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
    const detail = (await s.leader.get(`/api/proposals/${id}`)).json();
    expect(detail).toMatchObject({ stage: 'resolved', voteId, mayTake: ['published'] });
    expect(detail.steps.at(-1)).toMatchObject({ step: 'resolved', actorRole: 'household_representatives', voteId });
  });

  it('the leader posts the result; the building’s households rate it once, others may not', async () => {
    expect((await s.leader.post(`/api/proposals/${id}/advance`, { to: 'published' })).json().error.code).toBe('PROPOSAL_RECORD_MISSING');
    expect((await s.leader.post(`/api/proposals/${id}/advance`, { to: 'published', notice: '已在1幢楼道公示栏张贴' })).json().stage).toBe('published');
    expect((await s.owner.get(`/api/proposals/${id}`)).json()).toMatchObject({ mayRate: true, myRating: null });
    expect((await s.owner.post(`/api/proposals/${id}/rating`, { rating: 'satisfied', comment: '清理干净了' })).statusCode).toBe(200);
    expect((await s.owner.post(`/api/proposals/${id}/rating`, { rating: 'basic' })).json().error.code).toBe('PROPOSAL_ALREADY_RATED');
    const other = await s.otherOwner.post(`/api/proposals/${id}/rating`, { rating: 'dissatisfied' });
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'PROPOSAL_RATING_ROLE']);
    expect((await s.commissioner.get(`/api/proposals/${id}`)).json()).toMatchObject({ ratings: { satisfied: 1, basic: 0, dissatisfied: 0 } });
    expect((await s.leader.post(`/api/proposals/${id}/escalate`, { reason: 'x' })).json().error.code).toBe('PROPOSAL_NOT_ESCALATABLE');
  });
});

describe('what the building cannot settle goes to the quarter with its history', () => {
  it('a new topic of the quarter, the building’s closed with where it went; once', async () => {
    const id = await buildingTopic('1幢外墙渗水');
    expect((await s.owner.post(`/api/proposals/${id}/escalate`, { reason: 'x' })).statusCode).toBe(403);
    const res = await s.grid.post(`/api/proposals/${id}/escalate`, { reason: '需动用专项维修资金，楼道无法决定' });
    expect(res.statusCode, res.body).toBe(200);
    const quarterTopic = res.json().id as string;
    const q = (await s.commissioner.get(`/api/proposals/${quarterTopic}`)).json();
    expect(q).toMatchObject({ buildingId: null, stage: 'topic', escalatedFrom: id, channel: 'visit', title: '1幢外墙渗水' });
    expect(q.body).toContain('1幢楼道议题');
    expect(q.body).toContain('5.1.3.2.2.5');
    const b = (await s.commissioner.get(`/api/proposals/${id}`)).json();
    expect(b).toMatchObject({ stage: 'rejected', escalatedTo: quarterTopic, mayEscalate: false });
    expect(b.steps.at(-1)).toMatchObject({ step: 'escalated', actorRole: 'grid_worker' });
    expect((await s.grid.post(`/api/proposals/${id}/escalate`, { reason: 'again' })).json().error.code).toBe('PROPOSAL_NOT_ESCALATABLE');
    // The quarter's topic takes the quarter's pipeline: the committee proposes it.
    expect((await s.committee.post(`/api/proposals/${quarterTopic}/advance`, { to: 'proposed' })).json().stage).toBe('proposed');
  });
});
