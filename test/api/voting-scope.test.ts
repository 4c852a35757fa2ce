// Scope before role for every voting route: an id outside the caller's scope answers exactly
// like an unknown id (404); inside the scope, a role without the permission gets 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { PNG, fixtureCredentials, openedVote, voteBody, voteClock } from '../support/voting';

let t: TestApp;
let voteQ1: string;
let draftQ1: string;
let scanId: string;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const clock = voteClock();

beforeAll(async () => {
  t = await createTestApp();
  clock.set('2026-03-01T09:00:00+08:00');
  const committee = await t.login('committee');
  await fixtureCredentials(t, 'q1');
  voteQ1 = await openedVote(committee, t.fx.q1);
  draftQ1 = (await committee.post('/api/votes', voteBody(t.fx.q1))).json().id;
  clock.set('2026-03-05T09:00:00+08:00');
  scanId = (await committee.upload(`/api/votes/${voteQ1}/scans`, 's.png', PNG)).json().id;
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

type Call = (s: Session, id: string) => Promise<{ statusCode: number }>;
const routes: [string, Call][] = [
  ['GET /api/votes/:id', (s, id) => s.get(`/api/votes/${id}`)],
  ['POST /api/votes/:id/open', (s, id) => s.post(`/api/votes/${id}/open`)],
  ['GET /api/votes/:id/turnout', (s, id) => s.get(`/api/votes/${id}/turnout`)],
  ['GET /api/votes/:id/roll-units', (s, id) => s.get(`/api/votes/${id}/roll-units`)],
  ['GET /api/votes/:id/entries', (s, id) => s.get(`/api/votes/${id}/entries`)],
  ['GET /api/votes/:id/not-voted', (s, id) => s.get(`/api/votes/${id}/not-voted`)],
  ['GET /api/votes/:id/not-voted.xlsx', (s, id) => s.get(`/api/votes/${id}/not-voted.xlsx`)],
  ['POST /api/votes/:id/scans', (s, id) => s.upload(`/api/votes/${id}/scans`, 'x.png', PNG)],
  ['GET /api/votes/:id/scans/:scanId', (s, id) => s.get(`/api/votes/${id}/scans/${scanId}`)],
  ['POST /api/votes/:id/paper-ballots', (s, id) => s.post(`/api/votes/${id}/paper-ballots`, { unitId: t.fx.units.q1[0], choices: { '1': 'yes', '2': 'yes' }, scanId })],
  ['POST /api/votes/:id/proxy-ballots', (s, id) => s.post(`/api/votes/${id}/proxy-ballots`, { unitId: t.fx.units.q1[0], choices: { '1': 'yes', '2': 'yes' }, proxyHolder: '张三' })],
  ['POST /api/votes/:id/close', (s, id) => s.post(`/api/votes/${id}/close`)],
  ['GET /api/votes/:id/objections', (s, id) => s.get(`/api/votes/${id}/objections`)],
  ['POST /api/votes/:id/objections', (s, id) => s.post(`/api/votes/${id}/objections`, { text: '异议' })],
  ['POST /api/votes/:id/objections/:oid/answer', (s, id) => s.post(`/api/votes/${id}/objections/${UNKNOWN}/answer`, { response: '答复' })],
  ['POST /api/votes/:id/publish', (s, id) => s.post(`/api/votes/${id}/publish`)],
  ['GET /api/votes/:id/result', (s, id) => s.get(`/api/votes/${id}/result`)],
  ['GET /api/votes/:id/record', (s, id) => s.get(`/api/votes/${id}/record`)],
];

describe('out of scope answers exactly like an unknown id (404)', () => {
  for (const [name, call] of routes) {
    it(name, async () => {
      // commissioner2 is bound to quarter 2; districtB to another district
      for (const username of ['commissioner2', 'districtB']) {
        const s = await t.login(username);
        const outside = await call(s, voteQ1);
        const unknown = await call(s, UNKNOWN);
        expect([name, username, outside.statusCode]).toEqual([name, username, 404]);
        expect(unknown.statusCode).toBe(404);
        expect((outside as unknown as { json(): unknown }).json()).toEqual((unknown as unknown as { json(): unknown }).json());
      }
    });
  }
});

describe('inside the scope, a role without the permission gets 403', () => {
  const readers: [string, Call][] = routes.filter(([n]) => n.startsWith('GET') && !n.includes('result') && !n.includes('record'));
  const writers: [string, Call][] = routes.filter(([n]) => n.startsWith('POST'));
  for (const [name, call] of readers) {
    it(`${name}: the property company and the owner may not read votes`, async () => {
      for (const username of ['company', 'owner', 'grid']) {
        const res = await call(await t.login(username), voteQ1);
        expect([name, username, res.statusCode]).toEqual([name, username, 403]);
      }
    });
  }
  for (const [name, call] of writers) {
    it(`${name}: the supervisory committee and the party secretary read but do not write`, async () => {
      for (const username of ['supervisor', 'party', 'district']) {
        const res = await call(await t.login(username), name.endsWith('/open') ? draftQ1 : voteQ1);
        expect([name, username, res.statusCode]).toEqual([name, username, 403]);
      }
    });
  }
  it('GET /api/votes lists the scope only, and refuses roles that may not read votes', async () => {
    const district = (await (await t.login('district')).get('/api/votes')).json().items;
    expect(district.map((v: { id: string }) => v.id).sort()).toEqual([voteQ1, draftQ1].sort());
    expect((await (await t.login('commissioner2')).get('/api/votes')).json().items).toEqual([]);
    expect((await (await t.login('districtB')).get('/api/votes')).json().items).toEqual([]);
    expect((await (await t.login('company')).get('/api/votes')).statusCode).toBe(403);
    // An owner sees the opened votes of their own quarter, not the drafts.
    const owner = (await (await t.login('owner')).get('/api/votes')).json().items;
    expect(owner.map((v: { id: string }) => v.id)).toEqual([voteQ1]);
    const createOutside = await (await t.login('commissioner2')).post('/api/votes', voteBody(t.fx.q1));
    expect(createOutside.statusCode).toBe(404);
    const createWrongRole = await (await t.login('supervisor')).post('/api/votes', voteBody(t.fx.q1));
    expect(createWrongRole.statusCode).toBe(403);
  });
  it('the public endpoints hide drafts like unknown ids, and results of unpublished votes from anonymous callers', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/public/votes/${draftQ1}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/votes/${UNKNOWN}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/votes/${draftQ1}/verify`, payload: { idNumber: 'x', certificateNo: 'y' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/votes/${draftQ1}/result` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/votes/${voteQ1}/result` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/me/votes` })).statusCode).toBe(401);
    expect((await (await t.login('committee')).get('/api/me/votes')).statusCode).toBe(403);
  });
});
