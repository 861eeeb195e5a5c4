import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/store';
import { toStoreError } from '../../../db/store-errors';
import { createAppServices } from '../../../services/app-services';
import { auditedTransaction } from '../../../services/call-audit-scope';
import { value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';
import { mountTinyDisk, tinyDiskAvailable, type TinyDisk } from '../../support/tiny-disk';

const DISK_FULL_MESSAGE = 'The disk is full: nothing was saved. Free some space and try again.';
const MAX_WRITES = 400;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the real CLI (bin/workwell-mdt.mjs) in a child process; resolves with its exit code and output. */
function cli(args: readonly string[], passphraseFile: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/workwell-mdt.mjs', ...args, '--passphrase-file', passphraseFile],
      { cwd: ROOT },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr }),
    );
  });
}

// Mounting a tmpfs needs root (Linux): elsewhere these tests cannot make a real full disk.
describe.skipIf(!tinyDiskAvailable())('a full disk (a real 8 MB tmpfs filled to the last byte)', () => {
  let disk: TinyDisk;
  beforeAll(() => {
    disk = mountTinyDisk(8);
  });
  afterAll(() => disk?.unmount());

  it('a registration says DISK_FULL with a human message, saves nothing, and the store opens once space is freed', async () => {
    const dataDir = path.join(disk.dir, 'dispatch');
    const clock = testClock();
    const services = createAppServices({ clock, dataDir });
    value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
    const register = (n: number) =>
      services.dispatch(
        'participants.register',
        testReferral({ person: { nhsNumber: '', givenName: 'Full', familyName: `Disk${n}` }, confirmedNotDuplicate: true }),
      );
    value(await register(0));
    expect(disk.fill()).toBeGreaterThan(0);
    let saved = 1;
    let refusal: { code: string; message: string } | null = null;
    // The WAL may still have room for a few pages: write until the disk really refuses (bounded).
    for (let n = 1; n <= MAX_WRITES && refusal === null; n += 1) {
      const result = await register(n);
      if (result.ok) saved += 1;
      else refusal = result.error;
    }
    expect(refusal).toEqual({ code: 'DISK_FULL', message: DISK_FULL_MESSAGE });
    // Signing out on a full disk still locks: the lock's own audit entry cannot be written, and the store closes all the same.
    value(await services.dispatch('session.lock', {}));
    expect(value<{ state: string }>(await services.dispatch('app.status', {})).state).toBe('locked');
    // Closing on a full disk (the WAL cannot be folded back) still closes and releases the folder.
    await services.close();

    disk.free();
    const reopened = createAppServices({ clock, dataDir });
    try {
      value(await reopened.dispatch('session.unlock', { username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE }));
      const verify = value(await reopened.dispatch('audit.verify', {}));
      expect(verify).toMatchObject({ firstBreak: null });
    } finally {
      await reopened.close();
    }
    const reader = await storeReader(dataDir, 'test.admin', TEST_ADMIN_PASSPHRASE);
    try {
      expect(reader.read((database) => (database.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n)).toBe(saved);
      expect(reader.integrityCheck()).toBe('ok');
    } finally {
      reader.forget();
    }
  }, 120_000);

  it('a transaction that fills the disk reports SQLITE_FULL (not the failed rollback) and leaves the store as it was', async () => {
    disk.free();
    const store = await openStore(path.join(disk.dir, 'transaction.db'), randomBytes(32), { create: true });
    try {
      await sql`CREATE TABLE ballast (bytes BLOB NOT NULL)`.execute(store.db);
      await sql`INSERT INTO ballast VALUES (randomblob(1000))`.execute(store.db);
      disk.fill();
      // Each row is 256 KB of incompressible bytes: the cache spills to the WAL and the disk refuses.
      const failure = await auditedTransaction(store, async (trx) => {
        for (let n = 0; n < 64; n += 1) await sql`INSERT INTO ballast VALUES (randomblob(262144))`.execute(trx);
      }).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure, 'the transaction should have failed on a full disk').not.toBeNull();
      expect(toStoreError(failure).toShape()).toEqual({ code: 'DISK_FULL', message: DISK_FULL_MESSAGE });
      disk.free();
      const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM ballast`.execute(store.db);
      expect(rows.rows[0]?.n).toBe(1);
      // The connection is usable again: no transaction was left open.
      await auditedTransaction(store, async (trx) => {
        await sql`INSERT INTO ballast VALUES (randomblob(10))`.execute(trx);
      });
      expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await store.close();
    }
  }, 60_000);

  it("the CLI exits 1 with the DISK_FULL message (not SQLite's wording) and the store still opens once space is freed", async () => {
    disk.free();
    const dataDir = path.join(disk.dir, 'cli');
    const passphraseFile = path.join(disk.dir, 'passphrase');
    writeFileSync(passphraseFile, `${TEST_ADMIN_PASSPHRASE}\n`, { mode: 0o600 });
    const init = await cli(['init', '--store', dataDir, '--admin', 'test.admin', '--icb', 'frimley', '--synthetic'], passphraseFile);
    expect(init.code, init.stderr).toBe(0);
    disk.fill();
    const seed = await cli(['seed', '--store', dataDir, '--participants', '2000'], passphraseFile);
    expect(seed.code).toBe(1);
    expect(seed.stderr.trim()).toBe(DISK_FULL_MESSAGE);
    disk.free();
    const verify = await cli(['audit', 'verify', '--store', dataDir], passphraseFile);
    expect(verify.stdout, verify.stderr).toMatch(/^Audit trail intact/);
  }, 120_000);
});
