// The import template: its sheets and columns, the words accepted in them, and the empty
// template file (.xlsx or .csv) offered for download.
import ExcelJS from 'exceljs';
import type { Locale } from '../../platform/i18n';
import { markSample, SAMPLE_MARK } from '../../platform/excel-template';

/** One problem in the file: the spreadsheet row number as the user sees it (header = row 1). */
export interface RowError {
  row: number;
  sheet?: string;
  /** The column as headed in the template. */
  field: string;
  reason: string;
  /** The reason in English (runs written before it was kept have none). */
  reasonEn?: string;
}

/** A run's row errors in the caller's language. */
export function rowErrorsIn(locale: Locale, rows: RowError[]): RowError[] {
  return rows.map(({ reasonEn, ...row }) => ({ ...row, reason: locale === 'en' && reasonEn ? reasonEn : row.reason }));
}

// Columns of the template, in order. `aliases` are other headers people use for the same column.
export const unitColumns = [
  { key: 'building', header: '楼栋', aliases: ['楼栋', '楼号', '幢号'], required: true, width: 10 },
  { key: 'number', header: '房号', aliases: ['房号', '室号', '房间号'], required: true, width: 10 },
  { key: 'area', header: '专有部分面积(㎡)', aliases: ['专有部分面积', '建筑面积', '面积'], required: true, width: 16 },
  { key: 'use', header: '用途', aliases: ['用途', '房屋用途'], required: false, width: 8 },
  { key: 'certificate', header: '不动产权证号', aliases: ['不动产权证号', '产权证号', '不动产权证书号'], required: false, width: 34 },
  { key: 'ownerKind', header: '业主类型', aliases: ['业主类型'], required: false, width: 12 },
  { key: 'ownerName', header: '业主姓名', aliases: ['业主姓名', '业主名称', '姓名'], required: true, width: 14 },
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号', '身份证号码', '证件号码'], required: false, width: 22 },
  { key: 'phone', header: '联系电话', aliases: ['联系电话', '电话', '手机', '手机号'], required: false, width: 14 },
] as const;
export const buildingColumns = [
  { key: 'building', header: '楼栋', aliases: ['楼栋', '楼号', '幢号'], required: true, width: 10 },
  { key: 'floors', header: '层数', aliases: ['层数', '楼层数'], required: false, width: 8 },
] as const;

export const UNITS_SHEET = '房屋业主';
export const BUILDINGS_SHEET = '楼栋';

export const useValues: Record<string, 'residential' | 'commercial' | 'other'> = {
  住宅: 'residential',
  商业: 'commercial',
  商铺: 'commercial',
  商用: 'commercial',
  其他: 'other',
  车位: 'other',
  办公: 'other',
};
export const ownerKindValues: Record<string, 'person' | 'developer' | 'organization'> = {
  个人: 'person',
  自然人: 'person',
  开发建设单位: 'developer',
  开发商: 'developer',
  建设单位: 'developer',
  单位: 'organization',
  机构: 'organization',
  企业: 'organization',
};
export const ownerKindLabel = { person: '个人', developer: '开发建设单位', organization: '单位' } as const;
export const useLabel = { residential: '住宅', commercial: '商业', other: '其他' } as const;

// The template's sample rows start with SAMPLE_MARK (platform/excel-template.ts) in their first
// text column, and are skipped on import (import-parse.ts): a worker who types below the sample
// must not get the sample as a real owner and unit on the voter roll.
/** The ID number of the sample owner (GB 11643's own example); templates before the mark had it. */
export const SAMPLE_ID_NUMBER = '11010519491231002X';

export async function importTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet(UNITS_SHEET);
  units.columns = unitColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  // ID numbers, certificate and room numbers are text: as numbers Excel would cut them.
  for (const key of ['number', 'idNumber', 'certificate', 'phone']) units.getColumn(key).numFmt = '@';
  const sample = units.addRow({
    building: `${SAMPLE_MARK}1幢`,
    number: '1-101',
    area: '89.53',
    use: useLabel.residential,
    certificate: '浙(2021)杭州市不动产权第0123456号',
    ownerKind: ownerKindLabel.person,
    ownerName: '张三',
    idNumber: SAMPLE_ID_NUMBER,
    phone: '13800000000',
  });
  markSample(sample);
  units.getRow(1).font = { bold: true };
  if (format === 'csv') {
    const csv = await wb.csv.writeBuffer({ sheetName: UNITS_SHEET } as never);
    // A BOM lets Excel open the UTF-8 file with its Chinese intact.
    return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(csv as ArrayBuffer)]);
  }
  const buildings = wb.addWorksheet(BUILDINGS_SHEET);
  buildings.columns = buildingColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  markSample(buildings.addRow({ building: `${SAMPLE_MARK}1幢`, floors: 18 }));
  buildings.getRow(1).font = { bold: true };
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  for (const line of [
    '每行一个“房屋—业主”对应关系；同一房屋有多位共有人时，每位共有人各占一行，房屋信息相同。',
    '楼栋须先在“楼栋”表中列出（或已在小区档案中）。',
    '专有部分面积以平方米为单位，最多两位小数。',
    '用途：住宅、商业、其他。业主类型：个人、开发建设单位、单位；个人业主必须填写 18 位身份证号。',
    '开发建设单位未售出的房屋，业主类型填“开发建设单位”，业主姓名填单位名称。',
    '身份证号、房号、证号请保持“文本”格式，否则 Excel 会截断数字。',
    '文件中任何一行有误，整个文件都不会导入；系统会列出所有错误行供修改。',
    `灰色的示例行（楼栋以“${SAMPLE_MARK}”开头）导入时自动跳过，不会成为档案数据；可以保留或删除，请在示例行下方填写。`,
  ]) notes.addRow([line]);
  wb.views = [{ activeTab: 0 } as never];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rejected rows as a spreadsheet the user can work through. */
