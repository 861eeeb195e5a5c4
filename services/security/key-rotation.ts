import path from 'node:path';
import { promises as fs } from 'node:fs';
import { AppError } from '../../core/app-error';
import { newDataKey, readKeyring, sealDataKey, writeKeyring, type Keyring } from '../../db/keyring';
import { writeSecuritySetting } from '../../db/repositories/security-repository';
import { rekeyStore } from '../../db/repositories/store-file-repository';
import type { StorePaths } from '../../db/store-paths';
import type { OpenSession } from '../session-holder';
import { createBackup, defaultBackupName } from './backup-service';

/** The steps of a rotation, in order; tests stop after one to play a crash there. */
export type RotationStep = 'backed-up' | 'pending-keyring-written' | 'rekeyed' | 'keyring-promoted';

/** Users whose slot predates sealing: rotation cannot re-seal theirs until they unlock once. */
export function usersToSignInBeforeRotation(keyring: Keyring): string[] {
  return keyring.slots.filter((slot) => slot.publicKey === undefined).map((slot) => slot.username);
}

/**
 * Rotates the data key of the open store, crash-safely:
 * 1. an automatic backup (under the old key) into the data folder's `backups/`;
 * 2. the new key sealed to every slot (and the recovery slot) in `keyring.next.json`, the journal
 *    of this rotation: while it exists, unlocking tries both keyrings (see unlock-store.ts);
 * 3. `PRAGMA rekey` (SQLite3 Multiple Ciphers re-encrypts every page in one transaction; it
 *    refuses WAL mode, so the journal switches to DELETE for the rekey and back);
 * 4. `keyring.next.json` renamed over `keyring.json`.
 * A crash before 3 commits leaves the old key in force; after, the new one. Either way the store opens.
 */
export async function rotateDataKey(
  paths: StorePaths,
  open: OpenSession,
  now: Date,
  afterStep: (step: RotationStep) => void = () => undefined,
): Promise<{ backupFile: string; rotatedAt: string }> {
  const keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
  const waiting = usersToSignInBeforeRotation(keyring);
  if (waiting.length > 0) {
    throw new AppError(
      'CONFLICT',
      `These users must unlock once before the key can be rotated: ${waiting.join(', ')}. Nothing was changed.`,
    );
  }
  await fs.mkdir(paths.backupsDir, { recursive: true, mode: 0o700 });
  const backup = await createBackup(
    paths,
    open,
    path.join(paths.backupsDir, `before-rotation-${defaultBackupName(now)}`),
    now,
    'before_rotation',
  );
  afterStep('backed-up');

  const newKey = newDataKey();
  try {
    const pending: Keyring = {
      ...keyring,
      slots: keyring.slots.map((slot) => sealDataKey(keyring.storeId, slot, newKey)),
      ...(keyring.recovery === undefined ? {} : { recovery: sealDataKey(keyring.storeId, keyring.recovery, newKey) }),
    };
    await writeKeyring(paths.pendingKeyring, pending);
    afterStep('pending-keyring-written');

    rekeyStore(open.store, newKey);
    // From here the store opens only with the new key: the session's copy must follow.
    newKey.copy(open.dataKey);
    afterStep('rekeyed');

    await fs.rename(paths.pendingKeyring, paths.keyring);
    afterStep('keyring-promoted');
  } finally {
    newKey.fill(0);
  }
  const rotatedAt = now.toISOString();
  await writeSecuritySetting(open.store.db, 'last_rotated_at', rotatedAt, open.user.userId, rotatedAt);
  return { backupFile: backup.file, rotatedAt };
}
