// Owners' committees (业主委员会): their terms, status (forming → active → ended) and the view
// of a committee with its members, trainings and appraisals; the members' own changes are in
// committee-members.ts, the supervisory committees in supervisory.ts.
//
// What is refused and what is not:
// - creating a committee, activating one, changing its term or its members is refused with 422
//   when the result breaks a "fail" rule of its composition (T/ZAS 4006.1—2020 5.4.1–5.4.3,
//   XH 二（三）7): the record would state a committee the rules do not allow;
// - removing a member (the exit mechanism of BG 二（二）7) is never refused: a vacancy is a fact
//   to record, and the rules it now breaks come back as warnings until it is filled;
// - a committee "forming" (筹备) may be put together member by member; its composition is
//   judged, and refused if it breaks a rule, when it becomes active.
import type { Actor } from '../../platform/access';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { AppError, conflict } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import { addDays, compareDates, type IsoDate } from '../../../core/dates';
import type { RuleId } from '../../../core/policy/index';
import type { appraisalRatings, committeePositions, committeeStatuses } from '../../../contracts/organizations';
import { ownerStandings } from '../registry';
import { checkedWrite, COMPOSITION_RULES, newId, type CheckItem } from './facts';
import { authorizeCommittee, authorizeQuarterOrganizations, type QuarterPlace } from './access';
import type { OwnersCommitteesTable } from './tables';
import { assertDateOrder, invalidReference, shanghaiDate, type DB, type OrgContext } from './shared';

export type CommitteePosition = (typeof committeePositions)[number];
export type CommitteeStatus = (typeof committeeStatuses)[number];

const positionLabels: Record<string, { 'zh-CN': string; en: string }> = {
  chair: { 'zh-CN': '主任', en: 'Chair' },
  'vice-chair': { 'zh-CN': '副主任', en: 'Vice-chair' },
  member: { 'zh-CN': '委员', en: 'Member' },
};
export const statusLabels: Record<string, { 'zh-CN': string; en: string }> = {
  forming: { 'zh-CN': '筹备中', en: 'forming' },
  active: { 'zh-CN': '在任', en: 'active' },
  ended: { 'zh-CN': '已届满/结束', en: 'ended' },
};

export interface MemberInput {
  ownerId?: string;
  candidateId?: string;
  position: CommitteePosition;
  isPartyMember?: boolean;
  joinedOn?: IsoDate | null;
  commitmentsSignedOn?: IsoDate | null;
}

export interface CommitteeInput {
  termNumber?: number | null;
  termStart: IsoDate;
  termEnd: IsoDate;
  status?: 'forming' | 'active';
  electedOn?: IsoDate | null;
  members?: MemberInput[];
}

export const ownerRef = (path: string) => invalidReference(path, { 'zh-CN': '业主', en: 'The owner' }, { 'zh-CN': '业主不存在或不在本小区', en: 'no such owner in this quarter' });

/**
 * Resolves the members to add: each an owner of this quarter who is a natural person (ZAS
 * 5.4.3), or an approved candidate (BG 二（二）5) who brings their owner and party membership.
 */
export async function resolveMembers(tx: DB, quarterId: string, inputs: MemberInput[], pathPrefix: string) {
  const candidates = inputs.some((m) => m.candidateId)
    ? await tx
        .selectFrom('candidates')
        .selectAll()
        .where('id', 'in', inputs.filter((m) => m.candidateId).map((m) => m.candidateId!))
        .execute()
    : [];
  const resolved = inputs.map((m, i) => {
    if (m.candidateId) {
      const c = candidates.find((x) => x.id === m.candidateId);
      if (!c || c.quarter_id !== quarterId) {
        throw invalidReference(`${pathPrefix}${i}.candidateId`, { 'zh-CN': '人选', en: 'The candidate' }, { 'zh-CN': '人选不存在或不在本小区', en: 'no such candidate in this quarter' });
      }
      if (c.status !== 'approved') throw new AppError('CANDIDATE_NOT_APPROVED', { name: c.name });
      if (c.committee_member_id) throw new AppError('CANDIDATE_SEATED', { name: c.name });
      return { ...m, ownerId: c.owner_id, isPartyMember: m.isPartyMember ?? c.is_party_member, candidateId: c.id };
    }
    return { ...m, ownerId: m.ownerId!, candidateId: null };
  });
  const standings = await ownerStandings(tx, resolved.map((m) => m.ownerId));
  const seen = new Set<string>();
  return resolved.map((m, i) => {
    const s = standings.get(m.ownerId);
    if (!s || s.quarterId !== quarterId) throw ownerRef(`${pathPrefix}${i}.ownerId`);
    if (s.kind !== 'person') throw new AppError('MEMBER_NOT_PERSON', { name: s.name });
    if (seen.has(m.ownerId)) throw conflict(`委员“${s.name}”`, `Member "${s.name}"`);
    seen.add(m.ownerId);
    return { ...m, name: s.name };
  });
}

export async function insertMembers(tx: DB, place: QuarterPlace, committeeId: string, members: Awaited<ReturnType<typeof resolveMembers>>) {
  const ids: string[] = [];
  for (const m of members) {
    const row = await tx
      .insertInto('committee_members')
      .values({
        district_id: place.districtId,
        quarter_id: place.quarterId,
        committee_id: committeeId,
        owner_id: m.ownerId,
        candidate_id: m.candidateId,
        name: m.name,
        position: m.position,
        is_party_member: m.isPartyMember ?? false,
        joined_on: m.joinedOn ?? null,
        commitments_signed_on: m.commitmentsSignedOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (m.candidateId) {
      // Seated: out of the reserve pool (BG 二（二）6 keeps it for those not yet serving).
      await tx.updateTable('candidates').set({ committee_member_id: row.id, in_reserve_pool: false, updated_at: new Date() }).where('id', '=', m.candidateId).execute();
    }
    ids.push(row.id);
  }
  return ids;
}

/** The unique constraints of committees and members: one active and one forming committee per quarter, an owner once per committee. */
export const committeeConflict = () => conflict('本小区在任（或筹备中）的业主委员会，或该委员', 'An active (or forming) committee of this quarter, or this member,');

export async function createCommittee(db: DB, ctx: OrgContext, quarterId: string, input: CommitteeInput): Promise<{ id: string; warnings: CheckItem[] }> {
  const place = await authorizeQuarterOrganizations(db, ctx.actor, quarterId, 'organizations.manage');
  const status = input.status ?? 'active';
  assertDateOrder(input.termStart, input.termEnd, { earlier: '任期开始日', earlierEn: 'The start of the term', later: '任期届满日', laterEn: 'The end of the term', path: 'termEnd' });
  const id = newId();
  // Forming a committee needs the conditions of ZAS 5.4.1; an active one also its composition.
  const blocking: RuleId[] = status === 'active' ? ['committee-formation', ...COMPOSITION_RULES] : ['committee-formation'];
  return uniquely(async () => {
    const { warnings } = await checkedWrite(
      db,
      {
        quarterId,
        asOf: shanghaiDate(),
        locale: ctx.locale,
        rules: ['committee-formation', ...COMPOSITION_RULES, 'party-organization-required'],
        blocking,
        alwaysBlock: blocking,
        committeeId: id,
      },
      async (tx) => {
        const existing = await tx.selectFrom('owners_committees').select('id').where('quarter_id', '=', quarterId).where('status', '=', status).executeTakeFirst();
        if (existing) {
          throw status === 'active'
            ? conflict('本小区在任的业主委员会', 'An active owners’ committee of this quarter')
            : conflict('本小区筹备中的业主委员会', 'A forming owners’ committee of this quarter');
        }
        const members = await resolveMembers(tx, quarterId, input.members ?? [], 'members.');
        await tx
          .insertInto('owners_committees')
          .values({
            id,
            district_id: place.districtId,
            quarter_id: quarterId,
            term_number: input.termNumber ?? null,
            term_start: input.termStart,
            term_end: input.termEnd,
            status,
            elected_on: input.electedOn ?? null,
          })
          .execute();
        const memberIds = await insertMembers(tx, place, id, members);
        await recordAudit(tx, ctx, { action: 'create', entity: 'owners_committee', entityId: id, place, after: { ...input, memberIds } });
      },
    );
    return { id, warnings };
  }, committeeConflict);
}

export interface CommitteePatch {
  termNumber?: number | null;
  termStart?: IsoDate;
  termEnd?: IsoDate;
  electedOn?: IsoDate | null;
  status?: CommitteeStatus;
}

export async function updateCommittee(db: DB, ctx: OrgContext, committeeId: string, patch: CommitteePatch): Promise<{ warnings: CheckItem[] }> {
  const { committee, place } = await authorizeCommittee(db, ctx.actor, committeeId, 'organizations.manage');
  if (committee.status === 'ended') throw new AppError('COMMITTEE_CLOSED');
  const nextStatus = patch.status ?? committee.status;
  if (nextStatus !== committee.status && !(committee.status === 'forming' && nextStatus !== 'forming') && !(committee.status === 'active' && nextStatus === 'ended')) {
    throw new AppError('COMMITTEE_STATUS_CHANGE', {
      from: statusLabels[committee.status]['zh-CN'],
      to: statusLabels[nextStatus]['zh-CN'],
      fromEn: statusLabels[committee.status].en,
      toEn: statusLabels[nextStatus].en,
    });
  }
  const termStart = patch.termStart ?? committee.term_start;
  const termEnd = patch.termEnd ?? committee.term_end;
  assertDateOrder(termStart, termEnd, { earlier: '任期开始日', earlierEn: 'The start of the term', later: '任期届满日', laterEn: 'The end of the term', path: 'termEnd' });
  const today = shanghaiDate();
  const activating = committee.status === 'forming' && nextStatus === 'active';
  const ending = nextStatus === 'ended';
  const blocking: RuleId[] = nextStatus === 'active' ? [...(activating ? (['committee-formation'] as RuleId[]) : []), ...COMPOSITION_RULES] : [];
  return uniquely(async () => {
    const { warnings } = await checkedWrite(
      db,
      {
        quarterId: committee.quarter_id,
        asOf: today,
        locale: ctx.locale,
        rules: ending ? [] : [...COMPOSITION_RULES, 'party-organization-required'],
        blocking,
        alwaysBlock: activating ? blocking : [],
        committeeId,
        neverRefuse: ending,
      },
      async (tx) => {
        if (activating) {
          // The re-election (换届) is done: the committee in office hands over.
          const previous = await tx.selectFrom('owners_committees').select(['id', 'term_start']).where('quarter_id', '=', committee.quarter_id).where('status', '=', 'active').executeTakeFirst();
          if (previous) {
            const dayBefore = addDays(termStart, -1);
            const endedOn = compareDates(dayBefore, previous.term_start) >= 0 ? dayBefore : today;
            await tx.updateTable('owners_committees').set({ status: 'ended', ended_on: endedOn, updated_at: new Date() }).where('id', '=', previous.id).execute();
            await recordAudit(tx, ctx, { action: 'update', entity: 'owners_committee', entityId: previous.id, place, before: { status: 'active' }, after: { status: 'ended', endedOn, succeededBy: committeeId } });
          }
        }
        const set = patchColumns<OwnersCommitteesTable>()({ termNumber: patch.termNumber, electedOn: patch.electedOn }, { termNumber: 'term_number', electedOn: 'elected_on' });
        await tx
          .updateTable('owners_committees')
          .set({ ...set, status: nextStatus, term_start: termStart, term_end: termEnd, ...(ending ? { ended_on: today } : {}), updated_at: new Date() } as Updateable<OwnersCommitteesTable>)
          .where('id', '=', committeeId)
          .execute();
        await recordAudit(tx, ctx, {
          action: 'update',
          entity: 'owners_committee',
          entityId: committeeId,
          place,
          before: { status: committee.status, termStart: committee.term_start, termEnd: committee.term_end, electedOn: committee.elected_on },
          after: patch,
        });
      },
    );
    return { warnings };
  }, committeeConflict);
}

export interface AppraisalInput {
  appraisedOn: IsoDate;
  periodLabel?: string;
  ledBy?: string;
  results: { memberId: string; rating: (typeof appraisalRatings)[number]; note?: string }[];
  publishedOn?: IsoDate | null;
}

// ---- reading ----------------------------------------------------------------------------------

export async function committeeViews(db: DB, quarterId: string, locale: Locale, filter: { committeeId?: string; status?: CommitteeStatus[] } = {}) {
  let q = db.selectFrom('owners_committees').selectAll().where('quarter_id', '=', quarterId);
  if (filter.committeeId) q = q.where('id', '=', filter.committeeId);
  if (filter.status?.length) q = q.where('status', 'in', filter.status);
  const committees = await q.orderBy('term_start', 'desc').execute();
  if (!committees.length) return [];
  const ids = committees.map((c) => c.id);
  const members = await db.selectFrom('committee_members').selectAll().where('committee_id', 'in', ids).orderBy('created_at').orderBy('id').execute();
  const trainings = await db.selectFrom('committee_trainings').selectAll().where('committee_id', 'in', ids).orderBy('held_on').execute();
  const attendees = trainings.length
    ? await db.selectFrom('committee_training_attendees').select(['training_id', 'member_id']).where('training_id', 'in', trainings.map((t) => t.id)).execute()
    : [];
  const appraisals = await db.selectFrom('committee_appraisals').selectAll().where('committee_id', 'in', ids).orderBy('appraised_on').execute();
  const partyOrgs = await db
    .selectFrom('party_organizations')
    .select(['id', 'name', 'owners_committee_id', 'dissolved_on'])
    .where('owners_committee_id', 'in', ids)
    .where('dissolved_on', 'is', null)
    .execute();
  const rank: Record<string, number> = { chair: 0, 'vice-chair': 1, member: 2 };
  return committees.map((c) => {
    const own = members
      .filter((m) => m.committee_id === c.id)
      .sort((a, b) => Number(!!a.removed_on) - Number(!!b.removed_on) || rank[a.position] - rank[b.position]);
    const current = own.filter((m) => !m.removed_on);
    const po = partyOrgs.find((p) => p.owners_committee_id === c.id);
    return {
      id: c.id,
      quarterId: c.quarter_id,
      termNumber: c.term_number,
      termStart: c.term_start,
      termEnd: c.term_end,
      status: c.status as CommitteeStatus,
      statusLabel: statusLabels[c.status][locale],
      electedOn: c.elected_on,
      endedOn: c.ended_on,
      memberCount: current.length,
      partyMemberCount: current.filter((m) => m.is_party_member).length,
      partyOrganization: po ? { id: po.id, name: po.name } : null,
      members: own.map((m) => ({
        id: m.id,
        ownerId: m.owner_id,
        candidateId: m.candidate_id,
        name: m.name,
        position: m.position as CommitteePosition,
        positionLabel: positionLabels[m.position][locale],
        isPartyMember: m.is_party_member,
        joinedOn: m.joined_on,
        commitmentsSignedOn: m.commitments_signed_on,
        removedOn: m.removed_on,
        removalReason: m.removal_reason,
        trainingDates: trainings.filter((t) => attendees.some((a) => a.training_id === t.id && a.member_id === m.id)).map((t) => t.held_on),
      })),
      trainings: trainings
        .filter((t) => t.committee_id === c.id)
        .map((t) => ({ id: t.id, heldOn: t.held_on, topic: t.topic, organizer: t.organizer, memberIds: attendees.filter((a) => a.training_id === t.id).map((a) => a.member_id) })),
      appraisals: appraisals
        .filter((a) => a.committee_id === c.id)
        .map((a) => ({ id: a.id, appraisedOn: a.appraised_on, periodLabel: a.period_label, ledBy: a.led_by, results: a.results as AppraisalInput['results'], publishedOn: a.published_on })),
    };
  });
}

export type CommitteeView = Awaited<ReturnType<typeof committeeViews>>[number];

export async function listCommittees(db: DB, actor: Actor, quarterId: string, locale: Locale) {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  return committeeViews(db, quarterId, locale);
}

export async function getCommittee(db: DB, actor: Actor, committeeId: string, locale: Locale) {
  const { committee } = await authorizeCommittee(db, actor, committeeId, 'organizations.read');
  return (await committeeViews(db, committee.quarter_id, locale, { committeeId }))[0];
}
