// What voting keeps of registry records, so that the registry does not delete them under a vote
// (platform/module.ts, RegistryHold). The frozen roll itself has no foreign keys on purpose
// (migration 0004); these holds are what refuses the deletion, with a reason a worker can act on.
import { sql } from 'kysely';
import type { RegistryHold } from '../../platform/module';

export const votingRegistryHold: RegistryHold = {
  key: 'voting',
  held: async (db, record) => {
    const column = record.entity === 'unit' ? 'l.unit_id' : 'l.owner_id';
    // On the roll of a vote still open: the roll was frozen with it, and owners verify with it.
    const open = await db
      .selectFrom('vote_roll_links as l')
      .innerJoin('votes as v', 'v.id', 'l.vote_id')
      .select('v.title')
      .where(column, '=', record.id)
      .where('v.status', '=', 'open')
      .limit(1)
      .executeTakeFirst();
    if (open) {
      return {
        'zh-CN': `它在正在进行的表决“${open.title}”的表决权人名册上，请在表决结束后再处理`,
        en: `it is on the voter roll of the open vote "${open.title}"; deal with it after the vote closes`,
      };
    }
    if (record.entity === 'owner') {
      // A ballot cast for the owner's member stays on the vote's chain; the owner behind it stays too.
      const voted = await db
        .selectFrom('vote_roll_links as l')
        .select(sql<number>`1`.as('one'))
        .where('l.owner_id', '=', record.id)
        .where((eb) => eb.exists(eb.selectFrom('ballots as b').select('b.seq').whereRef('b.vote_id', '=', 'l.vote_id').whereRef('b.member', '=', 'l.member')))
        .limit(1)
        .executeTakeFirst();
      if (voted) {
        return {
          'zh-CN': '该业主已在表决中投票，表决记录须保留；如有错误，请修改姓名或证件号',
          en: 'a ballot was cast for this owner in a vote, and the vote’s record keeps it; correct the name or numbers instead',
        };
      }
    }
    return null;
  },
};
