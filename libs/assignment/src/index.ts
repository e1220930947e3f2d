export * from './problem';
export * from './optimal';
export * from './greedy';
export * from './stable';
export * from './exact-targets';
