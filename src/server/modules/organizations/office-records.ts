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

async function committeeMember(db: DB, table: 'committee_members' | 'supervisory_committee_members', id: string) {
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
      .where('m.id', '=', id)
      .executeTakeFirst();
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
    .where('m.id', '=', id)
    .executeTakeFirst();
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

async function ended(db: DB, link: OfficeLink, quarterId: string | null, at: Date): Promise<OfficeEnded | null> {
  const today = shanghaiDate(at);
  switch (link.kind) {
    case 'committee_member':
    case 'supervisory_member': {
      const m = await committeeMember(db, memberTable[link.kind], link.id);
      return m ? memberEnded({ ...m, successor: Boolean(m.successor) }, today) : missing;
    }
    case 'commissioner':
    case 'building_leader': {
      const row = await db
        .selectFrom(link.kind === 'commissioner' ? 'commissioners' : 'building_leaders')
        .select('ended_on')
        .where('id', '=', link.id)
        .executeTakeFirst();
      if (!row) return missing;
      return row.ended_on && row.ended_on < today ? { reason: 'ended', since: row.ended_on } : null;
    }
    case 'party_organization': {
      const p = await db.selectFrom('party_organizations').select('dissolved_on').where('id', '=', link.id).executeTakeFirst();
      if (!p) return missing;
      return p.dissolved_on && p.dissolved_on <= today ? { reason: 'dissolved', since: p.dissolved_on } : null;
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

export const officeRecords: OfficeRecordsProvider = { record, ended, records };
