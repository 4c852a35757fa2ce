// Properties (fast-check) of the server's votes:
//  1. on random quarters (owners with several units, co-owned units, the developer's units) and
//     random ballots from every channel, the server's `/result` equals `gongzhi tally` on the
//     downloaded record exactly, and both equal a count made here from what was cast;
//  2. any single change to a published record — roll, ballots, hashes, vote id, item ids — is
//     detected by `gongzhi tally` (the record becomes invalid).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { AFTER, bulkQuarter, labelledPng, openedVote, openedVoteV1, tallyWithCli, voteClock, voteOnline, type BulkUnit } from '../support/voting';
import { itemPasses, meetsQuorum, tallyRecord, type VoteRecord } from '../../src/core/voting/index';

let t: TestApp;
let community: Session;
const clock = voteClock();
let onlineSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  community = await t.login('community');
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

const choiceArb = fc.constantFrom('yes', 'no', 'abstain');
const quarterArb = fc
  .record({
    ownerCount: fc.integer({ min: 1, max: 7 }),
    unitCount: fc.integer({ min: 1, max: 10 }),
    developer: fc.boolean(),
    rule: fc.constantFrom('civil-code-278', 'building-majority'),
    articles: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
    // equal areas make the exact boundaries (2/3, 1/2, 3/4) likely
    equalAreas: fc.boolean(),
    seed: fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
  })
  .map((s) => {
    const r = (i: number) => s.seed[i % s.seed.length];
    const units: BulkUnit[] = Array.from({ length: s.unitCount }, (_, i) => {
      const first = r(i) % s.ownerCount;
      const coOwned = r(i + 20) % 4 === 0 && s.ownerCount > 1;
      return { area: s.equalAreas ? 9000 : 3000 + (r(i + 40) % 20000), owners: coOwned ? [first, (first + 1) % s.ownerCount] : [first] };
    });
    return { ...s, units };
  });

describe('server tally == gongzhi tally on random rolls and ballots', () => {
  it('agrees exactly, and with a count made from what was cast', async () => {
    await fc.assert(
      fc.asyncProperty(quarterArb, fc.array(fc.tuple(fc.nat(), fc.constantFrom('online', 'paper', 'proxy'), fc.array(choiceArb, { minLength: 3, maxLength: 3 })), { maxLength: 12 }), async (spec, casts) => {
        clock.set('2026-03-01T09:00:00+08:00');
        const developerIndex = spec.developer ? spec.ownerCount - 1 : undefined;
        const q = await bulkQuarter(t, { ownerCount: spec.ownerCount, developerIndex, units: spec.units });
        const items = spec.articles.map((a, i) => ({ title: `事项${i + 1}`, article278Item: a }));
        const voteId = await openedVote(community, q.quarterId, {
          rule: spec.rule,
          buildingId: spec.rule === 'building-majority' ? q.buildingId : null,
          items,
        });
        // Members as the format document defines them, computed here: units grouped by their set of owners.
        const memberOf = spec.units.map((u) => [...new Set(u.owners)].sort((a, b) => a - b).join(','));
        const memberArea = new Map<string, number>();
        spec.units.forEach((u, i) => memberArea.set(memberOf[i], (memberArea.get(memberOf[i]) ?? 0) + u.area));

        clock.set('2026-03-05T09:00:00+08:00');
        const cast = new Map<string, string[]>();
        for (const [pick, channel, choices] of casts) {
          const unit = pick % spec.units.length;
          const member = memberOf[unit];
          const body = Object.fromEntries(items.map((_, i) => [String(i + 1), choices[i]]));
          let res;
          const credential = q.credentials.find((c) => c.unitId === q.units[unit]);
          if (channel === 'online' && credential) {
            // Each from an address of its own: one address may ask for only so many one-time codes.
            res = await voteOnline(t, voteId, credential, body, `10.30.${(onlineSeq >> 8) & 255}.${onlineSeq++ & 255}`);
          } else if (channel === 'paper') {
            const scan = (await community.upload(`/api/votes/${voteId}/scans`, 'b.png', labelledPng(String(Math.random())))).json();
            res = await community.post(`/api/votes/${voteId}/paper-ballots`, { unitId: q.units[unit], choices: body, scanId: scan.id });
          } else {
            res = await community.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: q.units[unit], choices: body, proxyHolder: '受托人' });
          }
          if (cast.has(member)) {
            // Refused; online already at the verification, which answers only that the member has voted.
            if (channel === 'online' && credential) expect(res.json()).toMatchObject({ step: 'voted' });
            else expect(res.statusCode).toBe(409);
          } else {
            expect(res.statusCode).toBe(201);
            cast.set(member, choices);
          }
        }
        clock.set(AFTER);
        expect((await community.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
        const result = (await community.get(`/api/votes/${voteId}/result`)).json();
        const recordText = (await community.get(`/api/votes/${voteId}/record`)).body;
        const cli = await tallyWithCli(recordText);
        expect(cli.status).toBe(0);
        expect(JSON.parse(cli.stdout)).toStrictEqual(result);

        const totals = { members: memberArea.size, area: [...memberArea.values()].reduce((a, b) => a + b, 0) };
        const taking = { members: cast.size, area: [...cast.keys()].reduce((a, m) => a + memberArea.get(m)!, 0) };
        expect(result.totals).toEqual(totals);
        expect(result.participation).toEqual({ ...taking, quorumMet: meetsQuorum(spec.rule, totals, taking) });
        items.forEach((item, i) => {
          const count = (choice: string) => {
            const ms = [...cast.entries()].filter(([, c]) => c[i] === choice).map(([m]) => m);
            return { members: ms.length, area: ms.reduce((a, m) => a + memberArea.get(m)!, 0) };
          };
          const matter = item.article278Item >= 6 && item.article278Item <= 8 ? 'special' : 'ordinary';
          expect(result.items[i]).toEqual({ id: String(i + 1), matter, yes: count('yes'), no: count('no'), abstain: count('abstain'), passed: itemPasses(spec.rule, matter, totals, taking, count('yes')) });
        });
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});

describe('any single change to a published record is detected', () => {
  let record: VoteRecord;
  beforeAll(async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const q = await bulkQuarter(t, { ownerCount: 8, units: Array.from({ length: 8 }, (_, i) => ({ area: 8000 + i * 111, owners: [i] })) });
    // A vote sealed as version 1, whose record format's tampers these are (version 2's are in
    // src/core/voting/tally-v2.test.ts and test/api/voting-secrecy.test.ts).
    const voteId = await openedVoteV1(t, community, q.quarterId, { items: [{ title: '甲', article278Item: 1 }, { title: '乙', article278Item: 7 }, { title: '丙', article278Item: 5 }] });
    clock.set('2026-03-05T09:00:00+08:00');
    const choices = ['yes', 'no', 'abstain'];
    for (let i = 0; i < 7; i++) {
      clock.set(new Date(Date.parse('2026-03-05T09:00:00+08:00') + i * 61_000));
      const res = await voteOnline(t, voteId, q.credentials[i], { '1': choices[i % 3], '2': choices[(i + 1) % 3], '3': choices[(i + 2) % 3] });
      expect(res.statusCode).toBe(201);
    }
    clock.set(AFTER);
    await community.post(`/api/votes/${voteId}/close`);
    clock.set('2026-04-01T09:00:00+08:00');
    expect((await community.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
    record = JSON.parse((await t.app.inject({ method: 'GET', url: `/api/votes/${voteId}/record` })).body);
    expect(tallyRecord(record).valid).toBe(true);
  });

  type Mutation = (r: VoteRecord, n: number) => void;
  const otherHex = (h: string, n: number) => h.slice(0, n % 64) + ((parseInt(h[n % 64], 16) + 1 + (n % 15)) % 16).toString(16) + h.slice((n % 64) + 1);
  const otherChoice = (c: string, n: number) => ['yes', 'no', 'abstain'].filter((x) => x !== c)[n % 2];
  const mutations: Record<string, Mutation> = {
    'roll area': (r, n) => void (r.roll[n % r.roll.length].area += 1 + (n % 500)),
    'roll member renamed': (r, n) => void (r.roll[n % r.roll.length].member += 'x'),
    'roll entry removed': (r, n) => void r.roll.splice(n % r.roll.length, 1),
    'roll entry added': (r, n) => void r.roll.push({ member: `m-extra${n}`, area: 1 + (n % 9000) }),
    'ballot choice': (r, n) => {
      const b = r.ballots[n % r.ballots.length];
      const id = r.vote.items[n % r.vote.items.length].id;
      b.choices[id] = otherChoice(b.choices[id] ?? 'abstain', n) as never;
    },
    'ballot member': (r, n) => {
      const b = r.ballots[n % r.ballots.length];
      b.member = r.roll.map((x) => x.member).find((m) => m !== b.member && !r.ballots.some((o) => o.member === m)) ?? `${b.member}x`;
    },
    'ballot channel': (r, n) => {
      const b = r.ballots[n % r.ballots.length];
      b.channel = (['online', 'paper', 'proxy'] as const).filter((c) => c !== b.channel)[n % 2];
    },
    'ballot castAt': (r, n) => {
      const b = r.ballots[n % r.ballots.length];
      b.castAt = b.castAt.replace(/:(\d\d)\+/, (_, s) => `:${String((Number(s) + 1 + (n % 50)) % 60).padStart(2, '0')}+`);
    },
    'ballot seq': (r, n) => void (r.ballots[n % r.ballots.length].seq += 1 + (n % 3)),
    'ballot prev': (r, n) => void (r.ballots[n % r.ballots.length].prev = otherHex(r.ballots[n % r.ballots.length].prev, n)),
    'ballot hash': (r, n) => void (r.ballots[n % r.ballots.length].hash = otherHex(r.ballots[n % r.ballots.length].hash, n)),
    'ballot removed': (r, n) => void r.ballots.splice(n % r.ballots.length, 1),
    'ballots swapped': (r, n) => {
      const i = n % (r.ballots.length - 1);
      [r.ballots[i], r.ballots[i + 1]] = [r.ballots[i + 1], r.ballots[i]];
    },
    'ballot duplicated': (r, n) => void r.ballots.push(JSON.parse(JSON.stringify(r.ballots[n % r.ballots.length]))),
    head: (r, n) => void (r.head = otherHex(r.head, n)),
    rollFingerprint: (r, n) => void (r.rollFingerprint = otherHex(r.rollFingerprint, n)),
    'vote id': (r) => void (r.vote.id += '-2'),
    'item id': (r, n) => void (r.vote.items[n % r.vote.items.length].id += 'b'),
  };

  it('makes the record invalid (gongzhi tally exit status 1)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(mutations)), fc.nat(10_000), (name, n) => {
        const copy = JSON.parse(JSON.stringify(record)) as VoteRecord;
        mutations[name](copy, n);
        expect(JSON.stringify(copy)).not.toBe(JSON.stringify(record));
        const result = tallyRecord(copy);
        expect([name, result.valid]).toEqual([name, false]);
        expect(result.items.every((i) => !i.passed)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
