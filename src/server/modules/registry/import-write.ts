// Writing a checked import plan in one transaction, in batches, reporting progress.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { quarterPlace } from './access';
import type { ImportPlan } from './import-check';

type DB = Kysely<Database>;

const BATCH = 500;

/** Writes a validated plan in one transaction; `onProgress` gets rows written so far. */
export async function writeImport(
  db: DB,
  ctx: RequestContext | { actor: null; ip: null },
  quarterId: string,
  importId: string,
  plan: ImportPlan,
  onProgress?: (done: number, total: number) => void,
) {
  const place = (await quarterPlace(db, quarterId))!;
  const total = plan.buildings.length + plan.units.length + plan.owners.length + plan.links.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  return db.transaction().execute(async (tx) => {
    const buildingIds = new Map(
      (await tx.selectFrom('buildings').select(['id', 'name']).where('quarter_id', '=', quarterId).execute()).map((b) => [b.name, b.id]),
    );
    for (let i = 0; i < plan.buildings.length; i += BATCH) {
      const batch = plan.buildings.slice(i, i + BATCH);
      const rows = await tx
        .insertInto('buildings')
        .values(batch.map((b) => ({ district_id: place.districtId, quarter_id: quarterId, name: b.name, floors: b.floors })))
        .returning(['id', 'name'])
        .execute();
      for (const r of rows) buildingIds.set(r.name, r.id);
      step(batch.length);
    }
    const unitIds = new Map<string, string>();
    for (let i = 0; i < plan.units.length; i += BATCH) {
      const batch = plan.units.slice(i, i + BATCH);
      const rows = await tx
        .insertInto('units')
        .values(
          batch.map((u) => ({
            district_id: place.districtId,
            quarter_id: quarterId,
            building_id: buildingIds.get(u.building)!,
            number: u.number,
            exclusive_area: u.area,
            use: u.use,
            certificate_hash: u.certHash,
            certificate_masked: u.certMasked,
          })),
        )
        .returning(['id', 'building_id', 'number'])
        .execute();
      const nameOf = new Map([...buildingIds].map(([n, id]) => [id, n]));
      for (const r of rows) unitIds.set(`${nameOf.get(r.building_id)}\u0000${r.number}`, r.id);
      step(batch.length);
    }
    const ownerIds = new Map<string, string>();
    const fresh = plan.owners.filter((o) => !o.existingId);
    for (const o of plan.owners) if (o.existingId) ownerIds.set(o.key, o.existingId);
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      const rows = await tx
        .insertInto('owners')
        .values(
          batch.map((o) => ({
            district_id: place.districtId,
            quarter_id: quarterId,
            kind: o.kind,
            name: o.name,
            id_number_hash: o.idHash,
            id_number_masked: o.idMasked,
            phone: o.phone,
          })),
        )
        .returning('id')
        .execute();
      // RETURNING gives rows in the order of the VALUES list.
      rows.forEach((r, k) => ownerIds.set(batch[k].key, r.id));
      step(batch.length);
    }
    step(plan.owners.length - fresh.length);
    for (let i = 0; i < plan.links.length; i += BATCH) {
      const batch = plan.links.slice(i, i + BATCH);
      await tx
        .insertInto('unit_owners')
        .values(batch.map((l) => ({ unit_id: unitIds.get(l.unitKey)!, owner_id: ownerIds.get(l.ownerKey)!, district_id: place.districtId, quarter_id: quarterId })))
        .execute();
      step(batch.length);
    }
    const summary = {
      buildings: plan.buildings.length,
      units: plan.units.length,
      owners: fresh.length,
      linkedExistingOwners: plan.owners.length - fresh.length,
      sampleRows: plan.sampleRows ?? 0,
    };
    await tx.updateTable('import_runs').set({ status: 'done', summary: JSON.stringify(summary), finished_at: new Date() }).where('id', '=', importId).execute();
    await recordAudit(tx, ctx, { action: 'import', entity: 'import_run', entityId: importId, place, after: summary });
    return summary;
  });
}
