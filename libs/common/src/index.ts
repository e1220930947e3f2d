export * from './actor';
export * from './error-code';
export * from './pagination';
export * from './pacer';
export * from './dates';
