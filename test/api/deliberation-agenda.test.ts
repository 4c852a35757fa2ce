// What a joint meeting's agenda takes up (T/ZAS 4006.1—2020 6.1.1.3): besides a proposal, a case
// raised in the meeting's quarter (6.1.6.3) or a duty of the compliance calendar, one an item;
// a case of another quarter or an unknown duty is refused with its clause.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let s: Record<'committee' | 'commissioner' | 'commissioner2' | 'company' | 'owner', Session>;
let caseQ1: { id: string; trackingCode: string };
let caseQ2: string;

beforeAll(async () => {
  t = await createTestApp();
  s = {} as typeof s;
  for (const name of ['committee', 'commissioner', 'commissioner2', 'company', 'owner'] as const) s[name] = await t.login(name);
  const raise = async (session: Session, quarterId: string, description: string) => {
    const res = await session.post('/api/cases', { quarterId, category: 'property-supervision', description, channel: 'phone' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  caseQ1 = await raise(s.commissioner, t.fx.q1, '东门道闸经常失灵，车辆排队');
  caseQ2 = (await raise(s.commissioner2, t.fx.q2, '二号小区的路灯不亮')).id;
});
afterAll(async () => {
  await t?.close();
});

const meeting = (agenda: unknown[]) => ({ quarterId: t.fx.q1, kind: 'regular', title: '四月联席会议', startsAt: '2026-04-10T19:00:00+08:00', attendees: [{ party: 'company', name: '经理' }], agenda });

describe('agenda items from cases and the compliance calendar', () => {
  it('an item takes up a case of the quarter or a calendar duty, shown with the meeting', async () => {
    const res = await s.committee.post(
      '/api/meetings',
      meeting([
        { title: '东门道闸失灵的处理', caseId: caseQ1.id },
        { title: '本月矛盾纠纷分析', duty: 'committee-dispute-meeting-monthly' },
        { title: '其他事项' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await s.company.get(`/api/meetings/${res.json().id}`)).json();
    expect(detail.agenda).toEqual([
      expect.objectContaining({ title: '东门道闸失灵的处理', proposalId: null, case: { id: caseQ1.id, trackingCode: caseQ1.trackingCode, categoryName: expect.any(String), status: 'received', summary: '东门道闸经常失灵，车辆排队' }, duty: null }),
      expect.objectContaining({ title: '本月矛盾纠纷分析', case: null, duty: { id: 'committee-dispute-meeting-monthly', title: { 'zh-CN': '业主委员会矛盾纠纷分析例会', en: expect.any(String) }, citation: expect.stringContaining('5.1.4.1.3') } }),
      expect.objectContaining({ title: '其他事项', proposalId: null, case: null, duty: null }),
    ]);
  });

  it('a case of another quarter is refused with the clause; so is an unknown duty or two references in one item', async () => {
    const other = await s.committee.post('/api/meetings', meeting([{ title: '路灯', caseId: caseQ2 }]));
    expect([other.statusCode, other.json().error.code]).toEqual([422, 'AGENDA_CASE_OTHER_QUARTER']);
    expect(other.json().error.message).toContain('T/ZAS 4006.1—2020 6.1.6.3');
    expect(other.json().error.message).toContain('第1项');
    const duty = await s.committee.post('/api/meetings', meeting([{ title: '年度体检', duty: 'yearly-check-up' }]));
    expect([duty.statusCode, duty.json().error.code]).toEqual([422, 'AGENDA_DUTY_UNKNOWN']);
    const both = await s.committee.post('/api/meetings', meeting([{ title: 'x', caseId: caseQ1.id, duty: 'committee-appraisal' }]));
    expect([both.statusCode, both.json().error.code]).toEqual([422, 'AGENDA_ONE_REFERENCE']);
    // Nothing was written by the refused requests.
    const list = (await s.committee.get(`/api/meetings?quarterId=${t.fx.q1}`)).json().items;
    expect(list).toHaveLength(1);
  });
});
