// Receipt codes (docs/vote-record-format.md, "Hashes"): the first 16 hex digits of a ballot's hash. No
// imports, so that the web app's receipt check uses the same code as the server and the CLI.

/**
 * Separator between the four groups of a receipt code. A hyphen-minus: it is on every
 * keyboard, survives copying from SMS and WeChat, and is not a hex digit.
 */
export const RECEIPT_SEPARATOR = '-';

/**
 * The voter's receipt code: the first 16 hex digits of the ballot's hash in four groups of
 * four, joined by {@link RECEIPT_SEPARATOR}, lowercase, e.g. `abcd-ef01-2345-6789`.
 */
export function receiptCode(hash: string): string {
  if (!/^[0-9a-fA-F]{16}/.test(hash)) {
    throw new RangeError('A receipt code needs a hash of at least 16 hex digits.');
  }
  const h = hash.slice(0, 16).toLowerCase();
  return [h.slice(0, 4), h.slice(4, 8), h.slice(8, 12), h.slice(12, 16)].join(RECEIPT_SEPARATOR);
}

/**
 * The 16 lowercase hex digits of a receipt code as a person might type it: any case, with
 * or without separators. Spaces and dashes (including the full-width and typographic
 * dashes a Chinese input method may produce) are ignored. `null` when what remains is not
 * exactly 16 hex digits.
 */
export function normalizeReceiptCode(code: string): string | null {
  const digits = code.replace(/[\s\-\u2010-\u2015\u2212\uFE63\uFF0D]/g, '').toLowerCase();
  return /^[0-9a-f]{16}$/.test(digits) ? digits : null;
}

/**
 * Finds the ballot whose receipt code is `code` (see {@link normalizeReceiptCode} for what
 * is accepted), or `undefined`. If two ballots shared their first 64 bits of hash, the first
 * in the record is returned.
 */
export function findByReceipt<B extends { readonly hash: string }>(
  record: { readonly ballots: readonly B[] },
  code: string,
): B | undefined {
  const digits = normalizeReceiptCode(code);
  if (digits === null) return undefined;
  return record.ballots.find(
    (b) => typeof b.hash === 'string' && b.hash.slice(0, 16).toLowerCase() === digits,
  );
}
