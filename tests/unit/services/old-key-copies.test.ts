import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { findSlot, readKeyring, unwrapDataKey } from '../../../db/keyring';
import { openEncryptedDatabase } from '../../../db/open-store';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { checkBackupFile } from '../../../services/security/backup-file';
import { restoreBackup } from '../../../services/security/backup-service';
import { rotateDataKey } from '../../../services/security/key-rotation';
import { REPLACED_KEPT_DAYS } from '../../../services/security/old-key-copies';
import { unlockStore } from '../../../services/session/unlock-store';
import { SessionHolder } from '../../../services/session-holder';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { queryStore } from '../../support/query-store';
import { tempDir } from '../../support/temp-dir';
import { TEST_NOW, testClock } from '../../support/test-clock';

/**
 * Issue 18 item 6: a rotation locks a revoked user out only if nothing in the data folder still
 * opens with the old key. Real stores in temp folders; the old key is the one unwrapped before the rotation.
 */
const PASS = DEMO_PARTNERSHIP.passphrase;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The files of the data folder that the old key opens: a backup whose key is it, or a store file. */
async function openedByOldKey(dataDir: string, oldKey: Buffer): Promise<string[]> {
  const opened: string[] = [];
  for (const file of filesUnder(dataDir)) {
    if (file.endsWith('.wwbackup')) {
      const backup = await checkBackupFile(file, 'demo.coach', PASS);
      if (backup.dataKey.equals(oldKey)) opened.push(file);
      backup.dataKey.fill(0);
      continue;
    }
    // An empty file holds nothing (and SQLite would take it for an empty store under any key).
    if (statSync(file).size === 0) continue;
    try {
      const database = openEncryptedDatabase(file, oldKey, { create: false });
      database.close();
      opened.push(file);
    } catch {
      // Not a store, or not under the old key: as it should be.
    }
  }
  return opened;
}

async function oldDataKey(dataDir: string): Promise<Buffer> {
  const keyring = await readKeyring(storePaths(dataDir).keyring);
  return unwrapDataKey(keyring!, findSlot(keyring!, 'demo.coach')!, PASS);
}

const replacedName = (daysAgo: number) =>
  `replaced-${new Date(Date.parse(TEST_NOW) - daysAgo * 86_400_000).toISOString().replace(/[:.]/g, '-')}`;

const participantCount = (dataDir: string) =>
  queryStore(dataDir, 'demo.admin', PASS, (sqlite) => (sqlite.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n);

describe('copies under the old key after a data-key rotation', () => {
  it('leaves no file in the data folder that opens with the old key, and a backup under the new key that restores', async () => {
    const { services, dataDir } = await demoWithPerson();
    // A restore first, so a replaced store (under the key of then) sits in the data folder too.
    const made = value<{ file: string }>(await services.dispatch('backup.create', { path: tempDir() }));
    value(await services.dispatch('backup.restore', { path: made.file, passphrase: PASS }));
    value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
    const oldKey = await oldDataKey(dataDir);
    expect((await openedByOldKey(dataDir, oldKey)).length).toBeGreaterThan(0);

    const rotated = value<{ backupFile: string }>(await services.dispatch('security.rotateDataKey', { confirm: true }));
    await services.close();
    expect(path.basename(rotated.backupFile)).toMatch(/^after-rotation-.*\.wwbackup$/);
    expect(path.dirname(rotated.backupFile)).toBe(storePaths(dataDir).backupsDir);
    expect(await openedByOldKey(dataDir, oldKey)).toEqual([]);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('replaced-'))).toEqual([]);
    expect(readdirSync(storePaths(dataDir).backupsDir)).toEqual([path.basename(rotated.backupFile)]);

    const elsewhere = tempDir();
    await restoreBackup(storePaths(elsewhere), rotated.backupFile, 'demo.admin', PASS, testClock()());
    expect(await participantCount(elsewhere)).toBe(241);
    oldKey.fill(0);
  });

  it('a rotation a failure left to be finished replaces its old-key copies at the next unlock (shown on the Backup screen until it can), and records its time', async () => {
    const { services, dataDir } = await demoWithPerson();
    await services.close();
    const paths = storePaths(dataDir);
    const oldKey = await oldDataKey(dataDir);
    const unlocked = await unlockStore(paths, 'demo.admin', PASS);
    const session = new SessionHolder();
    session.open({ store: unlocked.store, user: unlocked.user, partnershipName: 'x', isDemo: true, dataKey: unlocked.dataKey });
    await expect(
      rotateDataKey(paths, session, testClock()(), (reached) => {
        if (reached === 'swapped') throw new Error('failed after swapped');
      }),
    ).rejects.toThrow('failed after');
    await session.close();
    // Finished forward, but no key was at hand to make the new backup: the old one is still there.
    expect(readdirSync(paths.backupsDir).filter((name) => name.startsWith('before-rotation-'))).toHaveLength(1);

    // The next unlock cannot make it either (a file where the backups folder should be): retried, and shown.
    const aside = `${paths.backupsDir}-aside`;
    renameSync(paths.backupsDir, aside);
    writeFileSync(paths.backupsDir, 'not a folder');
    const blocked = createAppServices({ clock: testClock(), dataDir });
    value(await blocked.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
    expect(value<{ oldKeyCopiesPending: boolean }>(await blocked.dispatch('backup.status', {})).oldKeyCopiesPending).toBe(true);
    await blocked.close();
    rmSync(paths.backupsDir);
    renameSync(aside, paths.backupsDir);

    const again = createAppServices({ clock: testClock(), dataDir });
    value(await again.dispatch('session.unlock', { username: 'demo.admin', passphrase: PASS }));
    expect(value<{ oldKeyCopiesPending: boolean }>(await again.dispatch('backup.status', {})).oldKeyCopiesPending).toBe(false);
    await again.close();
    expect(readdirSync(paths.backupsDir)).toEqual([expect.stringMatching(/^after-rotation-.*\.wwbackup$/)]);
    expect(await openedByOldKey(dataDir, oldKey)).toEqual([]);
    const rotatedAt = await queryStore(dataDir, 'demo.admin', PASS, (sqlite) =>
      sqlite.prepare("SELECT value FROM security_settings WHERE key = 'last_rotated_at'").get(),
    );
    expect(rotatedAt).toEqual({ value: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    oldKey.fill(0);
  });

  it(`a restore's replaced store is deleted at start once older than ${REPLACED_KEPT_DAYS} days; newer ones and folders the app did not name are kept`, async () => {
    const { services, dataDir } = await demoWithPerson();
    await services.close();
    const old = replacedName(REPLACED_KEPT_DAYS + 1);
    const recent = replacedName(REPLACED_KEPT_DAYS - 1);
    for (const name of [old, recent, 'replaced-by-hand']) {
      mkdirSync(path.join(dataDir, name));
      writeFileSync(path.join(dataDir, name, 'workwell.db'), 'a set-aside store');
    }
    await createAppServices({ clock: testClock(), dataDir }).close();
    expect(existsSync(path.join(dataDir, old))).toBe(false);
    expect(existsSync(path.join(dataDir, recent))).toBe(true);
    expect(existsSync(path.join(dataDir, 'replaced-by-hand'))).toBe(true);
  });

  it('the backup status warns while the newest backup a person made predates the last rotation', async () => {
    const { services } = await demoWithPerson();
    const status = async () => value<{ madeBeforeRotation: boolean }>(await services.dispatch('backup.status', {})).madeBeforeRotation;
    const out = tempDir();
    value(await services.dispatch('backup.create', { path: path.join(out, 'first.wwbackup') }));
    expect(await status()).toBe(false);
    value(await services.dispatch('security.rotateDataKey', { confirm: true }));
    // The rotation's own backups in the data folder are not the person's: the warning stands.
    expect(await status()).toBe(true);
    value(await services.dispatch('backup.create', { path: path.join(out, 'second.wwbackup') }));
    expect(await status()).toBe(false);
    await services.close();
  });
});
