import { describe, expect, it } from 'vitest';
import type { PartyBodyFacts } from '../facts';
import { PolicyInputError } from '../types';
import { partyOrganizationRequired, type PartyOrganizationRequiredParams } from './party-organization-required';

const judge = (bodies: PartyBodyFacts[], params: PartyOrganizationRequiredParams = partyOrganizationRequired.defaultParams) =>
  [partyOrganizationRequired.evaluate({ bodies }, params)].flat();

describe('party-organization-required (T/ZAS 4006.1—2020 5.1.2)', () => {
  it('warns ("宜") for a committee or company with 3 party members and no organisation', () => {
    const [committee, company] = judge([
      { kind: 'committee', name: '阳光小区业委会', partyMemberCount: 3, hasPartyOrganization: false },
      { kind: 'company', name: '绿城物业', partyMemberCount: 3, hasPartyOrganization: false },
    ]);
    expect(committee.status).toBe('warn');
    expect(committee.citation).toBe('T/ZAS 4006.1—2020 5.1.2');
    expect(committee.message['zh-CN']).toContain('宜单独建立党组织');
    expect(company.status).toBe('warn');
  });

  it('passes with 3 party members and an organisation', () => {
    const [r] = judge([{ kind: 'committee', name: '阳光小区业委会', partyMemberCount: 3, hasPartyOrganization: true }]);
    expect(r.status).toBe('pass');
  });

  it('does not apply below 3 party members', () => {
    const [r] = judge([{ kind: 'company', name: '绿城物业', partyMemberCount: 2, hasPartyOrganization: false }]);
    expect(r.status).toBe('not-applicable');
  });

  it('fails where the pack makes it mandatory, counting only full members when asked', () => {
    const strict: PartyOrganizationRequiredParams = {
      committee: { minPartyMembers: 3, statusWhenMissing: 'warn', fullMembersOnly: false },
      company: { minPartyMembers: 3, statusWhenMissing: 'fail', fullMembersOnly: true },
    };
    const [full3, full2] = judge(
      [
        { kind: 'company', name: '甲物业', partyMemberCount: 4, fullPartyMemberCount: 3, hasPartyOrganization: false },
        { kind: 'company', name: '乙物业', partyMemberCount: 4, fullPartyMemberCount: 2, hasPartyOrganization: false },
      ],
      strict,
    );
    expect(full3.status).toBe('fail');
    expect(full3.message['zh-CN']).toContain('正式党员 3 名');
    expect(full2.status).toBe('not-applicable');
    const [assumed] = judge([{ kind: 'company', name: '丙物业', partyMemberCount: 3, hasPartyOrganization: false }], strict);
    expect(assumed.status).toBe('fail');
    expect(assumed.details).toMatchObject({ assumedAllFullMembers: true });
  });

  it('rejects impossible input', () => {
    expect(() => judge([{ kind: 'company', name: 'x', partyMemberCount: 2, fullPartyMemberCount: 3, hasPartyOrganization: false }])).toThrow(
      PolicyInputError,
    );
    expect(() => judge([{ kind: 'shop' as never, name: 'x', partyMemberCount: 3, hasPartyOrganization: false }])).toThrow(PolicyInputError);
  });

  it('is not applicable when no body is recorded', () => {
    expect(judge([])[0].status).toBe('not-applicable');
  });
});
