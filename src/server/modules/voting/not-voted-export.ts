// The list of members who have not voted yet, as an Excel file to print or share among the
// staff who go door to door (扫楼) before the close. Phones are masked as everywhere else
// (个人信息保护法).
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatArea } from '../../../core/areas';
import { displayShanghai, now } from './clock';
import type { notVoted } from './collection';

/**
 * The workbook is streamed (ExcelJS's WorkbookWriter) into the answer, each row written out as it
 * is added, instead of being built whole in memory first (docs/scaling.md, "Exports stream").
 */
export function notVotedWorkbook(list: Awaited<ReturnType<typeof notVoted>>): { fileName: string; stream: Readable } {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  wb.created = now();
  const ws = wb.addWorksheet('未投票名单');
  ws.columns = [
    { key: 'n', width: 6 },
    { key: 'units', width: 28 },
    { key: 'owners', width: 24 },
    { key: 'phones', width: 18 },
    { key: 'area', width: 16 },
  ];
  const title = ws.addRow([`${list.vote.quarterName} ${list.vote.title} 未投票名单`]);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([`截至 ${displayShanghai(now())}；投票截止 ${displayShanghai(new Date(list.vote.closesAt))}`]).commit();
  ws.addRow([list.vote.areaWeighed ? `尚未投票：${list.members} 位表决权人，专有部分面积 ${formatArea(list.area)} ㎡` : `尚未投票：${list.members} 位表决权人`]).commit();
  ws.addRow([]).commit();
  const header = ws.addRow(['序号', '房屋', '业主', '联系电话', '专有部分面积（㎡）']);
  header.font = { bold: true };
  header.commit();
  list.items.forEach((m, i) => {
    ws.addRow([
      i + 1,
      m.units.join('、'),
      m.owners.map((o) => o.name).join('、'),
      m.owners.map((o) => o.phoneMasked ?? '').filter(Boolean).join('、'),
      formatArea(m.area),
    ]).commit();
  });
  ws.commit();
  wb.commit().catch((err: Error) => stream.destroy(err));
  const stamp = displayShanghai(now()).slice(0, 10);
  return { fileName: `未投票名单-${list.vote.quarterName}-${stamp}.xlsx`, stream };
}
