// The type of an attached file is read from its content: the first bytes of a photo or a PDF,
// the parts an Office file's ZIP names; a name or a claimed type changes nothing.
import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffFile, wholePhotoType } from './uploads';

const zip = (...names: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join('\0'), 'latin1')]);

describe('sniffFile', () => {
  it('knows photos and PDFs by their first bytes', () => {
    expect(sniffFile(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))?.type).toBe('image/jpeg');
    expect(sniffFile(Buffer.from('89504e470d0a1a0a00', 'hex'))?.ext).toBe('png');
    expect(sniffFile(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1'))).toMatchObject({ type: 'image/webp', kind: 'photo' });
    expect(sniffFile(Buffer.from('%PDF-1.7\n', 'latin1'))).toMatchObject({ type: 'application/pdf', kind: 'document' });
  });

  it('knows an Office file by the parts its ZIP names, and no other ZIP', () => {
    expect(sniffFile(zip('[Content_Types].xml', 'word/document.xml'))?.ext).toBe('docx');
    expect(sniffFile(zip('[Content_Types].xml', 'xl/workbook.xml'))?.ext).toBe('xlsx');
    expect(sniffFile(zip('[Content_Types].xml', 'ppt/presentation.xml'))?.ext).toBe('pptx');
    expect(sniffFile(zip('word/document.xml'))).toBeNull();
    expect(sniffFile(zip('[Content_Types].xml', 'payload.exe'))).toBeNull();
  });

  it('refuses anything else, however it is named', () => {
    expect(sniffFile(Buffer.from('<html><script>1</script>'))).toBeNull();
    expect(sniffFile(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffFile(Buffer.alloc(0))).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('keeps the name without its path or control characters', () => {
    expect(cleanFileName('C:\\photos\\现场.jpg', 'x')).toBe('现场.jpg');
    expect(cleanFileName('../../etc/"a"\u0000.png', 'x')).toBe('a.png');
    expect(cleanFileName(undefined, 'evidence.pdf')).toBe('evidence.pdf');
  });
});

describe('wholePhotoType: a JPEG walked segment by segment', () => {
  // SOI, APP0 (JFIF, 16 bytes), SOS (8 bytes) with three bytes of scan data, EOI.
  const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffda0008010100003f00d2cf20ffd9', 'hex');
  const at = (i: number, inserted: string) => Buffer.concat([jpeg.subarray(0, i), Buffer.from(inserted, 'hex'), jpeg.subarray(i)]);

  it('takes a whole one, with stuffed zeros and restart markers in its scan', () => {
    expect(wholePhotoType(jpeg)).toBe('image/jpeg');
    expect(wholePhotoType(at(jpeg.length - 2, 'ff00d0ffd7aa'))).toBe('image/jpeg');
  });

  it('refuses bytes between two segments, a segment longer than the file, a missing scan and anything after EOI', () => {
    // Junk after APP0, before SOS: SOI, a scan and EOI are all still there.
    expect(wholePhotoType(at(20, '41424344'))).toBeNull();
    expect(wholePhotoType(Buffer.from('ffd8ffe0ff00', 'hex'))).toBeNull();
    expect(wholePhotoType(Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'))).toBeNull();
    expect(wholePhotoType(Buffer.concat([jpeg, Buffer.from('00')]))).toBeNull();
    expect(wholePhotoType(jpeg.subarray(0, jpeg.length - 1))).toBeNull();
  });
});
