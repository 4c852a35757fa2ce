// The day's judgement of every quarter is made by the periodic job once the day has changed in
// Asia/Shanghai, not by the first caller of the day (docs/scaling.md); a fixed clock stands for
// the ticker's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPeriodicJobs } from '../../src/server/modules/notifications';
import { dailyChecksJob } from '../../src/server/modules/organizations/daily-checks';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const states = async () =>
  t.db.kysely.selectFrom('quarter_check_state').select(['quarter_id', 'judged_on', 'stale', 'district_id']).execute();
const quarterCount = async () => Number((await t.db.kysely.selectFrom('quarters').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('the daily judgement of the quarters', () => {
  it('is installed as a job of the organisations module, and does nothing without the installed modules', async () => {
    expect(t.app.services.modules.jobs.map((j) => j.name)).toContain('organizations.daily-checks');
    await dailyChecksJob.run(t.db.kysely, new Date('2026-03-01T16:30:00Z'));
    expect((await states()).filter((s) => s.judged_on === '2026-03-02')).toEqual([]);
  });

  it('judges every quarter of every district once the day has changed in Asia/Shanghai, and only then', async () => {
    const installed = t.app.services.modules;
    // 23:59 on 2026-03-01 in Shanghai.
    await runPeriodicJobs([dailyChecksJob], t.db.kysely, new Date('2026-03-01T15:59:00Z'), undefined, installed);
    const evening = await states();
    expect(evening).toHaveLength(await quarterCount());
    expect(evening.every((s) => s.judged_on === '2026-03-01' && !s.stale)).toBe(true);
    expect(new Set(evening.map((s) => s.district_id)).size).toBeGreaterThanOrEqual(2);

    // A write marks its quarter stale; the next run of the same day judges it alone.
    await t.db.kysely.updateTable('quarters').set({ households: 321 }).where('id', '=', t.fx.q1).execute();
    expect((await states()).find((s) => s.quarter_id === t.fx.q1)?.stale).toBe(true);
    await runPeriodicJobs([dailyChecksJob], t.db.kysely, new Date('2026-03-01T15:59:30Z'), undefined, installed);
    expect((await states()).every((s) => s.judged_on === '2026-03-01' && !s.stale)).toBe(true);

    // 00:01 on 2026-03-02 in Shanghai (still 2026-03-01 in UTC): every quarter is judged for the new day.
    await runPeriodicJobs([dailyChecksJob], t.db.kysely, new Date('2026-03-01T16:01:00Z'), undefined, installed);
    expect((await states()).every((s) => s.judged_on === '2026-03-02' && !s.stale)).toBe(true);
  });
});
