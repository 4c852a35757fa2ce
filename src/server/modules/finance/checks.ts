// The finance module's check of a quarter: public revenue is disclosed every half year
// (公共收益 … 定期公布，每半年公示 1 次, DB3305/T 309—2024 5.1.2.4). A quarter that keeps a ledger
// and has no published disclosure of the last half year that has ended fails.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { QuarterCheck, QuarterChecksProvider } from '../../platform/module';
import { halfYearRange, lastEndedHalfYear } from '../../../core/finance/index';

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
