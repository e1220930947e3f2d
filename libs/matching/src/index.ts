export * from './match-score';
export * from './encoded-profiles';
