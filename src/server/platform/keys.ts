// The key behind keyed hashes of personal identifiers (个人信息保护法: ID numbers and property
// certificate numbers are never stored in full). GONGZHI_SECRET sets it; otherwise a random key
// is made once and kept in the database, so that hashes stay comparable across restarts.
import crypto from 'node:crypto';
import type { Db } from '../db/index';

export async function loadHashKey(db: Db): Promise<Buffer> {
  const fromEnv = process.env.GONGZHI_SECRET;
  if (fromEnv && fromEnv.length >= 16) return crypto.createHash('sha256').update(fromEnv).digest();
  const existing = await db.kysely.selectFrom('platform_settings').select('value').where('key', '=', 'hash_key').executeTakeFirst();
  if (existing) return Buffer.from(existing.value, 'hex');
  const key = crypto.randomBytes(32).toString('hex');
  // Two processes starting together on PostgreSQL: the first insert wins, both read it back.
  await db.kysely.insertInto('platform_settings').values({ key: 'hash_key', value: key }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const stored = await db.kysely.selectFrom('platform_settings').select('value').where('key', '=', 'hash_key').executeTakeFirstOrThrow();
  return Buffer.from(stored.value, 'hex');
}

/** HMAC-SHA-256 of a normalised identifier (trimmed, upper case, no spaces). */
export function keyedHash(key: Buffer, identifier: string): string {
  const normalised = identifier.replace(/\s+/g, '').toUpperCase();
  return crypto.createHmac('sha256', key).update(normalised).digest('hex');
}
