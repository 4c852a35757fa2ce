// Files people attach as evidence: the type read from the content (its first bytes, and for an
// Office file the parts its ZIP container names), never from the name or the header the browser
// sent, and the one file of a multipart request read up to one byte past its limit. A module
// decides which kinds it takes, how large and how many, and how it stores them.
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
