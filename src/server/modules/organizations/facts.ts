// From the records to the rules: gathers a quarter's facts (registry facts from the registry's
// functions, the organisations from this module's tables) for core/policy, judges them under the
// district's policy pack, and refuses a save that breaks a "fail" rule (422 with every violation
// and its citation) inside the same transaction as the write, so that nothing is half-written.
import crypto from 'node:crypto';
import type { Actor } from '../../platform/access';
import { AppError } from '../../platform/errors';
import type { QuarterChecksProvider } from '../../platform/module';
import type { Locale } from '../../platform/i18n';
import { compareDates, type IsoDate } from '../../../core/dates';
import {
  evaluateQuarter,
  type CommitteeMemberFacts,
  type PartyBodyFacts,
  type QuarterFacts,
  type RuleId,
  type RuleResult,
  type ServiceContractFacts,
} from '../../../core/policy/index';
import { districtPolicyPack } from '../places';
import { authorizeQuarterOrganizations } from './access';
import { lockQuarter, type DB, type Exec } from './shared';
import { contributedQuarterFacts } from '../../platform/quarter-facts';
import { ownerStandings, quarterFactsByIds, type QuarterFactsRow } from '../registry';

export interface CheckItem {
  rule: string;
  status: 'pass' | 'warn' | 'fail';
  citation: string;
  message: string;
}

export function toCheckItem(r: RuleResult, locale: Locale): CheckItem {
  return { rule: r.rule, status: r.status as CheckItem['status'], citation: r.citation, message: r.message[locale] };
}

/** Rows a rule judged: 'not-applicable' rows (e.g. a body with fewer than 3 party members) are left out. */
export function applicable(results: RuleResult[]): RuleResult[] {
  return results.filter((r) => r.status !== 'not-applicable');
}

interface LoadOptions {
  asOf: IsoDate;
  /** Judge this committee (whatever its status) instead of the quarter's active one. */
  committeeId?: string;
}

/** The effective last day of a contract: an early termination, else its end (null: open-ended). */
export function contractLastDay(c: { ends_on: string | null; terminated_on: string | null }): string | null {
  return c.terminated_on ?? c.ends_on;
}

/**
 * Facts of several quarters at once (one query per kind of record, not per quarter), so that
 * a district's to-do list stays cheap.
 */
export async function loadQuarterFacts(db: Exec, quarters: QuarterFactsRow[], options: LoadOptions): Promise<Map<string, QuarterFacts>> {
  const { asOf } = options;
  const out = new Map<string, QuarterFacts>();
  if (!quarters.length) return out;
  const quarterIds = quarters.map((q) => q.quarterId);
  const chunks: string[][] = [];
  for (let i = 0; i < quarterIds.length; i += 500) chunks.push(quarterIds.slice(i, i + 500));
  const inChunks = async <T>(fn: (ids: string[]) => Promise<T[]>): Promise<T[]> => (await Promise.all(chunks.map(fn))).flat();

  // The committee judged: the active one, or the one asked for.
  const committees = options.committeeId
    ? await db.selectFrom('owners_committees').selectAll().where('id', '=', options.committeeId).execute()
    : await inChunks((ids) => db.selectFrom('owners_committees').selectAll().where('quarter_id', 'in', ids).where('status', '=', 'active').execute());
  // A successor elected but not yet in office means the re-election (换届) is done.
  const electedSuccessors = new Set(
    (
      await inChunks((ids) =>
        db.selectFrom('owners_committees').select('quarter_id').where('quarter_id', 'in', ids).where('status', '=', 'forming').where('elected_on', 'is not', null).execute(),
      )
    ).map((r) => r.quarter_id),
  );
  const committeeIds = committees.map((c) => c.id);
  const contributed = await contributedQuarterFacts(db, quarterIds, asOf);
  const members = committeeIds.length
    ? await db
        .selectFrom('committee_members')
        .selectAll()
        .where('committee_id', 'in', committeeIds)
        .where((eb) => eb.or([eb('removed_on', 'is', null), eb('removed_on', '>', asOf)]))
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : [];
  const memberIds = members.map((m) => m.id);
  const attendance = memberIds.length
    ? await db
        .selectFrom('committee_training_attendees as a')
        .innerJoin('committee_trainings as t', 't.id', 'a.training_id')
        .select(['a.member_id', 't.held_on'])
        .where('a.member_id', 'in', memberIds)
        .execute()
    : [];
  const appraisals = committeeIds.length
    ? await db.selectFrom('committee_appraisals').select(['committee_id', 'appraised_on']).where('committee_id', 'in', committeeIds).execute()
    : [];
  const committeePartyOrgs = committeeIds.length
    ? await db
        .selectFrom('party_organizations')
        .select('owners_committee_id')
        .where('owners_committee_id', 'in', committeeIds)
        .where((eb) => eb.or([eb('dissolved_on', 'is', null), eb('dissolved_on', '>', asOf)]))
        .execute()
    : [];
  const standings = await ownerStandings(db as DB, members.map((m) => m.owner_id));

  const commissioners = await inChunks((ids) =>
    db
      .selectFrom('commissioners')
      .select(['quarter_id', 'name', 'trained_on', 'started_on'])
      .where('quarter_id', 'in', ids)
      .where('started_on', '<=', asOf)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', asOf)]))
      .orderBy('started_on')
      .execute(),
  );
  const contracts = await inChunks((ids) =>
    db
      .selectFrom('service_contracts as c')
      .innerJoin('property_companies as p', 'p.id', 'c.property_company_id')
      .select([
        'c.quarter_id',
        'c.starts_on',
        'c.ends_on',
        'c.terminated_on',
        'p.id as companyId',
        'p.name as companyName',
        'p.credit_code',
        'p.party_member_count',
        'p.full_party_member_count',
      ])
      .where('c.quarter_id', 'in', ids)
      .orderBy('c.starts_on')
      .execute(),
  );
  const companyIds = [...new Set(contracts.map((c) => c.companyId))];
  const companyPartyOrgs = new Set(
    companyIds.length
      ? (
          await db
            .selectFrom('party_organizations')
            .select('property_company_id')
            .where('property_company_id', 'in', companyIds)
            .where((eb) => eb.or([eb('dissolved_on', 'is', null), eb('dissolved_on', '>', asOf)]))
            .execute()
        ).map((r) => r.property_company_id!)
      : [],
  );
  const pool = await inChunks((ids) =>
    db.selectFrom('candidates').select(['quarter_id', 'name', 'is_party_member']).where('quarter_id', 'in', ids).where('in_reserve_pool', '=', true).execute(),
  );

  for (const q of quarters) {
    const facts: QuarterFacts = {
      asOf,
      households: q.households,
      area: { totalBuildingArea: q.totalBuildingArea, deliveredArea: q.deliveredArea, firstDeliveryDate: q.firstDeliveryDate },
    };
    const partyBodies: PartyBodyFacts[] = [];
    const committee = committees.find((c) => c.quarter_id === q.quarterId);
    if (committee) {
      const own = members.filter((m) => m.committee_id === committee.id);
      const memberFacts: CommitteeMemberFacts[] = own.map((m) => {
        const standing = standings.get(m.owner_id);
        return {
          name: m.name,
          role: m.position as CommitteeMemberFacts['role'],
          isOwnerOfQuarter: !!standing && standing.quarterId === q.quarterId && standing.unitCount > 0,
          isPartyMember: m.is_party_member,
          servingSince: m.joined_on ?? committee.term_start,
          trainingDates: attendance.filter((a) => a.member_id === m.id).map((a) => a.held_on),
        };
      });
      facts.committee = {
        termStart: committee.term_start,
        termEnd: committee.term_end,
        successorElected: committee.status === 'active' && electedSuccessors.has(q.quarterId),
        members: memberFacts,
        appraisals: appraisals.filter((a) => a.committee_id === committee.id).map((a) => a.appraised_on),
      };
      partyBodies.push({
        kind: 'committee',
        name: '业主委员会',
        partyMemberCount: own.filter((m) => m.is_party_member).length,
        hasPartyOrganization: committeePartyOrgs.some((p) => p.owners_committee_id === committee.id),
      });
    }
    const own = contracts.filter((c) => c.quarter_id === q.quarterId);
    // Two companies of the same name stay apart in the rule by their credit codes.
    const label = (c: (typeof own)[number]) =>
      own.some((o) => o.companyName === c.companyName && o.companyId !== c.companyId) ? `${c.companyName}（${c.credit_code}）` : c.companyName;
    const serviceContracts: ServiceContractFacts[] = own.map((c) => ({ company: label(c), startsOn: c.starts_on, endsOn: contractLastDay(c) }));
    facts.serviceContracts = serviceContracts;
    // The company serving the quarter today is the one whose party organisation matters here.
    const current = own.filter((c) => compareDates(c.starts_on, asOf) <= 0 && (contractLastDay(c) === null || compareDates(contractLastDay(c)!, asOf) >= 0));
    for (const c of current) {
      if (partyBodies.some((b) => b.kind === 'company' && b.name === label(c))) continue;
      partyBodies.push({
        kind: 'company',
        name: label(c),
        partyMemberCount: c.party_member_count,
        ...(c.full_party_member_count !== null ? { fullPartyMemberCount: c.full_party_member_count } : {}),
        hasPartyOrganization: companyPartyOrgs.has(c.companyId),
      });
    }
    if (partyBodies.length) facts.partyBodies = partyBodies;
    // What modules above this one keep (the committee's dispute-analysis meetings: deliberation).
    const more = contributed.get(q.quarterId);
    if (facts.committee && more?.committee) facts.committee = { ...facts.committee, ...more.committee };
    facts.commissioners = commissioners
      .filter((c) => c.quarter_id === q.quarterId)
      .map((c) => ({ name: c.name, trainedOn: c.trained_on, startedOn: c.started_on }));
    facts.committeeReservePool = pool.filter((p) => p.quarter_id === q.quarterId).map((p) => ({ name: p.name, isPartyMember: p.is_party_member }));
    out.set(q.quarterId, facts);
  }
  return out;
}

/** Judges one quarter's facts under its district's pack. */
export async function judgeQuarter(db: Exec, quarterId: string, options: LoadOptions): Promise<RuleResult[]> {
  const quarter = (await quarterFactsByIds(db as DB, [quarterId])).get(quarterId);
  if (!quarter) return [];
  const pack = await districtPolicyPack(db as DB, quarter.districtId!);
  const facts = (await loadQuarterFacts(db, [quarter], options)).get(quarterId)!;
  return applicable(evaluateQuarter(pack, facts));
}

/**
 * GET /api/quarters/:id/checks: every rule that applies to the quarter, judged as of `asOf`, and
 * the checks other modules judge from their own records (their descriptors' `quarterChecks`).
 */
export async function quarterChecks(db: DB, actor: Actor, quarterId: string, asOf: IsoDate, locale: Locale, extra: readonly QuarterChecksProvider[] = []) {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  const results = await judgeQuarter(db, quarterId, { asOf });
  const others = await Promise.all(extra.map(async (p) => (await p.checks(db, [quarterId], asOf, locale)).get(quarterId) ?? []));
  return [...results.map((r) => toCheckItem(r, locale)), ...others.flat()];
}

// ---- saving under the rules ----------------------------------------------------------------

export interface CheckedWriteOptions {
  quarterId: string;
  asOf: IsoDate;
  locale: Locale;
  /** The rules this kind of record answers to; their warnings come back with the answer. */
  rules: RuleId[];
  /** Among them, the rules whose failure refuses the save. */
  blocking: RuleId[];
  /**
   * Blocking rules that refuse the save on any failure. The others refuse only a failure this
   * save brings about: a row that failed before in exactly the same way (e.g. a vacancy after a
   * removal) does not stop an unrelated correction, and comes back as a warning.
   */
  alwaysBlock?: RuleId[];
  /** Judge this committee instead of the active one (a committee being formed or created). */
  committeeId?: string;
  /**
   * A fact of life rather than a composition (a member removed, a commissioner leaving): it is
   * never refused, and the rules it now breaks come back as warnings.
   */
  neverRefuse?: boolean;
}

const sameRow = (a: RuleResult, b: RuleResult) => a.rule === b.rule && a.status === b.status && a.citation === b.citation && a.message['zh-CN'] === b.message['zh-CN'];

/**
 * Runs `write` in a transaction, judges the quarter before and after it, and rolls everything
 * back with 422 RULES_VIOLATED when the result breaks a blocking rule. Returns the write's
 * result and the warnings (and non-blocking failures) of the rules concerned.
 */
export async function checkedWrite<T>(db: DB, options: CheckedWriteOptions, write: (tx: DB) => Promise<T>): Promise<{ result: T; warnings: CheckItem[] }> {
  return db.transaction().execute(async (tx) => {
    await lockQuarter(tx, options.quarterId);
    const judge = async () =>
      (await judgeQuarter(tx, options.quarterId, { asOf: options.asOf, committeeId: options.committeeId })).filter((r) => options.rules.includes(r.rule as RuleId));
    const before = await judge();
    const result = await write(tx);
    const after = await judge();
    const isViolation = (r: RuleResult) =>
      !options.neverRefuse &&
      r.status === 'fail' &&
      options.blocking.includes(r.rule as RuleId) &&
      ((options.alwaysBlock ?? []).includes(r.rule as RuleId) || !before.some((b) => sameRow(b, r)));
    const violations = after.filter(isViolation);
    const warnings = after.filter((r) => !isViolation(r) && (r.status === 'warn' || r.status === 'fail')).map((r) => toCheckItem(r, options.locale));
    if (violations.length) {
      // The violations and the warnings, in the caller's language, under error.details.
      const details = (locale: Locale) => ({
        violations: violations.map((r) => ({ rule: r.rule, citation: r.citation, message: r.message[locale] })),
        warnings: after.filter((r) => !isViolation(r) && (r.status === 'warn' || r.status === 'fail')).map((r) => toCheckItem(r, locale)),
      });
      throw new AppError(
        'RULES_VIOLATED',
        {
          count: violations.length,
          summary: violations.map((r) => `${r.message['zh-CN']}（${r.citation}）`).join(''),
          summaryEn: violations.map((r) => `${r.message.en} (${r.citation})`).join(' '),
        },
        details,
      );
    }
    return { result, warnings };
  });
}

export const newId = () => crypto.randomUUID();

/** The composition rules of an owners' committee (T/ZAS 4006.1—2020 5.4.2–5.4.3; XH 二（三）7). */
export const COMPOSITION_RULES: RuleId[] = ['committee-size', 'committee-term', 'committee-officers', 'committee-members-are-owners', 'committee-party-share'];
