// The organisation records behind accounts (docs/architecture.md, "Accounts and the offices they
// hold"): an account of the owners' committee is linked to its member record, a commissioner's
// to the appointment, a company's to the company, and holds the role's permissions only while
// the record is current. The rules of "current" are those of the records' own pages:
// - a committee member: not removed (removed_on is the first day out, as facts.ts counts
//   members), the committee not ended (ended_on is its last day: the day before its successor's
//   term, or the day it was closed), and its term not over (term_end is the last day);
// - a commissioner or a building leader: ended_on is the last day in office (commissioners.ts);
// - a party organisation: dissolved_on is the first day without it;
// - a property company: it serves the account's quarter, i.e. has a contract there that has not
//   ended (current, or signed to start later), as authorizeCompany reads "serves".
// Every date is a calendar day in Asia/Shanghai: the caller's instant is read as that day.
import { sql } from 'kysely';
import type { OfficeEnded, OfficeKind, OfficeLink } from '../../platform/access';
import type { OfficeRecord, OfficeRecordsProvider } from '../../platform/module';
import { shanghaiDate, type DB } from './shared';

const positions: Record<string, string> = { chair: '主任', 'vice-chair': '副主任', member: '委员' };

/** The end of a committee membership, or null while it is held on `today`. */
function memberEnded(
  row: { removed_on: string | null; status: string; ended_on: string | null; term_end: string; successor: boolean },
  today: string,
): OfficeEnded | null {
  if (row.removed_on && row.removed_on <= today) return { reason: 'removed', since: row.removed_on };
  if (row.status === 'ended' && (!row.ended_on || row.ended_on < today)) return { reason: row.successor ? 'replaced' : 'dissolved', since: row.ended_on };
  if (row.term_end < today) return { reason: 'term_ended', since: row.term_end };
  return null;
}

/** A contract of the company with the quarter that has not ended on `today`. */
function servingContract(db: DB, companyId: string, quarterId: string, today: string) {
  return db
    .selectFrom('service_contracts')
    .select('id')
    .where('property_company_id', '=', companyId)
    .where('quarter_id', '=', quarterId)
    .where((eb) => eb.or([eb('terminated_on', 'is', null).and(eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)])), eb('terminated_on', '>=', today)]));
}

/** The memberships with their committee's state, for `ended` (one) and `endedMany` (a page). */
function committeeMembers(db: DB, table: 'committee_members' | 'supervisory_committee_members', ids: string[]) {
  if (table === 'committee_members') {
    return db
      .selectFrom('committee_members as m')
      .innerJoin('owners_committees as c', 'c.id', 'm.committee_id')
      .select(['m.id', 'm.name', 'm.position', 'm.removed_on', 'm.district_id', 'm.quarter_id', 'c.status', 'c.ended_on', 'c.term_end', 'c.term_start'])
      .select((eb) =>
        eb
          .exists(eb.selectFrom('owners_committees as s').select('s.id').whereRef('s.quarter_id', '=', 'c.quarter_id').where('s.status', '=', 'active').whereRef('s.id', '!=', 'c.id'))
          .as('successor'),
      )
      .where('m.id', 'in', ids)
      .execute();
  }
  return db
    .selectFrom('supervisory_committee_members as m')
    .innerJoin('supervisory_committees as c', 'c.id', 'm.supervisory_committee_id')
    .select(['m.id', 'm.name', 'm.position', 'm.removed_on', 'm.district_id', 'm.quarter_id', 'c.status', 'c.term_end', 'c.term_start'])
    // A supervisory committee keeps no end date: ended is all it says.
    .select([sql<string | null>`null`.as('ended_on')])
    .select((eb) =>
      eb
        .exists(eb.selectFrom('supervisory_committees as s').select('s.id').whereRef('s.quarter_id', '=', 'c.quarter_id').where('s.status', '=', 'active').whereRef('s.id', '!=', 'c.id'))
        .as('successor'),
    )
    .where('m.id', 'in', ids)
    .execute();
}

const memberTable = { committee_member: 'committee_members', supervisory_member: 'supervisory_committee_members' } as const;

async function record(db: DB, link: OfficeLink): Promise<OfficeRecord | null> {
  const base = { kind: link.kind, id: link.id, buildingId: null };
  switch (link.kind) {
    case 'committee_member':
    case 'supervisory_member': {
      const m = await db.selectFrom(memberTable[link.kind]).select(['name', 'position', 'district_id', 'quarter_id']).where('id', '=', link.id).executeTakeFirst();
      return m ? { ...base, label: `${m.name}（${positions[m.position] ?? m.position}）`, districtId: m.district_id, quarterId: m.quarter_id } : null;
    }
    case 'commissioner': {
      const c = await db.selectFrom('commissioners').select(['name', 'started_on', 'district_id', 'quarter_id']).where('id', '=', link.id).executeTakeFirst();
      return c ? { ...base, label: `${c.name}（${c.started_on}起）`, districtId: c.district_id, quarterId: c.quarter_id } : null;
    }
    case 'building_leader': {
      const l = await db.selectFrom('building_leaders').select(['name', 'district_id', 'quarter_id', 'building_id']).where('id', '=', link.id).executeTakeFirst();
      return l ? { ...base, label: l.name, districtId: l.district_id, quarterId: l.quarter_id, buildingId: l.building_id } : null;
    }
    case 'party_organization': {
      const p = await db.selectFrom('party_organizations').select(['name', 'district_id', 'quarter_id']).where('id', '=', link.id).executeTakeFirst();
      return p ? { ...base, label: p.name, districtId: p.district_id, quarterId: p.quarter_id } : null;
    }
    case 'property_company': {
      const c = await db.selectFrom('property_companies').select(['name', 'district_id']).where('id', '=', link.id).executeTakeFirst();
      return c ? { ...base, label: c.name, districtId: c.district_id, quarterId: null } : null;
    }
  }
}

const missing: OfficeEnded = { reason: 'missing', since: null };

/** A commissioner's or a building leader's appointment: `ended_on` is the last day in office. */
function appointmentEnded(endedOn: string | null, today: string): OfficeEnded | null {
  return endedOn && endedOn < today ? { reason: 'ended', since: endedOn } : null;
}

/** A party organisation: `dissolved_on` is the first day without it. */
function organizationEnded(dissolvedOn: string | null, today: string): OfficeEnded | null {
  return dissolvedOn && dissolvedOn <= today ? { reason: 'dissolved', since: dissolvedOn } : null;
}

async function ended(db: DB, link: OfficeLink, quarterId: string | null, at: Date): Promise<OfficeEnded | null> {
  const today = shanghaiDate(at);
  switch (link.kind) {
    case 'committee_member':
    case 'supervisory_member': {
      const [m] = await committeeMembers(db, memberTable[link.kind], [link.id]);
      return m ? memberEnded({ ...m, successor: Boolean(m.successor) }, today) : missing;
    }
    case 'commissioner':
    case 'building_leader': {
      const row = await db
        .selectFrom(link.kind === 'commissioner' ? 'commissioners' : 'building_leaders')
        .select('ended_on')
        .where('id', '=', link.id)
        .executeTakeFirst();
      return row ? appointmentEnded(row.ended_on, today) : missing;
    }
    case 'party_organization': {
      const p = await db.selectFrom('party_organizations').select('dissolved_on').where('id', '=', link.id).executeTakeFirst();
      return p ? organizationEnded(p.dissolved_on, today) : missing;
    }
    case 'property_company': {
      if (!quarterId) return missing;
      const serving = await servingContract(db, link.id, quarterId, today).executeTakeFirst();
      if (serving) return null;
      // The last day of the contract that ended, to say since when.
      const last = await db
        .selectFrom('service_contracts')
        .select((eb) => eb.fn.max(eb.fn.coalesce('terminated_on', 'ends_on')).as('last'))
        .where('property_company_id', '=', link.id)
        .where('quarter_id', '=', quarterId)
        .executeTakeFirst();
      return { reason: 'not_serving', since: (last?.last as string | null | undefined) ?? null };
    }
  }
}

async function records(db: DB, kind: OfficeKind, place: { quarterId: string; buildingId: string | null }, at: Date) {
  const { quarterId, buildingId } = place;
  let links: string[] = [];
  switch (kind) {
    case 'committee_member':
    case 'supervisory_member':
      links = (await db.selectFrom(memberTable[kind]).select('id').where('quarter_id', '=', quarterId).where('removed_on', 'is', null).execute()).map((r) => r.id);
      break;
    case 'commissioner':
      links = (await db.selectFrom('commissioners').select('id').where('quarter_id', '=', quarterId).orderBy('started_on', 'desc').execute()).map((r) => r.id);
      break;
    case 'building_leader': {
      let q = db.selectFrom('building_leaders').select('id').where('quarter_id', '=', quarterId);
      if (buildingId) q = q.where('building_id', '=', buildingId);
      links = (await q.execute()).map((r) => r.id);
      break;
    }
    case 'party_organization':
      links = (await db.selectFrom('party_organizations').select('id').where('quarter_id', '=', quarterId).execute()).map((r) => r.id);
      break;
    case 'property_company':
      links = [...new Set((await db.selectFrom('service_contracts').select('property_company_id').where('quarter_id', '=', quarterId).execute()).map((r) => r.property_company_id))];
      break;
  }
  const out: (OfficeRecord & { current: boolean })[] = [];
  for (const id of links) {
    const r = await record(db, { kind, id });
    if (r) out.push({ ...r, current: !(await ended(db, { kind, id }, quarterId, at)) });
  }
  return out;
}

type Found = { record: OfficeRecord | null; ended: OfficeEnded | null };
const notFound: Found = { record: null, ended: missing };

/**
 * `record` and `ended` of a page of links: one query for each kind of record on the page (two
 * for companies: the companies and their contracts with the accounts' quarters), by the same
 * rules as `ended` above.
 */
async function endedMany(db: DB, items: readonly { link: OfficeLink; quarterId: string | null }[], at: Date): Promise<Found[]> {
  const today = shanghaiDate(at);
  const idsOf = (kind: OfficeKind) => [...new Set(items.filter((i) => i.link.kind === kind).map((i) => i.link.id))];
  const found = new Map<string, Found>();
  const key = (kind: string, id: string, quarterId: string | null = null) => `${kind}:${id}:${quarterId ?? ''}`;
  const base = (kind: OfficeKind, id: string) => ({ kind, id, buildingId: null });
  for (const kind of ['committee_member', 'supervisory_member'] as const) {
    const ids = idsOf(kind);
    for (const m of ids.length ? await committeeMembers(db, memberTable[kind], ids) : []) {
      found.set(key(kind, m.id), {
        record: { ...base(kind, m.id), label: `${m.name}（${positions[m.position] ?? m.position}）`, districtId: m.district_id, quarterId: m.quarter_id },
        ended: memberEnded({ ...m, successor: Boolean(m.successor) }, today),
      });
    }
  }
  const commissionerIds = idsOf('commissioner');
  if (commissionerIds.length) {
    for (const c of await db.selectFrom('commissioners').select(['id', 'name', 'started_on', 'district_id', 'quarter_id', 'ended_on']).where('id', 'in', commissionerIds).execute()) {
      found.set(key('commissioner', c.id), {
        record: { ...base('commissioner', c.id), label: `${c.name}（${c.started_on}起）`, districtId: c.district_id, quarterId: c.quarter_id },
        ended: appointmentEnded(c.ended_on, today),
      });
    }
  }
  const leaderIds = idsOf('building_leader');
  if (leaderIds.length) {
    for (const l of await db.selectFrom('building_leaders').select(['id', 'name', 'district_id', 'quarter_id', 'building_id', 'ended_on']).where('id', 'in', leaderIds).execute()) {
      found.set(key('building_leader', l.id), {
        record: { ...base('building_leader', l.id), label: l.name, districtId: l.district_id, quarterId: l.quarter_id, buildingId: l.building_id },
        ended: appointmentEnded(l.ended_on, today),
      });
    }
  }
  const partyIds = idsOf('party_organization');
  if (partyIds.length) {
    for (const p of await db.selectFrom('party_organizations').select(['id', 'name', 'district_id', 'quarter_id', 'dissolved_on']).where('id', 'in', partyIds).execute()) {
      found.set(key('party_organization', p.id), {
        record: { ...base('party_organization', p.id), label: p.name, districtId: p.district_id, quarterId: p.quarter_id },
        ended: organizationEnded(p.dissolved_on, today),
      });
    }
  }
  const companyIds = idsOf('property_company');
  if (companyIds.length) {
    const companies = new Map((await db.selectFrom('property_companies').select(['id', 'name', 'district_id']).where('id', 'in', companyIds).execute()).map((c) => [c.id, c]));
    const quarterIds = [...new Set(items.filter((i) => i.link.kind === 'property_company' && i.quarterId).map((i) => i.quarterId!))];
    const contracts = quarterIds.length
      ? await db
          .selectFrom('service_contracts')
          .select(['property_company_id', 'quarter_id', 'ends_on', 'terminated_on'])
          .where('property_company_id', 'in', companyIds)
          .where('quarter_id', 'in', quarterIds)
          .execute()
      : [];
    for (const i of items.filter((x) => x.link.kind === 'property_company')) {
      const c = companies.get(i.link.id);
      if (!c) continue;
      const record: OfficeRecord = { ...base('property_company', c.id), label: c.name, districtId: c.district_id, quarterId: null };
      if (!i.quarterId) {
        found.set(key('property_company', c.id, i.quarterId), { record, ended: missing });
        continue;
      }
      const own = contracts.filter((k) => k.property_company_id === c.id && k.quarter_id === i.quarterId);
      // As servingContract: not terminated and not past its end, or terminated later than today.
      const serving = own.some((k) => (k.terminated_on === null ? k.ends_on === null || k.ends_on >= today : k.terminated_on >= today));
      const lasts = own.map((k) => k.terminated_on ?? k.ends_on).filter((d): d is string => d !== null);
      const since = lasts.length ? lasts.reduce((a, b) => (a > b ? a : b)) : null;
      found.set(key('property_company', c.id, i.quarterId), { record, ended: serving ? null : { reason: 'not_serving', since } });
    }
  }
  return items.map((i) => found.get(key(i.link.kind, i.link.id, i.link.kind === 'property_company' ? i.quarterId : null)) ?? notFound);
}

export const officeRecords: OfficeRecordsProvider = { record, ended, endedMany, records };
