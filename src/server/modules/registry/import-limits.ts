// How much an import file may hold, checked before it is parsed. A quarter has hundreds to a
// few thousand units; 600,000 rows once blocked the server for 39 s and took it to 5 GB, and
// 300,000 made PGlite run out of memory. An .xlsx is a zip: its central directory states every
// part's uncompressed size, so a file that would unpack into more than the limit is refused
// from those numbers alone, without unpacking anything. The parse itself then runs in a worker
// thread with a memory ceiling (import-parse-off-thread.ts), in case the sizes lied.
import { ImportTooLargeError, MAX_IMPORT_ROWS } from './import-parse';

export { ImportTooLargeError, MAX_IMPORT_ROWS };
/** The parts of an .xlsx unpacked, in bytes: 20,000 template rows take about 10 MB of XML. */
export const MAX_XLSX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Parts of an .xlsx: the template has about a dozen. */
const MAX_XLSX_PARTS = 1000;

const tooLarge = () =>
  new ImportTooLargeError(
    `文件过大：一次最多导入 ${MAX_IMPORT_ROWS.toLocaleString('en')} 行数据（解压后不超过 ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB），请按楼栋拆分后分批导入`,
    `the file is too large: at most ${MAX_IMPORT_ROWS.toLocaleString('en')} data rows in one import (${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB unpacked); split it by building and import the parts`,
  );

/** Refuses, before any parsing, a file larger than an import may be. */
export function assertImportSize(fileName: string, buffer: Buffer): void {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    let lines = 0;
    for (let i = buffer.indexOf(0x0a); i !== -1; i = buffer.indexOf(0x0a, i + 1)) {
      if (++lines > MAX_IMPORT_ROWS + 1) throw tooLarge(); // + the header
    }
  } else if (lower.endsWith('.xlsx')) {
    const unpacked = xlsxUnpackedSize(buffer);
    if (unpacked === 'too-large' || (unpacked !== null && unpacked > MAX_XLSX_UNPACKED_BYTES)) throw tooLarge();
  }
}

/**
 * The sum of the uncompressed sizes in a zip's central directory; null when the buffer is not a
 * zip that can be read this way (the parser then says the file is not a valid .xlsx), and
 * 'too-large' for ZIP64 sizes or too many parts.
 */
export function xlsxUnpackedSize(zip: Buffer): number | 'too-large' | null {
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535 bytes.
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) return 'too-large'; // ZIP64
  if (entries > MAX_XLSX_PARTS) return 'too-large';
  let total = 0;
  let at = directoryOffset;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return 'too-large'; // ZIP64
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}
