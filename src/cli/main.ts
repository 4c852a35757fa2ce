// The `gongzhi` command: serve, migrate, seed, import, tally, vote-openings, check-openings,
// the accounts (user …, department …) and the holiday calendar (holiday …).
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { loadConfig, pgliteDir, type Config } from '../server/config';
import { migrate, openDatabase, type Db } from '../server/db/index';
import { copyDatabase } from '../server/db/copy';
import { buildApp } from '../server/app';
import { loadHashKey } from '../server/platform/keys';
import { DEMO_PASSWORD, isEmpty, listDemoAccounts, seedDemo, writeDistrict } from '../server/seed/write';
import { demoVoterCredentials } from '../server/seed/voting';
import { planDemo } from '../server/seed/generate';
import { quarterPlace, SYSTEM_ACTOR_ID, startImport } from '../server/modules/registry';
import { AppError } from '../server/platform/errors';
import { permissionsOf, roles, scopeLevels, type Actor, type Role, type ScopeLevel } from '../server/platform/access';
import { insertUser } from '../server/modules/users';
import { isPackId, listPacks } from '../core/policy/index';
import { roleLabels } from '../server/platform/access';
import { runTally } from './tally';
import { disableAccount, listAccounts, moveAccountTo, resetAccountPassword, UsageError } from './users';
import { attachDepartment, detachDepartment, listDepartments } from './departments';
import { listHolidays, removeHoliday, setHoliday } from './holidays';
import { installModules } from '../server/platform/module';
import { modules } from '../server/app';
import { runCheckOpenings } from './openings';
import { progressBar } from './progress';
import { deliverPending, logChannel, runPeriodicJobs } from '../server/modules/notifications';
import { voteOpenings } from '../server/modules/voting';

async function open(config: Config): Promise<Db> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config) });
  await migrate(db, (name) => console.log(`  migration applied: ${name}`));
  return db;
}

function describeDb(config: Config): string {
  return config.databaseUrl ? `PostgreSQL (${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')})` : `PGlite in ${pgliteDir(config)}`;
}

async function seedIfEmpty(db: Db, config: Config): Promise<boolean> {
  if (!config.demo || !(await isEmpty(db.kysely))) return false;
  console.log('Empty database: loading the demo district (GONGZHI_DEMO=0 to skip)…');
  const bar = progressBar('  quarters');
  const result = await seedDemo(db.kysely, await loadHashKey(db), bar.update);
  bar.done();
  console.log(`  ${result.quarters} quarters, ${result.units} units, ${result.owners} owners`);
  return true;
}

async function printDemoAccounts(db: Db) {
  const accounts = await listDemoAccounts(db.kysely);
  if (!accounts.length) return;
  console.log(`\nDemo accounts (password: ${DEMO_PASSWORD}):`);
  for (const a of accounts) console.log(`  ${a.username.padEnd(13)} ${roleLabels[a.role]['zh-CN'].padEnd(8, '　')} ${a.displayName}`);
  // Owners verify for a vote with numbers the database keeps only as hashes; the demo ones are synthetic.
  const voter = await demoVoterCredentials(db.kysely, await loadHashKey(db));
  if (voter) {
    console.log(`\nDemo owner verification for votes (${voter.username}, ${voter.unit}): ID number ${voter.idNumber}, certificate ${voter.certificateNo}`);
    console.log('  then the one-time code sent to the owner\'s phone, which this server writes to its log (GONGZHI_SMS=log): "[notify] … SMS to …: …验证码 123456…"');
  }
}

const program = new Command();
program.name('gongzhi').description('共治 Gongzhi — tripartite governance of urban residential quarters');

program
  .command('serve')
  .description('Start the server (API and web app); migrates, and loads demo data into an empty database')
  .action(async () => {
    const config = loadConfig();
    console.log(`Database: ${describeDb(config)}`);
    const db = await open(config);
    await seedIfEmpty(db, config);
    if (!fs.existsSync(path.join(config.webDir, 'index.html'))) {
      console.warn(`The web app is not built (${config.webDir}); run "npm run build:web". The API still works.`);
    }
    const app = await buildApp({
      db,
      webDir: config.webDir,
      logger: { level: process.env.LOG_LEVEL ?? 'warn' },
      trustProxy: config.trustProxy,
      secureCookies: config.secureCookies,
      // The log channel prints the code to the console even when the logger is quiet.
      sms: config.sms === 'log' ? { kind: 'log', channel: logChannel() } : null,
      publicUrl: config.publicUrl,
    });
    // Reminders (term expiry, votes closing) and message delivery run every few minutes.
    const tick = async () => {
      await runPeriodicJobs(app.services.modules.jobs, db.kysely, new Date(), (m) => app.log.warn(m), app.services.modules);
      await deliverPending(db.kysely, { log: logChannel((line) => app.log.info(line)) }).catch((e) => app.log.warn(e));
    };
    const ticker = setInterval(() => void tick(), 5 * 60 * 1000);
    ticker.unref();
    let closing = false;
    const shutdown = async (signal: string) => {
      if (closing) return;
      closing = true;
      clearInterval(ticker);
      console.log(`\n${signal}: closing…`);
      // Stop taking requests, let running ones finish, then close the database cleanly.
      await app.close().catch(() => {});
      await db.close().catch(() => {});
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port: config.port, host: config.host });
    void tick();
    await printDemoAccounts(db);
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    console.log(`\n共治 Gongzhi is running at http://${shown}:${config.port}  (API docs: /api/docs)`);
  });

program
  .command('migrate')
  .description('Apply the database migrations')
  .action(async () => {
    const config = loadConfig();
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config) });
    const applied = await migrate(db, (name) => console.log(`applied ${name}`));
    console.log(applied.length ? `${applied.length} migration(s) applied.` : 'The database is up to date.');
    await db.close();
  });

program
  .command('seed')
  .description('Load the demo district into an empty database, or with --scale N a generated district of N quarters (benchmarks)')
  .option('--scale <n>', 'number of quarters of a generated district', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error('--scale takes a whole number ≥ 1');
    return n;
  })
  .option('--seed <n>', 'random seed', (v) => Number(v))
  .action(async (opts: { scale?: number; seed?: number }) => {
    const config = loadConfig();
    const db = await open(config);
    try {
      if (opts.scale) {
        const plan = planDemo({ scale: opts.scale, seed: opts.seed });
        plan.district = { ...plan.district, name: `${plan.district.name}（${opts.scale} 个小区）` };
        const existing = await db.kysely.selectFrom('districts').select('id').where('name', '=', plan.district.name).executeTakeFirst();
        if (existing) {
          console.log(`District "${plan.district.name}" exists already; nothing to do.`);
          return;
        }
        const bar = progressBar('quarters');
        const t0 = Date.now();
        const r = await writeDistrict(db.kysely, await loadHashKey(db), plan, bar.update);
        bar.done();
        console.log(`${plan.quarterCount} quarters, ${r.units} units, ${r.owners} owners in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      } else if (!(await seedIfEmpty(db, { ...config, demo: true }))) {
        console.log('The database has data already; the demo is loaded only into an empty one.');
      } else {
        await printDemoAccounts(db);
      }
    } finally {
      await db.close();
    }
  });

program
  .command('import')
  .description('Import buildings, units and owners of a quarter from an .xlsx or .csv file (the template of the web app)')
  .requiredOption('--quarter <id>', 'the quarter id')
  .argument('<file>', '.xlsx or .csv file')
  .action(async (file: string, opts: { quarter: string }) => {
    const config = loadConfig();
    const db = await open(config);
    try {
      const place = await quarterPlace(db.kysely, opts.quarter).catch(() => null);
      if (!place) throw new Error(`No quarter with id ${opts.quarter}`);
      // The command line acts as the district office of the quarter's district.
      const actor: Actor = {
        id: SYSTEM_ACTOR_ID,
        username: 'gongzhi-cli',
        displayName: 'gongzhi import',
        role: 'district_office',
        locale: 'zh-CN',
        scope: { level: 'district', id: place.districtId },
        path: { districtId: place.districtId },
        ownerId: null,
        permissions: permissionsOf('district_office'),
      };
      const buffer = fs.readFileSync(file);
      const bar = progressBar('rows');
      const started = await startImport(db.kysely, { actor, ip: null }, await loadHashKey(db), opts.quarter, { name: path.basename(file), buffer });
      const timer = setInterval(async () => {
        const { importProgress } = await import('../server/modules/registry');
        const p = importProgress(started.id);
        if (p) bar.update(p.processed, p.total);
      }, 200);
      await started.finished;
      clearInterval(timer);
      bar.update(started.total, started.total);
      bar.done();
      const run = await db.kysely.selectFrom('import_runs').select(['status', 'summary', 'errors']).where('id', '=', started.id).executeTakeFirstOrThrow();
      if (run.status !== 'done') throw new Error(`Import failed: ${JSON.stringify(run.errors)}`);
      console.log(`Imported: ${JSON.stringify(run.summary)}`);
    } catch (err) {
      if (err instanceof AppError && err.code === 'IMPORT_REJECTED') {
        console.error(err.localizedMessage('zh-CN'));
        for (const r of (err.localizedDetails('zh-CN') as { rows: { sheet?: string; row: number; field: string; reason: string }[] }).rows) {
          console.error(`  ${r.sheet ?? ''} 第 ${r.row} 行 ${r.field}：${r.reason}`);
        }
        process.exitCode = 1;
      } else if (err instanceof AppError) {
        console.error(err.localizedMessage('zh-CN'));
        process.exitCode = 1;
      } else throw err;
    } finally {
      await db.close();
    }
  });

program
  .command('add-district')
  .description('Create a district (the top of the hierarchy) on a new installation')
  .argument('<name>', 'the district name, e.g. 西湖区')
  .option('--pack <id>', 'policy pack: ZAS (default), XH, BG, HN or HZ', 'ZAS')
  .action(async (name: string, opts: { pack: string }) => {
    const config = loadConfig();
    const db = await open(config);
    try {
      const pack = opts.pack.toUpperCase();
      if (!isPackId(pack)) throw new Error(`Unknown policy pack "${opts.pack}"; use one of ${listPacks().map((p) => p.id).join(', ')}`);
      const row = await db.kysely.insertInto('districts').values({ name: name.trim(), policy_pack: pack }).returning('id').executeTakeFirstOrThrow();
      console.log(`District ${name} created: ${row.id}`);
    } finally {
      await db.close();
    }
  });

program
  .command('add-user')
  .description('Create an account bound to a place (the first district office account of a new installation, for example)')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--name <displayName>', 'name shown in the app')
  .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
  .requiredOption('--scope <level:id>', 'the place, e.g. district:<uuid> or quarter:<uuid>')
  .option('--phone <phone>', 'contact phone')
  .action(async (opts: { username: string; name: string; role: string; scope: string; phone?: string }) => {
    const password = process.env.GONGZHI_PASSWORD;
    if (!password || password.length < 8) throw new Error('Set the new password (8 characters or more) in the GONGZHI_PASSWORD environment variable.');
    if (!(roles as readonly string[]).includes(opts.role)) throw new Error(`Unknown role "${opts.role}"; use one of ${roles.join(', ')}`);
    const [level, id] = opts.scope.split(':');
    if (!(scopeLevels as string[]).includes(level) || !id) throw new Error('--scope takes level:id, e.g. district:<uuid>');
    const config = loadConfig();
    const db = await open(config);
    try {
      const row = await insertUser(db.kysely, {
        username: opts.username,
        displayName: opts.name,
        role: opts.role as Role,
        scopeLevel: level as ScopeLevel,
        scopeId: id,
        password,
        phone: opts.phone ?? null,
      });
      console.log(`Account ${opts.username} created: ${row.id}`);
    } catch (err) {
      if (err instanceof AppError) throw new Error(err.localizedMessage('en'), { cause: err });
      throw err;
    } finally {
      await db.close();
    }
  });

/** Runs an account command on the database; a refusal is printed and exits with status 1. */
async function withAccounts(run: (db: Db) => Promise<void>) {
  const config = loadConfig();
  const db = await open(config);
  try {
    await run(db);
  } catch (err) {
    if (err instanceof AppError || err instanceof UsageError) {
      console.error(err instanceof AppError ? `${err.localizedMessage('zh-CN')}\n${err.localizedMessage('en')}` : err.message);
      process.exitCode = 1;
    } else throw err;
  } finally {
    await db.close();
  }
}
const officeRecords = () => installModules(modules).officeRecords;
const out = { write: (text: string) => process.stdout.write(text) };

const user = program.command('user').description('Accounts: list, disable, enable, reset a password, move (acting as the district office of the account)');
user
  .command('list')
  .description('List accounts with their state (disabled, must change password, office ended)')
  .option('--scope <level:id>', 'only accounts bound inside this place')
  .option('--role <role>', `only this role, one of ${roles.join(', ')}`)
  .action((opts: { scope?: string; role?: string }) => withAccounts((db) => listAccounts(db.kysely, officeRecords(), opts, out)));
user
  .command('disable')
  .description('Disable an account: it cannot log in, and its sessions end at once')
  .argument('<username>')
  .action((username: string) => withAccounts((db) => disableAccount(db.kysely, username, true, out)));
user
  .command('enable')
  .description('Enable a disabled account')
  .argument('<username>')
  .action((username: string) => withAccounts((db) => disableAccount(db.kysely, username, false, out)));
user
  .command('reset-password')
  .description('Set a temporary password (GONGZHI_PASSWORD, or generated and printed once), to be changed at the next login; sessions end')
  .argument('<username>')
  .action((username: string) => withAccounts((db) => resetAccountPassword(db.kysely, username, process.env.GONGZHI_PASSWORD || undefined, out)));
user
  .command('move')
  .description('Bind an account to another role and place (inside its district), with the office it holds; sessions end')
  .argument('<username>')
  .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
  .requiredOption('--scope <level:id>', 'the new place, e.g. community:<uuid>')
  .option('--office <kind:id>', 'the organisation record the role comes from, e.g. property_company:<uuid>')
  .action((username: string, opts: { role: string; scope: string; office?: string }) => withAccounts((db) => moveAccountTo(db.kysely, officeRecords(), username, opts, out)));

// The departments' accounts (湘建房〔2021〕231号 附件), as the district office of the account.
const department = program.command('department').description('Department accounts: list the departments and their accounts, attach an account to a department or detach it (acting as the district office of the account)');
department
  .command('list')
  .description('List the departments one may attach to, and each account of the department role with its department')
  .option('--district <id>', 'only the accounts of this district')
  .action((opts: { district?: string }) => withAccounts((db) => listDepartments(db.kysely, opts, out)));
department
  .command('attach')
  .description('Attach an account of the department role to a department: it then sees the cases dispatched to that department in its district')
  .argument('<username>')
  .argument('<department>', 'one of the names `gongzhi department list` prints, e.g. 住房和城乡建设部门')
  .action((username: string, name: string) => withAccounts((db) => attachDepartment(db.kysely, username, name, out)));
department
  .command('detach')
  .description('Detach an account from its department')
  .argument('<username>')
  .action((username: string) => withAccounts((db) => detachDepartment(db.kysely, username, out)));

// The State Council's holiday calendar by which working-day limits count (国务院办公厅 部分节假日安排).
const holiday = program.command('holiday').description("The State Council's holidays (放假) and make-up working days (调休上班) by which working-day time limits count");
holiday
  .command('list')
  .description('List the days kept, of a year or all')
  .option('--year <year>', 'only this year, e.g. 2026')
  .action((opts: { year?: string }) => withAccounts((db) => listHolidays(db.kysely, opts, out)));
holiday
  .command('set')
  .description('Set a day a holiday or a make-up working day, replacing what it was')
  .argument('<day>', 'YYYY-MM-DD')
  .argument('<kind>', 'holiday (放假) or workday (调休上班)')
  .argument('<name>', 'e.g. 元旦, 春节调休上班')
  .option('--source <notice>', 'the notice it comes from, e.g. 国务院办公厅关于2027年部分节假日安排的通知')
  .action((day: string, kind: string, name: string, opts: { source?: string }) => withAccounts((db) => setHoliday(db.kysely, day, kind, name, opts, out)));
holiday
  .command('remove')
  .description('Take a day off the calendar')
  .argument('<day>', 'YYYY-MM-DD')
  .action((day: string) => withAccounts((db) => removeHoliday(db.kysely, day, out)));

program
  .command('copy-to-postgres')
  .description('Copy the embedded database (PGlite in GONGZHI_DATA) into an empty PostgreSQL database')
  .argument('<url>', 'postgres://user:password@host/database')
  .action(async (url: string) => {
    const config = loadConfig();
    const source = await openDatabase({ dataDir: pgliteDir(config) });
    const target = await openDatabase({ databaseUrl: url });
    try {
      await migrate(source);
      const counts = await copyDatabase(source, target, (table, rows) => console.log(`  ${table}: ${rows}`));
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      console.log(`Copied ${total} rows. Start with DATABASE_URL=${url.replace(/\/\/[^@]*@/, '//***@')} from now on.`);
    } finally {
      await source.close();
      await target.close();
    }
  });

program
  .command('vote-openings')
  .description('For an authorised audit: print the openings (hash, area, salt) of the withheld areas of a closed gongzhi.vote-record/2 vote, to check its "withheld" sums')
  .argument('<voteId>', 'the vote')
  .action(async (voteId: string) => {
    const config = loadConfig();
    const db = await open(config);
    try {
      const answer = await voteOpenings(db.kysely, voteId);
      if (typeof answer === 'string') {
        console.error(answer);
        process.exitCode = 1;
      } else {
        process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      }
    } finally {
      await db.close();
    }
  });

program
  .command('check-openings')
  .description('Check a gongzhi.vote-record/2 file against the openings printed by vote-openings: every withheld commitment, the withheld sums and the withheld rule; exit 0 confirmed, 1 not, 2 unusable')
  .argument('<record>', 'the vote record')
  .argument('<openings>', 'the output of gongzhi vote-openings')
  .action(async (record: string, openings: string) => {
    process.exitCode = await runCheckOpenings(record, openings, { stdout: process.stdout, stderr: process.stderr });
  });

program
  .command('tally')
  .description('Re-tally a gongzhi.vote-record/1 or /2 file (or - for standard input); exit 0 valid, 1 invalid, 2 unusable')
  .argument('<file>', 'the vote record, or - for standard input')
  .action(async (file: string) => {
    process.exitCode = await runTally(file, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
