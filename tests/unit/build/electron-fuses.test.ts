/**
 * The fuses really get flipped: electron-builder's own packaging step (PlatformPackager's
 * generateFuseConfig + addElectronFuses, the code `npm run dist` runs after packing) is run with
 * our config against a stand-in Electron binary carrying a fuse wire in Electron's layout, and the
 * wire is read back with @electron/fuses. The real binary cannot be downloaded here.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp-dir';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../../..');
const config = require(path.join(root, 'build/electron-builder.config.cjs')) as {
  electronFuses: Record<string, boolean>;
  productName: string;
};

// Through the package entry: loading platformPackager on its own trips a circular import.
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: {
    prototype: {
      generateFuseConfig(fuses: unknown): Promise<unknown>;
      addElectronFuses(context: unknown, fuses: unknown): Promise<unknown>;
    };
  };
};
const fuses = require('@electron/fuses') as {
  FuseV1Options: Record<string, number>;
  FuseState: Record<string, number>;
  getCurrentFuseWire(binary: string): Promise<Record<number, number>>;
};
const { SENTINEL } = require('@electron/fuses/dist/constants') as { SENTINEL: string };

const ENABLE = '1'.charCodeAt(0);
const DISABLE = '0'.charCodeAt(0);

/**
 * A fake executable: noise, the fuse sentinel, wire version 1, nine fuses at Electron's shipped
 * defaults (RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off), noise.
 */
function standInElectron(file: string): void {
  const defaults = [ENABLE, DISABLE, ENABLE, ENABLE, DISABLE, DISABLE, DISABLE, ENABLE, DISABLE];
  writeFileSync(
    file,
    Buffer.concat([randomBytes(4096), Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, defaults.length, ...defaults]), randomBytes(4096)]),
  );
}

describe('Electron fuses at package time', () => {
  it('electron-builder flips each security fuse in the binary as configured', async () => {
    const appOutDir = tempDir('workwell-fuses-');
    const binary = path.join(appOutDir, `${config.productName}.exe`);
    standInElectron(binary);
    const before = readFileSync(binary);

    // `this` stands in for the Windows packager: addElectronFuses only reads the product file name.
    const packager = { appInfo: { productFilename: config.productName } };
    const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call(packager, config.electronFuses);
    await PlatformPackager.prototype.addElectronFuses.call(packager, { appOutDir, electronPlatformName: 'win32' }, fuseConfig);

    const wire = await fuses.getCurrentFuseWire(binary);
    const state = (option: string) => wire[fuses.FuseV1Options[option]!];
    expect(state('RunAsNode')).toBe(DISABLE);
    expect(state('EnableNodeOptionsEnvironmentVariable')).toBe(DISABLE);
    expect(state('EnableNodeCliInspectArguments')).toBe(DISABLE);
    expect(state('EnableEmbeddedAsarIntegrityValidation')).toBe(ENABLE);
    expect(state('OnlyLoadAppFromAsar')).toBe(ENABLE);
    expect(state('EnableCookieEncryption')).toBe(ENABLE);
    expect(state('GrantFileProtocolExtraPrivileges')).toBe(DISABLE);

    // Only the wire changed: the rest of the executable is byte for byte the same.
    const after = readFileSync(binary);
    const wireStart = before.indexOf(Buffer.from(SENTINEL, 'latin1')) + SENTINEL.length + 2;
    expect(after.subarray(0, wireStart)).toEqual(before.subarray(0, wireStart));
    expect(after.subarray(wireStart + 9)).toEqual(before.subarray(wireStart + 9));
  });
});
