// @ts-check
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The three worlds may not reach into each other (architecture.md §1). */
const importZones = [
  {
    target: './renderer',
    from: './main',
    message: 'The renderer reaches main only through window.lantern (renderer/api.ts).',
  },
  { target: './main', from: './renderer', message: 'main must not import renderer code.' },
  { target: './shared', from: './main', message: 'shared is pure: it may not import main.' },
  {
    target: './shared',
    from: './renderer',
    message: 'shared is pure: it may not import the renderer.',
  },
];

const nodeBuiltins = [{ group: ['node:*'], message: 'shared and the renderer run without Node.' }];
const electronBan = { name: 'electron', message: 'Only main/electron/ may import electron.' };

export default defineConfig(
  {
    ignores: ['dist/**', 'release/**', '.tsbuild/**', 'test-results/**', 'node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Resolve extensionless TypeScript imports, so zones see where an import really lands.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: importZones }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='serialize']",
          message: 'db.serialize() returns plaintext: never use it (security K6).',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronBan, { name: 'react', message: 'shared is UI-free.' }],
          patterns: nodeBuiltins,
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'navigator',
        'process',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electronBan], patterns: nodeBuiltins }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', { paths: [electronBan] }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='BrowserWindow']",
          message:
            'Create windows only through createSecureWindow() in main/electron/window.ts (security E1).',
        },
        {
          selector: "CallExpression[callee.property.name='serialize']",
          message: 'db.serialize() returns plaintext: never use it (security K6).',
        },
      ],
    },
  },
  {
    files: ['main/electron/window.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', '*.config.{js,ts}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Tests hand the API deliberately malformed values and inspect loosely typed results.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `value<T>(result)` helpers narrow a loosely typed API result to what the test expects.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  {
    // The CLI launcher: plain JavaScript that checks Node's version before loading TypeScript.
    files: ['bin/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
