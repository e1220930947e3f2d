// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const ALIAS_RULE = {
  group: ['**/libs/*/src', '**/libs/*/src/*'],
  message: 'Import libs through their @app/* alias.',
};

/**
 * The lib graph: what each lib may import (besides itself). Features stand side by side on what
 * they share (profiles, accounts, audit and the ground below); where one needs another it
 * declares a port that @app/platform binds. Reports and seed read across features; platform and
 * testing assemble everything.
 */
const GROUND = ['common', 'config', 'taxonomy', 'database', 'queue'];
const LIB_GRAPH = {
  config: [],
  taxonomy: [],
  assignment: [],
  common: ['taxonomy'],
  database: ['common', 'config'],
  queue: ['common', 'config'],
  audit: ['common', 'config', 'database'],
  accounts: [...GROUND, 'audit'],
  profiles: [...GROUND, 'audit', 'accounts'],
  matching: [...GROUND, 'profiles'],
  mentorships: [...GROUND, 'audit', 'accounts', 'profiles'],
  programs: [...GROUND, 'audit', 'profiles', 'matching', 'assignment'],
  import: [...GROUND, 'audit', 'accounts', 'profiles'],
  reports: [...GROUND, 'profiles', 'matching', 'mentorships', 'programs'],
  seed: [...GROUND, 'audit', 'accounts', 'profiles', 'matching', 'mentorships', 'programs', 'import'],
  platform: [...GROUND, 'audit', 'accounts', 'profiles', 'matching', 'mentorships', 'programs', 'reports'],
  testing: null, // everything: it builds the app and its data for tests
};
/** A lib's specs and its testing/ folder may also use these. */
const TEST_SUPPORT = ['testing', 'seed', 'platform'];

function restrictions(lib, allowed) {
  const others =
    allowed === null
      ? []
      : Object.keys(LIB_GRAPH).filter((other) => other !== lib && !allowed.includes(other));
  return [
    'error',
    {
      patterns: [
        ALIAS_RULE,
        { group: ['@nestjs/graphql', '@nestjs/apollo'], message: 'GraphQL stays in apps/api.' },
        { group: ['**/apps/**'], message: 'Libs never import apps.' },
        ...others.map((other) => ({
          group: [`@app/${other}`, `@app/${other}/*`],
          message: `libs/${lib} may not depend on libs/${other} (the lib graph in eslint.config.mjs).`,
        })),
      ],
    },
  ];
}

function libBoundaryBlocks() {
  return Object.entries(LIB_GRAPH).flatMap(([lib, allowed]) => [
    {
      files: [`libs/${lib}/**/*.ts`],
      ignores: ['**/*.spec.ts', `libs/${lib}/testing/**`],
      rules: { 'no-restricted-imports': restrictions(lib, allowed) },
    },
    {
      files: [`libs/${lib}/**/*.spec.ts`, `libs/${lib}/testing/**/*.ts`],
      rules: {
        'no-restricted-imports': restrictions(lib, allowed === null ? null : [...allowed, ...TEST_SUPPORT]),
      },
    },
  ]);
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'apps/web/src/graphql-env.d.ts',
      '**/*.mjs',
      '**/*.js',
      // AssemblyScript: checked by its compiler (npm run build:wasm), not by typescript-eslint.
      'libs/matching/assembly/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-imports': ['error', { patterns: [ALIAS_RULE] }],
    },
  },
  // Libs: the alias rule above, plus GraphQL only in apps/api, no apps, and the lib graph.
  ...libBoundaryBlocks(),
  {
    // The browser app: its own tsconfig (DOM, JSX), the rules of hooks.
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['apps/web/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@app/*', '**/libs/**'], message: 'The browser app talks to the API only.' }],
        },
      ],
    },
  },
  {
    files: ['apps/web/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Test code reads loosely typed GraphQL responses.
    files: ['tests/**/*.ts', 'libs/testing/**/*.ts', '**/*.spec.ts', 'libs/*/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
