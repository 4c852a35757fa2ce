// The day's judgement of every quarter, made by the server's ticker rather than by the first
// caller of the day (docs/scaling.md, "What is left"): a kept judgement holds for one day in
// Asia/Shanghai (check-cache.ts), so the first to-do list of a day judged the whole district
// (about 0.5 s at 2,000 quarters). The job runs every few minutes; once the day has changed it
// finds each district's judgements out of date and judges them again, a chunk of quarters at a
// time, each chunk kept in its own transaction. On the other runs it costs two counts a district.
import type { Actor } from '../../platform/access';
import type { PeriodicJob } from '../../platform/module';
import { allDistrictIds, districtPolicyPack } from '../places';
import { SYSTEM_ACTOR_ID } from '../registry';
import { refreshQuarterChecks } from './check-cache';
import { shanghaiDate, type DB } from './shared';

/** The district seen whole, as the job's scope: it holds no permission, it only names the scope. */
function districtScope(districtId: string): Actor {
  return {
    id: SYSTEM_ACTOR_ID,
    username: 'system',
    displayName: '系统',
    role: 'district_office',
    locale: 'zh-CN',
    scope: { level: 'district', id: districtId },
    path: { districtId },
    ownerId: null,
    permissions: [],
  };
}

export const dailyChecksJob: PeriodicJob = {
  name: 'organizations.daily-checks',
  run: async (db: DB, now, installed) => {
    // Without the installed modules' own checks a judgement would be kept without them: the
    // first caller of the day judges then, as before.
    if (!installed) return;
    const today = shanghaiDate(now);
    for (const districtId of await allDistrictIds(db)) {
      await refreshQuarterChecks(db, districtScope(districtId), today, await districtPolicyPack(db, districtId), installed.quarterChecks);
    }
  },
};
