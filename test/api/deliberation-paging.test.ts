// Deliberation's lists answer one page with its total (issue 9, docs/scaling.md): proposals
// newest first, joint meetings latest first, actions earliest due first; the filters hold on
// every page and count in the total; a page is 1 to 200 rows long.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let community: Session;
let committee: Session;

beforeAll(async () => {
  t = await createTestApp();
  const k = t.db.kysely;
  // 45 topics in the first quarter (3 of them merged, every fifth reviewed), 25 meetings (every
  // fifth cancelled) with one resolution and its action each (every third past its due day).
  await sql`
    INSERT INTO proposals (district_id, street_id, community_id, quarter_id, title, channel, raised_by_name, raised_by_role, stage, created_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, '分页议题' || n, 'visit', '楼道长', 'building_leader',
      CASE WHEN n % 5 = 0 THEN 'reviewed' ELSE 'topic' END, now() - n * interval '1 day'
    FROM quarters q, generate_series(1, 45) n WHERE q.id = ${t.fx.q1}`.execute(k);
  await sql`
    UPDATE proposals p SET merged_into = (SELECT o.id FROM proposals o WHERE o.title = '分页议题1')
    WHERE p.title IN ('分页议题2', '分页议题3', '分页议题4')`.execute(k);
  await sql`
    INSERT INTO joint_meetings (district_id, street_id, community_id, quarter_id, kind, title, starts_at, status, minutes, held_at)
    SELECT q.district_id, q.street_id, q.community_id, q.id, 'regular', '分页会议' || n, now() - n * interval '7 days', CASE WHEN n % 5 = 0 THEN 'cancelled' ELSE 'held' END,
      CASE WHEN n % 5 > 0 THEN '纪要' END, CASE WHEN n % 5 > 0 THEN now() - n * interval '7 days' END
    FROM quarters q, generate_series(1, 25) n WHERE q.id = ${t.fx.q1}`.execute(k);
  await sql`
    INSERT INTO joint_meeting_resolutions (meeting_id, district_id, quarter_id, position, text)
    SELECT m.id, m.district_id, m.quarter_id, 1, '决议' FROM joint_meetings m WHERE m.title LIKE '分页会议%'`.execute(k);
  await sql`
    INSERT INTO deliberation_actions (resolution_id, meeting_id, district_id, street_id, community_id, quarter_id, title, responsible, due_date, status)
    SELECT r.id, m.id, m.district_id, m.street_id, m.community_id, m.quarter_id, '督办' || m.title, 'company',
      current_date + CASE WHEN substring(m.title from '[0-9]+')::int % 3 = 0 THEN -30 ELSE 10 END + substring(m.title from '[0-9]+')::int, 'open'
    FROM joint_meeting_resolutions r JOIN joint_meetings m ON m.id = r.meeting_id WHERE m.title LIKE '分页会议%'`.execute(k);
  community = await t.login('community');
  committee = await t.login('committee');
});
afterAll(async () => {
  await t?.close();
});

type Page = { items: Record<string, unknown>[]; total: number; page: number; pageSize: number };
const get = async (session: Session, url: string): Promise<Page> => {
  const res = await session.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /api/proposals, /api/meetings, /api/actions page', () => {
  it('proposals: 20 a page, newest first, the total without the merged topics, page 2 the next 20', async () => {
    const first = await get(community, `/api/proposals?quarterId=${t.fx.q1}&pageSize=20`);
    expect(first).toMatchObject({ total: 42, page: 1, pageSize: 20 });
    expect(first.items).toHaveLength(20);
    const second = await get(community, `/api/proposals?quarterId=${t.fx.q1}&pageSize=20&page=2`);
    expect(second).toMatchObject({ total: 42, page: 2, pageSize: 20 });
    const third = await get(community, `/api/proposals?quarterId=${t.fx.q1}&pageSize=20&page=3`);
    expect(third.items).toHaveLength(2);
    const all = [...first.items, ...second.items, ...third.items] as { id: string; title: string; createdAt: string }[];
    expect(new Set(all.map((p) => p.id)).size).toBe(42);
    expect(all.map((p) => p.createdAt)).toEqual(all.map((p) => p.createdAt).sort().reverse());
    expect(all.map((p) => p.title)).not.toContain('分页议题2');
    // The row keeps its shape (issue 13).
    expect(Object.keys(all[0]).sort()).toEqual(Object.keys((await get(committee, `/api/proposals?quarterId=${t.fx.q1}`)).items[0]).sort());
    // The stage filter holds on the page and in the total: every fifth, 9 of them.
    const reviewed = await get(community, `/api/proposals?quarterId=${t.fx.q1}&stage=reviewed&pageSize=5&page=2`);
    expect(reviewed.total).toBe(9);
    expect(reviewed.items).toHaveLength(4);
    expect((reviewed.items as { stage: string }[]).every((p) => p.stage === 'reviewed')).toBe(true);
  });

  it('meetings: latest first, 50 a page unless asked, the status filter counted', async () => {
    const all = await get(community, `/api/meetings?quarterId=${t.fx.q1}`);
    expect(all).toMatchObject({ total: 25, page: 1, pageSize: 50 });
    const starts = (all.items as { startsAt: string }[]).map((m) => m.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const held = await get(community, `/api/meetings?quarterId=${t.fx.q1}&status=held&pageSize=15&page=2`);
    expect(held.total).toBe(20);
    expect(held.items).toHaveLength(5);
    expect((held.items as { resolutions: number }[]).every((m) => m.resolutions === 1)).toBe(true);
  });

  it('actions: earliest due first, the overdue ones counted apart', async () => {
    const page = await get(community, '/api/actions?pageSize=10&page=3');
    expect(page).toMatchObject({ total: 25, page: 3, pageSize: 10 });
    expect(page.items).toHaveLength(5);
    const overdue = await get(community, '/api/actions?overdue=true&pageSize=3');
    expect(overdue.total).toBe(8);
    expect((overdue.items as { overdue: boolean }[]).every((a) => a.overdue)).toBe(true);
    const dues = (await get(community, '/api/actions?pageSize=200')).items.map((a) => (a as { dueDate: string }).dueDate);
    expect(dues).toEqual([...dues].sort());
  });

  it('a page is 1 to 200 rows long and counts from 1: anything else is 400', async () => {
    for (const list of ['proposals', 'meetings', 'actions']) {
      for (const query of ['pageSize=0', 'pageSize=1000', 'pageSize=201', 'page=0', 'pageSize=x']) {
        const res = await community.get(`/api/${list}?${query}`);
        expect(res.statusCode, `${list}?${query}`).toBe(400);
      }
      expect((await get(community, `/api/${list}?pageSize=200`)).pageSize).toBe(200);
      // Past the last page: no rows, the total still said.
      const past = await get(community, `/api/${list}?page=99`);
      expect(past.items).toEqual([]);
      expect(past.total).toBeGreaterThan(0);
    }
  });
});
