import { describe, expect, it } from 'vitest';
import { evaluateQuarter, evaluateRule, PolicyInputError, type QuarterFacts, ruleCatalog } from './index';

const facts: QuarterFacts = {
  asOf: '2025-06-30',
  households: 320,
  area: { totalBuildingArea: 4_000_000_00, deliveredArea: 2_600_000_00, firstDeliveryDate: '2019-05-01' },
  committee: {
    termStart: '2023-03-01',
    termEnd: '2026-03-01',
    members: [
      { name: '张三', role: 'chair', isOwnerOfQuarter: true, isPartyMember: true, servingSince: '2023-03-01', trainingDates: ['2023-06-01', '2024-06-01', '2025-03-01'] },
      { name: '李四', role: 'vice-chair', isOwnerOfQuarter: true, isPartyMember: true, servingSince: '2023-03-01', trainingDates: ['2023-06-01', '2024-06-01', '2025-03-01'] },
      { name: '王五', role: 'member', isOwnerOfQuarter: true, isPartyMember: true, servingSince: '2023-03-01', trainingDates: ['2023-06-01', '2024-06-01', '2025-03-01'] },
      { name: '赵六', role: 'member', isOwnerOfQuarter: true, isPartyMember: false, servingSince: '2023-03-01', trainingDates: ['2023-06-01', '2024-06-01', '2025-03-01'] },
      { name: '钱七', role: 'member', isOwnerOfQuarter: true, isPartyMember: false, servingSince: '2023-03-01', trainingDates: ['2023-06-01', '2024-06-01', '2025-03-01'] },
    ],
    appraisals: ['2023-12-20', '2024-12-20'],
    disputeMeetings: [],
  },
  partyBodies: [
    { kind: 'committee', name: '业委会', partyMemberCount: 3, hasPartyOrganization: true },
    { kind: 'company', name: '绿城物业', partyMemberCount: 5, fullPartyMemberCount: 4, hasPartyOrganization: false },
  ],
  commissioners: [{ name: '陈小蕾', trainedOn: '2023-01-10', startedOn: '2023-02-01' }],
  serviceContracts: [{ company: '绿城物业', startsOn: '2022-01-01', endsOn: '2026-12-31' }],
  committeeReservePool: [{ name: '孙八', isPartyMember: false }],
};

const byRule = (rows: ReturnType<typeof evaluateQuarter>) => Object.fromEntries(rows.map((r) => [r.rule, r.status]));

describe('evaluateQuarter', () => {
  it('runs every rule in force under ZAS whose facts are present', () => {
    const rows = evaluateQuarter('ZAS', facts);
    expect(byRule(rows)).toEqual({
      'committee-formation': 'pass',
      'committee-size': 'pass',
      'committee-term': 'pass',
      'committee-term-expiry': 'pass',
      'committee-officers': 'pass',
      'committee-members-are-owners': 'pass',
      'committee-party-share': 'pass',
      'party-organization-required': 'warn', // the company row; ZAS 5.1.2 says 宜
      'commissioner-assigned': 'pass',
      'single-property-company': 'pass',
      'committee-training-yearly': 'pass',
      'committee-appraisal': 'warn', // 2025 not yet appraised
    });
    for (const r of rows) expect(r.citation).not.toBe('');
  });

  it('applies the variant: BG fails the company and checks the reserve pool', () => {
    const rows = evaluateQuarter('BG', facts);
    const company = rows.find((r) => r.rule === 'party-organization-required' && r.details?.kind === 'company');
    expect(company?.status).toBe('fail');
    expect(company?.citation).toBe('百委〔2023〕37号 二（四）11');
    const committee = rows.find((r) => r.rule === 'party-organization-required' && r.details?.kind === 'committee');
    expect(committee?.citation).toBe('T/ZAS 4006.1—2020 5.1.2');
    expect(rows.find((r) => r.rule === 'committee-reserve-pool')?.status).toBe('warn');
    expect(rows.some((r) => r.rule === 'committee-dispute-meeting-monthly')).toBe(false);
  });

  it('HZ checks the monthly dispute meeting', () => {
    const r = evaluateQuarter('HZ', facts).find((x) => x.rule === 'committee-dispute-meeting-monthly');
    expect(r?.status).toBe('warn');
    expect(r?.citation).toBe('DB3305/T 309—2024 5.1.4.1.3');
  });

  it('omits rules whose facts are missing, or lists them as not applicable on request', () => {
    const partial: QuarterFacts = { asOf: '2025-06-30', households: 80 };
    expect(evaluateQuarter('ZAS', partial)).toEqual([]);
    const rows = evaluateQuarter('ZAS', partial, { missingInputs: 'not-applicable' });
    expect(rows.length).toBe(12);
    expect(rows.every((r) => r.status === 'not-applicable' && r.details?.missingInput === true)).toBe(true);
    // A member without the party flag leaves only the party-share rule out.
    const someFlags: QuarterFacts = { ...facts, committee: { members: [{ name: '张三', isOwnerOfQuarter: true }] } };
    const got = byRule(evaluateQuarter('ZAS', someFlags));
    expect(got['committee-members-are-owners']).toBe('pass');
    expect(got['committee-party-share']).toBeUndefined();
  });

  it('reports bad data as a failing row and keeps judging the rest', () => {
    const bad: QuarterFacts = { ...facts, area: { totalBuildingArea: 100, deliveredArea: 200, firstDeliveryDate: null } };
    const rows = evaluateQuarter('ZAS', bad);
    const formation = rows.find((r) => r.rule === 'committee-formation');
    expect(formation?.status).toBe('fail');
    expect(formation?.details).toMatchObject({ invalidInput: true, field: 'deliveredArea', code: 'POLICY_INPUT_INVALID' });
    expect(formation?.message['zh-CN']).toContain('数据有误');
    expect(rows.length).toBeGreaterThan(10);
    expect(() => evaluateQuarter('ZAS', bad, { invalidInputs: 'throw' })).toThrow(PolicyInputError);
  });

  it('falls back to ZAS for an unknown pack unless strict', () => {
    expect(evaluateQuarter('XX', facts)).toEqual(evaluateQuarter('ZAS', facts));
    expect(() => evaluateQuarter('XX', facts, { strict: true })).toThrow('Unknown policy pack');
  });
});

describe('evaluateRule', () => {
  it('judges one rule under a pack, citing the pack’s clause', () => {
    const [zas] = evaluateRule('ZAS', 'committee-party-share', { memberCount: 10, partyMemberCount: 2 });
    expect(zas.status).toBe('fail');
    const [bg] = evaluateRule('BG', 'committee-party-share', { memberCount: 10, partyMemberCount: 2 });
    expect(bg.status).toBe('warn');
    expect(bg.citation).toBe('百委〔2023〕37号 二（一）4');
    const rows = evaluateRule('BG', 'commissioner-assigned', {
      commissioners: [
        { name: '甲', trainedOn: '2024-01-01', startedOn: '2024-02-01' },
        { name: '乙', trainedOn: null, startedOn: '2024-02-01' },
      ],
    });
    expect(rows.map((r) => [r.status, r.citation])).toEqual([
      ['pass', '百委〔2023〕37号 二（一）2'],
      ['fail', 'T/ZAS 4006.1—2020 5.3.1'],
    ]);
  });

  it('throws on bad input by default', () => {
    expect(() => evaluateRule('ZAS', 'committee-term', { termStart: '2024-02-30', termEnd: '2027-01-01' })).toThrow(PolicyInputError);
  });
});

describe('ruleCatalog', () => {
  it('lists the rules in force with title, severity, params and citations', () => {
    const cat = ruleCatalog('ZAS');
    expect(cat.pack).toMatchObject({ id: 'ZAS', version: '1.0.0' });
    expect(cat.rules.map((r) => r.id)).not.toContain('committee-reserve-pool');
    const formation = cat.rules.find((r) => r.id === 'committee-formation');
    expect(formation).toMatchObject({
      title: { 'zh-CN': '业主委员会成立条件' },
      severity: 'fail',
      params: { areaPercent: 60, waitingYears: 2, areaPercentAfterWaiting: 30 },
    });
    expect(formation?.citations[0]).toMatchObject({ document: 'ZAS', clause: '5.4.1', text: 'T/ZAS 4006.1—2020 5.4.1' });
    expect(ruleCatalog('ZAS', { includeDisabled: true }).rules).toHaveLength(14);
  });

  it('shows what a variant changed', () => {
    const share = ruleCatalog('BG').rules.find((r) => r.id === 'committee-party-share');
    expect(share?.severity).toBe('warn');
    expect(share?.changes[0].note['zh-CN']).toContain('二（一）4');
    expect(JSON.parse(JSON.stringify(ruleCatalog('BG')))).toEqual(ruleCatalog('BG')); // plain data
  });
});
