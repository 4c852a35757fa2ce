/**
 * Ballots per second through the HTTP API, next to plain INSERTs of the same rows into
 * PostgreSQL, in the same run on the same throwaway cluster (issue 4: the ratio is the figure).
 *
 *   npx tsx bench/voting.ts          (or `npm run bench`, which also runs bench/tally.ts)
 *
 * Env: BENCH_BALLOTS (default 3000 members, each casts one ballot per round), BENCH_CONCURRENCY
 * (default 32 requests in flight, and as many concurrent inserters), BENCH_ROUNDS (default 3),
 * BENCH_CLIENT (`raw`, the default, or `autocannon` as a cross-check), BENCH_PROFILE=FILE (a
 * CPU profile of the server thread during the last API run).
 *
 * The machine is shared and noisy, so the two measurements are taken in turns: each round opens
 * a new vote for the same owners, has every owner verify with the one-time code (not timed), sends one
 * POST /api/votes/:id/ballot per owner, then inserts the rows that round stored into a fresh
 * copy of the ballots table. The figure is the median of the rounds' ratios.
 *
 * The server runs in this process on 127.0.0.1; the load comes from a worker thread with its
 * own event loop. A ballot through the API is: routing, body validation, the vote and its
 * items from memory, then the sealing loop's batch: one read (tokens, earlier ballots, head)
 * and one statement that moves the head and inserts the ballots and their audit entries. The
 * plain-insert figure is one single-row INSERT per ballot (autocommit) into a copy of the
 * ballots table with the same indexes and checks, from the same number of concurrent
 * connections: what the database alone can take.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { startThrowawayCluster } from '../test/support/pg-cluster';
import { buildApp } from '../src/server/app';
import { migrate, openDatabase } from '../src/server/db/index';
import { keyedHash, loadHashKey } from '../src/server/platform/keys';
import { insertUser } from '../src/server/modules/users/service';
import { makeIdNumber, maskIdNumber } from '../src/core/idnumber';
import { setVotingClock } from '../src/server/modules/voting/clock';
import type { SmsSetting } from '../src/server/modules/notifications';

const phoneOf = (n: number) => `139${String(n).padStart(8, '0')}`;
const MEMBERS = Number(process.env.BENCH_BALLOTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENT = process.env.BENCH_CLIENT === 'autocannon' ? 'autocannon' : 'raw';
const PASSWORD = 'bench-password-1';

interface LoadResult {
  ok: number;
  failed: number;
  ms: number;
  firstError: string | null;
  /** Share of the run the load generator's event loop was busy. */
  busy: number;
}

function runLoad(workerData: { base: string; voteId: string; tokens: string[]; concurrency: number; client: string }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData });
    worker.once('message', (result: LoadResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/**
 * With BENCH_PROFILE=FILE, the server's thread is profiled during the API run only, and the
 * profile is written to FILE (open it in Chrome's DevTools, or read its heaviest functions).
 */
async function startProfile() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`profile of the server thread during the API run: ${file}`);
    },
  };
}

/** CPU time (ms) used so far by this process's main thread (the server's), from /proc (Linux). */
function mainThreadCpu(): number {
  const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
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

const median = (xs: number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

interface Round {
  apiRate: number;
  insertRate: number;
  /** CPU ms per ballot in the API run. */
  serverThread: number;
  otherThreads: number;
  postgres: number;
  serverBusy: number;
  loadBusy: number;
}

async function main() {
  console.log(`Voting bench: ${MEMBERS} members, ${CONCURRENCY} concurrent requests / connections, ${ROUNDS} rounds, load generator: ${CLIENT}`);
  const cluster = await startThrowawayCluster();
  // Both the server and the plain inserts reach PostgreSQL through its Unix socket, as a
  // server beside its database would; the transport is the same for the two figures.
  const dbUrl = `postgres://postgres@/postgres?host=${encodeURIComponent(cluster.dir)}&port=${cluster.port}`;
  const db = await openDatabase({ databaseUrl: dbUrl });
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  const pool = new pg.Pool({ connectionString: dbUrl, max: 10 });
  try {
    await migrate(db);
    // One-time codes go to this map instead of phones; each owner verifies from an address of
    // their own (X-Forwarded-For), as owners vote from their own phones.
    const codes = new Map<string, string>();
    const sms: SmsSetting = { kind: 'log', channel: async (m) => void codes.set(m.to ?? '', /验证码 (\d{6})/.exec(m.body)?.[1] ?? '') };
    app = await buildApp({ db, webDir: null, rateLimitPerMinute: 100_000_000, sms, trustProxy: true });
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
        .values(batch.map((b) => ({ ...common, kind: 'person', name: `业主${b.n + 1}`, id_number_hash: keyedHash(hashKey, b.idNumber), id_number_masked: maskIdNumber(b.idNumber), phone: phoneOf(b.n) })))
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
    const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

    const rounds: Round[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const nowMs = Date.now();
      const created = await staff('/api/votes', {
        quarterId: quarter.id,
        title: `基准表决 ${round}`,
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
            const headers = { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` };
            const res = await fetch(`${base}/api/votes/${voteId}/verify`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ idNumber: credentials[i].idNumber, certificateNo: credentials[i].certificateNo }),
            });
            if (res.status !== 200) throw new Error(`verify ${i}: ${res.status} ${await res.text()}`);
            const { challengeId } = (await res.json()) as { challengeId: string };
            const code = await fetch(`${base}/api/votes/${voteId}/verify/code`, { method: 'POST', headers, body: JSON.stringify({ challengeId, code: codes.get(phoneOf(i)) }) });
            if (code.status !== 200) throw new Error(`verify code ${i}: ${code.status} ${await code.text()}`);
            tokens[i] = ((await code.json()) as { voterToken: string }).voterToken;
          }
        }),
      );

      // 1. Through the HTTP API.
      const profiler = process.env.BENCH_PROFILE && round === ROUNDS ? await startProfile() : null;
      const cpu0 = process.cpuUsage();
      const main0 = mainThreadCpu();
      const pgcpu0 = pgCpu();
      const elu0 = performance.eventLoopUtilization();
      const load = await runLoad({ base, voteId, tokens, concurrency: CONCURRENCY, client: CLIENT });
      const serverBusy = performance.eventLoopUtilization(elu0).utilization;
      const nodeCpu = process.cpuUsage(cpu0);
      const serverThread = mainThreadCpu() - main0;
      const postgres = pgCpu() - pgcpu0;
      if (profiler) await profiler.stop(process.env.BENCH_PROFILE!);
      if (load.failed) throw new Error(`${load.failed} ballots failed, first: ${load.firstError}`);
      const apiRate = (load.ok / load.ms) * 1000;

      // The same rows, as stored.
      const rows = await k.selectFrom('ballots').selectAll().where('vote_id', '=', voteId).orderBy('seq').execute();
      const head = await k.selectFrom('votes').select(['head', 'last_seq']).where('id', '=', voteId).executeTakeFirstOrThrow();
      if (rows.length !== MEMBERS || head.last_seq !== MEMBERS || rows[rows.length - 1].hash !== head.head) throw new Error('the chain is not complete');

      // 2. Plain INSERTs of the same rows into a fresh copy of the ballots table (same indexes and checks).
      const table = `bench_ballots_${round}`;
      await pool.query(`CREATE TABLE ${table} (LIKE ballots INCLUDING ALL)`);
      let next = 0;
      const start = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (;;) {
            const i = next++;
            if (i >= rows.length) return;
            const r = rows[i];
            await pool.query(
              `INSERT INTO ${table} (id, vote_id, district_id, quarter_id, seq, member, choices, channel, cast_at, prev, hash, cast_by_owner)
               VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)`,
              [r.id, r.vote_id, r.district_id, r.quarter_id, r.seq, r.member, JSON.stringify(r.choices), r.channel, r.cast_at, r.prev, r.hash, r.cast_by_owner],
            );
          }
        }),
      );
      const insertRate = (rows.length / (Number(process.hrtime.bigint() - start) / 1e6)) * 1000;
      const perBallot = (ms: number) => ms / load.ok;
      const r: Round = {
        apiRate,
        insertRate,
        serverThread: perBallot(serverThread),
        otherThreads: perBallot((nodeCpu.user + nodeCpu.system) / 1000 - serverThread),
        postgres: perBallot(postgres),
        serverBusy,
        loadBusy: load.busy,
      };
      rounds.push(r);
      console.log(
        `round ${round}: API ${Math.round(apiRate)} ballots/s, plain INSERTs ${Math.round(insertRate)} rows/s, ratio ${((apiRate / insertRate) * 100).toFixed(1)} %` +
          `  (CPU per ballot: server thread ${r.serverThread.toFixed(2)} ms, other Node threads ${r.otherThreads.toFixed(2)} ms, PostgreSQL ${r.postgres.toFixed(2)} ms;` +
          ` busy: server loop ${(serverBusy * 100).toFixed(0)} %, load loop ${(load.busy * 100).toFixed(0)} %)`,
      );
    }

    const ratios = rounds.map((r) => r.apiRate / r.insertRate);
    console.log(`ballots through the API:   ${Math.round(median(rounds.map((r) => r.apiRate)))} /s  (median of ${ROUNDS} rounds of ${MEMBERS})`);
    console.log(`plain INSERTs of the rows: ${Math.round(median(rounds.map((r) => r.insertRate)))} /s  (median of ${ROUNDS} rounds of ${MEMBERS})`);
    console.log(`API / plain insert:        ${(median(ratios) * 100).toFixed(1)} %  (median of the rounds' ratios, ${(Math.min(...ratios) * 100).toFixed(1)}–${(Math.max(...ratios) * 100).toFixed(1)} %; aim: ≥ 30 %)`);
  } finally {
    await pool.end().catch(() => {});
    await app?.close().catch(() => {});
    await db.close().catch(() => {});
    await cluster.stop();
  }
}

await main();
