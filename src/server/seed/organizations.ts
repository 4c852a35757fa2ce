// Demo organisations (组织建设, T/ZAS 4006.1—2020 5) for the demo district: the tripartite offices of the
// district, of 清溪街道 and of 清溪社区 with members; a trained commissioner for every quarter
// except one (so that a failing ZAS 5.3.1 check shows); the party organisation, an active
// owners' committee (term ending within 90 days, so that the re-election reminder shows), its
// committee branch, training, appraisal, a supervisory committee, grids, building leaders,
// volunteers and reserve candidates for 清溪新村, whose quarter-level accounts exist; property
// companies with contracts. 梧桐花园 and the other quarters have no committee, so that one can be
// formed through vetting. Written once, in one transaction, on the freshly seeded district.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import '../modules/organizations/tables';
import { buildingsOfQuarter, personOwnersWithUnits } from '../modules/registry';
import { addDays, daysBetween, shanghaiDate, type IsoDate } from '../../core/dates';
import { DEMO_REFERENCE_DATE } from './demo-types';

type DB = Kysely<Database>;

/**
 * The dates that must stay ahead of the day the demo is seeded, moved by as many days as that day
 * is past the demo's reference date (2026-11-23): the contracts' end (38 days after it) and the
 * committees' term end (53 days, inside the 90-day re-election reminder). Without the move a demo
 * seeded in 2027 would show no company under contract and a committee past its term.
 */
export function demoDateAhead(date: IsoDate, seededOn: IsoDate = shanghaiDate()): IsoDate {
  return addDays(date, Math.max(0, daysBetween(DEMO_REFERENCE_DATE, seededOn)));
}

export async function seedOrganizations(db: DB, districtId: string): Promise<void> {
  const contractsEnd = demoDateAhead('2026-12-31');
  const termEnd = demoDateAhead('2027-01-15');
  await db.transaction().execute(async (tx) => {
    const quarters = await tx.selectFrom('quarters').select(['id', 'name', 'street_id', 'community_id']).where('district_id', '=', districtId).orderBy('name').execute();
    const qx = quarters.find((q) => q.name === '清溪新村');
    if (!qx) return;
    const ins = async <T extends keyof Database & string>(table: T, values: Record<string, unknown>) =>
      (await tx.insertInto(table).values(values as never).returning(sql<string>`id`.as('id')).executeTakeFirstOrThrow()) as { id: string };

    // Offices (ZAS 5.2.1: 组织、城建、民政、综治、城管、公安 …).
    const offices: [string, 'district' | 'street' | 'community', string | null, string | null, [string, string, string][]][] = [
      ['区城市住宅小区三方协同治理工作办公室', 'district', null, null, [['王建国', '主任', '区委组织部'], ['刘海波', '副主任', '区住建局'], ['何丽', '成员', '区民政局']]],
      ['清溪街道三方办', 'street', qx.street_id, null, [['李文静', '主任', '街道党工委'], ['张强', '成员', '街道城管中队']]],
      ['清溪社区微治办', 'community', qx.street_id, qx.community_id, [['陈晓燕', '主任', '社区党委'], ['周敏', '成员', '社区社工']]],
    ];
    for (const [name, level, streetId, communityId, members] of offices) {
      const o = await ins('tripartite_offices', { district_id: districtId, level, street_id: streetId, community_id: communityId, name, established_on: '2021-03-01' });
      for (const [m, position, department] of members) await ins('office_members', { district_id: districtId, office_id: o.id, name: m, position, department });
    }

    // Commissioners: every quarter but the last one by name, trained before starting (ZAS 5.3.1).
    const names = ['周敏', '郭婷', '沈佳', '蒋丽', '韩雪', '朱琳', '许静'];
    for (const [i, q] of quarters.entries()) {
      if (i === quarters.length - 1) break;
      await ins('commissioners', {
        district_id: districtId,
        quarter_id: q.id,
        name: q.id === qx.id ? '周敏' : names[(i % (names.length - 1)) + 1],
        phone: q.id === qx.id ? '13857100001' : `138571001${String(10 + i).padStart(2, '0')}`,
        is_party_member: true,
        trained_on: '2024-02-20',
        started_on: '2024-03-01',
      });
    }

    // Companies and contracts (ZAS 5.5.2: one per area), fee in fen per m² per month.
    const lvcheng = await ins('property_companies', { district_id: districtId, name: '绿城物业服务集团有限公司', credit_code: '91330000142924305G', phone: '0571-88001234', party_member_count: 5, full_party_member_count: 4 });
    const qingxi = await ins('property_companies', { district_id: districtId, name: '清溪物业管理有限公司', credit_code: '91330106MA27XQ0B1K', phone: '0571-88005678', party_member_count: 1 });
    await ins('party_organizations', { district_id: districtId, kind: 'company', property_company_id: lvcheng.id, name: '绿城物业党支部', secretary_name: '孙立', member_count: 5, established_on: '2019-07-01' });
    for (const [i, q] of quarters.entries()) {
      await ins('service_contracts', {
        district_id: districtId,
        quarter_id: q.id,
        property_company_id: i % 2 === 0 ? lvcheng.id : qingxi.id,
        selection_method: q.id === qx.id ? 'assembly-vote' : i % 2 === 0 ? 'tender' : 'direct',
        starts_on: '2024-01-01',
        ends_on: contractsEnd,
        fee_standard_fen: q.id === qx.id ? 95 : 150 + 10 * i,
        service_standard: q.id === qx.id ? '浙江省住宅物业服务标准 三级' : '浙江省住宅物业服务标准 二级',
        signed_on: '2023-12-20',
      });
    }

    // 清溪新村: the party organisation, a committee of 7 (4 party members) in office since
    // 2024-01-15 for 3 years, its branch, training this year, an appraisal.
    const party = await ins('party_organizations', { district_id: districtId, quarter_id: qx.id, kind: 'quarter', name: '清溪新村党支部', secretary_name: '吴红梅', secretary_phone: '13857100003', member_count: 23, established_on: '2018-05-10' });
    const owners = await personOwnersWithUnits(tx, qx.id, 12);
    const committee = await ins('owners_committees', { district_id: districtId, quarter_id: qx.id, term_number: 3, term_start: '2024-01-15', term_end: termEnd, status: 'active', elected_on: '2024-01-10' });
    const memberIds: string[] = [];
    for (const [i, o] of owners.slice(0, 7).entries()) {
      const m = await ins('committee_members', {
        district_id: districtId,
        quarter_id: qx.id,
        committee_id: committee.id,
        owner_id: o.id,
        name: o.name,
        position: i === 0 ? 'chair' : i === 1 ? 'vice-chair' : 'member',
        is_party_member: i < 4,
        joined_on: '2024-01-15',
        commitments_signed_on: '2024-01-15',
      });
      memberIds.push(m.id);
    }
    await ins('party_organizations', { district_id: districtId, quarter_id: qx.id, kind: 'committee', owners_committee_id: committee.id, name: '清溪新村业委会党小组', form: 'attached', secretary_name: owners[0]?.name ?? '', member_count: 4, established_on: '2024-03-01' });
    for (const year of ['2024', '2025', '2026']) {
      const training = await ins('committee_trainings', { district_id: districtId, quarter_id: qx.id, committee_id: committee.id, held_on: `${year}-04-18`, topic: '业委会成员履职能力培训', organizer: '清溪街道三方办' });
      for (const m of memberIds) await tx.insertInto('committee_training_attendees').values({ training_id: training.id, member_id: m, district_id: districtId, quarter_id: qx.id }).execute();
    }
    for (const year of ['2024', '2025']) {
      await ins('committee_appraisals', {
        district_id: districtId,
        quarter_id: qx.id,
        committee_id: committee.id,
        appraised_on: `${year}-12-20`,
        period_label: `${year}年度`,
        led_by: '清溪社区党委',
        results: JSON.stringify(memberIds.map((memberId, i) => ({ memberId, rating: i === 6 ? 'basically-competent' : 'competent' }))),
        published_on: `${year}-12-28`,
      });
    }
    // Supervisory committee (HZ 3.2) of three owners not on the committee.
    const sup = await ins('supervisory_committees', { district_id: districtId, quarter_id: qx.id, term_start: '2024-01-15', term_end: termEnd, status: 'active', elected_on: '2024-01-10' });
    for (const [i, o] of owners.slice(7, 10).entries()) {
      await ins('supervisory_committee_members', { district_id: districtId, quarter_id: qx.id, supervisory_committee_id: sup.id, owner_id: o.id, name: o.name, position: i === 0 ? 'chair' : 'member', is_party_member: i === 0, joined_on: '2024-01-15' });
    }
    // Reserve candidates (BG 二（二）6) with skills, recommended by the party organisation.
    for (const [i, o] of owners.slice(10, 12).entries()) {
      await ins('candidates', {
        district_id: districtId,
        quarter_id: qx.id,
        owner_id: o.id,
        name: o.name,
        recommended_by: 'party-organization',
        party_organization_id: party.id,
        recommended_on: '2026-09-01',
        skills: JSON.stringify(i === 0 ? ['finance'] : ['law', 'engineering']),
        is_party_member: i === 0,
        in_reserve_pool: true,
      });
    }
    // Grids, building leaders, a social organisation, volunteers (HZ 3.4, A.5–A.6).
    await ins('grids', { district_id: districtId, quarter_id: qx.id, name: '清溪新村第一网格', leader_name: '郑涛', leader_phone: '13857100004' });
    const buildings = await buildingsOfQuarter(tx, qx.id);
    const leaders = ['钱桂英', '孙美华', '冯建平'];
    for (const [i, b] of buildings.slice(0, 3).entries()) {
      await ins('building_leaders', { district_id: districtId, quarter_id: qx.id, building_id: b.id, name: leaders[i], phone: `1385710000${5 + i}`, started_on: '2023-05-01' });
    }
    await ins('social_organizations', { district_id: districtId, quarter_id: qx.id, name: '清溪邻里互助会', kind: '互助类', contact_name: '何秀英', contact_phone: '13857100020' });
    for (const [name, team] of [
      ['林志强', '平安巡逻队'],
      ['黄美玲', '文明劝导队'],
      ['陆建华', '平安巡逻队'],
    ]) {
      await ins('volunteers', { district_id: districtId, quarter_id: qx.id, name, team, joined_on: '2023-06-01' });
    }
  });
}
