// What the voting module needs from the registry, as functions, so that voting never reads the
// registry's tables itself (docs/architecture.md, "The module template": a module owns its tables and exposes functions).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { unitsByCertificate, type CertificateHashes } from './identifiers';

type Exec = Kysely<Database> | Transaction<Database>;

export interface RollSourceUnit {
  unitId: string;
  buildingId: string;
  /** Exclusive area (专有部分面积) in 0.01 m². */
  area: number;
  /** The unit's owners as the registry holds them now; empty when none is registered. */
  owners: { ownerId: string; kind: 'person' | 'developer' | 'organization' }[];
}

/**
 * The source of a voter roll: every unit of the quarter (or of one building) with its exclusive
 * area and its current owners. Grouping units into voting members is the voting module's rule.
 */
export async function votingRollSource(db: Exec, quarterId: string, buildingId?: string | null): Promise<RollSourceUnit[]> {
  let units = db.selectFrom('units').select(['id', 'building_id', 'exclusive_area']).where('quarter_id', '=', quarterId);
  if (buildingId) units = units.where('building_id', '=', buildingId);
  const unitRows = await units.orderBy('id').execute();
  let links = db
    .selectFrom('unit_owners as uo')
    .innerJoin('owners as o', 'o.id', 'uo.owner_id')
    .innerJoin('units as u', 'u.id', 'uo.unit_id')
    .select(['uo.unit_id', 'uo.owner_id', 'o.kind'])
    .where('uo.quarter_id', '=', quarterId);
  if (buildingId) links = links.where('u.building_id', '=', buildingId);
  const linkRows = await links.execute();
  const byUnit = new Map<string, RollSourceUnit['owners']>();
  for (const l of linkRows) {
    const list = byUnit.get(l.unit_id) ?? [];
    list.push({ ownerId: l.owner_id, kind: l.kind as RollSourceUnit['owners'][number]['kind'] });
    byUnit.set(l.unit_id, list);
  }
  return unitRows.map((u) => ({
    unitId: u.id,
    buildingId: u.building_id,
    area: u.exclusive_area,
    owners: (byUnit.get(u.id) ?? []).sort((a, b) => (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0)),
  }));
}

/**
 * The owners of a quarter whose ID number has the given keyed hash, and the units of the
 * quarter whose property certificate number has the given hashes (identifiers.ts: `identifierHash`
 * and `certificateHashes` of what was typed). The caller decides whether the two belong together
 * (voting checks its frozen roll).
 */
export async function findOwnerAndUnitByHashes(
  db: Exec,
  quarterId: string,
  idNumberHash: string,
  certificate: CertificateHashes,
): Promise<{ ownerIds: string[]; unitIds: string[] }> {
  const [owners, unitIds] = await Promise.all([
    db.selectFrom('owners').select('id').where('quarter_id', '=', quarterId).where('id_number_hash', '=', idNumberHash).execute(),
    unitsByCertificate(db, quarterId, certificate),
  ]);
  return { ownerIds: owners.map((o) => o.id), unitIds };
}

/** A building of the quarter, or null. */
export async function buildingOfQuarter(db: Exec, quarterId: string, buildingId: string): Promise<{ id: string; name: string } | null> {
  const row = await db.selectFrom('buildings').select(['id', 'name']).where('id', '=', buildingId).where('quarter_id', '=', quarterId).executeTakeFirst();
  return row ?? null;
}

/** Does the unit belong to the quarter? (A paper ballot names its unit.) */
export async function unitLabel(db: Exec, quarterId: string, unitId: string): Promise<string | null> {
  const row = await db
    .selectFrom('units as u')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .select(['u.number', 'b.name'])
    .where('u.id', '=', unitId)
    .where('u.quarter_id', '=', quarterId)
    .executeTakeFirst();
  return row ? `${row.name} ${row.number}` : null;
}

/** Labels (`building number`) of units of a quarter, for the staff's list of the frozen roll. */
export async function unitLabels(db: Exec, quarterId: string, unitIds: string[]): Promise<Map<string, { label: string; buildingName: string; number: string }>> {
  const out = new Map<string, { label: string; buildingName: string; number: string }>();
  for (let i = 0; i < unitIds.length; i += 5000) {
    const slice = unitIds.slice(i, i + 5000);
    if (!slice.length) continue;
    const rows = await db
      .selectFrom('units as u')
      .innerJoin('buildings as b', 'b.id', 'u.building_id')
      .select(['u.id', 'u.number', 'b.name'])
      .where('u.quarter_id', '=', quarterId)
      .where('u.id', 'in', slice)
      .execute();
    for (const r of rows) out.set(r.id, { label: `${r.name} ${r.number}`, buildingName: r.name, number: r.number });
  }
  return out;
}

/** Owners of the quarter by id: the name and phone staff use to reach them. */
export async function ownerContacts(db: Exec, quarterId: string, ownerIds: string[]): Promise<Map<string, { name: string; phone: string | null; kind: string }>> {
  const out = new Map<string, { name: string; phone: string | null; kind: string }>();
  for (let i = 0; i < ownerIds.length; i += 5000) {
    const slice = ownerIds.slice(i, i + 5000);
    if (!slice.length) continue;
    const rows = await db.selectFrom('owners').select(['id', 'name', 'phone', 'kind']).where('quarter_id', '=', quarterId).where('id', 'in', slice).execute();
    for (const r of rows) out.set(r.id, { name: r.name, phone: r.phone, kind: r.kind });
  }
  return out;
}
