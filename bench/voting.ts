/**
 * Ballots per second through the HTTP API, next to plain INSERTs of the same rows into
 * PostgreSQL, in the same run on the same throwaway cluster (issue 4: the ratio is the figure).
 *
 *   npx tsx bench/voting.ts          (or `npm run bench`, which also runs bench/tally.ts)
 *
 * Env: BENCH_BALLOTS (default 3000 members, each casts one ballot), BENCH_CONCURRENCY
 * (default 32 requests in flight, and as many concurrent inserters).
 *
 * The server runs in this process on 127.0.0.1; the load comes from a worker thread with its
 * own event loop (autocannon), sending one POST /api/votes/:id/ballot per verified owner (verification is
 * done beforehand and not timed). A ballot through the API is: token lookup, item check, the
 * duplicate pre-check, then one transaction with the audit entry, the row lock on the vote,
 * the sealed ballot and the new head. The plain-insert figure is one single-row INSERT per
 * ballot (autocommit) into a copy of the ballots table with the same indexes and checks, from
 * the same number of concurrent connections: what the database alone can take.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { startThrowawayCluster } from '../test/support/pg-cluster';
import { buildApp } from '../src/server/app';
import { migrate, openDatabase } from '../src/server/db/index';
import { keyedHash, loadHashKey } from '../src/server/platform/keys';
import { insertUser } from '../src/server/modules/users/service';
import { makeIdNumber, maskIdNumber } from '../src/core/idnumber';
import { setVotingClock } from '../src/server/modules/voting/clock';

const MEMBERS = Number(process.env.BENCH_BALLOTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PASSWORD = 'bench-password-1';

// The load runs in a worker thread with autocannon (an HTTP/1.1 load generator with keep-alive
// connections), so that the client's own cost weighs as little as possible on the two cores the
// server and PostgreSQL share. Each request carries the next owner's token.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require('autocannon');
const { base, voteId, tokens, concurrency } = workerData;
let next = 0, ok = 0, failed = 0, firstError = null, lastAt = null;
const start = process.hrtime.bigint();
const instance = autocannon({
  url: base,
  connections: concurrency,
  amount: tokens.length,
  timeout: 60,
  requests: [{
    method: 'POST',
    path: '/api/votes/' + voteId + '/ballot',
    headers: { 'content-type': 'application/json' },
    setupRequest(req) {
      const i = next++;
      const choices = { '1': ['yes', 'no', 'abstain'][i % 3], '2': ['yes', 'no'][i % 2], '3': 'yes' };
      return { ...req, body: JSON.stringify({ voterToken: tokens[i], choices }) };
    },
    onResponse(status, body) {
      if (status === 201) ok++; else { failed++; if (!firstError) firstError = status + ' ' + body; }
      // autocannon reports its end on a one-second tick: the time is taken at the last answer.
      if (ok + failed === tokens.length) lastAt = process.hrtime.bigint();
    },
  }],
}, (err) => {
  const ms = Number((lastAt ?? process.hrtime.bigint()) - start) / 1e6;
  if (err) { failed++; firstError = firstError || String(err); }
  parentPort.postMessage({ ok, failed, ms, firstError });
});
`;

function runLoad(workerData: { base: string; voteId: string; tokens: string[]; concurrency: number }): Promise<{ ok: number; failed: number; ms: number; firstError: string | null }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** CPU time (ms) used so far by this machine's PostgreSQL processes, from /proc (Linux). */
function pgCpu(): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (!comm.startsWith('postgres')) continue;
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(f[11]) + Number(f[12])) * 10;
    } catch {}
  }
  return total;
}
async function main() {
  console.log(`Voting bench: ${MEMBERS} members, ${CONCURRENCY} concurrent requests / connections`);
  const cluster = await startThrowawayCluster();
  // Both the server and the plain inserts reach PostgreSQL through its Unix socket, as a
  // server beside its database would; the transport is the same for the two figures.
  const dbUrl = `postgres://postgres@/postgres?host=${encodeURIComponent(cluster.dir)}&port=${cluster.port}`;
  const db = await openDatabase({ databaseUrl: dbUrl });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await migrate(db);
    app = await buildApp({ db, webDir: null, rateLimitPerMinute: 100_000_000 });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const k = db.kysely;
    const hashKey = await loadHashKey(db);

    // A quarter of MEMBERS owners with one unit each, written in bulk.
    const district = await k.insertInto('districts').values({ name: '基准区' }).returning('id').executeTakeFirstOrThrow();
    const street = await k.insertInto('streets').values({ district_id: district.id, name: '基准街道' }).returning('id').executeTakeFirstOrThrow();
    const community = await k.insertInto('communities').values({ district_id: district.id, street_id: street.id, name: '基准社区' }).returning('id').executeTakeFirstOrThrow();
    const quarter = await k
      .insertInto('quarters')
      .values({ district_id: district.id, street_id: street.id, community_id: community.id, name: '基准小区', total_building_area: 500_000_000, delivered_area: 400_000_000, households: MEMBERS })
      .returning('id')
      .executeTakeFirstOrThrow();
    const common = { district_id: district.id, quarter_id: quarter.id };
    const building = await k.insertInto('buildings').values({ ...common, name: '1幢' }).returning('id').executeTakeFirstOrThrow();
    const credentials: { idNumber: string; certificateNo: string }[] = [];
    for (let i = 0; i < MEMBERS; i += 500) {
      const batch = Array.from({ length: Math.min(500, MEMBERS - i) }, (_, j) => {
        const n = i + j;
        return { n, idNumber: makeIdNumber('330106', `19${50 + (n % 50)}0${1 + (n % 9)}1${n % 9}`, n % 1000), certificateNo: `浙(2023)基准不动产权第${String(n).padStart(7, '0')}号` };
      });
      const units = await k
        .insertInto('units')
        .values(batch.map((b) => ({ ...common, building_id: building.id, number: String(b.n + 1), exclusive_area: 6000 + ((b.n * 37) % 9000), certificate_hash: keyedHash(hashKey, b.certificateNo) })))
        .returning('id')
        .execute();
      const owners = await k
        .insertInto('owners')
        .values(batch.map((b) => ({ ...common, kind: 'person', name: `业主${b.n + 1}`, id_number_hash: keyedHash(hashKey, b.idNumber), id_number_masked: maskIdNumber(b.idNumber) })))
        .returning('id')
        .execute();
      await k.insertInto('unit_owners').values(units.map((u, j) => ({ ...common, unit_id: u.id, owner_id: owners[j].id }))).execute();
      credentials.push(...batch);
    }
    await insertUser(k, { username: 'bench-community', displayName: '基准社区微治办', role: 'community_office', scopeLevel: 'community', scopeId: community.id, password: PASSWORD });

    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-community', password: PASSWORD }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const staff = async (path: string, body: unknown = {}) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    // The vote window is around the real clock, so that the real time is inside it.
    setVotingClock(null);
    const nowMs = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
    const created = await staff('/api/votes', {
      quarterId: quarter.id,
      title: '基准表决',
      rule: 'civil-code-278',
      opensAt: iso(nowMs - 60_000),
      closesAt: iso(nowMs + 3_600_000),
      items: [
        { title: '续聘物业服务企业', article278Item: 4 },
        { title: '修改管理规约', article278Item: 2 },
        { title: '筹集维修资金', article278Item: 6 },
      ],
    });
    const voteId = created.id as string;
    await staff(`/api/votes/${voteId}/open`);

    // Every owner verifies once (not timed).
    const tokens: string[] = new Array(MEMBERS);
    let nextVerify = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (;;) {
          const i = nextVerify++;
          if (i >= MEMBERS) return;
          const res = await fetch(`${base}/api/votes/${voteId}/verify`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ idNumber: credentials[i].idNumber, certificateNo: credentials[i].certificateNo }),
          });
          if (res.status !== 200) throw new Error(`verify ${i}: ${res.status} ${await res.text()}`);
          tokens[i] = ((await res.json()) as { voterToken: string }).voterToken;
        }
      }),
    );

    // 1. Through the HTTP API.
    const cpu0 = process.cpuUsage();
    const pgcpu0 = pgCpu();
    const load = await runLoad({ base, voteId, tokens, concurrency: CONCURRENCY });
    if (load.failed) throw new Error(`${load.failed} ballots failed, first: ${load.firstError}`);
    const apiRate = (load.ok / load.ms) * 1000;
    const nodeCpu = process.cpuUsage(cpu0);
    const apiCpu = { node: (nodeCpu.user + nodeCpu.system) / 1000, postgres: pgCpu() - pgcpu0 };

    // The same rows, as stored.
    const rows = await k.selectFrom('ballots').selectAll().where('vote_id', '=', voteId).orderBy('seq').execute();
    const head = await k.selectFrom('votes').select(['head', 'last_seq']).where('id', '=', voteId).executeTakeFirstOrThrow();
    if (rows.length !== MEMBERS || head.last_seq !== MEMBERS || rows[rows.length - 1].hash !== head.head) throw new Error('the chain is not complete');

    // 2. Plain INSERTs of the same rows into a copy of the ballots table (same indexes and checks).
    const pool = new pg.Pool({ connectionString: dbUrl, max: 10 });
    await pool.query('CREATE TABLE bench_ballots (LIKE ballots INCLUDING ALL)');
    let next = 0;
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (;;) {
          const i = next++;
          if (i >= rows.length) return;
          const r = rows[i];
          await pool.query(
            `INSERT INTO bench_ballots (id, vote_id, district_id, quarter_id, seq, member, choices, channel, cast_at, prev, hash, cast_by_owner)
             VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)`,
            [r.id, r.vote_id, r.district_id, r.quarter_id, r.seq, r.member, JSON.stringify(r.choices), r.channel, r.cast_at, r.prev, r.hash, r.cast_by_owner],
          );
        }
      }),
    );
    const insertMs = Number(process.hrtime.bigint() - start) / 1e6;
    await pool.end();
    const insertRate = (rows.length / insertMs) * 1000;

    console.log(`ballots through the API:   ${Math.round(apiRate)} /s  (${load.ok} in ${Math.round(load.ms)} ms)`);
    console.log(`plain INSERTs of the rows: ${Math.round(insertRate)} /s  (${rows.length} in ${Math.round(insertMs)} ms)`);
    console.log(`CPU per ballot in the API run: ${(apiCpu.node / load.ok).toFixed(2)} ms in Node (server and load generator), ${(apiCpu.postgres / load.ok).toFixed(2)} ms in PostgreSQL`);
    console.log(`API / plain insert:        ${((apiRate / insertRate) * 100).toFixed(1)} %  (aim: ≥ 30 %)`);
  } finally {
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    await cluster.stop();
  }
}

await main();
