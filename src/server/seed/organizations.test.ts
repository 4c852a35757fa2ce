import { describe, expect, it } from 'vitest';
import { demoDateAhead } from './organizations';

describe('demoDateAhead', () => {
  it('keeps a date on and before the reference day, and moves it by the days the seeding is later', () => {
    expect(demoDateAhead('2026-12-31', '2026-11-22')).toBe('2026-12-31');
    expect(demoDateAhead('2026-12-31', '2026-11-23')).toBe('2026-12-31');
    expect(demoDateAhead('2026-12-31', '2026-11-24')).toBe('2027-01-01');
    // Seeded a year and a day later: the committee's term still ends 53 days ahead.
    expect(demoDateAhead('2027-01-15', '2027-11-24')).toBe('2028-01-16');
  });
});
