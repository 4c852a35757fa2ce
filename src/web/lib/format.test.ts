import { describe, expect, it } from 'vitest';
import { formatArea, formatPercent, parseAreaInput, areaToInput } from './format';
import { isValidIdNumber } from './idNumber';

describe('areas in 0.01 m²', () => {
  it('formats integers without floats', () => {
    expect(formatArea(8953)).toBe('89.53 ㎡');
    expect(formatArea(5)).toBe('0.05 ㎡');
    expect(formatArea(123456789)).toBe('1,234,567.89 ㎡');
    expect(formatArea(null)).toBe('—');
  });

  it('parses typed square metres by splitting the string', () => {
    expect(parseAreaInput('89.53')).toBe(8953);
    expect(parseAreaInput('0.29')).toBe(29); // 0.29 * 100 = 28.999999999999996 as a float
    expect(parseAreaInput('1.1')).toBe(110);
    expect(parseAreaInput('1,234.5')).toBe(123450);
    expect(parseAreaInput(' 120 ')).toBe(12000);
    expect(parseAreaInput('120.')).toBe(12000);
    expect(parseAreaInput('1.234')).toBeNull();
    expect(parseAreaInput('-1')).toBeNull();
    expect(parseAreaInput('abc')).toBeNull();
    expect(parseAreaInput('')).toBeNull();
  });

  it('round-trips every value of a range', () => {
    for (let v = 0; v < 20000; v += 7) expect(parseAreaInput(areaToInput(v))).toBe(v);
  });
});

describe('percentages', () => {
  it('keeps exact boundaries exact and rounds down, as the checks do', () => {
    expect(formatPercent(60, 100)).toBe('60.00%');
    expect(formatPercent(1, 3)).toBe('33.33%');
    // Rounded down, as the checks round (issue 10 point 12: 30.83% in the header, 30.82% in the check).
    expect(formatPercent(2, 3)).toBe('66.66%');
    expect(formatPercent(3082999, 10000000)).toBe('30.82%');
    expect(formatPercent(1, 8)).toBe('12.50%');
    expect(formatPercent(1, 0)).toBe('—');
  });
});

describe('ID numbers (GB 11643)', () => {
  it('accepts a valid checksum and refuses a wrong one', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491331002X')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });
});
