// The quarter dossier (一小区一档案, T/ZAS 4006.1—2020 6.1.3.2): everything the platform holds
// about one quarter. The registry gives the facts and the figures; other modules add the contact
// network (`quarterContacts`, from the accounts) and their sections through their descriptors
// (`dossierSections`).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import type { Locale } from '../../platform/i18n';
import type { InstalledModules } from '../../platform/module';
import { getQuarter } from './quarters';

type DB = Kysely<Database>;

export type DossierSection = {
  key: string;
  title: string;
  data: unknown;
};

export async function quarterStats(db: DB, quarterId: string) {
  // One pass over the quarter's units joined to one pass over its ownerships (both by
  // quarter_id), rather than a subquery per unit: the cost is the quarter's, whatever the
  // district's size (issue 9, docs/scaling.md).
  const units = await db
    .selectFrom('units as u')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('unit_owners as uo')
          .innerJoin('owners as o', 'o.id', 'uo.owner_id')
          .select([
            'uo.unit_id',
            sql<number>`count(*)`.as('owners'),
            sql<boolean>`bool_or(o.kind = 'developer')`.as('developer'),
          ])
          .where('uo.quarter_id', '=', quarterId)
          .where('o.quarter_id', '=', quarterId)
          .groupBy('uo.unit_id')
          .as('x'),
      (join) => join.onRef('x.unit_id', '=', 'u.id'),
    )
    .select([
      sql<number>`count(*)`.as('units'),
      sql<number>`coalesce(sum(u.exclusive_area), 0)`.as('totalExclusiveArea'),
      sql<number>`count(*) filter (where x.owners > 1)`.as('coOwnedUnits'),
      sql<number>`count(*) filter (where x.developer)`.as('developerUnits'),
      sql<number>`count(*) filter (where x.unit_id is null)`.as('unitsWithoutOwner'),
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

/** The dossier, with the contacts and the sections the other modules give (their descriptors). */
export async function quarterDossier(
  db: DB,
  actor: Actor,
  quarterId: string,
  locale: Locale,
  modules: Pick<InstalledModules, 'dossierSections' | 'quarterContacts'> & Partial<Pick<InstalledModules, 'quarterChecks'>>,
) {
  const quarter = await getQuarter(db, actor, quarterId);
  const [stats, contacts] = await Promise.all([quarterStats(db, quarterId), modules.quarterContacts(db, quarterId, locale)]);
  const sections: DossierSection[] = [];
  for (const provider of modules.dossierSections) {
    const section = await provider.section(db, actor, quarterId, locale, { quarterChecks: modules.quarterChecks ?? [] });
    if (section) sections.push(section);
  }
  return { quarter, stats, contacts, sections };
}
