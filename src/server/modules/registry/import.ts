// Bulk import of buildings, units and owners from Excel (.xlsx) or CSV, as the property company
// or the housing bureau hands them over (SPEC module 1). A file with any bad row is refused
// whole, every bad row listed with its row number and reason; a good file is written in one
// transaction.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { recordAudit, type RequestContext } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { keyedHash } from '../../platform/keys';
import { parseArea } from '../../../core/areas';
import { maskIdNumber, parseIdNumber } from '../../../core/idnumber';
import { maskCertificate } from './records';
import { authorizeImportRun, authorizeQuarter, quarterPlace } from './access';

type DB = Kysely<Database>;

/** One problem in the file: the spreadsheet row number as the user sees it (header = row 1). */
export interface RowError {
  row: number;
  sheet?: string;
  field: string;
  reason: string;
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

const useValues: Record<string, 'residential' | 'commercial' | 'other'> = {
  住宅: 'residential',
  商业: 'commercial',
  商铺: 'commercial',
  商用: 'commercial',
  其他: 'other',
  车位: 'other',
  办公: 'other',
};
const ownerKindValues: Record<string, 'person' | 'developer' | 'organization'> = {
  个人: 'person',
  自然人: 'person',
  开发建设单位: 'developer',
  开发商: 'developer',
  建设单位: 'developer',
  单位: 'organization',
  机构: 'organization',
  企业: 'organization',
};
const ownerKindLabel = { person: '个人', developer: '开发建设单位', organization: '单位' } as const;
const useLabel = { residential: '住宅', commercial: '商业', other: '其他' } as const;

type Cell = string | { lostDigits: true };
type RawRow = { row: number; cells: Record<string, Cell> };
interface ParsedSheet {
  sheet: string;
  kind: 'units' | 'buildings';
  rows: RawRow[];
}

export class UnreadableFileError extends Error {
  constructor(
    readonly reasonZh: string,
    readonly reasonEn: string,
  ) {
    super(reasonEn);
  }
}

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
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, Cell> = {};
    let any = false;
    for (const [key, col] of Object.entries(positions)) {
      const v = cellText(row.getCell(col).value);
      cells[key] = v;
      if (typeof v !== 'string' || v !== '') any = true;
    }
    if (any) rows.push({ row: rowNumber, cells });
  });
  return { sheet: ws.name, kind: looksLikeUnits ? 'units' : 'buildings', rows };
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
  if (!sheets.length) {
    throw new UnreadableFileError('没有找到表头为“楼栋、房号……”的工作表，请使用导入模板', 'no sheet with the template headers was found; use the template');
  }
  if (!sheets.some((s) => s.rows.length)) throw new UnreadableFileError('文件中没有数据行', 'the file has no data rows');
  return sheets;
}

export interface ImportPlan {
  buildings: { name: string; floors: number | null }[];
  units: { building: string; number: string; area: number; use: 'residential' | 'commercial' | 'other'; certHash: string | null; certMasked: string | null }[];
  owners: { key: string; kind: 'person' | 'developer' | 'organization'; name: string; idHash: string | null; idMasked: string | null; phone: string | null; existingId: string | null }[];
  links: { unitKey: string; ownerKey: string }[];
  total: number;
}

const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{7,8})$/;

/**
 * Checks every row against the rules and the quarter's registry; returns every problem, or
 * the plan of what to write.
 */
export async function validateImport(
  db: DB,
  hashKey: Buffer,
  quarterId: string,
  sheets: ParsedSheet[],
  today?: string,
): Promise<{ errors: RowError[]; plan: ImportPlan }> {
  const errors: RowError[] = [];
  const err = (sheet: string, row: number, field: string, reason: string) => errors.push({ sheet, row, field, reason });
  const text = (c: Cell | undefined) => (typeof c === 'string' ? c : '');

  const existingBuildings = new Map(
    (await db.selectFrom('buildings').select(['id', 'name']).where('quarter_id', '=', quarterId).execute()).map((b) => [b.name, b.id]),
  );
  const existingUnits = new Set(
    (
      await db
        .selectFrom('units')
        .innerJoin('buildings', 'buildings.id', 'units.building_id')
        .select(['buildings.name as b', 'units.number as n'])
        .where('units.quarter_id', '=', quarterId)
        .execute()
    ).map((u) => `${u.b}\u0000${u.n}`),
  );
  const existingOwners = await db
    .selectFrom('owners')
    .select(['id', 'kind', 'name', 'id_number_hash'])
    .where('quarter_id', '=', quarterId)
    .execute();
  const ownerByHash = new Map(existingOwners.filter((o) => o.id_number_hash).map((o) => [o.id_number_hash!, o]));
  const ownerByEntityName = new Map(existingOwners.filter((o) => o.kind !== 'person').map((o) => [`${o.kind}\u0000${o.name}`, o]));

  const plan: ImportPlan = { buildings: [], units: [], owners: [], links: [], total: 0 };
  const fileBuildings = new Map<string, number>();

  for (const sheet of sheets.filter((s) => s.kind === 'buildings')) {
    for (const r of sheet.rows) {
      plan.total++;
      const name = text(r.cells.building);
      if (!name) {
        err(sheet.sheet, r.row, '楼栋', '必填');
        continue;
      }
      if (name.length > 30) err(sheet.sheet, r.row, '楼栋', '不能超过 30 个字');
      const floorsText = text(r.cells.floors);
      let floors: number | null = null;
      if (floorsText) {
        floors = Number(floorsText);
        if (!Number.isInteger(floors) || floors < 1 || floors > 200) err(sheet.sheet, r.row, '层数', `“${floorsText}”不是 1–200 之间的整数`);
      }
      const seen = fileBuildings.get(name);
      if (seen) err(sheet.sheet, r.row, '楼栋', `与第 ${seen} 行重复`);
      else {
        fileBuildings.set(name, r.row);
        if (!existingBuildings.has(name)) plan.buildings.push({ name, floors });
      }
    }
  }

  const unitsInFile = new Map<string, { row: number; area: number; use: string; cert: string; owners: Map<string, number> }>();
  const ownersInFile = new Map<string, { row: number; name: string; index: number }>();

  for (const sheet of sheets.filter((s) => s.kind === 'units')) {
    for (const r of sheet.rows) {
      plan.total++;
      const before = errors.length;
      const building = text(r.cells.building);
      const number = text(r.cells.number);
      const areaText = text(r.cells.area);
      const useText = text(r.cells.use);
      const cert = text(r.cells.certificate);
      const kindText = text(r.cells.ownerKind);
      const name = text(r.cells.ownerName);
      const idCell = r.cells.idNumber;
      const phone = text(r.cells.phone).replace(/\s+/g, '');

      if (!building) err(sheet.sheet, r.row, '楼栋', '必填');
      else if (!existingBuildings.has(building) && !fileBuildings.has(building)) {
        err(sheet.sheet, r.row, '楼栋', `楼栋“${building}”不在本小区档案中，也不在“${BUILDINGS_SHEET}”表里`);
      }
      if (!number) err(sheet.sheet, r.row, '房号', '必填');
      else if (number.length > 30) err(sheet.sheet, r.row, '房号', '不能超过 30 个字');

      const area = parseArea(areaText);
      const areaReasons = {
        empty: '必填',
        negative: '不能为负数',
        notNumber: `“${areaText}”不是数字`,
        tooManyDecimals: '最多保留两位小数',
        tooLarge: '数值过大，请检查单位是否为平方米',
      } as const;
      if (!area.ok) err(sheet.sheet, r.row, '专有部分面积', areaReasons[area.reason]);
      else if (area.value <= 0) err(sheet.sheet, r.row, '专有部分面积', '必须大于 0');

      const use = useText ? useValues[useText] : 'residential';
      if (!use) err(sheet.sheet, r.row, '用途', `“${useText}”不认识，请填 住宅、商业 或 其他`);
      const kind = kindText ? ownerKindValues[kindText] : 'person';
      if (!kind) err(sheet.sheet, r.row, '业主类型', `“${kindText}”不认识，请填 个人、开发建设单位 或 单位`);
      if (!name) err(sheet.sheet, r.row, '业主姓名', '必填');
      else if (name.length > 60) err(sheet.sheet, r.row, '业主姓名', '不能超过 60 个字');

      let idValue: string | null = null;
      if (typeof idCell === 'object') {
        err(sheet.sheet, r.row, '身份证号', 'Excel 把身份证号存成了数字，后几位已丢失；请把这一列设为“文本”格式后重新填写');
      } else if (idCell) {
        const parsed = parseIdNumber(idCell, today);
        if (!parsed.ok) {
          const reasons = {
            length: '应为 18 位',
            characters: '只能是数字，末位可以是 X',
            birthDate: '其中的出生日期不存在',
            checksum: '校验位不对，可能有数字录错了',
          } as const;
          err(sheet.sheet, r.row, '身份证号', reasons[parsed.reason]);
        } else idValue = parsed.value;
      } else if (kind === 'person') {
        err(sheet.sheet, r.row, '身份证号', '个人业主必填');
      }
      if (phone && !PHONE.test(phone)) err(sheet.sheet, r.row, '联系电话', `“${phone}”不是有效的电话号码`);

      if (errors.length > before || !area.ok || !kind || !use) continue;

      // The same unit on several rows is co-ownership: the rows must agree on the unit itself.
      const unitKey = `${building}\u0000${number}`;
      if (existingUnits.has(unitKey)) {
        err(sheet.sheet, r.row, '房号', `房屋“${building} ${number}”已在本小区档案中，不能重复导入`);
        continue;
      }
      const ownerKey = idValue ? `id\u0000${idValue}` : `${kind}\u0000${name}`;
      const prior = unitsInFile.get(unitKey);
      if (prior) {
        if (prior.area !== area.value) err(sheet.sheet, r.row, '专有部分面积', `与第 ${prior.row} 行同一房屋的面积不一致`);
        else if (prior.use !== use) err(sheet.sheet, r.row, '用途', `与第 ${prior.row} 行同一房屋的用途不一致`);
        else if (cert && prior.cert && prior.cert !== cert) err(sheet.sheet, r.row, '不动产权证号', `与第 ${prior.row} 行同一房屋的证号不一致`);
        else if (prior.owners.has(ownerKey)) err(sheet.sheet, r.row, '房号', `与第 ${prior.owners.get(ownerKey)} 行重复（同一房屋、同一业主）`);
        if (errors.length > before) continue;
        prior.owners.set(ownerKey, r.row);
      } else {
        unitsInFile.set(unitKey, { row: r.row, area: area.value, use, cert, owners: new Map([[ownerKey, r.row]]) });
        const certHash = cert ? keyedHash(hashKey, cert) : null;
        plan.units.push({ building, number, area: area.value, use, certHash, certMasked: cert ? maskCertificate(cert) : null });
      }

      const priorOwner = ownersInFile.get(ownerKey);
      if (priorOwner) {
        if (priorOwner.name !== name) {
          err(sheet.sheet, r.row, '业主姓名', `身份证号与第 ${priorOwner.row} 行相同，但姓名不同（“${priorOwner.name}”）`);
          continue;
        }
      } else {
        const idHash = idValue ? keyedHash(hashKey, idValue) : null;
        const existing = idHash ? ownerByHash.get(idHash) : ownerByEntityName.get(`${kind}\u0000${name}`);
        if (existing && existing.name !== name) {
          err(sheet.sheet, r.row, '业主姓名', `档案中该身份证号的业主姓名是“${existing.name}”，与本行不同`);
          continue;
        }
        ownersInFile.set(ownerKey, { row: r.row, name, index: plan.owners.length });
        plan.owners.push({
          key: ownerKey,
          kind,
          name,
          idHash,
          idMasked: idValue ? maskIdNumber(idValue) : null,
          phone: phone || null,
          existingId: existing?.id ?? null,
        });
      }
      plan.links.push({ unitKey, ownerKey });
    }
  }
  errors.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row);
  return { errors, plan };
}

const BATCH = 500;

/** Writes a validated plan in one transaction; `onProgress` gets rows written so far. */
export async function writeImport(
  db: DB,
  ctx: RequestContext | { actor: null; ip: null },
  quarterId: string,
  importId: string,
  plan: ImportPlan,
  onProgress?: (done: number, total: number) => void,
) {
  const place = (await quarterPlace(db, quarterId))!;
  const total = plan.buildings.length + plan.units.length + plan.owners.length + plan.links.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress?.(done, total);
  };
  return db.transaction().execute(async (tx) => {
    const buildingIds = new Map(
      (await tx.selectFrom('buildings').select(['id', 'name']).where('quarter_id', '=', quarterId).execute()).map((b) => [b.name, b.id]),
    );
    for (let i = 0; i < plan.buildings.length; i += BATCH) {
      const batch = plan.buildings.slice(i, i + BATCH);
      const rows = await tx
        .insertInto('buildings')
        .values(batch.map((b) => ({ district_id: place.districtId, quarter_id: quarterId, name: b.name, floors: b.floors })))
        .returning(['id', 'name'])
        .execute();
      for (const r of rows) buildingIds.set(r.name, r.id);
      step(batch.length);
    }
    const unitIds = new Map<string, string>();
    for (let i = 0; i < plan.units.length; i += BATCH) {
      const batch = plan.units.slice(i, i + BATCH);
      const rows = await tx
        .insertInto('units')
        .values(
          batch.map((u) => ({
            district_id: place.districtId,
            quarter_id: quarterId,
            building_id: buildingIds.get(u.building)!,
            number: u.number,
            exclusive_area: u.area,
            use: u.use,
            certificate_hash: u.certHash,
            certificate_masked: u.certMasked,
          })),
        )
        .returning(['id', 'building_id', 'number'])
        .execute();
      const nameOf = new Map([...buildingIds].map(([n, id]) => [id, n]));
      for (const r of rows) unitIds.set(`${nameOf.get(r.building_id)}\u0000${r.number}`, r.id);
      step(batch.length);
    }
    const ownerIds = new Map<string, string>();
    const fresh = plan.owners.filter((o) => !o.existingId);
    for (const o of plan.owners) if (o.existingId) ownerIds.set(o.key, o.existingId);
    for (let i = 0; i < fresh.length; i += BATCH) {
      const batch = fresh.slice(i, i + BATCH);
      const rows = await tx
        .insertInto('owners')
        .values(
          batch.map((o) => ({
            district_id: place.districtId,
            quarter_id: quarterId,
            kind: o.kind,
            name: o.name,
            id_number_hash: o.idHash,
            id_number_masked: o.idMasked,
            phone: o.phone,
          })),
        )
        .returning('id')
        .execute();
      // RETURNING gives rows in the order of the VALUES list.
      rows.forEach((r, k) => ownerIds.set(batch[k].key, r.id));
      step(batch.length);
    }
    step(plan.owners.length - fresh.length);
    for (let i = 0; i < plan.links.length; i += BATCH) {
      const batch = plan.links.slice(i, i + BATCH);
      await tx
        .insertInto('unit_owners')
        .values(batch.map((l) => ({ unit_id: unitIds.get(l.unitKey)!, owner_id: ownerIds.get(l.ownerKey)!, district_id: place.districtId, quarter_id: quarterId })))
        .execute();
      step(batch.length);
    }
    const summary = { buildings: plan.buildings.length, units: plan.units.length, owners: fresh.length, linkedExistingOwners: plan.owners.length - fresh.length };
    await tx.updateTable('import_runs').set({ status: 'done', summary: JSON.stringify(summary), finished_at: new Date() }).where('id', '=', importId).execute();
    await recordAudit(tx, ctx, { action: 'import', entity: 'import_run', entityId: importId, place, after: summary });
    return summary;
  });
}

// Progress of imports being written by this process, for GET /api/imports/:id.
const progress = new Map<string, { processed: number; total: number }>();

export function importProgress(importId: string) {
  return progress.get(importId) ?? null;
}

export interface StartedImport {
  id: string;
  status: 'writing';
  total: number;
  /** Settles when the write has finished (tests and the CLI wait on it). */
  finished: Promise<void>;
}

/**
 * Validates an uploaded file. A bad file is recorded as a rejected run and answered with 422
 * and every bad row; a good one starts writing in the background and is answered at once.
 */
export async function startImport(
  db: DB,
  ctx: RequestContext,
  hashKey: Buffer,
  quarterId: string,
  file: { name: string; buffer: Buffer },
): Promise<StartedImport> {
  const place = await authorizeQuarter(db, ctx.actor, quarterId, 'registry.import');
  let sheets: ParsedSheet[];
  try {
    sheets = await parseImportFile(file.name, file.buffer);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new AppError('IMPORT_UNREADABLE', { reason: e.reasonZh, reasonEn: e.reasonEn });
    throw e;
  }
  const { errors, plan } = await validateImport(db, hashKey, quarterId, sheets);
  const userId = ctx.actor.id === SYSTEM_ACTOR_ID ? null : ctx.actor.id;
  if (errors.length) {
    const run = await db
      .insertInto('import_runs')
      .values({
        district_id: place!.districtId,
        quarter_id: quarterId,
        user_id: userId,
        file_name: file.name.slice(0, 200),
        status: 'rejected',
        total: plan.total,
        errors: JSON.stringify(errors),
        finished_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    throw new AppError('IMPORT_REJECTED', { count: new Set(errors.map((e) => `${e.sheet}:${e.row}`)).size }, { importId: run.id, rows: errors });
  }
  const run = await db
    .insertInto('import_runs')
    .values({ district_id: place!.districtId, quarter_id: quarterId, user_id: userId, file_name: file.name.slice(0, 200), status: 'writing', total: plan.total })
    .returning('id')
    .executeTakeFirstOrThrow();
  progress.set(run.id, { processed: 0, total: plan.total });
  const finished = writeImport(db, ctx, quarterId, run.id, plan, (done, total) => {
    progress.set(run.id, { processed: Math.round((done / Math.max(total, 1)) * plan.total), total: plan.total });
  })
    .then(() => undefined)
    .catch(async (e: unknown) => {
      const reason = (e as { code?: string }).code === '23505' ? '写入时发现重复数据（可能有人同时录入了同一房屋），未导入任何数据' : '写入失败，未导入任何数据';
      await db
        .updateTable('import_runs')
        .set({ status: 'failed', errors: JSON.stringify([{ row: 0, field: '', reason }]), finished_at: new Date() })
        .where('id', '=', run.id)
        .execute()
        .catch(() => {});
    })
    .finally(() => {
      // Keep the figure briefly for a last poll, then forget it; the row holds the outcome.
      setTimeout(() => progress.delete(run.id), 60_000).unref();
    });
  return { id: run.id, status: 'writing', total: plan.total, finished };
}

export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

export async function getImportRun(db: DB, actor: RequestContext['actor'], importId: string) {
  const { run } = await authorizeImportRun(db, actor, importId, 'registry.import');
  const live = importProgress(run.id);
  return {
    id: run.id,
    quarterId: run.quarter_id,
    fileName: run.file_name,
    status: run.status,
    total: run.total,
    processed: run.status === 'done' ? run.total : (live?.processed ?? 0),
    rows: run.errors as RowError[],
    summary: (run.summary as Record<string, number> | null) ?? null,
    createdAt: run.created_at,
  };
}

/** The template: one sheet of buildings, one of units and owners, with an example row each. */
export async function importTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const units = wb.addWorksheet(UNITS_SHEET);
  units.columns = unitColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  // ID numbers, certificate and room numbers are text: as numbers Excel would cut them.
  for (const key of ['number', 'idNumber', 'certificate', 'phone']) units.getColumn(key).numFmt = '@';
  units.addRow({
    building: '1幢',
    number: '1-101',
    area: '89.53',
    use: useLabel.residential,
    certificate: '浙(2021)杭州市不动产权第0123456号',
    ownerKind: ownerKindLabel.person,
    ownerName: '张三',
    idNumber: '11010519491231002X',
    phone: '13800000000',
  });
  units.getRow(1).font = { bold: true };
  if (format === 'csv') {
    const csv = await wb.csv.writeBuffer({ sheetName: UNITS_SHEET } as never);
    // A BOM lets Excel open the UTF-8 file with its Chinese intact.
    return Buffer.concat([Buffer.from('\uFEFF'), Buffer.from(csv as ArrayBuffer)]);
  }
  const buildings = wb.addWorksheet(BUILDINGS_SHEET);
  buildings.columns = buildingColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  buildings.addRow({ building: '1幢', floors: 18 });
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
  ]) notes.addRow([line]);
  wb.views = [{ activeTab: 0 } as never];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rejected rows as a spreadsheet the user can work through. */
export async function importReport(db: DB, actor: RequestContext['actor'], importId: string): Promise<{ fileName: string; buffer: Buffer }> {
  const run = await getImportRun(db, actor, importId);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('错误行');
  ws.columns = [
    { header: '工作表', key: 'sheet', width: 12 },
    { header: '行号', key: 'row', width: 8 },
    { header: '字段', key: 'field', width: 16 },
    { header: '原因', key: 'reason', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of run.rows) ws.addRow(e);
  return { fileName: `导入错误报告-${run.fileName.replace(/\.[^.]+$/, '')}.xlsx`, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

export { ownerKindLabel, useLabel };
