// Export of a quarter's registry to Excel, in the columns of the import template so that
// people recognise it. ID numbers stay masked (个人信息保护法): an export is not a way around that.
// The workbook is streamed (ExcelJS's WorkbookWriter): each row is written out and let go as it
// is added, so the server never holds the whole file (docs/scaling.md).
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { can, type Actor } from '../../platform/access';
import { formatArea } from '../../../core/areas';
import { maskPhone } from '../../../core/idnumber';
import { authorizeQuarter } from './access';
import { getQuarter } from './quarters';
import { BUILDINGS_SHEET, buildingColumns, ownerKindLabel, UNITS_SHEET, unitColumns, useLabel } from './import-template';

type DB = Kysely<Database>;

const residentKindLabel: Record<string, string> = { permanent: '常住人口', floating: '流动人口', tenant: '租户' };

export async function exportQuarter(db: DB, actor: Actor, quarterId: string): Promise<{ fileName: string; stream: Readable }> {
  // Everything that can refuse the request (scope 404, permission 403) happens before the
  // first byte is sent.
  await authorizeQuarter(db, actor, quarterId, 'owners.read');
  const quarter = await getQuarter(db, actor, quarterId);
  const withResidents = can(actor, 'residents.read');
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  wb.created = new Date();
  writeWorkbook(db, wb, quarterId, quarter, withResidents).catch((err: Error) => stream.destroy(err));
  const date = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  return { fileName: `${quarter.name}-小区档案-${date}.xlsx`, stream };
}

/** A sheet whose header row is bold; its rows are committed (written out) as they are added. */
function sheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Partial<ExcelJS.Column>[]) {
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  return { add: (row: Record<string, unknown>) => ws.addRow(row).commit(), done: () => ws.commit() };
}

async function writeWorkbook(
  db: DB,
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  quarterId: string,
  quarter: Awaited<ReturnType<typeof getQuarter>>,
  withResidents: boolean,
): Promise<void> {
  const info = sheet(wb, '小区概况', [
    { header: '项目', key: 'k', width: 18 },
    { header: '内容', key: 'v', width: 50 },
  ]);
  for (const [k, v] of [
    ['小区名称', quarter.name],
    ['所属', `${quarter.districtName} ${quarter.streetName} ${quarter.communityName}`],
    ['地址', quarter.address],
    ['总建筑面积(㎡)', formatArea(quarter.totalBuildingArea)],
    ['已出售面积(㎡)', formatArea(quarter.soldArea)],
    ['已交付面积(㎡)', formatArea(quarter.deliveredArea)],
    ['首次交付日期', quarter.firstDeliveryDate ?? ''],
    ['户数', String(quarter.households)],
  ]) info.add({ k, v });
  info.done();

  const buildings = await db.selectFrom('buildings').select(['id', 'name', 'floors']).where('quarter_id', '=', quarterId).orderBy('name').execute();
  const bws = sheet(wb, BUILDINGS_SHEET, buildingColumns.map((c) => ({ header: c.header, key: c.key, width: c.width })));
  for (const b of buildings) bws.add({ building: b.name, floors: b.floors ?? '' });
  bws.done();

  const rows = await db
    .selectFrom('units as u')
    // Each join also names the quarter, so that every table is read by its quarter_id index
    // rather than whole (docs/scaling.md).
    .innerJoin('buildings as b', (j) => j.onRef('b.id', '=', 'u.building_id').on('b.quarter_id', '=', quarterId))
    .leftJoin('unit_owners as uo', (j) => j.onRef('uo.unit_id', '=', 'u.id').on('uo.quarter_id', '=', quarterId))
    .leftJoin('owners as o', (j) => j.onRef('o.id', '=', 'uo.owner_id').on('o.quarter_id', '=', quarterId))
    .select(['b.name as building', 'u.number', 'u.exclusive_area', 'u.use', 'u.certificate_masked', 'o.kind', 'o.name', 'o.id_number_masked', 'o.phone'])
    .where('u.quarter_id', '=', quarterId)
    .orderBy('b.name')
    .orderBy('u.number')
    .orderBy('o.name')
    .execute();
  const uws = sheet(wb, UNITS_SHEET, unitColumns.map((c) => ({ header: c.header, key: c.key, width: c.width })));
  for (const r of rows) {
    uws.add({
      building: r.building,
      number: r.number,
      area: formatArea(r.exclusive_area),
      use: useLabel[r.use as keyof typeof useLabel] ?? r.use,
      certificate: r.certificate_masked ?? '',
      ownerKind: r.kind ? ownerKindLabel[r.kind as keyof typeof ownerKindLabel] : '',
      ownerName: r.name ?? '',
      idNumber: r.id_number_masked ?? '',
      phone: r.phone ? maskPhone(r.phone) : '',
    });
  }
  uws.done();

  if (withResidents) {
    const residents = await db
      .selectFrom('residents as r')
      .leftJoin('units as u', (j) => j.onRef('u.id', '=', 'r.unit_id').on('u.quarter_id', '=', quarterId))
      .leftJoin('buildings as b', (j) => j.onRef('b.id', '=', 'u.building_id').on('b.quarter_id', '=', quarterId))
      .select(['r.name', 'r.kind', 'r.needs_care', 'r.care_note', 'b.name as building', 'u.number', 'r.phone'])
      .where('r.quarter_id', '=', quarterId)
      .orderBy('r.kind')
      .orderBy('r.name')
      .execute();
    const rws = sheet(wb, '居民', [
      { header: '姓名', key: 'name', width: 12 },
      { header: '类别', key: 'kind', width: 10 },
      { header: '房屋', key: 'unit', width: 14 },
      { header: '需关爱', key: 'care', width: 8 },
      { header: '关爱说明', key: 'note', width: 20 },
      { header: '联系电话', key: 'phone', width: 14 },
    ]);
    for (const r of residents) {
      rws.add({
        name: r.name,
        kind: residentKindLabel[r.kind] ?? r.kind,
        unit: r.number ? `${r.building} ${r.number}` : '',
        care: r.needs_care ? '是' : '',
        note: r.care_note ?? '',
        phone: r.phone ? maskPhone(r.phone) : '',
      });
    }
    rws.done();
  }
  await wb.commit();
}
