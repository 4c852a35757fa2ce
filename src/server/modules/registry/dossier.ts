// The quarter dossier (一小区一档案, T/ZAS 4006.1—2020 6.1.3.2): everything the platform holds
// about one quarter. The registry gives the facts, the figures and the contact network; other
// modules add their sections through their descriptors (`dossierSections`).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { roleLabels, type Actor, type Role } from '../../platform/access';
import type { Locale } from '../../platform/i18n';
import type { DossierSectionProvider } from '../../platform/module';
import { quarterAccountsWithRoles } from '../users';
import { getQuarter } from './quarters';

type DB = Kysely<Database>;

export type DossierSection = {
  key: string;
  title: string;
  data: unknown;
};

// The quarter's contact network (小区联系网, T/ZAS 4006.1—2020 6.1.3.2): who to call, in this order.
const contactRoles: Role[] = ['commissioner', 'party_secretary', 'committee', 'supervisory', 'company', 'grid_worker', 'building_leader'];

export async function quarterContacts(db: DB, quarterId: string, locale: Locale) {
  const rows = await quarterAccountsWithRoles(db, quarterId, contactRoles);
  return rows
    .sort((a, b) => contactRoles.indexOf(a.role) - contactRoles.indexOf(b.role) || a.displayName.localeCompare(b.displayName, 'zh-CN'))
    .map((r) => ({ role: r.role, roleLabel: roleLabels[r.role][locale], name: r.displayName, phone: r.phone }));
}

export async function quarterStats(db: DB, quarterId: string) {
  const units = await db
    .selectFrom('units as u')
    .select([
      sql<number>`count(*)`.as('units'),
      sql<number>`coalesce(sum(u.exclusive_area), 0)`.as('totalExclusiveArea'),
      sql<number>`count(*) filter (where (select count(*) from unit_owners uo where uo.unit_id = u.id) > 1)`.as('coOwnedUnits'),
      sql<number>`count(*) filter (where exists (select 1 from unit_owners uo join owners o on o.id = uo.owner_id where uo.unit_id = u.id and o.kind = 'developer'))`.as('developerUnits'),
      sql<number>`count(*) filter (where not exists (select 1 from unit_owners uo where uo.unit_id = u.id))`.as('unitsWithoutOwner'),
    ])
    .where('u.quarter_id', '=', quarterId)
    .executeTakeFirstOrThrow();
  const buildings = await db.selectFrom('buildings').select(sql<number>`count(*)`.as('n')).where('quarter_id', '=', quarterId).executeTakeFirstOrThrow();
  const owners = await db.selectFrom('owners').select(sql<number>`count(*)`.as('n')).where('quarter_id', '=', quarterId).executeTakeFirstOrThrow();
  const residents = await db
    .selectFrom('residents')
    .select([
      sql<number>`count(*) filter (where kind = 'permanent')`.as('permanent'),
      sql<number>`count(*) filter (where kind = 'floating')`.as('floating'),
      sql<number>`count(*) filter (where kind = 'tenant')`.as('tenant'),
      sql<number>`count(*) filter (where needs_care)`.as('needsCare'),
    ])
    .where('quarter_id', '=', quarterId)
    .executeTakeFirstOrThrow();
  return {
    buildings: Number(buildings.n),
    units: Number(units.units),
    owners: Number(owners.n),
    coOwnedUnits: Number(units.coOwnedUnits),
    developerUnits: Number(units.developerUnits),
    unitsWithoutOwner: Number(units.unitsWithoutOwner),
    totalExclusiveArea: Number(units.totalExclusiveArea),
    residents: {
      permanent: Number(residents.permanent),
      floating: Number(residents.floating),
      tenant: Number(residents.tenant),
      needsCare: Number(residents.needsCare),
    },
  };
}

/** The dossier, with the sections of the other modules (their descriptors' `dossierSections`). */
export async function quarterDossier(db: DB, actor: Actor, quarterId: string, locale: Locale, sectionProviders: readonly DossierSectionProvider[]) {
  const quarter = await getQuarter(db, actor, quarterId);
  const [stats, contacts] = await Promise.all([quarterStats(db, quarterId), quarterContacts(db, quarterId, locale)]);
  const sections: DossierSection[] = [];
  for (const provider of sectionProviders) {
    const section = await provider.section(db, actor, quarterId, locale);
    if (section) sections.push(section);
  }
  return { quarter, stats, contacts, sections };
}
