import { closeSync, openSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { findSlot, readKeyring, unwrapDataKey } from '../../../db/keyring';
import { openStore } from '../../../db/store';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { checkStoreInSlices } from '../../../services/security/background-store-check';
import { createBackup } from '../../../services/security/backup-service';
import { demoFromTemplate } from '../../support/demo-template';
import { queryStore } from '../../support/query-store';
import { value } from '../../support/demo-with-person';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

/**
 * Issue 17 item 4: damage is found early and the keyring is not a single point of failure. Real
 * stores and files, damaged the way a failing disk does it.
 */
const PASS = DEMO_PARTNERSHIP.passphrase;

/** Overwrites 64 bytes at `fraction` of the way through the file (never page 1, which every open reads anyway). */
function damageMidFile(file: string, fraction = 0.5): void {
  const offset = Math.floor(statSync(file).size * fraction) + 100;
  const descriptor = openSync(file, 'r+');
  try {
    writeSync(descriptor, Buffer.alloc(64, 0xa5), 0, 64, offset);
  } finally {
    closeSync(descriptor);
  }
}

/** A demo store with one backup made (so a message can name it), closed. */
async function demoWithBackup(): Promise<{ dataDir: string; backup: string }> {
  const { dataDir, services } = await demoFromTemplate();
  const backup = path.join(tempDir('workwell-backup-'), 'before-damage.wwbackup');
  value(await services.dispatch('backup.create', { path: backup }));
  await services.close();
  return { dataDir, backup };
}

describe('damage found early', () => {
  it.each([0.3, 0.5, 0.7])(
    '64 damaged bytes %s of the way through the file are reported at unlock, naming the newest backup',
    async (fraction) => {
      const { dataDir, backup } = await demoWithBackup();
      damageMidFile(storePaths(dataDir).database, fraction);
      const services = createAppServices({ clock: testClock(), dataDir });
      try {
        const result = await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS });
        expect(result.ok).toBe(false);
        expect(result.ok ? undefined : result.error).toMatchObject({
          code: 'STORE_DAMAGED',
          message: `The store is damaged: restore from backup ${backup}. It was not opened.`,
        });
      } finally {
        await services.close();
      }
    },
    60_000,
  );

  it('a store too large to check before unlock is checked just after: damage found refuses writes, naming the backup, and reads go on', async () => {
    const { dataDir, backup } = await demoWithBackup();
    // Damage in a page unlocking never reads (a leaf of the participants table), wherever the schema puts it:
    // unlocking must succeed for the check after it to be what finds the damage.
    const { pageno, pageSize } = await queryStore(dataDir, 'demo.admin', PASS, (sqlite) => {
      const leaves = sqlite
        .prepare("SELECT pageno FROM dbstat WHERE name = 'participants' AND pagetype = 'leaf' ORDER BY pageno")
        .all() as {
        pageno: number;
      }[];
      return { pageno: leaves[Math.floor(leaves.length / 2)]!.pageno, pageSize: sqlite.pragma('page_size', { simple: true }) as number };
    });
    const file = storePaths(dataDir).database;
    damageMidFile(file, ((pageno - 1) * pageSize) / statSync(file).size);
    // Every store counts as large here, so the check runs after unlock, in slices.
    const services = createAppServices({ clock: testClock(), dataDir, quickCheckAtUnlockMaxBytes: 0 });
    try {
      value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
      let status = value<{ state: string; storeDamage?: string }>(await services.dispatch('app.status', {}));
      for (let tries = 0; status.storeDamage === undefined && tries < 200; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = value(await services.dispatch('app.status', {}));
      }
      const message = `The store is damaged: restore from backup ${backup}. Changes are not being saved until it is restored.`;
      expect(status).toMatchObject({ state: 'unlocked', storeDamage: message });
      const write = await services.dispatch('config.saveTeamMember', { displayName: 'Someone New', disciplineId: 'x' });
      expect(write.ok ? undefined : write.error).toMatchObject({ code: 'STORE_DAMAGED', message });
      const made = await services.dispatch('backup.create', { path: path.join(tempDir('workwell-backup-'), 'x.wwbackup') });
      expect(made.ok ? undefined : made.error).toMatchObject({ code: 'STORE_DAMAGED' });
      // Reading goes on where the damaged pages are not needed, and locking always works.
      expect((await services.dispatch('security.get', {})).ok).toBe(true);
      value(await services.dispatch('session.lock', {}));
    } finally {
      await services.close();
    }
  }, 60_000);

  it('the check in slices finds nothing in a sound store and lets other work run between its tables', async () => {
    const { dataDir, services } = await demoFromTemplate();
    await services.close();
    const paths = storePaths(dataDir);
    const keyring = await readKeyring(paths.keyring);
    const dataKey = await unwrapDataKey(keyring!, findSlot(keyring!, 'demo.admin')!, PASS);
    const store = await openStore(paths.database, dataKey, { create: false });
    try {
      let ranMeanwhile = 0;
      const other = setInterval(() => (ranMeanwhile += 1), 0);
      const problems = await checkStoreInSlices(store, () => true);
      clearInterval(other);
      expect(problems).toEqual([]);
      expect(ranMeanwhile).toBeGreaterThan(0);
      // A session that has moved on stops the check at once.
      damageMidFile(paths.database, 0.5);
      store.sqlite.pragma('shrink_memory');
      expect(await checkStoreInSlices(store, () => false)).toEqual([]);
      expect((await checkStoreInSlices(store, () => true)).length).toBeGreaterThan(0);
    } finally {
      dataKey.fill(0);
      await store.close();
    }
  }, 60_000);

  it('a backup of a damaged store is refused with the same message, and no file is written', async () => {
    const { dataDir, backup } = await demoWithBackup();
    const paths = storePaths(dataDir);
    // Damaged while the store is open, as a failing disk does it.
    const keyring = await readKeyring(paths.keyring);
    const dataKey = await unwrapDataKey(keyring!, findSlot(keyring!, 'demo.admin')!, PASS);
    const store = await openStore(paths.database, dataKey, { create: false });
    damageMidFile(paths.database, 0.3);
    // The connection's page cache still holds what opening read; a long-open store's cache has moved on.
    store.sqlite.pragma('shrink_memory');
    const user = {
      userId: findSlot(keyring!, 'demo.admin')!.userId,
      username: 'demo.admin',
      displayName: 'x',
      role: 'administrator' as const,
    };
    const target = path.join(tempDir('workwell-backup-'), 'after-damage.wwbackup');
    try {
      await expect(
        createBackup(paths, { store, user, partnershipName: 'x', isDemo: true, dataKey }, target, testClock()()),
      ).rejects.toMatchObject({
        code: 'STORE_DAMAGED',
        message: `The store is damaged: restore from backup ${backup}. No backup was made: it would have copied the damage.`,
      });
    } finally {
      dataKey.fill(0);
      await store.close();
    }
    expect(() => statSync(target)).toThrow();
  }, 60_000);
});

describe('the keyring is not a single point of failure', () => {
  it('a damaged keyring.json still unlocks, with a passphrase and with the recovery key, from its copy', async () => {
    const { dataDir, services } = await demoFromTemplate();
    await services.close();
    const paths = storePaths(dataDir);
    expect(statSync(path.join(dataDir, 'keyring.backup.json')).size).toBeGreaterThan(0);
    writeFileSync(paths.keyring, '{"format":"workwell-mdt-keyring","version":1,"slots":[{"userId":"dam');
    const again = createAppServices({ clock: testClock(), dataDir });
    try {
      expect(value<{ state: string }>(await again.dispatch('app.status', {})).state).toBe('locked');
      value(await again.dispatch('session.unlock', { username: 'demo.coach', passphrase: PASS }));
      value(await again.dispatch('session.lock', {}));
      value(
        await again.dispatch('session.recover', {
          recoveryKey: DEMO_PARTNERSHIP.recoveryKey,
          username: 'demo.admin',
          newPassphrase: 'a brand new admin phrase 5',
        }),
      );
    } finally {
      await again.close();
    }
    // Recovery rewrote both copies: keyring.json is whole again.
    expect(await readKeyring(paths.keyring)).toBeDefined();
  }, 60_000);
});
