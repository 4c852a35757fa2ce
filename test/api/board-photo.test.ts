// The commissioner's photo on the quarter's public board (T/ZAS 4006.1—2020 6.1.3.5: 公开小区专员
// 信息，信息宜包含姓名、联系方式、照片; issue 14): uploaded by the offices that keep the
// commissioner's record, refused for everyone else (403) and outside the scope (404), checked by
// its content (422), read without an account with a cache header, and named by the board's JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wholePhotoType as photoType } from '../../src/server/platform/uploads';
import { createTestApp, type Session, type TestApp } from '../support/app';
import { PNG } from '../support/voting';

let t: TestApp;
let s: Record<'community' | 'street' | 'district' | 'commissioner' | 'commissioner2' | 'owner' | 'committee', Session>;
let commissionerId: string;

/** A minimal JPEG: SOI, a start of scan with its data, EOI. */
const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffda0008010100003f00d2cf20ffd9', 'hex');
/** A minimal WebP container: RIFF, its size, WEBP, a VP8L chunk. */
const WEBP = (() => {
  const chunk = Buffer.concat([Buffer.from('VP8L'), Buffer.from([5, 0, 0, 0]), Buffer.from([0x2f, 0, 0, 0, 0]), Buffer.from([0])]);
  const body = Buffer.concat([Buffer.from('WEBP'), chunk]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF'), size, body]);
})();

beforeAll(async () => {
  t = await createTestApp();
  s = {} as typeof s;
  for (const u of ['community', 'street', 'district', 'commissioner', 'commissioner2', 'owner', 'committee'] as const) s[u] = await t.login(u);
  const q = await t.db.kysely.selectFrom('quarters').select('district_id').where('id', '=', t.fx.q1).executeTakeFirstOrThrow();
  commissionerId = (
    await t.db.kysely
      .insertInto('commissioners')
      .values({ district_id: q.district_id, quarter_id: t.fx.q1, name: '李专员', phone: '13912345678', trained_on: '2024-12-01', started_on: '2025-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t?.close();
});

const board = async () => (await t.app.inject({ method: 'GET', url: `/api/public/quarters/${t.fx.q1}` })).json();
const upload = (session: Session, content: Buffer, id = commissionerId) => session.upload(`/api/commissioners/${id}/photo`, 'photo.png', content);

describe("the commissioner's photo", () => {
  it('is null on the board until one is uploaded', async () => {
    expect((await board()).commissioner).toMatchObject({ name: '李专员', phone: '13912345678', photoUrl: null });
  });

  it('is uploaded by the offices that keep the record, and by no one else', async () => {
    for (const who of ['commissioner', 'owner', 'committee'] as const) {
      const res = await upload(s[who], PNG);
      expect(res.statusCode, who).toBe(403);
    }
    // Outside the caller's place the commissioner looks unknown.
    expect((await upload(s.commissioner2, PNG)).statusCode).toBe(404);
    const res = await upload(s.community, PNG);
    expect(res.statusCode).toBe(201);
    expect(res.json().photoUrl).toMatch(new RegExp(`^/api/public/commissioners/${commissionerId}/photo\\?v=[0-9a-f]{12}$`));
    expect((await board()).commissioner.photoUrl).toBe(res.json().photoUrl);
    // The dossier's record names it too.
    const listed = (await s.district.get(`/api/quarters/${t.fx.q1}/commissioners`)).json().items;
    expect(listed[0].photoUrl).toBe(res.json().photoUrl);
  });

  it('is read by anyone without a login, as stored, with a cache header', async () => {
    const url = (await board()).commissioner.photoUrl;
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.equals(PNG)).toBe(true);
  });

  it('is refused when it is not one whole JPEG, PNG or WebP (422), or too large (413)', async () => {
    const bad = [
      Buffer.from('not a photo at all'),
      PNG.subarray(0, PNG.length - 4),
      Buffer.concat([PNG, Buffer.from('<script>alert(1)</script>')]),
      Buffer.concat([JPEG.subarray(0, JPEG.length - 2), Buffer.from('%PDF-1.4'), JPEG.subarray(JPEG.length - 2)]),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ];
    for (const content of bad) {
      const res = await upload(s.community, content);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('COMMISSIONER_PHOTO_TYPE');
      expect(res.json().error.message).toContain('6.1.3.5');
    }
    const large = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const res = await upload(s.street, large);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('COMMISSIONER_PHOTO_TOO_LARGE');
  });

  it('takes JPEG and WebP by their content, whatever the name', async () => {
    expect(photoType(JPEG)).toBe('image/jpeg');
    expect(photoType(WEBP)).toBe('image/webp');
    expect(photoType(PNG)).toBe('image/png');
    const res = await upload(s.district, WEBP);
    expect(res.statusCode).toBe(201);
    const photo = await t.app.inject({ method: 'GET', url: res.json().photoUrl });
    expect(photo.headers['content-type']).toBe('image/webp');
    expect((await board()).commissioner.photoUrl).toBe(res.json().photoUrl);
  });

  it('is no longer public once the commissioner has left office', async () => {
    const url = (await board()).commissioner.photoUrl;
    await t.db.kysely.updateTable('commissioners').set({ ended_on: '2025-06-30' }).where('id', '=', commissionerId).execute();
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    expect((await board()).commissioner).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/public/commissioners/00000000-0000-4000-8000-000000000000/photo' })).statusCode).toBe(404);
  });
});
