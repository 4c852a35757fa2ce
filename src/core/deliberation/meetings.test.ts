import { describe, expect, it } from 'vitest';
import { actionStatusAfter, checkActionChange, checkMeetingChange, convenerRoles, isOverdue, partyRoles, responsibleParties } from './meetings';

describe('joint meetings', () => {
  it('a convener holds a scheduled meeting with its attendance and minutes', () => {
    for (const role of convenerRoles) expect(checkMeetingChange('scheduled', 'hold', role, { minutes: '纪要', attendees: 3 })).toEqual({ ok: true });
  });
  it('refuses other roles (403)', () => {
    for (const role of ['company', 'owner', 'supervisory', 'street_office']) expect(checkMeetingChange('scheduled', 'hold', role, { minutes: 'x', attendees: 1 })).toMatchObject({ code: 'MEETING_WRONG_ROLE', status: 403 });
  });
  it('holds once, cancels only while scheduled, resolves only once held (409)', () => {
    expect(checkMeetingChange('held', 'hold', 'committee', { minutes: 'x', attendees: 1 })).toMatchObject({ code: 'MEETING_NOT_SCHEDULED', status: 409 });
    expect(checkMeetingChange('cancelled', 'hold', 'committee', { minutes: 'x', attendees: 1 })).toMatchObject({ code: 'MEETING_NOT_SCHEDULED' });
    expect(checkMeetingChange('held', 'cancel', 'committee')).toMatchObject({ code: 'MEETING_NOT_SCHEDULED' });
    expect(checkMeetingChange('scheduled', 'cancel', 'committee')).toEqual({ ok: true });
    expect(checkMeetingChange('held', 'edit', 'committee')).toMatchObject({ code: 'MEETING_NOT_SCHEDULED' });
    expect(checkMeetingChange('scheduled', 'resolve', 'committee')).toMatchObject({ code: 'MEETING_NOT_HELD', status: 409 });
    expect(checkMeetingChange('held', 'resolve', 'party_secretary')).toEqual({ ok: true });
  });
  it('is not held without minutes or attendance (422)', () => {
    expect(checkMeetingChange('scheduled', 'hold', 'committee', { minutes: ' ', attendees: 3 })).toMatchObject({ code: 'MEETING_RECORD_MISSING', status: 422 });
    expect(checkMeetingChange('scheduled', 'hold', 'committee', { minutes: '纪要', attendees: 0 })).toMatchObject({ code: 'MEETING_RECORD_MISSING' });
  });
});

describe('actions (督办事项): open → in_progress → closed, then rated', () => {
  for (const party of responsibleParties) {
    it(`${party}: its roles and the commissioner report progress and close`, () => {
      for (const role of [...partyRoles[party], 'commissioner']) {
        expect(checkActionChange('open', 'progress', role, party, { note: '已派人' })).toEqual({ ok: true });
        expect(checkActionChange('in_progress', 'progress', role, party, { note: '进行中' })).toEqual({ ok: true });
        expect(checkActionChange('in_progress', 'close', role, party, { note: '完成' })).toEqual({ ok: true });
        expect(checkActionChange('open', 'close', role, party, { note: '完成' })).toEqual({ ok: true });
      }
      const other = ['company', 'committee', 'party_secretary', 'owner', 'supervisory'].find((r) => !partyRoles[party].includes(r))!;
      expect(checkActionChange('open', 'progress', other, party, { note: 'x' })).toMatchObject({ code: 'ACTION_WRONG_ROLE', status: 403 });
    });
  }
  it('a closed action takes no more progress and is not closed twice (409)', () => {
    expect(checkActionChange('closed', 'progress', 'company', 'company', { note: 'x' })).toMatchObject({ code: 'ACTION_CLOSED', status: 409 });
    expect(checkActionChange('closed', 'close', 'company', 'company', { note: 'x' })).toMatchObject({ code: 'ACTION_CLOSED' });
  });
  it('progress and closure carry a note (422)', () => {
    expect(checkActionChange('open', 'progress', 'company', 'company', { note: '' })).toMatchObject({ code: 'ACTION_NOTE_MISSING', status: 422 });
  });
  it('owners rate only a closed action', () => {
    expect(checkActionChange('closed', 'rate', 'owner', 'company')).toEqual({ ok: true });
    expect(checkActionChange('in_progress', 'rate', 'owner', 'company')).toMatchObject({ code: 'ACTION_NOT_CLOSED', status: 409 });
    expect(checkActionChange('closed', 'rate', 'company', 'company')).toMatchObject({ code: 'ACTION_WRONG_ROLE', status: 403 });
  });
  it('status after each change', () => {
    expect(actionStatusAfter('open', 'progress')).toBe('in_progress');
    expect(actionStatusAfter('in_progress', 'close')).toBe('closed');
    expect(actionStatusAfter('closed', 'rate')).toBe('closed');
  });
  it('is overdue after its due day until closed', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'closed', dueDate: '2026-03-01' }, '2026-04-01')).toBe(false);
  });
});
