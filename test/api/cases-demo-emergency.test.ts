// The demo district's emergency plans and drills (T/ZAS 4006.1—2020 6.2.4.1): every quarter but
// the demo quarter keeps a plan of each class and held a drill within the year, so their checks
// pass; the demo quarter lacks two classes, so it shows the gap in its checks and the to-do list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, type Db } from '../../src/server/db/index';
import { casesQuarterChecks } from '../../src/server/modules/cases/checks';
import { seedDemo } from '../../src/server/seed/write';
import { loadHashKey } from '../../src/server/platform/keys';
import { shanghaiDate } from '../../src/core/dates';
import { openTestDb } from '../support/app';

let demo: { db: Db; drop: () => Promise<void> };

beforeAll(async () => {
  demo = await openTestDb();
  await migrate(demo.db);
  await seedDemo(demo.db.kysely, await loadHashKey(demo.db));
}, 240_000);
afterAll(async () => {
  await demo?.drop();
});

describe('the demo quarters’ emergency checks', () => {
  it('pass everywhere but in the demo quarter, which lacks two classes of plan', async () => {
    const k = demo.db.kysely;
    const quarters = await k.selectFrom('quarters').select('id').execute();
    const demoQuarter = await k.selectFrom('users').select('scope_id').where('username', '=', 'commissioner').executeTakeFirstOrThrow();
    const checks = await casesQuarterChecks.checks(k, quarters.map((q) => q.id), shanghaiDate(), 'zh-CN');
    const failing = quarters.filter((q) => checks.get(q.id)!.some((c) => c.status === 'fail')).map((q) => q.id);
    expect(quarters.length).toBeGreaterThan(2);
    expect(failing).toEqual([demoQuarter.scope_id]);
    expect(checks.get(demoQuarter.scope_id)!.map((c) => [c.rule, c.status])).toEqual([
      ['emergency-plan-classes', 'fail'],
      ['emergency-drill-yearly', 'pass'],
    ]);
    expect(checks.get(demoQuarter.scope_id)![0].message).toBe('缺少应急预案：业主委员会不能正常履职、物业服务企业退出。标准列明的每类突发事件都应有预案及联系人。');
  });
});
