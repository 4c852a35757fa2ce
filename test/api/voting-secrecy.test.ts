// The attack of issue 11, points 1 and 2, played end to end. Staff of every role poll every GET
// route they may read (the access matrix's list) between online ballots cast one at a time, so
// they know the order and the minute in which units voted online; they know every unit's area
// from the registry and the content of the paper and proxy ballots they entered. After the close
// and the publication they combine all of it with the published record. Nothing may link: no
// online ballot's hash, nonce or receipt code in any staff answer, a published order that does
// not follow the cast order, no per-ballot time, and for every online ballot at least
// min(K, online voters) online-voting units that could have cast it (docs/security.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessTable } from './access-matrix.table';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';
import { AFTER, bulkQuarter, labelledPng, openedVote, voteClock, voteOnline, type Credential } from '../support/voting';
import { insertUser } from '../../src/server/modules/users/service';
import { AREA_GROUP_MIN, receiptCode, tallyAnyRecord, type VoteRecordV2 } from '../../src/core/voting/index';
import type { Role } from '../../src/server/platform/access';

let t: TestApp;
const clock = voteClock();
afterAll(async () => {
  clock.reset();
  await t?.close();
});

// Six online voters share 9000 (0.01 m²); six have areas of their own; a paper ballot shares
// 9000 too (it must not help publish an online area); a proxy ballot; two who do not vote.
const AREAS = [9000, 9000, 9000, 9000, 9000, 9000, 7001, 7102, 7203, 7304, 7405, 7506, 9000, 8000, 9000, 6500];
const ONLINE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const PAPER = 12;
const PROXY = 13;
// The order in which they vote online: mixed, so that neither the shared nor the own areas come in a block.
const CAST_ORDER = [6, 0, 9, 1, 2, 11, 7, 3, 4, 10, 8, 5];
const CHOICES: Array<Record<string, string>> = ONLINE.map((i) => ({ '1': ['yes', 'no', 'abstain'][i % 3], '2': ['no', 'yes'][i % 2] }));

describe('staff who poll everything during a vote cannot link an online ballot to a unit', () => {
  let quarterId: string;
  let buildingId: string;
  let units: string[];
  let creds: Credential[];
  let voteId: string;
  const staff: Array<[string, Session]> = [];
  /** Every staff answer, as text, by route and role. */
  const seen: string[] = [];
  /** What staff saw turn "voted online", in order: unit index and the minute it was first seen. */
  const observedOrder: Array<{ unit: number; at: string }> = [];
  const receipts = new Map<number, string>();

  beforeAll(async () => {
    t = await createTestApp();
    clock.set('2026-03-01T09:00:00+08:00');
    const q = await bulkQuarter(t, { ownerCount: AREAS.length, units: AREAS.map((area, i) => ({ area, owners: [i] })) });
    quarterId = q.quarterId;
    buildingId = q.buildingId;
    units = q.units;
    creds = q.credentials;
    // One account of every staff role, with this quarter (or its building) in scope, besides the
    // fixture's offices whose community, street and district contain it.
    const local: Array<[Role, 'quarter' | 'building']> = [
      ['committee', 'quarter'],
      ['commissioner', 'quarter'],
      ['party_secretary', 'quarter'],
      ['supervisory', 'quarter'],
      ['company', 'quarter'],
      ['grid_worker', 'quarter'],
      ['building_leader', 'building'],
    ];
    for (const [role, level] of local) {
      const username = `s-${role}`;
      await insertUser(t.db.kysely, { username, displayName: username, role, scopeLevel: level, scopeId: level === 'quarter' ? quarterId : buildingId, password: PASSWORD, ownerId: null, phone: null });
      staff.push([role, await t.login(username)]);
    }
    for (const username of ['community', 'street', 'district']) staff.push([username, await t.login(username)]);
    const community = staff.find(([r]) => r === 'community')![1];
    voteId = await openedVote(community, quarterId);
  });

  /** Every GET route of the access matrix that names this vote, this quarter, or nothing. */
  function urls(): string[] {
    const out = new Set<string>();
    for (const key of Object.keys(accessTable)) {
      if (!key.startsWith('GET ')) continue;
      const path = key.slice(4);
      let url: string | null = null;
      if (path.startsWith('/api/votes/{id}') && !path.includes('{scanId}')) url = path.replace('{id}', voteId);
      else if (path.startsWith('/api/public/votes/{id}')) url = path.replace('{id}', voteId);
      else if (path.startsWith('/api/quarters/{id}') || path.startsWith('/api/public/quarters/{id}')) url = path.replace('{id}', quarterId);
      else if (!path.includes('{')) url = path;
      if (url) out.add(url);
    }
    for (const extra of [
      `/api/votes?quarterId=${quarterId}`,
      `/api/audit?quarterId=${quarterId}&pageSize=200`,
      `/api/audit?quarterId=${quarterId}&entity=ballot&pageSize=200`,
      `/api/audit?quarterId=${quarterId}&entity=vote_voter&pageSize=200`,
    ])
      out.add(extra);
    return [...out];
  }

  /**
   * Every role, every route; between two ballots (`onlyMoving`) the routes whose answer can move
   * with a ballot — those of the vote, the quarter's dossier and export, the audit log, the
   * inbox, the search, the home page — so
   * that the test stays fast; the full list runs before, after the paper ballots, after the
   * close and after the publication.
   */
  async function pollEverything(onlyMoving = false): Promise<void> {
    const list = urls().filter((u) => !onlyMoving || u.includes(voteId) || /^\/api\/(audit|inbox|search|votes|me|public)|\/(dossier|export)$/.test(u));
    for (const [role, session] of staff) {
      for (const url of list) {
        const res = await session.get(url);
        // A file is read as text too: an id or a hash in it would show.
        seen.push(`${role} ${url} ${res.statusCode} ${res.body}`);
      }
    }
  }

  /** The units the community office sees as voted online, in the order they appear. */
  async function watchRollUnits(at: string): Promise<void> {
    const community = staff.find(([r]) => r === 'community')![1];
    const items = (await community.get(`/api/votes/${voteId}/roll-units`)).json().items as Array<{ unitId: string; votedChannel: string | null }>;
    for (const u of items) {
      const unit = units.indexOf(u.unitId);
      if (u.votedChannel === 'online' && !observedOrder.some((o) => o.unit === unit)) observedOrder.push({ unit, at });
    }
  }

  it('casts online one at a time while every role polls every route it may read; paper and proxy ballots by staff', async () => {
    const community = staff.find(([r]) => r === 'community')![1];
    let minute = 0;
    const at = () => new Date(Date.parse('2026-03-05T09:00:00+08:00') + minute * 60_000).toISOString();
    clock.set(at());
    await pollEverything();
    for (const i of CAST_ORDER) {
      minute += 1;
      clock.set(at());
      const cast = await voteOnline(t, voteId, creds.find((c) => c.unitId === units[i])!, CHOICES[i]);
      expect(cast.statusCode, cast.body).toBe(201);
      receipts.set(i, cast.json().receiptCode);
      await watchRollUnits(at());
      await pollEverything(true);
    }
    // Staff enter the paper and proxy ballots, and try a paper ballot for a unit that voted online.
    minute += 1;
    clock.set(at());
    const scan = (await community.upload(`/api/votes/${voteId}/scans`, 'p.png', labelledPng('paper'))).json();
    expect((await community.post(`/api/votes/${voteId}/paper-ballots`, { unitId: units[PAPER], choices: { '1': 'yes', '2': 'yes' }, scanId: scan.id })).statusCode).toBe(201);
    expect((await community.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: units[PROXY], choices: { '1': 'no', '2': 'no' }, proxyHolder: '受托人' })).statusCode).toBe(201);
    const scan2 = (await community.upload(`/api/votes/${voteId}/scans`, 'p2.png', labelledPng('again'))).json();
    const again = await community.post(`/api/votes/${voteId}/paper-ballots`, { unitId: units[CAST_ORDER[0]], choices: { '1': 'no', '2': 'no' }, scanId: scan2.id });
    expect(again.statusCode).toBe(409);
    seen.push(`community 409 ${again.body}`);
    // The 409 names the channel, never the time the online ballot was cast.
    expect(again.json().error.message).not.toMatch(/\d\d:\d\d|2026-03-05/);
    await pollEverything();
    expect(observedOrder.map((o) => o.unit)).toEqual(CAST_ORDER);
    // The polls reached what they meant to: the vote's routes answered the roles that follow votes.
    for (const route of ['roll-units', 'entries', 'turnout', 'not-voted']) {
      expect(seen.some((x) => x.startsWith(`committee /api/votes/${voteId}/${route} 200`)), route).toBe(true);
    }
    expect(seen.some((x) => x.startsWith(`community /api/audit?quarterId=${quarterId}&entity=ballot&pageSize=200 200`))).toBe(true);
    expect(seen.some((x) => x.startsWith(`grid_worker /api/quarters/${quarterId}/units 200`))).toBe(true);
  }, 300_000);

  let record: VoteRecordV2;

  it('closes and publishes a valid version 2 record; staff poll again after the close and the publication', async () => {
    const community = staff.find(([r]) => r === 'community')![1];
    clock.set(AFTER);
    expect((await community.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    await pollEverything();
    clock.set('2026-04-01T09:00:00+08:00');
    expect((await community.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
    await pollEverything();
    const res = await t.app.inject({ method: 'GET', url: `/api/votes/${voteId}/record` });
    expect(res.statusCode).toBe(200);
    record = JSON.parse(res.body) as VoteRecordV2;
    expect(record.format).toBe('gongzhi.vote-record/2');
    const tally = tallyAnyRecord(record);
    expect(tally.errors).toEqual([]);
    expect(tally.participation.members).toBe(ONLINE.length + 2);
    // Every receipt given at cast is found in the record.
    for (const code of receipts.values()) expect(record.ballots.some((b) => receiptCode(b.hash) === code)).toBe(true);
  });

  it('no online ballot\'s hash, nonce, receipt code or internal chain hash appears in any staff answer but the record itself', async () => {
    const online = record.ballots.filter((b) => b.channel === 'online');
    expect(online).toHaveLength(ONLINE.length);
    const internal = await t.db.kysely.selectFrom('ballots').select(['hash', 'prev', 'area_salt']).where('vote_id', '=', voteId).where('channel', '=', 'online').execute();
    // The record and the result are published: they carry the hashes and the head by design.
    const staffAnswers = seen.filter((s) => !/\/record \d{3} /.test(s)).join('\n');
    expect(staffAnswers.length).toBeGreaterThan(100_000);
    for (const b of online) {
      expect(staffAnswers).not.toContain(b.hash);
      expect(staffAnswers).not.toContain(b.hash.slice(0, 16));
      expect(staffAnswers).not.toContain(receiptCode(b.hash));
      expect(staffAnswers).not.toContain(b.nonce);
    }
    for (const row of internal) {
      expect(staffAnswers).not.toContain(row.hash);
      expect(staffAnswers).not.toContain(row.area_salt!);
    }
  });

  it('publishes the ballots by hash, with no member, seq, time or chain link', () => {
    const hashes = record.ballots.map((b) => b.hash);
    expect(hashes).toEqual([...hashes].sort());
    for (const b of record.ballots) {
      expect(Object.keys(b).sort()).toEqual(['area', 'areaCommitment', 'areaSalt', 'channel', 'choices', 'hash', 'nonce']);
      expect(JSON.stringify(b)).not.toMatch(/20\d\d-\d\d-\d\d|T\d\d:\d\d/);
    }
    // The published order is not the cast order: the online ballots in the record, read as the
    // sequence of their cast positions, is a permutation fixed by the hashes alone.
    const castPosition = new Map([...receipts].map(([unit, code]) => [code, CAST_ORDER.indexOf(unit)]));
    const order = record.ballots.filter((b) => b.channel === 'online').map((b) => castPosition.get(receiptCode(b.hash)));
    expect(order).not.toEqual([...order].sort((a, b) => a! - b!));
  });

  it('leaves every online ballot consistent with at least min(K, online voters) online-voting units', () => {
    // What staff know: the units that voted online (observedOrder, with their minutes — the
    // record has no time or order to match them to) and each unit's area from the registry. A
    // ballot can be a unit's when some one-to-one assignment of the online ballots to the
    // online-voting units gives every ballot with a published area a unit of that area.
    const onlineUnits = observedOrder.map((o) => o.unit);
    const ballots = record.ballots.filter((b) => b.channel === 'online');
    const fits = (b: (typeof ballots)[number], unit: number) => b.area === null || b.area === AREAS[unit];
    const K = AREA_GROUP_MIN;
    const bound = Math.min(K, onlineUnits.length);
    for (let bi = 0; bi < ballots.length; bi++) {
      const candidates = onlineUnits.filter((u) => fits(ballots[bi], u) && perfectMatchingWith(ballots, onlineUnits, fits, bi, u));
      expect(candidates.length, `ballot ${ballots[bi].hash.slice(0, 16)}`).toBeGreaterThanOrEqual(bound);
    }
    // The shared area is published (six online ballots share it); the six own areas are withheld,
    // and so are the paper and proxy ballots (one each: fewer than K of their channel).
    expect(ballots.filter((b) => b.area === 9000)).toHaveLength(6);
    expect(ballots.filter((b) => b.area === null)).toHaveLength(6);
    expect(record.ballots.filter((b) => b.channel !== 'online').every((b) => b.area === null)).toBe(true);
  });

});

/**
 * Whether the ballots can be given one each to the units (one unit per ballot, `fits` holding
 * for each pair) with ballot `bi` given to unit `u`: augmenting paths on a small bipartite graph.
 */
function perfectMatchingWith<B>(ballots: B[], unitsList: number[], fits: (b: B, u: number) => boolean, bi: number, u: number): boolean {
  const owner = new Map<number, number>([[u, bi]]);
  const tryBallot = (b: number, seenUnits: Set<number>): boolean => {
    for (const unit of unitsList) {
      if (unit === u || seenUnits.has(unit) || !fits(ballots[b], unit)) continue;
      seenUnits.add(unit);
      const holder = owner.get(unit);
      if (holder === undefined || tryBallot(holder, seenUnits)) {
        owner.set(unit, b);
        return true;
      }
    }
    return false;
  };
  for (let b = 0; b < ballots.length; b++) if (b !== bi && !tryBallot(b, new Set())) return false;
  return true;
}
