// One quarter of the demo: its buildings, units (with areas and certificate numbers) and owners.
import { type Sex } from '../../core/idnumber.ts';
import { DEMO_CITY, PROVINCE_SHORT } from './names.ts';
import { PersonFactory, type Person } from './demo-people.ts';
import { type BuildingStyle, type DeliveryPlan, type QuarterSpec } from './demo-quarters.ts';
import { generateResidents } from './demo-residents.ts';
import type { DemoBuilding, DemoOwner, DemoPlan, DemoQuarterBatch, DemoUnit, DemoUnitOwner, QuarterType } from './demo-types.ts';
import { Random, mixSeed } from './random.ts';

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

export function buildQuarter(plan: DemoPlan, spec: QuarterSpec): DemoQuarterBatch {
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
