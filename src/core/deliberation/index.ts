// Deliberation (议事协商) and joint meetings (联席会议): the pure rules the server and the web app share.
export * from './pipeline';
export * from './support';
export * from './meetings';
export * from './building';
