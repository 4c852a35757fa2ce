// The database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in a folder.
// Both run the same committed SQL migrations and the same Kysely queries.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import pg from 'pg';
import { lockFolder } from './folder-lock';
import type { Database } from './schema';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Db {
  kysely: Kysely<Database>;
  kind: DatabaseKind;
  /**
   * Runs work on one database session with a way to run multi-statement SQL scripts
   * (migrations), outside Kysely's one-statement queries.
   */
  withScriptSession<T>(fn: (exec: (sqlText: string) => Promise<unknown[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;

// int8 columns hold areas (0.01 m²), money (fen) and counts; all stay far below 2^53, so
// numbers are exact and simpler for every caller than strings or BigInt.
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} is beyond exact number range`);
  return n;
}
// A date has no time zone; keep it as the 'YYYY-MM-DD' text rather than a midnight Date that
// shifts with the server's zone.
const keepDateText = (value: string) => value;

/**
 * A Kysely driver for PGlite. PGlite is one session in one process, so every Kysely
 * "connection" is the same session: a transaction must hold it exclusively, or another
 * request's statements would run inside that transaction. A FIFO mutex gives each acquirer
 * the session in turn (the published kysely-pglite driver does not do this).
 */
class PGliteDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  constructor(private readonly client: PGlite) {}
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    let release!: () => void;
    const previous = this.#queue;
    this.#queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    const client = this.client;
    const connection: DatabaseConnection & { release: () => void } = {
      release,
      async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
        const result = await client.query<R>(compiled.sql, [...compiled.parameters]);
        return {
          rows: result.rows,
          numAffectedRows: result.affectedRows !== undefined ? BigInt(result.affectedRows) : undefined,
        };
      },
      // eslint-disable-next-line require-yield
      async *streamQuery() {
        throw new Error('PGlite does not stream results');
      },
    };
    return connection;
  }
  async beginTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection(connection: DatabaseConnection) {
    (connection as DatabaseConnection & { release: () => void }).release();
  }
  async destroy() {}
}

function pgliteDialect(client: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(client),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

export interface OpenOptions {
  /** postgres://… ; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite folder; 'memory://' for an in-memory database (tests). */
  dataDir?: string;
  /** A PGlite data dump (from dumpDataDir) to start from, used by tests to skip initdb. */
  loadDataDir?: Blob | File;
}

export async function openDatabase(options: OpenOptions): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPGlite(options.dataDir ?? 'memory://', options.loadDataDir);
}

async function openPGlite(dataDir: string, loadDataDir?: Blob | File): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://');
  let unlock = async () => {};
  if (!inMemory) {
    fs.mkdirSync(dataDir, { recursive: true });
    unlock = await lockFolder(path.resolve(dataDir));
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: inMemory ? undefined : dataDir,
      loadDataDir,
      // Search's trigram indexes (migration 0009); PostgreSQL ships pg_trgm in its contrib.
      extensions: { pg_trgm },
      parsers: { [INT8]: parseInt8, [DATE]: keepDateText },
    });
  } catch (err) {
    await unlock();
    throw err;
  }
  const kysely = new Kysely<Database>({ dialect: pgliteDialect(client) });
  let closed = false;
  return {
    kysely,
    kind: 'pglite',
    async withScriptSession(fn) {
      // Hold the driver's session so no other query interleaves with the script.
      return kysely.connection().execute(() =>
        fn(async (sqlText) => (await client.exec(sqlText)).flatMap((r) => r.rows)),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
      await client.close();
      await unlock();
    },
  };
}

async function openPostgres(url: string): Promise<Db> {
  let closed = false;
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8) return parseInt8;
      if (oid === DATE) return keepDateText;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types: types as pg.CustomTypesConfig });
  // An idle connection that the server ends (a restart, pg_terminate_backend, a dropped
  // database) is reported on the pool; without a listener Node treats that as an uncaught
  // exception and the whole process stops. The pool has already discarded the connection and
  // opens a new one on the next query, so the failure is only worth a line in the log.
  pool.on('error', (err) => {
    if (!closed) console.warn(`PostgreSQL: an idle connection was ended and dropped from the pool (${(err as { code?: string }).code ?? ''} ${err.message})`);
  });
  // Surface a wrong URL or a stopped server at start-up, not at the first request.
  const probe = await pool.connect();
  probe.release();
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    kind: 'postgresql',
    async withScriptSession(fn) {
      const client = await pool.connect();
      try {
        // A query without parameters goes through the simple protocol, which runs several statements.
        return await fn(async (sqlText) => {
          const result = (await client.query(sqlText)) as unknown as pg.QueryResult | pg.QueryResult[];
          return (Array.isArray(result) ? result : [result]).flatMap((r) => r.rows);
        });
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await kysely.destroy();
    },
  };
}

export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function listMigrations(): { name: string; sql: string }[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(migrationsDir, name), 'utf8') }));
}

/**
 * Applies the committed migrations that are not yet applied, each in its own transaction.
 * On PostgreSQL an advisory lock keeps two starting processes from migrating at once.
 */
export async function migrate(db: Db, onApplied?: (name: string) => void): Promise<string[]> {
  return db.withScriptSession(async (exec) => {
    const applied: string[] = [];
    await exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    if (db.kind === 'postgresql') await exec('SELECT pg_advisory_lock(4006001)');
    try {
      const done = new Set(
        ((await exec('SELECT name FROM schema_migrations')) as { name: string }[]).map((r) => r.name),
      );
      for (const m of listMigrations()) {
        if (done.has(m.name)) continue;
        const escaped = m.name.replace(/'/g, "''");
        try {
          await exec(`BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (name) VALUES ('${escaped}');\nCOMMIT;`);
        } catch (err) {
          await exec('ROLLBACK').catch(() => {});
          throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(m.name);
        onApplied?.(m.name);
      }
    } finally {
      if (db.kind === 'postgresql') await exec('SELECT pg_advisory_unlock(4006001)');
    }
    return applied;
  });
}
