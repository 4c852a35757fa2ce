/**
 * Deterministic demo data for the registry (module 1): a fictional district with its
 * streets, communities, quarters, buildings, units, owners and residents, as plain objects.
 *
 * Nothing here touches a database: the seeding command maps the string ids below to
 * database ids and writes the objects. Ids are stable (`q-3`, `b-3-2`, `u-3-2-17`, `o-3-41`)
 * so that the same seed always gives the same data, row for row.
 *
 * Two sizes:
 * - the demo (default): 8 quarters, about 3,000 units, chosen so that every rule of the
 *   registry and the owners' committee (ZAS 5.4.1: 60 % delivered, or 2 years and 30 %)
 *   has a case on each side of its boundary on the reference date 2026-11-23;
 * - `scale: N`: a district of N quarters of 300–600 units each, for benchmarks. Generate it
 *   quarter by quarter with `planDemo` + `generateQuarterBatch` (or `quarterBatches`) to keep
 *   memory flat; each quarter has its own random stream, so batches can be made in any order
 *   or in parallel and still come out identical.
 */
import { makeIdNumber, type Sex } from '../../core/idnumber.ts';
import {
  CARE_NOTES,
  CHINESE_NUMERALS,
  COMPANY_SUFFIXES,
  DEMO_CITY,
  DEMO_DISTRICT_NAME,
  DEMO_PROVINCE,
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  MOBILE_PREFIXES,
  OTHER_PROVINCE_AREA_CODES,
  PLACE_WORDS,
  PROVINCE_SHORT,
  QUARTER_SUFFIXES,
  ROAD_SUFFIXES,
  SURNAMES,
  ZHEJIANG_AREA_CODES,
  type Generation,
} from './names.ts';

export const DEMO_SEED = 20261123;
/** The date the demo is set on: delivery ages and the 2-year rule are measured from it. */
export const DEMO_REFERENCE_DATE = '2026-11-23';

export type QuarterType = 'commercial' | 'resettlement' | 'old' | 'mixed';
export type UnitUse = 'residential' | 'commercial';
export type OwnerKind = 'person' | 'developer';
export type ResidentKind = 'permanent' | 'floating' | 'tenant';

export interface DemoOptions {
  /** Seed of the random streams; the same seed gives the same data. */
  seed?: number;
  /** Number of quarters of a benchmark district; leave out for the hand-made demo. */
  scale?: number;
}

export interface DemoDistrict {
  id: string;
  name: string;
  /** Rules pack the district follows; the ZAS defaults. */
  policyPack: string;
}

export interface DemoStreet {
  id: string;
  name: string;
  districtId: string;
}

export interface DemoCommunity {
  id: string;
  name: string;
  streetId: string;
  districtId: string;
}

export interface DemoQuarter {
  id: string;
  name: string;
  communityId: string;
  streetId: string;
  districtId: string;
  type: QuarterType;
  address: string;
  /** 总建筑面积: all units plus the common-use rooms (物业用房, 社区用房), 0.01 m². */
  totalBuildingArea: number;
  /** Area of the units the developer has sold, delivered or not yet, 0.01 m². */
  soldArea: number;
  /** Area handed over to buyers (已交付面积), 0.01 m². */
  deliveredArea: number;
  firstDeliveryDate: string;
  /** 户数: residential units. */
  households: number;
  /** The developer (开发建设单位) while it still holds units, else null. */
  developerName: string | null;
}

export interface DemoBuilding {
  id: string;
  quarterId: string;
  /** `1幢`, `2幢`, … */
  name: string;
  floors: number;
  /** Number of stairwells (单元); the first part of a room number. */
  unitBlocks: number;
  /** When the building was handed over to buyers; null while not yet delivered. */
  deliveredDate: string | null;
}

export interface DemoUnit {
  id: string;
  quarterId: string;
  buildingId: string;
  /** `2-1503`: unit block 2, floor 15, room 03. */
  number: string;
  floor: number;
  /** 专有部分面积, 0.01 m². */
  exclusiveArea: number;
  use: UnitUse;
  /** 不动产权证号 of a delivered unit with a private owner, else null. */
  certificateNo: string | null;
  /** Sold by the developer (a pre-sold unit may not be delivered yet). */
  sold: boolean;
  /** Handed over; until then the developer remains the owner (最高法 建筑物区分所有权解释 第1条). */
  delivered: boolean;
}

export interface DemoOwner {
  id: string;
  quarterId: string;
  kind: OwnerKind;
  name: string;
  /** 18-character identity number of a person; null for the developer. */
  idNumber: string | null;
  phone: string | null;
}

export interface DemoUnitOwner {
  quarterId: string;
  unitId: string;
  ownerId: string;
}

export interface DemoResident {
  id: string;
  quarterId: string;
  unitId: string;
  /** The owner record when the resident is an owner living in the unit. */
  ownerId: string | null;
  name: string;
  kind: ResidentKind;
  needsCare: boolean;
  /** 独居老人, 残疾人（…）, 低保户, joined with `；` when several apply. */
  careNote: string | null;
  /** Null for children. */
  phone: string | null;
  idNumber: string;
}

export interface DemoQuarterBatch {
  quarter: DemoQuarter;
  buildings: DemoBuilding[];
  units: DemoUnit[];
  owners: DemoOwner[];
  unitOwners: DemoUnitOwner[];
  residents: DemoResident[];
}

export interface DemoData {
  district: DemoDistrict;
  streets: DemoStreet[];
  communities: DemoCommunity[];
  quarters: DemoQuarter[];
  buildings: DemoBuilding[];
  units: DemoUnit[];
  owners: DemoOwner[];
  unitOwners: DemoUnitOwner[];
  residents: DemoResident[];
}

/** The places of a district and how many quarters it has; quarters come from generateQuarterBatch. */
export interface DemoPlan {
  seed: number;
  /** null for the hand-made demo. */
  scale: number | null;
  referenceDate: string;
  district: DemoDistrict;
  streets: DemoStreet[];
  communities: DemoCommunity[];
  quarterCount: number;
}

// ---------------------------------------------------------------------------------------
// Seeded randomness (no Math.random: the same seed must give the same district)

/** Mixes integers into one 32-bit seed (MurmurHash3's finaliser after each part). */
function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    // Parts larger than 32 bits (seeds like 20261123 fit, but callers may pass more).
    h ^= Math.floor(part / 0x1_0000_0000) | 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for demo data. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(table: WeightedTable<T>): T {
    return table.at(this.next());
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** Items with weights, drawn by binary search over the cumulative weights. */
class WeightedTable<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    let sum = 0;
    for (const [item, weight] of entries) {
      sum += weight;
      this.items.push(item);
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  /** The item at `u` ∈ [0, 1) of the way through the weights. */
  at(u: number): T {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

// ---------------------------------------------------------------------------------------
// Entry points

/** The whole data set in memory. For large `scale`, prefer planDemo + quarterBatches. */
export function generateDemo(options: DemoOptions = {}): DemoData {
  const plan = planDemo(options);
  const data: DemoData = {
    district: plan.district,
    streets: plan.streets,
    communities: plan.communities,
    quarters: [],
    buildings: [],
    units: [],
    owners: [],
    unitOwners: [],
    residents: [],
  };
  for (const batch of quarterBatches(plan)) {
    data.quarters.push(batch.quarter);
    // push one by one: spreading 100,000 items into push() overflows the call stack
    for (const b of batch.buildings) data.buildings.push(b);
    for (const u of batch.units) data.units.push(u);
    for (const o of batch.owners) data.owners.push(o);
    for (const uo of batch.unitOwners) data.unitOwners.push(uo);
    for (const r of batch.residents) data.residents.push(r);
  }
  return data;
}

/** The district, its streets and communities, cheaply: no quarter is generated yet. */
export function planDemo(options: DemoOptions = {}): DemoPlan {
  const seed = options.seed ?? DEMO_SEED;
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const scale = options.scale ?? null;
  if (scale !== null && (!Number.isInteger(scale) || scale < 1)) {
    throw new RangeError('scale must be a positive integer (number of quarters)');
  }
  const district: DemoDistrict = { id: 'd-1', name: DEMO_DISTRICT_NAME, policyPack: 'zas' };
  if (scale === null) {
    return {
      seed,
      scale,
      referenceDate: DEMO_REFERENCE_DATE,
      district,
      streets: DEMO_STREETS.map((name, i) => ({ id: `s-${i + 1}`, name, districtId: district.id })),
      communities: DEMO_COMMUNITIES.map(([name, street], i) => ({
        id: `c-${i + 1}`,
        name,
        streetId: `s-${street}`,
        districtId: district.id,
      })),
      quarterCount: DEMO_QUARTERS.length,
    };
  }
  const { communityCount, streetCount } = scaleLayout(scale);
  const streets: DemoStreet[] = [];
  for (let s = 0; s < streetCount; s++) {
    streets.push({ id: `s-${s + 1}`, name: `${numberedWord(s, 13, 5)}街道`, districtId: district.id });
  }
  const communities: DemoCommunity[] = [];
  for (let c = 0; c < communityCount; c++) {
    communities.push({
      id: `c-${c + 1}`,
      name: `${numberedWord(c, 7, 3)}社区`,
      streetId: `s-${Math.floor((c * streetCount) / communityCount) + 1}`,
      districtId: district.id,
    });
  }
  return { seed, scale, referenceDate: DEMO_REFERENCE_DATE, district, streets, communities, quarterCount: scale };
}

/** All quarters of a plan, one at a time, so that a writer can insert and report progress. */
export function* quarterBatches(plan: DemoPlan): Generator<DemoQuarterBatch> {
  for (let i = 0; i < plan.quarterCount; i++) yield generateQuarterBatch(plan, i);
}

/**
 * Quarter `index` (0-based; its id is `q-${index + 1}`) with its buildings, units, owners
 * and residents. Depends only on the plan's seed and the index.
 */
export function generateQuarterBatch(plan: DemoPlan, index: number): DemoQuarterBatch {
  if (!Number.isInteger(index) || index < 0 || index >= plan.quarterCount) {
    throw new RangeError(`quarter index out of range: ${index}`);
  }
  const spec = plan.scale === null ? demoQuarterSpec(plan, index) : scaleQuarterSpec(plan, index);
  return buildQuarter(plan, spec);
}

// ---------------------------------------------------------------------------------------
// The hand-made demo

const DEMO_STREETS = ['清溪街道', '桂园街道'];
/** [name, street number] */
const DEMO_COMMUNITIES: ReadonlyArray<readonly [string, number]> = [
  ['清溪社区', 1],
  ['梧桐社区', 1],
  ['望江社区', 1],
  ['桂园社区', 2],
  ['枫林社区', 2],
];

/** How much of a quarter has been delivered. */
type DeliveryPlan =
  | { kind: 'full' }
  /** buildings handed over until the delivered share is as close to `target` as [min, max] allows */
  | { kind: 'share'; target: number; min: number; max: number }
  /** delivered area exactly 60.00 % of the total building area: the boundary of ZAS 5.4.1 */
  | { kind: 'exact60' };

type BuildingStyle = 'walkUp' | 'resettlement' | 'highRise';

interface QuarterSpec {
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
const DEMO_QUARTERS: readonly DemoQuarterRow[] = [
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

function demoQuarterSpec(plan: DemoPlan, index: number): QuarterSpec {
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

// ---------------------------------------------------------------------------------------
// Benchmark districts

/** About 6 quarters per community and 9 communities per street, as in a Hangzhou district. */
function scaleLayout(scale: number): { communityCount: number; streetCount: number } {
  const communityCount = Math.max(1, Math.ceil(scale / 6));
  return { communityCount, streetCount: Math.max(1, Math.ceil(communityCount / 9)) };
}

/**
 * A unique name for item `i`: the words are visited in a scrambled order (`step` is coprime
 * with the list length), and a numeral is added once they are used up (梧桐二社区).
 */
function numberedWord(i: number, step: number, offset: number): string {
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

function scaleQuarterSpec(plan: DemoPlan, index: number): QuarterSpec {
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
function ownerBirthYears(type: QuarterType, firstDeliveryDate: string): readonly [number, number] {
  const year = Number(firstDeliveryDate.slice(0, 4));
  if (type === 'old') return [1940, 1972];
  const latest = Math.max(1960, Math.min(2000, year - 22));
  // Buyers of commercial flats are younger than the families resettled or long settled.
  const earliest = type === 'commercial' ? Math.max(1940, Math.min(latest - 30, 1958)) : 1945;
  return [earliest, latest];
}

// ---------------------------------------------------------------------------------------
// One quarter

/** Common-use rooms (物业用房, 社区用房, 配套) as a share of the units' area. */
const COMMON_AREA_SHARE: Readonly<Record<QuarterType, readonly [number, number]>> = {
  old: [0.005, 0.012],
  mixed: [0.008, 0.02],
  resettlement: [0.01, 0.025],
  commercial: [0.012, 0.03],
};

interface BuildingDesign {
  floors: number;
  unitBlocks: number;
  roomsPerFloor: number;
  /** Exclusive area of each stack of flats (same block and room on every floor), 0.01 m². */
  stackAreas: number[];
  shops: boolean;
}

function buildQuarter(plan: DemoPlan, spec: QuarterSpec): DemoQuarterBatch {
  const q = spec.index + 1;
  const quarterId = `q-${q}`;
  const rng = new Random(mixSeed(plan.seed, 0x9a27, spec.index));
  const people = new PersonFactory(rng, spec.index, plan.quarterCount);

  // Buildings, until the quarter has about the number of units it should.
  const designs: BuildingDesign[] = [];
  let unitTotal = 0;
  while (unitTotal < spec.targetUnits) {
    const design = designBuilding(rng, spec.type, designs.length < spec.shopBuildings);
    const perBlock = design.floors * design.roomsPerFloor;
    const remaining = spec.targetUnits - unitTotal;
    // The last building gets only as many stairwells as are needed, so quarters stay near size.
    if (design.unitBlocks * perBlock > remaining) {
      const blocks = Math.max(1, Math.ceil(remaining / perBlock));
      design.unitBlocks = blocks;
      design.stackAreas = design.stackAreas.slice(0, blocks * design.roomsPerFloor);
    }
    designs.push(design);
    unitTotal += design.unitBlocks * perBlock;
  }
  if (unitTotal >= CERTIFICATE_BLOCK) throw new Error('too many units in one quarter');

  // Units, floor by floor in every stairwell.
  const buildings: DemoBuilding[] = [];
  const units: DemoUnit[] = [];
  const unitAreasByBuilding: number[] = [];
  designs.forEach((d, bi) => {
    const b = bi + 1;
    const building: DemoBuilding = {
      id: `b-${q}-${b}`,
      quarterId,
      name: `${b}幢`,
      floors: d.floors,
      unitBlocks: d.unitBlocks,
      deliveredDate: spec.firstDeliveryDate,
    };
    buildings.push(building);
    let seq = 0;
    let area = 0;
    for (let block = 1; block <= d.unitBlocks; block++) {
      for (let floor = 1; floor <= d.floors; floor++) {
        for (let room = 1; room <= d.roomsPerFloor; room++) {
          const shop = d.shops && floor === 1;
          const exclusiveArea = shop
            ? rng.int(4500, 18000)
            : d.stackAreas[(block - 1) * d.roomsPerFloor + room - 1];
          area += exclusiveArea;
          units.push({
            id: `u-${q}-${b}-${++seq}`,
            quarterId,
            buildingId: building.id,
            number: `${block}-${floor}${String(room).padStart(2, '0')}`,
            floor,
            exclusiveArea,
            use: shop ? 'commercial' : 'residential',
            certificateNo: null,
            sold: true,
            delivered: true,
          });
        }
      }
    }
    unitAreasByBuilding.push(area);
  });
  const unitsArea = unitAreasByBuilding.reduce((a, b) => a + b, 0);
  const [minCommon, maxCommon] = COMMON_AREA_SHARE[spec.type];
  let commonArea = Math.round(unitsArea * (minCommon + rng.next() * (maxCommon - minCommon)));

  // Delivery: the first buildings are handed over, the later phase waits.
  const deliveredBuildings = chooseDeliveredBuildings(spec.delivery, unitAreasByBuilding, unitsArea);
  buildings.forEach((b, i) => {
    if (i >= deliveredBuildings) b.deliveredDate = null;
  });
  const deliveredIds = new Set(buildings.filter((b) => b.deliveredDate !== null).map((b) => b.id));
  const deliveredUnitsArea = unitAreasByBuilding.slice(0, deliveredBuildings).reduce((a, b) => a + b, 0);

  let totalBuildingArea = unitsArea + commonArea;
  let deliveredArea: number;
  if (spec.delivery.kind === 'exact60') {
    // Round the total to a multiple of 5 so that 60 % of it is a whole 0.01 m².
    commonArea += (5 - (totalBuildingArea % 5)) % 5;
    totalBuildingArea = unitsArea + commonArea;
    deliveredArea = (totalBuildingArea / 5) * 3;
  } else if (deliveredBuildings === buildings.length) {
    deliveredArea = totalBuildingArea;
  } else {
    // The common-use rooms are handed over in step with the buildings.
    deliveredArea = deliveredUnitsArea + Math.round((commonArea * deliveredUnitsArea) / unitsArea);
  }

  // Sales: in a newer commercial quarter some units are unsold; the developer keeps them,
  // and it stays the owner of sold units until they are handed over.
  for (const u of units) {
    u.delivered = deliveredIds.has(u.buildingId);
    u.sold = rng.chance(u.delivered ? spec.soldShare.delivered : spec.soldShare.undelivered);
  }
  const soldArea = units.reduce((sum, u) => (u.sold ? sum + u.exclusiveArea : sum), 0);

  // Certificates: one per privately owned unit, issued after delivery.
  const firstYear = Number(spec.firstDeliveryDate.slice(0, 4));
  units.forEach((u, k) => {
    if (!u.sold || !u.delivered) return;
    // Unified real-estate certificates (不动产权证书) exist since 2015; older flats got one
    // when they were sold on or re-registered.
    const base = Math.max(2016, firstYear + 1);
    const year = base + rng.int(0, Math.max(0, 2025 - base));
    u.certificateNo = certificateNumber(plan.seed, year, spec.index, k);
  });

  // Owners.
  const owners: DemoOwner[] = [];
  const unitOwners: DemoUnitOwner[] = [];
  const ownerPeople = new Map<string, Person>();
  const addOwner = (person: Person): DemoOwner => {
    const owner: DemoOwner = {
      id: `o-${q}-${owners.length + 1}`,
      quarterId,
      kind: 'person',
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
    };
    owners.push(owner);
    ownerPeople.set(owner.id, person);
    return owner;
  };
  const link = (unit: DemoUnit, owner: DemoOwner) => unitOwners.push({ quarterId, unitId: unit.id, ownerId: owner.id });

  const developerUnits = units.filter((u) => !(u.sold && u.delivered));
  if (developerUnits.length > 0) {
    if (!spec.developerName) throw new Error(`${spec.name}: units without a buyer but no developer`);
    const developer: DemoOwner = {
      id: `o-${q}-1`,
      quarterId,
      kind: 'developer',
      name: spec.developerName,
      idNumber: null,
      phone: `0571-8${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
    };
    owners.push(developer);
    for (const u of developerUnits) link(u, developer);
  }

  const privateUnits = rng.shuffle(units.filter((u) => u.sold && u.delivered));
  // About 3 % of owners hold 2–3 units (a flat for their parents, a shop); about 5 % of units
  // are co-owned by a couple, who then usually hold all their units together.
  const multiHolders = Math.round(privateUnits.length * 0.029);
  const holdings: DemoUnit[][] = [];
  let pos = 0;
  for (let k = 0; k < multiHolders && pos < privateUnits.length; k++) {
    const count = rng.chance(0.7) ? 2 : 3;
    holdings.push(privateUnits.slice(pos, pos + count));
    pos += count;
  }
  for (; pos < privateUnits.length; pos++) holdings.push([privateUnits[pos]]);
  // Sorted back into building order so that owner ids follow the buildings, as a registry
  // keyed in by hand from the property company's list would.
  const unitOrder = new Map(units.map((u, k) => [u, k]));
  holdings.sort((a, b) => unitOrder.get(a[0])! - unitOrder.get(b[0])!);

  const [minYear, maxYear] = spec.ownerBirthYears;
  for (const held of holdings) {
    const sex: Sex = rng.chance(0.55) ? 'male' : 'female';
    const person = people.person(sex, rng.int(minYear, maxYear), 'zhejiang');
    const owner = addOwner(person);
    for (const u of held) link(u, owner);
    if (rng.chance(0.06)) {
      const spouse = people.spouseOf(person, minYear, maxYear);
      const coOwner = addOwner(spouse);
      for (const u of held) link(u, coOwner);
    }
  }

  const residents = generateResidents(rng, people, spec, units, unitOwners, owners, ownerPeople);
  const households = units.reduce((n, u) => (u.use === 'residential' ? n + 1 : n), 0);

  return {
    quarter: {
      id: quarterId,
      name: spec.name,
      communityId: spec.community.id,
      streetId: spec.community.streetId,
      districtId: spec.community.districtId,
      type: spec.type,
      address: spec.address,
      totalBuildingArea,
      soldArea,
      deliveredArea,
      firstDeliveryDate: spec.firstDeliveryDate,
      households,
      developerName: developerUnits.length > 0 ? spec.developerName : null,
    },
    buildings,
    units,
    owners,
    unitOwners,
    residents,
  };
}

/** How many of the buildings (in order) are delivered. */
function chooseDeliveredBuildings(delivery: DeliveryPlan, areas: number[], total: number): number {
  if (delivery.kind === 'full') return areas.length;
  let best = 1;
  let bestScore = Number.POSITIVE_INFINITY;
  let cumulative = 0;
  for (let k = 1; k <= areas.length; k++) {
    cumulative += areas[k - 1];
    const share = cumulative / total;
    if (delivery.kind === 'exact60') {
      // The delivered units must fit inside the 60 % that the quarter reports.
      if (share <= 0.6) best = k;
      continue;
    }
    const inRange = share >= delivery.min && share <= delivery.max;
    const score = Math.abs(share - delivery.target) + (inRange ? 0 : 10);
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

function designBuilding(rng: Random, type: QuarterType, shops: boolean): BuildingDesign {
  const style: BuildingStyle =
    type === 'old'
      ? 'walkUp'
      : type === 'resettlement'
        ? 'resettlement'
        : type === 'mixed'
          ? rng.pick<BuildingStyle>(['walkUp', 'resettlement', 'highRise'])
          : 'highRise';
  let floors: number;
  let unitBlocks: number;
  let roomsPerFloor: number;
  let stackArea: () => number;
  switch (style) {
    case 'walkUp':
      // 1990s walk-ups (多层): 6 floors, no lift, small flats.
      floors = rng.pick([6, 6, 6, 7]);
      unitBlocks = rng.int(2, 4);
      roomsPerFloor = 2;
      stackArea = () => rng.int(4500, 7800);
      break;
    case 'resettlement':
      // Resettlement flats come in a few standard sizes (60, 75, 90, 120 m²).
      floors = rng.pick([11, 12, 18, 18, 24]);
      unitBlocks = 2;
      roomsPerFloor = rng.pick([2, 3, 4]);
      stackArea = () => rng.pick([6000, 7500, 9000, 12000]) + rng.int(-250, 250);
      break;
    case 'highRise':
      floors = rng.pick([11, 15, 18, 18, 26, 32, 33]);
      unitBlocks = floors >= 26 ? 1 : rng.int(1, 2);
      roomsPerFloor = rng.pick([2, 2, 3, 4]);
      stackArea = () => Math.min(18000, rng.pick([8900, 9800, 10500, 12000, 13500, 14300, 16500, 17800]) + rng.int(-150, 150));
      break;
  }
  const stackAreas: number[] = [];
  for (let i = 0; i < unitBlocks * roomsPerFloor; i++) stackAreas.push(stackArea());
  return { floors, unitBlocks, roomsPerFloor, stackAreas, shops };
}

// Property certificate numbers, e.g. 浙(2021)杭州市不动产权第0123456号. The serial is unique
// in the district without a registry of used serials: quarter and unit give a slot below
// 10^7, and a keyed permutation of the slots scatters them over the 7 digits, so that
// neighbouring flats do not get neighbouring serials. Unique up to 9,765 quarters.
const CERTIFICATE_BLOCK = 1024;
const SERIALS = 10_000_000;

function certificateNumber(seed: number, year: number, quarterIndex: number, unitIndex: number): string {
  const slot = (quarterIndex * CERTIFICATE_BLOCK + unitIndex) % SERIALS;
  // Cycle walking: a permutation of [0, 2^24) applied until the value falls below 10^7 is a
  // permutation of [0, 10^7).
  let serial = slot;
  do serial = feistel24(serial, seed);
  while (serial >= SERIALS);
  return `${PROVINCE_SHORT}(${year})${DEMO_CITY}不动产权第${String(serial).padStart(7, '0')}号`;
}

/** A 4-round Feistel network on 24 bits: a keyed permutation of [0, 2^24). */
function feistel24(x: number, seed: number): number {
  let left = x >>> 12;
  let right = x & 0xfff;
  for (let round = 0; round < 4; round++) {
    const f = mixSeed(seed, round, right) & 0xfff;
    [left, right] = [right, left ^ f];
  }
  return (left << 12) | right;
}

// ---------------------------------------------------------------------------------------
// Residents (ZAS 6.2.2.2): some households of the quarter, with who needs care

function generateResidents(
  rng: Random,
  people: PersonFactory,
  spec: QuarterSpec,
  units: DemoUnit[],
  unitOwners: DemoUnitOwner[],
  owners: DemoOwner[],
  ownerPeople: Map<string, Person>,
): DemoResident[] {
  const quarterId = `q-${spec.index + 1}`;
  const residents: DemoResident[] = [];
  const ownersOfUnit = new Map<string, DemoOwner[]>();
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  for (const uo of unitOwners) {
    const list = ownersOfUnit.get(uo.unitId) ?? [];
    list.push(ownerById.get(uo.ownerId)!);
    ownersOfUnit.set(uo.unitId, list);
  }
  const referenceYear = Number(DEMO_REFERENCE_DATE.slice(0, 4));
  const add = (unit: DemoUnit, person: Person, kind: ResidentKind, ownerId: string | null, careNotes: string[]) => {
    if (rng.chance(0.015)) careNotes.push(rng.pick(CARE_NOTES.disabled));
    residents.push({
      id: `r-${spec.index + 1}-${residents.length + 1}`,
      quarterId,
      unitId: unit.id,
      ownerId,
      name: person.name,
      kind,
      needsCare: careNotes.length > 0,
      careNote: careNotes.length > 0 ? careNotes.join('；') : null,
      phone: person.phone,
      idNumber: person.idNumber,
    });
  };
  const lowIncomeRate = spec.type === 'old' ? 0.06 : spec.type === 'resettlement' ? 0.04 : 0.01;
  const aloneRate = spec.type === 'old' ? 0.45 : 0.2;
  const housedOwners = new Set<string>();

  for (const unit of units) {
    if (unit.use !== 'residential' || !unit.delivered || !unit.sold) continue;
    if (!rng.chance(spec.residentRate)) continue;
    const unitOwnerList = ownersOfUnit.get(unit.id) ?? [];
    const head = unitOwnerList[0];
    const headNotes: string[] = rng.chance(lowIncomeRate) ? [CARE_NOTES.lowIncome] : [];

    // An owner of several units lives in one of them; the others are let.
    if (head && !housedOwners.has(head.id) && rng.chance(spec.type === 'old' ? 0.85 : 0.72)) {
      housedOwners.add(head.id);
      if (unitOwnerList[1]) housedOwners.add(unitOwnerList[1].id);
      // Owner-occupied: the owner, spouse, children, sometimes a parent from elsewhere.
      const headPerson = ownerPeople.get(head.id)!;
      const headYear = Number(headPerson.birthDate.slice(0, 4));
      if (referenceYear - headYear >= 70 && rng.chance(aloneRate)) {
        add(unit, headPerson, 'permanent', head.id, [CARE_NOTES.livingAlone, ...headNotes]);
        continue;
      }
      add(unit, headPerson, 'permanent', head.id, headNotes);
      let spouse: Person | null = null;
      const coOwner = unitOwnerList[1];
      if (coOwner) {
        spouse = ownerPeople.get(coOwner.id)!;
        add(unit, spouse, 'permanent', coOwner.id, []);
      } else if (rng.chance(0.75)) {
        spouse = people.spouseOf(headPerson, 1936, 2002);
        add(unit, spouse, 'permanent', null, []);
      }
      // Children usually carry their father's surname.
      const father = headPerson.sex === 'male' ? headPerson : spouse?.sex === 'male' ? spouse : null;
      const children = headYear >= 1955 ? rng.pick([0, 1, 1, 1, 2]) : 0;
      for (let c = 0; c < children; c++) {
        const year = Math.min(2020, headYear + rng.int(24, 36));
        const child = people.person(rng.chance(0.5) ? 'male' : 'female', year, 'zhejiang', father?.surname ?? headPerson.surname);
        add(unit, child, 'permanent', null, []);
      }
      if (headYear >= 1975 && rng.chance(0.1)) {
        // A parent who came to look after the grandchildren: lives here without local hukou.
        const parent = people.person(rng.chance(0.4) ? 'male' : 'female', headYear - rng.int(24, 32), 'other');
        add(unit, parent, 'floating', null, []);
      }
    } else {
      // Let: the tenant who signed the lease, and whoever lives with them.
      const tenantOrigin = rng.chance(0.6) ? 'other' : 'zhejiang';
      const tenant = people.person(rng.chance(0.55) ? 'male' : 'female', rng.int(1970, 2002), tenantOrigin);
      add(unit, tenant, 'tenant', null, headNotes);
      const others = rng.pick([0, 0, 1, 1, 2]);
      for (let k = 0; k < others; k++) {
        const origin = rng.chance(0.6) ? 'other' : 'zhejiang';
        const person = people.person(rng.chance(0.5) ? 'male' : 'female', rng.int(1970, 2004), origin);
        add(unit, person, origin === 'other' ? 'floating' : 'tenant', null, []);
      }
    }
  }
  return residents;
}

// ---------------------------------------------------------------------------------------
// People

interface Person {
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

class PersonFactory {
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

// ---------------------------------------------------------------------------------------
// Dates

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function formatDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function randomDate(rng: Random, fromYear: number, toYear: number, notAfter: string): string {
  for (;;) {
    const year = rng.int(fromYear, toYear);
    const month = rng.int(1, 12);
    const date = formatDate(year, month, rng.int(1, daysInMonth(year, month)));
    if (date <= notAfter) return date;
  }
}
