// Files people attach (evidence, photos): the type read from the content (its first bytes, and for an
// Office file the parts its ZIP container names), never from the name or the header the browser
// sent, and the one file of a multipart request read up to one byte past its limit. A module
// decides which kinds it takes, how large and how many, and how it stores them.
import zlib from 'node:zlib';
import type { FastifyRequest } from 'fastify';

export type EvidenceType =
  | 'image/jpeg'
  | 'image/png'
  | 'image/webp'
  | 'application/pdf'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** The file's kind: a photo is shown in the page, a document is downloaded. */
export interface SniffedFile {
  type: EvidenceType;
  kind: 'photo' | 'document';
  /** The extension the stored file is served under, whatever its name was. */
  ext: 'jpg' | 'png' | 'webp' | 'pdf' | 'docx' | 'xlsx' | 'pptx';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * An Office Open XML file (ECMA-376 Part 2, Open Packaging Conventions) is a ZIP whose entries
 * include [Content_Types].xml and the main part's folder: word/, xl/ or ppt/. Entry names are
 * stored in clear in the local headers and the central directory, so they are found without
 * unpacking; any other ZIP is no Office file.
 */
function officeType(content: Buffer): SniffedFile | null {
  if (!content.subarray(0, 4).equals(ZIP_LOCAL)) return null;
  const text = content.toString('latin1');
  if (!text.includes('[Content_Types].xml')) return null;
  if (text.includes('word/document.xml')) return { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document', ext: 'docx' };
  if (text.includes('xl/workbook.xml')) return { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'document', ext: 'xlsx' };
  if (text.includes('ppt/presentation.xml')) return { type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', kind: 'document', ext: 'pptx' };
  return null;
}

/** The type of a photo (JPEG, PNG, WebP) or a document (PDF, Word, Excel, PowerPoint), or null for anything else. */
export function sniffFile(content: Buffer): SniffedFile | null {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return { type: 'image/jpeg', kind: 'photo', ext: 'jpg' };
  if (content.length >= 8 && content.subarray(0, 8).equals(PNG_SIGNATURE)) return { type: 'image/png', kind: 'photo', ext: 'png' };
  if (content.length >= 12 && content.subarray(0, 4).toString('latin1') === 'RIFF' && content.subarray(8, 12).toString('latin1') === 'WEBP') return { type: 'image/webp', kind: 'photo', ext: 'webp' };
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return { type: 'application/pdf', kind: 'document', ext: 'pdf' };
  return officeType(content);
}

/** The file name as sent, without a path, control characters or more than 120 characters. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-120);
  return clean || fallback;
}

/**
 * The one file of a multipart request (field "file"), read up to one byte past `maxBytes`:
 * null when the request carries no file; `tooLarge` when it is over the limit.
 */
export async function readOneFile(req: FastifyRequest, maxBytes: number): Promise<{ content: Buffer; fileName: string | undefined; tooLarge: boolean } | null> {
  if (!req.isMultipart()) return null;
  const file = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 }, throwFileSizeLimit: false });
  if (!file) return null;
  const content = await file.toBuffer();
  return { content, fileName: file.filename, tooLarge: file.file.truncated || content.length > maxBytes };
}

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Signatures of other formats that must not appear inside a photo (a PDF reader or a sniffing browser finds them). */
const FOREIGN = ['%pdf-', '<script', '<html', '<iframe', '<body', '<svg', '<!doctype html', 'javascript:'];

/** PNG (ISO/IEC 15948): chunks with their CRC from IHDR to IEND, with image data, and nothing after. */
export function pngIsWhole(content: Buffer): boolean {
  let at = PNG_SIGNATURE.length;
  let first = true;
  let sawData = false;
  while (at + 12 <= content.length) {
    const length = content.readUInt32BE(at);
    if (length > 0x7fffffff || at + 12 + length > content.length) return false;
    const type = content.subarray(at + 4, at + 8).toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type) || (first && (type !== 'IHDR' || length !== 13))) return false;
    if (zlib.crc32(content.subarray(at + 4, at + 8 + length)) !== content.readUInt32BE(at + 8 + length)) return false;
    if (type === 'IDAT') sawData = true;
    at += 12 + length;
    first = false;
    if (type === 'IEND') return sawData && at === content.length;
  }
  return false;
}

/**
 * JPEG (ITU-T T.81 Annex B): SOI, marker segments with their lengths, entropy-coded data after
 * each SOS (where 0xFF is followed by 0x00 or a restart marker), and EOI as the last two bytes:
 * walked segment by segment, so that nothing but the photo's own segments comes between SOI and
 * EOI (a ballot's scan, a photo on the public board).
 */
export function jpegIsWhole(content: Buffer): boolean {
  if (content[0] !== 0xff || content[1] !== 0xd8) return false;
  let at = 2;
  let sawScan = false;
  while (at + 1 < content.length) {
    if (content[at] !== 0xff) return false;
    let marker = content[at + 1];
    while (marker === 0xff && at + 2 < content.length) marker = content[++at + 1]; // fill bytes
    at += 2;
    if (marker === 0xd9) return sawScan && at === content.length; // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (at + 2 > content.length) return false;
    const length = content.readUInt16BE(at);
    if (length < 2 || at + length > content.length) return false;
    at += length;
    if (marker === 0xda) {
      sawScan = true;
      // Entropy-coded data runs to the next marker that is not a stuffed zero or a restart.
      for (;;) {
        at = content.indexOf(0xff, at);
        if (at < 0 || at + 1 >= content.length) return false;
        const next = content[at + 1];
        if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        at += 2;
      }
    }
  }
  return false;
}

/** WebP (RFC 9649): a RIFF container whose size is the file's, of form WEBP, holding a VP8, VP8L or VP8X chunk. */
function webpIsWhole(content: Buffer): boolean {
  if (content.length < 20 || content.subarray(0, 4).toString('latin1') !== 'RIFF' || content.subarray(8, 12).toString('latin1') !== 'WEBP') return false;
  if (content.readUInt32LE(4) + 8 !== content.length) return false;
  return ['VP8 ', 'VP8L', 'VP8X'].includes(content.subarray(12, 16).toString('latin1'));
}

/**
 * The photo's type from its content, or null when it is not one whole JPEG, PNG or WebP and
 * nothing else: stricter than sniffFile, for a photo anyone may open (the public board).
 */
export function wholePhotoType(content: Buffer): PhotoType | null {
  let type: PhotoType | null = null;
  if (content.subarray(0, 8).equals(PNG_SIGNATURE)) type = pngIsWhole(content) ? 'image/png' : null;
  else if (content[0] === 0xff && content[1] === 0xd8) type = jpegIsWhole(content) ? 'image/jpeg' : null;
  else if (content.subarray(0, 4).toString('latin1') === 'RIFF') type = webpIsWhole(content) ? 'image/webp' : null;
  if (!type) return null;
  const lower = content.toString('latin1').toLowerCase();
  return FOREIGN.some((n) => lower.includes(n)) ? null : type;
}
