// What the quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2) shows of this module's
// records: the commissioner in office with the name and phone the standard makes public (ZAS
// 6.1.3.5), the quarter's party organisation, the owners' and supervisory committees in office
// with their members' names and positions (the owners' own phones never), and the property
// company under contract with its term and fee standard. Plain indexed lookups by quarter, sent
// together, because the board is read by everyone who scans the lobby's poster.
import { sql } from 'kysely';
import type { Locale } from '../../platform/i18n';
import { commissionerPhotoUrl } from './commissioner-photo';
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
  /** Name, phone and photo are public (ZAS 6.1.3.5); the photo's address, or null when none was uploaded. */
  commissioner: { name: string; phone: string; since: string; photoUrl: string | null } | null;
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
  // Five plain lookups by the quarter's indexes, sent together: each is planned in a moment,
  // where one statement building the same JSON took several times as long to plan.
  const [commissioner, party, committee, supervisory, company] = await Promise.all([
    db
      .selectFrom('commissioners as c')
      // The photo's row by its key (one a commissioner): only its digest, for the address.
      .leftJoin('commissioner_photos as p', (j) => j.onRef('p.commissioner_id', '=', 'c.id').on('p.quarter_id', '=', quarterId))
      .select(['c.id', 'c.name', 'c.phone', 'c.started_on', 'p.sha256'])
      .where('c.quarter_id', '=', quarterId)
      .where('c.started_on', '<=', today)
      .where((w) => w.or([w('c.ended_on', 'is', null), w('c.ended_on', '>=', today)]))
      .orderBy('c.started_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
    // The quarter's own party organisation first, else the committee's (BG 二（一）).
    db
      .selectFrom('party_organizations')
      .select(['name', 'secretary_name'])
      .where('quarter_id', '=', quarterId)
      .where('kind', 'in', ['quarter', 'committee'])
      .where((w) => w.or([w('dissolved_on', 'is', null), w('dissolved_on', '>', today)]))
      .orderBy(sql`kind = 'quarter'`, 'desc')
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('owners_committees as c')
      .leftJoin('committee_members as m', (j) => j.onRef('m.committee_id', '=', 'c.id').on('m.removed_on', 'is', null))
      .select(['c.id', 'c.term_number', 'c.term_start', 'c.term_end', 'm.name', 'm.position'])
      .where('c.quarter_id', '=', quarterId)
      .where('c.status', '=', 'active')
      .orderBy('m.joined_on')
      .orderBy('m.created_at')
      .execute(),
    db
      .selectFrom('supervisory_committees as c')
      .leftJoin('supervisory_committee_members as m', (j) => j.onRef('m.supervisory_committee_id', '=', 'c.id').on('m.removed_on', 'is', null))
      .select(['c.id', 'c.term_start', 'c.term_end', 'm.name', 'm.position'])
      .where('c.quarter_id', '=', quarterId)
      .where('c.status', '=', 'active')
      .orderBy('m.joined_on')
      .orderBy('m.created_at')
      .execute(),
    db
      .selectFrom('service_contracts as k')
      .innerJoin('property_companies as p', 'p.id', 'k.property_company_id')
      .select(['p.name', 'p.phone', 'k.selection_method', 'k.starts_on', 'k.ends_on', 'k.terminated_on', 'k.fee_standard_fen'])
      .where('k.quarter_id', '=', quarterId)
      .where('k.starts_on', '<=', today)
      .where((w) => w.or([w('k.terminated_on', 'is', null), w('k.terminated_on', '>=', today)]))
      .where((w) => w.or([w('k.ends_on', 'is', null), w('k.ends_on', '>=', today)]))
      .orderBy('k.starts_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);

  // One committee in office at most (a unique index); its rows are its members, or one row of nulls.
  const members = (rows: { name: string | null; position: string | null }[]) =>
    rows
      .filter((m): m is Member => m.name !== null && m.position !== null)
      .sort((a, b) => (positionRank[a.position] ?? 9) - (positionRank[b.position] ?? 9))
      .map((m) => ({ name: m.name, position: m.position, positionLabel: positionLabels[m.position]?.[locale] ?? m.position }));
  const k = committee[0];
  const s = supervisory[0];
  return {
    commissioner: commissioner
      ? { name: commissioner.name, phone: commissioner.phone, since: commissioner.started_on, photoUrl: commissioner.sha256 ? commissionerPhotoUrl(commissioner.id, commissioner.sha256) : null }
      : null,
    partyOrganization: party ? { name: party.name, secretaryName: party.secretary_name } : null,
    committee: k ? { termNumber: k.term_number, termStart: k.term_start, termEnd: k.term_end, members: members(committee) } : null,
    supervisoryCommittee: s ? { termStart: s.term_start, termEnd: s.term_end, members: members(supervisory) } : null,
    company: company
      ? {
          name: company.name,
          phone: company.phone,
          selectionMethod: company.selection_method,
          selectionMethodLabel: selectionLabels[company.selection_method]?.[locale] ?? company.selection_method,
          contractStartsOn: company.starts_on,
          // The contract's last day: the day it was terminated, if that came first.
          contractEndsOn: company.terminated_on && (!company.ends_on || company.terminated_on < company.ends_on) ? company.terminated_on : company.ends_on,
          feeStandardFen: Number(company.fee_standard_fen),
        }
      : null,
  };
}
