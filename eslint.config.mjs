import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const node = {
  console: 'readonly',
  process: 'readonly',
  Buffer: 'readonly',
  URL: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...node, require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // Exactly one file touches Apps Script services (src/addon/server.ts).
    files: ['src/**/*.ts', 'sidebar/**/*.ts'],
    ignores: ['src/addon/server.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'HtmlService',
          'LockService',
          'PropertiesService',
          'ScriptApp',
          'Session',
          'CacheService',
          'UrlFetchApp',
          'DriveApp',
          'Utilities',
          'Logger',
        ].map((name) => ({ name, message: 'Apps Script services are used only in src/addon/server.ts' })),
      ],
    },
  },
);
