export * from './factories';
export * from './graphql-client';
export * from './services';
export * from './test-app';
export * from './test-database';
export * from './test-data-sources';
export * from './async-helpers';
export * from './recommendation-lists';
