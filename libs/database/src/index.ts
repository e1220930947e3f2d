export * from './bulk-copy';
export * from './data-source-options';
export * from './database.health';
export * from './database.module';
export * from './pglite-pool';
export * from './transformers';
export * from './migrations';
export * from './count-rows';
