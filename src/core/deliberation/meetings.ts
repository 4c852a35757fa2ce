// Joint meetings of the three parties (三方联席会议, T/ZAS 4006.1—2020 6.1.1.3, 6.1.6; 百委〔2023〕37号 3)
// and the actions their resolutions become (督办事项, DB3305/T 309—2024 5.1.3.2.1.5), as state
// machines. Pure: the server asks who may do what and whether the state allows it.

/**
 * The three parties of the tripartite governance and the others invited: the community side
 * (the residents' committee, the quarter's party organisation and the commissioner), the owners'
 * committee, the property service company; `other` for the supervisory committee, owners'
 * representatives, departments.
 */
export const parties = ['community', 'committee', 'company', 'other'] as const;
export type Party = (typeof parties)[number];
/** A party that can be made responsible for an action. */
export const responsibleParties = ['community', 'committee', 'company'] as const;
export type ResponsibleParty = (typeof responsibleParties)[number];

/** The roles that act for a party. */
export const partyRoles: Record<ResponsibleParty, readonly string[]> = {
  community: ['commissioner', 'party_secretary', 'community_office'],
  committee: ['committee'],
  company: ['company'],
};

export const JOINT_MEETING_CLAUSE = 'T/ZAS 4006.1—2020 6.1.1.3；百委〔2023〕37号 3';
export const FOLLOW_UP_CLAUSE = 'DB3305/T 309—2024 5.1.3.2.1.5';

export const meetingKinds = ['regular', 'ad_hoc', 'dispute_analysis'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingStatuses = ['scheduled', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/**
 * Who convenes a joint meeting and keeps its record: the quarter's party organisation leads it
 * (6.1.1.3 定期组织召开小区三方联席会议), the owners' committee leads deliberation at it (HZ
 * 5.1.3.2.1.3 业主委员会牵头联席会议商议), the commissioner and the community office coordinate.
 */
export const convenerRoles: readonly string[] = ['party_secretary', 'committee', 'commissioner', 'community_office'];

export type MeetingChange = 'hold' | 'cancel' | 'edit' | 'resolve';
export type Refusal = { ok: false; code: string; status: 403 | 409 | 422; clause: string };
export type Check = { ok: true } | Refusal;

/**
 * A meeting is held once (with its attendance and minutes) or cancelled while scheduled; its
 * agenda and attendees change only while scheduled, its resolutions are recorded once held.
 */
export function checkMeetingChange(status: MeetingStatus, change: MeetingChange, role: string, input: { minutes?: string | null; attendees?: number } = {}): Check {
  if (!convenerRoles.includes(role)) return { ok: false, code: 'MEETING_WRONG_ROLE', status: 403, clause: JOINT_MEETING_CLAUSE };
  const wanted: Record<MeetingChange, MeetingStatus> = { hold: 'scheduled', cancel: 'scheduled', edit: 'scheduled', resolve: 'held' };
  if (status !== wanted[change]) return { ok: false, code: change === 'resolve' ? 'MEETING_NOT_HELD' : 'MEETING_NOT_SCHEDULED', status: 409, clause: JOINT_MEETING_CLAUSE };
  if (change === 'hold' && (!input.minutes?.trim() || !input.attendees)) return { ok: false, code: 'MEETING_RECORD_MISSING', status: 422, clause: JOINT_MEETING_CLAUSE };
  return { ok: true };
}

export const actionStatuses = ['open', 'in_progress', 'closed'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export type ActionChange = 'progress' | 'close' | 'rate';
export const ratings = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Rating = (typeof ratings)[number];

/**
 * An action (督办事项): the responsible party reports progress and closes it, the commissioner
 * may do so for it as the one who follows it up; owners rate the result once it is closed
 * (5.1.3.2.1.5 适时将落实情况告知; 5.1.3.2.2.7 民主评议). A closed action takes no more progress.
 */
export function checkActionChange(status: ActionStatus, change: ActionChange, role: string, responsible: ResponsibleParty, input: { note?: string | null } = {}): Check {
  if (change === 'rate') {
    if (role !== 'owner') return { ok: false, code: 'ACTION_WRONG_ROLE', status: 403, clause: FOLLOW_UP_CLAUSE };
    if (status !== 'closed') return { ok: false, code: 'ACTION_NOT_CLOSED', status: 409, clause: FOLLOW_UP_CLAUSE };
    return { ok: true };
  }
  if (!(partyRoles[responsible].includes(role) || role === 'commissioner')) return { ok: false, code: 'ACTION_WRONG_ROLE', status: 403, clause: FOLLOW_UP_CLAUSE };
  if (status === 'closed') return { ok: false, code: 'ACTION_CLOSED', status: 409, clause: FOLLOW_UP_CLAUSE };
  if (!input.note?.trim()) return { ok: false, code: 'ACTION_NOTE_MISSING', status: 422, clause: FOLLOW_UP_CLAUSE };
  return { ok: true };
}

/** The status after a change (rating leaves it closed). */
export function actionStatusAfter(status: ActionStatus, change: ActionChange): ActionStatus {
  if (change === 'progress') return 'in_progress';
  if (change === 'close') return 'closed';
  return status;
}

/** Overdue: not closed after its due day ('YYYY-MM-DD', compared as text). */
export function isOverdue(a: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return a.status !== 'closed' && a.dueDate < today;
}
