import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDigit, makeIdNumber, maskIdNumber, maskName, maskPhone, parseIdNumber } from './idnumber.ts';

const TODAY = '2026-11-23';

/** Builds an 18-character number with a correct check character around any 17 digits. */
const withCheck = (first17: string) => first17 + checkDigit(first17);

describe('checkDigit (ISO 7064 MOD 11-2)', () => {
  it('matches sums worked out by hand', () => {
    // The example of GB 11643—1999: 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5
    // +0·8+0·4+2·2 = 167; 167 mod 11 = 2 → X
    expect(checkDigit('11010519491231002')).toBe('X');
    // 3·7+3·9+0+1·5+0+6·4+1·2+9·1+9·6+0+0+1·9+0+1·5+1·8+2·4+3·2 = 178; 178 mod 11 = 2 → X
    expect(checkDigit('33010619900101123')).toBe('X');
    // 21+27+0+5+0+8+2+9+48+15+0+54+10+25+32+12+4 = 272; 272 mod 11 = 8 → 4
    expect(checkDigit('33010219850615432')).toBe('4');
    // 28+36+0+25+16+16+2+8+48+0+0+9+0+5+0+0+2 = 195; 195 mod 11 = 8 → 4
    expect(checkDigit('44052418800101001')).toBe('4');
    // 1·7 = 7 → 5; sum 0 → 1
    expect(checkDigit('10000000000000000')).toBe('5');
    expect(checkDigit('00000000000000000')).toBe('1');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => checkDigit('1234')).toThrow(RangeError);
    expect(() => checkDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber', () => {
  it('accepts valid numbers and reads birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(parseIdNumber('330102198506154324', TODAY)).toEqual({
      ok: true,
      value: '330102198506154324',
      birthDate: '1985-06-15',
      sex: 'female',
    });
    expect(parseIdNumber('33010619900101123X', TODAY)).toMatchObject({ ok: true, sex: 'male', birthDate: '1990-01-01' });
  });

  it('trims blanks and upper-cases a trailing x', () => {
    expect(parseIdNumber('  33010619900101123x\t', TODAY)).toMatchObject({ ok: true, value: '33010619900101123X' });
  });

  it('reads full-width digits typed with a Chinese input method', () => {
    const fullWidth = '３３０１０６１９９００１０１１２３Ｘ';
    expect(parseIdNumber(fullWidth, TODAY)).toMatchObject({ ok: true, value: '33010619900101123X' });
  });

  it('says "length" when the number is not 18 characters', () => {
    for (const s of ['', '   ', '3301061990010112', '33010619900101123X5', '330106900101123']) {
      expect(parseIdNumber(s, TODAY)).toEqual({ ok: false, reason: 'length' });
    }
  });

  it('says "characters" for letters, an X not at the end, or an address code starting with 0', () => {
    expect(parseIdNumber('A3010619900101123X', TODAY)).toEqual({ ok: false, reason: 'characters' });
    expect(parseIdNumber('3301061990010112X3', TODAY)).toEqual({ ok: false, reason: 'characters' });
    expect(parseIdNumber('33010619900101123Y', TODAY)).toEqual({ ok: false, reason: 'characters' });
    expect(parseIdNumber('330106 9900101123X', TODAY)).toEqual({ ok: false, reason: 'characters' });
    expect(parseIdNumber(withCheck('03010619900101123'), TODAY)).toEqual({ ok: false, reason: 'characters' });
  });

  it('says "birthDate" for impossible dates, years before 1900 and dates after today', () => {
    expect(parseIdNumber('440524188001010014', TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(parseIdNumber(withCheck('33010618991231123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(parseIdNumber(withCheck('33010619000101123'), TODAY)).toMatchObject({ ok: true, birthDate: '1900-01-01' });
    expect(parseIdNumber(withCheck('33010619901301123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(parseIdNumber(withCheck('33010619900001123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(parseIdNumber(withCheck('33010619900100123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(parseIdNumber(withCheck('33010619900431123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    // born today is fine, tomorrow is not
    expect(parseIdNumber(withCheck('33010620261123123'), TODAY)).toMatchObject({ ok: true });
    expect(parseIdNumber(withCheck('33010620261124123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('takes today in China when given a Date', () => {
    // 16:30 UTC on the 23rd is already 00:30 on the 24th in Beijing.
    const late = new Date('2026-11-23T16:30:00Z');
    expect(parseIdNumber(withCheck('33010620261124123'), late)).toMatchObject({ ok: true });
    expect(parseIdNumber(withCheck('33010620261125123'), late)).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('knows 29 February only in leap years', () => {
    expect(parseIdNumber(withCheck('33010620000229123'), TODAY)).toMatchObject({ ok: true }); // divisible by 400
    expect(parseIdNumber(withCheck('33010619960229123'), TODAY)).toMatchObject({ ok: true });
    expect(parseIdNumber(withCheck('33010620240229123'), TODAY)).toMatchObject({ ok: true });
    expect(parseIdNumber(withCheck('33010619000229123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' }); // divisible by 100
    expect(parseIdNumber(withCheck('33010620230229123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
    expect(parseIdNumber(withCheck('33010620000230123'), TODAY)).toEqual({ ok: false, reason: 'birthDate' });
  });

  it('says "checksum" when the check character is wrong', () => {
    expect(parseIdNumber('110105194912310021', TODAY)).toEqual({ ok: false, reason: 'checksum' });
    expect(parseIdNumber('330102198506154325', TODAY)).toEqual({ ok: false, reason: 'checksum' });
    expect(parseIdNumber('33010219850615432X', TODAY)).toEqual({ ok: false, reason: 'checksum' });
  });

  it('uses the real date when no today is given', () => {
    expect(parseIdNumber('330102198506154324')).toMatchObject({ ok: true });
    expect(parseIdNumber(withCheck('33010629991231123'))).toEqual({ ok: false, reason: 'birthDate' });
  });
});

describe('makeIdNumber', () => {
  it('builds the numbers worked out by hand', () => {
    expect(makeIdNumber('330106', '1990-01-01', 123)).toBe('33010619900101123X');
    expect(makeIdNumber('330102', '19850615', '432')).toBe('330102198506154324');
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe('11010519491231002X');
  });

  it('refuses bad parts', () => {
    expect(() => makeIdNumber('33010', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('030106', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('330106', '1990-02-30', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('330106', '1899-12-31', 1)).toThrow(RangeError);
    expect(() => makeIdNumber('330106', '1990-01-01', 1000)).toThrow(RangeError);
    expect(() => makeIdNumber('330106', '1990-01-01', 1.5)).toThrow(RangeError);
    expect(() => makeIdNumber('330106', '1990-01-01', 'ab')).toThrow(RangeError);
  });

  const birthDate = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-23T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const parts = fc.record({
    area: fc.integer({ min: 100000, max: 999999 }).map(String),
    birthDate,
    seq: fc.integer({ min: 0, max: 999 }),
  });

  it('always makes a number that parses back to the same parts', () => {
    fc.assert(
      fc.property(parts, ({ area, birthDate, seq }) => {
        const id = makeIdNumber(area, birthDate, seq);
        const parsed = parseIdNumber(id, TODAY);
        expect(parsed).toEqual({ ok: true, value: id, birthDate, sex: seq % 2 === 1 ? 'male' : 'female' });
        expect(id.slice(0, 6)).toBe(area);
      }),
      { numRuns: 500 },
    );
  });

  it('any change of a single digit breaks the checksum', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (p, pos, delta) => {
        const { area, birthDate, seq } = p;
        const id = makeIdNumber(area, birthDate, seq);
        const digit = (Number(id[pos]) + delta) % 10;
        const changed = id.slice(0, pos) + digit + id.slice(pos + 1);
        // The check character of the changed digits always differs (11 is prime and no
        // weight is 0 mod 11), so the changed number never passes.
        expect(checkDigit(changed.slice(0, 17))).not.toBe(id[17]);
        const parsed = parseIdNumber(changed, TODAY);
        expect(parsed.ok).toBe(false);
        // Where the change leaves a plausible address code and birth date, the checksum is the reason.
        if (changed[0] !== '0' && parseIdNumber(withCheck(changed.slice(0, 17)), TODAY).ok) {
          expect(parsed).toEqual({ ok: false, reason: 'checksum' });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('any other check character fails, and so does swapping two neighbouring digits', () => {
    fc.assert(
      fc.property(parts, fc.constantFrom(...'0123456789X'), fc.integer({ min: 0, max: 15 }), (p, check, pos) => {
        const { area, birthDate, seq } = p;
        const id = makeIdNumber(area, birthDate, seq);
        if (check !== id[17]) expect(parseIdNumber(id.slice(0, 17) + check, TODAY)).toEqual({ ok: false, reason: 'checksum' });
        if (id[pos] !== id[pos + 1]) {
          const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2, 17);
          expect(checkDigit(swapped)).not.toBe(id[17]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('masking (PIPL)', () => {
  it('shows the first 3 and last 4 characters of an identity number', () => {
    expect(maskIdNumber('330106199001011234')).toBe('330***********1234');
    expect(maskIdNumber('33010619900101123X')).toBe('330***********123X');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
  });

  it('never shows a short string whole', () => {
    expect(maskIdNumber('1234567')).toBe('******7');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('masks the middle 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone(' 13812345678 ')).toBe('138****5678');
    expect(maskPhone('0571-88881234')).toBe('057******1234');
    expect(maskPhone(undefined)).toBe('');
  });

  it('masks names as public notices do', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('*');
    expect(maskName('𠮷田')).toBe('𠮷*');
    expect(maskName('')).toBe('');
  });
});
