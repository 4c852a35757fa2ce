// The PGlite folder lock (folder-lock.ts): refused while a live process holds it, taken over
// after its holder died however it died, in a container's PID namespace too, and never
// confused by a pid in an old lock file that names some unrelated live process.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderInUseError, lockFolder } from './folder-lock';

const tmpFolder = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gz-lock-')), 'db');

/** A child process that takes the lock, says so, and then dies by SIGKILL (a crash) or waits. */
function holderScript(dir: string, then: 'crash' | 'wait') {
  const lockModule = path.resolve('src/server/db/folder-lock.ts');
  return `
    const { lockFolder } = await import(${JSON.stringify(lockModule)});
    await lockFolder(${JSON.stringify(dir)});
    process.stdout.write('locked ' + process.pid + '\\n');
    ${then === 'crash' ? "process.kill(process.pid, 'SIGKILL');" : 'setInterval(() => {}, 1000);'}
  `;
}

function runHolder(command: string, args: string[]) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const locked = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /locked (\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', () => setTimeout(() => reject(new Error(`holder exited before locking: ${err || out}`)), 50));
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, locked, exited };
}

const nodeArgs = (dir: string, then: 'crash' | 'wait') => ['--import', 'tsx', '--input-type=module', '-e', holderScript(dir, then)];

describe('PGlite folder lock', () => {
  it('refuses a second holder and frees the folder on release', async () => {
    const dir = tmpFolder();
    const release = await lockFolder(dir);
    await expect(lockFolder(dir)).rejects.toThrow(FolderInUseError);
    await expect(lockFolder(dir)).rejects.toThrow(/in use by process/);
    await release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
    const again = await lockFolder(dir);
    await again();
  });

  it('refuses while another live process holds it, naming that process', async () => {
    const dir = tmpFolder();
    const holder = runHolder(process.execPath, nodeArgs(dir, 'wait'));
    try {
      const pid = await holder.locked;
      await expect(lockFolder(dir)).rejects.toThrow(`in use by process ${pid}`);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
    // Its death released the lock: no clean-up ran, the kernel closed the socket.
    const release = await lockFolder(dir);
    await release();
  });

  it('takes over after its holder was killed with SIGKILL', async () => {
    const dir = tmpFolder();
    const holder = runHolder(process.execPath, nodeArgs(dir, 'crash'));
    await holder.locked;
    await holder.exited;
    expect(fs.existsSync(`${dir}.lock`)).toBe(true); // left behind by the crash
    const release = await lockFolder(dir);
    await release();
  });

  it('is not fooled by an old lock file naming an unrelated live process', async () => {
    const dir = tmpFolder();
    // The format before this lock: the holder's pid. PID 1 and this test's own parent are alive.
    fs.writeFileSync(`${dir}.lock`, String(1));
    const first = await lockFolder(dir);
    await first();
    fs.writeFileSync(`${dir}.lock`, String(process.ppid));
    const second = await lockFolder(dir);
    await second();
  });

  it('two starts racing for a stale lock: exactly one wins', async () => {
    const dir = tmpFolder();
    fs.writeFileSync(`${dir}.lock`, '4194305');
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => lockFolder(dir)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(FolderInUseError);
    await (won[0] as PromiseFulfilledResult<() => Promise<void>>).value();
  });

  // In a container the server is PID 1 of its PID namespace, after every restart. A lock that
  // stored "1" was held for ever by the next start (itself PID 1, or any live PID 1).
  const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-p', '-f', '--mount-proc', 'true']).status === 0;
  it.skipIf(!canUnshare)('comes back after a crash inside a PID namespace (unshare -p -f --mount-proc)', async () => {
    const dir = tmpFolder();
    for (let start = 0; start < 2; start++) {
      const holder = runHolder('unshare', ['-p', '-f', '--mount-proc', process.execPath, ...nodeArgs(dir, 'crash')]);
      expect(await holder.locked).toBe('1'); // the holder is PID 1 in its namespace
      await holder.exited;
    }
    const release = await lockFolder(dir);
    await release();
  });
});
