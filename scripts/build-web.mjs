#!/usr/bin/env node
// Builds the web app (vite build → dist/web) when it is missing or older than its sources.
//   node scripts/build-web.mjs           build when stale
//   node scripts/build-web.mjs --force   always build
// Exit status non-zero when the build fails. Used by `npm start` and `npm test`.
// After vite, every text asset gets a brotli (.br) and a gzip (.gz) copy beside it, which the
// server sends instead of the file when the browser accepts that encoding (@fastify/static's
// preCompressed): compressing once at build time at the highest levels costs nothing per request.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

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

const COMPRESSIBLE = /\.(js|css|svg|html|json)$/;

/**
 * Writes NAME.br and NAME.gz beside every compressible file under dir; a copy that would not be
 * smaller than the file is not written (the server then sends the file itself).
 * Returns the totals in bytes.
 */
export function precompress(dir) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop();
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        stack.push(p);
        continue;
      }
      if (!COMPRESSIBLE.test(e.name)) continue;
      const raw = fs.readFileSync(p);
      const br = zlib.brotliCompressSync(raw, {
        params: {
          [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      });
      const gz = zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION });
      totals.files += 1;
      totals.raw += raw.length;
      for (const [ext, data] of [['.br', br], ['.gz', gz]]) {
        if (data.length < raw.length) {
          fs.writeFileSync(p + ext, data);
          totals[ext.slice(1)] += data.length;
        } else {
          fs.rmSync(p + ext, { force: true });
          totals[ext.slice(1)] += raw.length;
        }
      }
    }
  }
  return totals;
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
  const sizes = precompress(path.join(root, 'dist', 'web'));
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  log(`Web app: ${sizes.files} files, ${kb(sizes.raw)} (brotli ${kb(sizes.br)}, gzip ${kb(sizes.gz)}).`);
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
