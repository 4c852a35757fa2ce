// The quarters of the demo: the hand-made eight (each rule with a case on both sides of its
// boundary), and the layout of benchmark districts.
import { CHINESE_NUMERALS, COMPANY_SUFFIXES, DEMO_CITY, DEMO_DISTRICT_NAME, DEMO_PROVINCE, PLACE_WORDS, QUARTER_SUFFIXES, ROAD_SUFFIXES } from './names.ts';
import { randomDate } from './demo-dates.ts';
import type { DemoCommunity, DemoPlan, QuarterType } from './demo-types.ts';
import { Random, WeightedTable, mixSeed } from './random.ts';

export const DEMO_STREETS = ['清溪街道', '桂园街道'];
/** [name, street number] */
export const DEMO_COMMUNITIES: ReadonlyArray<readonly [string, number]> = [
  ['清溪社区', 1],
  ['梧桐社区', 1],
  ['望江社区', 1],
  ['桂园社区', 2],
  ['枫林社区', 2],
];

/** How much of a quarter has been delivered. */
export type DeliveryPlan =
  | { kind: 'full' }
  /** buildings handed over until the delivered share is as close to `target` as [min, max] allows */
  | { kind: 'share'; target: number; min: number; max: number }
  /** delivered area exactly 60.00 % of the total building area: the boundary of ZAS 5.4.1 */
  | { kind: 'exact60' };

export type BuildingStyle = 'walkUp' | 'resettlement' | 'highRise';

export interface QuarterSpec {
  index: number;
  name: string;
  type: QuarterType;
  community: DemoCommunity;
  address: string;
  firstDeliveryDate: string;
  targetUnits: number;
  delivery: DeliveryPlan;
  developerName: string | null;
  /** Chance that a unit is sold, in delivered and in undelivered buildings. */
  soldShare: { delivered: number; undelivered: number };
  /** Birth years of the owners: the first buyers of a 1996 房改房 were born long before 2000. */
  ownerBirthYears: readonly [number, number];
  /** Buildings whose ground floor is shops (沿街商铺). */
  shopBuildings: number;
  /** Share of households whose residents are registered in the demo. */
  residentRate: number;
}

interface DemoQuarterRow {
  name: string;
  type: QuarterType;
  community: number;
  address: string;
  firstDeliveryDate: string;
  targetUnits: number;
  delivery: DeliveryPlan;
  developerName: string | null;
  shopBuildings: number;
}

/**
 * Eight quarters. The committee-formation rule (ZAS 5.4.1) on 2026-11-23:
 * - 1–4 are fully delivered long ago: a committee may be formed;
 * - 5 云栖苑: first delivery exactly 2 years before, 30–59 % delivered: may (2 years and 30 %);
 * - 6 观澜花园: one day short of 2 years, 30–59 % delivered: may not yet;
 * - 7 江悦公寓: delivered 1.4 years ago, exactly 60.00 % delivered: may (60 % rule, 以上);
 * - 8 枫林雅苑: over 3 years, but below 30 % delivered (a stalled second phase): may not.
 */
export const DEMO_QUARTERS: readonly DemoQuarterRow[] = [
  {
    name: '梧桐花园', type: 'commercial', community: 2, address: '梧桐路88号',
    firstDeliveryDate: '2008-06-28', targetUnits: 440, delivery: { kind: 'full' }, developerName: null,
    shopBuildings: 1,
  },
  {
    name: '清溪新村', type: 'old', community: 1, address: '清溪路36号',
    firstDeliveryDate: '1996-10-08', targetUnits: 380, delivery: { kind: 'full' }, developerName: null,
    shopBuildings: 1,
  },
  {
    name: '望江公寓', type: 'mixed', community: 3, address: '望江路158号',
    firstDeliveryDate: '2003-12-20', targetUnits: 320, delivery: { kind: 'full' }, developerName: null,
    shopBuildings: 2,
  },
  {
    name: '桂馨苑', type: 'resettlement', community: 4, address: '桂园路201号',
    firstDeliveryDate: '2014-09-15', targetUnits: 500, delivery: { kind: 'full' }, developerName: null,
    shopBuildings: 0,
  },
  {
    name: '云栖苑', type: 'commercial', community: 5, address: '云栖路9号',
    firstDeliveryDate: '2024-11-23', targetUnits: 460,
    delivery: { kind: 'share', target: 0.45, min: 0.3, max: 0.59 }, developerName: '翠湖置业有限公司',
    shopBuildings: 1,
  },
  {
    name: '观澜花园', type: 'commercial', community: 3, address: '观澜路66号',
    firstDeliveryDate: '2024-11-24', targetUnits: 420,
    delivery: { kind: 'share', target: 0.5, min: 0.3, max: 0.59 }, developerName: '清溪房地产开发有限公司',
    shopBuildings: 0,
  },
  {
    name: '江悦公寓', type: 'commercial', community: 4, address: '江悦街18号',
    firstDeliveryDate: '2025-06-30', targetUnits: 360, delivery: { kind: 'exact60' },
    developerName: '桂园置业有限公司', shopBuildings: 1,
  },
  {
    name: '枫林雅苑', type: 'commercial', community: 5, address: '枫林大道399号',
    firstDeliveryDate: '2023-04-28', targetUnits: 320,
    delivery: { kind: 'share', target: 0.22, min: 0.12, max: 0.29 }, developerName: '枫林置业有限公司',
    shopBuildings: 0,
  },
];

export function demoQuarterSpec(plan: DemoPlan, index: number): QuarterSpec {
  const row = DEMO_QUARTERS[index];
  return {
    index,
    name: row.name,
    type: row.type,
    community: plan.communities[row.community - 1],
    address: fullAddress(row.address),
    firstDeliveryDate: row.firstDeliveryDate,
    targetUnits: row.targetUnits,
    delivery: row.delivery,
    developerName: row.developerName,
    soldShare: row.developerName ? { delivered: 0.92, undelivered: 0.7 } : { delivered: 1, undelivered: 1 },
    ownerBirthYears: ownerBirthYears(row.type, row.firstDeliveryDate),
    shopBuildings: row.shopBuildings,
    residentRate: 0.065,
  };
}

// Benchmark districts

/** About 6 quarters per community and 9 communities per street, as in a Hangzhou district. */
export function scaleLayout(scale: number): { communityCount: number; streetCount: number } {
  const communityCount = Math.max(1, Math.ceil(scale / 6));
  return { communityCount, streetCount: Math.max(1, Math.ceil(communityCount / 9)) };
}

/**
 * A unique name for item `i`: the words are visited in a scrambled order (`step` is coprime
 * with the list length), and a numeral is added once they are used up (梧桐二社区).
 */
export function numberedWord(i: number, step: number, offset: number): string {
  const n = PLACE_WORDS.length;
  const word = PLACE_WORDS[(i * step + offset) % n];
  const round = Math.floor(i / n);
  return round === 0 ? word : word + numeral(round + 1);
}

function numeral(k: number): string {
  return k <= CHINESE_NUMERALS.length ? CHINESE_NUMERALS[k - 1] : String(k);
}

const QUARTER_TYPE_WEIGHTS = new WeightedTable<QuarterType>([
  ['commercial', 50],
  ['old', 22],
  ['resettlement', 18],
  ['mixed', 10],
]);

export function scaleQuarterSpec(plan: DemoPlan, index: number): QuarterSpec {
  const rng = new Random(mixSeed(plan.seed, 0x5c41e, index));
  const type = rng.weighted(QUARTER_TYPE_WEIGHTS);
  const [fromYear, toYear] =
    type === 'old' ? [1995, 2002] : type === 'mixed' ? [1998, 2015] : type === 'resettlement' ? [2003, 2024] : [2000, 2025];
  const firstDeliveryDate = randomDate(rng, fromYear, toYear, plan.referenceDate);
  const year = Number(firstDeliveryDate.slice(0, 4));
  // Newer commercial quarters are still being handed over and partly unsold.
  const newer = type === 'commercial' && year >= 2021;
  const delivery: DeliveryPlan =
    type === 'commercial' && year >= 2023
      ? { kind: 'share', target: 0.25 + rng.next() * 0.7, min: 0, max: 1 }
      : { kind: 'full' };

  // Quarter names: word × ending visited in a scrambled order, then phases (二期, 三期).
  const names = PLACE_WORDS.length * QUARTER_SUFFIXES.length;
  const j = (index * 389 + 17) % names; // 389 is prime and does not divide 960
  const phase = Math.floor(index / names);
  const name =
    PLACE_WORDS[j % PLACE_WORDS.length] +
    QUARTER_SUFFIXES[Math.floor(j / PLACE_WORDS.length)] +
    (phase > 0 ? `${numeral(phase + 1)}期` : '');

  const { communityCount } = scaleLayout(plan.quarterCount);
  const community = plan.communities[Math.floor((index * communityCount) / plan.quarterCount)];
  const road = rng.pick(PLACE_WORDS) + rng.pick(ROAD_SUFFIXES);
  return {
    index,
    name,
    type,
    community,
    address: fullAddress(`${road}${rng.int(1, 599)}号`),
    firstDeliveryDate,
    targetUnits: rng.int(300, 520),
    delivery,
    developerName: newer ? rng.pick(PLACE_WORDS) + rng.pick(COMPANY_SUFFIXES) : null,
    soldShare: newer
      ? { delivered: 0.85 + rng.next() * 0.12, undelivered: 0.5 + rng.next() * 0.3 }
      : { delivered: 1, undelivered: 1 },
    ownerBirthYears: ownerBirthYears(type, firstDeliveryDate),
    shopBuildings: type === 'resettlement' ? 0 : rng.int(0, 2),
    residentRate: 0.065,
  };
}

function fullAddress(street: string): string {
  return `${DEMO_PROVINCE}${DEMO_CITY}${DEMO_DISTRICT_NAME}${street}`;
}

/** Owners were adults when the quarter was delivered, and born 1940–2000. */
export function ownerBirthYears(type: QuarterType, firstDeliveryDate: string): readonly [number, number] {
  const year = Number(firstDeliveryDate.slice(0, 4));
  if (type === 'old') return [1940, 1972];
  const latest = Math.max(1960, Math.min(2000, year - 22));
  // Buyers of commercial flats are younger than the families resettled or long settled.
  const earliest = type === 'commercial' ? Math.max(1940, Math.min(latest - 30, 1958)) : 1945;
  return [earliest, latest];
}
