// Deliberation (议事协商) and joint meetings (联席会议): the pure rules the server and the web app share.
// (./agenda.ts is the server's only: it reads the policy rules, which the web app does not load.)
export * from './pipeline';
export * from './support';
export * from './meetings';
export * from './building';
