import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/app-error';
import { newDataKey, readKeyring, writeKeyring } from '../../../db/keyring';
import { openStore } from '../../../db/store';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';

const CANARY = 'CANARY-QX7Z-PLAINTEXT';

function filesOf(dataDir: string): string[] {
  const { database } = storePaths(dataDir);
  return [database, `${database}-wal`, `${database}-shm`].filter((file) => existsSync(file));
}

function expectNoCanary(dataDir: string): void {
  const files = filesOf(dataDir);
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    expect(readFileSync(file).includes(CANARY), `${file} holds the canary in plaintext`).toBe(false);
    expect(readFileSync(file).includes(Buffer.from(CANARY, 'utf16le')), `${file} holds the canary as UTF-16`).toBe(false);
  }
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<void> {
  await expect(promise).rejects.toSatisfy((error) => error instanceof AppError && error.code === code);
}

describe('encrypted store', () => {
  it('keeps a canary written through the app out of the .db, -wal and -shm files, open and closed', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    const created = await services.dispatch('setup.createPartnership', testPartnershipInput({ displayName: CANARY }));
    expect(created.ok).toBe(true);
    expectNoCanary(dataDir);
    await services.close();
    expectNoCanary(dataDir);
    expect(readFileSync(storePaths(dataDir).keyring, 'utf8').includes(CANARY)).toBe(false);
  });

  it('a control written without encryption does show the canary, so the check can fail', () => {
    const dir = tempDir();
    const plain = new Database(`${dir}/plain.db`);
    plain.exec(`CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('${CANARY}')`);
    plain.close();
    expect(readFileSync(`${dir}/plain.db`).includes(CANARY)).toBe(true);
  });

  it('reopens with the right passphrase and keeps the data', async () => {
    const dataDir = tempDir();
    const first = createAppServices({ clock: testClock(), dataDir });
    await first.dispatch('setup.createPartnership', testPartnershipInput({ displayName: 'Kept Person' }));
    await first.close();
    const second = createAppServices({ clock: testClock(), dataDir });
    const unlocked = await second.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE });
    expect(unlocked).toMatchObject({ ok: true, value: { displayName: 'Kept Person', role: 'administrator' } });
    await second.close();
  });

  it('a wrong passphrase gives WRONG_PASSPHRASE, not a SQLite error', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    await services.dispatch('setup.createPartnership', testPartnershipInput());
    await services.dispatch('session.lock', {});
    const result = await services.dispatch('session.unlock', { username: 'test.admin', passphrase: 'not the passphrase at all' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const unknownUser = await services.dispatch('session.unlock', { username: 'nobody.here', passphrase: TEST_ADMIN_PASSPHRASE });
    expect(unknownUser).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', message: 'The username or passphrase is not right.' },
    });
    await services.close();
  });

  it('a wrong data key gives the typed WRONG_KEY error', async () => {
    const dir = tempDir();
    const store = await openStore(`${dir}/s.db`, newDataKey(), { create: true });
    await store.close();
    await expectAppError(openStore(`${dir}/s.db`, newDataKey(), { create: false }), 'WRONG_KEY');
  });

  it('refuses an unencrypted SQLite file and a missing store with typed errors', async () => {
    const dir = tempDir();
    const plain = new Database(`${dir}/plain.db`);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    await expectAppError(openStore(`${dir}/plain.db`, newDataKey(), { create: false }), 'NOT_A_STORE');
    await expectAppError(openStore(`${dir}/missing.db`, newDataKey(), { create: false }), 'STORE_NOT_FOUND');
  });

  it('refuses a store written by a newer version of the app and leaves it unchanged', async () => {
    const dir = tempDir();
    const key = newDataKey();
    const store = await openStore(`${dir}/s.db`, key, { create: true });
    store.sqlite
      .prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01-001-from-the-future', '2099-01-01T00:00:00.000Z')")
      .run();
    await store.close();
    await expectAppError(openStore(`${dir}/s.db`, key, { create: false }), 'STORE_FROM_FUTURE');
  });

  it('uses SQLCipher 4 settings: a raw key, WAL, foreign keys, secure delete, memory temp store', async () => {
    const dir = tempDir();
    const store = await openStore(`${dir}/s.db`, newDataKey(), { create: true });
    expect(store.sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher');
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('temp_store', { simple: true })).toBe(2);
    await store.close();
  });
});

describe('keyring', () => {
  async function setUpKeyring() {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    await services.dispatch('setup.createPartnership', testPartnershipInput());
    await services.close();
    const paths = storePaths(dataDir);
    const keyring = await readKeyring(paths.keyring);
    if (keyring === undefined) throw new Error('no keyring written');
    return { dataDir, paths, keyring };
  }

  it('stores scrypt parameters and salt, never the passphrase or the raw key', async () => {
    const { paths, keyring } = await setUpKeyring();
    const text = readFileSync(paths.keyring, 'utf8');
    expect(text.includes(TEST_ADMIN_PASSPHRASE)).toBe(false);
    expect(keyring.slots[0]?.kdf).toMatchObject({ algorithm: 'scrypt', N: 131072, r: 8, p: 1 });
  });

  it('refuses a keyring whose KDF parameters were weakened', async () => {
    const { dataDir, paths, keyring } = await setUpKeyring();
    const slot = keyring.slots[0];
    if (slot === undefined) throw new Error('no slot');
    writeFileSync(paths.keyring, JSON.stringify({ ...keyring, slots: [{ ...slot, kdf: { ...slot.kdf, N: 1024 } }] }));
    await expectAppError(readKeyring(paths.keyring), 'KEYRING_WEAKENED');
    const services = createAppServices({ clock: testClock(), dataDir });
    const result = await services.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'KEYRING_WEAKENED' } });
  });

  it('refuses a damaged keyring file with a typed error when its copy is damaged too', async () => {
    const { paths, keyring } = await setUpKeyring();
    writeFileSync(paths.keyring, '{ not json');
    // The copy beside it (keyring.backup.json) stands in for one damaged file...
    expect(await readKeyring(paths.keyring)).toEqual(keyring);
    writeFileSync(path.join(paths.dataDir, 'keyring.backup.json'), '{ not json either');
    await expectAppError(readKeyring(paths.keyring), 'KEYRING_INVALID');
  });

  it('binds a slot to its store: a slot moved to another store id does not unlock', async () => {
    const { dataDir, paths, keyring } = await setUpKeyring();
    await writeKeyring(paths.keyring, { ...keyring, storeId: '00000000-0000-4000-8000-000000000000' });
    const services = createAppServices({ clock: testClock(), dataDir });
    const result = await services.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
  });
});
