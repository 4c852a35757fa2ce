// Accounts and the offices they hold (docs/architecture.md): an account whose role comes from an
// organisation record is linked to it, and holds the role's permissions only while the record
// is current. The records belong to the organisations module, which gives them through its
// descriptor (OfficeRecordsProvider); this file checks a link and words why an office ended.
import type { Kysely } from 'kysely';
import { officeKindOfRole } from '../../../contracts/users';
import type { Database } from '../../db/schema';
import type { OfficeEnded, OfficeLink, PlacePath, Role } from '../../platform/access';
import { AppError } from '../../platform/errors';
import type { Locale, Localized } from '../../platform/i18n';
import type { OfficeRecordsProvider } from '../../platform/module';

type DB = Kysely<Database>;

/** The link stored on an account row, or null. */
export function officeLinkOf(row: { office_kind: string | null; office_id: string | null }): OfficeLink | null {
  return row.office_kind && row.office_id ? ({ kind: row.office_kind, id: row.office_id } as OfficeLink) : null;
}

/** Null while the account's office is held at `at` (or it has none), else why it ended. */
export async function officeEndedFor(
  db: DB,
  offices: OfficeRecordsProvider,
  row: { office_kind: string | null; office_id: string | null; quarter_id: string | null },
  at: Date = new Date(),
): Promise<OfficeEnded | null> {
  const link = officeLinkOf(row);
  return link ? offices.ended(db, link, row.quarter_id, at) : null;
}

/**
 * The link an account bound to `path` with `role` may have: of the kind the role comes from,
 * to a record of the same quarter (and building), or of the district for a company.
 * OFFICE_LINK_INVALID (422) otherwise.
 */
export async function checkedOfficeLink(db: DB, offices: OfficeRecordsProvider, role: Role, path: PlacePath, link: OfficeLink | null | undefined): Promise<OfficeLink | null> {
  if (!link) return null;
  const kind = (officeKindOfRole as Partial<Record<Role, string>>)[role];
  const record = kind === link.kind ? await offices.record(db, link) : null;
  const fits =
    !!record &&
    record.districtId === path.districtId &&
    (record.quarterId === null ? !!path.quarterId : record.quarterId === path.quarterId) &&
    (!record.buildingId || !path.buildingId || record.buildingId === path.buildingId);
  if (!fits) throw new AppError('OFFICE_LINK_INVALID');
  return { kind: link.kind, id: link.id };
}

const reasons: Record<OfficeEnded['reason'], Localized> = {
  term_ended: { 'zh-CN': '任期已于 {since} 届满', en: 'the term ended on {since}' },
  removed: { 'zh-CN': '已于 {since} 被罢免或免去职务', en: 'you were removed from office on {since}' },
  dissolved: { 'zh-CN': '所在组织已解散或终止', en: 'the body was dissolved' },
  replaced: { 'zh-CN': '所在组织已换届改选', en: 'the body was replaced by a newly elected one' },
  ended: { 'zh-CN': '任职已于 {since} 结束', en: 'your appointment ended on {since}' },
  not_serving: { 'zh-CN': '所在物业服务企业已不再为本小区提供服务', en: 'your company no longer serves this quarter' },
  missing: { 'zh-CN': '所对应的组织记录已不存在', en: 'the organisation record it was linked to no longer exists' },
};

/** Why the office ended, in a sentence the account's holder is shown. */
export function officeEndedMessage(ended: OfficeEnded, locale: Locale): string {
  const why = reasons[ended.reason][locale].replace('{since}', ended.since ?? '—');
  return locale === 'en'
    ? `Your office has ended (${why}): the permissions of this role have stopped. Ask your community office if this is wrong.`
    : `您的职务已结束（${why}），该角色的权限已停止。如有疑问，请联系所在社区。`;
}
