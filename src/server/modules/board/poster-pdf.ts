// A one-page PDF (ISO 32000-1) written by hand: text, filled rectangles and one link, which is
// all the poster draws. Chinese text is set in STSong-Light, one of the standard Chinese fonts
// of PDF (Adobe-GB1, encoding UniGB-UCS2-H) that every Chinese-capable reader supplies, so the
// file embeds no font and stays a few kilobytes; Latin text (the address) in Helvetica.

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };

export class PdfPage {
  private ops: string[] = [];
  private links: { rect: [number, number, number, number]; uri: string }[] = [];

  /**
   * Text whose left edge is at x and baseline at y: runs of printable ASCII in Helvetica, the
   * rest in the Chinese font, in one text object, so the reader advances from run to run by
   * the fonts' own widths.
   */
  text(x: number, y: number, size: number, text: string, grey = 0): void {
    const shown = runs(text)
      .map((r) => (r.latin ? `/F2 ${num(size)} Tf (${latinLiteral(r.text)}) Tj` : `/F1 ${num(size)} Tf <${ucs2Hex(r.text)}> Tj`))
      .join(' ');
    this.ops.push(`BT ${grey} g ${num(x)} ${num(y)} Td ${shown} ET`);
  }

  /** Text centred on x. */
  centred(x: number, y: number, size: number, text: string, grey = 0): void {
    this.text(x - (textWidth(text) * size) / 2, y, size, text, grey);
  }

  rect(x: number, y: number, w: number, h: number, grey = 0): void {
    this.ops.push(`${grey} g ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f`);
  }

  /** Rectangles filled together in one path (the modules of a QR code). */
  rects(list: [number, number, number, number][], grey = 0): void {
    if (!list.length) return;
    this.ops.push(`${grey} g\n${list.map(([x, y, w, h]) => `${num(x)} ${num(y)} ${num(w)} ${num(h)} re`).join('\n')}\nf`);
  }

  strokeRect(x: number, y: number, w: number, h: number, width: number, grey = 0): void {
    this.ops.push(`${grey} G ${num(width)} w ${num(x)} ${num(y)} ${num(w)} ${num(h)} re S`);
  }

  /** A clickable area that opens `uri` in a reader that follows links. */
  link(x: number, y: number, w: number, h: number, uri: string): void {
    this.links.push({ rect: [x, y, x + w, y + h], uri });
  }

  /** The whole file. */
  toPdf(title: string): Buffer {
    const content = this.ops.join('\n');
    const objects: string[] = [];
    // Each object's number is its place in the list, from 1.
    const add = (body: string) => objects.push(body);
    const catalog = add('<< /Type /Catalog /Pages 2 0 R >>');
    add('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
    const annots = this.links.map((_, i) => `${9 + i} 0 R`).join(' ');
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> /Contents 4 0 R${annots ? ` /Annots [${annots}]` : ''} >>`,
    );
    add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`);
    add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>');
    add(
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> ' +
        '/FontDescriptor 8 0 R /DW 1000 >>',
    );
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
    add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
    for (const l of this.links) add(`<< /Type /Annot /Subtype /Link /Rect [${l.rect.map(num).join(' ')}] /Border [0 0 0] /A << /S /URI /URI (${latinLiteral(l.uri)}) >> >>`);
    const info = add(`<< /Title <FEFF${ucs2Hex(title)}> /Producer (Gongzhi) >>`);

    let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(Buffer.byteLength(out, 'latin1'));
      out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    });
    const xref = Buffer.byteLength(out, 'latin1');
    out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
    out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(out, 'latin1');
  }
}

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

// Helvetica's advance widths (its AFM, thousandths of an em) for ASCII 32–126.
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const isLatin = (ch: string) => ch >= ' ' && ch <= '~';

function runs(text: string): { latin: boolean; text: string }[] {
  const out: { latin: boolean; text: string }[] = [];
  for (const ch of text) {
    const latin = isLatin(ch);
    const last = out.at(-1);
    if (last && last.latin === latin) last.text += ch;
    else out.push({ latin, text: ch });
  }
  return out;
}

/** Width in ems: Helvetica's for ASCII, one em for a Chinese character. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isLatin(ch) ? HELVETICA[ch.charCodeAt(0) - 32] / 1000 : 1;
  return w;
}

/**
 * UCS-2 big-endian in hex, as UniGB-UCS2-H reads it. A character outside the Basic Multilingual
 * Plane has no code there and is shown as a space (no quarter name of the seeds has one).
 */
function ucs2Hex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    hex += (c > 0xffff ? 0x3000 : c).toString(16).padStart(4, '0');
  }
  return hex.toUpperCase();
}

/** A PDF literal string of printable ASCII (the address and its link). */
function latinLiteral(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
}
