import { describe, expect, it } from 'vitest';
import { planClasses, planGaps } from './emergency';

describe('emergency plans and drills (T/ZAS 4006.1—2020 6.2.4.1)', () => {
  const all = planClasses.map((planClass) => ({ planClass }));
  it('asks for a plan of each class, with the clause', () => {
    const gaps = planGaps([{ planClass: 'accident' }], '2026-06-01', '2026-11-30');
    expect(gaps.map((g) => g.planClass)).toEqual(['public-health', 'committee-unable', 'company-leaving', 'facility-failure']);
    expect(gaps.every((g) => g.citation === 'T/ZAS 4006.1—2020 6.2.4.1')).toBe(true);
  });
  it('asks for a drill within a year: the day a year on still counts, the day after does not', () => {
    expect(planGaps(all, '2025-11-30', '2026-11-30')).toEqual([]);
    expect(planGaps(all, '2025-11-29', '2026-11-30').map((g) => g.kind)).toEqual(['no-drill']);
    expect(planGaps(all, null, '2026-11-30').map((g) => g.kind)).toEqual(['no-drill']);
  });
});
