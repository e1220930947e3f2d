// Tiers: unit (pure, beside the code), service (services on PGlite), integration (real databases,
// processes, faults), e2e (the app over HTTP), browser (the web app in Chromium).
const { compilerOptions } = require('./tsconfig.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  moduleNameMapper[`^${alias.replace('/*', '/(.*)')}$`] = `<rootDir>/${target.replace('/*', '/$1')}`;
}
// NestJS 12 and a few others ship ES modules only. Node 20 loads them with require(esm), but
// Jest's module runtime cannot until Node 24.9, so those packages are transpiled to CommonJS.
const ESM_ONLY = [
  '@nestjs',
  '@apollo/server',
  '@as-integrations',
  'file-type',
  'csv-parse',
  'strtok3',
  'token-types',
  'uint8array-extras',
  '@tokenizer',
];
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }],
  '/node_modules/.+\\.m?js$': '<rootDir>/tests/setup/esm-to-cjs.transformer.js',
};
const common = {
  rootDir: __dirname,
  moduleNameMapper,
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  testEnvironment: 'node',
};

module.exports = {
  // Integration and e2e tests boot real databases: an embedded PGlite takes seconds, more on a
  // busy 2-core machine. (A global option: Jest has no per-project timeout.)
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      // Services on a fresh in-process PGlite with the real migrations, no GraphQL (Immich's
      // "medium" tier).
      ...common,
      displayName: 'service',
      testMatch: ['<rootDir>/tests/service/**/*.service-spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/tests/setup/require-services.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/setup/require-services.ts',
    },
    {
      // The browser app in Debian's Chromium, driven by playwright-core, against the real API.
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/tests/setup/require-browser.ts',
    },
  ],
};
