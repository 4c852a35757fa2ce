// The other bodies of tripartite governance: quarter commissioners (小区专员, T/ZAS 4006.1—2020
// 5.3), party organisations (党组织, 5.1), tripartite offices (三方办 / 微治办, 5.2) and their
// members, property companies and their service contracts (物业服务企业 / 物业服务合同, 5.5), and
// the grids, building leaders, social organisations and volunteers of a quarter
// (DB3305/T 309—2024 3.4, A.5–A.6).
//
// Writes that a rule judges (a commissioner, a contract) go through checkedWrite: refused with
// 422 and every violation when the result breaks a "fail" rule that this write brought about.
import { assertCan, assertInScope, placeInScope, type Actor, type PlacePath, type ScopeLevel } from '../../platform/access';
import { recordAudit } from '../../platform/audit';
import { AppError, conflict, isUniqueViolation, notFound } from '../../platform/errors';
import type { IsoDate } from '../../../core/dates';
import { placePath } from '../places/service';
import { buildingPlace } from '../registry/quarters';
import { checkedWrite, type CheckItem } from './facts';
import { assertDateOrder, assertOffice, quarterFor, shanghaiDate, type DB, type OrgContext } from './shared';

// ---- commissioners (ZAS 5.3.1; public profile ZAS 6.1.3.5) -------------------------------------

export interface CommissionerInput {
  name: string;
  phone: string;
  photoPath?: string | null;
  isPartyMember?: boolean;
  trainedOn?: IsoDate | null;
  startedOn: IsoDate;
}

/** The offices appoint commissioners (ZAS 5.3.1 "配备"); a second one or an untrained one is refused. */
export async function appointCommissioner(db: DB, ctx: OrgContext, quarterId: string, input: CommissionerInput): Promise<{ id: string; warnings: CheckItem[] }> {
  const place = await quarterFor(db, ctx.actor, quarterId, null);
  assertOffice(ctx.actor);
  const { result, warnings } = await checkedWrite(
    db,
    // Judged on the day the commissioner starts, so that a future appointment is judged too.
    { quarterId, asOf: maxIso(shanghaiDate(), input.startedOn), locale: ctx.locale, rules: ['commissioner-assigned'], blocking: ['commissioner-assigned'] },
    async (tx) => {
      const row = await tx
        .insertInto('commissioners')
        .values({
          district_id: place.districtId,
          quarter_id: quarterId,
          name: input.name,
          phone: input.phone,
          photo_path: input.photoPath ?? null,
          is_party_member: input.isPartyMember ?? false,
          trained_on: input.trainedOn ?? null,
          started_on: input.startedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'create', entity: 'commissioner', entityId: row.id, place, after: input });
      return row.id;
    },
  );
  return { id: result, warnings };
}

const maxIso = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

export interface CommissionerPatch {
  name?: string;
  phone?: string;
  photoPath?: string | null;
  isPartyMember?: boolean;
  trainedOn?: IsoDate | null;
  startedOn?: IsoDate;
  endedOn?: IsoDate | null;
  endReason?: string | null;
}

export async function updateCommissioner(db: DB, ctx: OrgContext, id: string, patch: CommissionerPatch): Promise<{ warnings: CheckItem[] }> {
  const c = await db.selectFrom('commissioners').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound();
  const place = await quarterFor(db, ctx.actor, c.quarter_id, null);
  assertOffice(ctx.actor);
  const startedOn = patch.startedOn ?? c.started_on;
  assertDateOrder(startedOn, patch.endedOn === undefined ? c.ended_on : patch.endedOn, {
    earlier: '上岗日期',
    earlierEn: 'The start date',
    later: '离岗日期',
    laterEn: 'The end date',
    path: 'endedOn',
  });
  // A commissioner leaving is a fact to record, never refused; the vacancy comes back as a warning.
  const leaving = patch.endedOn !== undefined && patch.endedOn !== null;
  const { warnings } = await checkedWrite(
    db,
    { quarterId: c.quarter_id, asOf: shanghaiDate(), locale: ctx.locale, rules: ['commissioner-assigned'], blocking: ['commissioner-assigned'], neverRefuse: leaving },
    async (tx) => {
      const set: Record<string, unknown> = { updated_at: new Date() };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.phone !== undefined) set.phone = patch.phone;
      if (patch.photoPath !== undefined) set.photo_path = patch.photoPath;
      if (patch.isPartyMember !== undefined) set.is_party_member = patch.isPartyMember;
      if (patch.trainedOn !== undefined) set.trained_on = patch.trainedOn;
      if (patch.startedOn !== undefined) set.started_on = patch.startedOn;
      if (patch.endedOn !== undefined) set.ended_on = patch.endedOn;
      if (patch.endReason !== undefined) set.end_reason = patch.endReason;
      await tx.updateTable('commissioners').set(set).where('id', '=', id).execute();
      await recordAudit(tx, ctx, { action: 'update', entity: 'commissioner', entityId: id, place, before: { trainedOn: c.trained_on, startedOn: c.started_on, endedOn: c.ended_on }, after: patch });
    },
  );
  return { warnings };
}

export async function commissionersOf(db: DB, quarterId: string) {
  const rows = await db.selectFrom('commissioners').selectAll().where('quarter_id', '=', quarterId).orderBy('started_on', 'desc').execute();
  const today = shanghaiDate();
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    photoPath: c.photo_path,
    isPartyMember: c.is_party_member,
    trainedOn: c.trained_on,
    startedOn: c.started_on,
    endedOn: c.ended_on,
    endReason: c.end_reason,
    current: c.started_on <= today && (c.ended_on === null || c.ended_on >= today),
  }));
}

/**
 * The commissioner's public profile (ZAS 6.1.3.5 公开小区专员姓名、联系方式、照片): what every
 * account of the quarter, owners included, may read. Name, phone and photo, nothing else.
 */
export async function commissionerProfile(db: DB, actor: Actor, quarterId: string) {
  await quarterFor(db, actor, quarterId, null);
  const current = (await commissionersOf(db, quarterId)).filter((c) => c.current);
  return { items: current.map((c) => ({ name: c.name, phone: c.phone, photoPath: c.photoPath })) };
}

// ---- party organisations (ZAS 5.1; BG 二（四）11) ----------------------------------------------

export const partyOrgForms = ['branch', 'general-branch', 'party-committee', 'joint-branch', 'attached'] as const;

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

/** A company is a district-wide record: in scope for anyone whose district it is. */
function companyInScope(actor: Actor, districtId: string) {
  if (actor.path.districtId !== districtId) throw notFound();
}

async function companyRow(db: DB, actor: Actor, id: string) {
  const c = await db.selectFrom('property_companies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound();
  companyInScope(actor, c.district_id);
  return c;
}

export async function createPartyOrganization(db: DB, ctx: OrgContext, input: PartyOrgInput): Promise<{ id: string; warnings: CheckItem[] }> {
  let districtId: string;
  let quarterId: string | null = null;
  let committeeId: string | null = null;
  let companyId: string | null = null;
  let place: PlacePath;
  if (input.kind === 'company') {
    if (!input.propertyCompanyId) throw missing('propertyCompanyId');
    const company = await companyRow(db, ctx.actor, input.propertyCompanyId);
    assertCan(ctx.actor, 'organizations.manage');
    districtId = company.district_id;
    companyId = company.id;
    place = { districtId };
  } else {
    if (input.kind === 'committee') {
      if (!input.ownersCommitteeId) throw missing('ownersCommitteeId');
      const committee = await db.selectFrom('owners_committees').select(['id', 'quarter_id']).where('id', '=', input.ownersCommitteeId).executeTakeFirst();
      if (!committee) throw notFound();
      quarterId = committee.quarter_id;
      committeeId = committee.id;
    } else {
      if (!input.quarterId) throw missing('quarterId');
      quarterId = input.quarterId;
    }
    const qp = await quarterFor(db, ctx.actor, quarterId, 'organizations.manage');
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
  const po = await db.selectFrom('party_organizations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!po) throw notFound();
  let place: PlacePath;
  if (po.quarter_id) place = await quarterFor(db, ctx.actor, po.quarter_id, 'organizations.manage');
  else {
    companyInScope(ctx.actor, po.district_id);
    assertCan(ctx.actor, 'organizations.manage');
    place = { districtId: po.district_id };
  }
  await db.transaction().execute(async (tx) => {
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.form !== undefined) set.form = patch.form;
    if (patch.secretaryName !== undefined) set.secretary_name = patch.secretaryName;
    if (patch.secretaryPhone !== undefined) set.secretary_phone = patch.secretaryPhone;
    if (patch.memberCount !== undefined) set.member_count = patch.memberCount;
    if (patch.establishedOn !== undefined) set.established_on = patch.establishedOn;
    if (patch.dissolvedOn !== undefined) set.dissolved_on = patch.dissolvedOn;
    await tx.updateTable('party_organizations').set(set).where('id', '=', id).execute();
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
  await quarterFor(db, actor, quarterId, 'organizations.read');
  return partyOrganizationsOf(db, quarterId, locale);
}

// ---- tripartite offices (ZAS 5.2; BG 二（一）1) --------------------------------------------------

export interface OfficeInput {
  level: 'district' | 'street' | 'community';
  placeId: string;
  name: string;
  establishedOn?: IsoDate | null;
  address?: string;
  phone?: string | null;
}

async function officePlace(db: DB, level: ScopeLevel, placeId: string) {
  const path = await placePath(db, level, placeId);
  if (!path) return null;
  return { districtId: path.districtId, streetId: path.streetId ?? null, communityId: path.communityId ?? null };
}

export async function createOffice(db: DB, ctx: OrgContext, input: OfficeInput): Promise<{ id: string }> {
  const place = await officePlace(db, input.level, input.placeId);
  assertInScope(ctx.actor, place);
  assertOffice(ctx.actor);
  try {
    return await db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('tripartite_offices')
        .values({
          district_id: place!.districtId,
          level: input.level,
          street_id: place!.streetId,
          community_id: place!.communityId,
          name: input.name,
          established_on: input.establishedOn ?? null,
          address: input.address ?? '',
          phone: input.phone ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, ctx, { action: 'create', entity: 'tripartite_office', entityId: row.id, place, after: input });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('该区划的三方办', 'An office for this place');
    throw err;
  }
}

async function officeWithPlace(db: DB, actor: Actor, id: string) {
  const o = await db.selectFrom('tripartite_offices').selectAll().where('id', '=', id).executeTakeFirst();
  const place = o ? { districtId: o.district_id, streetId: o.street_id, communityId: o.community_id } : null;
  assertInScope(actor, place);
  return { office: o!, place: place! };
}

export async function addOfficeMember(
  db: DB,
  ctx: OrgContext,
  officeId: string,
  input: { name: string; position?: string; department?: string; phone?: string | null },
): Promise<{ id: string }> {
  const { place } = await officeWithPlace(db, ctx.actor, officeId);
  assertOffice(ctx.actor);
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('office_members')
      .values({ district_id: place.districtId, office_id: officeId, name: input.name, position: input.position ?? '', department: input.department ?? '', phone: input.phone ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { action: 'create', entity: 'office_member', entityId: row.id, place, after: input });
    return row;
  });
}

export async function removeOfficeMember(db: DB, ctx: OrgContext, memberId: string): Promise<void> {
  const m = await db.selectFrom('office_members').selectAll().where('id', '=', memberId).executeTakeFirst();
  if (!m) throw notFound();
  const { place } = await officeWithPlace(db, ctx.actor, m.office_id);
  assertOffice(ctx.actor);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('office_members').where('id', '=', memberId).execute();
    await recordAudit(tx, ctx, { action: 'delete', entity: 'office_member', entityId: memberId, place, before: { name: m.name, position: m.position, department: m.department } });
  });
}

/**
 * The offices the actor may see: its own and those below it (a street office sees its
 * communities' offices), and the offices above the quarter a quarter account belongs to.
 */
export async function listOffices(db: DB, actor: Actor) {
  assertCan(actor, 'organizations.read');
  const offices = await db.selectFrom('tripartite_offices').selectAll().where('district_id', '=', actor.path.districtId).orderBy('level').orderBy('name').execute();
  const visible = offices.filter((o) => {
    const place = { districtId: o.district_id, streetId: o.street_id, communityId: o.community_id };
    if (placeInScope(actor, place)) return true;
    // The offices on the actor's own path (its community's, street's and district's).
    return (
      o.level === 'district' ||
      (o.level === 'street' && o.street_id === actor.path.streetId) ||
      (o.level === 'community' && o.community_id === actor.path.communityId)
    );
  });
  const members = visible.length ? await db.selectFrom('office_members').selectAll().where('office_id', 'in', visible.map((o) => o.id)).orderBy('created_at').execute() : [];
  return visible.map((o) => ({
    id: o.id,
    level: o.level,
    streetId: o.street_id,
    communityId: o.community_id,
    name: o.name,
    establishedOn: o.established_on,
    address: o.address,
    phone: o.phone,
    members: members.filter((m) => m.office_id === o.id).map((m) => ({ id: m.id, name: m.name, position: m.position, department: m.department, phone: m.phone })),
  }));
}

// ---- property companies and service contracts (ZAS 5.5.2) --------------------------------------

export interface CompanyInput {
  name: string;
  creditCode: string;
  phone?: string | null;
  address?: string;
  partyMemberCount?: number;
  fullPartyMemberCount?: number | null;
}

export async function createCompany(db: DB, ctx: OrgContext, input: CompanyInput): Promise<{ id: string }> {
  assertCan(ctx.actor, 'organizations.manage');
  const districtId = ctx.actor.path.districtId;
  if ((input.fullPartyMemberCount ?? 0) > (input.partyMemberCount ?? 0)) throw partyCountError();
  try {
    return await db.transaction().execute(async (tx) => {
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
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`统一社会信用代码 ${input.creditCode}`, `Credit code ${input.creditCode}`);
    throw err;
  }
}

const partyCountError = () =>
  new AppError('VALIDATION_FAILED', { summary: '正式党员人数不能多于党员人数' }, { issues: [{ path: 'fullPartyMemberCount', message: '不能多于党员人数' }] });

export async function updateCompany(db: DB, ctx: OrgContext, id: string, patch: Partial<CompanyInput>): Promise<void> {
  const c = await companyRow(db, ctx.actor, id);
  assertCan(ctx.actor, 'organizations.manage');
  const party = patch.partyMemberCount ?? c.party_member_count;
  const full = patch.fullPartyMemberCount === undefined ? c.full_party_member_count : patch.fullPartyMemberCount;
  if ((full ?? 0) > party) throw partyCountError();
  await db.transaction().execute(async (tx) => {
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.creditCode !== undefined) set.credit_code = patch.creditCode;
    if (patch.phone !== undefined) set.phone = patch.phone;
    if (patch.address !== undefined) set.address = patch.address;
    if (patch.partyMemberCount !== undefined) set.party_member_count = patch.partyMemberCount;
    if (patch.fullPartyMemberCount !== undefined) set.full_party_member_count = patch.fullPartyMemberCount;
    await tx.updateTable('property_companies').set(set).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'property_company', entityId: id, place: { districtId: c.district_id }, before: { name: c.name, partyMemberCount: c.party_member_count }, after: patch });
  });
}

export async function listCompanies(db: DB, actor: Actor) {
  assertCan(actor, 'organizations.read');
  const rows = await db.selectFrom('property_companies').selectAll().where('district_id', '=', actor.path.districtId).orderBy('name').execute();
  return rows.map(companyView);
}

function companyView(c: { id: string; name: string; credit_code: string; phone: string | null; address: string; party_member_count: number; full_party_member_count: number | null }) {
  return { id: c.id, name: c.name, creditCode: c.credit_code, phone: c.phone, address: c.address, partyMemberCount: c.party_member_count, fullPartyMemberCount: c.full_party_member_count };
}

export const selectionMethods = ['tender', 'direct', 'assembly-vote'] as const;

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
  const place = await quarterFor(db, ctx.actor, quarterId, 'organizations.manage');
  assertDateOrder(input.startsOn, input.endsOn, { earlier: '合同开始日', earlierEn: 'The start date', later: '合同终止日', laterEn: 'The end date', path: 'endsOn' });
  const company = await db.selectFrom('property_companies').select(['id', 'district_id']).where('id', '=', input.propertyCompanyId).executeTakeFirst();
  if (!company || company.district_id !== place.districtId) {
    throw new AppError('INVALID_REFERENCE', { what: '物业服务企业', whatEn: 'The property company' }, { issues: [{ path: 'propertyCompanyId', message: '企业不存在' }] });
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
  const c = await db.selectFrom('service_contracts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound();
  const place = await quarterFor(db, ctx.actor, c.quarter_id, 'organizations.manage');
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
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (patch.startsOn !== undefined) set.starts_on = patch.startsOn;
    if (patch.endsOn !== undefined) set.ends_on = patch.endsOn;
    if (patch.terminatedOn !== undefined) set.terminated_on = patch.terminatedOn;
    if (patch.feeStandardFen !== undefined) set.fee_standard_fen = patch.feeStandardFen;
    if (patch.serviceStandard !== undefined) set.service_standard = patch.serviceStandard;
    if (patch.signedOn !== undefined) set.signed_on = patch.signedOn;
    await tx.updateTable('service_contracts').set(set).where('id', '=', id).execute();
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
  await quarterFor(db, actor, quarterId, 'organizations.read');
  return contractsOf(db, quarterId, locale);
}

// ---- grids, building leaders, social organisations, volunteers (HZ 3.4, A.5–A.6) ---------------

export type PeopleKind = 'grids' | 'building-leaders' | 'social-organizations' | 'volunteers';

export interface GridInput {
  name: string;
  leaderName?: string;
  leaderPhone?: string | null;
  note?: string;
}
export interface BuildingLeaderInput {
  buildingId: string;
  name: string;
  phone?: string | null;
  startedOn?: IsoDate | null;
  note?: string;
}
export interface SocialOrgInput {
  name: string;
  kind?: string;
  contactName?: string;
  contactPhone?: string | null;
  note?: string;
}
export interface VolunteerInput {
  name: string;
  phone?: string | null;
  team?: string;
  skills?: string;
  joinedOn?: IsoDate | null;
}

const tableOf = { grids: 'grids', 'building-leaders': 'building_leaders', 'social-organizations': 'social_organizations', volunteers: 'volunteers' } as const;

/** The quarter's community people: grid and building leaders are kept by the offices and the commissioner. */
export async function addPerson(db: DB, ctx: OrgContext, quarterId: string, kind: PeopleKind, input: GridInput | BuildingLeaderInput | SocialOrgInput | VolunteerInput): Promise<{ id: string }> {
  const place = await quarterFor(db, ctx.actor, quarterId, 'organizations.manage');
  const common = { district_id: place.districtId, quarter_id: quarterId };
  try {
    return await db.transaction().execute(async (tx) => {
      let id: string;
      switch (kind) {
        case 'grids': {
          const i = input as GridInput;
          id = (await tx.insertInto('grids').values({ ...common, name: i.name, leader_name: i.leaderName ?? '', leader_phone: i.leaderPhone ?? null, note: i.note ?? '' }).returning('id').executeTakeFirstOrThrow()).id;
          break;
        }
        case 'building-leaders': {
          const i = input as BuildingLeaderInput;
          const b = await buildingPlace(tx, i.buildingId);
          if (!b || b.quarterId !== quarterId) {
            throw new AppError('INVALID_REFERENCE', { what: '楼栋', whatEn: 'The building' }, { issues: [{ path: 'buildingId', message: '楼栋不存在或不在本小区' }] });
          }
          id = (
            await tx
              .insertInto('building_leaders')
              .values({ ...common, building_id: i.buildingId, name: i.name, phone: i.phone ?? null, started_on: i.startedOn ?? null, note: i.note ?? '' })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          break;
        }
        case 'social-organizations': {
          const i = input as SocialOrgInput;
          id = (
            await tx
              .insertInto('social_organizations')
              .values({ ...common, name: i.name, kind: i.kind ?? '', contact_name: i.contactName ?? '', contact_phone: i.contactPhone ?? null, note: i.note ?? '' })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          break;
        }
        case 'volunteers': {
          const i = input as VolunteerInput;
          id = (
            await tx
              .insertInto('volunteers')
              .values({ ...common, name: i.name, phone: i.phone ?? null, team: i.team ?? '', skills: i.skills ?? '', joined_on: i.joinedOn ?? null })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          break;
        }
      }
      await recordAudit(tx, ctx, { action: 'create', entity: tableOf[kind], entityId: id, place, after: input });
      return { id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`名称“${(input as { name: string }).name}”`, `The name "${(input as { name: string }).name}"`);
    throw err;
  }
}

export async function removePerson(db: DB, ctx: OrgContext, kind: PeopleKind, id: string): Promise<void> {
  const table = tableOf[kind];
  const row = await db.selectFrom(table).select(['id', 'quarter_id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  const place = await quarterFor(db, ctx.actor, row.quarter_id, 'organizations.manage');
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom(table).where('id', '=', id).execute();
    await recordAudit(tx, ctx, { action: 'delete', entity: table, entityId: id, place, before: { name: row.name } });
  });
}

export async function peopleOf(db: DB, quarterId: string) {
  const [grids, leaders, socialOrganizations, volunteers] = await Promise.all([
    db.selectFrom('grids').selectAll().where('quarter_id', '=', quarterId).orderBy('name').execute(),
    db
      .selectFrom('building_leaders as l')
      .innerJoin('buildings as b', 'b.id', 'l.building_id')
      .selectAll('l')
      .select('b.name as buildingName')
      .where('l.quarter_id', '=', quarterId)
      .orderBy('b.name')
      .execute(),
    db.selectFrom('social_organizations').selectAll().where('quarter_id', '=', quarterId).orderBy('name').execute(),
    db.selectFrom('volunteers').selectAll().where('quarter_id', '=', quarterId).orderBy('created_at').execute(),
  ]);
  return {
    grids: grids.map((g) => ({ id: g.id, name: g.name, leaderName: g.leader_name, leaderPhone: g.leader_phone, note: g.note })),
    buildingLeaders: leaders.map((l) => ({ id: l.id, buildingId: l.building_id, buildingName: l.buildingName, name: l.name, phone: l.phone, startedOn: l.started_on, endedOn: l.ended_on, note: l.note })),
    socialOrganizations: socialOrganizations.map((s) => ({ id: s.id, name: s.name, kind: s.kind, contactName: s.contact_name, contactPhone: s.contact_phone, note: s.note })),
    volunteers: volunteers.map((v) => ({ id: v.id, name: v.name, phone: v.phone, team: v.team, skills: v.skills, joinedOn: v.joined_on })),
  };
}

export async function listPeople(db: DB, actor: Actor, quarterId: string) {
  await quarterFor(db, actor, quarterId, 'organizations.read');
  return peopleOf(db, quarterId);
}

function missing(path: string) {
  return new AppError('VALIDATION_FAILED', { summary: `${path} 必填` }, { issues: [{ path, message: '必填' }] });
}
