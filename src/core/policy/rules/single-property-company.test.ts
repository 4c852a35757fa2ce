import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../dates';
import type { ServiceContractFacts } from '../facts';
import { PolicyInputError, type RuleResult } from '../types';
import { singlePropertyCompany } from './single-property-company';

const judge = (contracts: ServiceContractFacts[]) => singlePropertyCompany.evaluate({ contracts }, {}) as RuleResult;

describe('single-property-company (T/ZAS 4006.1—2020 5.5.2)', () => {
  it('passes when one contract follows the other the next day', () => {
    const r = judge([
      { company: '甲物业', startsOn: '2021-07-01', endsOn: '2024-06-30' },
      { company: '乙物业', startsOn: '2024-07-01', endsOn: null },
    ]);
    expect(r.status).toBe('pass');
    expect(r.citation).toBe('T/ZAS 4006.1—2020 5.5.2');
  });

  it('fails when contracts of two companies touch on one day', () => {
    const r = judge([
      { company: '甲物业', startsOn: '2021-07-01', endsOn: '2024-06-30' },
      { company: '乙物业', startsOn: '2024-06-30', endsOn: '2027-06-29' },
    ]);
    expect(r.status).toBe('fail');
    expect(r.details).toEqual({ overlaps: [{ companies: ['甲物业', '乙物业'], from: '2024-06-30', until: '2024-06-30' }] });
    expect(r.message['zh-CN']).toContain('“甲物业”与“乙物业”在 2024-06-30 至 2024-06-30 同时服务');
  });

  it('fails for two open-ended contracts', () => {
    const r = judge([
      { company: '甲物业', startsOn: '2021-07-01', endsOn: null },
      { company: '乙物业', startsOn: '2024-01-01', endsOn: null },
    ]);
    expect(r.status).toBe('fail');
    expect(r.message['zh-CN']).toContain('无固定期限');
  });

  it('lets the same company renew with an overlap', () => {
    expect(
      judge([
        { company: '甲物业', startsOn: '2021-07-01', endsOn: '2024-06-30' },
        { company: '甲物业', startsOn: '2024-06-01', endsOn: '2027-06-30' },
      ]).status,
    ).toBe('pass');
  });

  it('is not applicable without contracts, and rejects a contract that ends before it starts', () => {
    expect(judge([]).status).toBe('not-applicable');
    expect(() => judge([{ company: '甲物业', startsOn: '2024-01-02', endsOn: '2024-01-01' }])).toThrow(PolicyInputError);
  });

  it('does not depend on the order of the contracts', () => {
    const contract = fc
      .record({ company: fc.constantFrom('甲', '乙', '丙'), start: fc.integer({ min: 0, max: 3000 }), len: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }) })
      .map(({ company, start, len }) => ({
        company,
        startsOn: addDays('2015-01-01', start),
        endsOn: len === null ? null : addDays('2015-01-01', start + len),
      }));
    fc.assert(
      fc.property(fc.array(contract, { maxLength: 6 }), (cs) => {
        expect(judge([...cs].reverse()).status).toBe(judge(cs).status);
      }),
    );
  });
});
