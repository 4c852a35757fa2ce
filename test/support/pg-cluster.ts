/**
 * Throwaway PostgreSQL clusters for tests.
 *
 *   const cluster = await startThrowawayCluster();   // ~1–2 s: initdb + pg_ctl start
 *   const db = await createTestDatabase(cluster.url); // fresh database, random name
 *   ... use db.url ...
 *   await db.drop();
 *   await cluster.stop();
 *
 * The cluster lives in a new temp folder, listens on a free port on 127.0.0.1
 * (unix socket inside the temp folder), trusts every local connection and runs
 * with durability switched off (fsync=off etc.), so it is fast and must never
 * hold data anyone cares about.
 *
 * PostgreSQL refuses to run as root; when the tests run as root, initdb and the
 * server run as the `postgres` system user (created when missing).
 *
 * A cluster never outlives the process that started it: stop() is called on
 * normal exit and on SIGINT/SIGTERM/SIGHUP, and a small watchdog process stops
 * the server and removes the folder if that process dies without cleaning up
 * (e.g. SIGKILL).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** the temp folder holding the data directory, socket and log */
  dir: string;
  /** Stops the server (immediate mode) and removes the temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface TestDatabase {
  /** URL of the new database */
  url: string;
  /** database name (gz_test_…) */
  name: string;
  /** Drops the database, forcibly closing connections still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

const PG_MAJOR = '15';
const START_TIMEOUT_S = 60;

/** Server settings for tests: no durability, little background work. */
const TEST_SETTINGS: Record<string, string> = {
  listen_addresses: "'127.0.0.1'",
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  wal_level: 'minimal',
  max_wal_senders: '0',
  archive_mode: 'off',
  max_wal_size: "'1GB'",
  checkpoint_timeout: "'30min'",
  autovacuum: 'off',
  jit: 'off',
  max_connections: '200',
  shared_buffers: "'128MB'",
  track_io_timing: 'off',
  log_min_messages: 'warning',
  log_min_error_statement: 'panic',
  log_checkpoints: 'off',
  logging_collector: 'off',
  'timezone': "'UTC'",
  'log_timezone': "'UTC'",
};

/* ------------------------------------------------------------------ */
/* binaries                                                            */
/* ------------------------------------------------------------------ */

function hasServerBinaries(dir: string): boolean {
  return ['initdb', 'pg_ctl', 'postgres'].every((b) => {
    try {
      fs.accessSync(path.join(dir, b), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Folder of initdb/pg_ctl/postgres: $GONGZHI_PG_BIN, else /usr/lib/postgresql/15/bin,
 * else the newest /usr/lib/postgresql/N/bin, else `pg_config --bindir`.
 */
export function findPgBinDir(): string {
  const candidates: string[] = [];
  if (process.env.GONGZHI_PG_BIN) candidates.push(process.env.GONGZHI_PG_BIN);
  candidates.push(`/usr/lib/postgresql/${PG_MAJOR}/bin`);
  try {
    const versions = fs
      .readdirSync('/usr/lib/postgresql')
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  } catch {
    /* no Debian layout */
  }
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    /* no pg_config */
  }
  for (const dir of candidates) if (dir && hasServerBinaries(dir)) return dir;
  throw new Error(
    `PostgreSQL server binaries (initdb, pg_ctl, postgres) not found; looked in: ${candidates.join(', ')}. ` +
      `Run \`bash scripts/ensure-system-deps.sh\` (installs postgresql-${PG_MAJOR}) or set GONGZHI_PG_BIN.`,
  );
}

/* ------------------------------------------------------------------ */
/* running as the postgres user when root                             */
/* ------------------------------------------------------------------ */

interface RunAs {
  uid: number;
  gid: number;
}

function lookupUser(name: string): RunAs | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
  } catch {
    /* no such user */
  }
  return null;
}

/** null when not root (run as ourselves); the postgres user's ids when root. */
function serverUser(): RunAs | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  let user = lookupUser('postgres');
  if (!user) {
    try {
      execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (err) {
      // another process may have created it at the same time
      if (!lookupUser('postgres')) {
        throw new Error(`running as root and the 'postgres' system user is missing; useradd failed: ${(err as Error).message}`, { cause: err });
      }
    }
    user = lookupUser('postgres');
    if (!user) throw new Error("running as root and could not create the 'postgres' system user");
  }
  return user;
}

/** True when every ancestor of dir can be traversed by "others". */
function traversableByOthers(dir: string): boolean {
  let d = path.resolve(dir);
  for (;;) {
    try {
      if ((fs.statSync(d).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    const parent = path.dirname(d);
    if (parent === d) return true;
    d = parent;
  }
}

/* ------------------------------------------------------------------ */
/* process helpers                                                     */
/* ------------------------------------------------------------------ */

interface RunResult {
  code: number | null;
  output: string;
}

function run(cmd: string, args: string[], opts: { cwd: string; runAs: RunAs | null; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(opts.runAs ? { uid: opts.runAs.uid, gid: opts.runAs.gid } : {}),
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          output += `\n[killed after ${opts.timeoutMs} ms]`;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : null;
    child.on('error', (err) => {
      if (timer) clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function readPostmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Starts a detached shell that waits for `ownerPid` to die and then kills the
 * postmaster (SIGQUIT = immediate shutdown, SIGKILL if it lingers) and removes
 * the folder. Returns its pid so stop() can end it.
 */
function startWatchdog(ownerPid: number, dir: string, dataDir: string): number | undefined {
  const script = `
owner="$1"; dir="$2"; data="$3"
while kill -0 "$owner" 2>/dev/null; do sleep 1; done
pid=$(head -n1 "$data/postmaster.pid" 2>/dev/null || true)
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
  kill -QUIT "$pid" 2>/dev/null || true
  i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
  kill -KILL "$pid" 2>/dev/null || true
fi
rm -rf "$dir"
`;
  try {
    const child = spawn('sh', ['-c', script, 'gongzhi-pg-watchdog', String(ownerPid), dir, dataDir], {
      detached: true,
      stdio: 'ignore',
    });
    child.on('error', () => {});
    child.unref();
    return child.pid;
  } catch {
    return undefined;
  }
}

/* ------------------------------------------------------------------ */
/* clean-up on exit                                                    */
/* ------------------------------------------------------------------ */

/** synchronous clean-ups of live clusters, run on exit / fatal signals */
const liveClusters = new Set<() => void>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const cleanAll = () => {
    for (const clean of [...liveClusters]) {
      try {
        clean();
      } catch {
        /* best effort */
      }
    }
  };
  process.on('exit', cleanAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      cleanAll();
      // If nobody else handles the signal, keep the default behaviour (terminate).
      if (process.listenerCount(sig) === 1) {
        process.removeListener(sig, onSignal);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, onSignal);
  }
}

/* ------------------------------------------------------------------ */
/* the cluster                                                         */
/* ------------------------------------------------------------------ */

function confLine(key: string, value: string): string {
  return `${key} = ${value}\n`;
}

/**
 * initdb into a new temp folder and start a server on a free 127.0.0.1 port.
 * Resolves once the server accepts connections.
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const binDir = findPgBinDir();
  const runAs = serverUser();

  let base = os.tmpdir();
  if (runAs && !traversableByOthers(base)) base = '/tmp';
  const dir = fs.mkdtempSync(path.join(base, 'gongzhi-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');

  let stopped = false;
  let watchdogPid: number | undefined;

  const killNowSync = () => {
    const pid = readPostmasterPid(dataDir);
    if (pid && processAlive(pid)) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        /* already gone */
      }
    }
    if (watchdogPid) {
      try {
        process.kill(watchdogPid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  };
  installExitHooks();
  liveClusters.add(killNowSync);

  const env: NodeJS.ProcessEnv = {
    PATH: `${binDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: dir,
    LANG: 'C',
    LC_ALL: 'C',
    TZ: 'UTC',
  };

  const fail = (msg: string): never => {
    let log = '';
    try {
      log = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      /* no log */
    }
    killNowSync();
    liveClusters.delete(killNowSync);
    stopped = true;
    throw new Error(`${msg}${log ? `\n--- server log (tail) ---\n${log}` : ''}`);
  };

  try {
    if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
    fs.chmodSync(dir, 0o700);

    const init = await run(
      path.join(binDir, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'],
      { cwd: dir, runAs, env, timeoutMs: 120_000 },
    );
    if (init.code !== 0) fail(`initdb failed (exit ${init.code}):\n${init.output}`);

    let conf = '\n# throwaway test cluster settings\n';
    conf += confLine('unix_socket_directories', `'${dir}'`);
    for (const [k, v] of Object.entries(TEST_SETTINGS)) conf += confLine(k, v);
    fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), conf);

    watchdogPid = startWatchdog(process.pid, dir, dataDir);

    // The port is free when picked but could be taken before the server binds it:
    // retry with a new port a few times.
    let lastOutput = '';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const port = await freePort();
      const start = await run(
        path.join(binDir, 'pg_ctl'),
        ['start', '-D', dataDir, '-l', logFile, '-w', '-t', String(START_TIMEOUT_S), '-o', `-p ${port}`],
        { cwd: dir, runAs, env, timeoutMs: (START_TIMEOUT_S + 10) * 1000 },
      );
      if (start.code === 0) {
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        await waitForConnections(url, START_TIMEOUT_S * 1000);
        const cluster: ThrowawayCluster = {
          url,
          port,
          dir,
          async stop() {
            if (stopped) return;
            stopped = true;
            try {
              await run(path.join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '30'], {
                cwd: dir,
                runAs,
                env,
                timeoutMs: 40_000,
              });
            } finally {
              killNowSync();
              liveClusters.delete(killNowSync);
            }
          },
        };
        return cluster;
      }
      lastOutput = start.output;
      let log = '';
      try {
        log = fs.readFileSync(logFile, 'utf8');
      } catch {
        /* none */
      }
      // make sure a half-started server is gone before retrying
      const pid = readPostmasterPid(dataDir);
      if (pid && processAlive(pid)) process.kill(pid, 'SIGKILL');
      if (!/could not bind|Address already in use/i.test(log + start.output)) break;
      fs.writeFileSync(logFile, '');
      if (runAs) fs.chownSync(logFile, runAs.uid, runAs.gid);
    }
    return fail(`pg_ctl start failed:\n${lastOutput}`);
  } catch (err) {
    if (!stopped) {
      killNowSync();
      liveClusters.delete(killNowSync);
      stopped = true;
    }
    throw err;
  }
}

async function waitForConnections(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      await client.end();
      return;
    } catch (err) {
      lastErr = err;
      await client.end().catch(() => {});
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL at ${url} did not accept connections within ${timeoutMs} ms: ${(lastErr as Error)?.message}`);
}

/* ------------------------------------------------------------------ */
/* per-test-file databases                                             */
/* ------------------------------------------------------------------ */

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates a fresh, empty database with a random name (gz_test_…) in the cluster
 * behind `adminUrl` and returns its URL. Each test file should make its own.
 */
export async function createTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `gz_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
        break;
      } catch (err) {
        // 55006: source database is being accessed by other users (concurrent CREATE DATABASE)
        if ((err as { code?: string }).code === '55006' && attempt < 10) {
          await new Promise((r) => setTimeout(r, 100 * attempt));
          continue;
        }
        throw err;
      }
    }
  } finally {
    await admin.end().catch(() => {});
  }

  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  let dropped = false;
  return {
    url: u.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      } finally {
        await c.end().catch(() => {});
      }
    },
  };
}
