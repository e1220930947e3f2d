// What any test may take without loading the product's features. The rest is imported by path:
// @app/testing/test-app (the API over HTTP), @app/testing/service-test (services on PGlite),
// @app/testing/test-data-sources, @app/testing/recommendation-lists, @app/testing/worker-processes.
export * from './async-helpers';
export * from './factories';
export * from './graphql-client';
export * from './services';
export * from './test-database';
