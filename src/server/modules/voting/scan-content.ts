// What a scan's bytes must be before it is stored: one whole PNG, JPEG or PDF and nothing else.
// The magic bytes alone let through a "polyglot" — a file that is valid as two types, such as
// an image with a PDF or an HTML page behind it, or a PDF that runs JavaScript when opened —
// so each type's structure is walked to its end, and a PDF's active content is refused.
import zlib from 'node:zlib';
import { jpegIsWhole, pngIsWhole } from '../../platform/uploads';

export type ScanType = 'application/pdf' | 'image/jpeg' | 'image/png';

/** Why a file is refused: the type it claims (by its first bytes), and what is wrong. */
export type ScanRefusal =
  | { kind: 'unsupported' }
  | { kind: 'malformed'; type: ScanType }
  | { kind: 'foreign'; type: ScanType }
  | { kind: 'active'; type: 'application/pdf'; names: string[] };

export type ScanCheck = { ok: true; type: ScanType } | ({ ok: false } & ScanRefusal);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Signatures of other formats that must not appear inside a scan: a PDF reader finds "%PDF-"
 * anywhere in the first kilobyte, and a browser that sniffs treats a file with these tags as a
 * page. In the compressed data of a real photo a given five-byte run turns up about once in a
 * thousand billion bytes, so the search refuses no real scan.
 */
const FOREIGN_IN_IMAGE = ['%pdf-', '<script', '<html', '<iframe', '<body', '<svg', '<!doctype html', 'javascript:'];
const FOREIGN_IN_PDF = ['<script', '<html', '<iframe', '<body', '<!doctype html'];

/** NEEDLES are written in lower case. */
function containsAny(content: Buffer, needles: string[]): boolean {
  const lower = content.toString('latin1').toLowerCase();
  return needles.some((n) => lower.includes(n));
}

/**
 * Names of PDF actions and attachments that run or carry something when the file is opened
 * (ISO 32000-1 §12.6 actions, §7.11.4 embedded files, §12.7.8 XFA forms). A scanned ballot has
 * none of them. /OpenAction is refused only when it is an action (a dictionary), not when it
 * names the page to show.
 */
const PDF_ACTIVE = new Set(['JS', 'JavaScript', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'SubmitForm', 'ImportData', 'GoToE', 'GoToR', 'XFA', 'AA']);

/** The names of a PDF's text, with #xx escapes decoded (/J#53 is /JS, ISO 32000-1 §7.3.5). */
function activeNames(text: string, found: Set<string>) {
  for (const m of text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
    const name = m[1].replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    if (PDF_ACTIVE.has(name)) found.add(name);
    if (name === 'OpenAction' && /^\s*<</.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) found.add('OpenAction');
  }
}

/** The inflated object streams (/Type /ObjStm, §7.5.7), where objects can be hidden from a plain search. */
function objectStreams(content: Buffer): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const at = content.indexOf('/ObjStm', from, 'latin1');
    if (at < 0) return out;
    const start = content.indexOf('stream', at, 'latin1');
    if (start < 0) return out;
    let dataAt = start + 'stream'.length;
    if (content[dataAt] === 0x0d) dataAt++;
    if (content[dataAt] === 0x0a) dataAt++;
    const end = content.indexOf('endstream', dataAt, 'latin1');
    if (end < 0) return out;
    try {
      out.push(zlib.inflateSync(content.subarray(dataAt, end), { maxOutputLength: 16 * 1024 * 1024, finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('latin1'));
    } catch {
      out.push('/ObjStm-unreadable');
    }
    from = end;
  }
}

function checkPdf(content: Buffer): ScanCheck {
  const type = 'application/pdf';
  if (!/^%PDF-[12]\.\d/.test(content.subarray(0, 8).toString('latin1'))) return { ok: false, kind: 'malformed', type };
  // The file ends with %%EOF (§7.5.5), allowing the end-of-line after it and nothing else.
  if (!/%%EOF[\r\n\s\0]*$/.test(content.subarray(Math.max(0, content.length - 64)).toString('latin1'))) return { ok: false, kind: 'malformed', type };
  if (containsAny(content, FOREIGN_IN_PDF)) return { ok: false, kind: 'foreign', type };
  const found = new Set<string>();
  activeNames(content.toString('latin1'), found);
  for (const text of objectStreams(content)) {
    if (text === '/ObjStm-unreadable') return { ok: false, kind: 'malformed', type };
    activeNames(text, found);
  }
  if (found.size) return { ok: false, kind: 'active', type, names: [...found].sort() };
  return { ok: true, type };
}

/** Decides a scan's type from its content (never from its name or the header sent) and checks it whole. */
export function checkScanContent(content: Buffer): ScanCheck {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return checkPdf(content);
  const image: ScanType | null = content.subarray(0, 8).equals(PNG_SIGNATURE) ? 'image/png' : content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff ? 'image/jpeg' : null;
  if (!image) return { ok: false, kind: 'unsupported' };
  if (!(image === 'image/png' ? pngIsWhole(content) : jpegIsWhole(content))) return { ok: false, kind: 'malformed', type: image };
  if (containsAny(content, FOREIGN_IN_IMAGE)) return { ok: false, kind: 'foreign', type: image };
  return { ok: true, type: image };
}
