// Party organisations (党组织, T/ZAS 4006.1—2020 5.1; BG 二（四）11) of a quarter, of its owners'
// committee, and of the property companies serving it.
import type { Actor, PlacePath } from '../../platform/access';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit';
import { patchColumns } from '../../platform/db-helpers';
import type { IsoDate } from '../../../core/dates';
import type { partyOrgForms } from '../../../contracts/organizations';
import { authorizeCommittee, authorizeCompany, authorizePartyOrganization, authorizeQuarterOrganizations } from './access';
import { checkedWrite, type CheckItem } from './facts';
import type { PartyOrganizationsTable } from './tables';
import { missing, shanghaiDate, type DB, type OrgContext } from './shared';

export interface PartyOrgInput {
  kind: 'quarter' | 'committee' | 'company';
  quarterId?: string;
  ownersCommitteeId?: string;
  propertyCompanyId?: string;
  name: string;
  form?: (typeof partyOrgForms)[number];
  secretaryName?: string;
  secretaryPhone?: string | null;
  memberCount?: number;
  establishedOn?: IsoDate | null;
}

export async function createPartyOrganization(db: DB, ctx: OrgContext, input: PartyOrgInput): Promise<{ id: string; warnings: CheckItem[] }> {
  let districtId: string;
  let quarterId: string | null = null;
  let committeeId: string | null = null;
  let companyId: string | null = null;
  let place: PlacePath;
  if (input.kind === 'company') {
    if (!input.propertyCompanyId) throw missing('propertyCompanyId');
    const { company } = await authorizeCompany(db, ctx.actor, input.propertyCompanyId, 'organizations.manage');
    districtId = company.district_id;
    companyId = company.id;
    place = { districtId };
  } else if (input.kind === 'committee') {
    if (!input.ownersCommitteeId) throw missing('ownersCommitteeId');
    const { committee, place: qp } = await authorizeCommittee(db, ctx.actor, input.ownersCommitteeId, 'organizations.manage');
    quarterId = committee.quarter_id;
    committeeId = committee.id;
    districtId = qp.districtId;
    place = qp;
  } else {
    if (!input.quarterId) throw missing('quarterId');
    quarterId = input.quarterId;
    const qp = await authorizeQuarterOrganizations(db, ctx.actor, quarterId, 'organizations.manage');
    districtId = qp.districtId;
    place = qp;
  }
  const write = async (tx: DB) => {
    const row = await tx
      .insertInto('party_organizations')
      .values({
        district_id: districtId,
        quarter_id: quarterId,
        kind: input.kind,
        owners_committee_id: committeeId,
        property_company_id: companyId,
        name: input.name,
        form: input.form ?? 'branch',
        secretary_name: input.secretaryName ?? '',
        secretary_phone: input.secretaryPhone ?? null,
        member_count: input.memberCount ?? 0,
        established_on: input.establishedOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'party_organization', entityId: row.id, place, after: input });
    return row.id;
  };
  if (quarterId) {
    // Setting one up only ever mends ZAS 5.1.2; the rows still failing come back as warnings.
    const { result, warnings } = await checkedWrite(db, { quarterId, asOf: shanghaiDate(), locale: ctx.locale, rules: ['party-organization-required'], blocking: [] }, write);
    return { id: result, warnings };
  }
  return { id: await db.transaction().execute((tx) => write(tx)), warnings: [] };
}

export async function updatePartyOrganization(
  db: DB,
  ctx: OrgContext,
  id: string,
  patch: { name?: string; form?: (typeof partyOrgForms)[number]; secretaryName?: string; secretaryPhone?: string | null; memberCount?: number; establishedOn?: IsoDate | null; dissolvedOn?: IsoDate | null },
): Promise<void> {
  const { partyOrganization: po, place } = await authorizePartyOrganization(db, ctx.actor, id, 'organizations.manage');
  await db.transaction().execute(async (tx) => {
    const set = patchColumns<PartyOrganizationsTable>()(patch, {
      name: 'name',
      form: 'form',
      secretaryName: 'secretary_name',
      secretaryPhone: 'secretary_phone',
      memberCount: 'member_count',
      establishedOn: 'established_on',
      dissolvedOn: 'dissolved_on',
    });
    await tx.updateTable('party_organizations').set({ ...set, updated_at: new Date() } as Updateable<PartyOrganizationsTable>).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'party_organization', entityId: id, place, before: { name: po.name, memberCount: po.member_count, dissolvedOn: po.dissolved_on }, after: patch });
  });
}

const kindLabels: Record<string, { 'zh-CN': string; en: string }> = {
  quarter: { 'zh-CN': '小区党组织', en: 'Quarter party organisation' },
  committee: { 'zh-CN': '业委会党组织', en: 'Committee party organisation' },
  company: { 'zh-CN': '物业企业党组织', en: 'Company party organisation' },
};

/** The party organisations of a quarter, of its committees, and of the companies serving it. */
export async function partyOrganizationsOf(db: DB, quarterId: string, locale: 'zh-CN' | 'en') {
  const companyIds = (await db.selectFrom('service_contracts').select('property_company_id').where('quarter_id', '=', quarterId).execute()).map((r) => r.property_company_id);
  const rows = await db
    .selectFrom('party_organizations')
    .selectAll()
    .where((eb) => eb.or([eb('quarter_id', '=', quarterId), ...(companyIds.length ? [eb('property_company_id', 'in', companyIds)] : [])]))
    .orderBy('kind')
    .orderBy('created_at')
    .execute();
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    kindLabel: kindLabels[p.kind][locale],
    ownersCommitteeId: p.owners_committee_id,
    propertyCompanyId: p.property_company_id,
    name: p.name,
    form: p.form,
    secretaryName: p.secretary_name,
    secretaryPhone: p.secretary_phone,
    memberCount: p.member_count,
    establishedOn: p.established_on,
    dissolvedOn: p.dissolved_on,
  }));
}

export async function listPartyOrganizations(db: DB, actor: Actor, quarterId: string, locale: 'zh-CN' | 'en') {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  return partyOrganizationsOf(db, quarterId, locale);
}
