import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The two tiers of shared/ (see shared/README.md): `*.schema.ts` builds zod schemas; every other
// file is zod-free and may be imported by any page. A budgeted page (kiosk, stage, phone, door)
// must not load zod: it may import a schema file's types, never its values.
const NO_SCHEMA_VALUES = [
  {
    group: ['zod', 'zod/*'],
    allowTypeImports: true,
    message: 'zod is not for budgeted pages or the zod-free tier of shared/: use `import type`, or a zod-free rule in shared/*.rules.ts.',
  },
  {
    regex: '\\.schema(\\.ts)?$',
    allowTypeImports: true,
    message: 'A schema file builds zod values: import only its types (`import type`) here, and take rules from shared/*.rules.ts or *.vocabulary.ts.',
  },
];

/** Files that end up in a page with a size budget: the budgeted apps, their lib folders and the lib files they share. */
export const BUDGETED_FILES = [
  'kiosk/kiosk/**/*.{ts,svelte}',
  'kiosk/stage/**/*.{ts,svelte}',
  'kiosk/m/**/*.{ts,svelte}',
  'kiosk/door/**/*.{ts,svelte}',
  'kiosk/lib/{kiosk,stage,phone,door,device,charts}/**/*.{ts,svelte}',
  'kiosk/lib/*.{ts,svelte}',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
    rules: {
      // TypeScript checks names (svelte-check runs tsc on these files); ESLint's no-undef knows
      // neither DOM types such as EventListener nor Vite's defines such as __APP_VERSION__.
      'no-undef': 'off',
      // Our stores replace collections wholesale (`$state.raw` plus a new Set/Map/Date on change) and
      // never mutate them in place, which is what this rule guards against.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The wire contract runs in browsers and in Node alike: it may import neither.
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'express', 'socket.io', 'better-sqlite3', 'svelte', 'svelte/*'] }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    // The zod-free tier: everything in shared/ but the schema files.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.schema.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'http', 'express', 'socket.io', 'better-sqlite3', 'svelte', 'svelte/*'] }, ...NO_SCHEMA_VALUES] },
      ],
    },
  },
  {
    // Storage is asynchronous (issue 11): a repository call nobody awaits is a write that may fail
    // unseen or land after the answer. Typed rules, for the server only (they need the type checker).
    files: ['server/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  {
    files: BUDGETED_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: NO_SCHEMA_VALUES }] },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
