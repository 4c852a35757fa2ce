// The dossier's "业主大会表决" section (一小区一档案 shows what every module holds about a
// quarter): the quarter's votes, for those who may read votes. The web tab lists them itself.
import type { DossierSectionProvider } from '../../platform/module';
import { listVotes } from './votes';

export const votesDossierSection: DossierSectionProvider = {
  key: 'votes',
  section: async (db, actor, quarterId, locale) => {
  if (!actor.permissions.includes('votes.read')) return null;
  // The counts, not the votes: a page of one row each, with its total.
  const [all, open] = await Promise.all([listVotes(db, actor, { quarterId, pageSize: 1 }), listVotes(db, actor, { quarterId, status: 'open', pageSize: 1 })]);
  return {
    key: 'votes',
    title: locale === 'en' ? "Owners' assembly votes" : '业主大会表决',
    data: { count: all.total, open: open.total },
  };
  },
};
