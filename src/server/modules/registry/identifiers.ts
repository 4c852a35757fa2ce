// One form for the identifiers people type and that are kept only as a keyed hash (ID numbers,
// property certificate numbers): the same number typed from the printed certificate, on a
// Chinese keyboard or copied from a spreadsheet must give the same hash on both sides of a
// match (import, edit, the voter's verification). Every keyed hash of them is computed here.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { keyedHash } from '../../platform/keys';

type Exec = Kysely<Database> | Transaction<Database>;

// Brackets as certificates and input methods write them: （2021） 〔2021〕 【2021】 [2021] ［2021］ {2021}.
const OPENING = /[（(〔【［[｛{﹙⦅〖]/g;
const CLOSING = /[）)〕】］\]｝}﹚⦆〗]/g;

/**
 * The form an identifier is compared in: full-width letters and digits as half-width (NFKC),
 * every space removed (ordinary, full-width, non-breaking), letters in upper case, and every
 * kind of bracket as ( and ). "浙（2021） 杭州市不动产权第００１２３４５号" and
 * "浙(2021)杭州市不动产权第0012345号" are the same number.
 */
export function normaliseIdentifier(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b\u2060\ufeff]+/g, '')
    .replace(OPENING, '(')
    .replace(CLOSING, ')')
    .toUpperCase();
}

/** The keyed hash of an identifier in its normal form (platform/keys.ts). */
export function identifierHash(hashKey: Buffer, text: string): string {
  return keyedHash(hashKey, normaliseIdentifier(text));
}

/**
 * Certificate hashes are kept under a numbered rule (units.certificate_hash_rule). Rule 1 hashed
 * the text as typed with only spaces removed and case folded, so "浙（2021）…" and "浙(2021)…"
 * had different hashes; rule 2 hashes the normal form. Only the hash is kept, so a rule-1 hash
 * cannot be recomputed from the database: it is replaced when the number is next typed (a
 * voter's verification, an edit), and until then it is matched against the ways the normal
 * form is commonly written (migration 0005).
 */
export const CERTIFICATE_HASH_RULE = 2;

/** The rule-1 hashes a certificate may have been stored under, for a number typed now. */
function legacyCertificateHashes(hashKey: Buffer, typed: string): string[] {
  const normal = normaliseIdentifier(typed);
  const fullWidthBrackets = normal.replace(/\(/g, '（').replace(/\)/g, '）');
  const fullWidthAll = fullWidthBrackets.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const variants = new Set([typed, normal, fullWidthBrackets, fullWidthAll, normal.replace(/\(/g, '〔').replace(/\)/g, '〕')]);
  return [...variants].map((v) => keyedHash(hashKey, v));
}

export interface CertificateHashes {
  /** The hash under the current rule. */
  current: string;
  /** Hashes the same number may have under rule 1. */
  legacy: string[];
}

export function certificateHashes(hashKey: Buffer, typed: string): CertificateHashes {
  return { current: identifierHash(hashKey, typed), legacy: legacyCertificateHashes(hashKey, typed) };
}

/**
 * The units of a quarter whose certificate is the typed number, under either rule; a unit found
 * by its rule-1 hash is given its rule-2 hash now that the number is at hand.
 */
export async function unitsByCertificate(db: Exec, quarterId: string, hashes: CertificateHashes): Promise<string[]> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'certificate_hash', 'certificate_hash_rule'])
    .where('quarter_id', '=', quarterId)
    .where((eb) =>
      eb.or([
        eb('certificate_hash', '=', hashes.current),
        eb.and([eb('certificate_hash_rule', '<', CERTIFICATE_HASH_RULE), eb('certificate_hash', 'in', hashes.legacy)]),
      ]),
    )
    .execute();
  const stale = rows.filter((r) => r.certificate_hash !== hashes.current || r.certificate_hash_rule < CERTIFICATE_HASH_RULE).map((r) => r.id);
  if (stale.length) {
    await db.updateTable('units').set({ certificate_hash: hashes.current, certificate_hash_rule: CERTIFICATE_HASH_RULE }).where('id', 'in', stale).execute();
  }
  return rows.map((r) => r.id);
}
