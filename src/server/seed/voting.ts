// Demo votes of the demo quarter, made through the voting module's own service functions with
// a clock set by the seed: one owners' assembly vote that ran last month, closed, went through
// its objection period and was published (a few hundred ballots, online, on paper and by
// proxy), and one vote open now that the demo `owner` account can take part in.
import zlib from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { permissionsOf, type Actor, type Role, type ScopeLevel } from '../platform/access';
import { setVotingClock } from '../modules/voting/clock';
import { castOnline, enterPaperBallot, enterProxyBallot } from '../modules/voting/ballots';
import { confirmVoterCode, verifyVoter } from '../modules/voting/verification';
import type { SmsSetting } from '../modules/notifications';
import { uploadScan } from '../modules/voting/scans';
import { answerObjection, closeVote, createVote, fileObjection, openVote, publishVote } from '../modules/voting/lifecycle';
import { generateQuarterBatch, planDemo } from './generate';
import { keyedHash } from '../platform/keys';

type DB = Kysely<Database>;

/** A one-pixel PNG standing in for the scan of a signed paper ballot. */
const DEMO_SCAN = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b4944415478da63f80f040009fb03fd68fa1ccc0000000049454e44ae426082',
  'hex',
);

/** The demo PNG with a text chunk before IEND, so that each scan is a whole, different file. */
function demoScan(label: string): Buffer {
  const data = Buffer.from(`Comment\0${label}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(zlib.crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return Buffer.concat([DEMO_SCAN.subarray(0, DEMO_SCAN.length - 12), chunk, DEMO_SCAN.subarray(DEMO_SCAN.length - 12)]);
}

async function actorOf(db: DB, username: string): Promise<Actor> {
  const u = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const role = u.role as Role;
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role,
    locale: u.locale,
    scope: { level: u.scope_level as ScopeLevel, id: u.scope_id },
    path: { districtId: u.district_id, streetId: u.street_id, communityId: u.community_id, quarterId: u.quarter_id, buildingId: u.building_id },
    ownerId: u.owner_id,
    permissions: permissionsOf(role),
  };
}

/** The quarter's units with the certificate and ID numbers the generator gave them (they are stored only as keyed hashes). */
async function credentialsOf(db: DB, quarterId: string) {
  const quarter = await db.selectFrom('quarters').select('name').where('id', '=', quarterId).executeTakeFirstOrThrow();
  const plan = planDemo();
  for (let i = 0; i < plan.quarterCount; i++) {
    const batch = generateQuarterBatch(plan, i);
    if (batch.quarter.name !== quarter.name) continue;
    const buildingName = new Map(batch.buildings.map((b) => [b.id, b.name]));
    const owner = new Map(batch.owners.map((o) => [o.id, o]));
    const firstOwner = new Map<string, string>();
    for (const link of batch.unitOwners) if (!firstOwner.has(link.unitId)) firstOwner.set(link.unitId, link.ownerId);
    const rows = await db
      .selectFrom('units as u')
      .innerJoin('buildings as b', 'b.id', 'u.building_id')
      .select(['u.id', 'u.number', 'b.name'])
      .where('u.quarter_id', '=', quarterId)
      .execute();
    const unitId = new Map(rows.map((r) => [`${r.name}|${r.number}`, r.id]));
    return batch.units
      .map((u) => ({
        unitId: unitId.get(`${buildingName.get(u.buildingId)}|${u.number}`) ?? null,
        certificateNo: u.certificateNo,
        idNumber: owner.get(firstOwner.get(u.id) ?? '')?.idNumber ?? null,
      }))
      .filter((c): c is { unitId: string; certificateNo: string | null; idNumber: string | null } => c.unitId !== null);
  }
  return [];
}

/**
 * An owner of the demo history verifying as on the page: the two numbers, then the one-time code,
 * read here from the message instead of a phone. Null for an owner without a mobile number.
 */
async function onlineVoterToken(db: DB, hashKey: Buffer, voteId: string, numbers: { idNumber: string; certificateNo: string }, i: number): Promise<string | 'voted' | null> {
  let code = '';
  const sms: SmsSetting = { kind: 'log', channel: async (m) => void (code = /\d{6}/.exec(m.body)?.[0] ?? '') };
  try {
    // One address per demo owner, as owners vote from their own phones.
    const v = await verifyVoter(db, hashKey, sms, voteId, numbers, `seed:${i}`);
    if (v.step === 'voted') return 'voted';
    const t = await confirmVoterCode(db, hashKey, voteId, { challengeId: v.challengeId, code }, null, null);
    return t.step === 'voted' ? 'voted' : t.voterToken;
  } catch (err) {
    if ((err as { code?: string }).code === 'VOTER_NO_PHONE') return null;
    throw err;
  }
}

function isoAt(date: Date): string {
  return date.toISOString();
}

/**
 * Writes the demo votes of `quarterId`. `today` is the seed's real time: the published vote
 * ran from 45 to 31 days before it, the open one runs from yesterday for 30 days.
 */
export async function seedVoting(db: DB, hashKey: Buffer, quarterId: string, today = new Date()): Promise<{ published: string; open: string; ballots: number }> {
  const committee = { actor: await actorOf(db, 'committee'), ip: null };
  const commissioner = { actor: await actorOf(db, 'commissioner'), ip: null };
  const day = 86_400_000;
  const start = new Date(Math.floor((today.getTime() - 45 * day) / day) * day); // a UTC midnight, 08:00 in China
  let clock = new Date(start.getTime() - day);
  setVotingClock(() => clock);
  try {
    const credentials = await credentialsOf(db, quarterId);
    const { id: published } = await createVote(db, committee, {
      quarterId,
      title: `${start.getUTCFullYear()}年第一次业主大会`,
      rule: 'civil-code-278',
      opensAt: isoAt(start),
      closesAt: isoAt(new Date(start.getTime() + 14 * day)),
      items: [
        { title: '续聘现物业服务企业，服务期三年', article278Item: 4 },
        { title: '修改《管理规约》第十二条（电动车停放）', article278Item: 2 },
        { title: '使用专项维修资金更换2幢、3幢电梯', article278Item: 5 },
        { title: '利用小区东门共有场地设置快递柜并收取场地费', article278Item: 8 },
      ],
    });
    await openVote(db, committee, hashKey, published);
    // Most owners take part, so that the two-thirds quorum (民法典 第278条 第2款) is met.
    const choices = ['yes', 'yes', 'yes', 'no', 'yes', 'abstain', 'yes', 'no'] as const;
    let ballots = 0;
    for (let i = 0; i < credentials.length; i++) {
      const c = credentials[i];
      if (i % 10 === 9) continue; // about one in ten stays away
      clock = new Date(start.getTime() + ((i * 7919) % (13 * day)) + 3_600_000);
      const pick = (k: number) => choices[(i * 3 + k * 5) % choices.length];
      const body = { '1': pick(0), '2': pick(1), '3': pick(2), '4': i % 5 === 0 ? 'no' : pick(3) };
      try {
        const online = c.idNumber && c.certificateNo && i % 4 !== 3;
        const token = online ? await onlineVoterToken(db, hashKey, published, { idNumber: c.idNumber!, certificateNo: c.certificateNo! }, i) : null;
        if (token === 'voted') continue;
        if (token) {
          await castOnline(db, published, { voterToken: token, choices: body }, null, null);
        } else if (i % 8 === 3 || online) {
          // Owners without a mobile number on record vote on paper.
          const scan = await uploadScan(db, commissioner, published, { name: `纸质选票-${i + 1}.png`, content: demoScan(String(i)) });
          await enterPaperBallot(db, commissioner, published, { unitId: c.unitId, choices: body, scanId: scan.id });
        } else {
          await enterProxyBallot(db, commissioner, published, { unitId: c.unitId, choices: body, proxyHolder: '业主书面委托的家属' });
        }
        ballots++;
      } catch (err) {
        // A member with several units (or the developer) casts once; the later units are refused.
        if ((err as { code?: string }).code !== 'ALREADY_VOTED') throw err;
      }
    }
    clock = new Date(start.getTime() + 15 * day + 3_600_000);
    await closeVote(db, committee, published);
    clock = new Date(clock.getTime() + 2 * day);
    const objection = await fileObjection(db, commissioner, published, { text: '5幢一位业主反映投票期间外出，未收到纸质选票。' });
    clock = new Date(clock.getTime() + day);
    await answerObjection(db, committee, published, objection.id, { response: '经核实，该户已于投票期间通过网上投票参加表决，不影响表决结果。' });
    clock = new Date(start.getTime() + 24 * day);
    await publishVote(db, committee, published);

    // An open vote the demo owner can take part in.
    clock = new Date(today.getTime() - day);
    const { id: open } = await createVote(db, committee, {
      quarterId,
      title: '关于加装电动自行车充电设施的表决',
      rule: 'civil-code-278',
      opensAt: isoAt(clock),
      closesAt: isoAt(new Date(today.getTime() + 30 * day)),
      items: [
        { title: '在地下车库增设电动自行车集中充电区', article278Item: 8 },
        { title: '充电设施收益纳入公共收益，单独列账', article278Item: 9 },
      ],
    });
    await openVote(db, committee, hashKey, open);
    return { published, open, ballots };
  } finally {
    setVotingClock(null);
  }
}

export interface DemoVoterCredentials {
  username: string;
  /** The unit, "1幢 1-101". */
  unit: string;
  idNumber: string;
  certificateNo: string;
}

/**
 * The ID number and property certificate number the demo `owner` account verifies with before
 * voting. The database keeps both only as keyed hashes, so they are regenerated from the
 * deterministic demo generator and kept only when they match those hashes (a database that was
 * not seeded by this version of the generator gives null). Synthetic demo data, safe to print.
 */
export async function demoVoterCredentials(db: DB, hashKey: Buffer): Promise<DemoVoterCredentials | null> {
  const user = await db.selectFrom('users').select(['owner_id', 'quarter_id']).where('username', '=', 'owner').executeTakeFirst();
  if (!user?.owner_id || !user.quarter_id) return null;
  const owner = await db.selectFrom('owners').select(['name', 'id_number_hash']).where('id', '=', user.owner_id).executeTakeFirst();
  const quarter = await db.selectFrom('quarters').select('name').where('id', '=', user.quarter_id).executeTakeFirst();
  if (!owner?.id_number_hash || !quarter) return null;
  const units = await db
    .selectFrom('unit_owners as uo')
    .innerJoin('units as u', 'u.id', 'uo.unit_id')
    .innerJoin('buildings as b', 'b.id', 'u.building_id')
    .select(['u.number', 'u.certificate_hash', 'b.name as building'])
    .where('uo.owner_id', '=', user.owner_id)
    .execute();
  const plan = planDemo();
  for (let i = 0; i < plan.quarterCount; i++) {
    const batch = generateQuarterBatch(plan, i);
    if (batch.quarter.name !== quarter.name) continue;
    const person = batch.owners.find((o) => o.idNumber && keyedHash(hashKey, o.idNumber) === owner.id_number_hash);
    if (!person?.idNumber) return null;
    const buildingName = new Map(batch.buildings.map((b) => [b.id, b.name]));
    for (const u of batch.units) {
      const row = units.find((r) => r.building === buildingName.get(u.buildingId) && r.number === u.number);
      if (row && u.certificateNo && row.certificate_hash === keyedHash(hashKey, u.certificateNo)) {
        return { username: 'owner', unit: `${row.building} ${row.number}`, idNumber: person.idNumber, certificateNo: u.certificateNo };
      }
    }
    return null;
  }
  return null;
}
