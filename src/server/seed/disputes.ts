// Demo disputes beyond the two of seed/cases.ts: a joint mediation (联合调解, HZ DB3305/T 309—2024
// 5.1.4.2) of the demo quarter with a neighbouring quarter of its street, in another community
// where there is one, so that the other quarter's offices see it; and a mediation that reached a
// signed agreement (调解协议书, 西政办〔2020〕29号 8) waiting for its follow-up visit, so that the
// agreement prints. Written as rows with their times in the past, as the other demo records.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import '../modules/cases/tables';
import { quarterPlaceById } from '../modules/registry';

type DB = Kysely<Database>;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const AGREEMENT = [
  '一、3幢602室业主于本协议签订之日起，装修施工时间限定为工作日8:00—12:00、14:00—18:00，节假日不进行产生噪音的施工。',
  '二、3幢602室业主委托的装修单位于7日内对已造成的502室卫生间顶面渗水处进行修复，费用由602室业主承担。',
  '三、物业服务企业对施工时间进行巡查，发现违反约定的及时劝阻并告知小区专员。',
  '四、双方就此纠纷不再另行主张其他权利。',
].join('\n');

export async function seedDisputes(db: DB, quarterId: string): Promise<void> {
  const place = await quarterPlaceById(db, quarterId);
  if (!place?.streetId) return;
  const now = Date.now();
  const base = { district_id: place.districtId, street_id: place.streetId, community_id: place.communityId!, quarter_id: quarterId };
  const event = (disputeId: string, at: Date, action: string, from: string | null, to: string, office: string, name: string | null, note: string | null = null) =>
    db.insertInto('dispute_events').values({ dispute_id: disputeId, district_id: place.districtId, quarter_id: quarterId, at, action, from_status: from, to_status: to, actor_office: office, actor_name: name, note }).execute();

  // The neighbour: a quarter of the same street, of another community first.
  const neighbour = await db
    .selectFrom('quarters')
    .select(['id', 'name', 'district_id', 'street_id', 'community_id'])
    .where('street_id', '=', place.streetId)
    .where('id', '<>', quarterId)
    .orderBy(sql`community_id = ${place.communityId}`)
    .orderBy('created_at')
    .executeTakeFirst();
  if (neighbour) {
    const at = new Date(now - 4 * DAY);
    const row = await db
      .insertInto('disputes')
      .values({
        ...base,
        subject: '围墙外排水沟堵塞致相邻小区车库进水',
        category: 'property_use',
        parties: `本小区物业服务企业 与 ${neighbour.name}业主委员会`,
        description: `两小区之间的排水沟长期淤堵，雨天积水倒灌${neighbour.name}地下车库，双方对清淤责任各执一词。`,
        risk: 'high',
        status: 'mediating',
        registered_at: at,
        mediation_kind: 'joint',
        mediation_at: new Date(now + 3 * DAY),
        mediation_place: '街道矛盾纠纷调解中心',
        mediator_name: '街道人民调解委员会 何敏',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('dispute_quarters').values({ dispute_id: row.id, district_id: neighbour.district_id, street_id: neighbour.street_id, community_id: neighbour.community_id, quarter_id: neighbour.id }).execute();
    await event(row.id, at, 'register', null, 'registered', '业主委员会', '业委会主任 赵国强');
    await event(row.id, new Date(at.getTime() + 2 * HOUR), 'schedule', 'registered', 'mediating', '业主委员会', '业委会主任 赵国强', `街道人民调解委员会 何敏 · 街道矛盾纠纷调解中心 · 联合调解：${neighbour.name}`);
  }

  // A simple mediation at the door that reached an agreement, signed, to be followed up.
  const at = new Date(now - 20 * DAY);
  const mediatedAt = new Date(at.getTime() + 2 * DAY);
  const row = await db
    .insertInto('disputes')
    .values({
      ...base,
      subject: '装修噪音扰民及卫生间渗水',
      category: 'renovation',
      parties: '3幢502室住户 与 3幢602室业主',
      description: '602室装修期间周末清晨施工，噪音扰民；施工中破坏防水层，502室卫生间顶面渗水。双方多次争吵。',
      risk: 'medium',
      status: 'agreed',
      registered_at: at,
      mediation_kind: 'simple',
      mediation_at: mediatedAt,
      mediation_place: '3幢502室',
      mediator_name: '人民调解员 吴律师',
      agreement: AGREEMENT,
      updated_at: new Date(mediatedAt.getTime() + 2 * HOUR),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await event(row.id, at, 'register', null, 'registered', '小区专员', '周敏');
  await event(row.id, new Date(at.getTime() + 3 * HOUR), 'schedule', 'registered', 'mediating', '小区专员', '周敏', '人民调解员 吴律师 · 3幢502室');
  await event(row.id, new Date(mediatedAt.getTime() + 2 * HOUR), 'agree', 'mediating', 'agreed', '调解员', '人民调解员 吴律师', AGREEMENT);
}
