// Scans of paper ballots and proxy letters (issue 11, point 10): a size limit applied while the
// file streams in, the content checked whole (no polyglots, no PDF scripts), served so that
// nothing in them runs, a quota per vote, and the unused ones deleted when the vote closes.
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { AFTER, DURING, PNG, fixtureCredentials, labelledPng, minimalPdf, openedVote, voteClock, type Credential } from '../support/voting';

let t: TestApp;
let committee: Session;
let creds: Credential[];
const clock = voteClock();
const MB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp();
  clock.set('2026-03-01T09:00:00+08:00');
  committee = await t.login('committee');
  creds = await fixtureCredentials(t, 'q1');
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

async function newVote() {
  clock.set('2026-03-01T09:00:00+08:00');
  const id = await openedVote(committee, t.fx.q1);
  clock.set(DURING);
  return id;
}

/** A multipart upload with headers of the caller's choice (the language). */
function upload(s: Session, url: string, name: string, content: Buffer, headers: Record<string, string> = {}) {
  const boundary = '----gongzhi-scan-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({ method: 'POST', url, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers } });
}

/** A whole minimal JPEG: SOI, APP0, SOS with a few bytes of coded data (one stuffed 0xFF), EOI. */
function jpeg(tail = Buffer.alloc(0)) {
  return Buffer.concat([
    Buffer.from('ffd8', 'hex'),
    Buffer.from('ffe000104a46494600010100000100010000', 'hex'),
    Buffer.from('ffda000801010000 3f00'.replace(/\s/g, ''), 'hex'),
    Buffer.from('12ff003456', 'hex'),
    Buffer.from('ffd9', 'hex'),
    tail,
  ]);
}

describe('size', () => {
  it('refuses a scan over 8 MB with 413 naming the limit, in the caller language, while the server keeps answering', async () => {
    const voteId = await newVote();
    // Valid first bytes and then 12 MB: the old check read only the magic bytes and took it.
    const big = labelledPng('big', Buffer.alloc(12 * MB, 0x41));
    const [refused, health] = await Promise.all([upload(committee, `/api/votes/${voteId}/scans`, 'big.png', big), t.app.inject({ method: 'GET', url: '/api/health' })]);
    expect(health.statusCode).toBe(200);
    expect(refused.statusCode).toBe(413);
    expect(refused.json().error.code).toBe('SCAN_TOO_LARGE');
    expect(refused.json().error.message).toContain('8 MB');
    const en = await upload(committee, `/api/votes/${voteId}/scans`, 'big.png', big, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(413);
    expect(en.json().error.message).toMatch(/^The scan is too large: each may be at most 8 MB/);
    // Just under the limit is taken.
    const fits = await upload(committee, `/api/votes/${voteId}/scans`, 'fits.png', labelledPng('fits', Buffer.alloc(8 * MB - 200, 0x41)));
    expect(fits.statusCode).toBe(201);
    expect((await t.db.kysely.selectFrom('vote_scans').select('id').where('vote_id', '=', voteId).execute()).length).toBe(1);
  });
});

describe('content', () => {
  let voteId: string;
  beforeAll(async () => {
    voteId = await newVote();
  });
  const send = (name: string, content: Buffer) => upload(committee, `/api/votes/${voteId}/scans`, name, content);

  it('takes whole PNG, JPEG and PDF files, a PDF that opens on a page included', async () => {
    for (const [name, content] of [
      ['a.png', labelledPng('a')],
      ['b.jpg', jpeg()],
      ['c.pdf', minimalPdf()],
      ['d.pdf', minimalPdf('/OpenAction [3 0 R /Fit] ')],
    ] as const) {
      const res = await send(name, content);
      expect(res.statusCode, name).toBe(201);
    }
  });

  it('refuses images that are cut short or carry something after their end', async () => {
    const cases: [string, Buffer, string][] = [
      ['png cut short', PNG.subarray(0, 30), 'SCAN_MALFORMED'],
      ['png, bad CRC', Buffer.concat([PNG.subarray(0, 29), Buffer.from([PNG[29] ^ 1]), PNG.subarray(30)]), 'SCAN_MALFORMED'],
      ['png then pdf', Buffer.concat([PNG, minimalPdf()]), 'SCAN_MALFORMED'],
      ['jpeg then html', jpeg(Buffer.from('<html><script>alert(1)</script></html>')), 'SCAN_MALFORMED'],
      ['jpeg without EOI', jpeg().subarray(0, -2), 'SCAN_MALFORMED'],
      ['png with a pdf inside a chunk', labelledPng('x', minimalPdf()), 'SCAN_POLYGLOT'],
      ['png with a page inside a chunk', labelledPng('x', Buffer.from('<html><script>alert(1)</script>')), 'SCAN_POLYGLOT'],
      ['pdf magic only', Buffer.from('%PDF-1.4 test'), 'SCAN_MALFORMED'],
      ['pdf then html', minimalPdf('', '<html><script>alert(1)</script></html>'), 'SCAN_MALFORMED'],
      ['pdf with html inside', minimalPdf('/Title (<html><script>alert(1)</script>) '), 'SCAN_POLYGLOT'],
    ];
    for (const [what, content, code] of cases) {
      const res = await send('x.bin', content);
      expect(res.statusCode, what).toBe(422);
      expect(res.json().error.code, what).toBe(code);
    }
    const en = await upload(committee, `/api/votes/${voteId}/scans`, 'x.png', Buffer.concat([PNG, minimalPdf()]), { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/not a whole PNG image/);
  });

  it('refuses a PDF with scripts, launch actions or attached files, however their names are written', async () => {
    const hidden = zlib.deflateSync(Buffer.from('<< /S /JavaScript /JS (app.alert(1)) >>'));
    const objStm = Buffer.concat([
      Buffer.from(`%PDF-1.5\n4 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${hidden.length} >>\nstream\n`),
      hidden,
      Buffer.from('\nendstream endobj\n'),
      minimalPdf().subarray(9),
    ]);
    const cases: [string, Buffer, string][] = [
      ['open action script', minimalPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >> '), '/JS'],
      ['escaped name', minimalPdf('/OpenAction << /S /Java#53cript /J#53 (app.alert(1)) >> '), '/JS'],
      ['launch', minimalPdf('/OpenAction << /S /Launch /F (cmd.exe) >> '), '/Launch'],
      ['attachment', minimalPdf('/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >> '), '/EmbeddedFiles'],
      ['open action dictionary', minimalPdf('/OpenAction << /S /GoTo /D [3 0 R /Fit] >> '), '/OpenAction'],
      ['script in an object stream', objStm, '/JavaScript'],
    ];
    for (const [what, content, name] of cases) {
      const res = await send('x.pdf', content);
      expect(res.statusCode, what).toBe(422);
      expect(res.json().error.code, what).toBe('SCAN_PDF_ACTIVE');
      expect(res.json().error.message, what).toContain(name);
    }
  });
});

describe('serving', () => {
  it('gives a PDF as a download and an image inline, both under a CSP that runs nothing', async () => {
    const voteId = await newVote();
    const pdf = (await upload(committee, `/api/votes/${voteId}/scans`, '委托书.pdf', minimalPdf())).json();
    const png = (await upload(committee, `/api/votes/${voteId}/scans`, 'ballot.png', labelledPng('serve'))).json();
    const pdfRes = await committee.get(`/api/votes/${voteId}/scans/${pdf.id}`);
    expect(pdfRes.statusCode).toBe(200);
    expect(pdfRes.headers['content-type']).toBe('application/pdf');
    expect(pdfRes.headers['content-disposition']).toMatch(/^attachment;/);
    const pngRes = await committee.get(`/api/votes/${voteId}/scans/${png.id}`);
    expect(pngRes.headers['content-type']).toBe('image/png');
    expect(pngRes.headers['content-disposition']).toMatch(/^inline;/);
    for (const res of [pdfRes, pngRes]) {
      expect(res.headers['content-security-policy']).toContain("default-src 'none'; img-src 'self'; sandbox");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('quota and clean-up', () => {
  it('holds a vote to roll members × 2 + 20 scans (409) and to its total bytes (413)', async () => {
    const voteId = await newVote();
    const members = Number((await t.db.kysely.selectFrom('vote_roll').select((e) => e.fn.countAll().as('n')).where('vote_id', '=', voteId).executeTakeFirstOrThrow()).n);
    const max = members * 2 + 20;
    for (let i = 0; i < max; i++) expect((await upload(committee, `/api/votes/${voteId}/scans`, `s${i}.png`, labelledPng(`q${i}`))).statusCode).toBe(201);
    const over = await upload(committee, `/api/votes/${voteId}/scans`, 'over.png', labelledPng('over'));
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('SCAN_QUOTA_COUNT');
    expect(over.json().error.message).toContain(String(max));

    // Bytes: a vote whose stored scans already come to its limit (sizes as recorded).
    const second = await newVote();
    const vote = await t.db.kysely.selectFrom('votes').select(['district_id', 'quarter_id']).where('id', '=', second).executeTakeFirstOrThrow();
    const limit = (members + 10) * 8 * MB;
    await t.db.kysely
      .insertInto('vote_scans')
      .values({ vote_id: second, district_id: vote.district_id, quarter_id: vote.quarter_id, file_name: 'big.png', content_type: 'image/png', size_bytes: limit - 10, sha256: '0'.repeat(64), content: PNG })
      .execute();
    const full = await upload(committee, `/api/votes/${second}/scans`, 'more.png', labelledPng('more'));
    expect(full.statusCode).toBe(413);
    expect(full.json().error.code).toBe('SCAN_QUOTA_BYTES');
  });

  it('deletes the scans no ballot uses when the vote closes, each with an audit entry', async () => {
    const voteId = await newVote();
    const used = (await upload(committee, `/api/votes/${voteId}/scans`, 'used.png', labelledPng('used'))).json().id as string;
    const unused = (await upload(committee, `/api/votes/${voteId}/scans`, 'unused.png', labelledPng('unused'))).json().id as string;
    const paper = await committee.post(`/api/votes/${voteId}/paper-ballots`, { unitId: creds[0].unitId, choices: { '1': 'yes', '2': 'yes' }, scanId: used });
    expect(paper.statusCode).toBe(201);
    clock.set(AFTER);
    expect((await committee.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    expect((await committee.get(`/api/votes/${voteId}/scans/${used}`)).statusCode).toBe(200);
    expect((await committee.get(`/api/votes/${voteId}/scans/${unused}`)).statusCode).toBe(404);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'before', 'username']).where('entity', '=', 'vote_scan').where('entity_id', '=', unused).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['upload', 'delete']);
    expect(audit[1].before).toMatchObject({ voteId, fileName: 'unused.png' });
  });
});
