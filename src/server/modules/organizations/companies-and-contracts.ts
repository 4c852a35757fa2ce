// Property companies (物业服务企业) and their service contracts (物业服务合同), T/ZAS 4006.1—2020
// 5.5: one company per management area at a time (5.5.2). Contracts go through checkedWrite.
import type { Actor } from '../../platform/access';
import type { Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit';
import { patchColumns, uniquely } from '../../platform/db-helpers';
import { conflict } from '../../platform/errors';
import type { IsoDate } from '../../../core/dates';
import type { selectionMethods } from '../../../contracts/organizations';
import { checkedWrite, type CheckItem } from './facts';
import { authorizeAction, authorizeCompany, authorizeContract, authorizeQuarterOrganizations } from './access';
import type { PropertyCompaniesTable, ServiceContractsTable } from './tables';
import { assertDateOrder, fieldError, invalidReference, shanghaiDate, type DB, type OrgContext } from './shared';

export interface CompanyInput {
  name: string;
  creditCode: string;
  phone?: string | null;
  address?: string;
  partyMemberCount?: number;
  fullPartyMemberCount?: number | null;
}

export async function createCompany(db: DB, ctx: OrgContext, input: CompanyInput): Promise<{ id: string }> {
  authorizeAction(ctx.actor, 'organizations.manage');
  const districtId = ctx.actor.path.districtId;
  if ((input.fullPartyMemberCount ?? 0) > (input.partyMemberCount ?? 0)) throw partyCountError();
  return uniquely(
    () =>
      db.transaction().execute(async (tx) => {
        const row = await tx
          .insertInto('property_companies')
          .values({
            district_id: districtId,
            name: input.name,
            credit_code: input.creditCode,
            phone: input.phone ?? null,
            address: input.address ?? '',
            party_member_count: input.partyMemberCount ?? 0,
            full_party_member_count: input.fullPartyMemberCount ?? null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(tx, ctx, { action: 'create', entity: 'property_company', entityId: row.id, place: { districtId }, after: input });
        return row;
      }),
    () => conflict(`统一社会信用代码 ${input.creditCode}`, `Credit code ${input.creditCode}`),
  );
}

const partyCountError = () =>
  fieldError(
    'fullPartyMemberCount',
    { 'zh-CN': '正式党员人数不能多于党员人数', en: 'full party members cannot outnumber the party members' },
    { 'zh-CN': '不能多于党员人数', en: 'cannot exceed the party members' },
  );

export async function updateCompany(db: DB, ctx: OrgContext, id: string, patch: Partial<CompanyInput>): Promise<void> {
  const { company: c } = await authorizeCompany(db, ctx.actor, id, 'organizations.manage');
  const party = patch.partyMemberCount ?? c.party_member_count;
  const full = patch.fullPartyMemberCount === undefined ? c.full_party_member_count : patch.fullPartyMemberCount;
  if ((full ?? 0) > party) throw partyCountError();
  await db.transaction().execute(async (tx) => {
    const set = patchColumns<PropertyCompaniesTable>()(patch, {
      name: 'name',
      creditCode: 'credit_code',
      phone: 'phone',
      address: 'address',
      partyMemberCount: 'party_member_count',
      fullPartyMemberCount: 'full_party_member_count',
    });
    await tx.updateTable('property_companies').set({ ...set, updated_at: new Date() } as Updateable<PropertyCompaniesTable>).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'property_company', entityId: id, place: { districtId: c.district_id }, before: { name: c.name, partyMemberCount: c.party_member_count }, after: patch });
  });
}

export async function listCompanies(db: DB, actor: Actor) {
  authorizeAction(actor, 'organizations.read');
  const rows = await db.selectFrom('property_companies').selectAll().where('district_id', '=', actor.path.districtId).orderBy('name').execute();
  return rows.map(companyView);
}

function companyView(c: { id: string; name: string; credit_code: string; phone: string | null; address: string; party_member_count: number; full_party_member_count: number | null }) {
  return { id: c.id, name: c.name, creditCode: c.credit_code, phone: c.phone, address: c.address, partyMemberCount: c.party_member_count, fullPartyMemberCount: c.full_party_member_count };
}

export interface ContractInput {
  propertyCompanyId: string;
  selectionMethod: (typeof selectionMethods)[number];
  startsOn: IsoDate;
  endsOn?: IsoDate | null;
  feeStandardFen: number;
  serviceStandard?: string;
  signedOn?: IsoDate | null;
}

const contractRules = { rules: ['single-property-company' as const, 'party-organization-required' as const], blocking: ['single-property-company' as const] };

/** A contract that puts a second company into the area on any day is refused (ZAS 5.5.2). */
export async function createContract(db: DB, ctx: OrgContext, quarterId: string, input: ContractInput): Promise<{ id: string; warnings: CheckItem[] }> {
  const place = await authorizeQuarterOrganizations(db, ctx.actor, quarterId, 'organizations.manage');
  assertDateOrder(input.startsOn, input.endsOn, { earlier: '合同开始日', earlierEn: 'The start date', later: '合同终止日', laterEn: 'The end date', path: 'endsOn' });
  const company = await db.selectFrom('property_companies').select(['id', 'district_id']).where('id', '=', input.propertyCompanyId).executeTakeFirst();
  if (!company || company.district_id !== place.districtId) {
    throw invalidReference('propertyCompanyId', { 'zh-CN': '物业服务企业', en: 'The property company' }, { 'zh-CN': '企业不存在', en: 'no such company' });
  }
  const { result, warnings } = await checkedWrite(db, { quarterId, asOf: shanghaiDate(), locale: ctx.locale, ...contractRules }, async (tx) => {
    const row = await tx
      .insertInto('service_contracts')
      .values({
        district_id: place.districtId,
        quarter_id: quarterId,
        property_company_id: input.propertyCompanyId,
        selection_method: input.selectionMethod,
        starts_on: input.startsOn,
        ends_on: input.endsOn ?? null,
        fee_standard_fen: input.feeStandardFen,
        service_standard: input.serviceStandard ?? '',
        signed_on: input.signedOn ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'service_contract', entityId: row.id, place, after: input });
    return row.id;
  });
  return { id: result, warnings };
}

export async function updateContract(
  db: DB,
  ctx: OrgContext,
  id: string,
  patch: { endsOn?: IsoDate | null; terminatedOn?: IsoDate | null; feeStandardFen?: number; serviceStandard?: string; signedOn?: IsoDate | null; startsOn?: IsoDate },
): Promise<{ warnings: CheckItem[] }> {
  const { contract: c, place } = await authorizeContract(db, ctx.actor, id, 'organizations.manage');
  const startsOn = patch.startsOn ?? c.starts_on;
  assertDateOrder(startsOn, patch.endsOn === undefined ? c.ends_on : patch.endsOn, { earlier: '合同开始日', earlierEn: 'The start date', later: '合同终止日', laterEn: 'The end date', path: 'endsOn' });
  assertDateOrder(startsOn, patch.terminatedOn === undefined ? c.terminated_on : patch.terminatedOn, {
    earlier: '合同开始日',
    earlierEn: 'The start date',
    later: '提前终止日',
    laterEn: 'The early end',
    path: 'terminatedOn',
  });
  const { warnings } = await checkedWrite(db, { quarterId: c.quarter_id, asOf: shanghaiDate(), locale: ctx.locale, ...contractRules }, async (tx) => {
    const set = patchColumns<ServiceContractsTable>()(patch, {
      startsOn: 'starts_on',
      endsOn: 'ends_on',
      terminatedOn: 'terminated_on',
      feeStandardFen: 'fee_standard_fen',
      serviceStandard: 'service_standard',
      signedOn: 'signed_on',
    });
    await tx.updateTable('service_contracts').set({ ...set, updated_at: new Date() } as Updateable<ServiceContractsTable>).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'service_contract', entityId: id, place, before: { startsOn: c.starts_on, endsOn: c.ends_on, terminatedOn: c.terminated_on }, after: patch });
  });
  return { warnings };
}

const methodLabels: Record<string, { 'zh-CN': string; en: string }> = {
  tender: { 'zh-CN': '招投标', en: 'tender' },
  direct: { 'zh-CN': '协议选聘', en: 'direct appointment' },
  'assembly-vote': { 'zh-CN': '业主大会表决', en: 'owners’ assembly vote' },
};

export async function contractsOf(db: DB, quarterId: string, locale: 'zh-CN' | 'en') {
  const rows = await db
    .selectFrom('service_contracts as c')
    .innerJoin('property_companies as p', 'p.id', 'c.property_company_id')
    .selectAll('c')
    .select(['p.name as companyName', 'p.credit_code', 'p.party_member_count', 'p.full_party_member_count', 'p.phone as companyPhone'])
    .where('c.quarter_id', '=', quarterId)
    .orderBy('c.starts_on', 'desc')
    .execute();
  const today = shanghaiDate();
  return rows.map((c) => {
    const last = c.terminated_on ?? c.ends_on;
    return {
      id: c.id,
      propertyCompanyId: c.property_company_id,
      companyName: c.companyName,
      creditCode: c.credit_code,
      companyPhone: c.companyPhone,
      partyMemberCount: c.party_member_count,
      selectionMethod: c.selection_method,
      selectionMethodLabel: methodLabels[c.selection_method][locale],
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      terminatedOn: c.terminated_on,
      feeStandardFen: c.fee_standard_fen,
      serviceStandard: c.service_standard,
      signedOn: c.signed_on,
      current: c.starts_on <= today && (last === null || last >= today),
    };
  });
}

export async function listContracts(db: DB, actor: Actor, quarterId: string, locale: 'zh-CN' | 'en') {
  await authorizeQuarterOrganizations(db, actor, quarterId, 'organizations.read');
  return contractsOf(db, quarterId, locale);
}
