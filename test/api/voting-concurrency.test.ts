// Concurrency on PostgreSQL (a real pool of connections): one ballot per member however many
// attempts arrive at once, from any channel, and an unbroken hash chain when thousands of
// members vote at the same moment. PGlite is one session in one process, where nothing runs
// at the same time, so these tests run on PostgreSQL only.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, engine, type TestApp } from '../support/app';
import { buildApp } from '../../src/server/app';
import { openDatabase } from '../../src/server/db/index';
import { bulkQuarter, openedVote, tallyWithCli, verifyWithCode, voteClock, writeVoterTokens } from '../support/voting';
import { tallyAnyRecord } from '../../src/core/voting/index';

const onPglite = engine() !== 'postgres';
let t: TestApp;
const clock = voteClock();

beforeAll(async () => {
  if (onPglite) return;
  t = await createTestApp();
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
  return out;
}

describe('concurrent ballots on PostgreSQL', () => {
  it.skipIf(onPglite)('200 simultaneous attempts by the same member, online and by proxy: exactly one ballot', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const q = await bulkQuarter(t, { ownerCount: 3, units: [{ area: 9000, owners: [0] }, { area: 9500, owners: [1] }, { area: 9900, owners: [2] }] });
    const community = await t.login('community');
    const voteId = await openedVote(community, q.quarterId);
    clock.set('2026-03-05T09:00:00+08:00');
    const c = q.credentials[0];
    // One token through the API; the other 149 written as verification writes them, since one
    // member may ask for a one-time code only a few times an hour. The race is the ballots'.
    const first = await verifyWithCode(t, voteId, c, '10.7.0.1');
    expect(first.res.statusCode).toBe(200);
    const tokens = [first.voterToken!, ...(await writeVoterTokens(t, voteId, c, 149))];
    const attempts = [
      ...tokens.map((token, i) => () => t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: token, choices: { '1': i % 2 ? 'yes' : 'no', '2': 'abstain' } } })),
      ...Array.from({ length: 50 }, () => () => community.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: c.unitId, choices: { '1': 'yes', '2': 'yes' }, proxyHolder: '受托人' })),
    ];
    const results = await Promise.all(attempts.map((a) => a()));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('ALREADY_VOTED');
    const rows = await t.db.kysely.selectFrom('ballots').select(['seq', 'member']).where('vote_id', '=', voteId).execute();
    expect(rows).toEqual([{ seq: 1, member: rows[0].member }]);
    // The other members can still vote, and the chain continues at seq 2.
    const other = await community.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: q.units[1], choices: { '1': 'yes', '2': 'yes' }, proxyHolder: '受托人' });
    expect(other.json().seq).toBe(2);
  });

  it.skipIf(onPglite)('2,000 members voting at once: 2,000 ballots, seqs 1…2000, an unbroken chain that `gongzhi tally` accepts', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const N = 2000;
    const q = await bulkQuarter(t, { ownerCount: N, units: Array.from({ length: N }, (_, i) => ({ area: 6000 + ((i * 37) % 9000), owners: [i] })) });
    const community = await t.login('community');
    const voteId = await openedVote(community, q.quarterId);
    clock.set('2026-03-05T09:00:00+08:00');
    const tokens = await inBatches(q.credentials, 50, async (c, i) => {
      const v = await verifyWithCode(t, voteId, c, `10.8.${i >> 8}.${i & 255}`);
      if (!v.voterToken) throw new Error(v.res.body);
      return v.voterToken;
    });
    const choices = ['yes', 'no', 'abstain'];
    const started = Date.now();
    const results = await Promise.all(
      tokens.map((token, i) => t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: token, choices: { '1': choices[i % 3], '2': choices[(i >> 1) % 3] } } })),
    );
    const elapsed = Date.now() - started;
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const seqs = results.map((r) => r.json().seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    const counted = await t.db.kysely.selectFrom('ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('vote_id', '=', voteId).executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(N);

    clock.set('2026-03-16T09:00:00+08:00');
    expect((await community.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    const recordText = (await community.get(`/api/votes/${voteId}/record`)).body;
    const record = JSON.parse(recordText);
    // Version 2 publishes no chain: the server's own cast-order chain is checked where it is kept.
    const chain = await t.db.kysely.selectFrom('ballots').select(['prev', 'hash']).where('vote_id', '=', voteId).orderBy('seq').execute();
    for (let i = 1; i < chain.length; i++) expect(chain[i].prev).toBe(chain[i - 1].hash);
    expect(record.format).toBe('gongzhi.vote-record/2');
    const cli = await tallyWithCli(recordText);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toStrictEqual((await community.get(`/api/votes/${voteId}/result`)).json());
    expect(tallyAnyRecord(record).participation).toMatchObject({ members: N, quorumMet: true });
    console.log(`2,000 concurrent online ballots through the API on PostgreSQL: ${elapsed} ms`);
  }, 180_000);

  it.skipIf(onPglite)('two server processes on one database: every ballot once, one chain, and a member racing in both gets one ballot', async () => {
    // A second app with its own connection pool and its own sealing loop, as a second server
    // process would have: the two extend the same chain and must never fork it.
    const name = (await sql<{ name: string }>`select current_database() as name`.execute(t.db.kysely)).rows[0].name;
    const url = new URL(inject('pgUrl'));
    url.pathname = `/${name}`;
    const db2 = await openDatabase({ databaseUrl: url.toString() });
    const app2 = await buildApp({ db: db2, webDir: null, rateLimitPerMinute: 1_000_000 });
    try {
      clock.set('2026-03-01T09:00:00+08:00');
      const N = 400;
      const q = await bulkQuarter(t, { ownerCount: N, units: Array.from({ length: N }, (_, i) => ({ area: 7000 + i, owners: [i] })) });
      const community = await t.login('community');
      const voteId = await openedVote(community, q.quarterId);
      clock.set('2026-03-05T09:00:00+08:00');
      const verify = (i: number, copy: number) =>
        verifyWithCode(t, voteId, q.credentials[i], `10.9.${copy}.${i & 255}`).then((v) => {
          if (!v.voterToken) throw new Error(v.res.body);
          return v.voterToken;
        });
      const tokens = await inBatches(Array.from({ length: N }, (_, i) => i), 50, (i) => verify(i, i >> 8));
      // Member 0 also tries through the other server with a second token (a new code may be
      // asked for a minute later).
      clock.set('2026-03-05T09:01:01+08:00');
      const second = await verify(0, 7);
      const ballot = (app: typeof t.app, token: string) => app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: token, choices: { '1': 'yes', '2': 'no' } } });
      const results = await Promise.all([...tokens.map((token, i) => ballot(i % 2 ? app2 : t.app, token)), ballot(app2, second)]);
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 201)).toHaveLength(N);
      expect(statuses.filter((s) => s === 409)).toHaveLength(1);

      const rows = await t.db.kysely.selectFrom('ballots').select(['seq', 'member', 'prev', 'hash']).where('vote_id', '=', voteId).orderBy('seq').execute();
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.member)).size).toBe(N);
      for (let i = 1; i < rows.length; i++) expect(rows[i].prev).toBe(rows[i - 1].hash);
      clock.set('2026-03-16T09:00:00+08:00');
      expect((await community.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
      const cli = await tallyWithCli((await community.get(`/api/votes/${voteId}/record`)).body);
      expect(cli.status).toBe(0);
    } finally {
      await app2.close();
      await db2.close();
    }
  }, 180_000);
});
