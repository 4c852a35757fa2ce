import { describe, expect, it } from 'vitest';
import { maskUnit, publicArrears } from './arrears';

describe('the public form of an arrears list', () => {
  it('keeps the stairwell unit and masks the room', () => {
    expect(maskUnit('1-1201')).toBe('1-***');
    expect(maskUnit('2-3-502')).toBe('2-3-***');
    expect(maskUnit('2单元1201')).toBe('2单元***');
    expect(maskUnit('1201')).toBe('***');
    expect(maskUnit(' 3－101 ')).toBe('3－***');
  });

  it('carries building, masked unit, months and amount, and nothing else', () => {
    const row = { building: '3幢', unit: '1-1201', monthsOwed: 7, amountFen: 215_600, ownerName: '王五', phone: '13900000000' };
    const out = publicArrears([row]);
    expect(out).toEqual([{ building: '3幢', unit: '1-***', monthsOwed: 7, amountFen: 215_600 }]);
    expect(JSON.stringify(out)).not.toMatch(/王五|13900000000|1201/);
  });
});
