// The records of the deliberation module the access matrix needs, per quarter: made on first use
// by direct inserts (as the other scope tests do), and fresh ones for the routes that change a
// record's state, in the stage where the calling role has the step to take.
import type { Request, Target } from './access-targets';
import { PNG } from './voting';

type Stage = 'topic' | 'proposed' | 'discussed' | 'reviewed' | 'resolved' | 'published';

async function placeOf(x: Target) {
  return x.world.t.db.kysely.selectFrom('quarters').select(['district_id', 'street_id', 'community_id']).where('id', '=', x.q.quarter).executeTakeFirstOrThrow();
}

let seq = 0;

export async function freshProposal(x: Target, stage: Stage = 'topic', building: 'building' | null = null): Promise<string> {
  const p = await placeOf(x);
  const rejected = stage === ('rejected' as Stage) ? { rejected_at_step: 'resolved', rejected_reason: '未通过' } : {};
  return x.world.insert('proposals', {
    ...p,
    quarter_id: x.q.quarter,
    building_id: building ? x.q.building : null,
    title: `议题${++seq}`,
    channel: 'resident',
    raised_by_name: '居民',
    raised_by_role: 'commissioner',
    stage,
    ...rejected,
  });
}

export async function freshMeeting(x: Target, status: 'scheduled' | 'held' = 'scheduled'): Promise<{ id: string; attendee: string }> {
  const p = await placeOf(x);
  const id = await x.world.insert('joint_meetings', { ...p, quarter_id: x.q.quarter, kind: 'regular', title: `联席会议${++seq}`, starts_at: '2026-03-10T11:00:00Z', status, minutes: status === 'held' ? '纪要' : null });
  const attendee = await x.world.insert('joint_meeting_attendees', { meeting_id: id, district_id: p.district_id, quarter_id: x.q.quarter, party: 'committee', name: '主任' });
  return { id, attendee };
}

export async function freshAction(x: Target, responsible: 'community' | 'committee' | 'company', status: 'open' | 'closed' = 'open'): Promise<string> {
  const p = await placeOf(x);
  const meeting = await freshMeeting(x, 'held');
  const resolution = await x.world.insert('joint_meeting_resolutions', { meeting_id: meeting.id, district_id: p.district_id, quarter_id: x.q.quarter, position: 1, text: '决议' });
  return x.world.insert('deliberation_actions', {
    ...p,
    quarter_id: x.q.quarter,
    resolution_id: resolution,
    meeting_id: meeting.id,
    title: '督办',
    responsible,
    due_date: '2026-04-01',
    status,
    closed_at: status === 'closed' ? '2026-03-20T00:00:00Z' : null,
  });
}

const shared = new Map<string, Promise<{ proposal: string; meeting: string; action: string }>>();
/** One topic, one held meeting and one action of the quarter, for the routes that read. */
export function sharedRecords(x: Target) {
  let records = shared.get(x.q.quarter);
  if (!records) {
    records = (async () => ({ proposal: await freshProposal(x), meeting: (await freshMeeting(x, 'held')).id, action: await freshAction(x, 'company') }))();
    shared.set(x.q.quarter, records);
  }
  return records;
}

/** The step each role takes (core/deliberation stepRoles), from the stage before it. */
const stepOf: Record<string, [Stage, string]> = {
  committee: ['topic', 'proposed'],
  party_secretary: ['proposed', 'discussed'],
  supervisory: ['discussed', 'reviewed'],
  commissioner: ['resolved', 'published'],
  community_office: ['published', 'filed'],
};
const partyOf: Record<string, 'community' | 'committee' | 'company'> = { committee: 'committee', company: 'company' };

export const deliberationRequests: Record<string, (x: Target) => Request | Promise<Request>> = {
  'GET /api/proposals': () => ({ method: 'GET', url: '/api/proposals' }),
  'POST /api/proposals': (x) => ({ method: 'POST', url: '/api/proposals', body: { quarterId: x.q.quarter, title: '楼道灯不亮', channel: 'reception' } }),
  'GET /api/proposals/{id}': async (x) => ({ method: 'GET', url: `/api/proposals/${(await sharedRecords(x)).proposal}` }),
  'POST /api/proposals/{id}/cosign': async (x) => ({ method: 'POST', url: `/api/proposals/${await freshProposal(x)}/cosign` }),
  'POST /api/proposals/{id}/advance': async (x) => {
    const [from, to] = stepOf[x.role ?? ''] ?? ['topic', 'proposed'];
    // Building leaders and grid workers post a building's result (HZ 5.1.3.2.2.6).
    const building = x.role === 'building_leader' || x.role === 'grid_worker' ? 'building' : null;
    return { method: 'POST', url: `/api/proposals/${await freshProposal(x, building ? 'resolved' : from, building)}/advance`, body: { to: building ? 'published' : to, opinion: '同意', notice: '已公开', meetingId: (await sharedRecords(x)).meeting } };
  },
  'POST /api/proposals/{id}/reject': async (x) => ({ method: 'POST', url: `/api/proposals/${await freshProposal(x, (stepOf[x.role ?? ''] ?? ['topic'])[0])}/reject`, body: { reason: '不符合规定' } }),
  'POST /api/proposals/{id}/merge': async (x) => ({ method: 'POST', url: `/api/proposals/${await freshProposal(x)}/merge`, body: { into: await freshProposal(x) } }),
  'POST /api/proposals/{id}/vote': async (x) => ({ method: 'POST', url: `/api/proposals/${await freshProposal(x, 'reviewed')}/vote`, body: { voteId: x.q.closedVote } }),
  // A topic of the quarter's first building (the building leader's own).
  'POST /api/proposals/{id}/escalate': async (x) => ({ method: 'POST', url: `/api/proposals/${await freshProposal(x, 'topic', 'building')}/escalate`, body: { reason: '楼道无法解决' } }),
  'POST /api/proposals/{id}/rating': async (x) => ({ method: 'POST', url: `/api/proposals/${await freshProposal(x, 'published', 'building')}/rating`, body: { rating: 'satisfied' } }),
  'GET /api/quarters/{id}/livelihood-projects': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/livelihood-projects?year=2026` }),
  // Two fresh candidates of the year, put to one vote (T/ZAS 4006.1—2020 6.2.5.2).
  'POST /api/quarters/{id}/livelihood-votes': async (x) => {
    const candidates = [await freshProposal(x), await freshProposal(x)];
    await x.world.t.db.kysely.updateTable('proposals').set({ livelihood_year: 2026 }).where('id', 'in', candidates).execute();
    return {
      method: 'POST',
      url: `/api/quarters/${x.q.quarter}/livelihood-votes`,
      body: { year: 2026, candidateIds: candidates, opensAt: '2026-04-01T08:00:00+08:00', closesAt: '2026-04-15T24:00:00+08:00', article278Item: 9, responsible: 'company', dueDate: '2026-12-31' },
    };
  },
  'GET /api/meetings': () => ({ method: 'GET', url: '/api/meetings' }),
  'POST /api/meetings': (x) => ({
    method: 'POST',
    url: '/api/meetings',
    body: { quarterId: x.q.quarter, kind: 'ad_hoc', title: '临时联席会议', startsAt: '2026-03-25T19:00:00+08:00', attendees: [{ party: 'company', name: '经理' }] },
  }),
  'GET /api/meetings/{id}': async (x) => ({ method: 'GET', url: `/api/meetings/${(await sharedRecords(x)).meeting}` }),
  'POST /api/meetings/{id}/hold': async (x) => {
    const m = await freshMeeting(x);
    return { method: 'POST', url: `/api/meetings/${m.id}/hold`, body: { minutes: '会议纪要', present: [m.attendee] } };
  },
  'POST /api/meetings/{id}/cancel': async (x) => ({ method: 'POST', url: `/api/meetings/${(await freshMeeting(x)).id}/cancel` }),
  'POST /api/meetings/{id}/resolutions': async (x) => ({ method: 'POST', url: `/api/meetings/${(await sharedRecords(x)).meeting}/resolutions`, body: { text: '决议', responsible: 'company', dueDate: '2026-04-30' } }),
  'GET /api/actions': () => ({ method: 'GET', url: '/api/actions' }),
  'GET /api/actions/{id}': async (x) => ({ method: 'GET', url: `/api/actions/${(await sharedRecords(x)).action}` }),
  'POST /api/actions/{id}/progress': async (x) => ({ method: 'POST', url: `/api/actions/${await freshAction(x, partyOf[x.role ?? ''] ?? 'community')}/progress`, body: { note: '进行中' } }),
  'POST /api/actions/{id}/close': async (x) => ({ method: 'POST', url: `/api/actions/${await freshAction(x, partyOf[x.role ?? ''] ?? 'community')}/close`, body: { note: '已完成' } }),
  'POST /api/actions/{id}/rating': async (x) => ({ method: 'POST', url: `/api/actions/${await freshAction(x, 'company', 'closed')}/rating`, body: { rating: 'satisfied' } }),
  // The caller's own report (evidence is attached by the report's author).
  'POST /api/actions/{id}/updates/{updateId}/files': async (x) => {
    const action = await freshAction(x, 'company');
    const update = await actionUpdate(x, action, x.role ? await userIdOf(x) : null);
    return { method: 'POST', url: `/api/actions/${action}/updates/${update}/files`, file: { name: 'site.png', content: PNG } };
  },
  'GET /api/actions/{id}/files/{fileId}': async (x) => {
    const { action } = await sharedRecords(x);
    const update = await actionUpdate(x, action, null);
    const p = await placeOf(x);
    const file = await x.world.insert('deliberation_action_files', {
      update_id: update,
      action_id: action,
      district_id: p.district_id,
      quarter_id: x.q.quarter,
      file_name: 'site.png',
      content_type: 'image/png',
      kind: 'photo',
      size_bytes: PNG.length,
      sha256: 'x',
      content: PNG,
    });
    return { method: 'GET', url: `/api/actions/${action}/files/${file}` };
  },
};

async function userIdOf(x: Target): Promise<string> {
  return (await x.world.sessions[x.role!].get('/api/auth/me')).json().user.id as string;
}

async function actionUpdate(x: Target, action: string, actorId: string | null): Promise<string> {
  const p = await placeOf(x);
  return x.world.insert('deliberation_action_updates', { action_id: action, district_id: p.district_id, quarter_id: x.q.quarter, kind: 'progress', note: '进展', actor_id: actorId, actor_name: '报告人' });
}
