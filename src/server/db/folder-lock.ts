// PGlite does not protect its folder against a second process; two writers would corrupt it.
//
// The lock is a Unix socket beside the folder (`<dataDir>.lock`) that the holder listens on.
// The kernel closes a listening socket when its process dies, however it dies, so a crash
// leaves a socket file that no one answers on: the next start sees that and takes it over.
// Nothing depends on process ids, which a container's PID namespace reuses (the server is PID 1
// there, after every restart) and which can name any unrelated live process after a reboot.
//
//   listen(<dataDir>.lock)      → ours
//   EADDRINUSE, connect answers → held by a live process: refuse
//   EADDRINUSE, connect refused → left by a dead process (or an old pid file): take it over,
//                                 under a short takeover mutex so that two starts racing for one
//                                 stale lock cannot both win
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A takeover that has not finished in this long was left by a process that died in it. */
const TAKEOVER_STALE_MS = 10_000;

export class FolderInUseError extends Error {
  constructor(dataDir: string, holder: string) {
    super(
      `The embedded database at ${dataDir} is in use by process ${holder}. ` +
        'Stop that process, or use PostgreSQL (DATABASE_URL) to run several processes.',
    );
    this.name = 'FolderInUseError';
  }
}

/**
 * Locks a PGlite folder for this process; resolves to the function that releases it.
 * Rejects with FolderInUseError while another live process holds it.
 */
export async function lockFolder(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = socketPathFor(`${dataDir.replace(/\/+$/, '')}.lock`);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 50; attempt++) {
    const server = await tryListen(lockPath);
    if (server) return release(server);
    const holder = await ask(lockPath);
    if (holder !== null) throw new FolderInUseError(dataDir, holder);
    // Stale: the holder died. Take it over under the takeover mutex, and look again inside it,
    // since another start may have taken it over between our look and our mutex.
    const mutex = `${lockPath}.takeover`;
    if (!tryMkdir(mutex)) {
      clearStaleMutex(mutex);
      await delay(50);
      continue;
    }
    try {
      if ((await ask(lockPath)) === null) fs.rmSync(lockPath, { force: true });
    } finally {
      fs.rmSync(mutex, { recursive: true, force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

/** A Unix socket path is limited to 107 bytes; a long absolute path is used relative to the working folder. */
function socketPathFor(lockPath: string): string {
  if (Buffer.byteLength(lockPath) <= 100) return lockPath;
  const relative = path.relative(process.cwd(), lockPath);
  if (Buffer.byteLength(relative) <= 100) return relative;
  throw new Error(`The data folder path is too long for its lock (${lockPath}); use a shorter GONGZHI_DATA.`);
}

function tryListen(lockPath: string): Promise<net.Server | null> {
  return new Promise((resolve, reject) => {
    // Each connection is told who holds the lock, and closed.
    const server = net.createServer((socket) => socket.end(`${process.pid}`));
    server.once('error', (err: NodeJS.ErrnoException) => (err.code === 'EADDRINUSE' ? resolve(null) : reject(err)));
    server.listen(lockPath, () => {
      // The lock must not keep the process alive by itself (a CLI command ends when its work does).
      server.unref();
      resolve(server);
    });
  });
}

/** The holder's answer (its pid, as its own namespace sees it), or null when no one listens. */
function ask(lockPath: string): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(lockPath);
    let answer = '';
    const timer = setTimeout(() => finish(answer || 'unknown'), 2000);
    const finish = (value: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => finish(answer || 'unknown'));
    // ECONNREFUSED: a socket file no one listens on; ENOTSOCK/ECONNREFUSED: an old pid file;
    // ENOENT: it went away meanwhile. All mean no live holder.
    socket.on('error', () => finish(null));
  });
}

function release(server: net.Server): () => Promise<void> {
  let released = false;
  return () =>
    new Promise<void>((resolve) => {
      if (released) return resolve();
      released = true;
      // Closing the server also removes its socket file (libuv unlinks the path it bound).
      server.close(() => resolve());
    });
}

function tryMkdir(dir: string): boolean {
  try {
    fs.mkdirSync(dir);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

function clearStaleMutex(mutex: string): void {
  try {
    if (Date.now() - fs.statSync(mutex).mtimeMs > TAKEOVER_STALE_MS) fs.rmSync(mutex, { recursive: true, force: true });
  } catch {
    /* gone meanwhile */
  }
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
