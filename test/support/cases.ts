// The cases of the access matrix's world (issue 12): in each quarter a case dispatched to the
// department 住房和城乡建设部门 with a photo (quarter 1's raised by its owner's account), and
// per request a fresh case in the status the step needs, so that every caller meets the same
// state; tokens for the public raise; the request of every cases route.
import crypto from 'node:crypto';
import { insertUser } from '../../src/server/modules/users/service';
import { keyedHash } from '../../src/server/platform/keys';
import { PASSWORD, type TestApp } from './app';
import { PNG } from './voting';

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; body?: unknown; file?: { name: string; content: Buffer } };
interface X {
  world: { t: TestApp; cases: CaseWorld };
  q: { quarter: string };
  d: { district: string };
  outside: boolean;
}

export interface CaseWorld {
  /** Per quarter id: its case, the case's photo and tracking code. */
  byQuarter: Record<string, { id: string; photo: string; trackingCode: string; districtId: string; hazard: string; dispute: string }>;
  /** Per district id: an account of the department role. */
  departmentAccount: Record<string, string>;
  /** The owner's account of quarter 1 (the raiser of its cases). */
  ownerUser: string;
}

let seq = 0;
const trackingCode = () => {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 12 }, () => alphabet[crypto.randomInt(0, alphabet.length)]).join('');
};

async function insertCase(t: TestApp, quarterId: string, status: string, raisedBy: string | null) {
  const q = await t.db.kysely.selectFrom('quarters').select(['district_id', 'street_id', 'community_id']).where('id', '=', quarterId).executeTakeFirstOrThrow();
  const now = Date.now();
  const row = await t.db.kysely
    .insertInto('cases')
    .values({
      district_id: q.district_id,
      street_id: q.street_id,
      community_id: q.community_id,
      quarter_id: quarterId,
      tracking_code: trackingCode(),
      category: 'property-supervision',
      category_name: '物业服务企业监管',
      citation: '湘建房〔2021〕231号 附件 序号1',
      description: '物业不履行合同',
      channel: 'owner',
      status,
      handler_kind: 'department',
      handler_department: '住房和城乡建设部门',
      raised_by: raisedBy,
      raiser_phone: '13900000000',
      acknowledge_due_at: new Date(now + 86_400_000),
      resolve_due_at: new Date(now + 7 * 86_400_000),
    })
    .returning(['id', 'tracking_code', 'district_id'])
    .executeTakeFirstOrThrow();
  return row;
}

async function insertHazard(t: TestApp, quarterId: string, status: string) {
  const q = await t.db.kysely.selectFrom('quarters').select(['district_id', 'street_id', 'community_id']).where('id', '=', quarterId).executeTakeFirstOrThrow();
  const row = await t.db.kysely
    .insertInto('hazards')
    .values({ ...q, quarter_id: quarterId, class: 'fire', level: 'major', location: '地下车库', description: '电动车在楼道充电', status, due_at: new Date(Date.now() + 7 * 86_400_000) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertDispute(t: TestApp, quarterId: string, status: string) {
  const q = await t.db.kysely.selectFrom('quarters').select(['district_id', 'street_id', 'community_id']).where('id', '=', quarterId).executeTakeFirstOrThrow();
  const row = await t.db.kysely
    .insertInto('disputes')
    .values({ ...q, quarter_id: quarterId, subject: '楼上漏水', parties: '101 与 201', description: '楼上漏水到楼下', risk: 'medium', status })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function freshDispute(x: X, status: string): Promise<string> {
  if (x.outside) return x.world.cases.byQuarter[x.q.quarter].dispute;
  return insertDispute(x.world.t, x.q.quarter, status);
}

/** A hazard of its own in the status the step needs, or the outside quarter's hazard. */
async function freshHazard(x: X, status: string): Promise<string> {
  if (x.outside) return x.world.cases.byQuarter[x.q.quarter].hazard;
  return insertHazard(x.world.t, x.q.quarter, status);
}

/** An emergency plan of the quarter (T/ZAS 4006.1—2020 6.2.4.1), for a change to it. */
async function insertPlan(t: TestApp, quarterId: string) {
  const q = await t.db.kysely.selectFrom('quarters').select(['district_id', 'street_id', 'community_id']).where('id', '=', quarterId).executeTakeFirstOrThrow();
  const row = await t.db.kysely
    .insertInto('emergency_plans')
    .values({ ...q, quarter_id: quarterId, plan_class: 'accident', title: '安全事故应急预案', contacts: '小区专员 13800000000', approved_on: '2026-01-10' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function buildCaseWorld(t: TestApp): Promise<CaseWorld> {
  const k = t.db.kysely;
  const users = await k.selectFrom('users').select(['id', 'username']).where('username', 'in', ['department', 'owner']).execute();
  const department = users.find((u) => u.username === 'department')!.id;
  const ownerUser = users.find((u) => u.username === 'owner')!.id;
  await k.insertInto('case_department_members').values({ user_id: department, district_id: t.fx.districtA, department: '住房和城乡建设部门' }).execute();
  const other = await insertUser(k, { username: 'departmentB', displayName: '乙区住建局', role: 'department', scopeLevel: 'district', scopeId: t.fx.districtB, password: PASSWORD, ownerId: null, phone: null });
  const byQuarter: CaseWorld['byQuarter'] = {};
  for (const q of [t.fx.q1, t.fx.q2, t.fx.qb]) {
    const row = await insertCase(t, q, 'assigned', q === t.fx.q1 ? ownerUser : null);
    const photo = await k
      .insertInto('case_photos')
      .values({ case_id: row.id, district_id: row.district_id, quarter_id: q, content_type: 'image/png', size_bytes: PNG.length, sha256: 'x', content: PNG })
      .returning('id')
      .executeTakeFirstOrThrow();
    byQuarter[q] = { id: row.id, photo: photo.id, trackingCode: row.tracking_code, districtId: row.district_id, hazard: await insertHazard(t, q, 'found'), dispute: await insertDispute(t, q, 'registered') };
  }
  return { byQuarter, departmentAccount: { [t.fx.districtA]: department, [t.fx.districtB]: other.id }, ownerUser };
}

/** A case of its own in the status the step needs (inside the caller's place), or the outside quarter's case. */
async function fresh(x: X, status: string): Promise<string> {
  if (x.outside) return x.world.cases.byQuarter[x.q.quarter].id;
  return (await insertCase(x.world.t, x.q.quarter, status, x.world.cases.ownerUser)).id;
}

/** A token as a proved phone earns it, for one public raise. */
async function raiseToken(x: X, phone: string) {
  const token = crypto.randomBytes(32).toString('base64url');
  const q = x.world.cases.byQuarter[x.q.quarter];
  await x.world.t.db.kysely
    .insertInto('case_phone_codes')
    .values({
      district_id: q.districtId,
      quarter_id: x.q.quarter,
      phone_hash: keyedHash(x.world.t.hashKey, `case-phone:${phone}`),
      code_hash: 'x',
      ip: '10.0.0.1',
      created_at: new Date(),
      expires_at: new Date(),
      used_at: new Date(),
      token_hash: crypto.createHash('sha256').update(token).digest('hex'),
      token_expires_at: new Date(Date.now() + 600_000),
    })
    .execute();
  return token;
}

/** A district's records lie outside only in the other district. */
const districtOf = (x: X) => (x.outside ? x.world.t.fx.districtB : x.d.district);

export const caseRequests: Record<string, (x: X) => Req | Promise<Req>> = {
  'GET /api/cases/categories': () => ({ method: 'GET', url: '/api/cases/categories' }),
  'PATCH /api/cases/categories/{code}': (x) => ({ method: 'PATCH', url: '/api/cases/categories/garbage', body: { districtId: districtOf(x), handler: { kind: 'company' } } }),
  'GET /api/cases/department-accounts': () => ({ method: 'GET', url: '/api/cases/department-accounts' }),
  'PATCH /api/cases/department-accounts/{userId}': (x) => ({ method: 'PATCH', url: `/api/cases/department-accounts/${x.world.cases.departmentAccount[districtOf(x)]}`, body: { department: '住房和城乡建设部门' } }),
  'GET /api/cases': () => ({ method: 'GET', url: '/api/cases' }),
  'GET /api/cases/rates': () => ({ method: 'GET', url: '/api/cases/rates?by=category' }),
  'POST /api/cases': (x) => ({ method: 'POST', url: '/api/cases', body: { quarterId: x.q.quarter, category: 'property-service', description: '电梯厅灯坏了', channel: 'phone' } }),
  'GET /api/cases/{id}': (x) => ({ method: 'GET', url: `/api/cases/${x.world.cases.byQuarter[x.q.quarter].id}` }),
  'POST /api/cases/{id}/photos': async (x) => ({ method: 'POST', url: `/api/cases/${await fresh(x, 'received')}/photos`, file: { name: 'a.png', content: PNG } }),
  'GET /api/cases/{id}/photos/{photoId}': (x) => {
    const c = x.world.cases.byQuarter[x.q.quarter];
    return { method: 'GET', url: `/api/cases/${c.id}/photos/${c.photo}` };
  },
  'POST /api/cases/{id}/acknowledge': async (x) => ({ method: 'POST', url: `/api/cases/${await fresh(x, 'received')}/acknowledge`, body: {} }),
  'POST /api/cases/{id}/assign': async (x) => ({ method: 'POST', url: `/api/cases/${await fresh(x, 'acknowledged')}/assign`, body: {} }),
  'POST /api/cases/{id}/start': async (x) => ({ method: 'POST', url: `/api/cases/${await fresh(x, 'assigned')}/start`, body: {} }),
  'POST /api/cases/{id}/reply': async (x) => ({ method: 'POST', url: `/api/cases/${await fresh(x, 'in_progress')}/reply`, body: { text: '已约谈物业' } }),
  'POST /api/cases/{id}/visit': async (x) => ({ method: 'POST', url: `/api/cases/${await fresh(x, 'replied')}/visit`, body: { rating: 'satisfied' } }),

  'GET /api/hazards': () => ({ method: 'GET', url: '/api/hazards' }),
  'POST /api/hazards': (x) => ({ method: 'POST', url: '/api/hazards', body: { quarterId: x.q.quarter, class: 'fire', level: 'general', location: '1幢楼道', description: '楼道堆放杂物' } }),
  'GET /api/hazards/{id}': (x) => ({ method: 'GET', url: `/api/hazards/${x.world.cases.byQuarter[x.q.quarter].hazard}` }),
  'POST /api/hazards/{id}/dissuade': async (x) => ({ method: 'POST', url: `/api/hazards/${await freshHazard(x, 'found')}/dissuade`, body: {} }),
  'POST /api/hazards/{id}/report': async (x) => ({ method: 'POST', url: `/api/hazards/${await freshHazard(x, 'found')}/report`, body: {} }),
  'POST /api/hazards/{id}/handle': async (x) => ({ method: 'POST', url: `/api/hazards/${await freshHazard(x, 'reported')}/handle`, body: { note: '已清理' } }),
  'POST /api/hazards/{id}/verify': async (x) => ({ method: 'POST', url: `/api/hazards/${await freshHazard(x, 'handling')}/verify`, body: { passed: true } }),

  'GET /api/patrols/items': () => ({ method: 'GET', url: '/api/patrols/items' }),
  'GET /api/patrols': () => ({ method: 'GET', url: '/api/patrols' }),
  'POST /api/patrols': (x) => ({
    method: 'POST',
    url: '/api/patrols',
    body: { quarterId: x.q.quarter, items: [{ code: 'corridor', ok: false }], findings: [{ item: 'corridor', description: '楼道堆放纸箱', location: '1幢2单元' }] },
  }),
  'GET /api/quarters/{id}/emergency': (x) => ({ method: 'GET', url: `/api/quarters/${x.q.quarter}/emergency` }),
  'POST /api/quarters/{id}/emergency-plans': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/emergency-plans`, body: { planClass: 'accident', title: '安全事故应急预案', contacts: '小区专员 13800000000', approvedOn: '2026-01-10' } }),
  'PATCH /api/emergency-plans/{id}': async (x) => ({ method: 'PATCH', url: `/api/emergency-plans/${await insertPlan(x.world.t, x.q.quarter)}`, body: { contacts: '小区专员 13900000000' } }),
  'POST /api/hazards/{id}/photos': async (x) => ({ method: 'POST', url: `/api/hazards/${await freshHazard(x, 'found')}/photos`, file: { name: 'a.png', content: PNG } }),
  'GET /api/hazards/{id}/photos/{photoId}': async (x) => {
    const hazard = x.world.cases.byQuarter[x.q.quarter].hazard;
    const q = await x.world.t.db.kysely.selectFrom('hazards').select(['district_id', 'quarter_id']).where('id', '=', hazard).executeTakeFirstOrThrow();
    const photo = await x.world.t.db.kysely
      .insertInto('hazard_photos')
      .values({ hazard_id: hazard, ...q, content_type: 'image/png', size_bytes: PNG.length, sha256: 'x', content: PNG })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { method: 'GET', url: `/api/hazards/${hazard}/photos/${photo.id}` };
  },
  'GET /api/holidays': () => ({ method: 'GET', url: '/api/holidays?year=2026' }),
  'POST /api/holidays': () => ({ method: 'POST', url: '/api/holidays', body: { day: '2031-01-01', kind: 'holiday', name: '元旦' } }),
  'DELETE /api/holidays': async (x) => {
    // A day of its own on the calendar, so that each caller's request finds one to remove.
    const day = `2032-01-${String((++seq % 28) + 1).padStart(2, '0')}`;
    await x.world.t.db.kysely.insertInto('public_calendar_days').values({ day, kind: 'holiday', name: '测试' }).onConflict((oc) => oc.column('day').doNothing()).execute();
    return { method: 'DELETE', url: `/api/holidays?day=${day}` };
  },
  'POST /api/quarters/{id}/emergency-drills': (x) => ({ method: 'POST', url: `/api/quarters/${x.q.quarter}/emergency-drills`, body: { heldOn: '2026-03-01', attendance: 40, planClass: 'accident' } }),
  'GET /api/disputes': () => ({ method: 'GET', url: '/api/disputes' }),
  'POST /api/disputes': (x) => ({ method: 'POST', url: '/api/disputes', body: { quarterId: x.q.quarter, subject: '噪音', parties: '301 与 401', description: '深夜噪音', risk: 'low' } }),
  'GET /api/disputes/{id}': (x) => ({ method: 'GET', url: `/api/disputes/${x.world.cases.byQuarter[x.q.quarter].dispute}` }),
  'POST /api/disputes/{id}/schedule': async (x) => ({ method: 'POST', url: `/api/disputes/${await freshDispute(x, 'registered')}/schedule`, body: { kind: 'simple', mediatorName: '调解员' } }),
  'POST /api/disputes/{id}/agree': async (x) => ({ method: 'POST', url: `/api/disputes/${await freshDispute(x, 'mediating')}/agree`, body: { agreement: '双方同意维修' } }),
  'POST /api/disputes/{id}/fail': async (x) => ({ method: 'POST', url: `/api/disputes/${await freshDispute(x, 'mediating')}/fail`, body: { note: '未达成一致' } }),
  'POST /api/disputes/{id}/follow-up': async (x) => ({ method: 'POST', url: `/api/disputes/${await freshDispute(x, 'agreed')}/follow-up`, body: { note: '已维修完毕' } }),
  'GET /api/public/quarters/{id}/mediations': (x) => ({ method: 'GET', url: `/api/public/quarters/${x.q.quarter}/mediations` }),
  'GET /api/disputes/analysis': (x) => ({ method: 'GET', url: `/api/disputes/analysis?quarterId=${x.q.quarter}&month=2026-11` }),
  'GET /api/disputes/{id}/joint-candidates': (x) => ({ method: 'GET', url: `/api/disputes/${x.world.cases.byQuarter[x.q.quarter].dispute}/joint-candidates` }),

  'GET /api/public/quarters/{id}/case-categories': (x) => ({ method: 'GET', url: `/api/public/quarters/${x.q.quarter}/case-categories` }),
  'POST /api/public/quarters/{id}/cases/phone-code': (x) => ({ method: 'POST', url: `/api/public/quarters/${x.q.quarter}/cases/phone-code`, body: { phone: `1380000${String(++seq).padStart(4, '0')}` } }),
  'POST /api/public/quarters/{id}/cases/phone-code/confirm': (x) => ({ method: 'POST', url: `/api/public/quarters/${x.q.quarter}/cases/phone-code/confirm`, body: { challengeId: '00000000-0000-4000-8000-000000000000', code: '123456' } }),
  'POST /api/public/quarters/{id}/cases': async (x) => ({
    method: 'POST',
    url: `/api/public/quarters/${x.q.quarter}/cases`,
    body: { raiseToken: await raiseToken(x, '13712345678'), phone: '13712345678', category: 'garbage', description: '垃圾没有清运' },
  }),
  'GET /api/public/cases/{trackingCode}': (x) => ({ method: 'GET', url: `/api/public/cases/${x.world.cases.byQuarter[x.q.quarter].trackingCode}` }),
  'POST /api/public/cases/{trackingCode}/photos': (x) => ({ method: 'POST', url: `/api/public/cases/${x.world.cases.byQuarter[x.q.quarter].trackingCode}/photos`, file: { name: 'a.png', content: PNG } }),
  'POST /api/public/cases/{trackingCode}/visit': (x) => ({ method: 'POST', url: `/api/public/cases/${x.world.cases.byQuarter[x.q.quarter].trackingCode}/visit`, body: { rating: 'satisfied' } }),
};
