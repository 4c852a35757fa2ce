// Which department an account of the `department` role belongs to (住建, 公安, 城管, … as the
// duty list annexed to 湘建房〔2021〕231号 names them). The district office sets it; the account
// then sees the cases dispatched to its department in its district.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan } from '../../platform/access';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { placeOfRow } from '../../platform/db-helpers';
import { AppError, notFound } from '../../platform/errors';
import { DEPARTMENTS } from '../../../core/cases';
import { accountFor } from '../users';

type DB = Kysely<Database>;

export async function setAccountDepartment(db: DB, ctx: RequestContext, userId: string, department: string | null) {
  const account = await accountFor(db, { id: userId });
  // A department's account works across the district: anyone of the district may know it, so
  // scope is the district (404 from another), then the permission (403).
  if (!account || account.district_id !== ctx.actor.path.districtId) throw notFound();
  assertCan(ctx.actor, 'cases.configure');
  if (account.role !== 'department') throw new AppError('CASE_NOT_DEPARTMENT_ACCOUNT');
  if (department !== null && !DEPARTMENTS.includes(department)) throw new AppError('CASE_DEPARTMENT_UNKNOWN', { department });
  await db.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('case_department_members').select('department').where('user_id', '=', userId).executeTakeFirst();
    if (department === null) await tx.deleteFrom('case_department_members').where('user_id', '=', userId).execute();
    else
      await tx
        .insertInto('case_department_members')
        .values({ user_id: userId, district_id: account.district_id, department })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ department }))
        .execute();
    await recordAudit(tx, ctx, { action: 'update', entity: 'department_account', entityId: userId, place: placeOfRow(account), before: before ?? null, after: { department } });
  });
  return { userId, department };
}

/** The department of each department account of the caller's district, and the names to choose from. */
export async function departmentAccounts(db: DB, ctx: RequestContext) {
  assertCan(ctx.actor, 'cases.configure');
  const rows = await db.selectFrom('case_department_members').select(['user_id', 'department']).where('district_id', '=', ctx.actor.path.districtId).orderBy('department').execute();
  return { departments: [...DEPARTMENTS], items: rows.map((r) => ({ userId: r.user_id, department: r.department })) };
}
