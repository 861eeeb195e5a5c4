// @ts-check
/**
 * ESLint flat config for WorkWell MDT.
 *
 * Deliberately not type-checked (no parserOptions.project): lint must stay fast on 2-core CI, and
 * `npm run typecheck` already runs the compiler. Layer boundaries are enforced by the local
 * `layer-imports` rule (tools/eslint/layer-imports.js).
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import local from './tools/eslint/index.js';

const projectRoot = import.meta.dirname;

/**
 * Globals for plain JavaScript files (TypeScript files leave undefined names to the compiler).
 * The `globals` package is not installed, so the useful subset is listed here.
 * @param {string[]} names
 * @returns {Record<string, 'readonly'>}
 */
const readonly = (names) => Object.fromEntries(names.map((name) => [name, /** @type {const} */ ('readonly')]));

/** Globals shared by Node, Electron and the browser. */
const sharedGlobals = readonly([
  'AbortController',
  'AbortSignal',
  'atob',
  'Blob',
  'btoa',
  'BroadcastChannel',
  'clearInterval',
  'clearTimeout',
  'console',
  'crypto',
  'CustomEvent',
  'DOMException',
  'Event',
  'EventTarget',
  'fetch',
  'File',
  'FormData',
  'Headers',
  'MessageChannel',
  'MessagePort',
  'performance',
  'queueMicrotask',
  'ReadableStream',
  'Request',
  'Response',
  'setInterval',
  'setTimeout',
  'structuredClone',
  'TextDecoder',
  'TextEncoder',
  'TransformStream',
  'URL',
  'URLSearchParams',
  'WebSocket',
  'WritableStream',
]);

/** Node-only globals available in ES modules. */
const nodeGlobals = {
  ...sharedGlobals,
  ...readonly(['Buffer', 'clearImmediate', 'global', 'process', 'setImmediate']),
};

/** CommonJS wrapper globals, only for .cjs files (package.json has "type": "module"). */
const commonjsGlobals = readonly(['__dirname', '__filename', 'exports', 'module', 'require']);

/** Browser globals, for any plain JavaScript under renderer/. */
const browserGlobals = {
  ...sharedGlobals,
  ...readonly([
    'cancelAnimationFrame',
    'document',
    'getComputedStyle',
    'HTMLElement',
    'IntersectionObserver',
    'localStorage',
    'location',
    'matchMedia',
    'MutationObserver',
    'navigator',
    'requestAnimationFrame',
    'ResizeObserver',
    'sessionStorage',
    'window',
  ]),
};

const unusedVarsOptions = {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig([
  globalIgnores(
    [
      '**/node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      '.bench-cache/',
      'coverage/',
      '.workwell-dev/',
    ],
    'workwell/ignores',
  ),

  {
    name: 'workwell/javascript',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [js.configs.recommended],
    languageOptions: {
      ecmaVersion: 'latest',
      globals: nodeGlobals,
    },
    rules: {
      'no-unused-vars': ['error', unusedVarsOptions],
    },
  },
  {
    name: 'workwell/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: commonjsGlobals },
  },
  {
    name: 'workwell/renderer-javascript',
    files: ['renderer/**/*.{js,mjs}'],
    languageOptions: { globals: browserGlobals },
  },

  {
    name: 'workwell/typescript',
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', unusedVarsOptions],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports' },
      ],
      // `interface Props extends z.infer<typeof schema> {}` and `{}` in zod/React generics are
      // deliberate and harmless; the rule only adds noise here.
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },

  {
    name: 'workwell/layers',
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { local },
    rules: {
      // Root passed explicitly so `eslint` gives the same answer from any working directory.
      'local/layer-imports': ['error', { root: projectRoot }],
    },
  },

  {
    // One clock (core/clock.ts): "now" and "today" are injected, so tests and benchmarks can fix
    // the date. Durations are measured with performance.now(), which says nothing about the date.
    name: 'workwell/one-clock',
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['core/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Take "now" from the injected clock (core/clock.ts); time a duration with performance.now().',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take "now" from the injected clock (core/clock.ts), never new Date() without an argument.',
        },
      ],
    },
  },

  {
    name: 'workwell/console',
    rules: {
      // The CLI, scripts and main process log to stdout/stderr on purpose.
      'no-console': 'off',
    },
  },
]);
