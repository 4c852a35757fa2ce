import { describe, expect, it } from 'vitest';
import { deadlineAfter, isOverdue, isWorkingDay, reminderAt, shanghaiDayStart } from './deadlines';

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

// 国务院办公厅关于2026年部分节假日安排的通知: 国庆节 10月1日（周四）至7日（周三）放假调休，9月20日（周日）、
// 10月10日（周六）上班; 春节 2月15日至23日放假调休，2月14日（周六）、2月28日（周六）上班.
const CALENDAR_2026 = {
  holidays: new Set(['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
  workdays: new Set(['2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10']),
};

describe("working days by the State Council's holiday calendar (民法典 第201、203条)", () => {
  it('a deadline across the National Day holiday week: the week is not counted', () => {
    // Wednesday 30 September, 1 working day: without the calendar Thursday 1 October; with it, Thursday 8 October.
    expect(deadlineAfter(at('2026-09-30T10:00:00+08:00'), { amount: 1, unit: 'working_days' })).toEqual(at('2026-10-02T00:00:00+08:00'));
    expect(deadlineAfter(at('2026-09-30T10:00:00+08:00'), { amount: 1, unit: 'working_days' }, CALENDAR_2026)).toEqual(at('2026-10-09T00:00:00+08:00'));
    // 5 working days: 8, 9, 10 (the make-up Saturday), 12 and 13 October.
    expect(deadlineAfter(at('2026-09-30T10:00:00+08:00'), { amount: 5, unit: 'working_days' }, CALENDAR_2026)).toEqual(at('2026-10-14T00:00:00+08:00'));
  });
  it('a make-up Saturday (调休上班) counts as a working day; the holiday that follows does not', () => {
    // Friday 9 October, 1 working day: Saturday 10 October is worked.
    expect(deadlineAfter(at('2026-10-09T16:30:00+08:00'), { amount: 1, unit: 'working_days' }, CALENDAR_2026)).toEqual(at('2026-10-11T00:00:00+08:00'));
    // Friday 13 February: Saturday 14 February is worked, then nine days of Spring Festival.
    expect(deadlineAfter(at('2026-02-13T16:30:00+08:00'), { amount: 1, unit: 'working_days' }, CALENDAR_2026)).toEqual(at('2026-02-15T00:00:00+08:00'));
    expect(deadlineAfter(at('2026-02-13T16:30:00+08:00'), { amount: 2, unit: 'working_days' }, CALENDAR_2026)).toEqual(at('2026-02-25T00:00:00+08:00'));
    // A make-up Sunday the same: Saturday 19 September, 1 working day is Sunday 20 September.
    expect(deadlineAfter(at('2026-09-19T09:00:00+08:00'), { amount: 1, unit: 'working_days' }, CALENDAR_2026)).toEqual(at('2026-09-21T00:00:00+08:00'));
  });
  it('the Shanghai day decides: 23:30 on 30 September in Shanghai is 15:30 UTC, 00:30 on 1 October is still 30 September in UTC', () => {
    expect(deadlineAfter(at('2026-09-30T23:30:00+08:00'), { amount: 1, unit: 'working_days' }, CALENDAR_2026)).toEqual(at('2026-10-09T00:00:00+08:00'));
    expect(deadlineAfter(at('2026-10-01T00:30:00+08:00'), { amount: 1, unit: 'working_days' }, CALENDAR_2026)).toEqual(at('2026-10-09T00:00:00+08:00'));
    expect(isWorkingDay(at('2026-10-09T16:30:00Z'), CALENDAR_2026)).toBe(true); // Saturday 10 October 00:30 in Shanghai
  });
  it('calendar days and hours ignore the calendar', () => {
    expect(deadlineAfter(at('2026-09-30T10:00:00+08:00'), { amount: 2, unit: 'calendar_days' }, CALENDAR_2026)).toEqual(at('2026-10-03T00:00:00+08:00'));
    expect(deadlineAfter(at('2026-09-30T10:00:00+08:00'), { amount: 24, unit: 'hours' }, CALENDAR_2026)).toEqual(at('2026-10-01T10:00:00+08:00'));
  });
});
