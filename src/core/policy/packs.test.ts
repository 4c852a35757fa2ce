import { describe, expect, it } from 'vitest';
import { arrearsDisclosureOf, getPack, isPackId, listPacks, resolveRule, UnknownPolicyPackError, UnknownRuleError } from './packs';
import { RULE_IDS, RULES } from './rules';
import type { RuleId } from './rules';

describe('policy packs', () => {
  it('lists ZAS and its four variants, each with a version and ZAS as parent', () => {
    const packs = listPacks();
    expect(packs.map((p) => p.id)).toEqual(['ZAS', 'XH', 'BG', 'HN', 'HZ']);
    for (const p of packs) {
      expect(p.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(p.parent).toBe(p.id === 'ZAS' ? null : 'ZAS');
      expect(p.title['zh-CN']).not.toBe('');
    }
  });

  it('falls back to ZAS for an unknown id, or throws a clear error when strict', () => {
    expect(getPack('NOPE').id).toBe('ZAS');
    expect(() => getPack('NOPE', { strict: true })).toThrow(UnknownPolicyPackError);
    try {
      getPack('NOPE', { strict: true });
    } catch (e) {
      expect((e as UnknownPolicyPackError).code).toBe('POLICY_PACK_UNKNOWN');
      expect((e as UnknownPolicyPackError).localized['zh-CN']).toContain('未知的政策包“NOPE”');
    }
    expect(resolveRule('nope', 'committee-size').packId).toBe('ZAS');
    expect(() => resolveRule('nope', 'committee-size', { strict: true })).toThrow(UnknownPolicyPackError);
    expect(isPackId('BG')).toBe(true);
    expect(isPackId('bg')).toBe(false);
  });

  it('throws for an unknown rule id', () => {
    expect(() => resolveRule('ZAS', 'no-such-rule' as RuleId)).toThrow(UnknownRuleError);
  });

  it('every override names a real rule and only params that rule has', () => {
    for (const pack of listPacks()) {
      for (const [ruleId, o] of Object.entries(pack.overrides)) {
        expect(RULE_IDS).toContain(ruleId);
        const defaults = RULES[ruleId as RuleId].defaultParams as Record<string, unknown>;
        for (const key of Object.keys(o?.params ?? {})) expect(Object.keys(defaults)).toContain(key);
        expect(o?.note['zh-CN']).toBeTruthy();
      }
    }
  });

  it('every rule in force cites at least one clause under every pack', () => {
    for (const pack of listPacks()) {
      for (const id of RULE_IDS) {
        const r = resolveRule(pack.id, id);
        expect(r.citations.length).toBeGreaterThan(0);
        for (const c of r.citations) expect(c.text.endsWith(c.clause)).toBe(true);
      }
    }
  });

  it('ZAS: the defaults, with the single-document rules out of force', () => {
    const size = resolveRule('ZAS', 'committee-size');
    expect(size.params).toEqual({ minMembers: 5, maxMembers: 11, oddOnly: true, smallQuarterBelowHouseholds: 100, smallQuarterMembers: 3 });
    expect(size.citations.map((c) => c.text)).toEqual(['T/ZAS 4006.1—2020 5.4.2']);
    expect(size.changes).toEqual([]);
    expect(resolveRule('ZAS', 'committee-reserve-pool').enabled).toBe(false);
    expect(resolveRule('ZAS', 'committee-dispute-meeting-monthly').enabled).toBe(false);
    expect(resolveRule('ZAS', 'party-organization-required').severity).toBe('warn');
  });

  it('a variant inherits what it does not change', () => {
    for (const id of ['XH', 'BG', 'HN', 'HZ']) {
      expect(resolveRule(id, 'committee-formation')).toMatchObject({
        params: { areaPercent: 60, waitingYears: 2, areaPercentAfterWaiting: 30 },
        enabled: true,
      });
      expect(resolveRule(id, 'committee-formation').citations[0].text).toBe('T/ZAS 4006.1—2020 5.4.1');
    }
    expect(resolveRule('HZ', 'committee-reserve-pool').enabled).toBe(false);
  });

  it('BG overrides a parameter and cites its own clause', () => {
    const share = resolveRule('BG', 'committee-party-share');
    expect(share.params).toEqual({ targetPercent: 50, floorPercent: null });
    expect(share.severity).toBe('warn');
    expect(share.citations[0].text).toBe('百委〔2023〕37号 二（一）4');
    expect(share.changes.map((c) => c.packId)).toEqual(['BG']);

    const commissioner = resolveRule('BG', 'commissioner-assigned');
    expect(commissioner.params.maxPerQuarter).toBeNull();
    expect(commissioner.citations.find((c) => c.aspect === 'count')?.text).toBe('百委〔2023〕37号 二（一）2');
    expect(commissioner.citations.find((c) => c.aspect === 'training')?.text).toBe('T/ZAS 4006.1—2020 5.3.1');

    const org = resolveRule('BG', 'party-organization-required');
    expect(org.params.company).toEqual({ minPartyMembers: 3, statusWhenMissing: 'fail', fullMembersOnly: true });
    expect(org.params.committee.statusWhenMissing).toBe('warn');
    expect(org.severity).toBe('fail');
    expect(resolveRule('BG', 'committee-reserve-pool').enabled).toBe(true);
  });

  it('XH makes the committee party branch mandatory', () => {
    const org = resolveRule('XH', 'party-organization-required');
    expect(org.params.committee.statusWhenMissing).toBe('fail');
    expect(org.params.company.statusWhenMissing).toBe('warn');
    expect(org.citations.find((c) => c.aspect === 'committee')?.text).toBe('西政办〔2020〕29号 二（三）7');
    expect(resolveRule('XH', 'committee-party-share').citations.map((c) => c.text)).toEqual(['西政办〔2020〕29号 二（三）7']);
  });

  it('HN appraises every half year, as a warning', () => {
    const a = resolveRule('HN', 'committee-appraisal');
    expect(a.params).toMatchObject({ periodMonths: 6, missedStatus: 'warn' });
    expect(a.severity).toBe('warn');
    expect(a.citations[0].text).toBe('湘建房〔2021〕231号 四（三）');
    expect(resolveRule('ZAS', 'committee-appraisal').params).toMatchObject({ periodMonths: 12, missedStatus: 'fail' });
  });

  it('HZ puts the monthly dispute meeting in force', () => {
    const m = resolveRule('HZ', 'committee-dispute-meeting-monthly');
    expect(m.enabled).toBe(true);
    expect(m.changes.map((c) => c.packId)).toEqual(['ZAS', 'HZ']);
    expect(m.citations[0].text).toBe('DB3305/T 309—2024 5.1.4.1.3');
  });

  it('resolving does not let one pack leak into another', () => {
    resolveRule('BG', 'committee-party-share');
    expect(resolveRule('ZAS', 'committee-party-share').params.floorPercent).toBe(30);
    expect(RULES['committee-party-share'].defaultParams.floorPercent).toBe(30);
  });
});

describe('the arrears disclosure (欠费公示)', () => {
  it('is allowed only under XH, with its clause 二（三）10', () => {
    const xh = arrearsDisclosureOf('XH');
    expect(xh.allowed).toBe(true);
    expect(xh.citations[0].text).toBe('西政办〔2020〕29号 二（三）10');
    for (const id of ['ZAS', 'BG', 'HN', 'HZ', 'unknown']) expect(arrearsDisclosureOf(id).allowed).toBe(false);
  });
});
