// The quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2; issue 14) through the API: what
// it shows without an account, that it shows nothing personal beyond what ZAS 6.1.3.5 makes
// public (the demo district seeded, then every answer scanned for every owner's phone, ID
// number and name), its short codes, the sections other modules plug in, the rate limit, and
// the A4 poster whose QR code is decoded back to the board's address.
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { PUBLIC_BOARD_JOIN_MS } from '../../src/server/modules/board';
import { maskIdNumber } from '../../src/core/idnumber';
import { buildPublicBoard } from '../../src/server/modules/board/board';
import { CODE_ALPHABET } from '../../src/server/modules/board/codes';
import { qrMatrix } from '../../src/server/modules/board/poster';
import { generateQuarterBatch, planDemo } from '../../src/server/seed/generate';
import { seedDemo } from '../../src/server/seed/write';
import type { FastifyInstance } from 'fastify';
import { migrate, type Db } from '../../src/server/db/index';
import { loadHashKey } from '../../src/server/platform/keys';
import { createTestApp, openTestDb, type Session, type TestApp } from '../support/app';

let t: TestApp;
let commissioner: Session;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  commissioner = await t.login('commissioner');
  owner = await t.login('owner');
});
afterAll(async () => {
  await t?.close();
});

const board = (key: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: `/api/public/quarters/${key}`, headers });

describe('the board of a quarter without records', () => {
  it('answers without an account: the quarter, empty bodies, empty lists, zero cases', async () => {
    const res = await board(t.fx.q1);
    expect(res.statusCode).toBe(200);
    const b = res.json();
    expect(b.quarter).toEqual({ id: t.fx.q1, code: null, name: '一号小区', address: '', community: '一社区', households: 120 });
    expect(b).toMatchObject({ commissioner: null, partyOrganization: null, committee: null, supervisoryCommittee: null, company: null, disclosures: [], projects: [], votes: [], mediations: [], cases: { total: 0, open: 0, closed: 0 } });
    // The cases module gives the raise page; the board keeps its own phone (none here) and text.
    expect(b.raise).toMatchObject({ url: `/q/${t.fx.q1}/raise`, phone: null });
    expect(b.raise.text).toContain('小区专员');
    // Public and the same for everyone: a short cache instead of the API's no-store.
    expect(res.headers['cache-control']).toBe('public, max-age=30');
  });

  it('speaks English when asked', async () => {
    const b = (await board(t.fx.q1, { 'accept-language': 'en' })).json();
    expect(b.raise.text).toMatch(/commissioner/);
  });

  it('answers 404 for an unknown quarter, an unknown code and anything else', async () => {
    for (const key of ['00000000-0000-4000-8000-000000000000', 'ZZZZZZ', 'not-a-quarter', '1234567', '%E4%B8%80']) {
      const res = await board(key);
      expect(res.statusCode, key).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('counts against the API rate limit, as the other public endpoints do', async () => {
    const app = await buildApp({ db: t.db, webDir: null, rateLimitPerMinute: 3 });
    try {
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}`, remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
      const refused = await app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}`, remoteAddress: '10.9.9.9' });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
      // Another phone in the lobby is not held up by the first.
      expect((await app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}`, remoteAddress: '10.9.9.10' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('sections of other modules', () => {
  it('replace the defaults of their keys; a null answer keeps the default', async () => {
    const disclosures = [{ id: 'd1', period: '2026-H1', publishedAt: '2026-07-15T02:00:00.000Z', incomeFen: 1_250_000, spendingFen: 830_000, balanceFen: 420_000 }];
    const asked: string[] = [];
    const b = await buildPublicBoard(
      t.db.kysely,
      [
        { key: 'disclosures', section: async (_db, quarterId) => (asked.push(quarterId), disclosures) },
        { key: 'cases', section: async () => null },
      ],
      t.fx.q1,
      'zh-CN',
    );
    expect(asked).toEqual([t.fx.q1]);
    expect(b.disclosures).toEqual(disclosures);
    expect(b.cases).toEqual({ total: 0, open: 0, closed: 0 });
  });
});

describe('the poster and the short code', () => {
  let pdf: Buffer;
  let code: string;

  it('staff of the quarter download an A4 PDF; its code opens the board', async () => {
    const res = await commissioner.get(`/api/quarters/${t.fx.q1}/poster`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''/);
    pdf = res.rawPayload;
    const url = /\/URI \((http[^)]*)\)/.exec(pdf.toString('latin1'))![1];
    // The request's own address when GONGZHI_PUBLIC_URL is not set (inject's host is localhost:80).
    expect(url).toMatch(new RegExp(`^http://localhost(:80)?/q/[${CODE_ALPHABET}]{6}$`));
    code = url.slice(-6);

    const byCode = await board(code);
    expect(byCode.statusCode).toBe(200);
    expect(byCode.json().quarter).toMatchObject({ id: t.fx.q1, code });
    // Typed on a phone in lower case, it is the same board.
    expect((await board(code.toLowerCase())).json().quarter.id).toBe(t.fx.q1);
    expect((await board(t.fx.q1)).json().quarter.code).toBe(code);

    // The code stays: the poster on the wall keeps it.
    const again = await commissioner.get(`/api/quarters/${t.fx.q1}/poster`);
    expect(/\/URI \((http[^)]*)\)/.exec(again.rawPayload.toString('latin1'))![1]).toBe(url);
  });

  it('is a well-formed PDF: header, objects where the cross-reference table says, trailer', () => {
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref))!.map(Number);
    const entries = text.slice(startxref).split('\n').slice(3, 2 + count);
    entries.forEach((entry, i) => {
      const offset = Number(entry.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // The content stream's length is what it says.
    const stream = /\/Length (\d+) >>\nstream\n/.exec(text)!;
    const start = stream.index + stream[0].length;
    expect(text.slice(start + Number(stream[1]), start + Number(stream[1]) + 10)).toBe('\nendstream');
  });

  it('prints the address in the page and draws a QR code that decodes to it', () => {
    const text = pdf.toString('latin1');
    const url = /\/URI \((http[^)]*)\)/.exec(text)![1];
    expect(text).toContain(`(${url}) Tj`);
    // The quarter's name, in the UCS-2 the Chinese font reads.
    const hex = [...'一号小区'].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0').toUpperCase()).join('');
    expect(text).toContain(`<${hex}> Tj`);

    // Paint the rectangles of the black path back into pixels and read them as a camera would.
    const path = /0 g\n((?:[\d.]+ [\d.]+ [\d.]+ [\d.]+ re\n)+)f/.exec(text)![1];
    const rects = path.trim().split('\n').map((l) => l.split(' ').slice(0, 4).map(Number));
    const scale = 2;
    const width = Math.ceil(595.28 * scale);
    const height = Math.ceil(841.89 * scale);
    const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
    for (const [x, y, w, h] of rects) {
      for (let py = Math.round((841.89 - y - h) * scale); py < Math.round((841.89 - y) * scale); py++) {
        for (let px = Math.round(x * scale); px < Math.round((x + w) * scale); px++) {
          const at = (py * width + px) * 4;
          pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
        }
      }
    }
    const decoded = jsQR(pixels, width, height);
    expect(decoded?.data).toBe(url);
  });

  it('follows GONGZHI_PUBLIC_URL when it is set', async () => {
    const app = await buildApp({ db: t.db, webDir: null, publicUrl: 'https://gongzhi.example.gov.cn' });
    try {
      const res = await app.inject({ method: 'GET', url: `/api/quarters/${t.fx.q1}/poster`, headers: { cookie: commissioner.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.toString('latin1')).toContain(`(https://gongzhi.example.gov.cn/q/${code}) Tj`);
    } finally {
      await app.close();
    }
  });

  it('the QR payload is the address itself, whole', () => {
    const qr = qrMatrix('https://gongzhi.example.gov.cn/q/K7M2QX');
    expect(qr.size).toBeGreaterThanOrEqual(25);
  });

  it('is for staff: an owner may not print it, and a quarter outside the scope looks unknown', async () => {
    expect((await owner.get(`/api/quarters/${t.fx.q1}/poster`)).statusCode).toBe(403);
    expect((await commissioner.get(`/api/quarters/${t.fx.q2}/poster`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/quarters/${t.fx.q1}/poster` })).statusCode).toBe(401);
  });

  it('the dossier gives the short path and the poster to those who may print it', async () => {
    const dossier = (await commissioner.get(`/api/quarters/${t.fx.q1}/dossier`)).json();
    const section = dossier.sections.find((s: { key: string }) => s.key === 'board');
    expect(section).toMatchObject({ title: '码上办', data: { code, path: `/q/${code}`, posterUrl: `/api/quarters/${t.fx.q1}/poster` } });
    const ownersView = await owner.get(`/api/quarters/${t.fx.q1}/dossier`);
    if (ownersView.statusCode === 200) expect(ownersView.json().sections.some((s: { key: string }) => s.key === 'board')).toBe(false);
  });
});

describe('nothing personal on the board of the demo district (个人信息保护法; ZAS 6.1.3.5)', () => {
  // The demo district on a database of its own (its accounts' names are the fixture's).
  let demo: { db: Db; drop: () => Promise<void> };
  let app: FastifyInstance;
  const board = (key: string) => app.inject({ method: 'GET', url: `/api/public/quarters/${key}` });
  beforeAll(async () => {
    demo = await openTestDb();
    await migrate(demo.db);
    await seedDemo(demo.db.kysely, await loadHashKey(demo.db));
    app = await buildApp({ db: demo.db, webDir: null, rateLimitPerMinute: 1_000_000 });
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await demo?.drop();
  });

  it('no owner phone, no ID number, no owner name but of those in office, on any quarter', async () => {
    const plan = planDemo();
    const quarters = await demo.db.kysely.selectFrom('quarters').select(['id', 'name']).execute();
    expect(quarters.length).toBe(plan.quarterCount);
    let withCommittee = 0;
    let withVotes = 0;
    for (let i = 0; i < plan.quarterCount; i++) {
      const batch = generateQuarterBatch(plan, i);
      const quarter = quarters.find((q) => q.name === batch.quarter.name)!;
      const res = await board(quarter.id);
      expect(res.statusCode).toBe(200);
      const json = res.body;
      const b = res.json();
      if (b.committee) withCommittee++;
      if (b.votes.length) withVotes++;

      // Those whose names are public because they hold an office.
      const inOffice = new Set<string>([b.commissioner?.name, b.partyOrganization?.secretaryName, ...(b.committee?.members ?? []), ...(b.supervisoryCommittee?.members ?? [])].map((m) => (typeof m === 'string' ? m : m?.name)).filter(Boolean));
      const officeMembers = await demo.db.kysely
        .selectFrom('committee_members as m')
        .innerJoin('owners_committees as c', 'c.id', 'm.committee_id')
        .select('m.name')
        .where('c.quarter_id', '=', quarter.id)
        .where('c.status', '=', 'active')
        .where('m.removed_on', 'is', null)
        .execute();
      expect(new Set(b.committee?.members.map((m: { name: string }) => m.name) ?? [])).toEqual(new Set(officeMembers.map((m) => m.name)));

      // Everything the board says but the names of those in office.
      let without = json;
      for (const name of inOffice) without = without.split(name).join('');
      for (const o of batch.owners) {
        if (o.phone) expect(json.includes(o.phone), `${quarter.name}: phone of ${o.name}`).toBe(false);
        if (o.idNumber) {
          expect(json.includes(o.idNumber), `${quarter.name}: ID number of ${o.name}`).toBe(false);
          expect(json.includes(maskIdNumber(o.idNumber)), `${quarter.name}: masked ID number of ${o.name}`).toBe(false);
        }
        if (o.kind === 'person' && !inOffice.has(o.name)) expect(without.includes(o.name), `${quarter.name}: owner ${o.name}`).toBe(false);
      }
      // Nor anything shaped like an ID number or a mobile number but the commissioner's.
      expect(json.match(/\d{17}[\dXx]/g)).toBeNull();
      const mobiles = (json.match(/1[3-9]\d{9}/g) ?? []).filter((p) => p !== b.commissioner?.phone);
      expect(mobiles).toEqual([]);
    }
    // The demo quarter has its committee and its votes on the board.
    expect(withCommittee).toBeGreaterThan(0);
    expect(withVotes).toBeGreaterThan(0);
  }, 240_000);

  it('shows the demo quarter’s bodies, company and fee, and its published vote with the record', async () => {
    const q = await demo.db.kysely.selectFrom('quarters').select('id').where('name', '=', '清溪新村').executeTakeFirstOrThrow();
    const b = (await board(q.id)).json();
    expect(b.commissioner).toEqual({ name: '周敏', phone: '13857100001', since: '2024-03-01', photoUrl: null });
    expect(b.committee.members.length).toBeGreaterThanOrEqual(5);
    expect(b.committee.members[0].positionLabel).toBe('主任');
    expect(b.company).toMatchObject({ name: '绿城物业服务集团有限公司', feeStandard: { fenPerSquareMetreMonth: 95, text: '0.95 元/㎡·月' } });
    expect(b.raise).toMatchObject({ phone: '13857100001', url: `/q/${q.id}/raise` });
    // The finance and cases modules' parts: the demo's published half year, the projects whose
    // decision is public, and the cases counted (never their content).
    expect(b.disclosures.length).toBeGreaterThan(0);
    expect(b.disclosures[0]).toMatchObject({ period: expect.stringMatching(/^\d{4}H[12]$/), incomeFen: expect.any(Number) });
    expect(b.projects.length).toBeGreaterThan(0);
    const counted = await demo.db.kysely.selectFrom('cases').select([(eb) => eb.fn.countAll<string>().as('n')]).where('quarter_id', '=', q.id).executeTakeFirstOrThrow();
    expect(b.cases.total).toBe(Number(counted.n));
    expect(b.cases.total).toBeGreaterThan(0);
    expect(b.cases.open + b.cases.closed).toBe(b.cases.total);
    // The cases module's public mediations (HZ 5.1.4.2): time, place and the kind of dispute,
    // never its parties, its subject as written or the mediator.
    expect(b.mediations).toEqual([{ at: expect.any(String), place: '社区议事厅', category: 'neighbour', categoryLabel: '相邻关系（漏水、噪音等）' }]);
    const disputes = await demo.db.kysely.selectFrom('disputes').select(['subject', 'parties', 'mediator_name']).where('quarter_id', '=', q.id).execute();
    for (const d of disputes) for (const text of [d.subject, d.parties, d.mediator_name]) if (text) expect(JSON.stringify(b).includes(text), text).toBe(false);
    const published = b.votes.find((v: { status: string }) => v.status === 'published');
    expect(published.recordUrl).toBe(`/api/votes/${published.id}/record`);
    expect(published.items.every((i: { passed: boolean | null }) => typeof i.passed === 'boolean')).toBe(true);
    // The record is downloadable without an account.
    const record = await app.inject({ method: 'GET', url: published.recordUrl });
    expect(record.statusCode).toBe(200);
    const open = b.votes.find((v: { status: string }) => v.status !== 'published');
    if (open) expect(open.recordUrl).toBeNull();
  });

  it('answers from a read begun at most 50 ms before the request, and from a new read after that (PUBLIC_BOARD_JOIN_MS)', async () => {
    expect(PUBLIC_BOARD_JOIN_MS).toBe(50);
    const q = await demo.db.kysely.selectFrom('quarters').select(['id', 'households']).where('name', '=', '清溪新村').executeTakeFirstOrThrow();
    const pause = () => new Promise((resolve) => setTimeout(resolve, PUBLIC_BOARD_JOIN_MS + 10));
    try {
      // The test before read this board: its answer is no longer kept after a pause.
      await pause();
      const askedAt = performance.now();
      expect((await board(q.id)).json().quarter.households).toBe(q.households);
      await demo.db.kysely.updateTable('quarters').set({ households: q.households + 1 }).where('id', '=', q.id).execute();
      // The first read began after askedAt: a request sent within 50 ms of that is answered by it
      // (on a machine too busy to send it so soon, it may be read afresh; nothing to check then).
      const againAt = performance.now();
      const again = (await board(q.id)).json().quarter.households;
      if (againAt - askedAt < PUBLIC_BOARD_JOIN_MS) expect(again).toBe(q.households);
      // More than 50 ms after the write, every request sees it.
      await pause();
      expect((await board(q.id)).json().quarter.households).toBe(q.households + 1);
    } finally {
      await demo.db.kysely.updateTable('quarters').set({ households: q.households }).where('id', '=', q.id).execute();
    }
  });
});
