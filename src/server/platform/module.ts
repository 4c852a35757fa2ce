// The module descriptor: everything a module adds to the platform, declared in one object and
// listed in one place (app.ts). Nothing registers itself as a side effect of an import: a module
// that is not in the list adds no route, no error code, no permission, no dossier section and
// no job. See docs/architecture.md, "The module template".
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { installGrants, type Actor, type Grants, type OfficeEnded, type OfficeKind, type OfficeLink } from './access';
import { installErrors, type ErrorCatalog } from './errors';
import type { Locale, Localized } from './i18n';
import type { z } from 'zod';
import type { dashboardAggregates, dashboardLevel } from '../../contracts/dashboard';
import { installQuarterFacts, type QuarterFactsContributor } from './quarter-facts';

type DB = Kysely<Database>;
type DashboardLevel = z.output<typeof dashboardLevel>;

/**
 * A section of the quarter dossier (一小区一档案) that a module adds; null keeps it out. `installed`
 * is what the modules add up to (the dossier passes it), for a section that shows what other
 * modules give through their descriptors (the organisations' checks with every module's
 * `quarterChecks`); absent in a bare call.
 */
export interface DossierSectionProvider {
  key: string;
  section: (db: DB, actor: Actor, quarterId: string, locale: Locale, installed?: Pick<InstalledModules, 'quarterChecks'>) => Promise<{ key: string; title: string; data: unknown } | null>;
}

/** A person to call about a quarter, as the dossier and the owner's home page list them. */
export interface QuarterContact {
  role: string;
  roleLabel: string;
  name: string;
  phone: string | null;
}

/**
 * The quarter's contact network (小区联系网, T/ZAS 4006.1—2020 6.1.3.2). The registry shows it in
 * the dossier, but the people are accounts, which another module owns: that module gives them
 * through its descriptor, so the registry never asks the accounts' module itself.
 */
export type QuarterContactsProvider = (db: DB, quarterId: string, locale: Locale) => Promise<QuarterContact[]>;

/** An organisation record an account can be linked to, with where it is. */
export interface OfficeRecord extends OfficeLink {
  label: string;
  districtId: string;
  /** Null for a property company (a record of its district). */
  quarterId: string | null;
  buildingId: string | null;
}

/**
 * The organisation records behind accounts (docs/architecture.md, "Accounts and the offices
 * they hold"). The accounts' module links an account to one, and the auth module asks at every
 * request whether it is still current; the records belong to another module, which gives them
 * through its descriptor, so that the accounts' module never reads that module's tables.
 */
export interface OfficeRecordsProvider {
  /** The record of a link, or null when there is none. */
  record(db: DB, link: OfficeLink): Promise<OfficeRecord | null>;
  /**
   * Null while the office is held at `at` (judged by the calendar day in Asia/Shanghai) by an
   * account bound to `quarterId`, else why it ended. One indexed lookup: it runs on every
   * request of a linked account.
   */
  ended(db: DB, link: OfficeLink, quarterId: string | null, at: Date): Promise<OfficeEnded | null>;
  /**
   * `record` and `ended` of many links at once (a page of accounts), in the order asked: a few
   * queries a kind of record, not two a link.
   */
  endedMany(db: DB, items: readonly { link: OfficeLink; quarterId: string | null }[], at: Date): Promise<{ record: OfficeRecord | null; ended: OfficeEnded | null }[]>;
  /** The records of a kind an account of the quarter (or building) can be linked to. */
  records(db: DB, kind: OfficeKind, place: { quarterId: string; buildingId: string | null }, at: Date): Promise<(OfficeRecord & { current: boolean })[]>;
}

/**
 * Why a registry record may not be deleted now, as another module that keeps it knows (a unit on
 * the frozen roll of an open vote, an owner whose ballot is on a vote's chain); null when that
 * module keeps nothing of it. The registry asks every module's holds before it deletes, so it
 * never reads another module's tables.
 */
export interface RegistryHold {
  key: string;
  held: (db: DB, record: { entity: 'unit' | 'owner'; id: string }) => Promise<Localized | null>;
}

/** Work the server runs every few minutes (reminders, deliveries, escalations). */
export interface PeriodicJob {
  name: string;
  /** `installed` is what the modules add up to, given by the server's ticker (absent in a bare call). */
  run: (db: DB, now: Date, installed?: Pick<InstalledModules, 'quarterChecks'>) => Promise<void>;
}

/** A dated duty a module puts on a quarter's calendar (e.g. a term that ends, a report due). */
export interface CalendarDuty {
  key: string;
  duties: (db: DB, quarterId: string, from: Date, to: Date) => Promise<{ date: string; title: string; citation?: string }[]>;
}

/**
 * The place the supervision dashboard (GET /api/dashboard) shows: the caller's whole scope, or a
 * street, community or quarter inside it. `column` and `id` filter a table that carries the
 * place's path (district_id, street_id, community_id, quarter_id), through the index each such
 * table has on them.
 */
export interface DashboardPlace {
  level: DashboardLevel;
  id: string;
  name: string;
  column: 'district_id' | 'street_id' | 'community_id' | 'quarter_id';
}

/** What a module may give under each key of the dashboard (the contract, src/contracts/dashboard.ts). */
export type DashboardAggregates = Required<z.output<typeof dashboardAggregates>>;

/**
 * Figures a module gives the supervision dashboard, under `key` of its `aggregates`, for a place
 * the caller may see (the route has checked the place's scope). A few indexed queries filtered
 * by the place's column, even for a district of 2,000 quarters (test/api/scale-plans.test.ts);
 * null when the caller may not see them (the key is then left out).
 */
export type DashboardAggregate = {
  [K in keyof DashboardAggregates]: {
    key: K;
    figures: (db: DB, actor: Actor, place: DashboardPlace, locale: Locale) => Promise<DashboardAggregates[K] | null>;
  };
}[keyof DashboardAggregates];

/**
 * A part of a quarter's public board (码上办, T/ZAS 4006.1—2020 6.3.3.2; GET
 * /api/public/quarters/:id) that a module adds, under `key` of the board's JSON (the board
 * module's contract, src/contracts/board.ts, declares each key and its shape). Read by anyone
 * without an account: it must hold nothing personal beyond what the seeds make public (ZAS
 * 6.1.3.5) and should be one round of indexed queries, as the board is scanned from a poster by
 * many at once. Null leaves the board's default for the key (an empty list, zero counts).
 */
export interface PublicBoardSection {
  key: string;
  section: (db: DB, quarterId: string, locale: Locale) => Promise<unknown | null>;
}

/** A check of a quarter that a module judges from its own records, as the quarter's checks list it. */
export interface QuarterCheck {
  rule: string;
  status: 'pass' | 'warn' | 'fail';
  citation: string;
  message: string;
}

/**
 * Checks a module adds to the quarter's checks (the district pack's rules are the organisations
 * module's; a module whose records a rule is about judges it itself, e.g. the finance module's
 * half-yearly disclosure). Judged for many quarters at once, so that a district's to-do list
 * stays one query per module; a quarter the module has nothing to say about is left out.
 */
export interface QuarterChecksProvider {
  key: string;
  checks: (db: DB, quarterIds: string[], asOf: string, locale: Locale) => Promise<Map<string, QuarterCheck[]>>;
}

export interface ModuleDescriptor {
  /** The module's folder under src/server/modules. */
  name: string;
  /** The tables the module owns; no other module's SQL may name them (src/server/boundaries.test.ts). */
  tables: readonly string[];
  /** Its routes, registered by app.ts as a Fastify plugin. */
  routes: (app: FastifyInstance) => Promise<void>;
  /** Its error codes and messages (defineErrors). */
  errors?: ErrorCatalog;
  /** Its permissions and the roles that hold them (defineGrants). */
  grants?: Grants;
  dossierSections?: DossierSectionProvider[];
  /** What it keeps of registry records, so that they are not deleted under it. */
  registryHolds?: RegistryHold[];
  /** The quarter's contact network; at most one module gives it. */
  quarterContacts?: QuarterContactsProvider;
  jobs?: PeriodicJob[];
  calendarDuties?: CalendarDuty[];
  dashboardAggregates?: DashboardAggregate[];
  /** Routes that answer without a login, as 'METHOD /api/path' (the access matrix checks them). */
  publicEndpoints?: readonly string[];
  /** The organisation records accounts are linked to; at most one module gives them. */
  officeRecords?: OfficeRecordsProvider;
  /** Its parts of the quarter's public board (disclosures, projects, cases…); one module per key. */
  publicBoardSections?: PublicBoardSection[];
  /** Facts of a quarter it keeps that the policy packs judge (platform/quarter-facts.ts). */
  quarterFacts?: QuarterFactsContributor;
  /** Checks of a quarter judged from the module's records. */
  quarterChecks?: QuarterChecksProvider[];
}

/** What the installed modules add up to, for the parts of the server that use it. */
export interface InstalledModules {
  modules: readonly ModuleDescriptor[];
  dossierSections: DossierSectionProvider[];
  registryHolds: RegistryHold[];
  /** The contact network of the module that gives it; none without such a module. */
  quarterContacts: QuarterContactsProvider;
  jobs: PeriodicJob[];
  calendarDuties: CalendarDuty[];
  dashboardAggregates: DashboardAggregate[];
  publicEndpoints: string[];
  /** The organisation records behind accounts; without such a module no link is current. */
  officeRecords: OfficeRecordsProvider;
  /** The parts of the public board the modules add, in the modules' order. */
  publicBoardSections: PublicBoardSection[];
  quarterChecks: QuarterChecksProvider[];
}

/**
 * Installs the error catalogues and grants of the listed modules (idempotent: the same
 * descriptors can be installed by every app a test builds) and collects what else they add.
 * Two modules claiming one table, error code, permission, section or job is a start-up error.
 */
export function installModules(modules: readonly ModuleDescriptor[]): InstalledModules {
  const seen = { name: new Set<string>(), table: new Set<string>(), section: new Set<string>(), job: new Set<string>(), contacts: new Set<string>(), offices: new Set<string>(), board: new Set<string>() };
  const claim = (kind: keyof typeof seen, key: string, by: string) => {
    if (seen[kind].has(key)) throw new Error(`module ${by}: ${kind} "${key}" is claimed twice`);
    seen[kind].add(key);
  };
  for (const m of modules) {
    claim('name', m.name, m.name);
    for (const t of m.tables) claim('table', t, m.name);
    for (const s of m.dossierSections ?? []) claim('section', s.key, m.name);
    for (const j of m.jobs ?? []) claim('job', j.name, m.name);
    if (m.quarterContacts) claim('contacts', 'quarter contacts', m.name);
    if (m.officeRecords) claim('offices', 'office records', m.name);
    for (const b of m.publicBoardSections ?? []) claim('board', b.key, m.name);
    if (m.errors) installErrors(m.errors);
    if (m.grants) installGrants(m.name, m.grants);
    if (m.quarterFacts) installQuarterFacts(m.quarterFacts);
  }
  return {
    modules,
    dossierSections: modules.flatMap((m) => m.dossierSections ?? []),
    registryHolds: modules.flatMap((m) => m.registryHolds ?? []),
    quarterContacts: modules.find((m) => m.quarterContacts)?.quarterContacts ?? (async () => []),
    jobs: modules.flatMap((m) => m.jobs ?? []),
    calendarDuties: modules.flatMap((m) => m.calendarDuties ?? []),
    dashboardAggregates: modules.flatMap((m) => m.dashboardAggregates ?? []),
    publicEndpoints: modules.flatMap((m) => m.publicEndpoints ?? []),
    officeRecords: modules.find((m) => m.officeRecords)?.officeRecords ?? noOfficeRecords,
    publicBoardSections: modules.flatMap((m) => m.publicBoardSections ?? []),
    quarterChecks: modules.flatMap((m) => m.quarterChecks ?? []),
  };
}

// Without a module that keeps the records, a linked account's office cannot be shown current.
const noOfficeRecords: OfficeRecordsProvider = {
  record: async () => null,
  ended: async () => ({ reason: 'missing', since: null }),
  endedMany: async (_db, items) => items.map(() => ({ record: null, ended: { reason: 'missing', since: null } })),
  records: async () => [],
};
