// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'coverage/**',
      'apps/web/**',
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/libs/*/src', '**/libs/*/src/*'],
              message: 'Import libs through their @app/* alias.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/graphql', '@nestjs/apollo'], message: 'GraphQL stays in apps/api.' },
            { group: ['**/apps/**'], message: 'Libs never import apps.' },
          ],
        },
      ],
    },
  },
  {
    // Test code reads loosely typed GraphQL responses.
    files: ['tests/**/*.ts', 'libs/testing/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
