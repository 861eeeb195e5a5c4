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

/**
 * All SQL lives in db/ (issue 19): services call repository functions in db/repositories/, which
 * take the Kysely db or the store, and never build a query or touch the raw SQLite connection.
 * `no-restricted-syntax` refuses, in services/, Kysely's query builders (`.selectFrom`,
 * `.insertInto`, `.updateTable`, `.deleteFrom`, also destructured), the `sql` template tag (and
 * `sql.raw`, `sql.ref`... and importing it), raw statements (`.prepare(`), and `.sqlite` (the raw
 * connection on the store, also destructured). Tested in tests/unit/lint/sql-in-db.test.ts.
 */
const SQL_IN_DB = 'SQL belongs in db/: call (or add) a repository function in db/repositories/ that takes the store or its Kysely db.';
const QUERY_BUILDERS = '/^(selectFrom|insertInto|updateTable|deleteFrom)$/';
/** @type {Array<{ selector: string; message: string }>} */
const sqlInDbRestrictions = [
  { selector: `MemberExpression[property.name=${QUERY_BUILDERS}]`, message: `No query building in services/. ${SQL_IN_DB}` },
  { selector: `ObjectPattern > Property[key.name=${QUERY_BUILDERS}]`, message: `No query building in services/. ${SQL_IN_DB}` },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: `No sql\`...\` in services/. ${SQL_IN_DB}` },
  { selector: "MemberExpression[object.name='sql']", message: `No sql.raw, sql.ref... in services/. ${SQL_IN_DB}` },
  {
    selector: "ImportDeclaration[source.value='kysely'] > ImportSpecifier[imported.name='sql']",
    message: `No sql template tag in services/. ${SQL_IN_DB}`,
  },
  {
    selector: "CallExpression > MemberExpression.callee[property.name='prepare']",
    message: `No raw statements (.prepare) in services/. ${SQL_IN_DB}`,
  },
  {
    selector: "MemberExpression[property.name='sqlite']",
    message: `No raw SQLite connection (store.sqlite) in services/: pass the store itself. ${SQL_IN_DB}`,
  },
  {
    selector: "ObjectPattern > Property[key.name='sqlite']",
    message: `No raw SQLite connection (store.sqlite) in services/: pass the store itself. ${SQL_IN_DB}`,
  },
];

/**
 * One clock (issue 19): only core/clock.ts reads the system time; everything else is handed a
 * clock. Tested in tests/unit/lint/one-clock.test.ts.
 */
/** @type {Array<{ selector: string; message: string }>} */
const oneClockRestrictions = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Take "now" from the injected clock (core/clock.ts); time a duration with performance.now().',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'Take "now" from the injected clock (core/clock.ts), never new Date() without an argument.',
  },
];

export default defineConfig([
  globalIgnores(
    ['**/node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', '.bench-cache/', 'coverage/', '.workwell-dev/'],
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
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
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
    ignores: ['core/clock.ts', 'services/**'],
    rules: {
      'no-restricted-syntax': ['error', ...oneClockRestrictions],
    },
  },

  {
    // ESLint does not merge two settings of one rule, so services/ gets both lists in one block.
    name: 'workwell/sql-in-db',
    files: ['services/**/*.{ts,tsx,js,mjs,cjs}'],
    // The synthetic-data seeders keep their SQL for now: they write hundreds of thousands of rows
    // through positional INSERTs prepared once per seed (seed-case-history.ts, synthetic-meetings.ts)
    // and share the raw connection's transactions; moving them to db/ is a change of its own.
    ignores: ['services/synthetic/**'],
    rules: {
      'no-restricted-syntax': ['error', ...oneClockRestrictions, ...sqlInDbRestrictions],
    },
  },

  {
    name: 'workwell/one-clock-in-synthetic',
    files: ['services/synthetic/**/*.{ts,tsx,js,mjs}'],
    rules: {
      'no-restricted-syntax': ['error', ...oneClockRestrictions],
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
