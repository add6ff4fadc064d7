// ESLint flat config. Besides the usual TypeScript and Svelte rules it enforces the rules of
// docs/ARCHITECTURE.md: the import direction (renderer → core, electron → core, core →
// nothing), core/engine → core/tabular, renderer areas keep their folders to themselves, raw
// IPC only in the typed helpers, and no promise left floating (type-aware rules).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import boundaries from './lint/boundaries.js';
import svelteConfig from './svelte.config.js';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'url', 'util', 'stream', 'events'];

/** The one typed IPC contract (core/ipc.ts): raw IPC only in its helper files. */
const RAW_IPC =
  'Use the typed IPC contract: channels in core/ipc.ts, main registers through electron/ipc-typed.ts (handle/on/pageSender), the preload through electron/ipc-page.ts. Raw ipcMain, ipcRenderer and webContents.send skip the sender check and the payload parser (docs/ARCHITECTURE.md).';
export const IPC_HELPER_FILES = ['electron/ipc-main.ts', 'electron/ipc-page.ts', 'electron/ipc-typed.ts'];
export const rawIpc = [
  { selector: 'MemberExpression[property.name=/^(ipcMain|ipcRenderer)$/]', message: RAW_IPC },
  { selector: "MemberExpression[object.property.name='webContents'][property.name=/^(send|sendToFrame|postMessage)$/]", message: RAW_IPC },
  { selector: "MemberExpression[object.name='webContents'][property.name=/^(send|sendToFrame|postMessage)$/]", message: RAW_IPC },
];

/** One engine client: the page starts its Web Workers in one module only. */
export const PAGE_WORKER_FILES = ['renderer/engine/workers.ts'];
const newWorker = {
  selector: 'NewExpression[callee.name=/^(Worker|SharedWorker)$/]',
  message:
    'Start Web Workers only in renderer/engine/workers.ts; talk to the engine through renderer/engine (sharedEngine/dedicatedEngine and TrainingRun) (docs/ARCHITECTURE.md).',
};

export const importDirection = {
  core: {
    patterns: [
      {
        group: ['**/electron/**', '**/electron', '**/renderer/**', '**/renderer'],
        message: 'core must not import from electron/ or renderer/ (docs/ARCHITECTURE.md: imports go renderer → core and electron → core).',
      },
      {
        group: ['electron', 'svelte', 'svelte/*', ...nodeBuiltins],
        message: 'core is pure TypeScript: no Electron, Svelte, DOM or Node modules (docs/ARCHITECTURE.md).',
      },
    ],
  },
  electron: {
    patterns: [
      {
        group: ['**/renderer/**', '**/renderer'],
        message: 'electron/ must not import from renderer/; put shared code in core/ (docs/ARCHITECTURE.md).',
      },
    ],
    paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: RAW_IPC }],
  },
  renderer: {
    patterns: [
      {
        group: ['**/electron/**', '**/electron'],
        message: 'renderer/ must not import from electron/; put shared code in core/ (docs/ARCHITECTURE.md).',
      },
      {
        group: ['electron', ...nodeBuiltins],
        message: 'renderer/ runs in a sandboxed page: no Electron or Node modules (use window.lab; docs/ARCHITECTURE.md).',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  // Type-aware rules, through the project service (each file's nearest tsconfig.json): a
  // promise is awaited, returned, caught or explicitly voided, and never handed to a place
  // that ignores it (a forEach, a listener; Svelte's on… attributes may take async handlers).
  // no-meaningless-void-operator stays off: `void x;` in an $effect is how a Svelte effect
  // says it depends on x, which that rule cannot tell from a useless void.
  {
    files: ['**/*.ts', '**/*.svelte'],
    ignores: ['test/lint-fixtures/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.svelte'] } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['core/**'], rules: { 'no-restricted-imports': ['error', importDirection.core] } },
  { plugins: { boundaries } },
  { files: ['core/**'], rules: { 'boundaries/core-layers': 'error' } },
  { files: ['renderer/**'], rules: { 'boundaries/area-boundaries': 'error' } },
  {
    files: ['electron/**'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', importDirection.electron] },
  },
  { files: ['core/**', 'electron/**', 'renderer/**'], rules: { 'no-restricted-syntax': ['error', ...rawIpc] } },
  // The typed IPC helpers are the only place raw IPC is allowed.
  {
    files: IPC_HELPER_FILES,
    rules: { 'no-restricted-imports': ['error', { patterns: importDirection.electron.patterns }], 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
    rules: { 'no-restricted-imports': ['error', importDirection.renderer] },
  },
  { files: ['renderer/**'], ignores: PAGE_WORKER_FILES, rules: { 'no-restricted-syntax': ['error', ...rawIpc, newWorker] } },
  { files: ['test/**', 'scripts/**', '*.config.*'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // electron-builder runs the CommonJS files in build/ under Node.
  {
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { 'svelte/no-inner-declarations': 'off' },
  },
);
