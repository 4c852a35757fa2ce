// An owner's verification for a vote (issue 11 point 3): the two numbers that whoever imported
// the registry holds, then a one-time code sent to the owner's mobile number on record — stored
// hashed, short-lived, with few tries and few resends — and no receipt code for a second
// verification. And a vote whose window has not started refuses every ballot's first step
// (issue 10 point 1). Each case fails on the code before these changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { bulkQuarter, fixtureCredentials, lastCodeFor, openedVote, PNG, verifyWithCode, voteClock, type Credential } from '../support/voting';
import { verifyVoter } from '../../src/server/modules/voting/verification';

const clock = voteClock();
let t: TestApp;
let committee: Session;
let commissioner: Session;
let creds: Credential[];
let voteId: string;

const START = '2026-03-02T08:00:00+08:00';
const at = (iso: string, seconds: number) => new Date(new Date(iso).getTime() + seconds * 1000);

beforeAll(async () => {
  t = await createTestApp();
  clock.set('2026-03-01T09:00:00+08:00');
  creds = await fixtureCredentials(t, 'q1');
  committee = await t.login('committee');
  commissioner = await t.login('commissioner');
  voteId = await openedVote(committee, t.fx.q1);
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

const verify = (c: Credential, remoteAddress = '10.20.0.1', lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload: { idNumber: c.idNumber, certificateNo: c.certificateNo }, remoteAddress, headers: { 'accept-language': lang } });
const enterCode = (challengeId: string, code: string, lang = 'zh-CN') =>
  t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify/code`, payload: { challengeId, code }, remoteAddress: '10.20.0.1', headers: { 'accept-language': lang } });
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('a vote whose window has not started', () => {
  it('refuses verification, paper and proxy ballots and scan uploads before any work, saying when it opens (China Standard Time)', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const v = await verify(creds[0]);
    expect(v.statusCode).toBe(409);
    expect(v.json().error).toEqual({ code: 'VOTE_NOT_STARTED', message: '投票尚未开始：将于 2026-03-02 08:00（北京时间）开始，在此之前不能核验身份、投票或录入选票。' });
    expect(t.sms).toHaveLength(0);
    // Staff are refused before they attach a scan or fill the ballot: the scan is not even kept.
    const scan = await commissioner.upload(`/api/votes/${voteId}/scans`, 'ballot.png', PNG);
    expect(scan.statusCode).toBe(409);
    expect(scan.json().error.code).toBe('VOTE_NOT_STARTED');
    expect(await t.db.kysely.selectFrom('vote_scans').select('id').where('vote_id', '=', voteId).execute()).toEqual([]);
    const paper = await commissioner.post(`/api/votes/${voteId}/paper-ballots`, { unitId: creds[1].unitId, choices: { '1': 'yes', '2': 'yes' }, scanId: null });
    expect(paper.statusCode).toBe(409);
    expect(paper.json().error.code).toBe('VOTE_NOT_STARTED');
    const proxy = await commissioner.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: creds[1].unitId, choices: { '1': 'yes' }, proxyHolder: '受托人' });
    expect(proxy.statusCode).toBe(409);
    expect(proxy.json().error.code).toBe('VOTE_NOT_STARTED');
  });
});

describe('the one-time code', () => {
  it('is required: the two numbers alone give no voter token, only a code sent to the masked mobile number on record', async () => {
    clock.set(at(START, 3600));
    const v = await verify(creds[0]);
    expect(v.statusCode).toBe(200);
    const body = v.json();
    expect(body.voterToken).toBeUndefined();
    const phone = (await t.db.kysely.selectFrom('owners').select('phone').where('id', '=', creds[0].ownerId).executeTakeFirstOrThrow()).phone!;
    expect(body).toMatchObject({ step: 'code', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`, delivery: 'log' });
    expect(new Date(body.expiresAt).getTime() - at(START, 3600).getTime()).toBe(10 * 60 * 1000);
    // The log channel wrote the text with the code and the number masked.
    expect(t.sms.at(-1)!.line).toMatch(new RegExp(`^\\[notify\\] #\\d+ SMS to ${phone.slice(0, 3)}\\*{4}${phone.slice(-4)}: 【共治】.*验证码 \\d{6}`));
    const code = await lastCodeFor(t, creds[0].ownerId);
    const wrong = await enterCode(body.challengeId, wrongCode(code));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toEqual({ code: 'VERIFY_CODE_WRONG', message: '验证码不对，还可以再试 4 次。' });
    const right = await enterCode(body.challengeId, code);
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ step: 'ballot', voterToken: expect.any(String) });
    // A code works once.
    const again = await enterCode(body.challengeId, code, 'en');
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('VERIFY_CODE_EXPIRED');
    expect(again.json().error.message).toContain('The code no longer works');
  });

  it('is kept only as a keyed hash, and neither it nor the phone number reaches the outbox or the audit log in clear', async () => {
    const rows = await t.db.kysely.selectFrom('owner_verification_codes').selectAll().execute();
    const codes = t.sms.map((m) => /验证码 (\d{6})/.exec(m.body)![1]);
    const phones = t.sms.map((m) => m.to);
    const outbox = await t.db.kysely.selectFrom('notification_outbox').selectAll().where('channel', '=', 'sms').execute();
    expect(outbox.length).toBe(t.sms.length);
    const audit = (await committee.get(`/api/audit?quarterId=${t.fx.q1}&pageSize=200`)).body;
    const stored = JSON.stringify({ rows, outbox, audit });
    for (const code of codes) expect(stored).not.toContain(code);
    for (const phone of phones) expect(stored).not.toContain(phone);
    expect(outbox[0].body).toContain('验证码 ******');
    expect(rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('expires after 10 minutes', async () => {
    clock.set(at(START, 2 * 3600));
    const v = (await verify(creds[1])).json();
    const code = await lastCodeFor(t, creds[1].ownerId);
    clock.set(at(START, 2 * 3600 + 10 * 60 + 1));
    const late = await enterCode(v.challengeId, code);
    expect(late.statusCode).toBe(422);
    expect(late.json().error).toEqual({ code: 'VERIFY_CODE_EXPIRED', message: '验证码已失效（超过 10 分钟、已使用过或已重新获取）。请重新获取验证码。' });
  });

  it('allows 5 tries: after 5 wrong ones even the right code is refused', async () => {
    clock.set(at(START, 3 * 3600));
    const v = (await verify(creds[2])).json();
    const code = await lastCodeFor(t, creds[2].ownerId);
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push((await enterCode(v.challengeId, wrongCode(code))).json().error.code);
    expect(answers).toEqual(['VERIFY_CODE_WRONG', 'VERIFY_CODE_WRONG', 'VERIFY_CODE_WRONG', 'VERIFY_CODE_WRONG', 'VERIFY_CODE_TRIES']);
    const right = await enterCode(v.challengeId, code);
    expect(right.statusCode).toBe(429);
    expect(right.json().error).toEqual({ code: 'VERIFY_CODE_TRIES', message: '验证码输错次数过多，已失效。请重新获取验证码。' });
    // Parallel guesses cannot go past the limit either.
    clock.set(at(START, 3 * 3600 + 61));
    const w = (await verify(creds[2])).json();
    const fresh = await lastCodeFor(t, creds[2].ownerId);
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => enterCode(w.challengeId, String((Number(fresh) + 1 + i) % 1_000_000).padStart(6, '0'))));
    expect(guesses.filter((g) => g.statusCode === 422).length).toBeLessThanOrEqual(4);
    const row = await t.db.kysely.selectFrom('owner_verification_codes').select('tries').where('id', '=', w.challengeId).executeTakeFirstOrThrow();
    expect(row.tries).toBe(5);
  });

  it('is sent again at most once a minute and 5 times an hour per member, and the newer code replaces the older', async () => {
    const start = at(START, 4 * 3600);
    clock.set(start);
    const first = (await verify(creds[3])).json();
    const firstCode = await lastCodeFor(t, creds[3].ownerId);
    const soon = await verify(creds[3]);
    expect(soon.statusCode).toBe(429);
    expect(soon.json().error).toEqual({ code: 'VERIFY_CODE_WAIT', message: '验证码刚刚发过，请 60 秒后再重新获取。' });
    clock.set(at(start.toISOString(), 61));
    const second = (await verify(creds[3])).json();
    expect(second.step).toBe('code');
    expect((await enterCode(first.challengeId, firstCode)).json().error.code).toBe('VERIFY_CODE_EXPIRED');
    for (let i = 2; i < 5; i++) {
      clock.set(at(start.toISOString(), 61 * i));
      expect((await verify(creds[3])).json().step).toBe('code');
    }
    clock.set(at(start.toISOString(), 61 * 5));
    const sixth = await verify(creds[3], '10.20.0.1', 'en');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toEqual({ code: 'VERIFY_CODE_LIMIT', message: "Too many codes were asked for. Try again in 60 minutes, or ask the owners' committee for a paper ballot." });
    // An hour after the first, a code may be sent again.
    clock.set(at(start.toISOString(), 3601));
    expect((await verify(creds[3])).json().step).toBe('code');
  });

  it('is sent at most 60 times an hour to one address, whatever the members', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const q = await bulkQuarter(t, { ownerCount: 61, units: Array.from({ length: 61 }, (_, i) => ({ area: 9000 + i, owners: [i] })) });
    const community = await t.login('community');
    const bulkVote = await openedVote(community, q.quarterId);
    clock.set(at(START, 6 * 3600));
    const statuses: number[] = [];
    for (const c of q.credentials) {
      const r = await t.app.inject({ method: 'POST', url: `/api/votes/${bulkVote}/verify`, payload: { idNumber: c.idNumber, certificateNo: c.certificateNo }, remoteAddress: '10.21.0.9' });
      statuses.push(r.statusCode);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.at(-1)).toBe(429);
  });

  it('cannot reach an owner without a mobile number on record: they are told to have the committee or the community record it, or to vote on paper before the close', async () => {
    clock.set(at(START, 7 * 3600));
    const q = await bulkQuarter(t, { ownerCount: 2, units: [{ area: 9000, owners: [0] }, { area: 9100, owners: [1] }] });
    await t.db.kysely.updateTable('owners').set({ phone: null }).where('id', '=', q.owners[0]).execute();
    await t.db.kysely.updateTable('owners').set({ phone: '0571-88881234' }).where('id', '=', q.owners[1]).execute();
    clock.set('2026-03-01T09:00:00+08:00');
    const community = await t.login('community');
    const noPhoneVote = await openedVote(community, q.quarterId);
    clock.set(at(START, 7 * 3600));
    for (const c of q.credentials) {
      const r = await t.app.inject({ method: 'POST', url: `/api/votes/${noPhoneVote}/verify`, payload: { idNumber: c.idNumber, certificateNo: c.certificateNo }, remoteAddress: '10.22.0.1' });
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toEqual({
        code: 'VOTER_NO_PHONE',
        message: '业主名册中没有您的手机号码，收不到验证码，所以暂时不能在网上投票。您可以请业主委员会或社区把您的手机号码登记到业主名册，登记后再来网上投票；也可以向他们领取纸质表决票，签名后在投票截止（2026-03-15 24:00）前交回。',
      });
    }
  });

  it('is not offered when the server sends no text messages (GONGZHI_SMS=off)', async () => {
    await expect(verifyVoter(t.db.kysely, t.hashKey, null, voteId, { idNumber: creds[0].idNumber, certificateNo: creds[0].certificateNo }, '10.23.0.1')).rejects.toMatchObject({ code: 'VOTER_SMS_UNAVAILABLE' });
  });
});

describe('a second verification', () => {
  it('answers only that the member has voted, and the day — never the receipt code, not even to the owner with a code or their own account', async () => {
    clock.set(at(START, 8 * 3600));
    const token = (await verifyWithCode(t, voteId, creds[0], '10.24.0.1')).voterToken;
    const cast = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: token, choices: { '1': 'yes', '2': 'no' } } });
    expect(cast.statusCode).toBe(201);
    const receipt = cast.json().receiptCode as string;
    const sent = t.sms.length;
    const ownAccount = await t.login('owner');
    expect(creds[0].ownerId).toBe(t.fx.owners.q1[0]);
    const own = await ownAccount.post(`/api/votes/${voteId}/verify`, { idNumber: creds[0].idNumber, certificateNo: creds[0].certificateNo });
    expect(own.json()).toEqual({ step: 'voted', votedOn: '2026-03-02' });
    expect(own.body).not.toContain(receipt);
    const anyone = await verify(creds[0], '10.24.0.2');
    expect(anyone.json()).toEqual({ step: 'voted', votedOn: '2026-03-02' });
    // Nothing to confirm, so no code is sent.
    expect(t.sms.length).toBe(sent);
  });

  it('with a code asked for before the ballot and entered after it, still answers only that the member has voted', async () => {
    clock.set(at(START, 9 * 3600));
    const c = creds[1];
    const first = (await verify(c, '10.25.0.1')).json();
    const code = await lastCodeFor(t, c.ownerId);
    // The same member votes meanwhile, on paper.
    const scan = (await commissioner.upload(`/api/votes/${voteId}/scans`, 'ballot.png', PNG)).json();
    expect((await commissioner.post(`/api/votes/${voteId}/paper-ballots`, { unitId: c.unitId, choices: { '1': 'no', '2': 'no' }, scanId: scan.id })).statusCode).toBe(201);
    const late = await enterCode(first.challengeId, code);
    expect(late.statusCode).toBe(200);
    expect(late.json()).toEqual({ step: 'voted', votedOn: '2026-03-02' });
  });
});
