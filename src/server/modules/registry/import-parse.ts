// Reading an import file (.xlsx or .csv, UTF-8 or GB18030) into rows of text cells per sheet.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isSampleText } from '../../platform/excel-template';
import { buildingColumns, SAMPLE_ID_NUMBER, unitColumns } from './import-template';

export type Cell = string | { lostDigits: true };
type RawRow = { row: number; cells: Record<string, Cell> };
export interface ParsedSheet {
  sheet: string;
  kind: 'units' | 'buildings';
  rows: RawRow[];
  /** The template's sample rows found on the sheet and skipped. */
  samples: number;
}

/**
 * A sample row of the template: a text cell starting with the template's mark, or (in templates
 * downloaded before the mark) the sample owner's ID number, which no real person has.
 */
function isSampleRow(cells: Record<string, Cell>): boolean {
  if (Object.values(cells).some((c) => typeof c === 'string' && isSampleText(c))) return true;
  const id = cells.idNumber;
  return typeof id === 'string' && id.replace(/\s+/g, '').toUpperCase() === SAMPLE_ID_NUMBER;
}

export class UnreadableFileError extends Error {
  constructor(
    readonly reasonZh: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
  }
}

/** A file larger than an import may be (import-limits.ts). */
export class ImportTooLargeError extends UnreadableFileError {}

/** Data rows in one file, all sheets together: several times the largest quarter there is. */
export const MAX_IMPORT_ROWS = 20_000;

function normaliseHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/[（(].*?[)）]/g, '').replace(/\*/g, '');
}

function cellText(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    // Excel keeps numbers to 15 significant digits: an 18-digit ID number typed into a number
    // cell has already lost its last digits, and no reading can bring them back.
    if (Math.abs(value) >= 1e15) return { lostDigits: true };
    return String(value);
  }
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

function sheetToRows(ws: ExcelJS.Worksheet): ParsedSheet | null {
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = normaliseHeader(String(cellText(cell.value)));
  });
  const find = (aliases: readonly string[]) => headers.findIndex((h) => h && aliases.some((a) => h === a || h.startsWith(a)));
  const looksLikeUnits = find(unitColumns[1].aliases) > 0;
  const columns = looksLikeUnits ? unitColumns : buildingColumns;
  if (!looksLikeUnits && find(buildingColumns[0].aliases) <= 0) return null;
  const positions: Record<string, number> = {};
  const missing: string[] = [];
  for (const c of columns) {
    const at = find(c.aliases);
    if (at > 0) positions[c.key] = at;
    else if (c.required) missing.push(c.header);
  }
  if (missing.length) {
    throw new UnreadableFileError(`工作表“${ws.name}”缺少列：${missing.join('、')}`, `sheet "${ws.name}" lacks the columns ${missing.join(', ')}`);
  }
  const rows: RawRow[] = [];
  let samples = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, Cell> = {};
    let any = false;
    for (const [key, col] of Object.entries(positions)) {
      const v = cellText(row.getCell(col).value);
      cells[key] = v;
      if (typeof v !== 'string' || v !== '') any = true;
    }
    if (!any) return;
    if (isSampleRow(cells)) samples++;
    else rows.push({ row: rowNumber, cells });
  });
  return { sheet: ws.name, kind: looksLikeUnits ? 'units' : 'buildings', rows, samples };
}

/**
 * A template downloaded before samples were marked had, beside its sample owner, the sample
 * building "1幢" of 18 floors in the first row of its buildings sheet. Where the file still has
 * that sample owner, that row is the sample too.
 */
function dropOldBuildingSample(sheets: ParsedSheet[]) {
  if (!sheets.some((s) => s.kind === 'units' && s.samples)) return;
  for (const sheet of sheets.filter((s) => s.kind === 'buildings')) {
    const first = sheet.rows[0];
    if (first?.row === 2 && first.cells.building === '1幢' && first.cells.floors === '18') {
      sheet.rows.shift();
      sheet.samples++;
    }
  }
}

function decodeCsv(buffer: Buffer): string {
  // Excel on Chinese Windows saves CSV in GB18030 (GBK); other tools in UTF-8, often with a BOM.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

export async function parseImportFile(fileName: string, buffer: Buffer): Promise<ParsedSheet[]> {
  const lower = fileName.toLowerCase();
  const wb = new ExcelJS.Workbook();
  if (lower.endsWith('.csv')) {
    const text = decodeCsv(buffer);
    // Keep every cell as text: ID numbers and room numbers like 0101 must not become numbers.
    const ws = await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v } as never);
    // A CSV has no sheet name; the file's own name tells the user where a row is.
    ws.name = fileName.replace(/\.csv$/i, '').slice(0, 31) || 'CSV';
  } else if (lower.endsWith('.xlsx')) {
    try {
      await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      throw new UnreadableFileError('不是有效的 .xlsx 文件（旧的 .xls 格式请在 Excel 中另存为 .xlsx）', 'not a valid .xlsx file (save an old .xls as .xlsx in Excel)');
    }
  } else {
    throw new UnreadableFileError('只支持 .xlsx 或 .csv 文件', 'only .xlsx and .csv files are accepted');
  }
  const sheets: ParsedSheet[] = [];
  for (const ws of wb.worksheets) {
    const parsed = sheetToRows(ws);
    if (parsed) sheets.push(parsed);
  }
  dropOldBuildingSample(sheets);
  if (!sheets.length) {
    throw new UnreadableFileError('没有找到表头为“楼栋、房号……”的工作表，请使用导入模板', 'no sheet with the template headers was found; use the template');
  }
  if (!sheets.some((s) => s.rows.length)) {
    if (sheets.some((s) => s.samples)) {
      throw new UnreadableFileError('文件中只有模板的示例行（导入时跳过），没有数据行；请在示例行下方填写', 'the file has only the template\'s sample rows, which are skipped, and no data rows; fill in the rows below the sample');
    }
    throw new UnreadableFileError('文件中没有数据行', 'the file has no data rows');
  }
  if (sheets.reduce((n, s) => n + s.rows.length, 0) > MAX_IMPORT_ROWS) {
    throw new ImportTooLargeError(
      `文件过大：一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString('en')} 行数据，请按楼栋拆分后分批导入`,
      `the file is too large: at most ${MAX_IMPORT_ROWS.toLocaleString('en')} data rows in one import; split it by building and import the parts`,
    );
  }
  return sheets;
}
