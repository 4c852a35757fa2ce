/**
 * The hashes of a vote record, exactly as the format document ("Hashes (SHA-256, lowercase
 * hex)") defines them. They let anyone check, without the server, that the published roll is
 * the roll that was frozen when the vote opened and that no ballot was changed, added,
 * removed or reordered afterwards.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { VOTE_RECORD_FORMAT } from './record';
import type { RollEntry } from './record';

/** SHA-256 of the UTF-8 bytes of `text`, lowercase hex. */
export function sha256Hex(text: string): string {
  // A pure-JavaScript SHA-256 rather than node:crypto, so that the same code checks a record
  // or a receipt in the browser, in the CLI and on the server (docs/architecture.md: core
  // runs anywhere).
  return bytesToHex(sha256(utf8Bytes(text)));
}

let scratch = new Uint8Array(1024);

/**
 * The UTF-8 bytes of `text`. The lines of a record are ASCII but for members and titles in
 * other scripts: those are copied into one reused buffer, which spares the tally of a large
 * record an encoder and two new arrays per ballot. The bytes are only read before the next call.
 */
function utf8Bytes(text: string): Uint8Array {
  const n = text.length;
  if (n > scratch.length) scratch = new Uint8Array(Math.max(n, 2 * scratch.length));
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return utf8ToBytes(text);
    scratch[i] = c;
  }
  return scratch.subarray(0, n);
}

/**
 * How an area is written in the fingerprint's `member|area` line. For a valid record (a
 * non-negative integer) this is its plain decimal digits; other values (only found in
 * invalid records) are written as JavaScript or JSON would show them, so that the
 * fingerprint of a broken roll is still well defined.
 */
function areaText(area: unknown): string {
  if (typeof area === 'number') return String(area);
  return JSON.stringify(area) ?? String(area);
}

/**
 * Whether `member` can stand in the record as a pseudonym: a non-empty, well-formed Unicode
 * string without `|` or a line break. The fingerprint writes each entry as `member|area\n`
 * and the ballot hash joins its fields with `|`; a member containing those characters could
 * make two different rolls (e.g. one member `a|1\nb` against members `a` and `b`) hash
 * alike. A lone surrogate has no UTF-8 form, so "byte order of the UTF-8 string" would not
 * be defined for it.
 */
export function isUsableMember(member: unknown): member is string {
  return (
    typeof member === 'string' &&
    member.length > 0 &&
    !/[|\r\n\u2028\u2029]/.test(member) &&
    !/\p{Surrogate}/u.test(member)
  );
}

/**
 * Compares two strings in the byte order of their UTF-8 encodings, which is code-point order.
 * JavaScript's `<` compares UTF-16 code units instead, and puts U+10000… (surrogate pairs,
 * D800–DFFF) before U+E000…U+FFFF; at the first differing unit, moving surrogates above
 * E000–FFFF restores code-point order. (For well-formed strings; a lone surrogate, which
 * {@link isUsableMember} refuses, has no UTF-8 form.)
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/**
 * `rollFingerprint` = SHA-256 of the roll sorted by `member` (byte order of the UTF-8
 * string), each entry written as `member|area\n`, concatenated (format document).
 *
 * Two entries with the same member (which makes the record invalid anyway) are ordered by
 * their whole line, so that the fingerprint never depends on the order of the roll in the
 * file.
 */
export function rollFingerprint(
  roll: ReadonlyArray<Pick<RollEntry, 'member'> & { readonly area: unknown }>,
): string {
  const lines = roll.map((entry) => ({
    member: entry.member,
    line: `${entry.member}|${areaText(entry.area)}\n`,
  }));
  // Without code units from U+D800 up, UTF-16 order is already code-point order and the
  // engine's own string comparison can be used; it is several times faster.
  const plain = lines.every((l) => !/[\uD800-\uFFFF]/.test(l.line));
  const compare = plain ? (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) : compareUtf8;
  lines.sort((a, b) => compare(a.member, b.member) || compare(a.line, b.line));
  // One string hashed at once: the same bytes as hashing line after line, with one UTF-8
  // encoding instead of one per member.
  let text = '';
  for (const { line } of lines) text += line;
  return sha256Hex(text);
}

/** genesis = SHA-256 of `gongzhi.vote-record/1|<vote.id>|<rollFingerprint>`: the `prev` of ballot 1. */
export function genesisHash(voteId: string, fingerprint: string): string {
  return sha256Hex(`${VOTE_RECORD_FORMAT}|${voteId}|${fingerprint}`);
}

/**
 * `<choices>` of the ballot hash: the vote's items in the order of `vote.items`, each as
 * `id=choice`, joined by `,`, with `abstain` for an item the ballot leaves out. Keys of
 * `choices` that name no item do not appear (such a ballot is invalid anyway). Only own
 * properties count, so an item id like `constructor` is not taken from the prototype.
 */
export function choicesString(
  items: ReadonlyArray<{ readonly id: string }>,
  choices: Readonly<Record<string, unknown>>,
): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const id = items[i].id;
    const choice = Object.hasOwn(choices, id) ? choices[id] : 'abstain';
    out += `${i === 0 ? '' : ','}${id}=${String(choice)}`;
  }
  return out;
}

/**
 * `hash` of a ballot = SHA-256 of `<prev>|<seq>|<member>|<choices>|<channel>|<castAt>`, where
 * `choices` is {@link choicesString} and `castAt` is the string exactly as in the file.
 */
export function ballotHash(
  prev: string,
  seq: number,
  member: string,
  choices: string,
  channel: string,
  castAt: string,
): string {
  return sha256Hex(`${prev}|${seq}|${member}|${choices}|${channel}|${castAt}`);
}

// Receipt codes are computed from a hash without hashing anything: they live in ./receipt.
export { RECEIPT_SEPARATOR, receiptCode, normalizeReceiptCode, findByReceipt } from './receipt';
