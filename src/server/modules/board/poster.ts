// The quarter's A4 poster (码上办, T/ZAS 4006.1—2020 6.3.3.2): its name, a QR code that opens
// the public board at its short address, that address and code printed for typing, and what
// the board holds. The QR matrix comes from `qrcode` (error correction M: a poster in a lobby
// gets scuffed); the PDF from poster-pdf.ts.
import QRCode from 'qrcode';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../../platform/access';
import { authorizeBoardQuarter } from './access';
import { ensureCode } from './codes';
import { A4, PdfPage, textWidth } from './poster-pdf';

/** The short address of a quarter's board, printed on its poster and encoded in its QR code. */
export function boardUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/q/${code}`;
}

/** The QR code's dark modules, row by row from the top: what the poster draws. */
export function qrMatrix(payload: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  return { size: qr.modules.size, dark: (row, col) => Boolean(qr.modules.get(row, col)) };
}

export function posterPdf(input: { quarterName: string; url: string; code: string }): Buffer {
  const page = new PdfPage();
  const cx = A4.width / 2;
  page.rect(0, A4.height - 150, A4.width, 150, 0.93);
  page.centred(cx, A4.height - 80, 44, '码上办');
  page.centred(cx, A4.height - 118, 14, '小区公开信息\u3000扫码即看，无需登录', 0.25);

  // The quarter's name as large as fits the page's width.
  const nameSize = Math.min(30, 500 / Math.max(1, textWidth(input.quarterName)));
  page.centred(cx, A4.height - 205, nameSize, input.quarterName);

  // The code: modules of 1/size of the box, with the quiet zone of four modules around it.
  const qr = qrMatrix(input.url);
  const box = 340;
  const cell = box / (qr.size + 8);
  const left = cx - box / 2;
  const top = A4.height - 240;
  const rects: [number, number, number, number][] = [];
  for (let row = 0; row < qr.size; row++) {
    // Runs of dark modules in a row are one rectangle: fewer operators, no hairlines between.
    for (let col = 0; col < qr.size; ) {
      if (!qr.dark(row, col)) {
        col++;
        continue;
      }
      let end = col;
      while (end < qr.size && qr.dark(row, end)) end++;
      rects.push([left + (4 + col) * cell, top - (4 + row + 1) * cell, (end - col) * cell, cell]);
      col = end;
    }
  }
  page.strokeRect(left, top - box, box, box, 1, 0.8);
  page.rects(rects);
  page.link(left, top - box, box, box, input.url);

  const below = top - box - 36;
  page.centred(cx, below, 16, input.url);
  page.centred(cx, below - 30, 13, '手机浏览器输入上方网址也可打开', 0.3);
  page.centred(cx, below - 66, 20, `小区码  ${input.code}`);

  const lines = ['小区专员姓名与电话、党组织、业主委员会与监督委员会', '物业服务企业、合同期限与收费标准、收支公示、表决结果', '投诉与议题：如何反映问题'];
  lines.forEach((line, i) => page.centred(cx, below - 112 - i * 22, 12, line, 0.2));
  page.centred(cx, 40, 9, '依据 T/ZAS 4006.1—2020 6.1.3.5（公开小区专员信息）、6.3.3.2（码上办）', 0.45);
  return page.toPdf(`码上办\u3000${input.quarterName}`);
}

/**
 * The poster of a quarter the actor works in, at the board's short address under `baseUrl`
 * (GONGZHI_PUBLIC_URL, else the address the request came to).
 */
export async function quarterPoster(db: Kysely<Database>, actor: Actor, quarterId: string, baseUrl: string) {
  const place = await authorizeBoardQuarter(db, actor, quarterId);
  const code = await ensureCode(db, place);
  const url = boardUrl(baseUrl, code);
  return { fileName: `码上办-${place.name}.pdf`, pdf: posterPdf({ quarterName: place.name, url, code }), url, code };
}
