/**
 * Bundles the Electron main process and preload with esbuild.
 *
 * - main:    electron/main.ts    -> dist/electron/main.cjs
 * - preload: electron/preload.ts -> dist/electron/preload.cjs
 *
 * Both are CommonJS (`.cjs`, because package.json says "type": "module" and Electron's sandboxed
 * preload cannot be an ES module). The preload must be ONE file: a sandboxed preload has no
 * `require` for anything but a few Electron modules. `electron` stays external (it is provided at
 * run time) and so does the native SQLite binding, which cannot be bundled and is rebuilt for
 * Electron by electron-builder, and React-PDF (see MAIN_EXTERNALS).
 *
 * Usage: `node scripts/build-electron.mjs` or `await buildElectron(rootDir)`.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Left out of the main bundle and loaded from node_modules at run time: Electron itself, the native
 * SQLite binding, and React-PDF with the React it renders with. React-PDF is ESM that reads its own
 * files through `import.meta.url`, which a CommonJS bundle cannot provide (it threw "Invalid URL"
 * at start-up); React goes with it so the documents and React-PDF share one React. All three npm
 * packages are production dependencies, so electron-builder ships them.
 */
const MAIN_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', '@react-pdf/renderer', 'react'];

/** Shared by both bundles. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Readable stack traces in crash reports; the bundle is not shipped to a browser.
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * The esbuild options for both bundles, so tests can check them without building.
 * @param {string} rootDir the project root
 * @param {string} [outDir] where the bundles go; defaults to <root>/dist/electron
 */
export function electronBuildOptions(rootDir, outDir = path.join(rootDir, 'dist', 'electron')) {
  return {
    main: {
      ...common,
      absWorkingDir: rootDir,
      entryPoints: [path.join(rootDir, 'electron', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      external: MAIN_EXTERNALS,
    },
    preload: {
      ...common,
      absWorkingDir: rootDir,
      entryPoints: [path.join(rootDir, 'electron', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      external: ['electron'],
    },
  };
}

/**
 * Build both bundles.
 * @param {string} rootDir the project root
 * @param {{ outDir?: string, only?: ReadonlyArray<'main' | 'preload'> }} [options]
 */
export async function buildElectron(rootDir, options = {}) {
  const all = electronBuildOptions(rootDir, options.outDir);
  const names = options.only ?? ['main', 'preload'];
  await Promise.all(names.map((name) => build(all[name])));
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    await buildElectron(rootDir);
    console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
  } catch (error) {
    // esbuild has already printed the located errors.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
