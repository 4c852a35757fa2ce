// What the organisations module shows: the quarter dossier's section (一小区一档案, ZAS 6.1.3.2),
// the rules in force under the district's pack, and each role's list of what it must act on.
import type { Actor } from '../../platform/access';
import { notFound } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { ruleCatalog } from '../../../core/policy/index';
import { districtPolicyPack } from '../places';
import type { DossierSectionProvider, QuarterChecksProvider } from '../../platform/module';
import { quarterPlaceById } from '../registry';
import { commissionersOf } from './commissioners';
import { peopleOf } from './community-people';
import { contractsOf } from './companies-and-contracts';
import { partyOrganizationsOf } from './party-organizations';
import { qualificationChecklist } from './checklist';
import { committeeViews } from './committees';
import { supervisoryViews } from './supervisory';
import { keptExpiringTerms, keptFailingChecks, refreshQuarterChecks } from './check-cache';
import { judgeQuarter, toCheckItem } from './facts';
import { authorizeAction, authorizeQuarterOrganizations } from './access';
import { shanghaiDate, type DB } from './shared';
import { candidatesOfQuarter, vettingQueue } from './vetting';

/** Everything the module holds about one quarter, with the checks, as the dossier shows it. */
export async function organizationsOfQuarter(db: DB, quarterId: string, locale: Locale, extra: readonly QuarterChecksProvider[] = []) {
  const place = await quarterPlaceById(db, quarterId);
  if (!place) throw notFound();
  const packId = await districtPolicyPack(db, place.districtId);
  const asOf = shanghaiDate();
  // The checks the other modules judge from their own records (their descriptors'
  // quarterChecks, e.g. finance's half-yearly disclosure and fee-collection report) stand beside
  // the pack's rules, as on GET /checks: each one indexed query about this quarter, asked
  // together with the rest, so the dossier waits for none of them in turn.
  const [checks, others, committees, supervisory, commissioners, partyOrganizations, contracts, people, candidates] = await Promise.all([
    judgeQuarter(db, quarterId, { asOf }),
    Promise.all(extra.map(async (p) => (await p.checks(db, [quarterId], asOf, locale)).get(quarterId) ?? [])),
    committeeViews(db, quarterId, locale),
    supervisoryViews(db, quarterId, locale),
    commissionersOf(db, quarterId),
    partyOrganizationsOf(db, quarterId, locale),
    contractsOf(db, quarterId, locale),
    peopleOf(db, quarterId),
    candidatesOfQuarter(db, quarterId, locale),
  ]);
  return {
    pack: packId,
    packTitle: ruleCatalog(packId).pack.title[locale],
    checks: [...checks.map((r) => toCheckItem(r, locale)), ...others.flat()],
    committees,
    supervisoryCommittees: supervisory,
    commissioners,
    partyOrganizations,
    contracts,
    ...people,
    candidates,
  };
}

export async function quarterOrganizations(db: DB, actor: Actor, quarterId: string, locale: Locale, extra: readonly QuarterChecksProvider[] = []) {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  return organizationsOfQuarter(db, quarterId, locale, extra);
}

// The dossier shows the section to everyone who may read organisations; others do not see it.
export const organizationsDossierSection: DossierSectionProvider = {
  key: 'organizations',
  section: async (db, actor, quarterId, locale, installed) => {
    if (!actor.permissions.includes('organizations.read')) return null;
    return { key: 'organizations', title: locale === 'en' ? 'Organisations' : '组织建设', data: await organizationsOfQuarter(db, quarterId, locale, installed?.quarterChecks ?? []) };
  },
};

/** The rules in force for the actor's district, each with its clauses, and the vetting checklist. */
export async function rulesInForce(db: DB, actor: Actor, locale: Locale) {
  authorizeAction(actor, 'organizations.read');
  const packId = await districtPolicyPack(db, actor.path.districtId);
  const catalog = ruleCatalog(packId);
  return {
    pack: { id: catalog.pack.id, version: catalog.pack.version, title: catalog.pack.title[locale], source: catalog.pack.source },
    rules: catalog.rules.map((r) => ({
      id: r.id,
      title: r.title[locale],
      description: r.description?.[locale] ?? '',
      severity: r.severity,
      params: r.params,
      citations: r.citations.map((c) => ({ text: c.text, quote: c.quote ?? null, aspect: c.aspect ?? null })),
      changes: r.changes.map((c) => ({ packId: c.packId, note: c.note[locale] })),
    })),
    checklist: qualificationChecklist.map((i) => ({ id: i.id, kind: i.kind, label: i.label[locale], citation: i.citation, quote: i.quote })),
  };
}

/**
 * What the actor must act on (a page per role): the vetting steps waiting for its office, the
 * committees of its quarters whose term ends within the reminder lead time or has run out, and
 * the rules failing in its quarters. The checks are read from each quarter's kept judgement
 * (check-cache.ts), judged again only where stale, so that a call costs a page, not the district.
 */
export async function actionsFor(
  db: DB,
  actor: Actor,
  locale: Locale,
  paging: { page: number; pageSize: number; rule?: string } = { page: 1, pageSize: 20 },
  extra: readonly QuarterChecksProvider[] = [],
) {
  authorizeAction(actor, 'organizations.read');
  const today = shanghaiDate();
  const pack = await districtPolicyPack(db, actor.path.districtId);
  await refreshQuarterChecks(db, actor, today, pack, extra);
  const [vetting, expiringTerms, failingChecks] = await Promise.all([
    vettingQueue(db, actor, locale),
    keptExpiringTerms(db, actor, today, pack),
    keptFailingChecks(db, actor, locale, paging),
  ]);
  return { vetting, expiringTerms, failingChecks };
}
