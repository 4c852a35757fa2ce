// A portrait to upload as the commissioner's photo in tests: a real PNG drawn pixel by pixel (a
// head and shoulders on a pale ground), encoded here with zlib so that no image library is needed.
import zlib from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A width × height RGB portrait as a PNG. */
export function portraitPng(width = 150, height = 200): Buffer {
  const rows: Buffer[] = [];
  const cx = width / 2;
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const head = (x - cx) ** 2 + (y - height * 0.36) ** 2 <= (width * 0.22) ** 2;
      const shoulders = y > height * 0.62 && (x - cx) ** 2 / (width * 0.42) ** 2 + (y - height) ** 2 / (height * 0.38) ** 2 <= 1;
      const [r, g, b] = head ? [238, 200, 170] : shoulders ? [22, 104, 220] : [230, 240, 252];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
