// The shapes of the demo data (plain objects with stable string ids) and the options and
// constants every part of the generator shares.
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
