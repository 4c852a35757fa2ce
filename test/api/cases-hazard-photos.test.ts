// Photos of hazards and of patrol findings (T/ZAS 4006.1—2020 6.2.4.3; 湘建房〔2021〕231号 五（二））:
// the same rules as a case's photos — JPEG, PNG or WebP by their content, at most 5 MB and 3 a
// record — added by whoever takes part, served only to whoever may read the hazard (404
// otherwise). A patrol finding's photos go with the case or hazard it became.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { PNG } from '../support/voting';

let t: TestApp;
let grid: Session;
let commissioner: Session;

beforeAll(async () => {
  t = await createTestApp();
  grid = await t.login('grid');
  commissioner = await t.login('commissioner');
});
afterAll(async () => {
  await t?.close();
});

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

describe('photos of a hazard', () => {
  it('added at the finding and shown with it; a non-image, an oversize file and a fourth photo are refused, nothing written', async () => {
    const created = await grid.post('/api/hazards', { quarterId: t.fx.q1, class: 'fire', level: 'general', location: '1幢楼道', description: '楼道堆放纸箱' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const first = await grid.upload(`/api/hazards/${id}/photos`, '楼道.png', PNG);
    expect(first.statusCode, first.body).toBe(201);
    const text = await grid.upload(`/api/hazards/${id}/photos`, 'photo.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(text.statusCode).toBe(422);
    expect(text.json().error).toMatchObject({ code: 'CASE_PHOTO_TYPE', message: '照片只接受 JPEG、PNG 或 WebP 图片。' });
    const big = await grid.upload(`/api/hazards/${id}/photos`, 'big.jpg', Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('CASE_PHOTO_TOO_LARGE');
    expect((await commissioner.upload(`/api/hazards/${id}/photos`, 'b.jpg', JPEG)).statusCode).toBe(201);
    expect((await commissioner.upload(`/api/hazards/${id}/photos`, 'c.png', PNG)).statusCode).toBe(201);
    const fourth = await grid.upload(`/api/hazards/${id}/photos`, 'd.png', PNG);
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json().error).toMatchObject({ code: 'HAZARD_PHOTO_COUNT', message: '每处隐患最多附 3 张照片。' });
    const detail = (await commissioner.get(`/api/hazards/${id}`)).json();
    expect(detail.photos.map((p: { contentType: string }) => p.contentType)).toEqual(['image/png', 'image/jpeg', 'image/png']);
    expect(detail.mayAddPhotos).toBe(true);
    expect(await t.db.kysely.selectFrom('hazard_photos').select('id').where('hazard_id', '=', id).execute()).toHaveLength(3);

    const photo = await commissioner.get(`/api/hazards/${id}/photos/${detail.photos[1].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['content-security-policy']).toContain('sandbox');
    expect(photo.rawPayload.equals(JPEG)).toBe(true);
    // Whoever may not read the hazard: as for an unknown id. The party secretary reads, not adds.
    expect((await (await t.login('commissioner2')).get(`/api/hazards/${id}/photos/${detail.photos[0].id}`)).statusCode).toBe(404);
    expect((await (await t.login('owner')).get(`/api/hazards/${id}/photos/${detail.photos[0].id}`)).statusCode).toBe(403);
    expect((await commissioner.get(`/api/hazards/${id}/photos/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    const party = await t.login('party');
    expect((await party.get(`/api/hazards/${id}/photos/${detail.photos[0].id}`)).statusCode).toBe(200);
    expect((await party.get(`/api/hazards/${id}`)).json().mayAddPhotos).toBe(false);
    expect((await party.upload(`/api/hazards/${id}/photos`, 'e.png', PNG)).statusCode).toBe(403);
    // A photo of another hazard is not served under this one.
    const other = (await grid.post('/api/hazards', { quarterId: t.fx.q1, class: 'gas', level: 'severe', location: '2幢', description: '燃气管道漏气' })).json().id as string;
    expect((await commissioner.get(`/api/hazards/${other}/photos/${detail.photos[0].id}`)).statusCode).toBe(404);
  });
});

describe("a patrol finding's photos", () => {
  it('go with the case or the hazard the finding became', async () => {
    const res = await grid.post('/api/patrols', {
      quarterId: t.fx.q1,
      items: [
        { code: 'illegal-construction', ok: false },
        { code: 'ebike', ok: false },
      ],
      findings: [
        { item: 'illegal-construction', description: '5幢顶楼在搭彩钢棚', location: '5幢屋顶' },
        { item: 'ebike', description: '楼道内给电动车充电', location: '3幢2单元', level: 'major' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { cases, hazards } = res.json() as { cases: { id: string }[]; hazards: string[] };
    expect((await grid.upload(`/api/cases/${cases[0].id}/photos`, '彩钢棚.png', PNG)).statusCode).toBe(201);
    expect((await grid.upload(`/api/hazards/${hazards[0]}/photos`, '充电.jpg', JPEG)).statusCode).toBe(201);
    expect((await commissioner.get(`/api/cases/${cases[0].id}`)).json().photos).toHaveLength(1);
    expect((await commissioner.get(`/api/hazards/${hazards[0]}`)).json().photos).toEqual([expect.objectContaining({ contentType: 'image/jpeg' })]);
  });
});
