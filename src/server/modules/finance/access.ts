// The finance module's permissions, and who may do what with a quarter's money: every service
// function starts here. The place is checked against the caller's scope first (404, exactly as
// for an unknown id), then the role's permission (403), then who keeps the quarter's account.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, can, defineGrants, OFFICES, type Actor, type PlacePath, type Permission } from '../../platform/access';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import { quarterPlace } from '../registry';
import { holderLabels } from './labels';

type Exec = Kysely<Database> | Transaction<Database>;

// Public revenue (公共收益, DB3305/T 309—2024 5.1.2): the offices supervise, the quarter's bodies
// follow it (the party organisation reviews large spending, the supervisory committee tracks
// fund use, 5.1.1.2). Booking is for whoever keeps the account (5.1.2.5, below); the residents'
// committee, that is the community office with the commissioner, sets who that is. Projects are
// proposed by the committee or, on the owners' behalf, the community (5.1.1.1); each review step
// has its own roles (core/finance/approval.ts). Disclosures are reviewed by the supervisory
// committee or the community office before they are published.
export const financeGrants = defineGrants({
  'finance.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'supervisory'],
  'finance.configure': ['community_office', 'commissioner'],
  'ledger.book': ['community_office', 'commissioner', 'committee'],
  'fundProjects.propose': ['community_office', 'commissioner', 'committee'],
  'fundProjects.review': ['community_office', 'commissioner', 'committee', 'party_secretary'],
  'disclosures.review': ['community_office', 'supervisory'],
  // The yearly spot audit and the term-end audit are organised by the street and the community
  // (百委〔2023〕37号 二（三）8); the commissioner records them for the quarter.
  'finance.audit': [...OFFICES, 'commissioner'],
  // The three inventories (清产核资, 二（三）10): the community organises, the committee clears
  // the assets (DB3305/T 309—2024 5.1.2.6).
  'inventories.manage': ['community_office', 'commissioner', 'committee'],
  // The property company reports its fee-collection rate (T/ZAS 4006.1—2020 6.3.2.2).
  'feeCollection.report': ['company'],
  // The company keeps the arrears list; streets and communities publish it where the district's
  // pack has the disclosure (西政办〔2020〕29号 二（三）10: 各镇街、社区可…建立定期公示制度).
  'arrears.record': ['company'],
  'arrears.publish': ['street_office', 'community_office', 'commissioner'],
  // The maintenance fund's raising and use, each on the assembly's vote, recorded by those who
  // run the quarter's votes.
  'maintenanceFund.record': ['community_office', 'commissioner', 'committee'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof financeGrants, true> {}
}

export type Holder = 'residents_committee' | 'owners_committee';
export const holders: readonly Holder[] = ['residents_committee', 'owners_committee'];

/**
 * Who books for each keeper of the account (DB3305/T 309—2024 5.1.2.5): the residents' committee
 * opens the special account and keeps it for the assembly (the community office and the
 * quarter's commissioner, its social worker, book); where the assembly has the owners' committee
 * keep it, the committee books and the residents' committee supervises (reads).
 */
export const bookersOf: Record<Holder, readonly string[]> = {
  residents_committee: ['community_office', 'commissioner'],
  owners_committee: ['committee'],
};

export interface FinanceSettings {
  holder: Holder;
  largeThresholdFen: number;
}

/** 5 万元: the default from which spending is large, until the quarter sets its own. */
export const DEFAULT_THRESHOLD_FEN = 5_000_000;

export async function settingsOf(db: Exec, quarterId: string): Promise<FinanceSettings> {
  const row = await db.selectFrom('finance_settings').select(['holder', 'large_threshold_fen']).where('quarter_id', '=', quarterId).executeTakeFirst();
  return { holder: (row?.holder as Holder) ?? 'residents_committee', largeThresholdFen: row ? Number(row.large_threshold_fen) : DEFAULT_THRESHOLD_FEN };
}

/** Does the caller keep the quarter's account (may book, pay, generate and publish)? */
export function keepsAccount(actor: Actor, settings: FinanceSettings): boolean {
  return can(actor, 'ledger.book') && bookersOf[settings.holder].includes(actor.role);
}

export function assertKeepsAccount(actor: Actor, settings: FinanceSettings): void {
  assertCan(actor, 'ledger.book');
  if (!bookersOf[settings.holder].includes(actor.role)) {
    const l = holderLabels[settings.holder];
    throw new AppError('FINANCE_NOT_HOLDER', { holderZh: l['zh-CN'], holderEn: l.en });
  }
}

export type QuarterPlace = PlacePath & { quarterId: string; streetId: string; communityId: string; name: string };

/**
 * The quarter's place, if the caller may do `permission` there: in scope (404), the permission
 * (403); `ledger.book` also needs the caller to keep the account (403 with the clause).
 */
export async function authorizeQuarterFinance(db: Exec, actor: Actor, quarterId: string, permission: Permission): Promise<QuarterPlace & { settings: FinanceSettings }> {
  const place = await quarterPlace(db as Kysely<Database>, quarterId);
  assertInScope(actor, place, { parentRead: true });
  const settings = await settingsOf(db, quarterId);
  if (permission === 'ledger.book') assertKeepsAccount(actor, settings);
  else assertCan(actor, permission);
  return { ...(place as QuarterPlace), settings };
}

/** A row of the module with the quarter's path, if the caller may do `permission` with it. */
export async function authorizeRow<T extends { district_id: string; street_id?: string | null; community_id?: string | null; quarter_id: string }>(
  db: Exec,
  actor: Actor,
  row: T | undefined,
  permission: Permission,
): Promise<T & { settings: FinanceSettings }> {
  assertInScope(actor, row ? placeOfRow(row) : null, { parentRead: true });
  const settings = await settingsOf(db, row!.quarter_id);
  if (permission === 'ledger.book') assertKeepsAccount(actor, settings);
  else assertCan(actor, permission);
  return { ...row!, settings };
}

export { notFound };
