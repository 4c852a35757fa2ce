// Deliberation through the API (issue 13): topics from their channels, merging, co-signing
// against the roll in members and area (exactly 20% passes, just below does not), the pipeline
// step by step with its refusals (403 wrong role, 409 skipped or repeated, each with its code and
// clause), the assembly vote linked both ways, joint meetings with attendance, minutes and
// resolutions, and the actions they become: progress, closure, rating, overdue reminders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/server/modules/users/service';
import { createTestApp, PASSWORD, type Session, type TestApp } from '../support/app';
import { AFTER, bulkQuarter, fixtureCredentials, voteClock, voteOnline, type Credential } from '../support/voting';

let t: TestApp;
let s: Record<'owner' | 'commissioner' | 'committee' | 'supervisor' | 'party' | 'company' | 'community' | 'street' | 'leader' | 'department', Session>;
let creds: Credential[];
const clock = voteClock();

beforeAll(async () => {
  t = await createTestApp();
  creds = await fixtureCredentials(t, 'q1');
  s = {} as typeof s;
  for (const name of ['owner', 'commissioner', 'committee', 'supervisor', 'party', 'company', 'community', 'street', 'leader', 'department'] as const) s[name] = await t.login(name);
  clock.set('2026-03-01T09:00:00+08:00');
});
afterAll(async () => {
  clock.reset();
  await t?.close();
});

async function topic(session: Session, body: Record<string, unknown> = {}) {
  const res = await session.post('/api/proposals', { quarterId: t.fx.q1, title: '地面停车位重新划线', body: '东门一带车位不够', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('topics from their channels', () => {
  it('keep their channel and who raised them; an owner’s is online and theirs', async () => {
    const mine = await topic(s.owner, { channel: 'reception', raisedByName: '别人' });
    const reception = await topic(s.commissioner, { channel: 'reception', raisedByName: '王阿姨', title: '接待日反映：电梯异响' });
    const visit = await topic(s.leader, { title: '楼道堆物' });
    const list = (await s.community.get(`/api/proposals?quarterId=${t.fx.q1}`)).json().items as { id: string; channel: string; raisedByName: string; raisedByRole: string; stage: string }[];
    expect(list.find((p) => p.id === mine)).toMatchObject({ channel: 'online', raisedByName: '测试owner', raisedByRole: 'owner', stage: 'topic' });
    expect(list.find((p) => p.id === reception)).toMatchObject({ channel: 'reception', raisedByName: '王阿姨', raisedByRole: 'commissioner' });
    expect(list.find((p) => p.id === visit)).toMatchObject({ channel: 'visit', raisedByRole: 'building_leader' });
    // Departments have no part in a quarter's topics; the company follows but does not raise.
    expect((await s.department.get(`/api/proposals?quarterId=${t.fx.q1}`)).statusCode).toBe(403);
    expect((await s.company.post('/api/proposals', { quarterId: t.fx.q1, title: 'x' })).statusCode).toBe(403);
    // Outside the scope looks unknown.
    expect((await s.commissioner.get(`/api/proposals?quarterId=${t.fx.q2}`)).statusCode).toBe(404);
  });

  it('a similar topic is merged into another, keeping its channel and who raised it', async () => {
    const a = await topic(s.commissioner, { title: '充电桩安装' });
    const b = await topic(s.owner, { title: '希望装电动车充电桩' });
    const merged = await s.committee.post(`/api/proposals/${b}/merge`, { into: a });
    expect(merged.statusCode, merged.body).toBe(200);
    const detail = (await s.committee.get(`/api/proposals/${a}`)).json();
    expect(detail.merged).toEqual([expect.objectContaining({ id: b, channel: 'online', raisedByName: '测试owner' })]);
    const list = (await s.committee.get(`/api/proposals?quarterId=${t.fx.q1}`)).json().items as { id: string }[];
    expect(list.some((p) => p.id === b)).toBe(false);
    expect((await s.committee.post(`/api/proposals/${b}/merge`, { into: a })).json().error.code).toBe('PROPOSAL_NOT_TOPIC');
    expect((await s.company.post(`/api/proposals/${a}/merge`, { into: b })).statusCode).toBe(403);
  });
});

describe('co-signing: ≥ 20% of members AND ≥ 20% of area, each owner once', () => {
  // Ten units, one owner each, 200.00 m² in all: 20% is 2 members and 40.00 m² (4000).
  const areas = [1999, 2000, 1, 4000, 2001, 2000, 2000, 2000, 2000, 1999];
  let q: Awaited<ReturnType<typeof bulkQuarter>>;
  const owners: Session[] = [];
  beforeAll(async () => {
    q = await bulkQuarter(t, { units: areas.map((area, i) => ({ area, owners: [i] })), ownerCount: 10, name: '联署小区' });
    for (let i = 0; i < 5; i++) {
      await insertUser(t.db.kysely, { username: `cosigner${i}`, displayName: `联署业主${i}`, role: 'owner', scopeLevel: 'quarter', scopeId: q.quarterId, password: PASSWORD, ownerId: q.owners[i], phone: null });
      owners.push(await t.login(`cosigner${i}`));
    }
  });
  const raise = async () => (await owners[0].post('/api/proposals', { quarterId: q.quarterId, title: '更换小区门禁' })).json().id as string;
  const cosign = async (i: number, id: string) => {
    const res = await owners[i].post(`/api/proposals/${id}/cosign`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('exactly 20% of members with area just below stays a topic; reaching 20% of area makes it proposed', async () => {
    const id = await raise();
    expect(await cosign(0, id)).toMatchObject({ members: 1, area: 1999, membersTotal: 10, areaTotal: 20000, stage: 'topic' });
    expect(await cosign(1, id)).toMatchObject({ members: 2, area: 3999, stage: 'topic', thresholdMet: false });
    expect(await cosign(2, id)).toMatchObject({ members: 3, area: 4000, stage: 'proposed', thresholdMet: true });
    const detail = (await owners[0].get(`/api/proposals/${id}`)).json();
    expect(detail).toMatchObject({ stage: 'proposed', proposedBy: 'cosign', cosignedByMe: true });
    expect(detail.steps[0]).toMatchObject({ step: 'proposed', actorRole: 'owner' });
    expect(detail.steps[0].opinion).toContain('业主大会和业主委员会指导规则 第21条');
  });

  it('exactly 20% of area with members just below stays a topic; reaching 20% of members makes it proposed', async () => {
    const id = await raise();
    expect(await cosign(3, id)).toMatchObject({ members: 1, area: 4000, stage: 'topic' });
    expect(await cosign(2, id)).toMatchObject({ members: 2, area: 4001, stage: 'proposed' });
  });

  it('exactly 20% in both measures is enough', async () => {
    const id = await raise();
    await cosign(0, id);
    expect(await cosign(4, id)).toMatchObject({ members: 2, area: 4000, stage: 'proposed' });
  });

  it('each owner co-signs once; an account linked to no owner on the roll may not; a proposal takes no more', async () => {
    const id = await raise();
    await cosign(0, id);
    const again = await owners[0].post(`/api/proposals/${id}/cosign`);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'PROPOSAL_ALREADY_COSIGNED']);
    await insertUser(t.db.kysely, { username: 'unlinked', displayName: '未关联', role: 'owner', scopeLevel: 'quarter', scopeId: q.quarterId, password: PASSWORD, ownerId: null, phone: null });
    const unlinked = await (await t.login('unlinked')).post(`/api/proposals/${id}/cosign`);
    expect([unlinked.statusCode, unlinked.json().error.code]).toEqual([403, 'COSIGNER_NOT_ON_ROLL']);
    expect(unlinked.json().error.message).toContain('20');
    // Staff do not co-sign (the community office sees the quarter, so it is told 403).
    const staff = await s.community.post(`/api/proposals/${id}/cosign`);
    expect(staff.statusCode).toBe(403);
    // An owner of another quarter does not see it at all.
    expect((await s.owner.post(`/api/proposals/${id}/cosign`)).statusCode).toBe(404);
  });
});

describe('the pipeline, a joint meeting, the assembly vote and the action', () => {
  let id: string;
  let meetingId: string;
  let actionId: string;
  let voteId: string;

  it('the committee proposes; a repeated or skipped step is 409 and a wrong role 403, each with its clause', async () => {
    id = await topic(s.owner, { title: '增设非机动车棚' });
    expect((await s.supervisor.post(`/api/proposals/${id}/advance`, { to: 'proposed' })).json().error.code).toBe('PROPOSAL_WRONG_ROLE');
    const proposed = await s.committee.post(`/api/proposals/${id}/advance`, { to: 'proposed' });
    expect(proposed.json()).toEqual({ id, stage: 'proposed', voteId: null });
    const repeated = await s.committee.post(`/api/proposals/${id}/advance`, { to: 'proposed' });
    expect([repeated.statusCode, repeated.json().error.code]).toEqual([409, 'PROPOSAL_STEP_REPEATED']);
    expect(repeated.json().error.details.clause).toContain('DB3305/T 309—2024 5.1.3.2.1.3');
    const skipped = await s.supervisor.post(`/api/proposals/${id}/advance`, { to: 'reviewed', opinion: '同意' });
    expect([skipped.statusCode, skipped.json().error.code, skipped.json().error.details.next]).toEqual([409, 'PROPOSAL_STEP_SKIPPED', 'discussed']);
    const wrong = await s.supervisor.post(`/api/proposals/${id}/advance`, { to: 'discussed', meetingId: id });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([403, 'PROPOSAL_WRONG_ROLE']);
    expect(wrong.json().error.message).toContain('业主委员会');
    const noRecord = await s.committee.post(`/api/proposals/${id}/advance`, { to: 'discussed' });
    expect([noRecord.statusCode, noRecord.json().error.code]).toEqual([422, 'PROPOSAL_RECORD_MISSING']);
    // Roles without the permission at all.
    expect((await s.company.post(`/api/proposals/${id}/advance`, { to: 'discussed' })).json().error.code).toBe('FORBIDDEN');
  });

  it('a joint meeting is scheduled with the three parties and the proposal on its agenda, then held', async () => {
    const created = await s.party.post('/api/meetings', {
      quarterId: t.fx.q1,
      kind: 'regular',
      title: '2026年3月三方联席会议',
      startsAt: '2026-03-10T19:00:00+08:00',
      location: '小区党群服务站',
      attendees: [
        { party: 'community', name: '李书记', title: '小区党支部书记' },
        { party: 'committee', name: '张主任', title: '业委会主任' },
        { party: 'company', name: '王经理', title: '项目经理' },
        { party: 'other', name: '赵监委', title: '业主监督委员会' },
      ],
      agenda: [{ title: '增设非机动车棚', proposalId: id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    meetingId = created.json().id;
    expect((await s.company.post('/api/meetings', { quarterId: t.fx.q1, kind: 'ad_hoc', title: 'x', startsAt: '2026-03-10T19:00:00+08:00', attendees: [{ party: 'company', name: 'x' }] })).statusCode).toBe(403);
    // Not yet held: deliberation there is refused, and so are resolutions.
    expect((await s.committee.post(`/api/proposals/${id}/advance`, { to: 'discussed', meetingId })).json().error.code).toBe('PROPOSAL_MEETING_INVALID');
    expect((await s.party.post(`/api/meetings/${meetingId}/resolutions`, { text: 'x', responsible: 'company', dueDate: '2026-04-01' })).json().error.code).toBe('MEETING_NOT_HELD');
    const detail = (await s.company.get(`/api/meetings/${meetingId}`)).json();
    const present = detail.attendees.filter((a: { party: string }) => a.party !== 'other').map((a: { id: string }) => a.id);
    expect((await s.party.post(`/api/meetings/${meetingId}/hold`, { minutes: ' ', present })).statusCode).toBe(400);
    const held = await s.party.post(`/api/meetings/${meetingId}/hold`, { minutes: '一、议定增设非机动车棚一处，由物业负责实施。', present });
    expect(held.json()).toEqual({ id: meetingId, status: 'held' });
    expect((await s.party.post(`/api/meetings/${meetingId}/hold`, { minutes: 'again', present })).json().error.code).toBe('MEETING_NOT_SCHEDULED');
  });

  it('its resolution becomes an action with a responsible party and a due date', async () => {
    const res = await s.committee.post(`/api/meetings/${meetingId}/resolutions`, { text: '在3幢东侧增设非机动车棚', proposalId: id, responsible: 'company', dueDate: '2026-01-31', actionTitle: '建成非机动车棚' });
    expect(res.statusCode, res.body).toBe(201);
    actionId = res.json().actionId;
    const detail = (await s.community.get(`/api/meetings/${meetingId}`)).json();
    expect(detail).toMatchObject({ id: meetingId, quarterId: t.fx.q1, kind: 'regular', status: 'held', minutes: expect.stringContaining('非机动车棚') });
    expect(detail.attendees.map((a: { party: string; present: boolean }) => [a.party, a.present]).sort()).toEqual([['committee', true], ['community', true], ['company', true], ['other', false]]);
    expect(detail.resolutions).toEqual([expect.objectContaining({ text: '在3幢东侧增设非机动车棚', action: expect.objectContaining({ id: actionId, responsible: 'company', dueDate: '2026-01-31', status: 'open', overdue: true }) })]);
    const list = (await s.community.get(`/api/meetings?quarterId=${t.fx.q1}`)).json().items;
    expect(list).toEqual([expect.objectContaining({ id: meetingId, quarterId: t.fx.q1, kind: 'regular', status: 'held', resolutions: 1 })]);
  });

  it('an overdue action is in the inbox of the responsible party and the commissioner', async () => {
    const job = t.app.services.modules.jobs.find((j) => j.name === 'deliberation.overdue-actions')!;
    await job.run(t.db.kysely, new Date());
    await job.run(t.db.kysely, new Date());
    const inboxOf = async (session: Session) => ((await session.get('/api/inbox')).json().items as { kind: string; title: string }[]).filter((i) => i.kind === 'deliberation-action-overdue');
    expect(await inboxOf(s.company)).toHaveLength(1);
    expect((await inboxOf(s.commissioner))[0].title).toContain('建成非机动车棚');
    expect(await inboxOf(s.committee)).toHaveLength(0);
    const overdue = (await s.community.get('/api/actions?overdue=true')).json().items;
    expect(overdue.map((a: { id: string }) => a.id)).toContain(actionId);
    // And on the community's dashboard (GET /api/dashboard), which lists it.
    const figures = (await s.community.get('/api/dashboard')).json().aggregates['deliberation.actions'];
    expect(figures.overdue).toBeGreaterThanOrEqual(1);
    expect(figures.overdueActions).toContainEqual(expect.objectContaining({ id: actionId, responsible: 'company', dueDate: '2026-01-31' }));
  });

  it('the proposal is discussed at the held meeting and reviewed by the supervisory committee', async () => {
    const discussed = await s.committee.post(`/api/proposals/${id}/advance`, { to: 'discussed', meetingId, opinion: '联席会议一致同意' });
    expect(discussed.json().stage).toBe('discussed');
    expect((await s.committee.post(`/api/proposals/${id}/advance`, { to: 'reviewed', opinion: '同意' })).statusCode).toBe(403);
    expect((await s.supervisor.post(`/api/proposals/${id}/advance`, { to: 'reviewed', opinion: '符合管理规约，同意提交业主大会' })).json().stage).toBe('reviewed');
  });

  it('the assembly vote is opened for it, linked both ways, and resolves it once published and passed', async () => {
    expect((await s.supervisor.post(`/api/proposals/${id}/vote`, { opensAt: '2026-03-02T08:00:00+08:00', closesAt: '2026-03-15T24:00:00+08:00', article278Item: 9 })).statusCode).toBe(403);
    const opened = await s.committee.post(`/api/proposals/${id}/vote`, { opensAt: '2026-03-02T08:00:00+08:00', closesAt: '2026-03-15T24:00:00+08:00', article278Item: 9 });
    expect(opened.statusCode, opened.body).toBe(200);
    voteId = opened.json().voteId;
    expect((await s.committee.post(`/api/proposals/${id}/vote`, { voteId })).json().error.code).toBe('PROPOSAL_VOTE_LINKED');
    expect((await s.committee.get(`/api/votes/${voteId}`)).json()).toMatchObject({ title: '增设非机动车棚', rule: 'civil-code-278' });
    const pending = await s.committee.post(`/api/proposals/${id}/advance`, { to: 'resolved' });
    expect([pending.statusCode, pending.json().error.code]).toEqual([409, 'PROPOSAL_VOTE_PENDING']);
    await t.db.kysely.updateTable('votes').set({ objection_days: 0 }).where('id', '=', voteId).execute();
    expect((await s.committee.post(`/api/votes/${voteId}/open`)).statusCode).toBe(200);
    clock.set('2026-03-05T10:00:00+08:00');
    for (const c of creds) expect((await voteOnline(t, voteId, c, { '1': 'yes' })).statusCode).toBe(201);
    clock.set(AFTER);
    expect((await s.committee.post(`/api/votes/${voteId}/close`)).statusCode).toBe(200);
    // The objection period (none here) ends at the end of the day of the close.
    clock.set('2026-03-17T09:00:00+08:00');
    expect((await s.committee.post(`/api/votes/${voteId}/publish`)).statusCode).toBe(200);
    // The list filtered by the stage the vote gives it has it at once (before the periodic job).
    const resolved = (await s.community.get('/api/proposals?stage=resolved')).json().items;
    expect(resolved.map((p: { id: string }) => p.id)).toContain(id);
    const detail = (await s.community.get(`/api/proposals/${id}`)).json();
    expect(detail).toMatchObject({ stage: 'resolved', voteId, vote: { id: voteId, status: 'published', passed: true } });
    expect(detail.steps.at(-1)).toMatchObject({ step: 'resolved', voteId, actorRole: 'owners_assembly' });
    const byVote = (await s.community.get(`/api/proposals?voteId=${voteId}`)).json().items;
    expect(byVote.map((p: { id: string }) => p.id)).toEqual([id]);
  });

  it('is published with its notice and filed with the community, which sees where every proposal stands', async () => {
    expect((await s.committee.post(`/api/proposals/${id}/advance`, { to: 'published' })).json().error.code).toBe('PROPOSAL_RECORD_MISSING');
    expect((await s.committee.post(`/api/proposals/${id}/advance`, { to: 'published', notice: '决议结果已于小区宣传栏、电子屏公开' })).json().stage).toBe('published');
    expect((await s.committee.post(`/api/proposals/${id}/advance`, { to: 'filed' })).json().error.code).toBe('PROPOSAL_WRONG_ROLE');
    expect((await s.community.post(`/api/proposals/${id}/advance`, { to: 'filed', opinion: '已备案' })).json().stage).toBe('filed');
    expect((await s.community.post(`/api/proposals/${id}/advance`, { to: 'filed' })).json().error.code).toBe('PROPOSAL_CLOSED');
    const list = (await s.street.get('/api/proposals')).json().items as { id: string; stage: string; voteId: string | null; quarterId: string }[];
    expect(list.find((p) => p.id === id)).toMatchObject({ stage: 'filed', voteId, quarterId: t.fx.q1 });
    const steps = (await s.community.get(`/api/proposals/${id}`)).json().steps.map((x: { step: string }) => x.step);
    expect(steps).toEqual(['proposed', 'discussed', 'reviewed', 'resolved', 'published', 'filed']);
  });

  it('the action: progress by the responsible party, closure, then owners rate it once', async () => {
    expect((await s.owner.post(`/api/actions/${actionId}/rating`, { rating: 'satisfied' })).json().error.code).toBe('ACTION_NOT_CLOSED');
    expect((await s.committee.post(`/api/actions/${actionId}/progress`, { note: 'x' })).json().error.code).toBe('ACTION_WRONG_ROLE');
    expect((await s.company.post(`/api/actions/${actionId}/progress`, { note: '已完成地基', evidence: '现场照片2张' })).json()).toMatchObject({ id: actionId, status: 'in_progress' });
    expect((await s.company.post(`/api/actions/${actionId}/close`, { note: '车棚已建成并投入使用' })).json()).toMatchObject({ id: actionId, status: 'closed' });
    expect((await s.company.post(`/api/actions/${actionId}/progress`, { note: 'x' })).json().error.code).toBe('ACTION_CLOSED');
    expect((await s.owner.post(`/api/actions/${actionId}/rating`, { rating: 'basic', comment: '位置有点远' })).statusCode).toBe(200);
    expect((await s.owner.post(`/api/actions/${actionId}/rating`, { rating: 'satisfied' })).json().error.code).toBe('ACTION_ALREADY_RATED');
    const detail = (await s.owner.get(`/api/actions/${actionId}`)).json();
    expect(detail).toMatchObject({ status: 'closed', overdue: false, myRating: 'basic', mayRate: false, ratings: { satisfied: 0, basic: 1, dissatisfied: 0 } });
    expect(detail.updates.map((u: { kind: string }) => u.kind)).toEqual(['progress', 'close']);
  });

  it('a proposal is rejected at the step that is due, with its reason', async () => {
    const other = await topic(s.owner, { title: '在绿地上建停车场' });
    expect((await s.supervisor.post(`/api/proposals/${other}/reject`, { reason: '不合规' })).json().error.code).toBe('PROPOSAL_WRONG_ROLE');
    const rejected = await s.committee.post(`/api/proposals/${other}/reject`, { reason: '占用绿地，违反规划' });
    expect(rejected.json()).toMatchObject({ stage: 'rejected' });
    expect((await s.owner.get(`/api/proposals/${other}`)).json()).toMatchObject({ stage: 'rejected', rejectedAtStep: 'proposed', rejectedReason: '占用绿地，违反规划' });
  });
});
