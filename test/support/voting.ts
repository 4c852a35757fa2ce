// Helpers for the voting tests: owners with known ID and certificate numbers, quarters of any
// size written straight into the registry's tables (test set-up only), a controllable clock,
// and running `gongzhi tally`'s own code path on a downloaded record.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { keyedHash } from '../../src/server/platform/keys';
import { makeIdNumber, maskIdNumber } from '../../src/core/idnumber';
import { runTally } from '../../src/cli/tally';
import { setVotingClock } from '../../src/server/modules/voting/clock';
import type { LightMyRequestResponse } from 'fastify';
import type { Session, TestApp } from './app';

export interface Credential {
  unitId: string;
  ownerId: string;
  idNumber: string;
  certificateNo: string;
}

let credentialSeq = 5000;
export function idNumberFor(n: number): string {
  return makeIdNumber('330106', `19${50 + (n % 50)}${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}`, n % 1000);
}

/** Gives every fixture owner of a quarter (one unit each) a known ID number and certificate. */
export async function fixtureCredentials(t: TestApp, key: 'q1' | 'q2' | 'q3' | 'qb'): Promise<Credential[]> {
  const out: Credential[] = [];
  for (let i = 0; i < t.fx.units[key].length; i++) {
    const n = credentialSeq++;
    const idNumber = idNumberFor(n);
    const certificateNo = `浙(2021)测试市不动产权第${String(n).padStart(7, '0')}号`;
    await t.db.kysely
      .updateTable('owners')
      .set({ id_number_hash: keyedHash(t.hashKey, idNumber), id_number_masked: maskIdNumber(idNumber), phone: phoneFor(n) })
      .where('id', '=', t.fx.owners[key][i])
      .execute();
    await t.db.kysely.updateTable('units').set({ certificate_hash: keyedHash(t.hashKey, certificateNo) }).where('id', '=', t.fx.units[key][i]).execute();
    out.push({ unitId: t.fx.units[key][i], ownerId: t.fx.owners[key][i], idNumber, certificateNo });
  }
  return out;
}

/** A mobile number of its own for test owner n, so that a one-time code is found by its number. */
export const phoneFor = (n: number) => `139${String(n).padStart(8, '0')}`;

export interface BulkUnit {
  area: number;
  /** Indexes into the owner list: one for a sole owner, several for co-owners. */
  owners: number[];
}

/**
 * A new quarter in the fixture's community A1 with the given units and owners, written in
 * bulk. Owner `developerIndex` (if any) is the developer. Returns ids and credentials.
 */
export async function bulkQuarter(t: TestApp, spec: { units: BulkUnit[]; ownerCount: number; developerIndex?: number; name?: string }) {
  const k = t.db.kysely;
  const fx = t.fx;
  const q = await k
    .insertInto('quarters')
    .values({
      district_id: fx.districtA,
      street_id: fx.streetA1,
      community_id: fx.communityA1,
      name: spec.name ?? `表决小区${Math.random().toString(36).slice(2, 8)}`,
      total_building_area: 100_000_000,
      delivered_area: 90_000_000,
      households: spec.units.length,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const common = { district_id: fx.districtA, quarter_id: q.id };
  const building = await k.insertInto('buildings').values({ ...common, name: '1幢', floors: 30 }).returning('id').executeTakeFirstOrThrow();
  const ownerRows: { id: string; idNumber: string | null }[] = [];
  for (let i = 0; i < spec.ownerCount; i += 500) {
    const batch = Array.from({ length: Math.min(500, spec.ownerCount - i) }, (_, j) => {
      const index = i + j;
      const developer = index === spec.developerIndex;
      const idNumber = developer ? null : idNumberFor(credentialSeq++);
      return { index, developer, idNumber };
    });
    const rows = await k
      .insertInto('owners')
      .values(
        batch.map((b) => ({
          ...common,
          kind: b.developer ? 'developer' : 'person',
          name: b.developer ? '开发建设单位' : `业主${b.index + 1}`,
          id_number_hash: b.idNumber ? keyedHash(t.hashKey, b.idNumber) : null,
          id_number_masked: b.idNumber ? maskIdNumber(b.idNumber) : null,
          phone: b.developer ? null : phoneFor(credentialSeq++),
        })),
      )
      .returning('id')
      .execute();
    rows.forEach((r, j) => ownerRows.push({ id: r.id, idNumber: batch[j].idNumber }));
  }
  const unitRows: { id: string; certificateNo: string }[] = [];
  for (let i = 0; i < spec.units.length; i += 500) {
    const batch = spec.units.slice(i, i + 500).map((u, j) => ({ u, index: i + j, certificateNo: `浙(2022)批量不动产权第${String(credentialSeq++).padStart(7, '0')}号` }));
    const rows = await k
      .insertInto('units')
      .values(batch.map((b) => ({ ...common, building_id: building.id, number: `${b.index + 1}`, exclusive_area: b.u.area, certificate_hash: keyedHash(t.hashKey, b.certificateNo) })))
      .returning('id')
      .execute();
    rows.forEach((r, j) => unitRows.push({ id: r.id, certificateNo: batch[j].certificateNo }));
  }
  const links = spec.units.flatMap((u, i) => [...new Set(u.owners)].map((o) => ({ ...common, unit_id: unitRows[i].id, owner_id: ownerRows[o].id })));
  for (let i = 0; i < links.length; i += 1000) await k.insertInto('unit_owners').values(links.slice(i, i + 1000)).execute();
  const credentials: Credential[] = [];
  spec.units.forEach((u, i) => {
    const owner = ownerRows[u.owners[0]];
    if (owner.idNumber) credentials.push({ unitId: unitRows[i].id, ownerId: owner.id, idNumber: owner.idNumber, certificateNo: unitRows[i].certificateNo });
  });
  return { quarterId: q.id, buildingId: building.id, units: unitRows.map((u) => u.id), unitCertificates: unitRows.map((u) => u.certificateNo), owners: ownerRows.map((o) => o.id), ownerIdNumbers: ownerRows.map((o) => o.idNumber), credentials };
}

/** The voting module's clock, set to a fixed instant (or moved along) by the test. */
export function voteClock() {
  let current = new Date('2026-03-01T00:00:00+08:00');
  setVotingClock(() => current);
  return {
    set(at: string | Date) {
      current = new Date(at);
    },
    reset() {
      setVotingClock(null);
    },
  };
}

export const WINDOW = { opensAt: '2026-03-02T08:00:00+08:00', closesAt: '2026-03-15T24:00:00+08:00' };
export const DURING = '2026-03-05T10:30:00+08:00';
export const AFTER = '2026-03-16T09:00:00+08:00';

export function voteBody(quarterId: string, over: Record<string, unknown> = {}) {
  return {
    quarterId,
    title: '2026年第一次业主大会',
    rule: 'civil-code-278',
    ...WINDOW,
    items: [
      { title: '续聘物业服务企业', article278Item: 4 },
      { title: '筹集维修资金用于加装电梯', article278Item: 6 },
    ],
    ...over,
  };
}

/** Creates and opens a vote; returns its id. */
export async function openedVote(staff: Session, quarterId: string, over: Record<string, unknown> = {}): Promise<string> {
  const created = await staff.post('/api/votes', voteBody(quarterId, over));
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const opened = await staff.post(`/api/votes/${id}/open`);
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  return id;
}

/**
 * Makes a draft vote one sealed as `gongzhi.vote-record/1`, as every vote made before version 2
 * was (migration 0005): the tests of version 1's chain and tamper checks run on it.
 */
export async function sealAsVersion1(t: TestApp, voteId: string): Promise<void> {
  const row = await t.db.kysely.updateTable('votes').set({ record_format: 1 }).where('id', '=', voteId).where('status', '=', 'draft').executeTakeFirst();
  if (Number(row.numUpdatedRows) !== 1) throw new Error(`vote ${voteId} is not a draft`);
}

/** Creates a vote sealed as version 1 and opens it; returns its id. */
export async function openedVoteV1(t: TestApp, staff: Session, quarterId: string, over: Record<string, unknown> = {}): Promise<string> {
  const created = await staff.post('/api/votes', voteBody(quarterId, over));
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  await sealAsVersion1(t, id);
  const opened = await staff.post(`/api/votes/${id}/open`);
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);
  return id;
}

/** Runs `gongzhi tally FILE` (its own code path, on a file) and returns exit status and output. */
export async function tallyWithCli(recordText: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-tally-'));
  const file = path.join(dir, 'record.json');
  fs.writeFileSync(file, recordText);
  let stdout = '';
  let stderr = '';
  try {
    const status = await runTally(file, {
      stdout: { write: (c: string) => (stdout += c) },
      stderr: { write: (c: string) => (stderr += c) },
      stdin: (async function* () {})(),
    });
    return { status, stdout, stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The one-time code last sent to an owner's mobile number, read from the line the log channel
 * wrote (the demo's server log), as an owner reads it on their phone.
 */
export async function lastCodeFor(t: TestApp, ownerId: string): Promise<string> {
  const owner = await t.db.kysely.selectFrom('owners').select('phone').where('id', '=', ownerId).executeTakeFirstOrThrow();
  const sent = t.sms.findLast((m) => m.to === owner.phone);
  const code = sent && /验证码 (\d{6})/.exec(sent.line)?.[1];
  if (!code) throw new Error(`no code was sent to owner ${ownerId}`);
  return code;
}

/**
 * An owner verifies through the API as on the page: the two numbers, then the one-time code.
 * Answers the last response, and the voter token when one was issued.
 */
export async function verifyWithCode(t: TestApp, voteId: string, c: Credential, remoteAddress = '10.9.0.1'): Promise<{ res: LightMyRequestResponse; voterToken: string | null }> {
  const v = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload: { idNumber: c.idNumber, certificateNo: c.certificateNo }, remoteAddress });
  if (v.statusCode !== 200 || v.json().step !== 'code') return { res: v, voterToken: null };
  const code = await lastCodeFor(t, c.ownerId);
  const res = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify/code`, payload: { challengeId: v.json().challengeId, code }, remoteAddress });
  return { res, voterToken: res.statusCode === 200 && res.json().step === 'ballot' ? (res.json().voterToken as string) : null };
}

/**
 * Voter tokens for one member written as a verification writes them (test set-up only): for a
 * race of many tokens of one member, which the one-time code's limits keep the API from giving.
 */
export async function writeVoterTokens(t: TestApp, voteId: string, c: Credential, n: number): Promise<string[]> {
  const k = t.db.kysely;
  const vote = await k.selectFrom('votes').select(['district_id', 'quarter_id', 'closes_at']).where('id', '=', voteId).executeTakeFirstOrThrow();
  const link = await k.selectFrom('vote_roll_links').select('member').where('vote_id', '=', voteId).where('owner_id', '=', c.ownerId).where('unit_id', '=', c.unitId).executeTakeFirstOrThrow();
  const tokens = Array.from({ length: n }, () => crypto.randomBytes(32).toString('base64url'));
  await k
    .insertInto('owner_verifications')
    .values(tokens.map((token) => ({ vote_id: voteId, district_id: vote.district_id, quarter_id: vote.quarter_id, member: link.member, owner_id: c.ownerId, unit_id: c.unitId, token_hash: crypto.createHash('sha256').update(token).digest('hex'), expires_at: vote.closes_at, ip: null })))
    .execute();
  return tokens;
}

/** Verifies an owner (two numbers, one-time code) and casts their ballot online through the API. */
export async function voteOnline(t: TestApp, voteId: string, c: Credential, choices: Record<string, string>, remoteAddress = '10.9.0.1') {
  const v = await verifyWithCode(t, voteId, c, remoteAddress);
  if (!v.voterToken) return v.res;
  return t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: v.voterToken, choices }, remoteAddress });
}

/** A whole one-pixel PNG (signature, IHDR, IDAT, IEND), as a scan must be. */
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b4944415478da63f80f040009fb03fd68fa1ccc0000000049454e44ae426082',
  'hex',
);

/** A PNG chunk of TYPE with DATA and its CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** The one-pixel PNG with a text chunk carrying LABEL: a whole and different file each time. */
export function labelledPng(label: string, extra: Buffer = Buffer.alloc(0)): Buffer {
  const iend = PNG.subarray(PNG.length - 12);
  return Buffer.concat([PNG.subarray(0, PNG.length - 12), pngChunk('tEXt', Buffer.concat([Buffer.from(`Comment\0${label}`, 'latin1'), extra])), iend]);
}

/** A whole minimal PDF (one empty page) with BODY added to its catalogue. */
export function minimalPdf(body = '', tail = ''): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${body}>> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n${tail}`,
    'latin1',
  );
}
