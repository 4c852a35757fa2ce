import { describe, expect, it } from 'vitest';
import { analyseDisputeMonth, monthBounds, type AnalysedDispute, type DisputeStatusChange } from './dispute-analysis';
import { jointQuarterRefusal } from './disputes';

// 00:00 China Standard Time on 1 November 2026 is 16:00 UTC on 31 October.
const at = (iso: string) => new Date(iso);
const dispute = (id: string, registeredAt: string, over: Partial<AnalysedDispute> = {}): AnalysedDispute => ({ id, subject: id, category: 'neighbour', risk: 'low', registeredAt: at(registeredAt), reportedUpAt: null, joint: false, ...over });
const change = (disputeId: string, when: string, toStatus: DisputeStatusChange['toStatus']): DisputeStatusChange => ({ disputeId, at: at(when), toStatus });

describe('the monthly dispute analysis (HZ 5.1.4.1.3)', () => {
  it('bounds a month in China Standard Time', () => {
    expect(monthBounds('2026-11')).toEqual({ start: at('2026-10-31T16:00:00Z'), end: at('2026-11-30T16:00:00Z') });
  });
  it('counts the new and the carried over, leaves out the closed before and the registered after', () => {
    const disputes = [
      dispute('new', '2026-11-03T02:00:00Z', { category: 'parking', risk: 'major', reportedUpAt: at('2026-11-03T02:00:00Z') }),
      dispute('edge-new', '2026-10-31T16:00:00Z'), // 00:00 on 1 November in Shanghai
      dispute('carried', '2026-10-10T02:00:00Z', { risk: 'medium' }),
      dispute('closed-before', '2026-09-10T02:00:00Z'),
      dispute('closed-in-month', '2026-10-20T02:00:00Z', { category: 'property_service' }),
      dispute('next-month', '2026-11-30T16:00:00Z'),
    ];
    const changes = [
      change('carried', '2026-10-11T02:00:00Z', 'mediating'),
      change('carried', '2026-12-02T02:00:00Z', 'agreed'), // after the month: still mediating at its end
      change('closed-before', '2026-09-11T02:00:00Z', 'mediating'),
      change('closed-before', '2026-09-12T02:00:00Z', 'agreed'),
      change('closed-before', '2026-10-30T02:00:00Z', 'closed'),
      change('closed-in-month', '2026-11-05T02:00:00Z', 'closed'),
      change('closed-in-month', '2026-10-21T02:00:00Z', 'agreed'),
    ];
    const a = analyseDisputeMonth('2026-11', disputes, changes);
    expect(a.items.map((i) => i.id)).toEqual(['new', 'edge-new', 'closed-in-month', 'carried']);
    expect(a).toMatchObject({ total: 4, newCount: 2, carriedOver: 2, reportedUp: ['new'] });
    expect(a.byCategory).toEqual({ neighbour: 2, property_use: 0, property_service: 1, parking: 1, renovation: 0, other: 0 });
    expect(a.byRisk).toEqual({ low: 2, medium: 1, high: 0, major: 1 });
    expect(a.byStatus).toEqual({ registered: 2, mediating: 1, agreed: 0, failed: 0, closed: 1 });
    expect(a.items.find((i) => i.id === 'carried')).toMatchObject({ status: 'mediating', isNew: false });
  });
  it('is empty for a month without disputes', () => {
    expect(analyseDisputeMonth('2026-01', [], [])).toMatchObject({ total: 0, newCount: 0, carriedOver: 0, reportedUp: [], items: [] });
  });
});

describe('joint mediation across quarters (HZ 5.1.4.2)', () => {
  const home = { quarterId: 'q1', streetId: 's1', districtId: 'd1' };
  it('takes a quarter of the same street; one of another street only from the district office; never another district', () => {
    expect(jointQuarterRefusal(home, { quarterId: 'q2', streetId: 's1', districtId: 'd1' }, false)).toBeNull();
    expect(jointQuarterRefusal(home, { quarterId: 'q3', streetId: 's2', districtId: 'd1' }, false)).toBe('other_street');
    expect(jointQuarterRefusal(home, { quarterId: 'q3', streetId: 's2', districtId: 'd1' }, true)).toBeNull();
    expect(jointQuarterRefusal(home, { quarterId: 'qb', streetId: 'sb', districtId: 'd2' }, true)).toBe('other_district');
    expect(jointQuarterRefusal(home, home, true)).toBe('same_quarter');
  });
});
