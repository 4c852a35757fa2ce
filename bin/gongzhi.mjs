#!/usr/bin/env node
// The `gongzhi` command. The sources are TypeScript; tsx compiles them on load.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
