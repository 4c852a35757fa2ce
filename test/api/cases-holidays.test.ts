// The State Council's holiday calendar (国务院办公厅 部分节假日安排) by which working-day time limits
// count: the 2026 days as the migration fills them, kept by the district office through the API
// (bad input refused whole), and a case's limits counted by them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineAfter, NO_CALENDAR } from '../../src/core/cases';
import { addDays, shanghaiDate } from '../../src/core/dates';
import { createTestApp, type Session, type TestApp } from '../support/app';

let t: TestApp;
let district: Session;

beforeAll(async () => {
  t = await createTestApp();
  district = await t.login('district');
});
afterAll(async () => {
  await t?.close();
});

type Day = { day: string; kind: string; name: string; source: string };

describe('the 2026 calendar (国务院办公厅关于2026年部分节假日安排的通知)', () => {
  it('holds the 33 days off and the 6 make-up working days of the notice', async () => {
    const items = (await (await t.login('commissioner')).get('/api/holidays?year=2026')).json().items as Day[];
    expect(items.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(items.filter((d) => d.kind === 'workday').map((d) => d.day)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(items.find((d) => d.day === '2026-10-07')).toMatchObject({ kind: 'holiday', name: '国庆节', source: '国务院办公厅关于2026年部分节假日安排的通知' });
    expect((await district.get('/api/holidays?year=2025')).json().items).toEqual([]);
  });
});

describe('kept by the district office', () => {
  it('sets and removes a day; bad input and other offices are refused, nothing written', async () => {
    const set = await district.post('/api/holidays', { day: '2027-01-01', kind: 'holiday', name: '元旦', source: '国务院办公厅关于2027年部分节假日安排的通知' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ day: '2027-01-01', kind: 'holiday', name: '元旦', source: '国务院办公厅关于2027年部分节假日安排的通知' });
    // Setting it again replaces it.
    expect((await district.post('/api/holidays', { day: '2027-01-01', kind: 'workday', name: '调休上班' })).json()).toMatchObject({ kind: 'workday', source: '' });
    for (const bad of [{ day: '2027-02-30', kind: 'holiday', name: '无' }, { day: '2027-01-02', kind: 'vacation', name: '假' }, { day: '2027-01-03', kind: 'holiday', name: '' }, { day: '2027-01-04', kind: 'holiday' }])
      expect((await district.post('/api/holidays', bad)).statusCode).toBe(400);
    expect((await (await t.login('street')).post('/api/holidays', { day: '2027-01-05', kind: 'holiday', name: '假' })).statusCode).toBe(403);
    expect(((await district.get('/api/holidays?year=2027')).json().items as Day[]).map((d) => d.day)).toEqual(['2027-01-01']);
    expect((await district.delete('/api/holidays?day=2027-01-01')).statusCode).toBe(200);
    expect((await district.delete('/api/holidays?day=2027-01-01')).statusCode).toBe(404);
    expect((await district.delete('/api/holidays?day=2027-13-01')).statusCode).toBe(400);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity', '=', 'public_calendar_day').orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it("a case's working-day limits count by the calendar: a holiday week entered now moves the deadline", async () => {
    const today = shanghaiDate();
    const week = Array.from({ length: 7 }, (_, i) => addDays(today, i + 1));
    for (const day of week) expect((await district.post('/api/holidays', { day, kind: 'holiday', name: '测试假期' })).statusCode).toBe(200);
    const res = await (await t.login('commissioner')).post('/api/cases', { quarterId: t.fx.q1, category: 'garbage', description: '垃圾没有清运', channel: 'phone' });
    expect(res.statusCode, res.body).toBe(201);
    const row = await t.db.kysely.selectFrom('cases').select(['received_at', 'resolve_due_at']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
    const limit = { amount: 5, unit: 'working_days' } as const;
    const received = new Date(row.received_at);
    // The whole calendar kept (the notice's days too, should the test run near them).
    const kept = (await district.get('/api/holidays')).json().items as Day[];
    const calendar = { holidays: new Set(kept.filter((d) => d.kind === 'holiday').map((d) => d.day)), workdays: new Set(kept.filter((d) => d.kind === 'workday').map((d) => d.day)) };
    const withCalendar = deadlineAfter(received, limit, calendar);
    expect(new Date(row.resolve_due_at)).toEqual(withCalendar);
    expect(withCalendar.getTime()).toBeGreaterThan(deadlineAfter(received, limit, NO_CALENDAR).getTime());
  });
});
