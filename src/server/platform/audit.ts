// The audit log: every write, with who, when, what, and the state before and after
// (docs/architecture.md, "Rules of the code"). Writes go through `recordAudit` inside the same transaction as the
// change itself, so a change is never left without its entry, nor an entry without its change.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
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

/** Several entries in one statement (e.g. every scan removed when a vote closes). */
export async function recordAudits(db: Executor, entries: Parameters<typeof auditRows>[0]): Promise<void> {
  if (entries.length) await db.insertInto('audit_log').values(auditRows(entries)).execute();
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

/**
 * The INSERT of several entries into the log, as a fragment for a module that writes them inside
 * a statement of its own (the sealing loop writes a batch of ballots and their entries in one
 * statement), inserted only where `onlyIf` holds. The entries' before/after are already JSON
 * text; they travel as strings and are cast to jsonb in the statement rather than parsed and
 * serialised again. The module's SQL so names no table of the audit module.
 */
export function insertAuditRows(entries: Parameters<typeof auditRows>[0], onlyIf: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`insert into audit_log (user_id, username, action, entity, entity_id, district_id, street_id, community_id, quarter_id, before, after, ip)
      select r.user_id, r.username, r.action, r.entity, r.entity_id, r.district_id, r.street_id, r.community_id, r.quarter_id, r.before::jsonb, r.after::jsonb, r.ip
      from jsonb_to_recordset(${JSON.stringify(auditRows(entries))}::jsonb)
        as r(user_id uuid, username text, action text, entity text, entity_id text, district_id uuid, street_id uuid, community_id uuid, quarter_id uuid, before text, after text, ip text)
      where ${onlyIf}`;
}
