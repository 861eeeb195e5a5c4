// @ts-check
/**
 * `local/layer-imports`: keeps each runtime layer (core, db, services, electron, host, cli,
 * server, renderer) importing only from the layers it may depend on, and keeps runtime-specific packages
 * (Node built-ins, `electron`, the native SQLite driver) out of the layers that cannot load them.
 *
 * A file's layer is the first path segment of its path relative to the project root (the `root`
 * option, default `process.cwd()`). Files whose first segment is not a key of `layers` (tests/,
 * bench/, scripts/, tools/, build/, root config files) are unrestricted as importers. Relative and
 * absolute specifiers are resolved against the importing file's directory; bare specifiers are
 * packages.
 *
 * Checked: import declarations (including `import type`), `export ... from`, `export * from`,
 * dynamic `import('...')`, `require('...')`, TypeScript `import x = require('...')` and
 * `import('...')` types. Type-only imports follow the same rules: a renderer must not even
 * type-import db/.
 *
 * Plain ESM JavaScript with JSDoc so ESLint can load it without a build step.
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';

/**
 * @typedef {object} LayerImportsOptions
 * @property {string} [root] Absolute project root; layers are first path segments under it.
 * @property {Record<string, string[]>} [layers] Layer -> layers it may import from (itself included
 *   only when listed). Importers outside these layers are unrestricted.
 * @property {string[]} [noBuiltins] Layers that may not import Node built-ins (`fs`, `node:fs`...).
 * @property {Record<string, string[]>} [restrictedPackages] Package -> the only top-level folders
 *   that may import it.
 * @property {Record<string, string[]>} [allowedPackages] Layer -> the only npm packages it may
 *   import (layers not listed may import any package, subject to the other checks).
 */

/** Default layer map: who may import from whom. Data, not code: override with the `layers` option. */
export const DEFAULT_LAYERS = Object.freeze({
  core: ['core'],
  db: ['core', 'db'],
  services: ['db', 'core', 'services'],
  // The shells reach the store only through services: db/ is the seam where storage plugs in.
  electron: ['services', 'core', 'electron'],
  host: ['services', 'core', 'host'],
  cli: ['services', 'core', 'cli', 'server'],
  // The partnership server (Node, PostgreSQL): shares core's rules with the laptops but never the
  // laptop's store (db/) or its use cases (services/); only the CLI starts it.
  server: ['core', 'server'],
  renderer: ['core', 'renderer'],
});

/** Layers that must run without Node (core runs anywhere, renderer runs in the browser sandbox). */
export const DEFAULT_NO_BUILTINS = Object.freeze(['core', 'renderer']);

/** Packages that only some top-level folders may import. */
export const DEFAULT_RESTRICTED_PACKAGES = Object.freeze({
  electron: ['electron', 'tests'],
  'better-sqlite3-multiple-ciphers': ['db', 'tests', 'bench'],
  // PostgreSQL's driver belongs to the partnership server; a laptop never talks to PostgreSQL.
  pg: ['server', 'tests'],
});

/**
 * Layers limited to an explicit list of npm packages: core depends on nothing but zod; the
 * renderer on React, its windowed lists and the NHS design system's CSS and assets (it reaches
 * everything else through the typed contract client, and its schemas through core).
 */
export const DEFAULT_ALLOWED_PACKAGES = Object.freeze({
  core: ['zod'],
  renderer: ['react', 'react-dom', '@tanstack/react-virtual', 'nhsuk-frontend'],
});

const stringArray = { type: 'array', items: { type: 'string' }, uniqueItems: true };
const stringArrayMap = { type: 'object', additionalProperties: stringArray };

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Enforce the runtime layer boundaries (core, db, services, electron, host, cli, server, renderer) and keep runtime-specific packages in their layers.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: stringArrayMap,
          noBuiltins: stringArray,
          restrictedPackages: stringArrayMap,
          allowedPackages: stringArrayMap,
        },
        additionalProperties: false,
      },
    ],
    messages: {
      badLayer: 'Bad layering: {{layer}} may not import from {{target}} (allowed: {{allowed}}).',
      builtin: "Node built-in '{{specifier}}' may not be imported in {{layer}}/ (it must run without Node); move the code to a Node layer.",
      restrictedPackage: "'{{pkg}}' may only be imported in {{allowed}} (not in {{layer}}).",
      packageNotAllowed: "{{layer}}/ may not import the package '{{pkg}}' (allowed packages: {{allowed}}).",
    },
  },

  create(context) {
    /** @type {LayerImportsOptions} */
    const options = context.options[0] ?? {};
    const root = path.resolve(options.root ?? process.cwd());
    const layers = options.layers ?? DEFAULT_LAYERS;
    const noBuiltins = options.noBuiltins ?? DEFAULT_NO_BUILTINS;
    const restrictedPackages = options.restrictedPackages ?? DEFAULT_RESTRICTED_PACKAGES;
    const allowedPackages = options.allowedPackages ?? DEFAULT_ALLOWED_PACKAGES;

    const filename = context.filename;
    // Text linted without a real path (`<input>`, `<text>`) has no layer.
    if (!filename || !path.isAbsolute(filename)) return {};
    const fromDir = path.dirname(filename);
    const folder = topFolder(root, filename);
    // Files outside the project root are not ours to judge.
    if (folder === OUTSIDE) return {};
    const allowedLayers = Object.hasOwn(layers, folder) ? layers[folder] : undefined;

    /**
     * @param {import('estree').Node} node Node to report on.
     * @param {string} specifier The module specifier as written.
     */
    function check(node, specifier) {
      if (isPathSpecifier(specifier)) {
        if (!allowedLayers) return;
        const target = topFolder(root, path.resolve(fromDir, specifier));
        if (allowedLayers.includes(target)) return;
        context.report({
          node,
          messageId: 'badLayer',
          data: { layer: folder, target, allowed: allowedLayers.join(', ') || 'nothing' },
        });
        return;
      }
      if (isUrlSpecifier(specifier)) return;

      if (isBuiltin(specifier)) {
        if (noBuiltins.includes(folder)) {
          context.report({ node, messageId: 'builtin', data: { specifier, layer: folder } });
        }
        return;
      }

      const pkg = packageName(specifier);
      if (Object.hasOwn(restrictedPackages, pkg)) {
        const allowedFolders = restrictedPackages[pkg] ?? [];
        if (!allowedFolders.includes(folder)) {
          context.report({
            node,
            messageId: 'restrictedPackage',
            data: {
              pkg,
              allowed: allowedFolders.map((name) => `${name}/`).join(', ') || 'nowhere',
              layer: folder === ROOT ? 'root files' : `${folder}/`,
            },
          });
        }
        return;
      }

      if (Object.hasOwn(allowedPackages, folder)) {
        const allowed = allowedPackages[folder] ?? [];
        if (!allowed.includes(pkg)) {
          context.report({
            node,
            messageId: 'packageNotAllowed',
            data: { layer: folder, pkg, allowed: allowed.join(', ') || 'none' },
          });
        }
      }
    }

    /**
     * @param {import('estree').Node} node Node to report on.
     * @param {unknown} source The source node (Literal or TemplateLiteral) or null.
     */
    function checkSource(node, source) {
      const specifier = staticString(source);
      if (specifier !== undefined) check(node, specifier);
    }

    return {
      ImportDeclaration(node) {
        checkSource(node, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source) checkSource(node, node.source);
      },
      ExportAllDeclaration(node) {
        checkSource(node, node.source);
      },
      ImportExpression(node) {
        checkSource(node, node.source);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
          checkSource(node, node.arguments[0]);
        }
      },
      // TypeScript-only syntax (typescript-eslint parser); ESLint's types do not know these nodes.
      /** @param {any} node TSImportEqualsDeclaration */
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference?.type === 'TSExternalModuleReference') {
          checkSource(node, node.moduleReference.expression);
        }
      },
      /** @param {any} node TSImportType: `type X = import('../db/x').Y` */
      TSImportType(node) {
        // Newer typescript-eslint versions expose `source`; older ones only `argument` (a TSLiteralType).
        if ('source' in node) {
          checkSource(node, node.source);
          return;
        }
        const argument = node.argument;
        checkSource(node, argument?.type === 'TSLiteralType' ? argument.literal : argument);
      },
    };
  },
};

/** First-segment marker for files directly in the project root. */
const ROOT = '(project root)';
/** First-segment marker for paths outside the project root. */
const OUTSIDE = '(outside the project)';

/**
 * The first path segment of `file` relative to `root`.
 * @param {string} root Absolute project root.
 * @param {string} file Absolute path.
 * @returns {string} The folder name, ROOT for root-level files, or OUTSIDE.
 */
function topFolder(root, file) {
  const relative = path.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return relative === '' ? ROOT : OUTSIDE;
  }
  const segments = relative.split(/[\\/]/);
  return segments.length === 1 ? ROOT : (segments[0] ?? ROOT);
}

/**
 * @param {string} specifier Module specifier.
 * @returns {boolean} True for relative (`./`, `../`, `.`, `..`) and absolute path specifiers.
 */
function isPathSpecifier(specifier) {
  return (
    specifier === '.' ||
    specifier === '..' ||
    specifier.startsWith('./') ||
    specifier.startsWith('../') ||
    specifier.startsWith('.\\') ||
    specifier.startsWith('..\\') ||
    path.isAbsolute(specifier)
  );
}

/**
 * @param {string} specifier Module specifier.
 * @returns {boolean} True for URL-like specifiers other than `node:` (`data:`, `https:`, `virtual:`...).
 */
function isUrlSpecifier(specifier) {
  return /^[a-z][a-z0-9+.-]*:/i.test(specifier) && !specifier.startsWith('node:');
}

/**
 * The npm package name of a bare specifier: `zod/v4` -> `zod`, `@scope/pkg/sub` -> `@scope/pkg`.
 * @param {string} specifier Bare module specifier.
 * @returns {string} Package name.
 */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') && parts.length > 1 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

/**
 * The string value of a string literal or an expression-free template literal.
 * @param {any} node AST node, possibly null.
 * @returns {string | undefined} The value, or undefined when it is not static.
 */
function staticString(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis.length === 1) {
    return node.quasis[0].value.cooked ?? undefined;
  }
  return undefined;
}

export default rule;
