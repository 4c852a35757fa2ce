// The members of an owners' committee after it is formed: adding (owners of the quarter, or
// approved candidates), changing a position, party membership or the commitments (三承诺), removal
// (不合格人员退出机制, BG 二（二）7), yearly training and appraisal (BG 二（二）7; HN 四（三）).
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { AppError, conflict } from '../../platform/errors';
import type { IsoDate } from '../../../core/dates';
import { authorizeCommittee, authorizeCommitteeMember } from './access';
import { insertMembers, resolveMembers, committeeConflict, type CommitteePosition, type AppraisalInput, type MemberInput } from './committees';
import { checkedWrite, COMPOSITION_RULES, type CheckItem } from './facts';
import type { CommitteeMembersTable } from './tables';
import { assertDateOrder, invalidReference, shanghaiDate, type DB, type OrgContext } from './shared';

export async function addCommitteeMembers(db: DB, ctx: OrgContext, committeeId: string, members: MemberInput[]): Promise<{ ids: string[]; warnings: CheckItem[] }> {
  const { committee, place } = await authorizeCommittee(db, ctx.actor, committeeId, 'organizations.manage');
  if (committee.status === 'ended') throw new AppError('COMMITTEE_CLOSED');
  return uniquely(async () => {
    const { result, warnings } = await checkedWrite(
      db,
      {
        quarterId: committee.quarter_id,
        asOf: shanghaiDate(),
        locale: ctx.locale,
        rules: [...COMPOSITION_RULES, 'party-organization-required'],
        blocking: committee.status === 'active' ? COMPOSITION_RULES : [],
        committeeId,
      },
      async (tx) => {
        const resolved = await resolveMembers(tx, committee.quarter_id, members, 'members.');
        const current = await tx.selectFrom('committee_members').select(['owner_id', 'name']).where('committee_id', '=', committeeId).where('removed_on', 'is', null).execute();
        const dup = resolved.find((m) => current.some((c) => c.owner_id === m.ownerId));
        if (dup) throw conflict(`委员“${dup.name}”`, `Member "${dup.name}"`);
        const ids = await insertMembers(tx, place, committeeId, resolved);
        await recordAudit(tx, ctx, { action: 'create', entity: 'committee_member', entityId: ids.join(','), place, after: { committeeId, members } });
        return ids;
      },
    );
    return { ids: result, warnings };
  }, committeeConflict);
}

export interface MemberPatch {
  position?: CommitteePosition;
  isPartyMember?: boolean;
  joinedOn?: IsoDate | null;
  commitmentsSignedOn?: IsoDate | null;
}


/** A member still on a committee that has not ended: the only kind whose record may change. */
async function currentMemberOfOpenCommittee(db: DB, ctx: OrgContext, memberId: string) {
  const found = await authorizeCommitteeMember(db, ctx.actor, memberId, 'organizations.manage');
  if (found.committee.status === 'ended') throw new AppError('COMMITTEE_CLOSED');
  if (found.member.removed_on) throw new AppError('MEMBER_REMOVED', { date: found.member.removed_on });
  return found;
}
export async function updateCommitteeMember(db: DB, ctx: OrgContext, memberId: string, patch: MemberPatch): Promise<{ warnings: CheckItem[] }> {
  const { member, committee, place } = await currentMemberOfOpenCommittee(db, ctx, memberId);
  const { warnings } = await checkedWrite(
    db,
    {
      quarterId: committee.quarter_id,
      asOf: shanghaiDate(),
      locale: ctx.locale,
      rules: [...COMPOSITION_RULES, 'party-organization-required'],
      blocking: committee.status === 'active' ? COMPOSITION_RULES : [],
      committeeId: committee.id,
    },
    async (tx) => {
      const set = patchColumns<CommitteeMembersTable>()(patch, { position: 'position', isPartyMember: 'is_party_member', joinedOn: 'joined_on', commitmentsSignedOn: 'commitments_signed_on' });
      await tx.updateTable('committee_members').set({ ...set, updated_at: new Date() } as Updateable<CommitteeMembersTable>).where('id', '=', memberId).execute();
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'committee_member',
        entityId: memberId,
        place,
        before: { position: member.position, isPartyMember: member.is_party_member, joinedOn: member.joined_on, commitmentsSignedOn: member.commitments_signed_on },
        after: patch,
      });
    },
  );
  return { warnings };
}

/** Removal of an unfit or departing member (不合格人员退出机制, BG 二（二）7). Never refused. */
export async function removeCommitteeMember(db: DB, ctx: OrgContext, memberId: string, input: { removedOn: IsoDate; reason: string }): Promise<{ warnings: CheckItem[] }> {
  const { committee, place } = await currentMemberOfOpenCommittee(db, ctx, memberId);
  const { warnings } = await checkedWrite(
    db,
    {
      quarterId: committee.quarter_id,
      asOf: shanghaiDate(),
      locale: ctx.locale,
      rules: COMPOSITION_RULES,
      blocking: [],
      committeeId: committee.id,
      neverRefuse: true,
    },
    async (tx) => {
      await tx.updateTable('committee_members').set({ removed_on: input.removedOn, removal_reason: input.reason, updated_at: new Date() }).where('id', '=', memberId).execute();
      await recordAudit(tx, ctx, { action: 'update', entity: 'committee_member', entityId: memberId, place, before: { removedOn: null }, after: input });
    },
  );
  return { warnings };
}

export async function addTraining(
  db: DB,
  ctx: OrgContext,
  committeeId: string,
  input: { heldOn: IsoDate; topic: string; organizer?: string; memberIds: string[] },
): Promise<{ id: string }> {
  const { place } = await authorizeCommittee(db, ctx.actor, committeeId, 'organizations.manage');
  const memberIds = [...new Set(input.memberIds)];
  return db.transaction().execute(async (tx) => {
    const found = await tx.selectFrom('committee_members').select('id').where('committee_id', '=', committeeId).where('id', 'in', memberIds).execute();
    if (found.length !== memberIds.length) {
      throw invalidReference('memberIds', { 'zh-CN': '委员', en: 'A member' }, { 'zh-CN': '委员不属于该届业主委员会', en: 'not a member of this committee' });
    }
    const row = await tx
      .insertInto('committee_trainings')
      .values({ district_id: place.districtId, quarter_id: place.quarterId, committee_id: committeeId, held_on: input.heldOn, topic: input.topic, organizer: input.organizer ?? '' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('committee_training_attendees')
      .values(memberIds.map((m) => ({ training_id: row.id, member_id: m, district_id: place.districtId, quarter_id: place.quarterId })))
      .execute();
    await recordAudit(tx, ctx, { action: 'create', entity: 'committee_training', entityId: row.id, place, after: input });
    return row;
  });
}


export async function addAppraisal(db: DB, ctx: OrgContext, committeeId: string, input: AppraisalInput): Promise<{ id: string }> {
  const { place } = await authorizeCommittee(db, ctx.actor, committeeId, 'organizations.manage');
  assertDateOrder(input.appraisedOn, input.publishedOn, { earlier: '考核日期', earlierEn: 'The appraisal date', later: '公布日期', laterEn: 'The publication date', path: 'publishedOn' });
  return db.transaction().execute(async (tx) => {
    const ids = [...new Set(input.results.map((r) => r.memberId))];
    const found = ids.length ? await tx.selectFrom('committee_members').select('id').where('committee_id', '=', committeeId).where('id', 'in', ids).execute() : [];
    if (found.length !== ids.length) {
      throw invalidReference('results', { 'zh-CN': '委员', en: 'A member' }, { 'zh-CN': '委员不属于该届业主委员会', en: 'not a member of this committee' });
    }
    const row = await tx
      .insertInto('committee_appraisals')
      .values({
        district_id: place.districtId,
        quarter_id: place.quarterId,
        committee_id: committeeId,
        appraised_on: input.appraisedOn,
        period_label: input.periodLabel ?? '',
        led_by: input.ledBy ?? '',
        results: JSON.stringify(input.results),
        published_on: input.publishedOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'committee_appraisal', entityId: row.id, place, after: input });
    return row;
  });
}
