import { describe, expect, it } from 'vitest';
import { cosignShortfall, cosignThresholdMet } from './support';

describe('co-signing threshold: ≥ 20% of members AND ≥ 20% of area (以上 includes 20%)', () => {
  it('exactly 20% in both measures is enough', () => {
    expect(cosignThresholdMet({ members: 1, membersTotal: 5, area: 2000, areaTotal: 10000 })).toBe(true);
    expect(cosignThresholdMet({ members: 20, membersTotal: 100, area: 35812, areaTotal: 179060 })).toBe(true);
  });
  it('just below 20% in members is not, whatever the area', () => {
    expect(cosignThresholdMet({ members: 19, membersTotal: 100, area: 10000, areaTotal: 10000 })).toBe(false);
  });
  it('just below 20% in area is not, whatever the members', () => {
    expect(cosignThresholdMet({ members: 5, membersTotal: 5, area: 1999, areaTotal: 10000 })).toBe(false);
  });
  it('an empty roll never reaches it', () => {
    expect(cosignThresholdMet({ members: 0, membersTotal: 0, area: 0, areaTotal: 0 })).toBe(false);
  });
  it('tells the shortfall in each measure', () => {
    expect(cosignShortfall({ members: 1, membersTotal: 12, area: 100, areaTotal: 10001 })).toEqual({ members: 2, area: 1901 });
    expect(cosignShortfall({ members: 3, membersTotal: 12, area: 3000, areaTotal: 10000 })).toEqual({ members: 0, area: 0 });
  });
});
