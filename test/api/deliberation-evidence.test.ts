// The evidence of an action's progress (T/ZAS 4006.1—2020 6.1.6): photos and documents attached
// to a report by its author, the type judged by content (a file lying about its type is
// refused), within the size and count limits, and served only to those who may read the action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { statementXlsx } from '../support/finance';
import { minimalPdf, PNG } from '../support/voting';

let t: TestApp;
let s: Record<'owner' | 'commissioner' | 'committee' | 'company' | 'community' | 'commissioner2', Session>;
let actionId: string;
let updateId: string;

const MB = 1024 * 1024;
const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 0x11)]);

beforeAll(async () => {
  t = await createTestApp();
  s = {} as typeof s;
  for (const name of ['owner', 'commissioner', 'committee', 'company', 'community', 'commissioner2'] as const) s[name] = await t.login(name);
  const meeting = await s.committee.post('/api/meetings', { quarterId: t.fx.q1, kind: 'regular', title: '三方联席会议', startsAt: '2026-03-10T19:00:00+08:00', attendees: [{ party: 'company', name: '经理' }] });
  const meetingId = meeting.json().id as string;
  const attendees = (await s.committee.get(`/api/meetings/${meetingId}`)).json().attendees as { id: string }[];
  await s.committee.post(`/api/meetings/${meetingId}/hold`, { minutes: '纪要', present: attendees.map((a) => a.id) });
  actionId = (await s.committee.post(`/api/meetings/${meetingId}/resolutions`, { text: '修复东门道闸', responsible: 'company', dueDate: '2026-04-30' })).json().actionId;
  const progress = await s.company.post(`/api/actions/${actionId}/progress`, { note: '道闸电机已更换' });
  expect(progress.statusCode, progress.body).toBe(200);
  updateId = progress.json().updateId;
});
afterAll(async () => {
  await t?.close();
});

const url = () => `/api/actions/${actionId}/updates/${updateId}/files`;

describe('evidence of a progress report', () => {
  it('the author attaches a photo and documents, named by their content; readers see and download them', async () => {
    const photo = await s.company.upload(url(), '现场.png', PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({ name: '现场.png', type: 'image/png', kind: 'photo' });
    // A PDF sent under a photo's name is stored as what it is.
    const pdf = await s.company.upload(url(), '验收单.jpg', minimalPdf());
    expect(pdf.json()).toMatchObject({ name: '验收单.pdf', type: 'application/pdf', kind: 'document' });
    const xlsx = await s.company.upload(url(), '费用明细.xlsx', await statementXlsx([['2026-03-01', '道闸', 100, null, '更换']]));
    expect(xlsx.json()).toMatchObject({ type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'document' });

    const detail = (await s.owner.get(`/api/actions/${actionId}`)).json();
    const update = detail.updates.find((u: { id: string }) => u.id === updateId);
    expect(update.files.map((f: { name: string }) => f.name)).toEqual(['现场.png', '验收单.pdf', '费用明细.xlsx']);
    expect(update.mayAttach).toBe(false);
    expect((await s.company.get(`/api/actions/${actionId}`)).json().updates[0].mayAttach).toBe(true);

    const shown = await s.owner.get(`/api/actions/${actionId}/files/${photo.json().id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['content-type']).toBe('image/png');
    expect(shown.headers['content-disposition']).toMatch(/^inline/);
    expect(shown.headers['content-security-policy']).toContain('sandbox');
    expect(shown.rawPayload.equals(PNG)).toBe(true);
    const downloaded = await s.community.get(`/api/actions/${actionId}/files/${pdf.json().id}`);
    expect(downloaded.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('a file lying about its type is refused: HTML named .png, a ZIP named .docx, a PDF that runs JavaScript', async () => {
    for (const [name, content] of [
      ['photo.png', Buffer.from('<html><script>alert(1)</script></html>')],
      ['report.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('payload.exe')])],
      ['report.pdf', minimalPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ')],
    ] as const) {
      const res = await s.company.upload(url(), name, content);
      expect([res.statusCode, res.json().error.code], name).toEqual([422, 'ACTION_FILE_TYPE']);
      expect(res.json().error.message).toContain('T/ZAS 4006.1—2020 6.1.6');
    }
  });

  it('a photo over 5 MB and a document over 10 MB are refused; exactly 5 MB is taken', async () => {
    const over = await s.company.upload(url(), 'big.jpg', jpeg(5 * MB + 1));
    expect([over.statusCode, over.json().error.code]).toEqual([413, 'ACTION_FILE_TOO_LARGE']);
    expect(over.json().error.message).toContain('5 MB');
    const exact = await s.company.upload(url(), 'exact.jpg', jpeg(5 * MB));
    expect(exact.statusCode, exact.body).toBe(201);
    const pdf = minimalPdf();
    const huge = await s.company.upload(url(), 'big.pdf', Buffer.concat([pdf, Buffer.alloc(10 * MB + 1 - pdf.length, 0x20)]));
    expect([huge.statusCode, huge.json().error.code]).toEqual([413, 'ACTION_FILE_TOO_LARGE']);
  });

  it('a report takes at most 5 files', async () => {
    // Four are attached above; the fifth is taken, the sixth refused.
    expect((await s.company.upload(url(), 'five.png', PNG)).statusCode).toBe(201);
    const sixth = await s.company.upload(url(), 'six.png', PNG);
    expect([sixth.statusCode, sixth.json().error.code]).toEqual([422, 'ACTION_FILE_COUNT']);
  });

  it('only the report’s author attaches; outside the quarter the action and its files are unknown', async () => {
    const other = await s.commissioner.upload(url(), 'x.png', PNG);
    expect([other.statusCode, other.json().error.code]).toEqual([403, 'ACTION_FILE_NOT_AUTHOR']);
    expect((await s.owner.upload(url(), 'x.png', PNG)).statusCode).toBe(403);
    const files = (await s.company.get(`/api/actions/${actionId}`)).json().updates[0].files as { id: string }[];
    expect((await s.commissioner2.get(`/api/actions/${actionId}/files/${files[0].id}`)).statusCode).toBe(404);
    expect((await s.commissioner2.upload(url(), 'x.png', PNG)).statusCode).toBe(404);
    // A file of another action is not found under this one.
    expect((await s.owner.get(`/api/actions/${actionId}/files/${updateId}`)).statusCode).toBe(404);
  });
});
