import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQuickUnlockVault, quickUnlockAvailability } from '../../../electron/quick-unlock';
import { resetFakeElectron, safeStorage } from '../../support/fake-electron';
import { tempDir } from '../../support/temp-dir';

const PASSPHRASE = 'quiet lantern orbit 7 meadow';

describe('quick unlock through safeStorage', () => {
  beforeEach(() => resetFakeElectron());

  it('is offered with a real key store, on Linux only through libsecret or KWallet', () => {
    expect(quickUnlockAvailability(safeStorage, 'linux')).toEqual({ available: true });
    expect(quickUnlockAvailability(safeStorage, 'darwin')).toEqual({ available: true });
    safeStorage.backend = 'basic_text';
    expect(quickUnlockAvailability(safeStorage, 'linux')).toMatchObject({
      available: false,
      reason: expect.stringContaining('desktop key store'),
    });
    safeStorage.backend = 'unknown';
    expect(quickUnlockAvailability(safeStorage, 'linux')).toMatchObject({ available: false });
    safeStorage.available = false;
    expect(quickUnlockAvailability(safeStorage, 'win32')).toMatchObject({ available: false });
  });

  it('remembers, recalls and forgets a passphrase, stored only OS-encrypted', async () => {
    const file = path.join(tempDir(), 'quick-unlock.json');
    const vault = createQuickUnlockVault(safeStorage, 'linux', file);
    await vault.remember('demo.coach', PASSPHRASE);
    expect(readFileSync(file, 'utf8')).not.toContain(PASSPHRASE);
    expect(await vault.recall('demo.coach')).toBe(PASSPHRASE);
    expect(await vault.recall('demo.physio')).toBeUndefined();
    await vault.forget('demo.coach');
    expect(await vault.recall('demo.coach')).toBeUndefined();
  });

  it("refuses to store a passphrase with Linux's basic_text backend, and stops recalling if the key store goes", async () => {
    const file = path.join(tempDir(), 'quick-unlock.json');
    const vault = createQuickUnlockVault(safeStorage, 'linux', file);
    await vault.remember('demo.coach', PASSPHRASE);
    safeStorage.backend = 'basic_text';
    await expect(vault.remember('demo.mh', PASSPHRASE)).rejects.toThrow(/desktop key store/);
    expect(await vault.recall('demo.coach')).toBeUndefined();
  });
});
