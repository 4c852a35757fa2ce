#!/usr/bin/env node
// `npm run bench`: ballots per second through the HTTP API next to plain inserts into a
// throwaway PostgreSQL (bench/voting.ts), then the time to tally a 20,000-member record
// (bench/tally.ts), then the quarter's public board against a static file of its size
// (bench/board.ts; alone: `npm run bench -- board`). `npm run bench -- scale [--quarters 20,2000] [--engines pglite,postgres]`:
// the staff pages' GET routes on a district of 20 and of 2,000 quarters (bench/scale.ts).
// `npm run bench -- cases`: a department's queue of cases over 2,000 quarters and 100,000 cases,
// the API next to the bare SQL (bench/cases.ts).
// The sources are TypeScript; tsx compiles them on load.
import { exitUnlessSupportedNode } from './supported-node.mjs';

exitUnlessSupportedNode('bench');
const { register } = await import('tsx/esm/api');
register();
if (process.argv[2] === 'scale') {
  await import('../bench/scale.ts');
} else if (process.argv[2] === 'board') {
  await import('../bench/board.ts');
} else if (process.argv[2] === 'cases') {
  await import('../bench/cases.ts');
} else {
  await import('../bench/voting.ts');
  await import('../bench/tally.ts');
  await import('../bench/board.ts');
}
