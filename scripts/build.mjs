// Builds everything that runs from dist/: the renderer (Vite) and the Electron main and preload
// bundles (esbuild). The host and the CLI run from source through tsx and need no build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAll({ quiet = false } = {}) {
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'info' });
  await buildElectron(root);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAll();
}
