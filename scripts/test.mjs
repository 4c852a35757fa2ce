#!/usr/bin/env node
// `npm test` — the whole test suite, as CI runs it.
//
//   npm test                      all projects (unit, api-pglite, api-postgres, e2e)
//   npm test -- test/api          a subset (any extra args go to `vitest run`)
//   npm test -- --project unit    one project
//
// Steps: system packages (scripts/ensure-system-deps.sh) → lint (eslint) and type-check
// (tsc, both tsconfigs), side by side → web build when stale → vitest with a JSON report →
// failed test names and, as the very last line, `tests: N passed, M failed[, K skipped]`.
// A failing lint, type-check or web build counts as one failure each, with its errors printed.
// Exit status is non-zero when anything failed.
//
// Env: GONGZHI_SKIP_WEB_BUILD=1 skips the web build check.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const REPORT = path.join('test-results', 'vitest.json');
const extraArgs = process.argv.slice(2);
/** failures found outside Vitest's report (e.g. the web build) */
const extraFailures = [];

const log = (msg) => console.log(`[test] ${msg}`);

function finish(passed, failed, skipped, failedNames) {
  if (failedNames.length > 0) {
    console.log('');
    // the api tests run in two projects (pglite, postgres): the same name can fail twice
    const counts = new Map();
    for (const name of failedNames) counts.set(name, (counts.get(name) ?? 0) + 1);
    console.log(`Failed (${failedNames.length}):`);
    for (const [name, n] of counts) {
      const [head, ...rest] = name.split('\n');
      console.log(`  ✗ ${head}${n > 1 ? ` (×${n})` : ''}${rest.length ? `\n${rest.join('\n')}` : ''}`);
    }
    console.log('');
  }
  const line = `tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
  fs.writeSync(1, `${line}\n`);
  process.exit(failed > 0 ? 1 : 0);
}

function elapsed(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

/* 1. system packages ---------------------------------------------------- */
{
  const start = Date.now();
  const r = spawnSync('bash', [path.join('scripts', 'ensure-system-deps.sh')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[test] ERROR: scripts/ensure-system-deps.sh failed; PostgreSQL/Chromium tests cannot run.');
    finish(0, 1, 0, ['system dependencies (scripts/ensure-system-deps.sh)']);
  } else if (Date.now() - start > 2000) {
    log(`system packages ready (${elapsed(start)})`);
  }
}

/* 2. lint and type-check ------------------------------------------------- */
/** Runs `node <script> <args>` for each command in turn, collecting what they print. */
function runChecks(commands) {
  return new Promise((resolve) => {
    let output = '';
    const next = (i) => {
      if (i === commands.length) return resolve({ ok: true, output });
      const [script, ...args] = commands[i];
      const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', (err) => resolve({ ok: false, output: `${output}${err.message}\n` }));
      child.on('close', (code) => (code === 0 ? next(i + 1) : resolve({ ok: false, output })));
    };
    next(0);
  });
}

{
  const tsc = path.join('node_modules', 'typescript', 'bin', 'tsc');
  const checks = [
    { name: 'lint (npm run lint)', commands: [[path.join('node_modules', 'eslint', 'bin', 'eslint.js'), '.']] },
    {
      name: 'type-check (npm run typecheck)',
      commands: [
        [tsc, '--noEmit', '-p', 'tsconfig.json'],
        [tsc, '--noEmit', '-p', 'tsconfig.core.json'],
      ],
    },
  ];
  const start = Date.now();
  // side by side: the machine has two cores and the two share nothing
  const results = await Promise.all(checks.map((c) => runChecks(c.commands)));
  checks.forEach((check, i) => {
    if (results[i].ok) return;
    console.error(`[test] ERROR: ${check.name} failed:\n${results[i].output.trimEnd()}`);
    extraFailures.push(check.name);
  });
  log(`lint and type-check finished in ${elapsed(start)}`);
}

/* 3. web build when stale ---------------------------------------------- */
if (process.env.GONGZHI_SKIP_WEB_BUILD !== '1') {
  const { buildWebIfStale } = await import('./build-web.mjs');
  if (buildWebIfStale({ log }) === 'failed') {
    console.error('[test] ERROR: web build (vite build) failed');
    extraFailures.push('web build (vite build)');
  }
}

/* 4. vitest ------------------------------------------------------------- */
fs.mkdirSync(path.dirname(REPORT), { recursive: true });
fs.rmSync(REPORT, { force: true });

const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...extraArgs];
const localVitest = path.join('node_modules', 'vitest', 'vitest.mjs');
const start = Date.now();
const vitest = fs.existsSync(localVitest)
  ? spawnSync(process.execPath, [localVitest, ...vitestArgs], { stdio: 'inherit' })
  : spawnSync('npx', ['--no-install', 'vitest', ...vitestArgs], { stdio: 'inherit' });
log(`vitest finished in ${elapsed(start)} with exit status ${vitest.status ?? vitest.signal}`);

/* 5. summary ------------------------------------------------------------ */
let report;
try {
  report = JSON.parse(fs.readFileSync(REPORT, 'utf8'));
} catch (err) {
  console.error(`[test] ERROR: no readable Vitest JSON report at ${REPORT} (${err.code ?? err.message}); Vitest crashed or did not start.`);
  finish(0, 1 + extraFailures.length, 0, ['vitest (no JSON report)', ...extraFailures]);
}

const rel = (file) => (file ? path.relative(root, file) : '?');
const firstLine = (msg) => String(msg ?? '').split('\n').find((l) => l.trim()) ?? '';

const failedNames = [];
let fileFailures = 0;
for (const file of report.testResults ?? []) {
  const failedHere = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
  for (const a of failedHere) {
    const name = a.fullName || [...(a.ancestorTitles ?? []), a.title].join(' > ');
    const why = firstLine(a.failureMessages?.[0]);
    failedNames.push(`${rel(file.name)} > ${name}${why ? `\n      ${why.slice(0, 300)}` : ''}`);
  }
  // A file that failed without a failing test (import error, hook failure) counts as one failure.
  if (file.status === 'failed' && failedHere.length === 0) {
    fileFailures += 1;
    const why = firstLine(file.message);
    failedNames.push(`${rel(file.name)} (file failed to run)${why ? `\n      ${why.slice(0, 300)}` : ''}`);
  }
}

const passed = report.numPassedTests ?? 0;
let failed = (report.numFailedTests ?? 0) + fileFailures + extraFailures.length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
failedNames.push(...extraFailures);

// Vitest failed for a reason not tied to a test (unhandled error, no test files, …).
if (failed === 0 && (vitest.status !== 0 || report.success === false)) {
  failed = 1;
  failedNames.push(`vitest exited with ${vitest.status ?? vitest.signal} (unhandled error or no tests run; see the log above)`);
}

finish(passed, failed, skipped, failedNames);
