// The short code of a quarter's board: six characters printed under the poster's QR code, so
// that /q/K7M2QX can be typed on a phone where a quarter id (36 characters) could not. Letters
// and digits that cannot be mistaken for one another when read off a wall (no 0/O, 1/I).
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { isUniqueViolation } from '../../platform/db-helpers';
import type { PlacePath } from '../../platform/access';
import './tables';

type DB = Kysely<Database>;

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)];
  return code;
}

/**
 * What the path names: a quarter id, a code (as typed: any case), or nothing a quarter can have
 * (answered 404 without asking the database).
 */
export function parseBoardKey(text: string): { quarterId: string } | { code: string } | null {
  if (UUID.test(text)) return { quarterId: text.toLowerCase() };
  const code = text.toUpperCase();
  if (code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c))) return { code };
  return null;
}

export async function quarterOfCode(db: DB, code: string): Promise<string | null> {
  return (await db.selectFrom('board_codes').select('quarter_id').where('code', '=', code).executeTakeFirst())?.quarter_id ?? null;
}

export async function codeOfQuarter(db: DB, quarterId: string): Promise<string | null> {
  return (await db.selectFrom('board_codes').select('code').where('quarter_id', '=', quarterId).executeTakeFirst())?.code ?? null;
}

/**
 * The quarter's code, made the first time it is asked for. Two requests at once both end with
 * the one that was stored (the quarter is the key); a new code that another quarter already has
 * is drawn again (one in a billion per quarter stored).
 */
export async function ensureCode(db: DB, place: Pick<PlacePath, 'districtId' | 'quarterId'>): Promise<string> {
  const quarterId = place.quarterId!;
  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await codeOfQuarter(db, quarterId);
    if (existing) return existing;
    try {
      await db
        .insertInto('board_codes')
        .values({ quarter_id: quarterId, district_id: place.districtId, code: newCode() })
        .onConflict((oc) => oc.column('quarter_id').doNothing())
        .execute();
    } catch (err) {
      // The drawn code is another quarter's: draw again.
      if (!isUniqueViolation(err)) throw err;
    }
  }
  throw new Error(`no board code could be stored for quarter ${quarterId}`);
}
