// Migration 0006 (docs/vote-record-format.md): a vote keeps the record version it was sealed
// with. Votes opened before the migration stay version 1; a draft, which has sealed nothing, and
// every vote created afterwards are version 2.
import { afterAll, describe, expect, it } from 'vitest';
import { listMigrations, openDatabase, type Db } from '../../src/server/db/index';

let db: Db | undefined;
afterAll(async () => {
  await db?.close();
});

describe('migration 0006_vote_record_v2', () => {
  it('leaves the votes opened before it at version 1 and makes drafts and new votes version 2', async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    const migrations = listMigrations();
    const at = migrations.findIndex((m) => m.name === '0006_vote_record_v2.sql');
    expect(at).toBeGreaterThan(0);
    const rows = await db.withScriptSession(async (exec) => {
      for (const m of migrations.slice(0, at)) await exec(m.sql);
      await exec(`
        INSERT INTO districts (id, name) VALUES ('00000000-0000-4000-8000-000000000001', '区');
        INSERT INTO streets (id, district_id, name) VALUES ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '街道');
        INSERT INTO communities (id, district_id, street_id, name) VALUES ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '社区');
        INSERT INTO quarters (id, district_id, street_id, community_id, name, total_building_area, delivered_area, households) VALUES ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', '小区', 100000, 90000, 10);
        INSERT INTO votes (title, status, roll_fingerprint, genesis, head, district_id, street_id, community_id, quarter_id, quarter_name, rule, opens_at, closes_at)
          SELECT t.title, t.status, t.fp, t.fp, t.fp, '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004', '小区', 'civil-code-278', '2026-03-01T00:00:00+08:00', '2026-03-15T00:00:00+08:00'
          FROM (VALUES ('opened', 'open', repeat('a', 64)), ('draft', 'draft', NULL)) AS t(title, status, fp);
      `);
      for (const m of migrations.slice(at)) await exec(m.sql);
      await exec(`
        INSERT INTO votes (title, district_id, street_id, community_id, quarter_id, quarter_name, rule, opens_at, closes_at)
        VALUES ('new', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004', '小区', 'civil-code-278', '2026-04-01T00:00:00+08:00', '2026-04-15T00:00:00+08:00');
      `);
      return (await exec('SELECT title, record_format FROM votes ORDER BY title')) as Array<{ title: string; record_format: number }>;
    });
    expect(rows).toEqual([
      { title: 'draft', record_format: 2 },
      { title: 'new', record_format: 2 },
      { title: 'opened', record_format: 1 },
    ]);
  });
});
