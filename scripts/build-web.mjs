#!/usr/bin/env node
// Builds the web app (vite build → dist/web) when it is missing or older than its sources.
//   node scripts/build-web.mjs           build when stale
//   node scripts/build-web.mjs --force   always build
// Exit status non-zero when the build fails. Used by `npm start` and `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop();
    let entries;
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules') stack.push(p);
      } else if (!/\.test\.[cm]?[jt]sx?$/.test(e.name)) {
        try {
          newest = Math.max(newest, fs.statSync(p).mtimeMs);
        } catch {
          /* vanished */
        }
      }
    }
  }
  return newest;
}

/** Returns 'fresh', 'built' or 'failed'. */
export function buildWebIfStale({ force = false, log = console.log } = {}) {
  const viteConfig = path.join(root, 'vite.config.ts');
  const indexHtml = path.join(root, 'dist', 'web', 'index.html');
  let builtAt = 0;
  try {
    builtAt = fs.statSync(indexHtml).mtimeMs;
  } catch {
    /* not built */
  }
  const sourcesAt = Math.max(newestMtime(path.join(root, 'src', 'web')), fs.statSync(viteConfig).mtimeMs);
  if (!force && builtAt > 0 && builtAt >= sourcesAt) return 'fresh';
  log(builtAt === 0 ? 'Building the web app…' : 'Building the web app (sources changed since the last build)…');
  const start = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: root,
  });
  if (r.status !== 0) return 'failed';
  log(`Web app built in ${((Date.now() - start) / 1000).toFixed(1)} s.`);
  return 'built';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = buildWebIfStale({ force: process.argv.includes('--force') });
  if (result === 'failed') {
    console.error('The web app build failed (see above).');
    process.exit(1);
  }
}
