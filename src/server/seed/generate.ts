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
import { DEMO_DISTRICT_NAME } from './names.ts';
import { buildQuarter } from './demo-buildings.ts';
import { DEMO_COMMUNITIES, DEMO_QUARTERS, DEMO_STREETS, demoQuarterSpec, numberedWord, scaleLayout, scaleQuarterSpec } from './demo-quarters.ts';
import { DEMO_REFERENCE_DATE, DEMO_SEED, type DemoCommunity, type DemoData, type DemoDistrict, type DemoOptions, type DemoPlan, type DemoQuarterBatch, type DemoStreet } from './demo-types.ts';

export * from './demo-types.ts';

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
