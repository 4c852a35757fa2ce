// Facts about a quarter that a module keeps and another module's rules judge (the policy packs'
// QuarterFacts, core/policy/facts.ts). The organisations module gathers the facts and judges
// them, but some are kept by modules above it (the committee's dispute-analysis meetings are
// deliberation's joint meetings): those modules give them through their descriptor
// (`quarterFacts`), installModules puts them in this table as it does grants, and the gathering
// asks every contributor, several quarters at a time, without importing any of them.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { CommitteeFacts } from '../../core/policy/facts';

type Exec = Kysely<Database> | Transaction<Database>;

/** What a module adds to a quarter's facts. */
export interface ContributedFacts {
  committee?: Partial<Pick<CommitteeFacts, 'disputeMeetings'>>;
}

export interface QuarterFactsContributor {
  key: string;
  /** The module's facts of the given quarters as of the day (quarters it has nothing of may be left out). */
  facts: (db: Exec, quarterIds: string[], asOf: string) => Promise<Map<string, ContributedFacts>>;
}

const contributors = new Map<string, QuarterFactsContributor>();

/** Adds a module's contributor (installModules does this; installing the same one again is harmless). */
export function installQuarterFacts(contributor: QuarterFactsContributor): void {
  contributors.set(contributor.key, contributor);
}

/** Every contributor's facts of the quarters, merged per quarter. */
export async function contributedQuarterFacts(db: Exec, quarterIds: string[], asOf: string): Promise<Map<string, ContributedFacts>> {
  const out = new Map<string, ContributedFacts>();
  if (!quarterIds.length) return out;
  for (const c of contributors.values()) {
    for (const [quarterId, facts] of await c.facts(db, quarterIds, asOf)) {
      const had = out.get(quarterId) ?? {};
      out.set(quarterId, { ...had, ...facts, committee: { ...had.committee, ...facts.committee } });
    }
  }
  return out;
}
