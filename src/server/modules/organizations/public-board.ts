// What the quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2) shows of this module's
// records: the commissioner in office with the name and phone the standard makes public (ZAS
// 6.1.3.5), the quarter's party organisation, the owners' and supervisory committees in office
// with their members' names and positions (the owners' own phones never), and the property
// company under contract with its term and fee standard. One statement of indexed lookups by
// quarter, because the board is read by everyone who scans the lobby's poster.
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Locale } from '../../platform/i18n';
import { shanghaiDate, type DB } from './shared';

const positionLabels: Record<string, { 'zh-CN': string; en: string }> = {
  chair: { 'zh-CN': '主任', en: 'Chair' },
  'vice-chair': { 'zh-CN': '副主任', en: 'Vice-chair' },
  member: { 'zh-CN': '委员', en: 'Member' },
};
const positionRank: Record<string, number> = { chair: 0, 'vice-chair': 1, member: 2 };

const selectionLabels: Record<string, { 'zh-CN': string; en: string }> = {
  tender: { 'zh-CN': '招投标', en: 'tender' },
  direct: { 'zh-CN': '协议选聘', en: 'direct appointment' },
  'assembly-vote': { 'zh-CN': '业主大会表决', en: 'owners’ assembly vote' },
};

export interface PublicBoardOrganizations {
  commissioner: { name: string; phone: string; since: string } | null;
  partyOrganization: { name: string; secretaryName: string } | null;
  committee: { termNumber: number | null; termStart: string; termEnd: string; members: { name: string; position: string; positionLabel: string }[] } | null;
  supervisoryCommittee: { termStart: string; termEnd: string; members: { name: string; position: string; positionLabel: string }[] } | null;
  company: {
    name: string;
    phone: string | null;
    selectionMethod: string;
    selectionMethodLabel: string;
    contractStartsOn: string;
    contractEndsOn: string | null;
    /** Fen per m² of building area a month, as the contract states it. */
    feeStandardFen: number;
  } | null;
}

interface Member {
  name: string;
  position: string;
}

/** The organisations of a quarter as its public board shows them, on the calendar day in Asia/Shanghai. */
export async function publicBoardOrganizations(db: DB, quarterId: string, locale: Locale): Promise<PublicBoardOrganizations> {
  const today = shanghaiDate();
  const row = await db
    .selectNoFrom((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('commissioners')
          .select(['name', 'phone', 'started_on'])
          .where('quarter_id', '=', quarterId)
          .where('started_on', '<=', today)
          .where((w) => w.or([w('ended_on', 'is', null), w('ended_on', '>=', today)]))
          .orderBy('started_on', 'desc')
          .limit(1),
      ).as('commissioner'),
      // The quarter's own party organisation first, else the committee's (BG 二（一）).
      jsonObjectFrom(
        eb
          .selectFrom('party_organizations')
          .select(['name', 'secretary_name'])
          .where('quarter_id', '=', quarterId)
          .where('kind', 'in', ['quarter', 'committee'])
          .where((w) => w.or([w('dissolved_on', 'is', null), w('dissolved_on', '>', today)]))
          .orderBy(sql`kind = 'quarter'`, 'desc')
          .orderBy('created_at')
          .limit(1),
      ).as('party'),
      jsonObjectFrom(
        eb
          .selectFrom('owners_committees as c')
          .select((s) => [
            'c.term_number',
            'c.term_start',
            'c.term_end',
            jsonArrayFrom(s.selectFrom('committee_members as m').select(['m.name', 'm.position']).whereRef('m.committee_id', '=', 'c.id').where('m.removed_on', 'is', null).orderBy('m.joined_on').orderBy('m.created_at')).as('members'),
          ])
          .where('c.quarter_id', '=', quarterId)
          .where('c.status', '=', 'active')
          .limit(1),
      ).as('committee'),
      jsonObjectFrom(
        eb
          .selectFrom('supervisory_committees as c')
          .select((s) => [
            'c.term_start',
            'c.term_end',
            jsonArrayFrom(
              s.selectFrom('supervisory_committee_members as m').select(['m.name', 'm.position']).whereRef('m.supervisory_committee_id', '=', 'c.id').where('m.removed_on', 'is', null).orderBy('m.joined_on').orderBy('m.created_at'),
            ).as('members'),
          ])
          .where('c.quarter_id', '=', quarterId)
          .where('c.status', '=', 'active')
          .limit(1),
      ).as('supervisory'),
      jsonObjectFrom(
        eb
          .selectFrom('service_contracts as k')
          .innerJoin('property_companies as p', 'p.id', 'k.property_company_id')
          .select(['p.name', 'p.phone', 'k.selection_method', 'k.starts_on', 'k.ends_on', 'k.terminated_on', 'k.fee_standard_fen'])
          .where('k.quarter_id', '=', quarterId)
          .where('k.starts_on', '<=', today)
          .where((w) => w.or([w('k.terminated_on', 'is', null), w('k.terminated_on', '>=', today)]))
          .where((w) => w.or([w('k.ends_on', 'is', null), w('k.ends_on', '>=', today)]))
          .orderBy('k.starts_on', 'desc')
          .limit(1),
      ).as('company'),
    ])
    .executeTakeFirstOrThrow();

  const members = (list: Member[]) =>
    [...list]
      .sort((a, b) => (positionRank[a.position] ?? 9) - (positionRank[b.position] ?? 9))
      .map((m) => ({ name: m.name, position: m.position, positionLabel: positionLabels[m.position]?.[locale] ?? m.position }));
  const c = row.commissioner;
  const p = row.party;
  const k = row.committee;
  const s = row.supervisory;
  const co = row.company;
  return {
    commissioner: c ? { name: c.name, phone: c.phone, since: c.started_on } : null,
    partyOrganization: p ? { name: p.name, secretaryName: p.secretary_name } : null,
    committee: k ? { termNumber: k.term_number, termStart: k.term_start, termEnd: k.term_end, members: members(k.members) } : null,
    supervisoryCommittee: s ? { termStart: s.term_start, termEnd: s.term_end, members: members(s.members) } : null,
    company: co
      ? {
          name: co.name,
          phone: co.phone,
          selectionMethod: co.selection_method,
          selectionMethodLabel: selectionLabels[co.selection_method]?.[locale] ?? co.selection_method,
          contractStartsOn: co.starts_on,
          // The contract's last day: the day it was terminated, if that came first.
          contractEndsOn: co.terminated_on && (!co.ends_on || co.terminated_on < co.ends_on) ? co.terminated_on : co.ends_on,
          feeStandardFen: Number(co.fee_standard_fen),
        }
      : null,
  };
}
