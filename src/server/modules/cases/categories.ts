// The categories in force in a district: the default list (core/cases/categories.ts, from the
// duty list annexed to 湘建房〔2021〕231号 and the seeds) with the district's own changes, which
// the district office keeps.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError, notFound } from '../../platform/errors';
import { DEFAULT_CATEGORIES, DEPARTMENTS, type CaseCategory, type HandlerKind, type LimitUnit } from '../../../core/cases';
import type { CaseCategoriesTable } from './tables';

type Exec = Kysely<Database> | Transaction<Database>;

export interface ResolvedCategory extends CaseCategory {
  /** Whether the district changed or added it (false: the default, as the list has it). */
  local: boolean;
}

function fromRow(r: Selectable<CaseCategoriesTable>): ResolvedCategory {
  return {
    code: r.code,
    name: { 'zh-CN': r.name_zh, en: r.name_en },
    handler: { kind: r.handler_kind as HandlerKind, department: r.department },
    citation: r.citation,
    limits: {
      acknowledge: { amount: r.acknowledge_amount, unit: r.acknowledge_unit as LimitUnit },
      resolve: { amount: r.resolve_amount, unit: r.resolve_unit as LimitUnit },
    },
    local: true,
  };
}

/** The categories in force in a district (the defaults without one). */
export async function categoriesOf(db: Exec, districtId: string | null): Promise<ResolvedCategory[]> {
  const rows = districtId ? await db.selectFrom('case_categories').selectAll().where('district_id', '=', districtId).execute() : [];
  const local = new Map(rows.map((r) => [r.code, fromRow(r)]));
  const merged = DEFAULT_CATEGORIES.map((c) => local.get(c.code) ?? { ...c, local: false });
  for (const [code, c] of local) if (!DEFAULT_CATEGORIES.some((d) => d.code === code)) merged.push(c);
  return merged;
}

export async function categoryOf(db: Exec, districtId: string, code: string): Promise<ResolvedCategory> {
  const found = (await categoriesOf(db, districtId)).find((c) => c.code === code);
  if (!found) throw new AppError('CASE_CATEGORY_UNKNOWN', { code });
  return found;
}

/** A handler named by hand: a department from the annex where the kind is a department, else none. */
export function checkHandler(handler: { kind: HandlerKind; department?: string | null }) {
  if (handler.kind === 'department') {
    if (!handler.department) throw new AppError('CASE_HANDLER_INVALID');
    if (!DEPARTMENTS.includes(handler.department)) throw new AppError('CASE_DEPARTMENT_UNKNOWN', { department: handler.department });
    return { kind: handler.kind, department: handler.department };
  }
  if (handler.department) throw new AppError('CASE_HANDLER_INVALID');
  return { kind: handler.kind, department: null };
}

export interface CategoryPatch {
  name?: { 'zh-CN': string; en: string };
  handler?: { kind: HandlerKind; department?: string | null };
  citation?: string;
  limits?: CaseCategory['limits'];
}

/**
 * The district office changes a category for its district (or adds one of its own, which needs
 * every field). The change holds for cases raised after it; cases already raised keep theirs.
 */
export async function updateCategory(db: Kysely<Database>, ctx: RequestContext, districtId: string, code: string, patch: CategoryPatch) {
  // A district's categories are public: scope is the caller's district (404 from another), then the permission.
  if (districtId !== ctx.actor.path.districtId) throw notFound();
  assertCan(ctx.actor, 'cases.configure');
  const current = (await categoriesOf(db, districtId)).find((c) => c.code === code);
  const name = patch.name ?? current?.name;
  const handler = patch.handler ? checkHandler(patch.handler) : current?.handler;
  const citation = patch.citation ?? current?.citation;
  const limits = patch.limits ?? current?.limits;
  if (!name || !handler || !citation || !limits) throw new AppError('CASE_CATEGORY_UNKNOWN', { code });
  const row = {
    district_id: districtId,
    code,
    name_zh: name['zh-CN'],
    name_en: name.en,
    handler_kind: handler.kind,
    department: handler.department,
    citation,
    acknowledge_amount: limits.acknowledge.amount,
    acknowledge_unit: limits.acknowledge.unit,
    resolve_amount: limits.resolve.amount,
    resolve_unit: limits.resolve.unit,
    updated_at: new Date(),
  };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('case_categories')
      .values(row)
      .onConflict((oc) => oc.columns(['district_id', 'code']).doUpdateSet({ ...row }))
      .execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'case_category', entityId: null, place: { districtId }, before: current ?? null, after: row });
  });
  return (await categoriesOf(db, districtId)).find((c) => c.code === code)!;
}
