// The quarter dossier's finance section (一小区一档案, T/ZAS 4006.1—2020 6.1.3.2): what the ledger
// holds, and whether the last half year is disclosed; the tab reads the rest from the API.
import type { DossierSectionProvider } from '../../platform/module';
import { lastEndedHalfYear } from '../../../core/finance/index';
import { accountSums, today } from './ledger';

export const financeDossierSection: DossierSectionProvider = {
  key: 'finance',
  section: async (db, actor, quarterId, locale) => {
    if (!actor.permissions.includes('finance.read')) return null;
    const sums = await accountSums(db, quarterId);
    const held = ['asset.bank', 'asset.cash'].reduce((s, a) => s + sums.get(a as 'asset.bank')!.debit - sums.get(a as 'asset.bank')!.credit, 0n);
    const due = lastEndedHalfYear(today());
    const published = await db.selectFrom('disclosures').select('period').where('quarter_id', '=', quarterId).where('status', '=', 'published').orderBy('period', 'desc').execute();
    return {
      key: 'finance',
      title: locale === 'en' ? 'Public revenue' : '公共收益',
      data: { heldFen: Number(held), lastPublished: published[0]?.period ?? null, due: { period: due, published: published.some((p) => p.period === due) } },
    };
  },
};
