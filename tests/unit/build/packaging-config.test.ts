/**
 * The electron-builder config, checked with electron-builder's own code: its schema validator
 * (the one `electron-builder` runs before packaging) and its file matcher (which decides what
 * enters app.asar). Packaging itself cannot run here: it downloads Electron.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asar: boolean;
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  win: { target: string[] };
  linux: { target: string[]; category: string; maintainer: string };
  mac: { target: string[] };
}

const config = require(path.join(root, 'build/electron-builder.config.cjs')) as BuilderConfig;

const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (s: string) => string,
    patterns: string[],
  ) => { createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean };
};

const quietLogger = { isEnabled: false, add() {} };

/** Whether electron-builder would copy `relative` (a project path) into the app. */
function packaged(relative: string): boolean {
  const appDir = path.join(root);
  const filter = new FileMatcher(appDir, '/packaged', (s) => s, config.files).createFilter();
  return filter(path.join(appDir, relative), { isDirectory: () => false });
}

describe('electron-builder config', () => {
  it('passes electron-builder 26 schema validation', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is checked by a validator that does reject a bad config', async () => {
    await expect(validateConfiguration({ ...config, electronFusez: {} }, quietLogger)).rejects.toThrow(/electronFusez/);
    await expect(
      validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }, quietLogger),
    ).rejects.toThrow();
  });

  it('names the app and writes to release/', () => {
    expect(config.appId).toBe('uk.nhs.workwell.mdt');
    expect(config.productName).toBe('WorkWell MDT');
    expect(config.directories.output).toBe('release');
  });

  it.each([
    'package.json',
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
    'dist/renderer/assets/index-abc123.js',
  ])('packages %s', (file) => {
    expect(packaged(file)).toBe(true);
  });

  it.each([
    'host/server.js',
    'tests/unit/electron/main.test.ts',
    'cli/index.js',
    'bench/run.js',
    'scripts/build-electron.mjs',
    'electron/main.ts',
    'core/channels.ts',
    'services/app-services.ts',
    'dist/electron/main.ts',
    'dist/renderer/assets/index-abc123.js.map',
    'dist/host/server.js',
    'README.md',
  ])('leaves %s out', (file) => {
    expect(packaged(file)).toBe(false);
  });

  it('explicitly excludes host, tests, cli, bench and sources', () => {
    for (const pattern of ['!host{,/**}', '!tests{,/**}', '!cli{,/**}', '!bench{,/**}', '!**/*.{ts,tsx,mts,cts}', '!**/*.map']) {
      expect(config.files).toContain(pattern);
    }
  });

  it('packs into asar and rebuilds native modules for Electron', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('targets NSIS, AppImage + deb and dmg', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.category.split(';')).toEqual(expect.arrayContaining(['Office', 'MedicalSoftware']));
    expect(config.linux.maintainer).not.toBe('');
  });
});
