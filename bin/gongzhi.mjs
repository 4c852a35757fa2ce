#!/usr/bin/env node
// The `gongzhi` command. The sources are TypeScript; tsx compiles them on load.
import { exitUnlessSupportedNode } from './supported-node.mjs';

exitUnlessSupportedNode('gongzhi');
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli/main.ts');
