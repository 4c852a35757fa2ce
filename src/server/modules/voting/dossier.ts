// The dossier's "业主大会表决" section (一小区一档案 shows what every module holds about a
// quarter): the quarter's votes, for those who may read votes. The web tab lists them itself.
import type { DossierSectionProvider } from '../../platform/module';
import { listVotes } from './votes';

export const votesDossierSection: DossierSectionProvider = {
  key: 'votes',
  section: async (db, actor, quarterId, locale) => {
  if (!actor.permissions.includes('votes.read')) return null;
  const votes = await listVotes(db, actor, { quarterId });
  return {
    key: 'votes',
    title: locale === 'en' ? "Owners' assembly votes" : '业主大会表决',
    data: { count: votes.length, open: votes.filter((v) => v.status === 'open').length },
  };
  },
};
