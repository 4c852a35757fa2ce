// The finance module's check of a quarter: public revenue is disclosed every half year
// (公共收益 … 定期公布，每半年公示 1 次, DB3305/T 309—2024 5.1.2.4). A quarter that keeps a ledger
// and has no published disclosure of the last half year that has ended fails.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { QuarterCheck, QuarterChecksProvider } from '../../platform/module';
import { halfYearRange, lastEndedHalfYear } from '../../../core/finance/index';
import { quartersServedByCompanyOn } from '../organizations';

const RULE = 'finance-half-year-disclosure';
const CITATION = 'DB3305/T 309—2024 5.1.2.4';

export const financeQuarterChecks: QuarterChecksProvider = {
  key: 'finance',
  async checks(db: Kysely<Database>, quarterIds, asOf, locale) {
    const out = new Map<string, QuarterCheck[]>();
    if (!quarterIds.length) return out;
    const period = lastEndedHalfYear(asOf);
    const { to } = halfYearRange(period);
    // Quarters whose ledger had entries by the end of that half year: they owe its disclosure.
    const [keeping, disclosed] = await Promise.all([
      db.selectFrom('ledger_entries').select('quarter_id').distinct().where('quarter_id', 'in', quarterIds).where('entry_date', '<=', to).execute(),
      db.selectFrom('disclosures').select('quarter_id').where('quarter_id', 'in', quarterIds).where('period', '=', period).where('status', '=', 'published').execute(),
    ]);
    const published = new Set(disclosed.map((d) => d.quarter_id));
    for (const { quarter_id } of keeping) {
      const ok = published.has(quarter_id);
      const message =
        locale === 'en'
          ? ok
            ? `The disclosure of public revenue for ${period} is published.`
            : `Public revenue for ${period} has not been disclosed: publish the half-yearly disclosure.`
          : ok
            ? `${period} 公共收益收支已公示。`
            : `${period} 公共收益收支尚未公示：公共收益应每半年公示 1 次。`;
      out.set(quarter_id, [{ rule: RULE, status: ok ? 'pass' : 'fail', citation: CITATION, message }]);
    }
    return out;
  },
};

const FEE_RULE = 'finance-fee-collection-report';
const FEE_CITATION = 'T/ZAS 4006.1—2020 6.3.2.2';

/**
 * The property company reports its fee-collection rate at least every half year (督促物业服务企业
 * 每半年不少于1次上报物业费收缴率, T/ZAS 4006.1—2020 6.3.2.2). A quarter served by a company on
 * the last day of the last half year that has ended (on the calendar day in Asia/Shanghai, which
 * `asOf` is) owes that half year's report; until the half year closes the previous one is due.
 * Quarters no company serves are left out: there is no one to report.
 */
export const feeCollectionQuarterChecks: QuarterChecksProvider = {
  key: 'finance-fee-collection',
  async checks(db: Kysely<Database>, quarterIds, asOf, locale) {
    const out = new Map<string, QuarterCheck[]>();
    if (!quarterIds.length) return out;
    const period = lastEndedHalfYear(asOf);
    const { to } = halfYearRange(period);
    const [served, reported] = await Promise.all([
      quartersServedByCompanyOn(db, quarterIds, to),
      db.selectFrom('fee_collection_reports').select('quarter_id').where('quarter_id', 'in', quarterIds).where('period', '=', period).execute(),
    ]);
    const done = new Set(reported.map((r) => r.quarter_id));
    for (const quarterId of served) {
      const ok = done.has(quarterId);
      const message =
        locale === 'en'
          ? ok
            ? `The property company has reported its fee-collection rate for ${period}.`
            : `The property company has not reported its fee-collection rate for ${period}: it reports at least once every half year.`
          : ok
            ? `物业服务企业已上报 ${period} 物业费收缴率。`
            : `物业服务企业尚未上报 ${period} 物业费收缴率：应每半年不少于 1 次上报。`;
      out.set(quarterId, [{ rule: FEE_RULE, status: ok ? 'pass' : 'fail', citation: FEE_CITATION, message }]);
    }
    return out;
  },
};
