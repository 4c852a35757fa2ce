// Writes the generated demo district into the database, one quarter per transaction, and
// creates the demo accounts (password `gongzhi-demo`), one per role, scoped to demo places.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { keyedHash } from '../platform/keys';
import { maskIdNumber } from '../../core/idnumber';
import { identifierHash, maskCertificate } from '../modules/registry';
import { insertUser } from '../modules/users';
import type { Role, ScopeLevel } from '../platform/access';
import { planDemo, quarterBatches, type DemoPlan } from './generate';
import { seedVoting } from './voting';
import { seedCases } from './cases';
import { seedDisputes } from './disputes';
import { seedOrganizations } from './organizations';
import { seedDeliberation } from './deliberation';
import { seedFinance } from './finance';

type DB = Kysely<Database>;

export const DEMO_PASSWORD = 'gongzhi-demo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  scopeName: string;
}

export interface SeedResult {
  districtId: string;
  quarters: number;
  units: number;
  owners: number;
  accounts: DemoAccount[];
}

const BATCH = 500;

async function insertInBatches<T>(items: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += BATCH) await insert(items.slice(i, i + BATCH));
}

/** Writes a planned district; `onProgress(done, total)` after each quarter. */
export async function writeDistrict(
  db: DB,
  hashKey: Buffer,
  plan: DemoPlan,
  onProgress?: (done: number, total: number) => void,
): Promise<{ districtId: string; quarterIds: Map<string, string>; ids: Map<string, string>; units: number; owners: number }> {
  const ids = new Map<string, string>();
  const district = await db
    .insertInto('districts')
    .values({ name: plan.district.name, policy_pack: plan.district.policyPack.toUpperCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.set(plan.district.id, district.id);
  for (const s of plan.streets) {
    const row = await db.insertInto('streets').values({ district_id: district.id, name: s.name }).returning('id').executeTakeFirstOrThrow();
    ids.set(s.id, row.id);
  }
  for (const c of plan.communities) {
    const row = await db
      .insertInto('communities')
      .values({ district_id: district.id, street_id: ids.get(c.streetId)!, name: c.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(c.id, row.id);
  }
  const quarterIds = new Map<string, string>();
  let units = 0;
  let owners = 0;
  let done = 0;
  for (const batch of quarterBatches(plan)) {
    const q = batch.quarter;
    await db.transaction().execute(async (tx) => {
      const quarter = await tx
        .insertInto('quarters')
        .values({
          district_id: district.id,
          street_id: ids.get(q.streetId)!,
          community_id: ids.get(q.communityId)!,
          name: q.name,
          type: q.type,
          address: q.address,
          total_building_area: q.totalBuildingArea,
          sold_area: q.soldArea,
          delivered_area: q.deliveredArea,
          first_delivery_date: q.firstDeliveryDate,
          households: q.households,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const quarterId = quarter.id;
      quarterIds.set(q.id, quarterId);
      ids.set(q.id, quarterId);
      const common = { district_id: district.id, quarter_id: quarterId };
      await insertInBatches(batch.buildings, async (bs) => {
        const rows = await tx
          .insertInto('buildings')
          .values(bs.map((b) => ({ ...common, name: b.name, floors: b.floors })))
          .returning('id')
          .execute();
        rows.forEach((r, i) => ids.set(bs[i].id, r.id));
      });
      await insertInBatches(batch.units, async (us) => {
        const rows = await tx
          .insertInto('units')
          .values(
            us.map((u) => ({
              ...common,
              building_id: ids.get(u.buildingId)!,
              number: u.number,
              exclusive_area: u.exclusiveArea,
              use: u.use,
              certificate_hash: u.certificateNo ? identifierHash(hashKey, u.certificateNo) : null,
              certificate_masked: u.certificateNo ? maskCertificate(u.certificateNo) : null,
            })),
          )
          .returning('id')
          .execute();
        rows.forEach((r, i) => ids.set(us[i].id, r.id));
      });
      await insertInBatches(batch.owners, async (os) => {
        const rows = await tx
          .insertInto('owners')
          .values(
            os.map((o) => ({
              ...common,
              kind: o.kind,
              name: o.name,
              id_number_hash: o.idNumber ? keyedHash(hashKey, o.idNumber) : null,
              id_number_masked: o.idNumber ? maskIdNumber(o.idNumber) : null,
              phone: o.phone,
            })),
          )
          .returning('id')
          .execute();
        rows.forEach((r, i) => ids.set(os[i].id, r.id));
      });
      await insertInBatches(batch.unitOwners, (links) =>
        tx
          .insertInto('unit_owners')
          .values(links.map((l) => ({ ...common, unit_id: ids.get(l.unitId)!, owner_id: ids.get(l.ownerId)! })))
          .execute(),
      );
      await insertInBatches(batch.residents, (rs) =>
        tx
          .insertInto('residents')
          .values(
            rs.map((r) => ({
              ...common,
              unit_id: ids.get(r.unitId) ?? null,
              name: r.name,
              kind: r.kind,
              needs_care: r.needsCare,
              care_note: r.careNote,
              phone: r.phone,
              id_number_hash: keyedHash(hashKey, r.idNumber),
              id_number_masked: maskIdNumber(r.idNumber),
            })),
          )
          .execute(),
      );
    });
    units += batch.units.length;
    owners += batch.owners.length;
    done++;
    onProgress?.(done, plan.quarterCount);
  }
  // The planner's statistics for the tables just filled: PGlite runs no autovacuum, so without
  // this a generated district is planned as if it were empty (docs/scaling.md).
  await sql`ANALYZE`.execute(db);
  return { districtId: district.id, quarterIds, ids, units, owners };
}

/** The demo district and its accounts; run once, on an empty database. */
export async function seedDemo(db: DB, hashKey: Buffer, onProgress?: (done: number, total: number) => void): Promise<SeedResult> {
  const plan = planDemo();
  const written = await writeDistrict(db, hashKey, plan, onProgress);
  const street = plan.streets[0];
  const community = plan.communities.find((c) => c.streetId === street.id)!;
  // The demo quarter of the quarter-level accounts: the first one of that community.
  const quarterId = await db
    .selectFrom('quarters')
    .select(['id', 'name'])
    .where('community_id', '=', written.ids.get(community.id)!)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const owner = await db
    .selectFrom('owners as o')
    .innerJoin('unit_owners as uo', 'uo.owner_id', 'o.id')
    .select(['o.id', 'o.name', 'o.phone'])
    .where('o.quarter_id', '=', quarterId.id)
    .where('o.kind', '=', 'person')
    .orderBy('o.created_at')
    .executeTakeFirstOrThrow();
  const building = await db
    .selectFrom('buildings')
    .select(['id', 'name'])
    .where('quarter_id', '=', quarterId.id)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();

  const accounts: { username: string; displayName: string; role: Role; level: ScopeLevel; scopeId: string; scopeName: string; phone?: string; ownerId?: string }[] = [
    { username: 'district', displayName: '区三方办 王建国', role: 'district_office', level: 'district', scopeId: written.districtId, scopeName: plan.district.name },
    { username: 'street', displayName: `${street.name}三方办 李文静`, role: 'street_office', level: 'street', scopeId: written.ids.get(street.id)!, scopeName: street.name },
    { username: 'community', displayName: `${community.name}微治办 陈晓燕`, role: 'community_office', level: 'community', scopeId: written.ids.get(community.id)!, scopeName: community.name },
    { username: 'commissioner', displayName: '周敏', role: 'commissioner', level: 'quarter', scopeId: quarterId.id, scopeName: quarterId.name, phone: '13857100001' },
    { username: 'committee', displayName: '业委会主任 赵国强', role: 'committee', level: 'quarter', scopeId: quarterId.id, scopeName: quarterId.name, phone: '13857100002' },
    { username: 'company', displayName: '物业项目经理 孙立', role: 'company', level: 'quarter', scopeId: quarterId.id, scopeName: quarterId.name, phone: '0571-88001234' },
    { username: 'owner', displayName: owner.name, role: 'owner', level: 'quarter', scopeId: quarterId.id, scopeName: quarterId.name, ownerId: owner.id, phone: owner.phone ?? undefined },
    { username: 'department', displayName: '区住房和城乡建设局', role: 'department', level: 'district', scopeId: written.districtId, scopeName: plan.district.name },
    // More of the quarter's contact network, also able to log in.
    { username: 'party', displayName: '党支部书记 吴红梅', role: 'party_secretary', level: 'quarter', scopeId: quarterId.id, scopeName: quarterId.name, phone: '13857100003' },
    { username: 'grid', displayName: '网格员 郑涛', role: 'grid_worker', level: 'quarter', scopeId: quarterId.id, scopeName: quarterId.name, phone: '13857100004' },
    { username: 'leader', displayName: `${building.name}楼道长 钱桂英`, role: 'building_leader', level: 'building', scopeId: building.id, scopeName: `${quarterId.name} ${building.name}`, phone: '13857100005' },
  ];
  const result: DemoAccount[] = [];
  for (const a of accounts) {
    await insertUser(db, {
      username: a.username,
      displayName: a.displayName,
      role: a.role,
      scopeLevel: a.level,
      scopeId: a.scopeId,
      password: DEMO_PASSWORD,
      phone: a.phone ?? null,
      ownerId: a.ownerId ?? null,
    });
    result.push({ username: a.username, displayName: a.displayName, role: a.role, scopeName: a.scopeName });
  }
  await seedOrganizations(db, written.districtId);
  const votes = await seedVoting(db, hashKey, quarterId.id);
  await seedDeliberation(db, quarterId.id, votes);
  await seedFinance(db, quarterId.id, votes.published);
  await seedCases(db, quarterId.id);
  await seedDisputes(db, quarterId.id);
  return { districtId: written.districtId, quarters: plan.quarterCount, units: written.units, owners: written.owners, accounts: result };
}

export async function listDemoAccounts(db: DB): Promise<DemoAccount[]> {
  const names = ['district', 'street', 'community', 'commissioner', 'committee', 'company', 'owner', 'department', 'party', 'grid', 'leader'];
  const rows = await db.selectFrom('users').select(['username', 'display_name', 'role']).where('username', 'in', names).execute();
  return names
    .map((n) => rows.find((r) => r.username === n))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({ username: r.username, displayName: r.display_name, role: r.role as Role, scopeName: '' }));
}

export async function isEmpty(db: DB): Promise<boolean> {
  const row = await db.selectFrom('districts').select('id').limit(1).executeTakeFirst();
  return !row;
}
