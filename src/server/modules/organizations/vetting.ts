// Candidate vetting for the owners' committee (百委〔2023〕37号 二（二）5): "小区党组织或业主联名推荐、
// 社区前置审核、街道统筹把关、部门联合审查". A candidate is recommended, then reviewed in three steps,
// each by the office whose step it is, with the reviewer, the opinion and the date, and against
// the qualification checklist (checklist.ts). The reserve pool (业委会成员人选储备库, 二（二）6)
// holds candidates with their skills (finance, law, engineering) and party membership; a
// candidate who passed all three steps may be seated on a committee (committees.ts).
import { placeInScope, type Actor, type Role } from '../../platform/access';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { AppError, conflict } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { ownerStandings, quarterPlacesByIds } from '../registry';
import { checklistProblems, checklistView, type ChecklistAnswers } from './checklist';
import { authorizeCandidate, authorizeQuarterOrganizations } from './access';
import type { CandidatesTable } from './tables';
import { asRecord, asStringArray, fieldError, invalidReference, json, type DB, type OrgContext } from './shared';
import type { IsoDate } from '../../../core/dates';
import { vettingSteps, type candidateSkills, type candidateStatuses } from '../../../contracts/organizations';

export type VettingStep = (typeof vettingSteps)[number];
export type CandidateStatus = (typeof candidateStatuses)[number];

/** The status a candidate must have for each step, and the status an approval gives. */
const stepFlow: Record<VettingStep, { from: CandidateStatus; to: CandidateStatus }> = {
  'community-pre-review': { from: 'recommended', to: 'community-approved' },
  'street-review': { from: 'community-approved', to: 'street-approved' },
  'joint-department-review': { from: 'street-approved', to: 'approved' },
};

/**
 * Which office takes each step: the community does the pre-review (社区前置审核), the street
 * weighs it (街道统筹把关), and the departments' joint opinion (部门联合审查) is convened and
 * recorded by the street or the district office, which name the departments that took part.
 */
export const stepRoles: Record<VettingStep, Role[]> = {
  'community-pre-review': ['community_office'],
  'street-review': ['street_office'],
  'joint-department-review': ['street_office', 'district_office'],
};

export const stepLabels: Record<VettingStep, { 'zh-CN': string; en: string }> = {
  'community-pre-review': { 'zh-CN': '社区前置审核', en: 'community pre-review' },
  'street-review': { 'zh-CN': '街道统筹把关', en: 'street review' },
  'joint-department-review': { 'zh-CN': '部门联合审查', en: 'joint department review' },
};
const officeLabels: Record<VettingStep, { 'zh-CN': string; en: string }> = {
  'community-pre-review': { 'zh-CN': '社区微治办', en: 'community office' },
  'street-review': { 'zh-CN': '街道三方办', en: 'street office' },
  'joint-department-review': { 'zh-CN': '街道或区三方办', en: 'street or district office' },
};
export const statusLabels: Record<CandidateStatus, { 'zh-CN': string; en: string }> = {
  recommended: { 'zh-CN': '待社区前置审核', en: 'awaiting community pre-review' },
  'community-approved': { 'zh-CN': '待街道统筹把关', en: 'awaiting street review' },
  'street-approved': { 'zh-CN': '待部门联合审查', en: 'awaiting joint department review' },
  approved: { 'zh-CN': '审查通过', en: 'approved' },
  rejected: { 'zh-CN': '未通过', en: 'rejected' },
};

/** The step a candidate waits for, or null when the vetting is over. */
export function nextStep(status: string): VettingStep | null {
  return vettingSteps.find((s) => stepFlow[s].from === status) ?? null;
}

export interface RecommendInput {
  ownerId: string;
  recommendedBy: 'party-organization' | 'co-signing-owners';
  partyOrganizationId?: string | null;
  coSignerCount?: number | null;
  recommendedOn: IsoDate;
  skills?: (typeof candidateSkills)[number][];
  isPartyMember?: boolean;
  inReservePool?: boolean;
  checklist?: ChecklistAnswers;
  note?: string;
}

export async function recommendCandidate(db: DB, ctx: OrgContext, quarterId: string, input: RecommendInput): Promise<{ id: string }> {
  const place = await authorizeQuarterOrganizations(db, ctx.actor, quarterId, 'recommend');
  if (input.recommendedBy === 'co-signing-owners' && !input.coSignerCount) {
    throw fieldError('coSignerCount', { 'zh-CN': '业主联名推荐须填写联名人数', en: 'a recommendation by co-signing owners needs their number' }, { 'zh-CN': '必填', en: 'required' });
  }
  return uniquely(async () => {
    return db.transaction().execute(async (tx) => {
      const standing = (await ownerStandings(tx, [input.ownerId])).get(input.ownerId);
      // ZAS 5.4.3: a member is an owner of the management area, so only one who holds a unit here.
      if (!standing || standing.quarterId !== quarterId || standing.unitCount === 0) {
        throw invalidReference('ownerId', { 'zh-CN': '业主', en: 'The owner' }, { 'zh-CN': '业主不存在或不在本小区', en: 'no such owner in this quarter' });
      }
      if (standing.kind !== 'person') throw new AppError('MEMBER_NOT_PERSON', { name: standing.name });
      let partyOrganizationId: string | null = null;
      if (input.recommendedBy === 'party-organization') {
        const po = input.partyOrganizationId
          ? await tx.selectFrom('party_organizations').select('id').where('id', '=', input.partyOrganizationId).where('quarter_id', '=', quarterId).executeTakeFirst()
          : await tx.selectFrom('party_organizations').select('id').where('quarter_id', '=', quarterId).where('kind', '=', 'quarter').where('dissolved_on', 'is', null).executeTakeFirst();
        if (!po) {
          throw invalidReference('partyOrganizationId', { 'zh-CN': '小区党组织', en: 'The quarter party organisation' }, { 'zh-CN': '本小区没有该党组织', en: 'no such party organisation in this quarter' });
        }
        partyOrganizationId = po.id;
      }
      const row = await tx
        .insertInto('candidates')
        .values({
          district_id: place.districtId,
          quarter_id: quarterId,
          owner_id: input.ownerId,
          name: standing.name,
          recommended_by: input.recommendedBy,
          party_organization_id: partyOrganizationId,
          co_signer_count: input.recommendedBy === 'co-signing-owners' ? input.coSignerCount! : null,
          recommended_on: input.recommendedOn,
          skills: json(input.skills ?? []),
          is_party_member: input.isPartyMember ?? false,
          checklist: json(input.checklist ?? {}),
          in_reserve_pool: input.inReservePool ?? false,
          note: input.note ?? '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'create', entity: 'candidate', entityId: row.id, place, after: input });
      return row;
    });
  }, () => conflict('该业主正在审核中的推荐', 'An open recommendation of this owner'));
}

export interface CandidatePatch {
  skills?: (typeof candidateSkills)[number][];
  isPartyMember?: boolean;
  inReservePool?: boolean;
  checklist?: ChecklistAnswers;
  note?: string;
}

/** Skills, party membership, reserve pool and checklist answers may be kept up to date. */
export async function updateCandidate(db: DB, ctx: OrgContext, id: string, patch: CandidatePatch): Promise<void> {
  const { candidate, place } = await authorizeCandidate(db, ctx.actor, id, 'recommend');
  if (patch.inReservePool && candidate.status === 'rejected') throw new AppError('RESERVE_POOL_REJECTED');
  await db.transaction().execute(async (tx) => {
    const set = patchColumns<CandidatesTable>()(patch, {
      skills: (skills) => ({ skills: json(skills) }),
      isPartyMember: 'is_party_member',
      inReservePool: 'in_reserve_pool',
      // New answers are merged into those recorded.
      checklist: (answers) => ({ checklist: json({ ...asRecord(candidate.checklist), ...answers }) }),
      note: 'note',
    });
    await tx.updateTable('candidates').set({ ...set, updated_at: new Date() } as Updateable<CandidatesTable>).where('id', '=', id).execute();
    await recordAudit(tx, ctx, {
      action: 'update',
      entity: 'candidate',
      entityId: id,
      place,
      before: { skills: candidate.skills, isPartyMember: candidate.is_party_member, inReservePool: candidate.in_reserve_pool, checklist: candidate.checklist },
      after: patch,
    });
  });
}

export interface ReviewInput {
  step: VettingStep;
  decision: 'approve' | 'reject';
  opinion: string;
  reviewedOn: IsoDate;
  reviewerName?: string;
  /** Answers the reviewer confirms at this step (merged into the candidate's checklist). */
  checklist?: ChecklistAnswers;
  departments?: string[];
}

/** One vetting step. Steps go in order; each is taken once, by its office, with the checklist. */
export async function reviewCandidate(db: DB, ctx: OrgContext, id: string, input: ReviewInput): Promise<{ status: CandidateStatus }> {
  const { candidate, place } = await authorizeCandidate(db, ctx.actor, id, 'vetting.review');
  if (!stepRoles[input.step].includes(ctx.actor.role)) {
    throw new AppError('VETTING_WRONG_OFFICE', {
      step: stepLabels[input.step]['zh-CN'],
      stepEn: stepLabels[input.step].en,
      office: officeLabels[input.step]['zh-CN'],
      officeEn: officeLabels[input.step].en,
    });
  }
  const status = candidate.status as CandidateStatus;
  if (status === 'approved' || status === 'rejected') {
    throw new AppError('VETTING_CLOSED', { status: statusLabels[status]['zh-CN'], statusEn: statusLabels[status].en });
  }
  const expected = nextStep(status)!;
  if (expected !== input.step) {
    throw new AppError('VETTING_OUT_OF_ORDER', {
      expected: stepLabels[expected]['zh-CN'],
      expectedEn: stepLabels[expected].en,
      given: stepLabels[input.step]['zh-CN'],
      givenEn: stepLabels[input.step].en,
    });
  }
  const answers: ChecklistAnswers = { ...(asRecord(candidate.checklist) as ChecklistAnswers), ...(input.checklist ?? {}) };
  if (input.decision === 'approve') {
    // BG 二（二）5 "严格把关资格条件": no step may pass a candidate whose binding items are open or unmet.
    const { unanswered, unmet } = checklistProblems(answers);
    if (unmet.length) {
      throw new AppError(
        'CANDIDATE_DISQUALIFIED',
        { items: unmet.map((i) => `${i.label['zh-CN']}（${i.citation}）`).join('；'), itemsEn: unmet.map((i) => `${i.label.en} (${i.citation})`).join('; ') },
        { items: unmet.map((i) => ({ id: i.id, citation: i.citation })) },
      );
    }
    if (unanswered.length) {
      throw new AppError(
        'CHECKLIST_INCOMPLETE',
        { items: unanswered.map((i) => `${i.label['zh-CN']}（${i.citation}）`).join('；'), itemsEn: unanswered.map((i) => `${i.label.en} (${i.citation})`).join('; ') },
        { items: unanswered.map((i) => ({ id: i.id, citation: i.citation })) },
      );
    }
  }
  const next: CandidateStatus = input.decision === 'approve' ? stepFlow[input.step].to : 'rejected';
  await uniquely(async () => {
    await db.transaction().execute(async (tx) => {
      // The status in the WHERE makes a concurrent second review of the same step a no-op.
      const updated = await tx
        .updateTable('candidates')
        .set({ status: next, checklist: json(answers), updated_at: new Date(), ...(next === 'rejected' ? { in_reserve_pool: false } : {}) })
        .where('id', '=', id)
        .where('status', '=', status)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw conflict(`“${stepLabels[input.step]['zh-CN']}”的审核`, `The ${stepLabels[input.step].en}`);
      await tx
        .insertInto('candidate_reviews')
        .values({
          district_id: place.districtId,
          quarter_id: place.quarterId,
          candidate_id: id,
          step: input.step,
          reviewer_id: ctx.actor.id,
          reviewer_name: input.reviewerName?.trim() || ctx.actor.displayName,
          reviewed_on: input.reviewedOn,
          opinion: input.opinion,
          decision: input.decision,
          departments: json(input.departments ?? []),
        })
        .execute();
      await recordAudit(tx, ctx, { action: 'update', entity: 'candidate', entityId: id, place, before: { status }, after: { ...input, status: next } });
    });
  }, () => conflict(`“${stepLabels[input.step]['zh-CN']}”的审核`, `The ${stepLabels[input.step].en}`));
  return { status: next };
}

type CandidateRow = Awaited<ReturnType<typeof loadCandidates>>['rows'][number];

async function loadCandidates(db: DB, where: { quarterIds?: string[]; ids?: string[] }) {
  let q = db.selectFrom('candidates').selectAll();
  if (where.quarterIds) q = q.where('quarter_id', 'in', where.quarterIds.length ? where.quarterIds : ['00000000-0000-0000-0000-000000000000']);
  if (where.ids) q = q.where('id', 'in', where.ids.length ? where.ids : ['00000000-0000-0000-0000-000000000000']);
  const rows = await q.orderBy('recommended_on').orderBy('created_at').execute();
  const reviews = rows.length
    ? await db.selectFrom('candidate_reviews').selectAll().where('candidate_id', 'in', rows.map((r) => r.id)).orderBy('reviewed_on').orderBy('created_at').execute()
    : [];
  return { rows, reviews };
}

function candidateView(c: CandidateRow, reviews: Awaited<ReturnType<typeof loadCandidates>>['reviews'], locale: Locale, quarterName?: string) {
  const status = c.status as CandidateStatus;
  const step = nextStep(status);
  return {
    id: c.id,
    quarterId: c.quarter_id,
    ...(quarterName !== undefined ? { quarterName } : {}),
    ownerId: c.owner_id,
    name: c.name,
    recommendedBy: c.recommended_by,
    partyOrganizationId: c.party_organization_id,
    coSignerCount: c.co_signer_count,
    recommendedOn: c.recommended_on,
    skills: asStringArray(c.skills),
    isPartyMember: c.is_party_member,
    inReservePool: c.in_reserve_pool,
    status,
    statusLabel: statusLabels[status][locale],
    nextStep: step,
    nextStepLabel: step ? stepLabels[step][locale] : null,
    seated: !!c.committee_member_id,
    note: c.note,
    checklist: checklistView(asRecord(c.checklist) as ChecklistAnswers, locale),
    reviews: reviews
      .filter((r) => r.candidate_id === c.id)
      .map((r) => ({
        step: r.step,
        stepLabel: stepLabels[r.step as VettingStep][locale],
        decision: r.decision,
        reviewerName: r.reviewer_name,
        reviewedOn: r.reviewed_on,
        opinion: r.opinion,
        departments: asStringArray(r.departments),
      })),
  };
}
export type CandidateView = ReturnType<typeof candidateView>;

export async function candidatesOfQuarter(db: DB, quarterId: string, locale: Locale): Promise<CandidateView[]> {
  const { rows, reviews } = await loadCandidates(db, { quarterIds: [quarterId] });
  return rows.map((c) => candidateView(c, reviews, locale));
}

export async function listCandidates(db: DB, actor: Actor, quarterId: string, locale: Locale) {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  return candidatesOfQuarter(db, quarterId, locale);
}

export async function getCandidate(db: DB, actor: Actor, id: string, locale: Locale) {
  const { candidate } = await authorizeCandidate(db, actor, id, 'organizations.read');
  const { rows, reviews } = await loadCandidates(db, { ids: [candidate.id] });
  return candidateView(rows[0], reviews, locale);
}

/** The candidates waiting for a step the actor's office takes, in the actor's scope. */
export async function vettingQueue(db: DB, actor: Actor, locale: Locale): Promise<CandidateView[]> {
  const steps = vettingSteps.filter((s) => stepRoles[s].includes(actor.role));
  if (!steps.length || !actor.permissions.includes('vetting.review')) return [];
  // The candidates waiting in the district (a few), then only those of quarters in scope, with
  // their names, from the registry: not every quarter of the district first (docs/scaling.md).
  let waiting = db
    .selectFrom('candidates')
    .selectAll()
    .where('district_id', '=', actor.path.districtId)
    .where(
      'status',
      'in',
      steps.map((s) => stepFlow[s].from),
    );
  if (actor.path.quarterId) waiting = waiting.where('quarter_id', '=', actor.path.quarterId);
  const candidates = await waiting.orderBy('recommended_on').orderBy('created_at').execute();
  const places = await quarterPlacesByIds(db, candidates.map((r) => r.quarter_id));
  const rows = candidates.filter((r) => places.has(r.quarter_id) && placeInScope(actor, places.get(r.quarter_id)!, { parentRead: true }));
  const reviews = rows.length ? await db.selectFrom('candidate_reviews').selectAll().where('candidate_id', 'in', rows.map((r) => r.id)).execute() : [];
  return rows.map((r) => candidateView(r, reviews, locale, places.get(r.quarter_id)?.name ?? ''));
}
