// People for the demo: names, sexes, birth dates, ID numbers (valid check digits, unique per
// district) and mobile numbers, all fictional.
import { makeIdNumber, type Sex } from '../../core/idnumber.ts';
import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES, MOBILE_PREFIXES, OTHER_PROVINCE_AREA_CODES, SURNAMES, ZHEJIANG_AREA_CODES, type Generation } from './names.ts';
import { daysInMonth, formatDate } from './demo-dates.ts';
import { Random, WeightedTable } from './random.ts';

export interface Person {
  surname: string;
  name: string;
  sex: Sex;
  birthDate: string;
  idNumber: string;
  /** Null for children. */
  phone: string | null;
}

const SURNAME_TABLE = new WeightedTable<string>(SURNAMES);
const ZHEJIANG_TABLE = new WeightedTable<string>(ZHEJIANG_AREA_CODES);
const OTHER_PROVINCE_TABLE = new WeightedTable<string>(OTHER_PROVINCE_AREA_CODES);
const MOBILE_TABLE = new WeightedTable<string>(MOBILE_PREFIXES);

/**
 * Identity numbers are unique across the whole district without a global registry of used
 * numbers: the pair (first two digits of the sequence code, birth month and day parity) has
 * 100 × 12 × 2 = 2,400 values, and each quarter draws only from its own share of them. A
 * quarter also checks its own numbers, so within a quarter they are unique at any scale;
 * above 2,400 quarters shares are reused and two quarters may (rarely) share a number.
 */
const ID_PARTITIONS = 2400;

export class PersonFactory {
  private readonly usedIds = new Set<string>();
  private readonly usedPhones = new Set<string>();
  private readonly partitions: number[] = [];

  constructor(
    private readonly rng: Random,
    quarterIndex: number,
    quarterCount: number,
  ) {
    const stride = Math.min(quarterCount, ID_PARTITIONS);
    for (let p = quarterIndex % ID_PARTITIONS; p < ID_PARTITIONS; p += stride) {
      // 1117 is prime and coprime with 2,400: neighbouring quarters get unrelated partitions.
      this.partitions.push((p * 1117 + 331) % ID_PARTITIONS);
    }
  }

  /** A new person; children pass their father's surname. */
  person(sex: Sex, birthYear: number, origin: 'zhejiang' | 'other', surname?: string): Person {
    const { idNumber, birthDate } = this.idNumber(sex, birthYear, origin);
    const family = surname ?? this.rng.weighted(SURNAME_TABLE);
    return {
      surname: family,
      name: family + this.givenName(sex, birthYear),
      sex,
      birthDate,
      idNumber,
      phone: birthYear <= 2008 ? this.phone() : null,
    };
  }

  /** Husband and wife of similar age; the husband more often the older. */
  spouseOf(partner: Person, minYear: number, maxYear: number): Person {
    const sex: Sex = partner.sex === 'male' ? 'female' : 'male';
    const partnerYear = Number(partner.birthDate.slice(0, 4));
    const gap = sex === 'female' ? this.rng.int(-1, 5) : -this.rng.int(-1, 5);
    const year = Math.min(Math.max(partnerYear + gap, minYear), maxYear);
    return this.person(sex, year, 'zhejiang');
  }

  private givenName(sex: Sex, birthYear: number): string {
    const generation: Generation =
      birthYear <= 1962 ? 'elder' : birthYear <= 1984 ? 'middle' : birthYear <= 2004 ? 'young' : 'child';
    return this.rng.pick((sex === 'male' ? MALE_GIVEN_NAMES : FEMALE_GIVEN_NAMES)[generation]);
  }

  private idNumber(sex: Sex, birthYear: number, origin: 'zhejiang' | 'other'): { idNumber: string; birthDate: string } {
    const areas = origin === 'zhejiang' ? ZHEJIANG_TABLE : OTHER_PROVINCE_TABLE;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const p = this.rng.pick(this.partitions);
      const seqHigh = Math.floor(p / 24);
      const month = Math.floor((p % 24) / 2) + 1;
      const parity = p % 2;
      const days = daysInMonth(birthYear, month);
      const day = 1 + parity + 2 * this.rng.int(0, Math.floor((days - 1 - parity) / 2));
      // The 17th digit is odd for men and even for women (GB 11643—1999, 4.3).
      const last = 2 * this.rng.int(0, 4) + (sex === 'male' ? 1 : 0);
      const birthDate = formatDate(birthYear, month, day);
      const idNumber = makeIdNumber(this.rng.weighted(areas), birthDate, seqHigh * 10 + last);
      if (!this.usedIds.has(idNumber)) {
        this.usedIds.add(idNumber);
        return { idNumber, birthDate };
      }
    }
    throw new Error('could not find a free identity number');
  }

  private phone(): string {
    for (;;) {
      const phone = this.rng.weighted(MOBILE_TABLE) + String(this.rng.int(0, 99_999_999)).padStart(8, '0');
      if (!this.usedPhones.has(phone)) {
        this.usedPhones.add(phone);
        return phone;
      }
    }
  }
}
