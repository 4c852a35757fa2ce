// The audit log: every write, with who, when, what, and the state before and after
// (docs/architecture.md, "Rules of the code"). Writes go through `recordAudit` inside the same transaction as the
// change itself, so a change is never left without its entry, nor an entry without its change.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor, PlacePath } from './access';

export interface RequestContext {
  actor: Actor;
  ip: string | null;
}

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'import' | 'login' | 'logout' | 'password' | string;
  entity: string;
  entityId?: string | null;
  place?: PlacePath | null;
  before?: unknown;
  after?: unknown;
}

type Executor = Kysely<Database> | Transaction<Database>;

// Personal data is never written to the log in full: the fields that can carry it are
// replaced by their masked forms before the entry is stored.
const SECRET_KEYS = new Set(['idNumber', 'id_number', 'password', 'passwordHash', 'password_hash', 'certificateNo', 'id_number_hash', 'certificate_hash']);
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (SECRET_KEYS.has(k)) continue;
      out[k] = scrub(v);
    }
    return out;
  }
  return value;
}

export async function recordAudit(db: Executor, ctx: RequestContext | { actor: null; ip: string | null }, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRows([{ ctx, entry }])).execute();
}

/**
 * The audit_log rows of several entries, scrubbed, for a module that writes them in a statement
 * of its own (the ballots sealed together in one CTE).
 */
export function auditRows(entries: { ctx: RequestContext | { actor: null; ip: string | null }; entry: AuditEntry }[]) {
  return entries.map(({ ctx, entry }) => {
    const place = entry.place ?? null;
    return {
      user_id: ctx.actor?.id ?? null,
      username: ctx.actor?.username ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId ?? null,
      district_id: place?.districtId ?? null,
      street_id: place?.streetId ?? null,
      community_id: place?.communityId ?? null,
      quarter_id: place?.quarterId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(scrub(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(scrub(entry.after)),
      ip: ctx.ip,
    };
  });
}
