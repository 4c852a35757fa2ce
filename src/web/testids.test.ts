import { describe, expect, it } from 'vitest';
import { TID as shell } from './testids';
import { TID as registry } from './modules/registry/testids';
import { TID as organizations } from './modules/organizations/testids';
import { TID as voting } from './modules/voting/testids';
import { TID as board } from './modules/board/testids';
import { TID as deliberation } from './modules/deliberation/testids';
import { TID as finance } from './modules/finance/testids';
import { TID as cases } from './modules/cases/testids';

describe('test ids', () => {
  it('name each element once across the shell and the modules', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [owner, ids] of Object.entries({ shell, registry, organizations, voting, board, deliberation, finance, cases })) {
      for (const value of Object.values(ids)) {
        if (typeof value !== 'string') continue;
        if (seen.has(value)) clashes.push(`${value}: ${seen.get(value)} and ${owner}`);
        seen.set(value, owner);
      }
    }
    expect(clashes).toEqual([]);
    expect(seen.size).toBeGreaterThan(300);
  });
});
