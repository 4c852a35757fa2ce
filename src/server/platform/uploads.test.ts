// The type of an attached file is read from its content: the first bytes of a photo or a PDF,
// the parts an Office file's ZIP names; a name or a claimed type changes nothing.
import { describe, expect, it } from 'vitest';
import { cleanFileName, sniffFile } from './uploads';

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
