#!/usr/bin/env node
// `npm run bench`: ballots per second through the HTTP API next to plain inserts into a
// throwaway PostgreSQL (bench/voting.ts), then the time to tally a 20,000-member record
// (bench/tally.ts). The sources are TypeScript; tsx compiles them on load.
import { exitUnlessSupportedNode } from './supported-node.mjs';

exitUnlessSupportedNode('bench');
const { register } = await import('tsx/esm/api');
register();
await import('../bench/voting.ts');
await import('../bench/tally.ts');
