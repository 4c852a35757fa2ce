// The quarter's contact network (小区联系网, T/ZAS 4006.1—2020 6.1.3.2) as the dossier's overview
// and the owner's home page show it. Its first source is this module's records, the same ones the
// organisations tab lists: the commissioner in office (whose name and phone are public, ZAS
// 6.1.3.5), the owners' committee in office (its chair and vice-chairs, without the owners'
// private phones) and the property company under contract. The accounts of the quarter (users
// module) add the roles these records do not cover and the phones the committee gave for its
// accounts; an account of a person already listed adds nothing.
import type { Locale } from '../../platform/i18n';
import type { QuarterContact, QuarterContactsProvider } from '../../platform/module';
import { accountContacts } from '../users';
import { commissionersOf } from './commissioners';
import { contractsOf } from './companies-and-contracts';
import type { DB } from './shared';

const POSITION: Record<string, { 'zh-CN': string; en: string }> = {
  chair: { 'zh-CN': '业主委员会主任', en: "Owners' committee chair" },
  'vice-chair': { 'zh-CN': '业主委员会副主任', en: "Owners' committee vice-chair" },
};

async function committeeLeaders(db: DB, quarterId: string) {
  return db
    .selectFrom('committee_members as m')
    .innerJoin('owners_committees as c', 'c.id', 'm.committee_id')
    .select(['m.name', 'm.position'])
    .where('c.quarter_id', '=', quarterId)
    .where('c.status', '=', 'active')
    .where('m.removed_on', 'is', null)
    .where('m.position', 'in', ['chair', 'vice-chair'])
    .orderBy('m.position')
    .execute();
}

export const quarterContacts: QuarterContactsProvider = async (db, quarterId, locale: Locale) => {
  const [commissioners, contracts, leaders, accounts] = await Promise.all([
    commissionersOf(db, quarterId),
    contractsOf(db, quarterId, locale),
    committeeLeaders(db, quarterId),
    accountContacts(db, quarterId, locale),
  ]);
  const roleLabel = (role: string) => accounts.find((a) => a.role === role)?.roleLabel;
  const out: QuarterContact[] = [];
  for (const c of commissioners.filter((x) => x.current)) {
    out.push({ role: 'commissioner', roleLabel: roleLabel('commissioner') ?? (locale === 'en' ? 'Quarter commissioner' : '小区专员'), name: c.name, phone: c.phone });
  }
  for (const m of leaders) {
    const account = accounts.find((a) => a.role === 'committee' && a.name.includes(m.name));
    out.push({ role: 'committee', roleLabel: POSITION[m.position][locale], name: m.name, phone: account?.phone ?? null });
  }
  for (const c of contracts.filter((x) => x.current)) {
    out.push({ role: 'company', roleLabel: locale === 'en' ? 'Property company' : '物业服务企业', name: c.companyName, phone: c.companyPhone });
  }
  // An account of a person listed from the records (same role, and the record's name in the
  // account's, which often carries a title: "小区专员 周敏") adds nothing more.
  const listed = (a: QuarterContact) => out.some((c) => c.role === a.role && a.name.includes(c.name));
  for (const a of accounts) if (!listed(a)) out.push(a);
  const order = ['commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'grid_worker', 'building_leader'];
  return out.map((c, i) => ({ c, i })).sort((a, b) => order.indexOf(a.c.role) - order.indexOf(b.c.role) || a.i - b.i).map(({ c }) => c);
};
