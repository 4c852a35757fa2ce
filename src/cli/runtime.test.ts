// The runtime the project is built for (docs/operations.md): Node 24, brought by the `node`
// devDependency where the system Node is older. These fail when the suite, or a worker it
// starts, runs on an older Node than the one `engines` names.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSupportedNode, SUPPORTED_NODE_MAJOR, unsupportedNodeMessage } from '../../bin/supported-node.mjs';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

describe('the Node.js runtime', () => {
  it('this test worker runs on the supported LTS', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(SUPPORTED_NODE_MAJOR);
  });

  it('engines and the npm-delivered runtime name the same major', () => {
    expect(pkg.engines.node).toBe(`>=${SUPPORTED_NODE_MAJOR}.0.0`);
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^\\^${SUPPORTED_NODE_MAJOR}\\.`));
  });

  it('tells supported versions from older ones at the boundary', () => {
    expect(isSupportedNode('24.0.0')).toBe(true);
    expect(isSupportedNode('v24.21.0')).toBe(true);
    expect(isSupportedNode('26.10.0')).toBe(true);
    expect(isSupportedNode('23.11.1')).toBe(false);
    expect(isSupportedNode('22.12.0')).toBe(false);
    expect(isSupportedNode('20.20.2')).toBe(false);
    expect(isSupportedNode('garbage')).toBe(false);
  });

  it('the message names the version found and the one needed, in Chinese and English', () => {
    const text = unsupportedNodeMessage('gongzhi', '20.20.2');
    expect(text).toContain('需要 Node.js 24 或更高版本，当前为 20.20.2');
    expect(text).toContain('Node.js 20.20.2 is too old');
    expect(text).toContain('docs/operations.md');
  });

  // Only where the machine's own Node is older (as on the project's machines: Node 20).
  const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => fs.existsSync(p));
  const systemVersion = systemNode ? spawnSync(systemNode, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
  it.skipIf(!systemNode || isSupportedNode(systemVersion))('gongzhi started by hand on an older Node stops with the message', () => {
    const run = spawnSync(systemNode!, ['bin/gongzhi.mjs', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`当前为 ${systemVersion.replace(/^v/, '')}`);
    expect(run.stdout).toBe('');
  });
});
