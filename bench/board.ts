/**
 * The quarter's public board under load (issue 14: a QR poster in a lobby is scanned by hundreds
 * at once): requests per second of GET /api/public/quarters/:id next to a static file of the
 * same size served by the same server, in the same run; the ratio is the figure (aim ≥ 50 %).
 *
 *   npm run bench -- board          (also part of `npm run bench`)
 *
 * Env: BENCH_ENGINE (`postgres`, the default: a throwaway PostgreSQL cluster reached over its
 * Unix socket, as the voting bench; or `pglite`), BENCH_CONCURRENCY (default 32 connections),
 * BENCH_ROUNDS (default 3), BENCH_SECONDS (default 2 a case and round).
 *
 * The demo district is seeded (its quarter 清溪新村 has a commissioner, a party organisation,
 * a committee with members, a company under contract and a published and an open vote), and
 * the board of that quarter is asked by its poster's short code, as a phone that scanned the
 * code asks. The static file is that board's JSON written into the server's web folder, served
 * by @fastify/static like the app's own files. The two take turns, each for a few seconds, and
 * the figure is the median of the rounds' ratios. The server runs in this process on
 * 127.0.0.1; the load comes from a worker thread (bench/get-worker.mjs).
 *
 * The server answers a board from a read begun at most 50 ms before the request
 * (PUBLIC_BOARD_JOIN_MS, board/routes.ts). For comparison, each round also loads a second server
 * on the same database that answers only from reads begun after the request
 * (`publicBoardJoinMs: 0`, reads of waiting requests still taken together).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../src/server/app';
import { migrate, openDatabase, type Db } from '../src/server/db/index';
import { loadHashKey } from '../src/server/platform/keys';
import { ensureCode } from '../src/server/modules/board/codes';
import { seedDemo } from '../src/server/seed/write';
import { startThrowawayCluster, type ThrowawayCluster } from '../test/support/pg-cluster';

const ENGINE = process.env.BENCH_ENGINE === 'pglite' ? 'pglite' : 'postgres';
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);

interface Load {
  ok: number;
  failed: number;
  bytes: number;
  ms: number;
  firstError: string | null;
}

function load(base: string, urlPath: string): Promise<Load> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./get-worker.mjs', import.meta.url), { workerData: { base, path: urlPath, concurrency: CONCURRENCY, ms: SECONDS * 1000 } });
    worker.once('message', (result: Load) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  console.log(`Public board bench: ${ENGINE}, ${CONCURRENCY} connections, ${ROUNDS} rounds of ${SECONDS} s a case`);
  let cluster: ThrowawayCluster | null = null;
  let db: Db;
  if (ENGINE === 'postgres') {
    cluster = await startThrowawayCluster();
    db = await openDatabase({ databaseUrl: `postgres://postgres@/postgres?host=${encodeURIComponent(cluster.dir)}&port=${cluster.port}` });
  } else {
    db = await openDatabase({ dataDir: 'memory://' });
  }
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-board-bench-'));
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let strictApp: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    await migrate(db);
    await seedDemo(db.kysely, await loadHashKey(db));
    const quarter = await db.kysely.selectFrom('quarters').select(['id', 'district_id']).where('name', '=', '清溪新村').executeTakeFirstOrThrow();
    const code = await ensureCode(db.kysely, { districtId: quarter.district_id, quarterId: quarter.id });

    // The web folder: a page (so that the server serves files at all) and the board's own JSON,
    // written before the server starts (@fastify/static routes the files it finds then).
    const boardPath = `/api/public/quarters/${code}`;
    const probe = await buildApp({ db, webDir: null });
    const answer = await probe.inject({ method: 'GET', url: boardPath });
    await probe.close();
    if (answer.statusCode !== 200) throw new Error(`board: ${answer.statusCode} ${answer.body}`);
    const body = answer.rawPayload;
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>bench</title>');
    fs.writeFileSync(path.join(webDir, 'board.json'), body);
    app = await buildApp({ db, webDir, rateLimitPerMinute: 100_000_000 });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    strictApp = await buildApp({ db, webDir: null, rateLimitPerMinute: 100_000_000, publicBoardJoinMs: 0 });
    const strictBase = await strictApp.listen({ host: '127.0.0.1', port: 0 });
    console.log(`the board of 清溪新村 (${code}): ${body.length} bytes of JSON; the static file: the same bytes`);

    // Warm both up (JIT, the database's caches), then take turns.
    await load(base, boardPath);
    await load(base, '/board.json');
    await load(strictBase, boardPath);
    const ratios: number[] = [];
    const strictRatios: number[] = [];
    const boards: number[] = [];
    const statics: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const b = await load(base, boardPath);
      const s = await load(base, '/board.json');
      const f = await load(strictBase, boardPath);
      for (const [name, r] of [['board', b], ['static', s], ['board, reads after each request', f]] as const) {
        if (r.failed) throw new Error(`${name}: ${r.failed} requests failed, first: ${r.firstError}`);
        if (r.bytes !== r.ok * body.length) throw new Error(`${name}: answers of another size than ${body.length} bytes (${r.bytes} in ${r.ok})`);
      }
      const boardRate = (b.ok / b.ms) * 1000;
      const staticRate = (s.ok / s.ms) * 1000;
      boards.push(boardRate);
      statics.push(staticRate);
      ratios.push(boardRate / staticRate);
      const strictRate = (f.ok / f.ms) * 1000;
      strictRatios.push(strictRate / staticRate);
      console.log(
        `round ${round}: board ${Math.round(boardRate)} req/s, static file ${Math.round(staticRate)} req/s, ratio ${((boardRate / staticRate) * 100).toFixed(1)} %; reads after each request: ${Math.round(strictRate)} req/s, ${((strictRate / staticRate) * 100).toFixed(1)} %`,
      );
    }
    console.log(`public board:        ${Math.round(median(boards))} req/s  (median of ${ROUNDS} rounds)`);
    console.log(`static file, same size: ${Math.round(median(statics))} req/s  (median of ${ROUNDS} rounds)`);
    console.log(`board / static file: ${(median(ratios) * 100).toFixed(1)} %  (median of the rounds' ratios, ${(Math.min(...ratios) * 100).toFixed(1)}–${(Math.max(...ratios) * 100).toFixed(1)} %; aim: ≥ 50 %)`);
    console.log(
      `  for comparison, reads only after each request (publicBoardJoinMs 0): ${(median(strictRatios) * 100).toFixed(1)} %  (${(Math.min(...strictRatios) * 100).toFixed(1)}–${(Math.max(...strictRatios) * 100).toFixed(1)} %)`,
    );
  } finally {
    await app?.close().catch(() => {});
    await strictApp?.close().catch(() => {});
    await db.close().catch(() => {});
    await cluster?.stop();
    fs.rmSync(webDir, { recursive: true, force: true });
  }
}

await main();
