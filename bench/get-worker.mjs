// The load for bench/board.ts, run in a worker thread with its own event loop: GET `path` over
// `concurrency` keep-alive connections, one request in flight on each, for `ms` milliseconds,
// with the minimal HTTP/1.1 client of load-worker.mjs (it costs the shared cores less than a
// general-purpose client). Only 127.0.0.1; it stops by itself when the time is up.
import net from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

const { base, path, concurrency, ms } = workerData;
const url = new URL(base);
if (url.hostname !== '127.0.0.1') throw new Error('the bench loads 127.0.0.1 only');
const request = `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAccept-Encoding: identity\r\n\r\n`;
const start = process.hrtime.bigint();
const deadline = start + BigInt(ms) * 1_000_000n;
let ok = 0;
let failed = 0;
let bytes = 0;
let firstError = null;
let open = concurrency;

for (let c = 0; c < concurrency; c++) {
  const socket = net.connect(Number(url.port), url.hostname);
  socket.setNoDelay(true);
  let buf = Buffer.alloc(0);
  const send = () => {
    if (process.hrtime.bigint() >= deadline) return socket.end();
    socket.write(request);
  };
  socket.on('connect', send);
  socket.on('data', (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    for (;;) {
      const headEnd = buf.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = buf.toString('latin1', 0, headEnd);
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (buf.length < headEnd + 4 + length) return;
      const status = Number(head.slice(9, 12));
      if (status === 200) {
        ok++;
        bytes += length;
      } else {
        failed++;
        firstError ??= `${status} ${buf.toString('utf8', headEnd + 4, headEnd + 4 + Math.min(length, 300))}`;
      }
      buf = buf.subarray(headEnd + 4 + length);
      send();
    }
  });
  socket.on('error', (err) => {
    failed++;
    firstError ??= String(err);
  });
  socket.on('close', () => {
    if (--open === 0) {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
      parentPort.postMessage({ ok, failed, bytes, ms: elapsed, firstError });
    }
  });
}
