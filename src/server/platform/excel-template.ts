// What every import template offered for download shares (the registry's units and buildings,
// finance's bank statement and arrears list): a grey sample row marked so that the import skips
// it, and a note above the header. A worker who types below the sample must never get the
// sample stored as a real owner, a booking or a debt.
import type ExcelJS from 'exceljs';

/** The mark a template's sample row starts one of its text cells with. */
export const SAMPLE_MARK = '示例（导入时跳过）';

/**
 * A text cell of a sample row: 示例 with a bracket or colon after it (the mark, or retyped by
 * someone). A name that merely begins with the two characters (示例下方的业主) is data.
 */
export function isSampleText(text: string): boolean {
  return /^示例\s*[（(【[:：]/.test(text.trim());
}

/** Greys a sample row, so that it reads as an example and not as data. */
export function markSample(row: ExcelJS.Row): void {
  row.font = { italic: true, color: { argb: 'FF8C8C8C' } };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } };
  });
}

/**
 * The note in the first row, across the columns up to `lastColumn`, above the header: the
 * imports look for the header in the first rows, not only the first.
 */
export function noteAboveHeader(ws: ExcelJS.Worksheet, lastColumn: string, text: string, height: number): void {
  ws.mergeCells(`A1:${lastColumn}1`);
  const note = ws.getCell('A1');
  note.value = text;
  note.alignment = { wrapText: true, vertical: 'top' };
  note.font = { color: { argb: 'FF595959' } };
  ws.getRow(1).height = height;
}
