// The load for bench/voting.ts, run in a worker thread with its own event loop: one
// POST /api/votes/:id/ballot per verified owner, `concurrency` requests in flight.
//
// client 'raw' (the default) is a minimal HTTP/1.1 client: keep-alive connections, one request
// in flight on each (no pipelining), each response read to its end (Content-Length) before the
// next request goes out. It is what a load generator written for the job (wrk, say) does, and it
// costs about a third of what a general-purpose Node client costs per request (measured: about
// 0.07 ms against 0.19 ms for autocannon or undici). The client shares the machine's two cores
// with the server and PostgreSQL, so its own cost would otherwise count against the API.
// client 'autocannon' runs the same load through autocannon, as a cross-check.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { base, voteId, tokens, concurrency, client } = workerData;
const path = `/api/votes/${voteId}/ballot`;
const elu0 = performance.eventLoopUtilization();
const start = process.hrtime.bigint();
let next = 0;
let ok = 0;
let failed = 0;
let firstError = null;
let lastAt = null;

function body(i) {
  const choices = { 1: ['yes', 'no', 'abstain'][i % 3], 2: ['yes', 'no'][i % 2], 3: 'yes' };
  return JSON.stringify({ voterToken: tokens[i], choices });
}

function answered(status, text) {
  if (status === 201) ok++;
  else {
    failed++;
    firstError ??= `${status} ${text}`;
  }
  // The time is taken at the last answer (autocannon reports its own end on a one-second tick).
  if (ok + failed === tokens.length) lastAt = process.hrtime.bigint();
}

function finish() {
  const ms = Number((lastAt ?? process.hrtime.bigint()) - start) / 1e6;
  parentPort.postMessage({ ok, failed, ms, firstError, busy: performance.eventLoopUtilization(elu0).utilization });
}

function raw() {
  const url = new URL(base);
  let open = concurrency;
  for (let c = 0; c < concurrency; c++) {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.setNoDelay(true);
    let buf = Buffer.alloc(0);
    const send = () => {
      const i = next++;
      if (i >= tokens.length) return socket.end();
      const payload = body(i);
      socket.write(`POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`);
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
        answered(Number(head.slice(9, 12)), buf.toString('utf8', headEnd + 4, headEnd + 4 + length));
        buf = buf.subarray(headEnd + 4 + length);
        send();
      }
    });
    socket.on('error', (err) => {
      failed++;
      firstError ??= String(err);
    });
    socket.on('close', () => {
      if (--open === 0) finish();
    });
  }
}

async function withAutocannon() {
  const { default: autocannon } = await import('autocannon');
  autocannon(
    {
      url: base,
      connections: concurrency,
      amount: tokens.length,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          path,
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({ ...req, body: body(next++) }),
          onResponse: (status, text) => answered(status, text),
        },
      ],
    },
    (err) => {
      if (err) {
        failed++;
        firstError ??= String(err);
      }
      finish();
    },
  );
}

if (client === 'autocannon') await withAutocannon();
else raw();
