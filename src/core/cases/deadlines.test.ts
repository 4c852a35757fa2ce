import { describe, expect, it } from 'vitest';
import { deadlineAfter, isOverdue, reminderAt, shanghaiDayStart } from './deadlines';

// 2026-11-27 is a Friday, 2026-11-28/29 the weekend, 2026-11-30 a Monday.
const at = (s: string) => new Date(s);

describe('deadlines in working days (Asia/Shanghai, 民法典 第201、203条)', () => {
  it('a case received on a Monday with 1 working day is due at 24:00 on Tuesday', () => {
    expect(deadlineAfter(at('2026-11-23T10:00:00+08:00'), { amount: 1, unit: 'working_days' })).toEqual(at('2026-11-25T00:00:00+08:00'));
  });
  it('received on a Friday afternoon: the weekend is not counted, due at the end of Monday', () => {
    expect(deadlineAfter(at('2026-11-27T16:30:00+08:00'), { amount: 1, unit: 'working_days' })).toEqual(at('2026-12-01T00:00:00+08:00'));
  });
  it('received on a Saturday or a Sunday: due at the end of Monday as well', () => {
    expect(deadlineAfter(at('2026-11-28T09:00:00+08:00'), { amount: 1, unit: 'working_days' })).toEqual(at('2026-12-01T00:00:00+08:00'));
    expect(deadlineAfter(at('2026-11-29T23:59:59+08:00'), { amount: 1, unit: 'working_days' })).toEqual(at('2026-12-01T00:00:00+08:00'));
  });
  it('the Shanghai day decides, not the UTC day: Friday 23:30 in Shanghai is Friday 15:30 UTC, Saturday 00:30 is Friday 16:30 UTC', () => {
    expect(deadlineAfter(at('2026-11-27T23:30:00+08:00'), { amount: 1, unit: 'working_days' })).toEqual(at('2026-12-01T00:00:00+08:00'));
    expect(deadlineAfter(at('2026-11-28T00:30:00+08:00'), { amount: 1, unit: 'working_days' })).toEqual(at('2026-12-01T00:00:00+08:00'));
    // Thursday 23:59 Shanghai: one working day is Friday.
    expect(deadlineAfter(at('2026-11-26T23:59:00+08:00'), { amount: 1, unit: 'working_days' })).toEqual(at('2026-11-28T00:00:00+08:00'));
    expect(shanghaiDayStart(at('2026-11-27T16:30:00Z'))).toEqual(at('2026-11-28T00:00:00+08:00'));
  });
  it('5 working days from a Wednesday cross one weekend', () => {
    expect(deadlineAfter(at('2026-11-25T08:00:00+08:00'), { amount: 5, unit: 'working_days' })).toEqual(at('2026-12-03T00:00:00+08:00'));
  });
  it('calendar days count the weekend; hours are hours', () => {
    expect(deadlineAfter(at('2026-11-27T16:30:00+08:00'), { amount: 2, unit: 'calendar_days' })).toEqual(at('2026-11-30T00:00:00+08:00'));
    expect(deadlineAfter(at('2026-11-27T16:30:00+08:00'), { amount: 2, unit: 'hours' })).toEqual(at('2026-11-27T18:30:00+08:00'));
  });
  it('refuses a limit that is not a whole number of at least 1', () => {
    expect(() => deadlineAfter(at('2026-11-27T16:30:00+08:00'), { amount: 0, unit: 'hours' })).toThrow(RangeError);
    expect(() => deadlineAfter(at('2026-11-27T16:30:00+08:00'), { amount: 1.5, unit: 'working_days' })).toThrow(RangeError);
  });
});

describe('overdue and reminders', () => {
  const deadline = at('2026-12-01T00:00:00+08:00');
  it('exactly at the deadline the case is on time; a millisecond later it is overdue', () => {
    expect(isOverdue(deadline, deadline)).toBe(false);
    expect(isOverdue(deadline, new Date(deadline.getTime() + 1))).toBe(true);
    expect(isOverdue(deadline, new Date(deadline.getTime() - 1))).toBe(false);
  });
  it('the reminder comes a quarter of the time before, within an hour and a day', () => {
    expect(reminderAt(at('2026-11-23T09:00:00+08:00'), deadline)).toEqual(at('2026-11-30T00:00:00+08:00'));
    expect(reminderAt(at('2026-11-27T16:30:00+08:00'), deadline)).toEqual(at('2026-11-30T04:07:30+08:00'));
    expect(reminderAt(at('2026-11-30T22:00:00+08:00'), deadline)).toEqual(at('2026-11-30T23:00:00+08:00'));
  });
});
