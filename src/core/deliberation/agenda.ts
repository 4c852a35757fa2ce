// What a joint meeting's agenda item may take up (T/ZAS 4006.1—2020 6.1.1.3 联席会议…协商解决小区
// 治理中的重大事项): a topic or proposal of the pipeline, a case raised in the quarter (6.1.6.3
// 诉求…提交三方联席会议协商), or a duty of the compliance calendar that falls due (SPEC module 7:
// the periodic duties of the seeds, each with the clause it comes from).
import { RULES, type RuleId } from '../policy';
import type { Localized } from '../policy/types';

/** The periodic duties of the quarter's bodies the policy rules judge, as the calendar lists them. */
export const CALENDAR_DUTIES = ['committee-dispute-meeting-monthly', 'committee-training-yearly', 'committee-appraisal', 'committee-term-expiry'] as const satisfies readonly RuleId[];
export type CalendarDutyId = (typeof CALENDAR_DUTIES)[number];

export function isCalendarDuty(id: string): id is CalendarDutyId {
  return (CALENDAR_DUTIES as readonly string[]).includes(id);
}

/** A duty's name and the clause it comes from (the rule's first citation). */
export function calendarDuty(id: CalendarDutyId): { id: CalendarDutyId; title: Localized; citation: string } {
  const rule = RULES[id];
  return { id, title: rule.title, citation: rule.citations[0]?.text ?? '' };
}

/** An agenda item names at most one thing it takes up. */
export const AGENDA_CLAUSE = 'T/ZAS 4006.1—2020 6.1.1.3';
export const AGENDA_CASE_CLAUSE = 'T/ZAS 4006.1—2020 6.1.6.3';
