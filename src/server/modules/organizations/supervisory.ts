// Owners' supervisory committees (业主监督(管理)委员会, DB3305/T 309—2024 3.2): terms and members,
// owners of the quarter elected by the assembly.
import type { Actor } from '../../platform/access';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { AppError, conflict } from '../../platform/errors';
import type { Locale } from '../../platform/i18n';
import type { IsoDate } from '../../../core/dates';
import { ownerStandings } from '../registry';
import { ownerRef, statusLabels } from './committees';
import { authorizeQuarterOrganizations, authorizeSupervisoryCommittee, authorizeSupervisoryMember, type QuarterPlace } from './access';
import type { SupervisoryCommitteesTable } from './tables';
import { assertDateOrder, type DB, type OrgContext } from './shared';

export interface SupervisoryMemberInput {
  ownerId: string;
  position: 'chair' | 'member';
  isPartyMember?: boolean;
  joinedOn?: IsoDate | null;
}

/** Members of the supervisory committee are owners of the quarter, elected by the assembly. */
async function resolveSupervisoryMembers(tx: DB, quarterId: string, inputs: SupervisoryMemberInput[]) {
  const standings = await ownerStandings(tx, inputs.map((m) => m.ownerId));
  const seen = new Set<string>();
  return inputs.map((m, i) => {
    const s = standings.get(m.ownerId);
    if (!s || s.quarterId !== quarterId || s.unitCount === 0) throw ownerRef(`members.${i}.ownerId`);
    if (s.kind !== 'person') throw new AppError('MEMBER_NOT_PERSON', { name: s.name });
    if (seen.has(m.ownerId)) throw conflict(`成员“${s.name}”`, `Member "${s.name}"`);
    seen.add(m.ownerId);
    return { ...m, name: s.name };
  });
}

async function insertSupervisoryMembers(tx: DB, place: QuarterPlace, committeeId: string, members: Awaited<ReturnType<typeof resolveSupervisoryMembers>>) {
  for (const m of members) {
    await tx
      .insertInto('supervisory_committee_members')
      .values({
        district_id: place.districtId,
        quarter_id: place.quarterId,
        supervisory_committee_id: committeeId,
        owner_id: m.ownerId,
        name: m.name,
        position: m.position,
        is_party_member: m.isPartyMember ?? false,
        joined_on: m.joinedOn ?? null,
      })
      .execute();
  }
}

export async function createSupervisoryCommittee(
  db: DB,
  ctx: OrgContext,
  quarterId: string,
  input: { termStart: IsoDate; termEnd: IsoDate; electedOn?: IsoDate | null; members?: SupervisoryMemberInput[] },
): Promise<{ id: string }> {
  const place = await authorizeQuarterOrganizations(db, ctx.actor, quarterId, 'organizations.manage');
  assertDateOrder(input.termStart, input.termEnd, { earlier: '任期开始日', earlierEn: 'The start of the term', later: '任期届满日', laterEn: 'The end of the term', path: 'termEnd' });
  return uniquely(async () => {
    return db.transaction().execute(async (tx) => {
      const members = await resolveSupervisoryMembers(tx, quarterId, input.members ?? []);
      const row = await tx
        .insertInto('supervisory_committees')
        .values({ district_id: place.districtId, quarter_id: quarterId, term_start: input.termStart, term_end: input.termEnd, status: 'active', elected_on: input.electedOn ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertSupervisoryMembers(tx, place, row.id, members);
      await recordAudit(tx, ctx, { action: 'create', entity: 'supervisory_committee', entityId: row.id, place, after: input });
      return row;
    });
  }, () => conflict('本小区在任的业主监督委员会，或该成员', 'An active supervisory committee of this quarter, or this member,'));
}

export async function updateSupervisoryCommittee(
  db: DB,
  ctx: OrgContext,
  id: string,
  patch: { termStart?: IsoDate; termEnd?: IsoDate; electedOn?: IsoDate | null; status?: 'ended' },
): Promise<void> {
  const { committee, place } = await authorizeSupervisoryCommittee(db, ctx.actor, id, 'organizations.manage');
  if (committee.status === 'ended') throw new AppError('COMMITTEE_CLOSED');
  assertDateOrder(patch.termStart ?? committee.term_start, patch.termEnd ?? committee.term_end, {
    earlier: '任期开始日',
    earlierEn: 'The start of the term',
    later: '任期届满日',
    laterEn: 'The end of the term',
    path: 'termEnd',
  });
  await db.transaction().execute(async (tx) => {
    const set = patchColumns<SupervisoryCommitteesTable>()(patch, { termStart: 'term_start', termEnd: 'term_end', electedOn: 'elected_on', status: 'status' });
    await tx.updateTable('supervisory_committees').set({ ...set, updated_at: new Date() } as Updateable<SupervisoryCommitteesTable>).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'supervisory_committee', entityId: id, place, before: { termStart: committee.term_start, termEnd: committee.term_end, status: committee.status }, after: patch });
  });
}

export async function addSupervisoryMembers(db: DB, ctx: OrgContext, id: string, members: SupervisoryMemberInput[]): Promise<void> {
  const { committee, place } = await authorizeSupervisoryCommittee(db, ctx.actor, id, 'organizations.manage');
  if (committee.status === 'ended') throw new AppError('COMMITTEE_CLOSED');
  return uniquely(async () => {
    await db.transaction().execute(async (tx) => {
      const resolved = await resolveSupervisoryMembers(tx, committee.quarter_id, members);
      await insertSupervisoryMembers(tx, place, id, resolved);
      await recordAudit(tx, ctx, { action: 'create', entity: 'supervisory_member', entityId: id, place, after: { members } });
    });
  }, () => conflict('该成员', 'This member'));
}

export async function removeSupervisoryMember(db: DB, ctx: OrgContext, memberId: string, input: { removedOn: IsoDate; reason: string }): Promise<void> {
  const { member: m, place } = await authorizeSupervisoryMember(db, ctx.actor, memberId, 'organizations.manage');
  if (m.removed_on) throw new AppError('MEMBER_REMOVED', { date: m.removed_on });
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('supervisory_committee_members').set({ removed_on: input.removedOn, removal_reason: input.reason }).where('id', '=', memberId).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'supervisory_member', entityId: memberId, place, before: { removedOn: null }, after: input });
  });
}

export async function supervisoryViews(db: DB, quarterId: string, locale: Locale, onlyActive = false) {
  let q = db.selectFrom('supervisory_committees').selectAll().where('quarter_id', '=', quarterId);
  if (onlyActive) q = q.where('status', '=', 'active');
  const committees = await q.orderBy('term_start', 'desc').execute();
  if (!committees.length) return [];
  const members = await db
    .selectFrom('supervisory_committee_members')
    .selectAll()
    .where('supervisory_committee_id', 'in', committees.map((c) => c.id))
    .orderBy('created_at')
    .execute();
  return committees.map((c) => ({
    id: c.id,
    termStart: c.term_start,
    termEnd: c.term_end,
    status: c.status,
    statusLabel: statusLabels[c.status][locale],
    electedOn: c.elected_on,
    members: members
      .filter((m) => m.supervisory_committee_id === c.id)
      .map((m) => ({
        id: m.id,
        ownerId: m.owner_id,
        name: m.name,
        position: m.position,
        positionLabel: m.position === 'chair' ? (locale === 'en' ? 'Chair' : '主任') : locale === 'en' ? 'Member' : '委员',
        isPartyMember: m.is_party_member,
        joinedOn: m.joined_on,
        removedOn: m.removed_on,
        removalReason: m.removal_reason,
      })),
  }));
}

export async function listSupervisoryCommittees(db: DB, actor: Actor, quarterId: string, locale: Locale) {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  return supervisoryViews(db, quarterId, locale);
}

