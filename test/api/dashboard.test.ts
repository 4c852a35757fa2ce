// The supervision dashboard (GET /api/dashboard, issues 12 and 13): each office sees its place or a
// place inside it, with the overdue cases, the three rates per community (a rate of exactly 100%,
// a community without cases at null, never a division by zero) and the overdue actions; a place
// outside the scope answers 404, a role that is not an office 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
const s = {} as Record<'district' | 'street' | 'community' | 'commissioner' | 'owner' | 'districtB', Session>;
const HOUR = 3600_000;

beforeAll(async () => {
  t = await createTestApp();
  for (const name of ['district', 'street', 'community', 'commissioner', 'owner', 'districtB'] as const) s[name] = await t.login(name);
  const k = t.db.kysely;
  const quarters = await k.selectFrom('quarters').select(['id', 'district_id', 'street_id', 'community_id']).execute();
  const place = (id: string) => {
    const q = quarters.find((r) => r.id === id)!;
    return { district_id: q.district_id, street_id: q.street_id, community_id: q.community_id, quarter_id: q.id };
  };
  const now = Date.now();
  let n = 0;
  const insert = (quarterId: string, row: Record<string, unknown>) =>
    k
      .insertInto('cases')
      .values({
        ...place(quarterId),
        tracking_code: `DASH${String(++n).padStart(8, '0')}`,
        category: 'property-service',
        category_name: '物业服务',
        citation: 'T/ZAS 4006.1—2020 7.1.2',
        description: '看板测试',
        channel: 'phone',
        handler_kind: 'company',
        received_at: new Date(now - 100 * HOUR),
        acknowledge_due_at: new Date(now - 76 * HOUR),
        resolve_due_at: new Date(now - 4 * HOUR),
        ...row,
      } as never)
      .execute();
  // Quarter 1: one case past its limit to acknowledge and sent up to the street; one closed on
  // time, replied in 10 hours, rated 满意.
  await insert(t.fx.q1, { status: 'received', escalated_at: new Date(now - HOUR) });
  const onTime = { status: 'closed', acknowledged_at: new Date(now - 90 * HOUR), replied_at: new Date(now - 90 * HOUR), closed_at: new Date(now - 80 * HOUR), rating: 'satisfied' };
  await insert(t.fx.q1, onTime);
  // Quarter 2 (the second community): everything on time and satisfied, replied in 4 hours: 100%.
  await insert(t.fx.q2, { ...onTime, replied_at: new Date(now - 96 * HOUR) });
  // The other district's case, which no office of district A may count.
  await insert(t.fx.qb, { status: 'received' });
});
afterAll(async () => {
  await t?.close();
});

const dashboard = async (by: Session, placeId?: string) => by.get(`/api/dashboard${placeId ? `?placeId=${placeId}` : ''}`);

describe('the district office', () => {
  it('sees its district: the quarters, the overdue case and the rates per community, one without cases at null', async () => {
    const res = await dashboard(s.district);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.place).toEqual({ level: 'district', id: t.fx.districtA, name: expect.any(String) });
    expect(body.platform).toEqual({ quarters: 3, communities: 3 });
    const cases = body.aggregates.cases;
    expect(cases).toMatchObject({ open: 1, overdue: 1, escalated: 1 });
    expect(cases.overdueCases).toEqual([expect.objectContaining({ quarterId: t.fx.q1, quarterName: '一号小区', status: 'received', escalated: true })]);
    expect(cases.rates).toMatchObject({ total: 3, closed: 2, visits: 2, satisfiedVisits: 2, satisfactionRate: 1, meanHoursToReply: 7 });
    expect(cases.breakdown.by).toBe('community');
    const row = (id: string) => cases.breakdown.items.find((i: { key: string }) => i.key === id);
    expect(cases.breakdown.items).toHaveLength(3);
    expect(row(t.fx.communityA2)).toMatchObject({ label: '二社区', total: 1, responseRate: 1, resolutionRate: 1, satisfactionRate: 1, meanHoursToReply: 4 });
    expect(row(t.fx.communityA3)).toMatchObject({ label: '三社区', total: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, meanHoursToReply: null });
    expect(row(t.fx.communityA1)).toMatchObject({ total: 2, responseDue: 2, respondedOnTime: 1, responseRate: 0.5, resolutionRate: 0.5 });
    expect(body.aggregates['deliberation.actions']).toMatchObject({ open: expect.any(Number), overdue: expect.any(Number), overdueActions: expect.any(Array) });
  });

  it('narrows to a street or a quarter inside the district', async () => {
    const street = (await dashboard(s.district, t.fx.streetA1)).json();
    expect(street.place).toMatchObject({ level: 'street', id: t.fx.streetA1, name: '一街道' });
    expect(street.platform).toEqual({ quarters: 2, communities: 2 });
    expect(street.aggregates.cases.breakdown.items.map((i: { label: string }) => i.label).sort()).toEqual(['一社区', '二社区']);
    const quarter = (await dashboard(s.district, t.fx.q2)).json();
    expect(quarter.place).toMatchObject({ level: 'quarter', name: '二号小区' });
    expect(quarter.aggregates.cases).toMatchObject({ open: 0, overdue: 0, overdueCases: [] });
    expect(quarter.aggregates.cases.breakdown).toMatchObject({ by: 'category', items: [expect.objectContaining({ label: '物业服务', total: 1 })] });
  });

  it('answers 404 for a place of another district or an unknown id', async () => {
    expect((await dashboard(s.district, t.fx.qb)).statusCode).toBe(404);
    expect((await dashboard(s.district, t.fx.districtB)).statusCode).toBe(404);
    expect((await dashboard(s.district, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await dashboard(s.district, 'not-an-id')).statusCode).toBe(400);
  });
});

describe('the street and community offices', () => {
  it('the street office sees its street and its communities, not the other street', async () => {
    const body = (await dashboard(s.street)).json();
    expect(body.place).toMatchObject({ level: 'street', id: t.fx.streetA1 });
    expect(body.aggregates.cases.overdue).toBe(1);
    expect((await dashboard(s.street, t.fx.communityA2)).statusCode).toBe(200);
    expect((await dashboard(s.street, t.fx.communityA3)).statusCode).toBe(404);
    expect((await dashboard(s.street, t.fx.streetA2)).statusCode).toBe(404);
    expect((await dashboard(s.street, t.fx.districtA)).statusCode).toBe(404);
  });

  it('the community office sees the overdue case of its quarter, its quarters as the rows of the rates', async () => {
    const body = (await dashboard(s.community)).json();
    expect(body.place).toMatchObject({ level: 'community', id: t.fx.communityA1, name: '一社区' });
    expect(body.platform).toEqual({ quarters: 1, communities: 1 });
    expect(body.aggregates.cases.overdueCases).toHaveLength(1);
    expect(body.aggregates.cases.breakdown).toMatchObject({ by: 'quarter', items: [expect.objectContaining({ key: t.fx.q1, label: '一号小区', total: 2 })] });
    expect((await dashboard(s.community, t.fx.q2)).statusCode).toBe(404);
    expect((await dashboard(s.community, t.fx.streetA1)).statusCode).toBe(404);
  });

  it("the other district's office counts only its own case", async () => {
    const body = (await dashboard(s.districtB)).json();
    expect(body.aggregates.cases).toMatchObject({ open: 1, overdue: 1, escalated: 0 });
    expect(body.aggregates.cases.breakdown.items).toHaveLength(1);
  });
});

describe('other roles', () => {
  it('are refused (403) in their own place, and answered 404 outside it', async () => {
    expect((await dashboard(s.owner)).statusCode).toBe(403);
    expect((await dashboard(s.commissioner)).statusCode).toBe(403);
    expect((await dashboard(s.commissioner, t.fx.q1)).statusCode).toBe(403);
    expect((await dashboard(s.owner, t.fx.q2)).statusCode).toBe(404);
  });
});

describe('the three rates by community and street (GET /api/cases/rates)', () => {
  it('lists every community of the scope, one without cases with null rates', async () => {
    const res = await s.district.get('/api/cases/rates?by=community');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { key: string; total: number; responseRate: number | null; satisfactionRate: number | null }[];
    expect(items).toHaveLength(3);
    expect(items.find((i) => i.key === t.fx.communityA2)).toMatchObject({ total: 1, responseRate: 1, satisfactionRate: 1 });
    expect(items.find((i) => i.key === t.fx.communityA3)).toMatchObject({ total: 0, responseRate: null, satisfactionRate: null });
    // Those with cases come first.
    expect(items[2].key).toBe(t.fx.communityA3);
  });
  it('by street, and for a quarter only its own community', async () => {
    const streets = (await s.district.get('/api/cases/rates?by=street')).json().items as { label: string; total: number }[];
    expect(streets.map((i) => [i.label, i.total])).toEqual([
      ['一街道', 3],
      ['二街道', 0],
    ]);
    const own = (await s.commissioner.get('/api/cases/rates?by=community')).json().items as { key: string }[];
    expect(own.map((i) => i.key)).toEqual([t.fx.communityA1]);
  });
});
