// Deliberation in the browser (issue 13): two owners co-sign a topic on their phones until it
// has 20% of the members and of the area and becomes a proposal; staff hold the joint meeting
// (attendance, minutes, a resolution that becomes an action), discuss it there, the supervisory
// committee reviews it, the assembly vote is opened from the proposal page and, once published
// and passed, resolves it; the committee publishes it and the notice prints; the company closes
// the action and the owner rates it. Steps that are not the point (scheduling the meeting, the
// review, the ballots, the filing) go through the API, as the other browser tests do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { PASSWORD, type Session, type TestApp } from '../support/app';
import { serveBuiltWebApp } from '../support/web-app';
import { launchBrowser, newDesktopPage, newPhonePage, screenshot, submitLogin, tid, type Browser, type Page } from '../support/browser';
import zlib from 'node:zlib';
import { AFTER, bulkQuarter, minimalPdf, PNG, pngChunk, voteClock, voteOnline } from '../support/voting';

/** A 160×120 photo-like PNG (a gradient), so that the evidence thumbnail shows something. */
function gradientPng(): Buffer {
  const [w, h] = [160, 120];
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    const at = y * (w * 3 + 1);
    for (let x = 0; x < w; x++) rows.set([60 + x, 120 + (y >> 1), 200 - (x >> 1)], at + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([PNG.subarray(0, 8), pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}

const clock = voteClock();
let t: TestApp;
let browser: Browser;
let base: string;
let q: Awaited<ReturnType<typeof bulkQuarter>>;
let api: Record<'committee' | 'party' | 'supervisor' | 'community' | 'company', Session>;
let ownerA: Page;
let ownerB: Page;
let staff: Page;
let proposalId = '';
let meetingId = '';
let actionId = '';

beforeAll(async () => {
  ({ t, base } = await serveBuiltWebApp());
  browser = await launchBrowser();
  clock.set('2026-03-01T09:00:00+08:00');
  // Ten units of equal area, one owner each: 20% is two co-signers.
  q = await bulkQuarter(t, { units: Array.from({ length: 10 }, (_, i) => ({ area: 8953, owners: [i] })), ownerCount: 10, name: '议事小区' });
  const people: [string, 'owner' | 'committee' | 'party_secretary' | 'supervisory' | 'company', string | null][] = [
    ['ownerA', 'owner', q.owners[0]],
    ['ownerB', 'owner', q.owners[1]],
    ['dcommittee', 'committee', null],
    ['dparty', 'party_secretary', null],
    ['dsupervisor', 'supervisory', null],
    ['dcompany', 'company', null],
  ];
  for (const [username, role, ownerId] of people) {
    await insertUser(t.db.kysely, { username, displayName: `议事${username}`, role, scopeLevel: 'quarter', scopeId: q.quarterId, password: PASSWORD, ownerId, phone: null });
  }
  api = { committee: await t.login('dcommittee'), party: await t.login('dparty'), supervisor: await t.login('dsupervisor'), community: await t.login('community'), company: await t.login('dcompany') };
}, 60_000);
afterAll(async () => {
  clock.reset();
  await browser?.close();
  await t?.close();
});

/** Logs in and waits until the app has left the login page (the session is set). */
async function login(page: Page, username: string) {
  await submitLogin(page, base, username, PASSWORD);
}

async function topicCard(page: Page) {
  const card = page.locator(`${tid('owner-topic')}[data-proposal-id="${proposalId}"]`);
  await card.waitFor();
  return card;
}

describe('deliberation in the browser', () => {
  it('an owner raises a topic on the phone and co-signs it; one co-signer of ten is not yet 20%', async () => {
    ownerA = await newPhonePage(browser);
    await login(ownerA, 'ownerA');
    await ownerA.waitForSelector(tid('owner-topics-link'));
    await ownerA.click(tid('owner-topics-link'));
    await ownerA.fill(tid('owner-raise-title'), '东门增设非机动车棚');
    await ownerA.click(tid('owner-raise'));
    await ownerA.locator(tid('owner-topic'), { hasText: '东门增设非机动车棚' }).waitFor();
    proposalId = (await ownerA.locator(tid('owner-topic'), { hasText: '东门增设非机动车棚' }).getAttribute('data-proposal-id'))!;
    const card = await topicCard(ownerA);
    await card.locator(tid('owner-cosign')).click();
    await card.locator(`${tid('owner-support')}[data-members="1"]`).waitFor();
    expect(await card.getAttribute('data-stage')).toBe('topic');
    expect(await card.textContent()).toContain('网上提出');
    await screenshot(ownerA, 'e2e-delib-owner-cosigned');
  });

  it('a second owner co-signs and it becomes a proposal (20% of members and of area)', async () => {
    ownerB = await newPhonePage(browser);
    await login(ownerB, 'ownerB');
    await ownerB.goto(`${base}/me/topics`);
    const card = await topicCard(ownerB);
    await card.locator(tid('owner-cosign')).click();
    await ownerB.locator(`${tid('owner-topic')}[data-proposal-id="${proposalId}"][data-stage="proposed"]`).waitFor();
    await screenshot(ownerB, 'e2e-delib-owner-proposed', { fullPage: true });
    const detail = (await api.committee.get(`/api/proposals/${proposalId}`)).json();
    expect(detail).toMatchObject({ stage: 'proposed', proposedBy: 'cosign', support: { members: 2, membersTotal: 10 } });
  });

  it('the joint meeting is held with attendance and minutes, and its resolution becomes an action', async () => {
    // A case raised in the quarter, which the meeting takes up with a duty of the compliance calendar.
    const raised = await api.community.post('/api/cases', { quarterId: q.quarterId, category: 'property-supervision', description: '东门道闸经常失灵，车辆排队', channel: 'phone' });
    expect(raised.statusCode, raised.body).toBe(201);
    const created = await api.party.post('/api/meetings', {
      quarterId: q.quarterId,
      kind: 'regular',
      title: '三月三方联席会议',
      startsAt: '2026-03-03T19:00:00+08:00',
      location: '党群服务站',
      attendees: [
        { party: 'community', name: '李书记', title: '党支部书记' },
        { party: 'committee', name: '张主任', title: '业委会主任' },
        { party: 'company', name: '王经理', title: '物业项目经理' },
        { party: 'other', name: '楼道长', title: '楼道长代表' },
      ],
      agenda: [
        { title: '东门增设非机动车棚', proposalId },
        { title: '东门道闸失灵的处理', caseId: raised.json().id },
        { title: '本月矛盾纠纷分析', duty: 'committee-dispute-meeting-monthly' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    meetingId = created.json().id;
    staff = await newDesktopPage(browser);
    await login(staff, 'dparty');
    await staff.goto(`${base}/meetings/${meetingId}`);
    await staff.waitForSelector(tid('meeting-present-3'));
    await staff.click(tid('meeting-present-3')); // the building leader did not come
    await staff.fill(tid('meeting-minutes'), '一、议定在东门增设非机动车棚一处，由物业实施。\n二、提交业主监督委员会审议后交业主大会表决。');
    await staff.click(tid('meeting-hold'));
    await staff.locator(`${tid('meeting-status')}[data-status="held"]`).waitFor();
    await staff.fill(tid('meeting-resolution-text'), '物业在东门增设非机动车棚一处');
    await staff.fill(tid('meeting-resolution-due'), '2026-04-30');
    await staff.click(tid('meeting-resolution-add'));
    await staff.locator(tid('action-link'), { hasText: '物业在东门增设非机动车棚一处' }).waitFor();
    await screenshot(staff, 'e2e-delib-meeting-held', { fullPage: true });
    const agenda = staff.locator(`${tid('meeting-agenda')} li`);
    expect(await agenda.evaluateAll((items) => items.map((li) => li.getAttribute('data-reference')))).toEqual(['proposal', 'case', 'duty']);
    expect(await agenda.nth(1).textContent()).toContain(raised.json().trackingCode);
    expect(await agenda.nth(2).textContent()).toContain('DB3305/T 309—2024 5.1.4.1.3');
    await staff.evaluate(() => window.scrollTo(0, 0));
    await screenshot(staff, 'e2e-delib-meeting-agenda', { fullPage: false });
    // The printed minutes name what each item took up.
    const print = await newDesktopPage(browser);
    await print.context().addCookies(await staff.context().cookies());
    await print.goto(`${base}/print/meetings/${meetingId}`);
    await print.locator(tid('print-agenda')).waitFor();
    expect(await print.locator(tid('print-agenda')).textContent()).toContain(`诉求 ${raised.json().trackingCode}`);
    await screenshot(print, 'e2e-delib-minutes-print', { fullPage: true });
    await print.close();
    const meeting = (await api.community.get(`/api/meetings/${meetingId}`)).json();
    expect(meeting.attendees.map((a: { party: string; present: boolean }) => `${a.party}:${a.present}`).sort()).toEqual(['committee:true', 'community:true', 'company:true', 'other:false']);
    actionId = meeting.resolutions[0].action.id;
    expect(meeting.resolutions[0].action).toMatchObject({ responsible: 'company', dueDate: '2026-04-30', status: 'open' });
  });

  it('the committee records the discussion at that meeting; the supervisory committee reviews it', async () => {
    await staff.context().clearCookies();
    await login(staff, 'dcommittee');
    await staff.goto(`${base}/proposals/${proposalId}`);
    await staff.locator(`${tid('proposal-next')}[data-step="discussed"]`).waitFor();
    await staff.click(tid('proposal-meeting'));
    await staff.locator('.ant-select-item-option', { hasText: '三月三方联席会议' }).click();
    await staff.fill(tid('proposal-opinion'), '联席会议一致同意');
    await staff.click(tid('proposal-take'));
    await staff.locator(`${tid('proposal-stage')}[data-stage="discussed"]`).waitFor();
    // The next step is the supervisory committee's: the committee is told so.
    expect(await staff.textContent(tid('proposal-next'))).toContain('业主监督委员会');
    const reviewed = await api.supervisor.post(`/api/proposals/${proposalId}/advance`, { to: 'reviewed', opinion: '同意提交业主大会表决' });
    expect(reviewed.json().stage).toBe('reviewed');
  });

  it('the assembly vote is opened from the proposal, and its published result resolves it', async () => {
    await staff.reload();
    await staff.locator(`${tid('proposal-next')}[data-step="resolved"]`).waitFor();
    await staff.fill(tid('proposal-vote-opens-at'), '2026-03-05 08:00');
    await staff.fill(tid('proposal-vote-closes-at'), '2026-03-15 24:00');
    await staff.click(tid('proposal-vote-open'));
    await staff.locator(tid('proposal-vote-link')).waitFor();
    const voteId = (await api.committee.get(`/api/proposals/${proposalId}`)).json().voteId as string;
    expect(voteId).toBeTruthy();
    expect((await api.committee.get(`/api/proposals?voteId=${voteId}`)).json().items.map((p: { id: string }) => p.id)).toEqual([proposalId]);
    await t.db.kysely.updateTable('votes').set({ objection_days: 0 }).where('id', '=', voteId).execute();
    expect((await api.committee.post(`/api/votes/${voteId}/open`)).statusCode).toBe(200);
    clock.set('2026-03-06T10:00:00+08:00');
    for (const [i, c] of q.credentials.entries()) expect((await voteOnline(t, voteId, c, { '1': i < 8 ? 'yes' : 'no' }, `10.77.0.${i + 1}`)).statusCode).toBe(201);
    clock.set(AFTER);
    expect((await api.committee.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    clock.set('2026-03-17T09:00:00+08:00');
    expect((await api.committee.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
    await staff.reload();
    await staff.locator(`${tid('proposal-stage')}[data-stage="resolved"]`).waitFor();
  });

  it('the committee publishes it with its notice, which prints as an A4 notice in Chinese', async () => {
    await staff.locator(`${tid('proposal-next')}[data-step="published"]`).waitFor();
    expect(await staff.inputValue(tid('proposal-notice'))).toContain('现予公开');
    await staff.click(tid('proposal-take'));
    await staff.locator(`${tid('proposal-stage')}[data-stage="published"]`).waitFor();
    expect(await staff.locator(tid('proposal-step-record')).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step')))).toEqual(['proposed', 'discussed', 'reviewed', 'resolved', 'published']);
    await screenshot(staff, 'e2e-delib-proposal-published', { fullPage: true });
    await staff.goto(`${base}/print/proposals/${proposalId}`);
    await staff.waitForSelector(tid('print-page'));
    const notice = (await staff.textContent(tid('print-page'))) ?? '';
    expect(notice).toContain('议事小区议事结果公告');
    expect(notice).toContain('东门增设非机动车棚');
    expect(notice).toContain('5.1.3.2.1.3');
    await screenshot(staff, 'e2e-delib-notice-print', { fullPage: true });
    expect((await api.community.post(`/api/proposals/${proposalId}/advance`, { to: 'filed', opinion: '已备案' })).json().stage).toBe('filed');
  });

  it('the company reports progress on the action and closes it; the owner rates the result', async () => {
    await staff.context().clearCookies();
    await login(staff, 'dcompany');
    await staff.goto(`${base}/actions/${actionId}`);
    await staff.waitForSelector(tid('action-note'));
    await staff.fill(tid('action-note'), '车棚基础已浇筑');
    await staff.fill(tid('action-evidence'), '基础浇筑现场');
    // A photo of the work with the report (T/ZAS 4006.1—2020 6.1.6), shown on the page once sent.
    await staff.setInputFiles(tid('action-files'), { name: '基础现场.png', mimeType: 'image/png', buffer: gradientPng() });
    await staff.click(tid('action-progress'));
    await staff.locator(`${tid('action-status')}[data-status="in_progress"]`).waitFor();
    await staff.locator(`${tid('action-evidence-photo')} img`).first().waitFor();
    await staff.fill(tid('action-note'), '车棚已建成并投入使用');
    await staff.setInputFiles(tid('action-files'), { name: '验收单.pdf', mimeType: 'application/pdf', buffer: minimalPdf() });
    await staff.click(tid('action-close'));
    await staff.locator(`${tid('action-status')}[data-status="closed"]`).waitFor();
    await staff.locator(tid('action-evidence-document'), { hasText: '验收单.pdf' }).waitFor();
    const photoOk = await staff.locator(`${tid('action-evidence-photo')} img`).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 160);
    expect(photoOk).toBe(true);
    const files = (await api.community.get(`/api/actions/${actionId}`)).json().updates.flatMap((u: { files: { name: string }[] }) => u.files.map((f) => f.name));
    expect(files).toEqual(['基础现场.png', '验收单.pdf']);
    await screenshot(staff, 'e2e-delib-action-closed', { fullPage: true });

    await ownerA.goto(`${base}/me/topics`);
    const row = ownerA.locator(`${tid('owner-action')}[data-action-id="${actionId}"]`);
    await row.locator(tid('owner-rate')).waitFor();
    await row.getByText('基本满意').click();
    await row.locator(tid('owner-rating-comment')).fill('位置再近一点更好');
    await row.locator(tid('owner-rate')).click();
    await row.locator(tid('owner-my-rating')).waitFor();
    expect(await row.locator(tid('owner-my-rating')).textContent()).toContain('基本满意');
    await screenshot(ownerA, 'e2e-delib-owner-rated', { fullPage: true });
    const action = (await api.community.get(`/api/actions/${actionId}`)).json();
    expect(action).toMatchObject({ status: 'closed', ratings: { satisfied: 0, basic: 1, dissatisfied: 0 } });
  });

  it("the committee puts the year's livelihood candidates to one vote, one item each (T/ZAS 4006.1—2020 6.2.5.2)", async () => {
    const year = new Date().getFullYear();
    for (const title of ['加装单元门禁', '增设休息座椅', '修补北区道路']) {
      expect((await api.committee.post('/api/proposals', { quarterId: q.quarterId, title, channel: 'reception', raisedByName: '居民', livelihoodYear: year })).statusCode).toBe(201);
    }
    await staff.context().clearCookies();
    await login(staff, 'dcommittee');
    await staff.goto(`${base}/livelihood`);
    await staff.click(tid('livelihood-vote-open'));
    await staff.locator(`${tid('livelihood-vote-candidates')} input[type="checkbox"]`).first().waitFor();
    expect(await staff.locator(`${tid('livelihood-vote-candidates')} input:checked`).count()).toBe(3);
    await staff.fill(tid('livelihood-vote-opens-at'), '2026-04-01 08:00');
    await staff.fill(tid('livelihood-vote-closes-at'), '2026-04-15 24:00');
    await staff.fill(tid('livelihood-vote-due'), `${year}-12-31`);
    await screenshot(staff, 'e2e-delib-livelihood-vote-form', { fullPage: false });
    await staff.click(tid('livelihood-vote-submit'));
    await staff.locator(tid('livelihood-votes')).waitFor();
    expect(await staff.locator(tid('livelihood-vote-state')).count()).toBe(3);
    expect(await staff.locator(tid('livelihood-vote-state')).first().textContent()).toBe('表决中');
    await screenshot(staff, 'e2e-delib-livelihood-vote', { fullPage: true });
    const list = (await api.committee.get(`/api/quarters/${q.quarterId}/livelihood-projects?year=${year}`)).json();
    const vote = (await api.committee.get(`/api/votes/${list.votes[0].voteId}`)).json();
    expect(vote.items.map((i: { title: string }) => i.title)).toEqual(['加装单元门禁', '增设休息座椅', '修补北区道路']);
  });
  it('the list of topics pages on the server, its page in the address (issue 9)', async () => {
    // 24 more topics of the quarter: with the ones above, more than one page of 20.
    for (let n = 1; n <= 24; n++) {
      expect((await api.committee.post('/api/proposals', { quarterId: q.quarterId, title: `翻页议题${String(n).padStart(2, '0')}`, channel: 'reception', raisedByName: '居民' })).statusCode).toBe(201);
    }
    const total = (await api.committee.get(`/api/proposals?quarterId=${q.quarterId}&pageSize=1`)).json().total as number;
    expect(total).toBeGreaterThan(20);
    const asked: string[] = [];
    staff.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/proposals') asked.push(url.search);
    });
    await staff.goto(`${base}/proposals?quarterId=${q.quarterId}`);
    await staff.waitForSelector(`${tid('proposal-list')} ${tid('proposal-row')}`);
    expect(await staff.locator(tid('proposal-row')).count()).toBe(20);
    expect(await staff.locator(tid('proposal-row')).first().textContent()).toContain('翻页议题24');
    await staff.click('.ant-pagination-item-2');
    await expect.poll(() => staff.locator(tid('proposal-row')).count()).toBe(total - 20);
    expect(new URL(staff.url()).searchParams.get('page')).toBe('2');
    expect(asked.some((s) => s.includes('page=2') && s.includes('pageSize=20'))).toBe(true);
    await screenshot(staff, 'e2e-delib-proposals-paged', { fullPage: true });
    // The page survives a reload: it is read from the address.
    await staff.reload();
    await staff.waitForSelector(`${tid('proposal-list')} ${tid('proposal-row')}`);
    expect(await staff.locator(tid('proposal-row')).count()).toBe(total - 20);
  });
  it('the joint meetings page on the server too, latest first', async () => {
    for (let n = 1; n <= 20; n++) {
      const startsAt = `2025-${String(Math.ceil(n / 2)).padStart(2, '0')}-${n % 2 ? '05' : '20'}T19:00:00+08:00`;
      const res = await api.party.post('/api/meetings', { quarterId: q.quarterId, kind: 'regular', title: `翻页会议${String(n).padStart(2, '0')}`, startsAt, attendees: [{ party: 'committee', name: '张主任' }] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const total = (await api.committee.get(`/api/meetings?quarterId=${q.quarterId}&pageSize=1`)).json().total as number;
    expect(total).toBeGreaterThan(20);
    await staff.goto(`${base}/meetings?quarterId=${q.quarterId}&page=2`);
    await staff.waitForSelector(`${tid('meeting-list')} ${tid('meeting-row')}`);
    // The page is read from the address: the second page holds the oldest.
    expect(await staff.locator(tid('meeting-row')).count()).toBe(total - 20);
    expect(await staff.locator(tid('meeting-row')).last().textContent()).toContain('翻页会议01');
    await staff.click('.ant-pagination-item-1');
    await expect.poll(() => staff.locator(tid('meeting-row')).count()).toBe(20);
    expect(new URL(staff.url()).searchParams.get('page')).toBeNull();
  });
});
