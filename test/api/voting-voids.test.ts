// Voiding a wrongly entered paper ballot (issue 10, point 5): staff who enter ballots void one
// before the close with a reason; the unit can then be entered again or vote online; the void is
// in the server's cast-order chain and the audit log; every count and the published record leave
// the voided ballot out; online ballots cannot be voided; a version 1 vote refuses any void.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { AFTER, DURING, PNG, bulkQuarter, fixtureCredentials, openedVote, openedVoteV1, tallyWithCli, voteClock, voteOnline, writeVoterTokens, type Credential } from '../support/voting';
import { checkCastOrderChain, type ChainEntry } from '../../src/core/voting/chain';
import { sha256Hex } from '../../src/core/voting/hash';
import type { Channel, Choice } from '../../src/core/voting/record';

let t: TestApp;
let committee: Session;
let commissioner: Session;
let creds: Credential[];
const clock = voteClock();

beforeAll(async () => {
  t = await createTestApp();
  committee = await t.login('committee');
  commissioner = await t.login('commissioner');
  creds = await fixtureCredentials(t, 'q1');
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

async function newVote(v1 = false) {
  clock.set('2026-03-01T09:00:00+08:00');
  const id = v1 ? await openedVoteV1(t, committee, t.fx.q1) : await openedVote(committee, t.fx.q1);
  clock.set(DURING);
  return id;
}

async function enterPaper(s: Session, voteId: string, unitId: string, choices: Record<string, string>, scanId?: string) {
  if (!scanId) {
    const scan = await s.upload(`/api/votes/${voteId}/scans`, 'ballot.png', PNG);
    expect(scan.statusCode, scan.body).toBe(201);
    scanId = scan.json().id as string;
  }
  const res = await s.post(`/api/votes/${voteId}/paper-ballots`, { unitId, choices, scanId });
  return { res, scanId };
}

type Entry = { id: string; seq: number; unit: string | null; enteredBy: string | null; voided: { at: string; by: string | null; reason: string } | null };
const entries = async (s: Session, voteId: string) => (await s.get(`/api/votes/${voteId}/entries`)).json().items as Entry[];
const voidEntry = (s: Session, voteId: string, entryId: string, reason: string, headers?: Record<string, string>) => s.post(`/api/votes/${voteId}/entries/${entryId}/void`, { reason }, headers);

/** The server's whole cast-order chain, ballots that stand and voided ones with their voids, in seq order. */
async function storedChain(voteId: string): Promise<ChainEntry[]> {
  const k = t.db.kysely;
  const parse = (c: unknown) => (typeof c === 'string' ? JSON.parse(c) : c) as Record<string, Choice>;
  const ballot = (b: { seq: number; member: string; choices: unknown; channel: string; cast_at: string; prev: string; hash: string }): ChainEntry => ({
    kind: 'ballot',
    ballot: { seq: b.seq, member: b.member, choices: parse(b.choices), channel: b.channel as Channel, castAt: b.cast_at, prev: b.prev, hash: b.hash },
  });
  const standing = await k.selectFrom('ballots').select(['seq', 'member', 'choices', 'channel', 'cast_at', 'prev', 'hash']).where('vote_id', '=', voteId).execute();
  const voided = await k.selectFrom('voided_ballots').selectAll().where('vote_id', '=', voteId).execute();
  const all: ChainEntry[] = [
    ...standing.map(ballot),
    ...voided.map(ballot),
    ...voided.map((v): ChainEntry => ({
      kind: 'void',
      entry: { seq: v.void_seq, prev: v.void_prev, voidsSeq: v.seq, voidsHash: v.hash, voidedAt: v.voided_at, reasonHash: sha256Hex(v.reason), hash: v.void_hash },
    })),
  ];
  return all.sort((a, b) => (a.kind === 'ballot' ? a.ballot.seq : a.entry.seq) - (b.kind === 'ballot' ? b.ballot.seq : b.entry.seq));
}

describe('a paper ballot entered on the wrong unit', () => {
  let voteId: string;
  let wrong: Entry;
  let scanId: string;

  beforeAll(async () => {
    voteId = await newVote();
    // Meant for creds[0]'s unit, entered on creds[1]'s.
    const entered = await enterPaper(committee, voteId, creds[1].unitId, { '1': 'no', '2': 'no' });
    expect(entered.res.statusCode, entered.res.body).toBe(201);
    scanId = entered.scanId;
    wrong = (await entries(committee, voteId))[0];
    expect(wrong).toMatchObject({ seq: 1, voided: null });
  });

  it('asks for a reason of at least two characters', async () => {
    for (const reason of ['', ' ', '错']) expect((await voidEntry(commissioner, voteId, wrong.id, reason)).statusCode).toBe(400);
  });

  it('may be voided only by staff who may enter ballots, and only in their scope', async () => {
    const supervisor = await t.login('supervisor'); // reads votes, enters no ballots
    expect((await voidEntry(supervisor, voteId, wrong.id, '录错房屋')).statusCode).toBe(403);
    const elsewhere = await t.login('commissioner2'); // another quarter's commissioner
    const outside = await voidEntry(elsewhere, voteId, wrong.id, '录错房屋');
    expect(outside.statusCode).toBe(404);
    expect(outside.body).toBe((await voidEntry(elsewhere, '00000000-0000-4000-8000-000000000000', wrong.id, '录错房屋')).body);
    expect((await voidEntry(commissioner, voteId, '00000000-0000-4000-8000-000000000000', '录错房屋')).statusCode).toBe(404);
  });

  it('is voided with its reason, who and when; counted nowhere; listed struck; logged', async () => {
    const res = await voidEntry(commissioner, voteId, wrong.id, '  录错房屋：应为 1幢 1-101  ');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: wrong.id, seq: 1, unit: wrong.unit, voided: { by: '测试commissioner', reason: '录错房屋：应为 1幢 1-101', at: '2026-03-05T10:30:00+08:00' } });
    expect((await entries(committee, voteId)).map((e) => [e.id, e.voided?.reason ?? null])).toEqual([[wrong.id, '录错房屋：应为 1幢 1-101']]);
    const turnout = (await committee.get(`/api/votes/${voteId}/turnout`)).json();
    expect(turnout.cast).toEqual({ members: 0, area: 0 });
    expect(turnout.byChannel.paper).toEqual({ members: 0, area: 0 });
    const units = (await committee.get(`/api/votes/${voteId}/roll-units`)).json().items as Array<{ unitId: string; votedChannel: string | null }>;
    expect(units.find((u) => u.unitId === creds[1].unitId)?.votedChannel).toBeNull();
    expect((await committee.get(`/api/votes/${voteId}/not-voted`)).json().members).toBe(4);
    const listed = (await committee.get(`/api/votes?quarterId=${t.fx.q1}`)).json().items as Array<{ id: string; ballotCount: number }>;
    expect(listed.find((v) => v.id === voteId)?.ballotCount).toBe(0);
    // The log: who voided which unit's ballot and why, never its choices.
    const audit = await t.db.kysely.selectFrom('audit_log').select(['username', 'before', 'after']).where('entity', '=', 'ballot').where('action', '=', 'void').where('entity_id', '=', wrong.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'commissioner', before: { voteId, seq: 1, channel: 'paper', unit: wrong.unit }, after: { voteId, voided: true, voidSeq: 2, reason: '录错房屋：应为 1幢 1-101' } });
    expect(JSON.stringify(audit)).not.toMatch(/"no"|choices/);
  });

  it('cannot be voided twice (zh-CN and en)', async () => {
    const again = await voidEntry(committee, voteId, wrong.id, '再次作废');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BALLOT_ALREADY_VOIDED');
    expect(again.json().error.message).toContain('测试commissioner');
    const en = await voidEntry(committee, voteId, wrong.id, 'again', { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/^This ballot was already voided at /);
  });

  it('lets the ballot be entered on the right unit (the same scan) and the wrong unit vote online', async () => {
    const right = await enterPaper(committee, voteId, creds[0].unitId, { '1': 'no', '2': 'no' }, scanId);
    expect(right.res.statusCode, right.res.body).toBe(201);
    const online = await voteOnline(t, voteId, creds[1], { '1': 'yes', '2': 'yes' });
    expect(online.statusCode, online.body).toBe(201);
    // An online ballot is not staff's to void, and answers as an unknown id.
    const onlineBallot = await t.db.kysely.selectFrom('ballots').select('id').where('vote_id', '=', voteId).where('channel', '=', 'online').executeTakeFirstOrThrow();
    const refused = await voidEntry(commissioner, voteId, onlineBallot.id, '录错房屋');
    expect(refused.statusCode).toBe(404);
    expect(refused.body).toBe((await voidEntry(commissioner, voteId, '00000000-0000-4000-8000-000000000000', '录错房屋')).body);
    expect((await committee.get(`/api/votes/${voteId}/turnout`)).json().cast.members).toBe(2);
  });

  it('leaves the server’s chain whole: the void names the voided ballot and the head follows it', async () => {
    const vote = await t.db.kysely.selectFrom('votes').select(['genesis', 'head', 'last_seq', 'voids']).where('id', '=', voteId).executeTakeFirstOrThrow();
    const chain = await storedChain(voteId);
    const checked = checkCastOrderChain(vote.genesis!, [{ id: '1' }, { id: '2' }], chain);
    expect(checked.errors).toEqual([]);
    expect(checked.head).toBe(vote.head);
    expect(vote).toMatchObject({ last_seq: 4, voids: 1 });
    expect(checked.standing.map((b) => b.channel)).toEqual(['paper', 'online']);
  });

  it('is refused after the window and after the close; the result and the record leave it out and re-tally', async () => {
    const another = (await entries(committee, voteId)).find((e) => !e.voided)!;
    clock.set(AFTER);
    const late = await voidEntry(committee, voteId, another.id, '录错房屋');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('VOTE_WINDOW_CLOSED');
    const closed = await committee.post(`/api/votes/${voteId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const after = await voidEntry(committee, voteId, another.id, '录错房屋');
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('VOTE_NOT_OPEN');
    const result = (await committee.get(`/api/votes/${voteId}/result`)).json();
    expect(result.participation.members).toBe(2);
    // Item 1: the voided "no" of creds[1]'s unit is gone; its online "yes" and the right unit's "no" count.
    expect(result.items[0].yes.members).toBe(1);
    expect(result.items[0].no.members).toBe(1);
    const record = (await committee.get(`/api/votes/${voteId}/record`)).body;
    expect(JSON.parse(record).ballots).toHaveLength(2);
    const cli = await tallyWithCli(record);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ valid: true, participation: result.participation, items: result.items });
    // The voided ballot's scan is kept with it (it was reused for the right unit here too).
    expect(await t.db.kysely.selectFrom('vote_scans').select('id').where('id', '=', scanId).executeTakeFirst()).toBeDefined();
  });
});

describe('a vote sealed as version 1', () => {
  it('refuses a void (zh-CN and en), and its record still re-tallies with every ballot', async () => {
    const voteId = await newVote(true);
    const entered = await enterPaper(committee, voteId, creds[2].unitId, { '1': 'yes', '2': 'yes' });
    expect(entered.res.statusCode, entered.res.body).toBe(201);
    const [entry] = await entries(committee, voteId);
    const refused = await voidEntry(committee, voteId, entry.id, '录错房屋');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('VOID_NOT_IN_RECORD_V1');
    expect(refused.json().error.message).toContain('第 1 版表决记录');
    const en = await voidEntry(committee, voteId, entry.id, '录错房屋', { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/^This vote is sealed as vote record version 1/);
    expect(await t.db.kysely.selectFrom('voided_ballots').select('id').where('vote_id', '=', voteId).execute()).toEqual([]);
    clock.set(AFTER);
    expect((await committee.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    const cli = await tallyWithCli((await committee.get(`/api/votes/${voteId}/record`)).body);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).participation.members).toBe(1);
  });
});

describe('a void while online ballots pour in', () => {
  it('keeps the chain whole, and the voided unit is entered again at once, in the same sealing loop', async () => {
    const N = 41;
    clock.set('2026-03-01T09:00:00+08:00');
    const q = await bulkQuarter(t, { ownerCount: N, units: Array.from({ length: N }, (_, i) => ({ area: 8000 + i, owners: [i] })) });
    const community = await t.login('community');
    const voteId = await openedVote(community, q.quarterId);
    clock.set(DURING);
    const scan = await community.upload(`/api/votes/${voteId}/scans`, 'ballot.png', PNG);
    const tokens = await Promise.all(q.credentials.slice(1).map(async (c) => (await writeVoterTokens(t, voteId, c, 1))[0]));
    // Four owners' phones keep the loop busy: each casts the next ballot as soon as the last is sealed.
    const workers = [0, 1, 2, 3].map(async (w) => {
      const codes: number[] = [];
      for (let i = w; i < tokens.length; i += 4) {
        const res = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: tokens[i], choices: { '1': 'no', '2': 'yes' } } });
        codes.push(res.statusCode);
      }
      return codes;
    });
    // Meanwhile unit 0's paper goes in, is voided and goes in again: the loop that sealed it still runs.
    const paper = (async () => {
      const first = await community.post(`/api/votes/${voteId}/paper-ballots`, { unitId: q.units[0], choices: { '1': 'yes', '2': 'yes' }, scanId: scan.json().id });
      expect(first.statusCode, first.body).toBe(201);
      const [entry] = await entries(community, voteId).then((list) => list.filter((e) => e.seq === first.json().seq));
      const voided = await voidEntry(community, voteId, entry.id, '录错房屋');
      expect(voided.statusCode, voided.body).toBe(200);
      const again = await community.post(`/api/votes/${voteId}/paper-ballots`, { unitId: q.units[0], choices: { '1': 'no', '2': 'no' }, scanId: scan.json().id });
      expect(again.statusCode, again.body).toBe(201);
    })();
    const [codes] = await Promise.all([Promise.all(workers), paper]);
    expect(codes.flat().filter((c) => c !== 201)).toEqual([]);
    const vote = await t.db.kysely.selectFrom('votes').select(['genesis', 'head', 'last_seq']).where('id', '=', voteId).executeTakeFirstOrThrow();
    const checked = checkCastOrderChain(vote.genesis!, [{ id: '1' }, { id: '2' }], await storedChain(voteId));
    expect(checked.errors).toEqual([]);
    expect(checked.head).toBe(vote.head);
    expect(vote.last_seq).toBe(N + 2);
    expect(checked.standing).toHaveLength(N);
    expect((await community.get(`/api/votes/${voteId}/turnout`)).json().cast.members).toBe(N);
  });
});
