import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../core/idnumber.ts';
import {
  DEMO_REFERENCE_DATE,
  generateDemo,
  generateQuarterBatch,
  planDemo,
  quarterBatches,
  type DemoData,
  type DemoQuarter,
} from './generate.ts';

const demo = generateDemo();

function byQuarter<T extends { quarterId: string }>(items: T[], quarter: DemoQuarter): T[] {
  return items.filter((x) => x.quarterId === quarter.id);
}

/** Date `years` years before `date` (both `YYYY-MM-DD`). */
function yearsBefore(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
}

/** ZAS 5.4.1: delivered ≥ 60 %, or first delivery ≥ 2 years ago and delivered ≥ 30 %. */
function mayFormCommittee(q: DemoQuarter, today: string): boolean {
  const twoYears = q.firstDeliveryDate <= yearsBefore(today, 2);
  return 100 * q.deliveredArea >= 60 * q.totalBuildingArea || (twoYears && 100 * q.deliveredArea >= 30 * q.totalBuildingArea);
}

/** Every broken reference, as readable lines (one expect per data set keeps the test fast). */
function foreignKeyProblems(data: DemoData): string[] {
  const problems: string[] = [];
  const check = (condition: boolean, what: string) => {
    if (!condition) problems.push(what);
  };
  const ids = <T extends { id: string }>(items: T[]) => new Set(items.map((x) => x.id));
  const streets = ids(data.streets);
  const communities = new Map(data.communities.map((c) => [c.id, c]));
  const quarters = ids(data.quarters);
  const buildings = new Map(data.buildings.map((b) => [b.id, b]));
  const units = new Map(data.units.map((u) => [u.id, u]));
  const owners = new Map(data.owners.map((o) => [o.id, o]));
  const lists = {
    streets: data.streets,
    communities: data.communities,
    quarters: data.quarters,
    buildings: data.buildings,
    units: data.units,
    owners: data.owners,
    residents: data.residents,
  };
  for (const [name, list] of Object.entries(lists) as [string, { id: string }[]][]) {
    check(ids(list).size === list.length, `duplicate ids in ${name}`);
  }
  for (const s of data.streets) check(s.districtId === data.district.id, s.id);
  for (const c of data.communities) check(streets.has(c.streetId) && c.districtId === data.district.id, c.id);
  for (const q of data.quarters) {
    const c = communities.get(q.communityId);
    check(c !== undefined && q.streetId === c.streetId && q.districtId === data.district.id, q.id);
  }
  for (const b of data.buildings) check(quarters.has(b.quarterId), b.id);
  for (const u of data.units) check(buildings.get(u.buildingId)?.quarterId === u.quarterId, u.id);
  for (const o of data.owners) check(quarters.has(o.quarterId), o.id);
  for (const uo of data.unitOwners) {
    check(units.get(uo.unitId)?.quarterId === uo.quarterId, `${uo.unitId} of ${uo.ownerId}`);
    check(owners.get(uo.ownerId)?.quarterId === uo.quarterId, `${uo.ownerId} of ${uo.unitId}`);
  }
  for (const r of data.residents) {
    check(units.get(r.unitId)?.quarterId === r.quarterId, r.id);
    if (r.ownerId) {
      const owner = owners.get(r.ownerId);
      check(owner?.quarterId === r.quarterId && owner.idNumber === r.idNumber && owner.name === r.name, r.id);
    }
  }
  return problems;
}

describe('generateDemo (the demo district)', () => {
  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    expect(JSON.stringify(generateDemo())).toBe(JSON.stringify(demo));
    expect(JSON.stringify(generateDemo({ seed: 20261123 }))).toBe(JSON.stringify(demo));
    const other = generateDemo({ seed: 7 });
    expect(other.quarters.map((q) => q.name)).toEqual(demo.quarters.map((q) => q.name));
    expect(other.owners[0].idNumber).not.toBe(demo.owners[0].idNumber);
  });

  it('has the advertised size', () => {
    expect(demo.district.name).toBe('翠湖区');
    expect(demo.streets).toHaveLength(2);
    expect(demo.communities.length).toBeGreaterThanOrEqual(4);
    expect(demo.communities.length).toBeLessThanOrEqual(6);
    for (const s of demo.streets) {
      const n = demo.communities.filter((c) => c.streetId === s.id).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(3);
    }
    expect(demo.quarters.length).toBeGreaterThanOrEqual(6);
    expect(demo.quarters.length).toBeLessThanOrEqual(8);
    expect(demo.units.length).toBeGreaterThanOrEqual(2000);
    expect(demo.units.length).toBeLessThanOrEqual(4000);
    expect(demo.owners.length).toBeGreaterThanOrEqual(2000);
    expect(demo.owners.length).toBeLessThanOrEqual(4000);
    expect(demo.residents.length).toBeGreaterThanOrEqual(200);
    expect(demo.residents.length).toBeLessThan(1000);
  });

  it('has quarters of every type, with realistic names and addresses', () => {
    expect(new Set(demo.quarters.map((q) => q.type))).toEqual(new Set(['commercial', 'resettlement', 'old', 'mixed']));
    for (const q of demo.quarters) {
      expect(q.name).toMatch(/(花园|苑|新村|公寓)$/);
      expect(q.address).toMatch(/^浙江省杭州市翠湖区.+\d+号$/);
      expect(q.firstDeliveryDate >= '1995-01-01' && q.firstDeliveryDate <= '2025-12-31').toBe(true);
    }
  });

  it('every foreign key resolves', () => {
    expect(foreignKeyProblems(demo)).toEqual([]);
  });

  it('every identity number is valid; owners are from Zhejiang and born 1940–2000', () => {
    const problems: string[] = [];
    for (const o of demo.owners) {
      if (o.kind === 'developer') {
        if (o.idNumber !== null) problems.push(`${o.id} developer with an identity number`);
        continue;
      }
      const id = o.idNumber ?? '';
      const year = Number(id.slice(6, 10));
      if (!parseIdNumber(id, DEMO_REFERENCE_DATE).ok) problems.push(`${o.id} invalid ${id}`);
      if (!id.startsWith('33')) problems.push(`${o.id} not from Zhejiang ${id}`);
      if (year < 1940 || year > 2000) problems.push(`${o.id} born ${year}`);
    }
    for (const r of demo.residents) {
      if (!parseIdNumber(r.idNumber, DEMO_REFERENCE_DATE).ok) problems.push(`${r.id} invalid ${r.idNumber}`);
    }
    expect(problems).toEqual([]);
  });

  it('identity numbers are unique: owners within a quarter, and people across the district', () => {
    for (const q of demo.quarters) {
      const ids = byQuarter(demo.owners, q).flatMap((o) => (o.idNumber ? [o.idNumber] : []));
      expect(new Set(ids).size).toBe(ids.length);
    }
    // A resident who is an owner shares the owner's number; everyone else is a different person.
    const people = new Set([
      ...demo.owners.flatMap((o) => (o.idNumber ? [o.idNumber] : [])),
      ...demo.residents.filter((r) => !r.ownerId).map((r) => r.idNumber),
    ]);
    const count = demo.owners.filter((o) => o.idNumber).length + demo.residents.filter((r) => !r.ownerId).length;
    expect(people.size).toBe(count);
  });

  it('names people with a common surname and a 1–2 character given name', () => {
    const counts = new Map<string, number>();
    for (const o of demo.owners) {
      if (o.kind !== 'person') continue;
      expect(o.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      counts.set(o.name[0], (counts.get(o.name[0]) ?? 0) + 1);
    }
    // The most frequent surnames come first.
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([s]) => s);
    expect(top.filter((s) => ['王', '李', '张', '陈', '刘'].includes(s)).length).toBeGreaterThanOrEqual(4);
  });

  it('gives mobile phones and company landlines in the usual shapes', () => {
    const bad = [
      ...demo.owners.filter((o) => !(o.kind === 'person' ? /^1[3-9]\d{9}$/ : /^0571-8\d{7}$/).test(o.phone ?? '')),
      ...demo.residents.filter((r) => r.phone !== null && !/^1[3-9]\d{9}$/.test(r.phone)),
    ];
    expect(bad).toEqual([]);
  });

  it('numbers buildings and rooms as registries do, without duplicates', () => {
    const problems: string[] = [];
    const buildingNames = new Set<string>();
    for (const b of demo.buildings) {
      if (!/^\d+幢$/.test(b.name) || b.floors < 6 || b.floors > 33) problems.push(`${b.id} ${b.name} ${b.floors}`);
      const key = `${b.quarterId}/${b.name}`;
      if (buildingNames.has(key)) problems.push(`duplicate ${key}`);
      buildingNames.add(key);
    }
    const floorsOf = new Map(demo.buildings.map((b) => [b.id, b.floors]));
    const rooms = new Set<string>();
    for (const u of demo.units) {
      const m = /^(\d+)-(\d+)(\d{2})$/.exec(u.number);
      if (!m || Number(m[2]) !== u.floor || u.floor > floorsOf.get(u.buildingId)!) problems.push(`${u.id} ${u.number}`);
      const key = `${u.buildingId}/${u.number}`;
      if (rooms.has(key)) problems.push(`duplicate ${key}`);
      rooms.add(key);
    }
    expect(problems).toEqual([]);
    expect(demo.units.some((u) => u.number === '1-101')).toBe(true);
  });

  it('keeps exclusive areas within 45–180 m², with shops on some ground floors', () => {
    const bad = demo.units.filter(
      (u) =>
        !Number.isInteger(u.exclusiveArea) ||
        u.exclusiveArea < 4500 ||
        u.exclusiveArea > 18000 ||
        (u.use === 'commercial' && u.floor !== 1),
    );
    expect(bad).toEqual([]);
    const shops = demo.units.filter((u) => u.use === 'commercial');
    expect(shops.length).toBeGreaterThan(10);
    expect(shops.length).toBeLessThan(demo.units.length / 10);
  });

  it('keeps quarter totals consistent with the units', () => {
    for (const q of demo.quarters) {
      const units = byQuarter(demo.units, q);
      const unitsArea = units.reduce((s, u) => s + u.exclusiveArea, 0);
      const deliveredUnitsArea = units.reduce((s, u) => (u.delivered ? s + u.exclusiveArea : s), 0);
      expect(q.totalBuildingArea).toBeGreaterThanOrEqual(unitsArea);
      expect(q.totalBuildingArea).toBeLessThanOrEqual(Math.ceil(unitsArea * 1.03) + 5);
      expect(q.soldArea).toBe(units.reduce((s, u) => (u.sold ? s + u.exclusiveArea : s), 0));
      expect(q.deliveredArea).toBeLessThanOrEqual(q.totalBuildingArea);
      expect(q.deliveredArea).toBeGreaterThanOrEqual(deliveredUnitsArea);
      expect(q.households).toBe(units.filter((u) => u.use === 'residential').length);
      // A building is delivered as a whole.
      for (const b of byQuarter(demo.buildings, q)) {
        for (const u of units.filter((x) => x.buildingId === b.id)) expect(u.delivered).toBe(b.deliveredDate !== null);
      }
    }
  });

  it('has cases on both sides of the committee-formation rule on the reference date (ZAS 5.4.1)', () => {
    const today = DEMO_REFERENCE_DATE;
    const share = (q: DemoQuarter) => q.deliveredArea / q.totalBuildingArea;
    const exactlyTwoYears = demo.quarters.filter((q) => q.firstDeliveryDate === '2024-11-23');
    expect(exactlyTwoYears.length).toBeGreaterThanOrEqual(1);
    for (const q of exactlyTwoYears) {
      expect(share(q)).toBeGreaterThanOrEqual(0.3);
      expect(share(q)).toBeLessThan(0.6);
      expect(mayFormCommittee(q, today)).toBe(true);
    }
    // one day short of two years, same share: not yet
    const dayShort = demo.quarters.find((q) => q.firstDeliveryDate === '2024-11-24')!;
    expect(share(dayShort)).toBeGreaterThanOrEqual(0.3);
    expect(share(dayShort)).toBeLessThan(0.6);
    expect(mayFormCommittee(dayShort, today)).toBe(false);
    // exactly 60 % (以上 includes the boundary)
    const exact60 = demo.quarters.find((q) => 100 * q.deliveredArea === 60 * q.totalBuildingArea);
    expect(exact60).toBeDefined();
    expect(mayFormCommittee(exact60!, today)).toBe(true);
    // below 30 % after more than two years
    const stalled = demo.quarters.find((q) => q.firstDeliveryDate < '2024-11-23' && share(q) < 0.3);
    expect(stalled).toBeDefined();
    expect(mayFormCommittee(stalled!, today)).toBe(false);
    expect(demo.quarters.filter((q) => share(q) < 0.6).length).toBeGreaterThanOrEqual(3);
  });

  it('has co-owned units (~5 %) and owners of several units (~3 %)', () => {
    const ownersPerUnit = new Map<string, number>();
    const unitsPerOwner = new Map<string, number>();
    for (const uo of demo.unitOwners) {
      ownersPerUnit.set(uo.unitId, (ownersPerUnit.get(uo.unitId) ?? 0) + 1);
      unitsPerOwner.set(uo.ownerId, (unitsPerOwner.get(uo.ownerId) ?? 0) + 1);
    }
    const privateUnits = demo.units.filter((u) => u.sold && u.delivered);
    const coOwned = privateUnits.filter((u) => ownersPerUnit.get(u.id) === 2).length;
    expect(coOwned / privateUnits.length).toBeGreaterThan(0.03);
    expect(coOwned / privateUnits.length).toBeLessThan(0.08);
    expect(Math.max(...ownersPerUnit.values())).toBe(2);

    const persons = demo.owners.filter((o) => o.kind === 'person');
    const several = persons.filter((o) => (unitsPerOwner.get(o.id) ?? 0) >= 2);
    expect(several.length / persons.length).toBeGreaterThan(0.015);
    expect(several.length / persons.length).toBeLessThan(0.07);
    expect(persons.filter((o) => !((unitsPerOwner.get(o.id) ?? 0) >= 1 && (unitsPerOwner.get(o.id) ?? 0) <= 3))).toEqual([]);
    // every unit has an owner
    expect(demo.units.filter((u) => !ownersPerUnit.has(u.id))).toEqual([]);
  });

  it('lets the developer hold the unsold and undelivered units of the newer commercial quarters', () => {
    const developers = demo.owners.filter((o) => o.kind === 'developer');
    expect(developers.length).toBeGreaterThanOrEqual(2);
    const developerIds = new Set(developers.map((o) => o.id));
    for (const d of developers) {
      expect(d.name).toMatch(/有限公司$/);
      const q = demo.quarters.find((x) => x.id === d.quarterId)!;
      expect(q.type).toBe('commercial');
      expect(q.firstDeliveryDate >= '2020-01-01').toBe(true);
      expect(q.developerName).toBe(d.name);
    }
    const unitsById = new Map(demo.units.map((u) => [u.id, u]));
    const bad = demo.unitOwners.filter((uo) => {
      const u = unitsById.get(uo.unitId)!;
      const developerHeld = developerIds.has(uo.ownerId);
      // the developer holds exactly what is unsold or undelivered; certificates go with private ownership
      return developerHeld !== !(u.sold && u.delivered) || (u.certificateNo === null) !== developerHeld;
    });
    expect(bad).toEqual([]);
    for (const q of demo.quarters.filter((x) => x.type !== 'commercial')) expect(q.developerName).toBeNull();
  });

  it('gives property certificate numbers in the usual shape, unique in the district', () => {
    const numbers = demo.units.flatMap((u) => (u.certificateNo ? [u.certificateNo] : []));
    expect(numbers.length).toBeGreaterThan(demo.units.length / 2);
    const bad = numbers.filter((n) => {
      const m = /^浙\((\d{4})\)杭州市不动产权第\d{7}号$/.exec(n);
      return !m || Number(m[1]) < 2016 || Number(m[1]) > 2026;
    });
    expect(bad).toEqual([]);
    const serials = numbers.map((n) => n.slice(-9, -1));
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('has permanent, floating and tenant residents, and some who need care', () => {
    const kinds = new Set(demo.residents.map((r) => r.kind));
    expect(kinds).toEqual(new Set(['permanent', 'floating', 'tenant']));
    const care = demo.residents.filter((r) => r.needsCare);
    expect(care.length).toBeGreaterThanOrEqual(5);
    for (const r of demo.residents) expect(r.needsCare).toBe(r.careNote !== null);
    const notes = care.map((r) => r.careNote!).join('；');
    expect(notes).toContain('独居老人');
    expect(notes).toContain('残疾人');
    expect(notes).toContain('低保户');
    // someone living alone lives alone
    const alone = care.find((r) => r.careNote!.includes('独居老人'))!;
    expect(demo.residents.filter((r) => r.unitId === alone.unitId)).toHaveLength(1);
    expect(demo.residents.some((r) => r.ownerId !== null)).toBe(true);
  });
});

describe('quarter batches', () => {
  it('give the same quarters as generateDemo, in any order', () => {
    const plan = planDemo();
    expect(plan.quarterCount).toBe(demo.quarters.length);
    const last = generateQuarterBatch(plan, plan.quarterCount - 1);
    const batches = [...quarterBatches(plan)];
    expect(batches[plan.quarterCount - 1]).toEqual(last);
    expect(batches.map((b) => b.quarter)).toEqual(demo.quarters);
    expect(batches.flatMap((b) => b.units)).toEqual(demo.units);
    expect(batches.flatMap((b) => b.unitOwners)).toEqual(demo.unitOwners);
  });

  it('refuses indexes outside the plan and bad options', () => {
    const plan = planDemo();
    expect(() => generateQuarterBatch(plan, plan.quarterCount)).toThrow(RangeError);
    expect(() => generateQuarterBatch(plan, -1)).toThrow(RangeError);
    expect(() => planDemo({ scale: 0 })).toThrow(RangeError);
    expect(() => planDemo({ scale: 2.5 })).toThrow(RangeError);
  });
});

describe('scale (benchmark districts)', () => {
  it('a small district is consistent: keys resolve, ids and certificates are unique district-wide', () => {
    const data = generateDemo({ scale: 30, seed: 42 });
    expect(data.quarters).toHaveLength(30);
    expect(foreignKeyProblems(data)).toEqual([]);
    const people = [
      ...data.owners.flatMap((o) => (o.idNumber ? [o.idNumber] : [])),
      ...data.residents.filter((r) => !r.ownerId).map((r) => r.idNumber),
    ];
    expect(new Set(people).size).toBe(people.length);
    expect(people.filter((id) => !parseIdNumber(id, DEMO_REFERENCE_DATE).ok)).toEqual([]);
    const certificates = data.units.flatMap((u) => (u.certificateNo ? [u.certificateNo.slice(-9, -1)] : []));
    expect(new Set(certificates).size).toBe(certificates.length);
    expect(new Set(data.quarters.map((q) => q.name)).size).toBe(30);
    expect(new Set(data.communities.map((c) => c.name)).size).toBe(data.communities.length);
  });

  it('scale 200 takes seconds, with 300–600 units a quarter', () => {
    const started = performance.now();
    const plan = planDemo({ scale: 200 });
    let units = 0;
    let owners = 0;
    for (const batch of quarterBatches(plan)) {
      expect(batch.units.length).toBeGreaterThanOrEqual(300);
      expect(batch.units.length).toBeLessThanOrEqual(650);
      units += batch.units.length;
      owners += batch.owners.length;
    }
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(8);
    expect(units).toBeGreaterThan(200 * 300);
    expect(owners).toBeGreaterThan(200 * 150);
    expect(plan.streets.length).toBeGreaterThan(1);
    expect(new Set(plan.streets.map((s) => s.name)).size).toBe(plan.streets.length);
  });

  it('a quarter of a large district is made without making the others', () => {
    const plan = planDemo({ scale: 2000 });
    const batch = generateQuarterBatch(plan, 1999);
    expect(batch.quarter.id).toBe('q-2000');
    expect(plan.communities.some((c) => c.id === batch.quarter.communityId)).toBe(true);
    expect(generateQuarterBatch(plan, 1999)).toEqual(batch);
  });
});
