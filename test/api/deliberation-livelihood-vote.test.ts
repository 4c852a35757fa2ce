// Choosing among the year's livelihood-project candidates by one vote (T/ZAS 4006.1—2020 6.2.5.2):
// one owners' assembly vote of the voting module, one item per candidate; a candidate is chosen
// when its own item passes under 民法典 第278条 (more than half of the members and of the area
// that took part), so at the boundary: 5 of 8 in favour chooses it, exactly 4 of 8 does not. The
// chosen become actions once the result is published; the vote's refusals name the clause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';
import { AFTER, bulkQuarter, DURING, voteClock, voteOnline, WINDOW } from '../support/voting';

const clock = voteClock();
let t: TestApp;
let q: Awaited<ReturnType<typeof bulkQuarter>>;
let commissioner: Session;
let office: Session;
let company: Session;
const candidates: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  clock.set('2026-03-01T09:00:00+08:00');
  // Ten units of equal area, one owner each.
  q = await bulkQuarter(t, { units: Array.from({ length: 10 }, (_, i) => ({ area: 9000, owners: [i] })), ownerCount: 10, name: '民生小区' });
  for (const [username, role] of [['lcommissioner', 'commissioner'], ['lcompany', 'company']] as const) {
    await insertUser(t.db.kysely, { username, displayName: username, role, scopeLevel: 'quarter', scopeId: q.quarterId, password: PASSWORD, ownerId: null, phone: null });
  }
  commissioner = await t.login('lcommissioner');
  company = await t.login('lcompany');
  office = await t.login('community');
  for (const title of ['加装电梯扶手', '增设儿童游乐设施', '改造地下车库照明', '明年的候选']) {
    const res = await commissioner.post('/api/proposals', { quarterId: q.quarterId, title, channel: 'reception', raisedByName: '居民', livelihoodYear: title === '明年的候选' ? 2027 : 2026 });
    expect(res.statusCode, res.body).toBe(201);
    candidates.push(res.json().id);
  }
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

const body = (over: Record<string, unknown> = {}) => ({ year: 2026, candidateIds: candidates.slice(0, 3), ...WINDOW, article278Item: 9, responsible: 'company', dueDate: '2026-12-31', ...over });

describe('a vote among the livelihood-project candidates', () => {
  it('refuses fewer than two candidates, another year’s candidate, and roles that do not run votes', async () => {
    const one = await commissioner.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body({ candidateIds: [candidates[0]] }));
    expect([one.statusCode, one.json().error.code]).toEqual([422, 'LIVELIHOOD_VOTE_SIZE']);
    expect(one.json().error.message).toContain('T/ZAS 4006.1—2020 6.2.5.2');
    const twice = await commissioner.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body({ candidateIds: [candidates[0], candidates[0]] }));
    expect(twice.json().error.code).toBe('LIVELIHOOD_VOTE_SIZE');
    const nextYear = await commissioner.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body({ candidateIds: [candidates[0], candidates[3]] }));
    expect([nextYear.statusCode, nextYear.json().error.code]).toEqual([422, 'LIVELIHOOD_NOT_CANDIDATE']);
    expect((await company.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body())).statusCode).toBe(403);
  });

  let voteId: string;
  it('opens one vote of the voting module with one item per candidate; a candidate in it is not put to another', async () => {
    const res = await commissioner.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body());
    expect(res.statusCode, res.body).toBe(201);
    voteId = res.json().voteId;
    const vote = (await commissioner.get(`/api/votes/${voteId}`)).json();
    expect(vote).toMatchObject({ title: '2026年度民生实事表决', rule: 'civil-code-278' });
    expect(vote.items.map((i: { title: string }) => i.title)).toEqual(['加装电梯扶手', '增设儿童游乐设施', '改造地下车库照明']);
    const again = await commissioner.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body({ candidateIds: [candidates[0], candidates[1]] }));
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'LIVELIHOOD_IN_VOTE']);
    const list = (await office.get(`/api/quarters/${q.quarterId}/livelihood-projects?year=2026`)).json();
    expect(list.votes).toEqual([expect.objectContaining({ voteId, status: 'draft', candidates: 3, chosen: 0, resolved: false })]);
    expect(list.items.find((i: { id: string }) => i.id === candidates[0])).toMatchObject({ chosenBy: null, vote: { voteId, chosen: null }, actions: [] });
  });

  it('at the boundary of 民法典 第278条: 5 of 8 in favour chooses a candidate, exactly 4 of 8 does not; the chosen become actions', async () => {
    await t.db.kysely.updateTable('votes').set({ objection_days: 0 }).where('id', '=', voteId).execute();
    expect((await commissioner.post(`/api/votes/${voteId}/open`)).statusCode).toBe(200);
    clock.set(DURING);
    // Eight of ten take part (the quorum is two thirds); item 1: 5 yes, item 2: 4 yes 4 no, item 3: 2 yes.
    for (const [i, c] of q.credentials.slice(0, 8).entries()) {
      const res = await voteOnline(t, voteId, c, { '1': i < 5 ? 'yes' : 'no', '2': i < 4 ? 'yes' : 'no', '3': i < 2 ? 'yes' : 'abstain' });
      expect(res.statusCode, res.body).toBe(201);
    }
    clock.set(AFTER);
    expect((await commissioner.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    // Nothing is chosen before the result is published.
    expect((await office.get(`/api/quarters/${q.quarterId}/livelihood-projects?year=2026`)).json().chosen).toBe(0);
    clock.set('2026-03-17T09:00:00+08:00');
    expect((await commissioner.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);

    const list = (await office.get(`/api/quarters/${q.quarterId}/livelihood-projects?year=2026`)).json();
    const item = (id: string) => list.items.find((i: { id: string }) => i.id === id);
    expect(item(candidates[0])).toMatchObject({ chosenBy: 'vote', vote: { voteId, chosen: true } });
    expect(item(candidates[0]).actions).toEqual([expect.objectContaining({ title: '加装电梯扶手', responsible: 'company', dueDate: '2026-12-31', status: 'open', meetingId: null, voteId })]);
    expect(item(candidates[1])).toMatchObject({ chosenBy: null, vote: { voteId, chosen: false }, actions: [] });
    expect(item(candidates[2])).toMatchObject({ chosenBy: null, vote: { voteId, chosen: false }, actions: [] });
    expect(list).toMatchObject({ candidates: 3, chosen: 1, done: 0, votes: [expect.objectContaining({ status: 'published', chosen: 1, resolved: true })] });

    // Read again (and by the periodic job): the chosen candidate has one action, not two.
    await t.app.services.modules.jobs.find((j) => j.name === 'deliberation.livelihood-votes')!.run(t.db.kysely, new Date());
    const again = (await office.get(`/api/quarters/${q.quarterId}/livelihood-projects?year=2026`)).json();
    expect(again.items.find((i: { id: string }) => i.id === candidates[0]).actions).toHaveLength(1);

    // The action is tracked like a meeting's: the responsible party reports on it.
    const actionId = item(candidates[0]).actions[0].id;
    const detail = (await company.get(`/api/actions/${actionId}`)).json();
    expect(detail).toMatchObject({ meetingId: null, voteId, meetingTitle: '2026年度民生实事表决', mayUpdate: true });
    expect(detail.resolution).toContain('T/ZAS 4006.1—2020 6.2.5.2');
    expect((await company.post(`/api/actions/${actionId}/progress`, { note: '扶手已订货' })).statusCode).toBe(200);
  });

  it('a chosen candidate is not put to a vote again; one not chosen may be', async () => {
    const chosen = await commissioner.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body({ candidateIds: [candidates[0], candidates[1]] }));
    expect([chosen.statusCode, chosen.json().error.code]).toEqual([409, 'LIVELIHOOD_ALREADY_SETTLED']);
    const retry = await commissioner.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body({ candidateIds: [candidates[1], candidates[2]], opensAt: '2026-04-01T08:00:00+08:00', closesAt: '2026-04-15T24:00:00+08:00' }));
    expect(retry.statusCode, retry.body).toBe(201);
  });

  it('two votes opened at once do not both take the same candidates', async () => {
    const fresh: string[] = [];
    for (const title of ['更换垃圾分类亭', '增设快递柜']) fresh.push((await commissioner.post('/api/proposals', { quarterId: q.quarterId, title, channel: 'reception', raisedByName: '居民', livelihoodYear: 2026 })).json().id);
    const later = { candidateIds: fresh, opensAt: '2026-05-01T08:00:00+08:00', closesAt: '2026-05-15T24:00:00+08:00' };
    const answers = await Promise.all([commissioner.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body(later)), office.post(`/api/quarters/${q.quarterId}/livelihood-votes`, body(later))]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('LIVELIHOOD_IN_VOTE');
  });
});
