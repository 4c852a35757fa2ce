// Units (专有部分) of a quarter's buildings, with their exclusive area and certificate number.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { can, type Actor } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { AppError, conflict } from '../../platform/errors';
import { authorizeQuarter, authorizeUnit, buildingPlace } from './access';
import { fieldIssue } from './errors';
import { CERTIFICATE_HASH_RULE } from './identifiers';
import { protectCertificate } from './identity';
import type { UnitsTable } from './tables';

type DB = Kysely<Database>;
type Exec = DB | Transaction<Database>;

import type { unitUses } from '../../../contracts/registry';

export async function listUnits(
  db: DB,
  actor: Actor,
  quarterId: string,
  opts: { buildingId?: string; q?: string; page: number; pageSize: number },
) {
  await authorizeQuarter(db, actor, quarterId, 'registry.read');
  let base = db
    .selectFrom('units as u')
    // The building is joined within the quarter, so buildings are read by their quarter_id index.
    .innerJoin('buildings as b', (j) => j.onRef('b.id', '=', 'u.building_id').on('b.quarter_id', '=', quarterId))
    .where('u.quarter_id', '=', quarterId);
  if (actor.scope.level === 'building') base = base.where('u.building_id', '=', actor.scope.id);
  if (opts.buildingId) base = base.where('u.building_id', '=', opts.buildingId);
  const text = opts.q?.trim();
  if (text) {
    // Within one quarter a plain LIKE is cheapest; the trigram index is for the district-wide search.
    const like = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('u.number', 'like', like),
        eb.exists(
          eb
            .selectFrom('unit_owners as uo')
            .innerJoin('owners as o', 'o.id', 'uo.owner_id')
            .select('uo.unit_id')
            .whereRef('uo.unit_id', '=', 'u.id')
            .where('o.name', 'like', like),
        ),
      ]),
    );
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'u.id',
      'u.building_id as buildingId',
      'b.name as buildingName',
      'u.number',
      'u.exclusive_area as exclusiveArea',
      'u.use',
      'u.certificate_masked as certificateNoMasked',
    ])
    .orderBy(sql`length(b.name)`)
    .orderBy('b.name')
    .orderBy(sql`length(u.number)`)
    .orderBy('u.number')
    .limit(opts.pageSize)
    .offset((opts.page - 1) * opts.pageSize)
    .execute();
  const showOwners = can(actor, 'owners.read');
  const owners = rows.length && showOwners ? await ownersOfUnits(db, rows.map((r) => r.id)) : new Map();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ ...r, owners: owners.get(r.id) ?? [] })),
  };
}

async function ownersOfUnits(db: Exec, unitIds: string[]) {
  const rows = await db
    .selectFrom('unit_owners as uo')
    .innerJoin('owners as o', 'o.id', 'uo.owner_id')
    .select(['uo.unit_id', 'o.id', 'o.name', 'o.kind'])
    .where('uo.unit_id', 'in', unitIds)
    .orderBy('o.name')
    .execute();
  const map = new Map<string, { id: string; name: string; kind: string }[]>();
  for (const r of rows) {
    const list = map.get(r.unit_id) ?? [];
    list.push({ id: r.id, name: r.name, kind: r.kind });
    map.set(r.unit_id, list);
  }
  return map;
}

export interface UnitInput {
  buildingId: string;
  number: string;
  exclusiveArea: number;
  use?: (typeof unitUses)[number];
  certificateNo?: string | null;
}

export async function createUnit(db: DB, ctx: RequestContext, hashKey: Buffer, quarterId: string, input: UnitInput) {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'registry.write');
  const building = await buildingPlace(db, input.buildingId);
  if (!building || building.quarterId !== quarterId) {
    throw new AppError('INVALID_REFERENCE', { what: '楼栋', whatEn: 'The building' }, fieldIssue('buildingId', { 'zh-CN': '楼栋不存在', en: 'no such building in this quarter' }));
  }
  const cert = protectCertificate(hashKey, input.certificateNo);
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('units')
        .values({
          district_id: place.districtId,
          quarter_id: quarterId,
          building_id: input.buildingId,
          number: input.number.trim(),
          exclusive_area: input.exclusiveArea,
          use: input.use ?? 'residential',
          certificate_hash: cert.hash,
          certificate_masked: cert.masked,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'create', entity: 'unit', entityId: row.id, place: { ...place, buildingId: input.buildingId }, after: { ...input, certificateNo: cert.masked } });
      return row;
    }),
    () => conflict(`房屋“${building.name} ${input.number}”`, `Unit "${building.name} ${input.number}"`),
  );
}

export async function updateUnit(db: DB, ctx: RequestContext, hashKey: Buffer, unitId: string, patch: Partial<Omit<UnitInput, 'buildingId'>>) {
  const place = await authorizeUnit(db, ctx.actor, unitId, 'registry.write');
  const set = patchColumns<UnitsTable>()(patch, {
    number: (v) => ({ number: v.trim() }),
    exclusiveArea: 'exclusive_area',
    use: 'use',
    certificateNo: (v) => {
      const cert = protectCertificate(hashKey, v);
      return { certificate_hash: cert.hash, certificate_hash_rule: CERTIFICATE_HASH_RULE, certificate_masked: cert.masked };
    },
  });
  await uniquely(
    () =>
      db.transaction().execute(async (tx) => {
      const before = await tx
        .selectFrom('units')
        .select(['number', 'exclusive_area', 'use', 'certificate_masked'])
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow();
      await tx.updateTable('units').set({ ...set, updated_at: new Date() }).where('id', '=', unitId).execute();
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'unit',
        entityId: unitId,
        place,
        before,
        after: { ...patch, certificateNo: undefined, certificateNoMasked: set.certificate_masked },
      });
    }),
    () => conflict(`房屋“${patch.number}”`, `Unit "${patch.number}"`),
  );
}
