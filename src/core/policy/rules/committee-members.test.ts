import { describe, expect, it } from 'vitest';
import { PolicyInputError, type RuleResult } from '../types';
import { committeeMembersAreOwners } from './committee-members-are-owners';
import { committeeOfficers, type CommitteeOfficersInput } from './committee-officers';

const owners = (members: { name: string; isOwnerOfQuarter: boolean }[]) =>
  committeeMembersAreOwners.evaluate({ members }, {}) as RuleResult;
const officers = (members: CommitteeOfficersInput['members']) =>
  committeeOfficers.evaluate({ members }, committeeOfficers.defaultParams) as RuleResult;

describe('committee-members-are-owners (T/ZAS 4006.1—2020 5.4.3)', () => {
  it('passes when every member is an owner', () => {
    const r = owners([
      { name: '张三', isOwnerOfQuarter: true },
      { name: '李四', isOwnerOfQuarter: true },
    ]);
    expect(r.status).toBe('pass');
    expect(r.citation).toBe('T/ZAS 4006.1—2020 5.4.3');
  });

  it('fails and names the members who are not owners', () => {
    const r = owners([
      { name: '张三', isOwnerOfQuarter: true },
      { name: '李四', isOwnerOfQuarter: false },
      { name: '王五', isOwnerOfQuarter: false },
    ]);
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('李四、王五');
    expect(r.message.en).toContain('李四, 王五');
    expect(r.details).toEqual({ notOwners: ['李四', '王五'] });
  });

  it('is not applicable without members, and rejects a missing flag', () => {
    expect(owners([]).status).toBe('not-applicable');
    expect(() => owners([{ name: '张三' } as never])).toThrow(PolicyInputError);
  });
});

describe('committee-officers (T/ZAS 4006.1—2020 5.4.2)', () => {
  it('passes with one chair and a vice-chair', () => {
    const r = officers([
      { name: '张三', role: 'chair' },
      { name: '李四', role: 'vice-chair' },
      { name: '王五', role: 'member' },
    ]);
    expect(r.status).toBe('pass');
  });

  it('fails without a chair, with two chairs, or without a vice-chair', () => {
    expect(officers([{ name: '李四', role: 'vice-chair' }, { name: '王五', role: 'member' }]).message['zh-CN']).toContain('未配备主任');
    const two = officers([
      { name: '张三', role: 'chair' },
      { name: '赵六', role: 'chair' },
      { name: '李四', role: 'vice-chair' },
    ]);
    expect(two.status).toBe('fail');
    expect(two.message['zh-CN']).toContain('2 名主任（张三、赵六）');
    const noVice = officers([{ name: '张三', role: 'chair' }, { name: '王五', role: 'member' }]);
    expect(noVice.status).toBe('fail');
    expect(noVice.message['zh-CN']).toContain('未配备副主任');
  });

  it('rejects an unknown role', () => {
    expect(() => officers([{ name: '张三', role: 'boss' as never }])).toThrow(PolicyInputError);
  });
});
