import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule, { DEFAULT_ALLOWED_PACKAGES, DEFAULT_LAYERS, type LayerImportsOptions } from '../../../tools/eslint/layer-imports.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A fake project root: nothing is read from disk, the rule only does path arithmetic. */
const ROOT = path.resolve('/fake/workwell-mdt');
const options: [LayerImportsOptions] = [{ root: ROOT }];

/** Absolute filename under the fake root. */
const file = (relative: string): string => path.join(ROOT, ...relative.split('/'));

const tsTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
});
const jsTester = new RuleTester({
  languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
});

type Layer = keyof typeof DEFAULT_LAYERS;

/** The badLayer error for `layer` importing from `target`, with the default allowed list. */
function layerError(layer: Layer, target: string) {
  return {
    messageId: 'badLayer',
    data: { layer, target, allowed: (DEFAULT_LAYERS[layer] ?? []).join(', ') },
  };
}

function builtinError(layer: string, specifier: string) {
  return { messageId: 'builtin', data: { layer, specifier } };
}

function electronError(layer: string) {
  return {
    messageId: 'restrictedPackage',
    data: { pkg: 'electron', allowed: 'electron/, tests/', layer: `${layer}/` },
  };
}

function sqliteError(layer: string) {
  return {
    messageId: 'restrictedPackage',
    data: { pkg: 'better-sqlite3-multiple-ciphers', allowed: 'db/, tests/, bench/', layer: `${layer}/` },
  };
}

function pgError(layer: string) {
  return {
    messageId: 'restrictedPackage',
    data: { pkg: 'pg', allowed: 'server/, tests/', layer: `${layer}/` },
  };
}

/** A package outside the renderer's list of allowed packages. */
function rendererPackageError(pkg: string) {
  return {
    messageId: 'packageNotAllowed',
    data: { layer: 'renderer', pkg, allowed: 'react, react-dom, @tanstack/react-virtual, nhsuk-frontend' },
  };
}

/** Shorthand for a TS case: `code` in `filename` (relative to the fake root). */
const ok = (filename: string, code: string) => ({ code, filename: file(filename), options });
const bad = (filename: string, code: string, errors: object[]) => ({
  code,
  filename: file(filename),
  options,
  errors,
});

describe('local/layer-imports (TypeScript)', () => {
  tsTester.run('layer-imports', rule, {
    valid: [
      // core: only core and zod.
      ok('core/contract.ts', "import { ALL_ROLES } from './roles';"),
      ok('core/schemas/session.ts', "import { roleSchema } from '../roles';"),
      ok('core/schemas/session.ts', "import { z } from 'zod';"),
      ok('core/schemas/session.ts', "import { z } from 'zod/v4';"),
      ok('core/contract.ts', "import type { Channel } from './channels';"),
      ok('core/index.ts', "export * from './result';"),
      ok('core/index.ts', "export { ok, err } from './result';"),

      // db: core and db, plus Node and the SQLite driver.
      ok('db/open-store.ts', "import { AppError } from '../core/app-error';"),
      ok('db/repositories/participants.ts', "import { openStore } from '../open-store';"),
      ok('db/repositories/participants.ts', "import type { Role } from '../../core/roles';"),
      ok('db/open-store.ts', "import Database from 'better-sqlite3-multiple-ciphers';"),
      ok('db/open-store.ts', "import { readFileSync } from 'node:fs';"),
      ok('db/open-store.ts', "import { readFileSync } from 'fs';"),

      // services: db, core, services; Node built-ins are fine.
      ok('services/dispatch.ts', "import { openStore } from '../db/open-store';"),
      ok('services/dispatch.ts', "import type { Result } from '../core/result';"),
      ok('services/dispatch.ts', "import type { Dispatch } from './dispatch-types';"),
      ok('services/audit.ts', "import { randomUUID } from 'node:crypto';"),

      // electron: services, core, electron, and the electron package (never db/: only services reach the store).
      ok('electron/main.ts', "import { app, BrowserWindow } from 'electron';"),
      ok('electron/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';"),
      ok('electron/main.ts', "import { createDispatch } from '../services/dispatch';"),
      ok('electron/main.ts', "import { CHANNELS } from '../core/channels';"),
      ok('electron/main.ts', "import { registerIpc } from './ipc';"),

      // host: services, db, core, host.
      ok('host/server.ts', "import { createDispatch } from '../services/dispatch';"),
      ok('host/server.ts', "import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';"),
      ok('host/server.ts', "import { routes } from './routes';"),
      ok('host/server.ts', "import { createServer } from 'node:http';"),

      // cli: services, db, core, cli.
      ok('cli/main.ts', "import { createDispatch } from '../services/dispatch';"),
      ok('cli/main.ts', "import { validateNhsNumber } from '../core/nhs-number';"),
      ok('cli/main.ts', "import { parseArgs } from './args';"),
      ok('cli/server-command.ts', "import { startPartnershipServer } from '../server/partnership-server';"),

      // server: core and server, Node built-ins and PostgreSQL's driver.
      ok('server/partnership-server.ts', "import { AppError } from '../core/app-error';"),
      ok('server/partnership-server.ts', "import { healthRoute } from './health-route';"),
      ok('server/migrations/index.ts', "import type { ServerDatabase } from '../server-schema';"),
      ok('server/server-database.ts', "import { Pool } from 'pg';"),
      ok('server/partnership-server.ts', "import { createServer } from 'node:https';"),
      ok('tests/support/postgres.ts', "import { Client } from 'pg';"),

      // renderer: core and renderer; React, its windowed lists and nhsuk-frontend's CSS; no Node.
      ok('renderer/app.tsx', "import { CHANNELS } from '../core/channels';\nexport const App = () => <main />;"),
      ok('renderer/app.tsx', "import type { Role } from '../core/roles';"),
      ok('renderer/app.tsx', "import { Button } from './components/button';"),
      ok('renderer/screens/home.tsx', "import { Button } from '../components/button';"),
      ok('renderer/screens/home.tsx', "import { ALL_ROLES } from '../../core/roles';"),
      ok('renderer/main.tsx', "import { createRoot } from 'react-dom/client';\nimport { useState } from 'react';"),
      ok('renderer/main.tsx', "import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';"),
      ok('renderer/screens/caseload/caseload-table.tsx', "import { useVirtualizer } from '@tanstack/react-virtual';"),
      ok('renderer/app.tsx', "import type { ReactNode } from 'react';\nimport { jsx } from 'react/jsx-runtime';"),
      ok('renderer/app.tsx', "export const load = () => import('./screens/home');"),
      ok('renderer/app.tsx', "export * from '../core/result';"),

      // Non-literal specifiers cannot be checked statically.
      ok('renderer/app.tsx', 'export const load = (name: string) => import(name);'),

      // Unrestricted folders and root files.
      ok('tests/unit/db.test.ts', "import { openStore } from '../../db/open-store';"),
      ok('tests/unit/renderer.test.tsx', "import { App } from '../../renderer/app';"),
      ok('tests/e2e/app.spec.ts', "import { app } from 'electron';"),
      ok('tests/unit/db.test.ts', "import Database from 'better-sqlite3-multiple-ciphers';"),
      ok('tests/unit/fs.test.ts', "import { mkdtempSync } from 'node:fs';"),
      ok('bench/run.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nimport { openStore } from '../db/open-store';"),
      ok('scripts/seed.ts', "import { createDispatch } from '../services/dispatch';"),
      ok('vitest.config.ts', "import { CHANNELS } from './core/channels';"),

      // Files outside the root are not judged.
      {
        code: "import { openStore } from '../db/open-store';",
        filename: path.resolve('/elsewhere/renderer/app.ts'),
        options,
      },

      // The layer map is data: a project may allow more.
      {
        code: "import { openStore } from '../db/open-store';",
        filename: file('renderer/app.tsx'),
        options: [{ root: ROOT, layers: { ...DEFAULT_LAYERS, renderer: ['core', 'renderer', 'db'] } }],
      },
      {
        code: "import React from 'react';",
        filename: file('core/jsx.ts'),
        options: [{ root: ROOT, allowedPackages: { ...DEFAULT_ALLOWED_PACKAGES, core: ['zod', 'react'] } }],
      },
    ],

    invalid: [
      // The exact message format.
      {
        code: "import { openStore } from '../db/open-store';",
        filename: file('renderer/index.tsx'),
        options,
        errors: [{ message: 'Bad layering: renderer may not import from db (allowed: core, renderer).', line: 1, column: 1 }],
      },

      // The shells never reach the store directly: only through services.
      bad('electron/main.ts', "import { openStore } from '../db/open-store';", [layerError('electron', 'db')]),
      bad('host/server.ts', "import { openStore } from '../db/open-store';", [layerError('host', 'db')]),
      bad('cli/main.ts', "import { openStore } from '../db/open-store';", [layerError('cli', 'db')]),

      // core imports only core.
      bad('core/contract.ts', "import { openStore } from '../db/open-store';", [layerError('core', 'db')]),
      bad('core/contract.ts', "import { createDispatch } from '../services/dispatch';", [layerError('core', 'services')]),
      bad('core/contract.ts', "import { registerIpc } from '../electron/ipc';", [layerError('core', 'electron')]),
      bad('core/contract.ts', "import { routes } from '../host/routes';", [layerError('core', 'host')]),
      bad('core/contract.ts', "import { parseArgs } from '../cli/args';", [layerError('core', 'cli')]),
      bad('core/schemas/session.ts', "import { App } from '../../renderer/app';", [layerError('core', 'renderer')]),
      bad('core/contract.ts', "import { fixture } from '../tests/support/fixture';", [layerError('core', 'tests')]),
      bad('core/contract.ts', "import config from '../vitest.config';", [layerError('core', '(project root)')]),
      bad('core/contract.ts', "import x from '../../outside';", [layerError('core', '(outside the project)')]),
      bad('core/contract.ts', "import type { Store } from '../db/open-store';", [layerError('core', 'db')]),
      // core runs anywhere: no Node built-ins, with or without the node: prefix.
      bad('core/ids.ts', "import { randomUUID } from 'node:crypto';", [builtinError('core', 'node:crypto')]),
      bad('core/ids.ts', "import { readFileSync } from 'node:fs';", [builtinError('core', 'node:fs')]),
      bad('core/ids.ts', "import { readFileSync } from 'fs';", [builtinError('core', 'fs')]),
      bad('core/ids.ts', "import path from 'path';", [builtinError('core', 'path')]),
      bad('core/ids.ts', "import type { Stats } from 'node:fs';", [builtinError('core', 'node:fs')]),
      bad('core/ids.ts', "export const load = () => import('node:fs');", [builtinError('core', 'node:fs')]),
      // core's only npm dependency is zod.
      bad('core/ids.ts', "import { useState } from 'react';", [
        { messageId: 'packageNotAllowed', data: { layer: 'core', pkg: 'react', allowed: 'zod' } },
      ]),
      bad('core/ids.ts', "import { Kysely } from 'kysely';", [
        { messageId: 'packageNotAllowed', data: { layer: 'core', pkg: 'kysely', allowed: 'zod' } },
      ]),
      bad('core/ids.ts', "import { app } from 'electron';", [electronError('core')]),

      // db imports only core and db.
      bad('db/open-store.ts', "import { createDispatch } from '../services/dispatch';", [layerError('db', 'services')]),
      bad('db/open-store.ts', "import { registerIpc } from '../electron/ipc';", [layerError('db', 'electron')]),
      bad('db/open-store.ts', "import { routes } from '../host/routes';", [layerError('db', 'host')]),
      bad('db/open-store.ts', "import { parseArgs } from '../cli/args';", [layerError('db', 'cli')]),
      bad('db/repositories/participants.ts', "import { App } from '../../renderer/app';", [layerError('db', 'renderer')]),
      bad('db/open-store.ts', "import { app } from 'electron';", [electronError('db')]),

      // services never imports electron (folder or package), host, cli or renderer.
      bad('services/dispatch.ts', "import { registerIpc } from '../electron/ipc';", [layerError('services', 'electron')]),
      bad('services/dispatch.ts', "import { routes } from '../host/routes';", [layerError('services', 'host')]),
      bad('services/dispatch.ts', "import { parseArgs } from '../cli/args';", [layerError('services', 'cli')]),
      bad('services/dispatch.ts', "import { App } from '../renderer/app';", [layerError('services', 'renderer')]),
      bad('services/dispatch.ts', "import { app } from 'electron';", [electronError('services')]),
      bad('services/dispatch.ts', "import type { IpcMainInvokeEvent } from 'electron';", [electronError('services')]),
      bad('services/dispatch.ts', "import { app } from 'electron/main';", [electronError('services')]),
      bad('services/dispatch.ts', "import Database from 'better-sqlite3-multiple-ciphers';", [sqliteError('services')]),

      // electron may not reach into host, cli or renderer.
      bad('electron/main.ts', "import { routes } from '../host/routes';", [layerError('electron', 'host')]),
      bad('electron/main.ts', "import { parseArgs } from '../cli/args';", [layerError('electron', 'cli')]),
      bad('electron/main.ts', "import { App } from '../renderer/app';", [layerError('electron', 'renderer')]),
      bad('electron/main.ts', "import Database from 'better-sqlite3-multiple-ciphers';", [sqliteError('electron')]),

      // host may not reach into electron, cli or renderer, nor load the electron package.
      bad('host/server.ts', "import { registerIpc } from '../electron/ipc';", [layerError('host', 'electron')]),
      bad('host/server.ts', "import { parseArgs } from '../cli/args';", [layerError('host', 'cli')]),
      bad('host/server.ts', "import { App } from '../renderer/app';", [layerError('host', 'renderer')]),
      bad('host/server.ts', "import { app } from 'electron';", [electronError('host')]),

      // cli may not reach into electron, host or renderer.
      bad('cli/main.ts', "import { registerIpc } from '../electron/ipc';", [layerError('cli', 'electron')]),
      bad('cli/main.ts', "import { routes } from '../host/routes';", [layerError('cli', 'host')]),
      bad('cli/main.ts', "import { App } from '../renderer/app';", [layerError('cli', 'renderer')]),
      bad('cli/main.ts', "import { app } from 'electron';", [electronError('cli')]),

      // server never touches the laptop's store, its use cases or any other runtime.
      bad('server/partnership-server.ts', "import { openStore } from '../db/open-store';", [layerError('server', 'db')]),
      bad('server/partnership-server.ts', "import { createDispatch } from '../services/dispatch';", [layerError('server', 'services')]),
      bad('server/partnership-server.ts', "import { parseArgs } from '../cli/args';", [layerError('server', 'cli')]),
      bad('server/partnership-server.ts', "import { routes } from '../host/routes';", [layerError('server', 'host')]),
      bad('server/partnership-server.ts', "import { App } from '../renderer/app';", [layerError('server', 'renderer')]),
      bad('server/partnership-server.ts', "import { app } from 'electron';", [electronError('server')]),
      bad('server/partnership-server.ts', "import Database from 'better-sqlite3-multiple-ciphers';", [sqliteError('server')]),
      // ...and nothing the laptop runs reaches the server, or PostgreSQL's driver.
      bad('services/sync.ts', "import { startPartnershipServer } from '../server/partnership-server';", [layerError('services', 'server')]),
      bad('electron/main.ts', "import type { ServerDatabase } from '../server/server-schema';", [layerError('electron', 'server')]),
      bad('renderer/app.tsx', "import { healthRoute } from '../server/health-route';", [layerError('renderer', 'server')]),
      bad('db/open-store.ts', "import { Pool } from 'pg';", [pgError('db')]),
      bad('services/sync.ts', "import { Pool } from 'pg';", [pgError('services')]),

      // renderer imports only core and renderer, not even types from Node layers.
      bad('renderer/app.tsx', "import { openStore } from '../db/open-store';", [layerError('renderer', 'db')]),
      bad('renderer/app.tsx', "import type { Store } from '../db/open-store';", [layerError('renderer', 'db')]),
      bad('renderer/app.tsx', "import { type Store } from '../db/open-store';", [layerError('renderer', 'db')]),
      bad('renderer/screens/home.tsx', "import { openStore } from '../../db/open-store';", [layerError('renderer', 'db')]),
      bad('renderer/app.tsx', "import type { Dispatch } from '../services/dispatch-types';", [layerError('renderer', 'services')]),
      bad('renderer/app.tsx', "import { registerIpc } from '../electron/ipc';", [layerError('renderer', 'electron')]),
      bad('renderer/app.tsx', "import { routes } from '../host/routes';", [layerError('renderer', 'host')]),
      bad('renderer/app.tsx', "import { parseArgs } from '../cli/args';", [layerError('renderer', 'cli')]),
      // Re-exports.
      bad('renderer/api/index.ts', "export { openStore } from '../../db/open-store';", [layerError('renderer', 'db')]),
      bad('renderer/api/index.ts', "export type { Store } from '../../db/open-store';", [layerError('renderer', 'db')]),
      bad('renderer/api/index.ts', "export * from '../../services/dispatch';", [layerError('renderer', 'services')]),
      bad('renderer/api/index.ts', "export * as db from '../../db/open-store';", [layerError('renderer', 'db')]),
      // Dynamic import, require and TypeScript import forms.
      bad('renderer/app.tsx', "export const load = () => import('../db/open-store');", [layerError('renderer', 'db')]),
      bad('renderer/app.tsx', 'export const load = () => import(`../db/open-store`);', [layerError('renderer', 'db')]),
      bad('renderer/app.tsx', "export const store = require('../db/open-store');", [layerError('renderer', 'db')]),
      bad('renderer/app.tsx', "import store = require('../db/open-store');\nexport { store };", [layerError('renderer', 'db')]),
      bad('renderer/app.tsx', "export type Store = import('../db/open-store').Store;", [layerError('renderer', 'db')]),
      // No Node built-ins in the browser sandbox.
      bad('renderer/app.tsx', "import { readFileSync } from 'node:fs';", [builtinError('renderer', 'node:fs')]),
      bad('renderer/app.tsx', "import { readFileSync } from 'fs';", [builtinError('renderer', 'fs')]),
      bad('renderer/app.tsx', "const fs = require('fs');\nexport { fs };", [builtinError('renderer', 'fs')]),
      bad('renderer/app.tsx', "import { ipcRenderer } from 'electron';", [electronError('renderer')]),
      bad('renderer/app.tsx', "import Database from 'better-sqlite3-multiple-ciphers';", [sqliteError('renderer')]),
      // Only the packages the renderer is meant to use: not zod (core validates), not a PDF or SQL library.
      bad('renderer/screens/measures/measure-form.tsx', "import { z } from 'zod';", [rendererPackageError('zod')]),
      bad('renderer/components/download-pdf-buttons.tsx', "import { pdf } from '@react-pdf/renderer';", [
        rendererPackageError('@react-pdf/renderer'),
      ]),
      bad('renderer/app.tsx', "import type { Kysely } from 'kysely';", [rendererPackageError('kysely')]),
      bad('renderer/app.tsx', "export const load = () => import('left-pad');", [rendererPackageError('left-pad')]),

      // Unrestricted folders still keep the packages where they belong.
      bad('scripts/seed.ts', "import Database from 'better-sqlite3-multiple-ciphers';", [sqliteError('scripts')]),

      // Several problems in one file are all reported.
      bad(
        'renderer/app.tsx',
        "import { openStore } from '../db/open-store';\nimport { createDispatch } from '../services/dispatch';\nimport fs from 'node:fs';",
        [layerError('renderer', 'db'), layerError('renderer', 'services'), builtinError('renderer', 'node:fs')],
      ),
    ],
  });
});

describe('local/layer-imports (JavaScript)', () => {
  jsTester.run('layer-imports', rule, {
    valid: [
      ok('scripts/build.mjs', "import { build } from 'esbuild';\nimport { readFileSync } from 'node:fs';"),
      ok('bin/workwell-mdt.mjs', "import('../cli/main.ts');"),
      ok('db/legacy.cjs', "const Database = require('better-sqlite3-multiple-ciphers');\nmodule.exports = Database;"),
      ok('electron/preload.cjs', "const { contextBridge } = require('electron');\ncontextBridge.exposeInMainWorld('x', {});"),
      ok('services/plugin.js', 'const name = "x";\nrequire(name);'),
    ],
    invalid: [
      bad('services/legacy.cjs', "const { app } = require('electron');\nmodule.exports = app;", [electronError('services')]),
      bad('services/legacy.js', "import('../electron/ipc.js');", [layerError('services', 'electron')]),
      bad('renderer/legacy.js', "export * from '../db/open-store.js';", [layerError('renderer', 'db')]),
      bad('core/legacy.cjs', "const fs = require('node:fs');\nmodule.exports = fs;", [builtinError('core', 'node:fs')]),
    ],
  });
});

describe('eslint.config.js wires local/layer-imports', () => {
  const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

  it('reports a renderer importing db as an error through the real config', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const [result] = await eslint.lintText("import { openStore } from '../db/open-store';\n", {
      filePath: path.join(repoRoot, 'renderer', 'x.ts'),
    });
    const layering = result?.messages.filter((message) => message.ruleId === 'local/layer-imports') ?? [];
    expect(layering).toHaveLength(1);
    expect(layering[0]?.severity).toBe(2);
    expect(layering[0]?.message).toBe('Bad layering: renderer may not import from db (allowed: core, renderer).');
  });

  it('reports a renderer importing a package outside its list through the real config', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const [result] = await eslint.lintText(
      "import { z } from 'zod';\nimport { useState } from 'react';\nexport const schema = z.string();\nexport const use = useState;\n",
      {
        filePath: path.join(repoRoot, 'renderer', 'x.ts'),
      },
    );
    const layering = result?.messages.filter((message) => message.ruleId === 'local/layer-imports') ?? [];
    expect(layering.map((message) => [message.line, message.severity, message.message])).toEqual([
      [1, 2, "renderer/ may not import the package 'zod' (allowed packages: react, react-dom, @tanstack/react-virtual, nhsuk-frontend)."],
    ]);
  });
});
