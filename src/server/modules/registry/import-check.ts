// Checking an import file's rows against each other and the quarter's registry: every bad row
// with its reason, or the plan of what to write.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { parseArea } from '../../../core/areas';
import { maskIdNumber, parseIdNumber } from '../../../core/idnumber';
import { identifierHash, normaliseIdentifier } from './identifiers';
import { idNumberReasonText, maskCertificate } from './identity';
import type { Cell, ParsedSheet } from './import-parse';
import { BUILDINGS_SHEET, ownerKindValues, type RowError, useValues } from './import-template';

type DB = Kysely<Database>;

export interface ImportPlan {
  buildings: { name: string; floors: number | null }[];
  units: { building: string; number: string; area: number; use: 'residential' | 'commercial' | 'other'; certHash: string | null; certMasked: string | null }[];
  owners: { key: string; kind: 'person' | 'developer' | 'organization'; name: string; idHash: string | null; idMasked: string | null; phone: string | null; existingId: string | null }[];
  links: { unitKey: string; ownerKey: string }[];
  total: number;
  /** The template's sample rows, skipped (import-parse.ts). */
  sampleRows: number;
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
  // Each reason in both languages: the run keeps them, and the caller reads its own.
  const err = (sheet: string, row: number, field: string, reason: string, reasonEn: string) => errors.push({ sheet, row, field, reason, reasonEn });
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

  const plan: ImportPlan = { buildings: [], units: [], owners: [], links: [], total: 0, sampleRows: sheets.reduce((n, s) => n + (s.samples ?? 0), 0) };
  const fileBuildings = new Map<string, number>();

  for (const sheet of sheets.filter((s) => s.kind === 'buildings')) {
    for (const r of sheet.rows) {
      plan.total++;
      const name = text(r.cells.building);
      if (!name) {
        err(sheet.sheet, r.row, '楼栋', '必填', 'required');
        continue;
      }
      if (name.length > 30) err(sheet.sheet, r.row, '楼栋', '不能超过 30 个字', 'at most 30 characters');
      const floorsText = text(r.cells.floors);
      let floors: number | null = null;
      if (floorsText) {
        floors = Number(floorsText);
        if (!Number.isInteger(floors) || floors < 1 || floors > 200) err(sheet.sheet, r.row, '层数', `“${floorsText}”不是 1–200 之间的整数`, `"${floorsText}" is not a whole number from 1 to 200`);
      }
      const seen = fileBuildings.get(name);
      if (seen) err(sheet.sheet, r.row, '楼栋', `与第 ${seen} 行重复`, `repeats row ${seen}`);
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
      // Compared and hashed in the normal form: （2021） and (2021) are one certificate.
      const certNormal = cert ? normaliseIdentifier(cert) : '';
      const kindText = text(r.cells.ownerKind);
      const name = text(r.cells.ownerName);
      const idCell = r.cells.idNumber;
      const phone = text(r.cells.phone).replace(/\s+/g, '');

      if (!building) err(sheet.sheet, r.row, '楼栋', '必填', 'required');
      else if (!existingBuildings.has(building) && !fileBuildings.has(building)) {
        err(
          sheet.sheet,
          r.row,
          '楼栋',
          `楼栋“${building}”不在本小区档案中，也不在“${BUILDINGS_SHEET}”表里`,
          `building "${building}" is neither in the quarter's registry nor on the sheet "${BUILDINGS_SHEET}"`,
        );
      }
      if (!number) err(sheet.sheet, r.row, '房号', '必填', 'required');
      else if (number.length > 30) err(sheet.sheet, r.row, '房号', '不能超过 30 个字', 'at most 30 characters');

      const area = parseArea(areaText);
      const areaReasons = {
        empty: ['必填', 'required'],
        negative: ['不能为负数', 'cannot be negative'],
        notNumber: [`“${areaText}”不是数字`, `"${areaText}" is not a number`],
        tooManyDecimals: ['最多保留两位小数', 'at most two decimals'],
        tooLarge: ['数值过大，请检查单位是否为平方米', 'too large: is the unit square metres?'],
      } as const;
      if (!area.ok) err(sheet.sheet, r.row, '专有部分面积', areaReasons[area.reason][0], areaReasons[area.reason][1]);
      else if (area.value <= 0) err(sheet.sheet, r.row, '专有部分面积', '必须大于 0', 'must be more than 0');

      const use = useText ? useValues[useText] : 'residential';
      if (!use) err(sheet.sheet, r.row, '用途', `“${useText}”不认识，请填 住宅、商业 或 其他`, `"${useText}" is not known: write 住宅 (residential), 商业 (commercial) or 其他 (other)`);
      const kind = kindText ? ownerKindValues[kindText] : 'person';
      if (!kind) err(
          sheet.sheet,
          r.row,
          '业主类型',
          `“${kindText}”不认识，请填 个人、开发建设单位 或 单位`,
          `"${kindText}" is not known: write 个人 (person), 开发建设单位 (developer) or 单位 (organisation)`,
        );
      if (!name) err(sheet.sheet, r.row, '业主姓名', '必填', 'required');
      else if (name.length > 60) err(sheet.sheet, r.row, '业主姓名', '不能超过 60 个字', 'at most 60 characters');

      let idValue: string | null = null;
      if (typeof idCell === 'object') {
        err(
          sheet.sheet,
          r.row,
          '身份证号',
          'Excel 把身份证号存成了数字，后几位已丢失；请把这一列设为“文本”格式后重新填写',
          'Excel stored the ID number as a number and lost its last digits; format the column as text and enter it again',
        );
      } else if (idCell) {
        const parsed = parseIdNumber(normaliseIdentifier(idCell), today);
        if (!parsed.ok) {
          const reason = idNumberReasonText[parsed.reason];
          err(sheet.sheet, r.row, '身份证号', reason.zh, reason.en);
        } else idValue = parsed.value;
      } else if (kind === 'person') {
        err(sheet.sheet, r.row, '身份证号', '个人业主必填', 'required for a person');
      }
      if (phone && !PHONE.test(phone)) err(sheet.sheet, r.row, '联系电话', `“${phone}”不是有效的电话号码`, `"${phone}" is not a valid phone number`);

      if (errors.length > before || !area.ok || !kind || !use) continue;

      // The same unit on several rows is co-ownership: the rows must agree on the unit itself.
      const unitKey = `${building}\u0000${number}`;
      if (existingUnits.has(unitKey)) {
        err(
          sheet.sheet,
          r.row,
          '房号',
          `房屋“${building} ${number}”已在本小区档案中，不能重复导入`,
          `unit "${building} ${number}" is already in the quarter's registry and cannot be imported again`,
        );
        continue;
      }
      const ownerKey = idValue ? `id\u0000${idValue}` : `${kind}\u0000${name}`;
      const prior = unitsInFile.get(unitKey);
      if (prior) {
        if (prior.area !== area.value) err(sheet.sheet, r.row, '专有部分面积', `与第 ${prior.row} 行同一房屋的面积不一致`, `differs from the area of the same unit in row ${prior.row}`);
        else if (prior.use !== use) err(sheet.sheet, r.row, '用途', `与第 ${prior.row} 行同一房屋的用途不一致`, `differs from the use of the same unit in row ${prior.row}`);
        else if (cert && prior.cert && prior.cert !== certNormal) err(sheet.sheet, r.row, '不动产权证号', `与第 ${prior.row} 行同一房屋的证号不一致`, `differs from the certificate number of the same unit in row ${prior.row}`);
        else if (prior.owners.has(ownerKey)) err(sheet.sheet, r.row, '房号', `与第 ${prior.owners.get(ownerKey)} 行重复（同一房屋、同一业主）`, `repeats row ${prior.owners.get(ownerKey)} (same unit, same owner)`);
        if (errors.length > before) continue;
        prior.owners.set(ownerKey, r.row);
      } else {
        unitsInFile.set(unitKey, { row: r.row, area: area.value, use, cert: certNormal, owners: new Map([[ownerKey, r.row]]) });
        const certHash = cert ? identifierHash(hashKey, cert) : null;
        plan.units.push({ building, number, area: area.value, use, certHash, certMasked: cert ? maskCertificate(certNormal) : null });
      }

      const priorOwner = ownersInFile.get(ownerKey);
      if (priorOwner) {
        if (priorOwner.name !== name) {
          err(
            sheet.sheet,
            r.row,
            '业主姓名',
            `身份证号与第 ${priorOwner.row} 行相同，但姓名不同（“${priorOwner.name}”）`,
            `same ID number as row ${priorOwner.row} but a different name ("${priorOwner.name}")`,
          );
          continue;
        }
      } else {
        const idHash = idValue ? identifierHash(hashKey, idValue) : null;
        const existing = idHash ? ownerByHash.get(idHash) : ownerByEntityName.get(`${kind}\u0000${name}`);
        if (existing && existing.name !== name) {
          err(
            sheet.sheet,
            r.row,
            '业主姓名',
            `档案中该身份证号的业主姓名是“${existing.name}”，与本行不同`,
            `the registry has this ID number under the name "${existing.name}", not this row's`,
          );
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
