// Demo cases (诉求) of the demo quarter, made through the cases module's own service functions
// with their times set in the past: one in every status, dispatched to the quarter's company
// and committee, to 住房和城乡建设部门 (the demo `department` account, which belongs to it) and to
// other departments, one reopened after an unsatisfied return visit, and one overdue that the
// deadline job sent up to the street; two open hazards; a dispute in public mediation and a major
// one reported to the street; and household waste raised again and again — once in each of the
// two months before this one and three times this month — so that the list page's card of the
// month's recurring problems (未诉先办) has one.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import '../modules/cases/tables';
import { insertCase } from '../modules/cases/cases';
import { applyStep, type StepInput } from '../modules/cases/steps';
import { runCaseDeadlines } from '../modules/cases/deadlines';
import { addMonthsTo, deadlineAfter, HAZARD_LIMITS, shanghaiMonth, shanghaiMonthStart, type CaseParty } from '../../core/cases';
import { quarterPlaceById } from '../modules/registry';

type DB = Kysely<Database>;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface DemoCase {
  category: string;
  description: string;
  location?: string;
  channel: 'public' | 'owner' | 'phone' | 'visit' | 'patrol' | 'reception';
  raiser?: [string, string];
  /** Days ago it was received. */
  ago: number;
  steps: (StepInput & { by: 'commissioner' | 'handler' | 'raiser' })[];
}

const ack = { action: 'acknowledge', by: 'commissioner', note: '已受理' } as const;
const assign = (handler?: { kind: 'company' | 'committee' | 'community' | 'department' | 'street' | 'utility'; department?: string }) => ({ action: 'assign', by: 'commissioner', handler: handler ?? null }) as const;
const start = { action: 'start', by: 'handler' } as const;
const reply = (text: string) => ({ action: 'reply', by: 'handler', text }) as const;
const visit = (rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied', comment?: string) => ({ action: 'visit', by: 'raiser', rating, comment }) as const;

const CASES: DemoCase[] = [
  { category: 'property-service', description: '5幢2单元楼道堆放了很多纸箱和旧家具，影响通行，也有火灾隐患。', location: '5幢2单元', channel: 'public', raiser: ['刘女士', '13957100011'], ago: 0.1, steps: [] },
  { category: 'livelihood', description: '楼上住户每天晚上十一点后还在拖动桌椅，希望社区帮忙协调。', location: '3幢', channel: 'phone', raiser: ['王先生', '13957100012'], ago: 0.5, steps: [ack] },
  { category: 'property-supervision', description: '物业公司连续三个月没有公开公共收益收支情况，业主多次询问无果。', channel: 'owner', raiser: ['陈先生', '13957100013'], ago: 2, steps: [ack, assign()] },
  { category: 'illegal-construction', description: '1幢顶楼住户在屋顶搭建阳光房，已经施工两天。', location: '1幢屋顶', channel: 'patrol', ago: 3, steps: [ack, assign(), start] },
  { category: 'elevator', description: '7幢电梯经常停在两层之间，上周困人一次。', location: '7幢', channel: 'visit', raiser: ['赵阿姨', '13957100014'], ago: 4, steps: [ack, assign(), start, reply('已责令维保单位更换曳引机制动器，并于本周五完成检验，检验合格后恢复运行。')] },
  { category: 'fire-lane', description: '小区东门消防车通道长期停满私家车。', location: '东门', channel: 'public', raiser: ['孙先生', '13957100015'], ago: 3, steps: [ack, assign(), start, reply('已督促物业重新施划消防车通道标线并设置禁停标志。'), visit('unsatisfied', '标线画了，晚上还是停满车，没人管。')] },
  { category: 'property-service', description: '2幢门口路灯坏了一个多星期。', location: '2幢门口', channel: 'owner', raiser: ['李先生', '13957100016'], ago: 12, steps: [ack, assign(), start, reply('已更换路灯灯具。'), visit('satisfied')] },
  { category: 'owners-dispute', description: '楼下住户在公共绿地种菜，邻居之间有争执，希望业委会出面调解。', channel: 'reception', raiser: ['周女士', '13957100017'], ago: 2, steps: [ack, assign(), start] },
  { category: 'zombie-car', description: '地面停车场有一辆无牌面包车停放超过半年，轮胎已经瘪了。', location: '地面停车场西侧', channel: 'patrol', ago: 30, steps: [ack, assign()] },
];

/**
 * Household waste in this month (China Standard Time) three times, and once in each of the two
 * months before: a recurring problem by both rules of core/cases/recurring.ts. This month's are
 * received within the last 20 hours (and not before the 1st), so that none is overdue yet.
 */
function recurringDemo(now: number): DemoCase[] {
  const month = shanghaiMonth(new Date(now));
  const earlier = [2, 1].map((n) => ({
    category: 'garbage',
    description: '垃圾分类投放点满溢，清运不及时，夏天气味很大。',
    location: '北门垃圾投放点',
    channel: 'phone' as const,
    raiser: ['郑先生', '13957100018'] as [string, string],
    ago: (now - (shanghaiMonthStart(addMonthsTo(month, -n)).getTime() + 9 * DAY)) / DAY,
    steps: [ack, assign(), start, reply('已协调清运单位增加清运频次。'), visit('basically_satisfied')],
  }));
  const from = Math.max(shanghaiMonthStart(month).getTime(), now - 20 * HOUR);
  const thisMonth = [0.25, 0.5, 0.75].map((f, i) => ({
    category: 'garbage',
    description: ['北门垃圾投放点又满了，垃圾堆到了路边。', '垃圾桶旁边一直有积水和异味。', '厨余垃圾桶没有盖子，招来很多苍蝇。'][i],
    location: '北门垃圾投放点',
    channel: (['public', 'owner', 'phone'] as const)[i],
    raiser: [['钱女士', '13957100019'], ['吴先生', '13957100020'], ['郑先生', '13957100018']][i] as [string, string],
    ago: (now - (from + f * (now - from))) / DAY,
    steps: [],
  }));
  return [...earlier, ...thisMonth];
}

export async function seedCases(db: DB, quarterId: string): Promise<void> {
  const place = await quarterPlaceById(db, quarterId);
  if (!place) return;
  const department = await db.selectFrom('users').select('id').where('username', '=', 'department').executeTakeFirst();
  if (department) await db.insertInto('case_department_members').values({ user_id: department.id, district_id: place.districtId, department: '住房和城乡建设部门' }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
  const now = Date.now();
  for (const demo of [...CASES, ...recurringDemo(now)]) {
    let at = new Date(now - demo.ago * DAY);
    const row = await db.transaction().execute((tx) =>
      insertCase(
        tx,
        { districtId: place.districtId, streetId: place.streetId!, communityId: place.communityId!, quarterId },
        { quarterId, category: demo.category, description: demo.description, location: demo.location, channel: demo.channel, raiserName: demo.raiser?.[0], raiserPhone: demo.raiser?.[1] },
        { actor: null, office: demo.channel === 'public' || demo.channel === 'owner' ? '诉求人' : '小区专员', ip: null },
        at,
      ),
    );
    let current = row;
    for (const step of demo.steps) {
      at = new Date(at.getTime() + 3 * HOUR);
      const parties: CaseParty[] = [step.by === 'commissioner' ? 'dispatcher' : step.by];
      const office = step.by === 'commissioner' ? '小区专员' : step.by === 'raiser' ? '诉求人' : current.handler_department ?? { company: '物业服务企业', committee: '业主委员会', community: '社区微治办', street: '街道三方办', utility: '专营单位', department: '职能部门' }[current.handler_kind as 'company'];
      const name = step.by === 'commissioner' ? '周敏' : null;
      const { by: _by, ...input } = step;
      void _by;
      await applyStep(db, current, parties, input as StepInput, { actorId: null, office, name }, { actor: null, ip: null }, at);
      current = await db.selectFrom('cases').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    }
  }
  // The 30-day-old case is far past its limit: the deadline job sends it up to the street.
  await runCaseDeadlines(db, new Date(now));

  // Two open hazards of the database (T/ZAS 4006.1—2020 6.2.4.3): one reported, one being handled.
  const base = { district_id: place.districtId, street_id: place.streetId!, community_id: place.communityId!, quarter_id: quarterId };
  for (const h of [
    { class: 'fire', level: 'major', location: '4幢地下车库', description: '电动自行车在车库内集中充电，插线板私拉乱接。', status: 'reported', ago: 2, steps: [['find', 'found', '网格员'], ['dissuade', 'dissuaded', '网格员'], ['report', 'reported', '网格员']] },
    { class: 'structure', level: 'general', location: '6幢外墙', description: '外墙瓷砖空鼓，有脱落危险。', status: 'handling', ago: 6, steps: [['find', 'found', '楼道长'], ['report', 'reported', '楼道长'], ['handle', 'handling', '物业服务企业']] },
  ] as const) {
    const at = new Date(now - h.ago * DAY);
    const row = await db
      .insertInto('hazards')
      .values({ ...base, class: h.class, level: h.level, location: h.location, description: h.description, status: h.status, found_at: at, due_at: deadlineAfter(at, HAZARD_LIMITS[h.level]) })
      .returning('id')
      .executeTakeFirstOrThrow();
    let prev: string | null = null;
    for (const [i, [action, to, office]] of h.steps.entries()) {
      await db.insertInto('hazard_events').values({ hazard_id: row.id, district_id: place.districtId, quarter_id: quarterId, at: new Date(at.getTime() + i * HOUR), action, from_status: prev, to_status: to, actor_office: office }).execute();
      prev = to;
    }
  }

  // A dispute in public mediation (HZ 5.1.4.2: its time and place on the public board) and a
  // major one already reported to the street.
  for (const d of [
    { subject: '楼上卫生间渗水', category: 'neighbour', parties: '2幢101 住户 与 2幢201 住户', description: '201 卫生间渗水到 101 天花板，双方协商未果。', risk: 'medium', status: 'mediating', ago: 3 },
    { subject: '地下车位被长期占用', category: 'parking', parties: '业主 与 物业服务企业', description: '多名业主反映产权车位被外来车辆长期占用，物业未处理，双方冲突升级。', risk: 'major', status: 'registered', ago: 1 },
  ] as const) {
    const at = new Date(now - d.ago * DAY);
    const mediating = d.status === 'mediating';
    const row = await db
      .insertInto('disputes')
      .values({
        ...base,
        subject: d.subject,
        category: d.category,
        parties: d.parties,
        description: d.description,
        risk: d.risk,
        status: d.status,
        registered_at: at,
        reported_up_at: d.risk === 'major' ? at : null,
        ...(mediating ? { mediation_kind: 'public', mediation_at: new Date(now + 2 * DAY), mediation_place: '社区议事厅', mediator_name: '人民调解员 吴律师' } : {}),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('dispute_events').values({ dispute_id: row.id, district_id: place.districtId, quarter_id: quarterId, at, action: 'register', to_status: 'registered', actor_office: '小区专员', actor_name: '周敏' }).execute();
    if (mediating)
      await db.insertInto('dispute_events').values({ dispute_id: row.id, district_id: place.districtId, quarter_id: quarterId, at: new Date(at.getTime() + HOUR), action: 'schedule', from_status: 'registered', to_status: 'mediating', actor_office: '小区专员', actor_name: '周敏', note: '人民调解员 吴律师 · 社区议事厅' }).execute();
  }

  // Emergency plans of three of the five classes of ZAS 6.2.4.1 and a drill eight months ago, so
  // that the two missing classes show as gaps with the clause.
  for (const [planClass, title] of [
    ['accident', '小区安全事故应急预案'],
    ['public-health', '小区公共卫生事件应急预案'],
    ['facility-failure', '供水供电设施故障应急预案'],
  ] as const) {
    await db.insertInto('emergency_plans').values({ ...base, plan_class: planClass, title, contacts: '小区专员 周敏 13857100001；物业项目经理 孙立 0571-88001234', approved_on: '2026-03-01' }).execute();
  }
  const drillDay = new Date(now - 240 * DAY + 8 * HOUR).toISOString().slice(0, 10);
  await db.insertInto('emergency_drills').values({ ...base, plan_class: 'accident', held_on: drillDay, attendance: 63, note: '消防疏散演练' }).execute();

  // The district's other quarters keep a plan of every class and held a drill within the year, so
  // that their checks of ZAS 6.2.4.1 pass and the demo quarter's gaps stand out in the to-do list.
  const others = await db.selectFrom('quarters').select(['id', 'district_id', 'street_id', 'community_id']).where('district_id', '=', place.districtId).where('id', '<>', quarterId).execute();
  const classes = [
    ['accident', '小区安全事故应急预案'],
    ['public-health', '小区公共卫生事件应急预案'],
    ['committee-unable', '业主委员会不能正常履职应急预案'],
    ['company-leaving', '物业服务企业退出应急预案'],
    ['facility-failure', '设施设备故障应急预案'],
  ] as const;
  const planRows = others.flatMap((q) =>
    classes.map(([planClass, title]) => ({ district_id: q.district_id, street_id: q.street_id, community_id: q.community_id, quarter_id: q.id, plan_class: planClass, title, contacts: '社区居委会 值班电话 0571-88000000；物业服务中心 24 小时电话 0571-88009999', approved_on: '2026-02-15' })),
  );
  for (let i = 0; i < planRows.length; i += 500) await db.insertInto('emergency_plans').values(planRows.slice(i, i + 500)).execute();
  const drillRows = others.map((q, i) => ({
    district_id: q.district_id,
    street_id: q.street_id,
    community_id: q.community_id,
    quarter_id: q.id,
    plan_class: i % 2 ? 'public-health' : 'accident',
    held_on: new Date(now - (60 + (i % 120)) * DAY + 8 * HOUR).toISOString().slice(0, 10),
    attendance: 40 + (i % 50),
    note: i % 2 ? '公共卫生事件处置演练' : '消防疏散演练',
  }));
  for (let i = 0; i < drillRows.length; i += 500) await db.insertInto('emergency_drills').values(drillRows.slice(i, i + 500)).execute();
}
