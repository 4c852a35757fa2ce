// Owners' assembly voting through the API: creating with the art. 278 matter classes, opening
// (the frozen roll), owners verifying and voting online, paper ballots and proxies, one ballot
// per member, live turnout, close and count (equal to `gongzhi tally`), objections, publication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { AFTER, DURING, PNG, bulkQuarter, minimalPdf, fixtureCredentials, openedVote, tallyWithCli, voteBody, voteClock, verifyWithCode, voteOnline, type Credential } from '../support/voting';
import { findByReceipt, rollFingerprint, tallyAnyRecord, type VoteRecordV2 } from '../../src/core/voting/index';
import { sendVoteReminders } from '../../src/server/modules/voting/reminders';
import { maskPhone } from '../../src/core/idnumber';

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

describe('creating a vote (民法典 第278条 matter classes)', () => {
  it('derives the matter class from the item of art. 278(1): items 6–8 are special, item 5 ordinary', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const res = await committee.post('/api/votes', voteBody(t.fx.q1, {
      items: [
        { title: '使用维修资金', article278Item: 5 },
        { title: '筹集维修资金', article278Item: 6 },
        { title: '改建', article278Item: 7 },
        { title: '利用共有部分经营', article278Item: 8 },
        { title: '其他重大事项', article278Item: 9 },
      ],
    }));
    expect(res.statusCode).toBe(201);
    const vote = (await committee.get(`/api/votes/${res.json().id}`)).json();
    expect(vote.status).toBe('draft');
    expect(vote.items.map((i: { matter: string }) => i.matter)).toEqual(['ordinary', 'special', 'special', 'special', 'ordinary']);
    expect(vote.items.map((i: { id: string }) => i.id)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('refuses an item without its art. 278 item, and a class that contradicts it (422, zh-CN and en)', async () => {
    const missing = await committee.post('/api/votes', voteBody(t.fx.q1, { items: [{ title: '续聘物业' }] }));
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.code).toBe('ITEM_ARTICLE_REQUIRED');
    expect(missing.json().error.message).toContain('第 1 项未注明');
    const wrong = await committee.post('/api/votes', voteBody(t.fx.q1, { items: [{ title: '筹集维修资金', article278Item: 6, matter: 'ordinary' }] }), { 'accept-language': 'en' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({ code: 'ITEM_MATTER_MISMATCH', message: 'Item 1: Civil Code art. 278(1) item 6 is a special matter (three quarters needed), not an ordinary matter.' });
  });

  it('refuses a window that closes before it opens, a time without offset, and a building-majority vote without a building', async () => {
    const backwards = await committee.post('/api/votes', voteBody(t.fx.q1, { opensAt: '2026-03-10T00:00:00+08:00', closesAt: '2026-03-09T00:00:00+08:00' }));
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().error.message).toBe('投票截止时间必须晚于开始时间。');
    const noOffset = await committee.post('/api/votes', voteBody(t.fx.q1, { opensAt: '2026-03-10T00:00:00' }));
    expect(noOffset.statusCode).toBe(422);
    expect(noOffset.json().error.code).toBe('VOTE_TIME_INVALID');
    const building = await committee.post('/api/votes', voteBody(t.fx.q1, { rule: 'building-majority' }));
    expect(building.statusCode).toBe(422);
    expect(building.json().error.code).toBe('RULE_BUILDING_MISMATCH');
    const empty = await committee.post('/api/votes', voteBody(t.fx.q1, { items: [] }));
    expect(empty.statusCode).toBe(400);
  });
});

describe('errors in the caller\'s language', () => {
  it('gives the details of a time without offset in English when asked in English, in Chinese otherwise', async () => {
    const en = await committee.post('/api/votes', voteBody(t.fx.q1, { opensAt: '2026-03-10T00:00:00' }), { 'accept-language': 'en' });
    expect(en.statusCode).toBe(422);
    expect(en.json().error).toMatchObject({
      code: 'VOTE_TIME_INVALID',
      message: 'A time is not in the expected form (opensAt): write it with its offset, e.g. 2026-03-01T08:00:00+08:00.',
      details: { issues: [{ path: 'opensAt', message: 'Must be an ISO 8601 time with its offset, e.g. 2026-03-01T08:00:00+08:00' }] },
    });
    const zh = await committee.post('/api/votes', voteBody(t.fx.q1, { opensAt: '2026-03-10T00:00:00' }));
    expect(zh.json().error.details).toEqual({ issues: [{ path: 'opensAt', message: '应为带时区的 ISO 8601 时间，例如 2026-03-01T08:00:00+08:00' }] });
  });
});

describe('a whole vote: open, verify, vote, paper, proxy, close, objections, publish', () => {
  let voteId: string;
  let receipt: string;

  it('opening freezes the roll (one member per owner) and publishes its fingerprint', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    voteId = await openedVote(committee, t.fx.q1);
    const vote = (await committee.get(`/api/votes/${voteId}`)).json();
    expect(vote).toMatchObject({ status: 'open', rollMembers: 4, rollArea: 4 * 8953 });
    expect(vote.rollFingerprint).toMatch(/^[0-9a-f]{64}$/);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/votes/${voteId}` })).json();
    expect(pub).toMatchObject({ status: 'open', rollFingerprint: vote.rollFingerprint, result: null });
    const again = await committee.post(`/api/votes/${voteId}/open`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('VOTE_NOT_DRAFT');
  });

  it('refuses a wrong certificate number with a clear message, and a ballot before the window opens', async () => {
    // Before the window opens even the verification is refused, before the numbers are looked at.
    const early = await voteOnline(t, voteId, creds[0], { '1': 'yes', '2': 'yes' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('VOTE_NOT_STARTED');
    clock.set(DURING);
    const wrong = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload: { idNumber: creds[0].idNumber, certificateNo: creds[1].certificateNo } });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.message).toContain('身份证号码和不动产权证号未能与本次表决的表决权人名册对上');
  });

  it('hides turnout from nobody on staff and results from everyone while open', async () => {
    const res = await committee.get(`/api/votes/${voteId}/result`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RESULT_HIDDEN');
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/votes/${voteId}/record` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('an owner votes online, every item, and gets a receipt; a second attempt from any channel is refused', async () => {
    clock.set(DURING);
    const verified = await verifyWithCode(t, voteId, creds[0]);
    const incomplete = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: verified.voterToken, choices: { '1': 'yes' } } });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.message).toBe('每一项都要选择同意、反对或弃权；未选择的事项：2。');
    const cast = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: verified.voterToken, choices: { '1': 'yes', '2': 'no' } } });
    expect(cast.statusCode).toBe(201);
    receipt = cast.json().receiptCode;
    expect(receipt).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(cast.json()).toMatchObject({ seq: 1, channel: 'online', castAt: '2026-03-05T10:30:00+08:00' });

    const twice = await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/ballot`, payload: { voterToken: verified.voterToken, choices: { '1': 'no', '2': 'no' } } });
    expect(twice.statusCode).toBe(409);
    // The channel, not the time (issue 11, point 1: the time would tell staff which ballot it is).
    expect(twice.json().error.message).toContain('该表决权人已经投过票（网上投票）');
    expect(twice.json().error.message).not.toContain('10:30');
    const paperTwice = await commissioner.post(`/api/votes/${voteId}/paper-ballots`, { unitId: creds[0].unitId, choices: { '1': 'no', '2': 'no' }, scanId: null });
    expect(paperTwice.statusCode).toBe(422); // no scan: refused before anything else
    const scan = await commissioner.upload(`/api/votes/${voteId}/scans`, 'ballot-101.png', PNG);
    expect(scan.statusCode).toBe(201);
    const paperAgain = await commissioner.post(`/api/votes/${voteId}/paper-ballots`, { unitId: creds[0].unitId, choices: { '1': 'no', '2': 'no' }, scanId: scan.json().id });
    expect(paperAgain.statusCode).toBe(409);
    expect(paperAgain.json().error.code).toBe('ALREADY_VOTED');
    expect(paperAgain.json().error.message).not.toMatch(/10:30|2026-03-05/);
    // A second verification tells that the member has voted, and the day, never the receipt
    // code (issue 11 point 3: the code finds the ballot's choices in the published record) — not
    // to anyone holding the two numbers, not to staff, not even to the owner's own account.
    const ownAccount = await t.login('owner');
    expect(creds[0].ownerId).toBe(t.fx.owners.q1[0]);
    for (const caller of [null, ownAccount, commissioner]) {
      const body = { idNumber: creds[0].idNumber, certificateNo: creds[0].certificateNo };
      const again = caller ? await caller.post(`/api/votes/${voteId}/verify`, body) : await t.app.inject({ method: 'POST', url: `/api/votes/${voteId}/verify`, payload: body });
      expect(again.json()).toEqual({ step: 'voted', votedOn: '2026-03-05' });
      expect(again.body).not.toContain(receipt);
    }
  });

  it('staff enter a paper ballot with its scan and a proxy ballot; the log shows who entered what', async () => {
    const noScan = await commissioner.post(`/api/votes/${voteId}/paper-ballots`, { unitId: creds[1].unitId, choices: { '1': 'yes', '2': 'yes' } });
    expect(noScan.statusCode).toBe(422);
    expect(noScan.json().error.message).toBe('录入纸质选票必须附上签字选票的扫描件。');
    const notImage = await commissioner.upload(`/api/votes/${voteId}/scans`, 'ballot.txt', Buffer.from('hello'));
    expect(notImage.statusCode).toBe(422);
    const scan = (await commissioner.upload(`/api/votes/${voteId}/scans`, 'ballot-102.png', PNG)).json();
    // A scan opens in a tab of its own, locked down harder than a page: the image and nothing else.
    const shown = await commissioner.get(`/api/votes/${voteId}/scans/${scan.id}`);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.headers['content-security-policy']).toContain("default-src 'none'; img-src 'self'; sandbox");
    expect(shown.headers['x-content-type-options']).toBe('nosniff');
    clock.set('2026-03-06T15:00:00+08:00');
    const paper = await commissioner.post(`/api/votes/${voteId}/paper-ballots`, { unitId: creds[1].unitId, choices: { '1': 'yes', '2': 'yes' }, scanId: scan.id });
    expect(paper.statusCode).toBe(201);
    expect(paper.json()).toMatchObject({ seq: 2, channel: 'paper' });
    const reuse = await commissioner.post(`/api/votes/${voteId}/paper-ballots`, { unitId: creds[2].unitId, choices: { '1': 'yes', '2': 'yes' }, scanId: scan.id });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().error.code).toBe('SCAN_ALREADY_USED');
    const proxy = await committee.post(`/api/votes/${voteId}/proxy-ballots`, { unitId: creds[2].unitId, choices: { '1': 'yes', '2': 'abstain' }, proxyHolder: '王五（受托人）' });
    expect(proxy.statusCode).toBe(201);
    const entries = (await committee.get(`/api/votes/${voteId}/entries`)).json().items;
    // Staff-entered ballots only: an online ballot's seq and time would tie it to the unit staff
    // saw turn "voted online" (issue 11, point 1).
    expect(entries.map((e: { seq: number; channel: string; enteredBy: string | null }) => [e.seq, e.channel, e.enteredBy])).toEqual([
      [3, 'proxy', '测试committee'],
      [2, 'paper', '测试commissioner'],
    ]);
    expect(entries[0]).not.toHaveProperty('choices');
    // Nor does the audit log that the offices read while the vote is open show any choices.
    const community = await t.login('community');
    const logged = (await community.get(`/api/audit?quarterId=${t.fx.q1}&entity=ballot&pageSize=200`)).json();
    expect(logged.items.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(logged)).not.toMatch(/choices|"yes"|"no"|"abstain"/);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['username', 'after']).where('entity', '=', 'ballot').where('action', '=', 'cast').execute();
    expect(audit.filter((a) => a.username === 'commissioner')).toHaveLength(1);
    // Stored as a JSON object (not a string of JSON): who entered which unit's ballot, not its choices.
    const entered = audit.find((a) => a.username === 'commissioner')?.after;
    expect(entered).toMatchObject({ voteId, seq: 2, channel: 'paper', unit: '1幢 1-102', scanId: scan.id });
    expect(entered).not.toHaveProperty('choices');
    expect(JSON.stringify(audit)).not.toContain(creds[0].idNumber);
  });

  it('shows live turnout in members and area against the two-thirds quorum', async () => {
    const res = (await committee.get(`/api/votes/${voteId}/turnout`)).json();
    expect(res).toMatchObject({
      totals: { members: 4, area: 4 * 8953 },
      cast: { members: 3, area: 3 * 8953 },
      needed: { members: 3, area: Math.ceil((2 * 4 * 8953) / 3) },
      quorumMet: true,
      byChannel: { online: { members: 1 }, paper: { members: 1 }, proxy: { members: 1 } },
    });
    expect(JSON.stringify(res)).not.toContain('yes');
  });

  it('lists the members who have not voted yet, with units and owners, on screen and in Excel, for the staff who collect ballots', async () => {
    const rollUnits = (await committee.get(`/api/votes/${voteId}/roll-units`)).json().items as { unitId: string; label: string; building: string; number: string; owners: string[] }[];
    // A paper ballot is matched by building, number and owner: each unit says all three, the owner's name masked.
    expect(rollUnits.find((u) => u.unitId === t.fx.units.q1[0])).toMatchObject({ building: '1幢', number: '1-101', owners: ['一*****1'] });
    const typed = (await committee.get(`/api/votes/${voteId}/roll-units?q=1-102`)).json().items as { building: string }[];
    expect(typed.map((u) => u.building)).toEqual(['1幢', '2幢']);
    expect((await committee.get(`/api/votes/${voteId}/roll-units?q=${encodeURIComponent('2幢1-102')}`)).json().items).toHaveLength(1);
    const labelOf = (unitId: string) => rollUnits.find((u) => u.unitId === unitId)!.label;
    const res = await commissioner.get(`/api/votes/${voteId}/not-voted`);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    // 4 on the roll, 3 cast: the one left is creds[3]'s.
    expect(list).toMatchObject({ members: 1, area: 8953, vote: { id: voteId, areaWeighed: true } });
    expect(list.items).toHaveLength(1);
    expect(list.items[0].units).toEqual([labelOf(creds[3].unitId)]);
    const owner = await t.db.kysely.selectFrom('owners').select(['name', 'phone']).where('id', '=', creds[3].ownerId).executeTakeFirstOrThrow();
    expect(list.items[0].owners).toEqual([{ name: owner.name, phoneMasked: owner.phone ? maskPhone(owner.phone) : null }]);
    if (owner.phone) expect(JSON.stringify(list)).not.toContain(owner.phone);
    for (const c of creds.slice(0, 3)) expect(JSON.stringify(list)).not.toContain(labelOf(c.unitId));

    const file = await commissioner.get(`/api/votes/${voteId}/not-voted.xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('未投票名单'));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('未投票名单')!;
    const cells = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)));
    expect(cells(3)[0]).toBe('尚未投票：1 位表决权人，专有部分面积 89.53 ㎡');
    expect(cells(5)).toEqual(['序号', '房屋', '业主', '联系电话', '专有部分面积（㎡）']);
    expect(cells(6).slice(0, 3)).toEqual(['1', labelOf(creds[3].unitId), owner.name]);
    expect(cells(6)[4]).toBe('89.53');
    expect(cells(6)[3]).toBe(owner.phone ? maskPhone(owner.phone) : '');
    expect(ws.rowCount).toBe(6);
    // Only while the vote takes ballots, and only for the staff who collect them.
    const draft = (await committee.post('/api/votes', voteBody(t.fx.q1))).json().id;
    expect((await committee.get(`/api/votes/${draft}/not-voted`)).statusCode).toBe(409);
    expect((await (await t.login('supervisor')).get(`/api/votes/${voteId}/not-voted`)).statusCode).toBe(403);
  });

  it('a change to the registry after opening does not change the roll', async () => {
    await t.db.kysely.updateTable('units').set({ exclusive_area: 20000 }).where('id', '=', creds[3].unitId).execute();
    const vote = (await committee.get(`/api/votes/${voteId}`)).json();
    expect(vote.rollArea).toBe(4 * 8953);
  });

  it('cannot close before the window ends; after it, the result equals `gongzhi tally` on the record exactly', async () => {
    const early = await committee.post(`/api/votes/${voteId}/close`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('2026-03-15 24:00');
    clock.set('2026-03-16T00:00:00.001+08:00');
    const late = await voteOnline(t, voteId, creds[3], { '1': 'yes', '2': 'yes' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('VOTE_WINDOW_CLOSED');
    const closed = await committee.post(`/api/votes/${voteId}/close`);
    expect(closed.statusCode).toBe(200);
    // Closed 16 March: seven days from 17 March, ending at 24:00 of 23 March (民法典 第201、203条).
    expect(closed.json().objectionEndsAt).toBe(new Date('2026-03-24T00:00:00+08:00').toISOString());

    const result = (await committee.get(`/api/votes/${voteId}/result`)).json();
    const recordRes = await committee.get(`/api/votes/${voteId}/record`);
    expect(recordRes.statusCode).toBe(200);
    const cli = await tallyWithCli(recordRes.body);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toStrictEqual(result);
    expect(result).toMatchObject({
      valid: true,
      totals: { members: 4, area: 35812 },
      participation: { members: 3, area: 26859, quorumMet: true },
      items: [
        // 3 of 3 yes: passes
        { id: '1', matter: 'ordinary', yes: { members: 3 }, no: { members: 0 }, abstain: { members: 0 }, passed: true },
        // special: 1 yes, 1 no, 1 abstain — far below three quarters
        { id: '2', matter: 'special', yes: { members: 1 }, no: { members: 1 }, abstain: { members: 1 }, passed: false },
      ],
    });
    const record = JSON.parse(recordRes.body) as VoteRecordV2;
    expect(record.format).toBe('gongzhi.vote-record/2');
    expect(record.rollFingerprint).toBe(rollFingerprint(record.roll));
    expect(record.vote).toMatchObject({ id: voteId, opensAt: '2026-03-02T08:00:00+08:00', closesAt: '2026-03-16T00:00:00+08:00' });
    // The receipt given at cast finds the ballot and its choices; the ballot names no member.
    expect(findByReceipt(record, receipt)).toMatchObject({ channel: 'online', choices: { '1': 'yes', '2': 'no' } });
    expect(findByReceipt(record, receipt)).not.toHaveProperty('member');
    expect(JSON.stringify(record)).not.toContain(creds[0].ownerId);

    // Ballot secrecy: nothing staff can read pairs an owner or a unit with a pseudonym, which the
    // roll and participants would turn into an area (the full attack: voting-secrecy.test.ts).
    const online = record.participants;
    expect(record.ballots.filter((b) => b.channel === 'online').length).toBeGreaterThan(0);
    const community = await t.login('community');
    const visible = JSON.stringify([
      (await committee.get(`/api/votes/${voteId}/roll-units`)).json(),
      (await committee.get(`/api/votes/${voteId}/entries`)).json(),
      (await community.get(`/api/audit?quarterId=${t.fx.q1}&pageSize=200`)).json(),
    ]);
    for (const member of online) expect(visible).not.toContain(member);
    const audited = await t.db.kysely.selectFrom('audit_log').select(['action', 'after', 'user_id', 'ip']).where('entity', 'in', ['ballot', 'vote_voter']).execute();
    for (const a of audited.filter((x) => x.action === 'verify' || (x.after as { channel?: string } | null)?.channel === 'online')) {
      expect(a.after ?? {}).not.toHaveProperty('member');
      expect(a.after ?? {}).not.toHaveProperty('seq');
    }
    // The online cast entries, timed like the record's castAt, name no account and no address.
    const onlineCasts = audited.filter((x) => x.action === 'cast' && (x.after as { channel?: string } | null)?.channel === 'online');
    expect(onlineCasts.length).toBe(record.ballots.filter((b) => b.channel === 'online').length);
    for (const a of onlineCasts) expect([a.user_id, a.ip]).toEqual([null, null]);
  });

  it('objections during the period; publication only after the period and with every objection answered', async () => {
    const objection = await commissioner.post(`/api/votes/${voteId}/objections`, { text: '3幢业主称未收到纸质选票。' });
    expect(objection.statusCode).toBe(201);
    const tooEarly = await committee.post(`/api/votes/${voteId}/publish`);
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('OBJECTION_PERIOD_RUNNING');
    clock.set('2026-03-24T00:00:00+08:00');
    const late = await commissioner.post(`/api/votes/${voteId}/objections`, { text: '太晚了' });
    expect(late.statusCode).toBe(409);
    const unanswered = await committee.post(`/api/votes/${voteId}/publish`);
    expect(unanswered.json().error.message).toBe('还有 1 条异议没有答复，答复后才能公布结果。');
    const answer = await committee.post(`/api/votes/${voteId}/objections/${objection.json().id}/answer`, { response: '已核实：纸质选票于3月3日送达，有签收记录。' });
    expect(answer.statusCode).toBe(204);
    const published = await committee.post(`/api/votes/${voteId}/publish`);
    expect(published.statusCode).toBe(200);

    const anonymous = await t.app.inject({ method: 'GET', url: `/api/votes/${voteId}/record` });
    expect(anonymous.statusCode).toBe(200);
    expect(tallyAnyRecord(JSON.parse(anonymous.body)).valid).toBe(true);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/votes/${voteId}` })).json();
    expect(pub.status).toBe('published');
    expect(pub.result.items[0].passed).toBe(true);
    const list = (await committee.get('/api/votes')).json().items;
    expect(list.find((v: { id: string }) => v.id === voteId)).toMatchObject({ id: voteId, quarterId: t.fx.q1, title: '2026年第一次业主大会', status: 'published' });
  });
});

describe('the voter roll (format document, "Counting rules")', () => {
  it('one member per owner with the sum of areas, the developer as one member, a co-owned unit as one member', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    // owner 0: two units; owners 1+2 co-own one unit; owner 3 (developer): three unsold units; owner 4: one unit
    const q = await bulkQuarter(t, {
      ownerCount: 5,
      developerIndex: 3,
      units: [
        { area: 8000, owners: [0] },
        { area: 12000, owners: [0] },
        { area: 9000, owners: [1, 2] },
        { area: 10000, owners: [3] },
        { area: 10001, owners: [3] },
        { area: 10002, owners: [3] },
        { area: 7000, owners: [4] },
      ],
    });
    const community = await t.login('community');
    const voteId = await openedVote(community, q.quarterId);
    clock.set(DURING);
    // Either co-owner may cast the unit's one ballot; the other is then refused.
    expect((await voteOnline(t, voteId, q.credentials[2], { '1': 'yes', '2': 'yes' })).statusCode).toBe(201);
    const coOwner = { unitId: q.units[2], ownerId: q.owners[2], idNumber: q.ownerIdNumbers[2]!, certificateNo: q.unitCertificates[2] };
    const refused = await voteOnline(t, voteId, coOwner, { '1': 'no', '2': 'no' });
    expect(refused.json()).toEqual({ step: 'voted', votedOn: '2026-03-05' });
    // The developer's unsold units are one member: one paper ballot for any of them, then no more.
    const scan1 = (await community.upload(`/api/votes/${voteId}/scans`, 'dev.pdf', minimalPdf('/Title (test) '))).json();
    expect((await community.post(`/api/votes/${voteId}/paper-ballots`, { unitId: q.units[3], choices: { '1': 'no', '2': 'no' }, scanId: scan1.id })).statusCode).toBe(201);
    const scan2 = (await community.upload(`/api/votes/${voteId}/scans`, 'dev2.pdf', minimalPdf('/Title (test 2) '))).json();
    const devAgain = await community.post(`/api/votes/${voteId}/paper-ballots`, { unitId: q.units[5], choices: { '1': 'no', '2': 'no' }, scanId: scan2.id });
    expect(devAgain.statusCode).toBe(409);
    clock.set(AFTER);
    expect((await community.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    const record = JSON.parse((await community.get(`/api/votes/${voteId}/record`)).body);
    expect(record.roll.map((r: { area: number }) => r.area).sort((a: number, b: number) => a - b)).toEqual([7000, 9000, 20000, 30003]);
    expect(record.ballots).toHaveLength(2);
  });

  it('the community office runs votes only while the quarter has no owners\' committee in office (西政办〔2020〕29号 二（五）15)', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const q = await bulkQuarter(t, { ownerCount: 3, units: [{ area: 8000, owners: [0] }, { area: 9000, owners: [1] }, { area: 10000, owners: [2] }] });
    const community = await t.login('community');
    const created = await community.post('/api/votes', voteBody(q.quarterId));
    expect(created.statusCode).toBe(201);
    // A committee comes into office (its formation is the organisations module's, tested there).
    const k = t.db.kysely;
    const inOffice = await k
      .insertInto('owners_committees')
      .values({ district_id: t.fx.districtA, quarter_id: q.quarterId, term_start: '2026-02-01', term_end: '2031-01-31', status: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const refused = await community.post(`/api/votes/${created.json().id}/open`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('VOTE_COMMITTEE_CONVENES');
    expect(refused.json().error.message).toContain('西政办〔2020〕29号 二（五）15');
    expect((await community.post('/api/votes', voteBody(q.quarterId))).statusCode).toBe(403);
    const seen = (await community.get(`/api/votes/${created.json().id}`)).json();
    expect(seen.canManage).toBe(false);
    expect((await community.get(`/api/votes?quarterId=${q.quarterId}`)).json().runsVotes).toBe(false);
    // The list names the quarters where the caller may create votes, so the app offers 新建表决 only there.
    const runsIn = (await community.get('/api/votes')).json().runsVotesIn as { id: string }[];
    expect(runsIn.some((r) => r.id === q.quarterId)).toBe(false);
    expect(runsIn.some((r) => r.id === t.fx.q1)).toBe(true);
    expect((await (await t.login('supervisor')).get('/api/votes')).json().runsVotesIn).toEqual([]);
    expect(seen.status).toBe('draft');
    // Its term ends: the community office runs the vote again.
    await k.updateTable('owners_committees').set({ status: 'ended', ended_on: '2026-02-28' }).where('id', '=', inOffice.id).execute();
    expect((await community.get(`/api/votes/${created.json().id}`)).json().canManage).toBe(true);
    expect((await community.get(`/api/votes?quarterId=${q.quarterId}`)).json().runsVotes).toBe(true);
    expect(((await community.get('/api/votes')).json().runsVotesIn as { id: string }[]).some((r) => r.id === q.quarterId)).toBe(true);
    expect((await committee.get(`/api/votes?quarterId=${t.fx.q1}`)).json().runsVotes).toBe(true);
    expect((await (await t.login('supervisor')).get(`/api/votes?quarterId=${t.fx.q1}`)).json().runsVotes).toBe(false);
    // (Opened in the other tests; left a draft here so that it sends no reminders.)
    expect((await community.post('/api/votes', voteBody(q.quarterId))).statusCode).toBe(201);
  });

  it('refuses to open a vote for a quarter without owners (422)', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const q = await bulkQuarter(t, { ownerCount: 0, units: [] });
    const community = await t.login('community');
    const created = await community.post('/api/votes', voteBody(q.quarterId));
    const res = await community.post(`/api/votes/${created.json().id}/open`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ROLL_EMPTY');
    expect((await community.get(`/api/votes/${created.json().id}`)).json().status).toBe('draft');
  });
});

describe('reminders to members who have not voted', () => {
  it('3 days and 1 day before the close, into the inbox and the outbox, once each however often the job runs', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const q = await bulkQuarter(t, { ownerCount: 3, units: [{ area: 9000, owners: [0] }, { area: 9000, owners: [1] }, { area: 9000, owners: [2] }] });
    const community = await t.login('community');
    const voteId = await openedVote(community, q.quarterId);
    clock.set(DURING);
    expect((await voteOnline(t, voteId, q.credentials[0], { '1': 'yes', '2': 'no' })).statusCode).toBe(201);
    const outbox = () => t.db.kysely.selectFrom('notification_outbox').select(['owner_id', 'dedupe_key']).where('dedupe_key', 'like', `vote:${voteId}:%`).execute();
    expect(await sendVoteReminders(t.db.kysely, new Date('2026-03-05T10:00:00+08:00'))).toEqual({ inbox: 0, outbox: 0 });
    const threeDays = new Date('2026-03-13T12:00:00+08:00');
    expect((await sendVoteReminders(t.db.kysely, threeDays)).outbox).toBe(2);
    expect((await sendVoteReminders(t.db.kysely, threeDays)).outbox).toBe(0);
    expect((await sendVoteReminders(t.db.kysely, new Date('2026-03-15T08:00:00+08:00'))).outbox).toBe(2);
    const rows = await outbox();
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r.owner_id)).not.toContain(q.owners[0]);
  });

  it('puts the reminder into the inbox of an owner account', async () => {
    clock.set('2026-03-01T09:00:00+08:00');
    const voteId = await openedVote(committee, t.fx.q1, { title: '提醒测试' });
    await sendVoteReminders(t.db.kysely, new Date('2026-03-15T08:00:00+08:00'));
    const owner = await t.login('owner');
    const inbox = (await owner.get('/api/inbox')).json();
    const items = inbox.items ?? inbox;
    expect(items.some((i: { title: string; link: string }) => i.link === `/me/votes/${voteId}` && i.title.includes('提醒测试'))).toBe(true);
    const mine = (await owner.get('/api/me/votes')).json().items;
    expect(mine.find((v: { id: string }) => v.id === voteId)).toMatchObject({ status: 'open', voted: false });
  });
});

describe('GET /api/votes answers a page (docs/scaling.md)', () => {
  it('with its total, the next page, a sort and filters by quarter and phase', async () => {
    for (const title of ['翻页表决甲', '翻页表决乙', '翻页表决丙']) expect((await committee.post('/api/votes', voteBody(t.fx.q1, { title }))).statusCode).toBe(201);
    const all = (await committee.get(`/api/votes?quarterId=${t.fx.q1}&pageSize=200`)).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(3);
    // Newest first, as before paging.
    const created = all.items.map((v: { createdAt: string }) => v.createdAt);
    expect(created).toEqual([...created].sort().reverse());

    const first = (await committee.get(`/api/votes?quarterId=${t.fx.q1}&pageSize=2`)).json();
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(all.total);
    const second = (await committee.get(`/api/votes?quarterId=${t.fx.q1}&pageSize=2&page=2`)).json();
    expect(second.items.map((v: { id: string }) => v.id)).toEqual(all.items.slice(2, 4).map((v: { id: string }) => v.id));

    const byTitle = (await committee.get(`/api/votes?quarterId=${t.fx.q1}&pageSize=200&sort=title&order=asc`)).json().items.map((v: { title: string }) => v.title);
    expect(byTitle).toEqual([...byTitle].sort());

    for (const phase of ['draft', 'published', 'open', 'upcoming']) {
      const page = (await committee.get(`/api/votes?quarterId=${t.fx.q1}&pageSize=200&phase=${phase}`)).json();
      expect(page.items.every((v: { phase: string }) => v.phase === phase)).toBe(true);
      expect(page.total).toBe(all.items.filter((v: { phase: string }) => v.phase === phase).length);
    }
    expect((await committee.get(`/api/votes?phase=draft&pageSize=200`)).json().items.map((v: { title: string }) => v.title)).toEqual(
      expect.arrayContaining(['翻页表决甲', '翻页表决乙', '翻页表决丙']),
    );
    expect((await committee.get('/api/votes?pageSize=500')).statusCode).toBe(400);
  });
});
