// The cases module's permissions, each caller's queue, and who may do what with a case. Every
// service function starts here: the case must be in the caller's queue (404 otherwise, exactly
// as for an unknown id), then the role's permission (403), then the part the caller plays for
// the step (core/cases/lifecycle.ts: 403 for the wrong part, 409 for a step out of order).
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { assertCan, assertInScope, can, defineGrants, OFFICES, placeInScope, scopeFilter, type Actor } from '../../platform/access';
import { placeOfRow } from '../../platform/db-helpers';
import { notFound } from '../../platform/errors';
import type { CaseParty, Handler, HandlerKind } from '../../../core/cases';
import type { CaseRow } from './tables';

type Exec = Kysely<Database> | Transaction<Database>;

// 诉求 (T/ZAS 4006.1—2020 6.1.3.4, 6.1.6.3, 7.1.2; 湘建房〔2021〕231号 五（二）): the offices and
// the commissioner receive and dispatch; the quarter's company and committee, the community,
// the street and the departments handle what is dispatched to them, each in its own queue;
// owners, grid workers and building leaders raise cases and follow their own; the quarter's
// party organisation follows all of its quarter's.
export const casesGrants = defineGrants({
  'cases.read': [...OFFICES, 'commissioner', 'party_secretary', 'company', 'committee', 'department', 'owner', 'grid_worker', 'building_leader'],
  'cases.raise': [...OFFICES, 'commissioner', 'company', 'committee', 'grid_worker', 'building_leader', 'owner'],
  'cases.dispatch': [...OFFICES, 'commissioner'],
  'cases.handle': ['street_office', 'community_office', 'commissioner', 'company', 'committee', 'department'],
  // A district's own categories and its departments' accounts.
  'cases.configure': ['district_office'],
  // The hazard database (T/ZAS 4006.1—2020 6.2.4.3; 湘建房〔2021〕231号 五（二）): those who patrol find,
  // dissuade and report; the company, the community and the departments handle; the
  // commissioner and the offices verify.
  'hazards.read': [...OFFICES, 'commissioner', 'party_secretary', 'company', 'committee', 'grid_worker', 'building_leader', 'department'],
  'hazards.patrol': [...OFFICES, 'commissioner', 'company', 'grid_worker', 'building_leader'],
  'hazards.handle': ['community_office', 'commissioner', 'company', 'department'],
  'hazards.verify': [...OFFICES, 'commissioner'],
  // Patrol records (湘建房〔2021〕231号 五（二）): grid workers and building leaders patrol, with the
  // commissioner, the company and the offices; the quarter's party organisation reads them.
  'patrols.read': [...OFFICES, 'commissioner', 'party_secretary', 'company', 'grid_worker', 'building_leader'],
  'patrols.write': [...OFFICES, 'commissioner', 'company', 'grid_worker', 'building_leader'],
  // Emergency plans and drills (T/ZAS 4006.1—2020 6.2.4.1): the offices, the commissioner and the
  // company keep them; whoever reads the hazards reads them.
  'emergency.manage': [...OFFICES, 'commissioner', 'company'],
  // The dispute register (HZ 5.1.4): the offices, the commissioner and the owners' committee
  // (ZAS 6.1.4.5; its monthly analysis, HZ 5.1.4.1.3) register and follow up; mediators, the
  // community office, the commissioner and the committee mediate; the party organisation follows.
  'disputes.read': [...OFFICES, 'commissioner', 'party_secretary', 'committee', 'mediator'],
  'disputes.register': [...OFFICES, 'commissioner', 'committee'],
  'disputes.mediate': ['community_office', 'commissioner', 'committee', 'mediator'],
  // The State Council's holiday calendar by which working-day limits count (国务院办公厅 部分节假日
  // 安排): national, kept by the district office, the top office of an installation.
  'holidays.manage': ['district_office'],
});

declare module '../../platform/access' {
  interface PermissionRegistry extends Record<keyof typeof casesGrants, true> {}
}

/** Roles that see every case of their scope. */
const WHOLE_SCOPE = new Set<string>([...OFFICES, 'commissioner', 'party_secretary']);
/** Roles that see the cases dispatched to their kind of handler in their scope. */
const HANDLER_ROLE: Partial<Record<string, HandlerKind>> = { company: 'company', committee: 'committee' };

/** The department an account of the department role belongs to, or null. */
export async function departmentOf(db: Exec, userId: string): Promise<string | null> {
  const row = await db.selectFrom('case_department_members').select('department').where('user_id', '=', userId).executeTakeFirst();
  return row?.department ?? null;
}

/** What a caller's queue holds, beyond the cases the caller raised. */
export type Queue = { kind: 'scope' } | { kind: 'handler'; handler: HandlerKind } | { kind: 'department'; department: string } | { kind: 'own' };

export async function queueOf(db: Exec, actor: Actor): Promise<Queue> {
  if (WHOLE_SCOPE.has(actor.role)) return { kind: 'scope' };
  const handler = HANDLER_ROLE[actor.role];
  if (handler) return { kind: 'handler', handler };
  if (actor.role === 'department') {
    const department = await departmentOf(db, actor.id);
    return department ? { kind: 'department', department } : { kind: 'own' };
  }
  return { kind: 'own' };
}

/** The SQL filter of a caller's queue on the `cases` table: its scope column, then the queue. */
export function queueWhere(actor: Actor, queue: Queue) {
  const scope = scopeFilter(actor);
  // The cases the caller raised join the queue only for roles that raise cases: an OR in the
  // filter costs a department's queue its index (bench/cases.ts).
  const raises = can(actor, 'cases.raise');
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    const own = eb('cases.raised_by', '=', actor.id);
    const orOwn = (queued: ReturnType<typeof eb.and>) => (raises ? eb.or([queued, own]) : queued);
    switch (queue.kind) {
      case 'scope':
        return eb(`cases.${scope.column}`, '=', scope.value);
      case 'handler':
        return orOwn(eb.and([eb(`cases.${scope.column}`, '=', scope.value), eb('cases.handler_kind', '=', queue.handler)]));
      case 'department':
        return orOwn(eb.and([eb(`cases.${scope.column}`, '=', scope.value), eb('cases.handler_kind', '=', 'department'), eb('cases.handler_department', '=', queue.department)]));
      case 'own':
        return own;
    }
  };
}

function inQueue(actor: Actor, queue: Queue, row: CaseRow): boolean {
  if (row.raised_by === actor.id) return true;
  if (!placeInScope(actor, placeOfRow(row), { parentRead: true })) return false;
  switch (queue.kind) {
    case 'scope':
      return true;
    case 'handler':
      return row.handler_kind === queue.handler;
    case 'department':
      return row.handler_kind === 'department' && row.handler_department === queue.department;
    case 'own':
      return false;
  }
}

/** Is the caller the office a case with this handler is dispatched to? */
export function handles(actor: Actor, handler: Handler, department: string | null): boolean {
  if (!can(actor, 'cases.handle')) {
    // A utility has no account here: whoever dispatches acts and records for it.
    return handler.kind === 'utility' && can(actor, 'cases.dispatch');
  }
  switch (handler.kind) {
    case 'company':
      return actor.role === 'company';
    case 'committee':
      return actor.role === 'committee';
    case 'community':
      return actor.role === 'community_office' || actor.role === 'commissioner';
    case 'street':
      return actor.role === 'street_office';
    case 'department':
      return actor.role === 'department' && department !== null && department === handler.department;
    case 'utility':
      return can(actor, 'cases.dispatch');
  }
}

/** The parts the caller plays for the case (the case is in the caller's queue). */
export function partiesOf(actor: Actor, row: CaseRow, department: string | null): CaseParty[] {
  const parties: CaseParty[] = [];
  if (can(actor, 'cases.dispatch') && placeInScope(actor, placeOfRow(row))) parties.push('dispatcher');
  if (handles(actor, { kind: row.handler_kind as HandlerKind, department: row.handler_department }, department)) parties.push('handler');
  if (row.raised_by === actor.id) parties.push('raiser');
  return parties;
}

export async function loadCase(db: Exec, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow | null> {
  let q = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

/**
 * The case, if it is in the caller's queue (404 otherwise, as for an unknown id) and the caller
 * may read cases (403), with the parts the caller plays for it.
 */
export async function authorizeCase(db: Exec, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}) {
  const row = await loadCase(db, id, opts);
  const queue = await queueOf(db, actor);
  if (!row || !inQueue(actor, queue, row)) throw notFound();
  assertCan(actor, 'cases.read');
  const department = queue.kind === 'department' ? queue.department : null;
  return { row, parties: partiesOf(actor, row, department), department };
}

/** A quarter's place where the caller may enter a case: in scope (404), then `cases.raise` (403). */
export function assertMayRaise(actor: Actor, place: Parameters<typeof assertInScope>[1]) {
  assertInScope(actor, place, { parentRead: true });
  assertCan(actor, 'cases.raise');
}

/** A case past its limit: to acknowledge while received, to resolve until replied (the category's limits). */
export function overdueCase(now: Date) {
  return sql<boolean>`((cases.status = 'received' and cases.acknowledge_due_at < ${now}) or (cases.status not in ('replied', 'closed') and cases.resolve_due_at < ${now}))`;
}
