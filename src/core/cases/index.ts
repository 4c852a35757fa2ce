// Cases (诉求): categories with their default handlers, the lifecycle, and deadlines. Pure code.
export * from './categories';
export * from './deadlines';
export * from './lifecycle';
export * from './rates';
export * from './hazards';
export * from './disputes';
export * from './patrols';
export * from './emergency';
export * from './recurring';
export * from './dispute-analysis';
