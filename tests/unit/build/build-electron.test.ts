/**
 * scripts/build-electron.mjs: the bundles it produces must load in Electron's CommonJS main
 * process and sandboxed preload. Builds into a temp directory, never into dist/.
 */
import { builtinModules } from 'node:module';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations.
import { buildElectron, electronBuildOptions } from '../../../scripts/build-electron.mjs';

const root = path.resolve(__dirname, '../../..');

/** Every module name a CommonJS bundle still requires at run time. */
function requires(source: string): string[] {
  return [...new Set([...source.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

describe('build-electron', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'workwell-build-'));
  });

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('configures CommonJS node bundles with Electron, the native binding and React-PDF external', () => {
    const options = electronBuildOptions(root, '/out');
    for (const name of ['main', 'preload'] as const) {
      expect(options[name]).toMatchObject({ bundle: true, platform: 'node', format: 'cjs', target: 'node20' });
    }
    expect(options.main.outfile).toBe(path.join('/out', 'main.cjs'));
    expect(options.preload.outfile).toBe(path.join('/out', 'preload.cjs'));
    expect(options.main.external).toEqual(['electron', 'better-sqlite3-multiple-ciphers', '@react-pdf/renderer', 'react']);
    expect(options.preload.external).toEqual(['electron']);
  });

  it('builds the preload as one small file that needs only electron', async () => {
    await buildElectron(root, { outDir, only: ['preload'] });
    expect(await readdir(outDir)).toContain('preload.cjs');
    const source = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(requires(source)).toEqual(['electron']);
    expect(source).toContain('exposeInMainWorld');
    expect(source).not.toMatch(/zod|kysely|better-sqlite3/);
    expect(source.length).toBeLessThan(10_000);
  });

  it('builds main as CommonJS that finds its neighbours via __dirname, not import.meta', async () => {
    await buildElectron(root, { outDir, only: ['main'] });
    const source = await readFile(path.join(outDir, 'main.cjs'), 'utf8');
    expect(source).not.toContain('import.meta');
    expect(source).toContain('preload.cjs');
    expect(source).toContain('../renderer');
    const external = requires(source).filter((name) => !name.startsWith('node:') && !builtinModules.includes(name));
    // React-PDF (and the React it renders with) load from node_modules: see MAIN_EXTERNALS.
    expect(external).toEqual(['@react-pdf/renderer', 'better-sqlite3-multiple-ciphers', 'electron', 'react/jsx-runtime']);
  });
});
