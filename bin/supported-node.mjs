// The oldest Node.js that Gongzhi runs on. Node 20 left support on 2026-04-30; the project and
// its dependencies (kysely 0.29, commander 15, i18next 27, vitest 5) need Node 22.12 or later,
// and Gongzhi is built and tested on the active LTS, Node 24.
// Kept free of syntax and APIs newer than Node 12, so that an old Node reaches the message.
export const SUPPORTED_NODE_MAJOR = 24;

/** True when a Node.js version string ('24.21.0' or 'v24.21.0') is the supported LTS or later. */
export function isSupportedNode(version) {
  const major = Number(String(version).replace(/^v/, '').split('.')[0]);
  return Number.isInteger(major) && major >= SUPPORTED_NODE_MAJOR;
}

/** What `gongzhi` prints, in Chinese and English, when started on an older Node.js. */
export function unsupportedNodeMessage(command, version) {
  return [
    `${command}: 需要 Node.js ${SUPPORTED_NODE_MAJOR} 或更高版本，当前为 ${version}。`,
    `${command}: Node.js ${version} is too old; Gongzhi needs Node.js ${SUPPORTED_NODE_MAJOR} (the active LTS) or later.`,
    '',
    '  In the project folder, `npm install` brings Node.js 24 into node_modules/.bin, and the npm',
    '  scripts use it: `npm start`, `npm test`, `npm run gongzhi -- <command>`, `npx gongzhi …`.',
    '  For production, install Node.js 24 from your distribution or from the official binaries',
    '  (see docs/operations.md).',
    '',
  ].join('\n');
}

/** Stops the process with that message when this Node.js is older than the supported LTS. */
export function exitUnlessSupportedNode(command) {
  if (isSupportedNode(process.versions.node)) return;
  process.stderr.write(unsupportedNodeMessage(command, process.versions.node));
  process.exit(1);
}
