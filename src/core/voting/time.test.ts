import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareInstants, parseIsoInstant } from './time';

const at = (s: string) => {
  const instant = parseIsoInstant(s);
  if (instant === null) throw new Error(`not parsed: ${s}`);
  return instant;
};

describe('parseIsoInstant', () => {
  it('reads a time with offset as seconds since the epoch', () => {
    expect(at('1970-01-01T00:00:00Z')).toEqual({ seconds: 0, nanos: 0 });
    expect(at('1970-01-01T08:00:00+08:00')).toEqual({ seconds: 0, nanos: 0 });
    expect(at('2026-03-01T00:00:00+08:00').seconds).toBe(Date.parse('2026-02-28T16:00:00Z') / 1000);
    expect(at('2026-03-01T00:00+08:00').seconds).toBe(at('2026-03-01T00:00:00+08:00').seconds);
    expect(at('1969-12-31T23:59:59-00:00').seconds).toBe(-1);
  });

  it('treats 24:00 as the end of the day: 00:00 of the next day at the same offset', () => {
    expect(at('2026-03-15T24:00:00+08:00')).toEqual(at('2026-03-16T00:00:00+08:00'));
    expect(at('2026-03-15T24:00+08:00')).toEqual(at('2026-03-15T16:00:00Z'));
    expect(at('2026-12-31T24:00:00+08:00')).toEqual(at('2027-01-01T00:00:00+08:00'));
    expect(at('2024-02-28T24:00:00Z')).toEqual(at('2024-02-29T00:00:00Z'));
    expect(at('2026-03-15T24:00:00.000+08:00')).toEqual(at('2026-03-16T00:00:00+08:00'));
  });

  it('keeps fractions of a second exactly', () => {
    expect(at('2026-03-01T00:00:00.5Z').nanos).toBe(500_000_000);
    expect(at('2026-03-01T00:00:00,123456789Z').nanos).toBe(123_456_789);
    expect(compareInstants(at('2026-03-01T00:00:00.000000001Z'), at('2026-03-01T00:00:00Z'))).toBe(1);
  });

  it('refuses what is not an ISO 8601 time with offset', () => {
    for (const s of [
      '2026-03-01T00:00:00', // no offset
      '2026-03-01 00:00:00+08:00',
      '2026-3-01T00:00:00+08:00',
      '2026-02-29T00:00:00+08:00', // 2026 is not a leap year
      '2026-04-31T00:00:00+08:00',
      '2026-13-01T00:00:00+08:00',
      '2026-03-01T25:00:00+08:00',
      '2026-03-15T24:00:01+08:00',
      '2026-03-15T24:30:00+08:00',
      '2026-03-15T24:00:00.1+08:00',
      '2026-03-01T00:60:00+08:00',
      '2026-03-01T23:59:60Z', // leap second
      '2026-03-01T00:00:00+24:00',
      '2026-03-01T00:00:00.1234567891Z',
      '2026-03-01T00:00:00.+08:00',
      '2026-03-01T00:00:00+08:00 ',
      '2026-03-01T00:00:00+0800',
      '2026-03-01T00:00:00+8:00',
      '2026-03-01T00:00:0+08:00',
      '2026-03-01T00:00:00ZZ',
      '+2026-03-01T00:00:00Z',
      '２０２６-03-01T00:00:00Z',
      '2026-03-01',
      'Sun Mar 01 2026',
      '',
    ]) {
      expect(parseIsoInstant(s), s).toBeNull();
    }
    expect(parseIsoInstant('2024-02-29T00:00:00+08:00')).not.toBeNull();
    expect(parseIsoInstant('2026-03-01t00:00:00z')).toEqual(parseIsoInstant('2026-03-01T00:00:00Z'));
  });

  it('agrees with Date.parse on every ordinary time (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9000, 0, 1) }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        (ms, offsetMinutes) => {
          const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const text = `${local}${offset}`;
          const instant = at(text);
          expect(instant.seconds * 1000 + instant.nanos / 1_000_000).toBe(ms);
          expect(Date.parse(text)).toBe(ms);
        },
      ),
      { numRuns: 200 },
    );
  });
});
