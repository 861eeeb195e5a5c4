import path from 'node:path';
import { promises as fs } from 'node:fs';
import { AppError } from '../../core/app-error';
import { renameDurablySync } from '../../db/durable-file';
import { newDataKey, readKeyring, sealDataKey, writeKeyring, writeKeyringSync, type Keyring } from '../../db/keyring';
import { writeSecuritySetting } from '../../db/repositories/security-repository';
import { closeStoreConnectionNow, copyStoreUnderNewKey } from '../../db/repositories/store-file-repository';
import { openMigratedStoreSync } from '../../db/store';
import type { StorePaths } from '../../db/store-paths';
import type { SessionHolder } from '../session-holder';
import { createBackup, defaultBackupName } from './backup-service';
import { replaceOldKeyCopies } from './old-key-copies';
import { noteRotationCompleted } from './rotation-completed-note';
import { finishInterruptedRotation, writeRotationJournal } from './rotation-journal';

/** The steps of a rotation, in order; tests fail one to check a failure there is rolled back or finished. */
export type RotationStep = 'backed-up' | 'journal-written' | 'pending-keyring-written' | 'copy-made' | 'swapped' | 'keyring-promoted';

/** Users whose slot predates sealing: rotation cannot re-seal theirs until they unlock once. */
export function usersToSignInBeforeRotation(keyring: Keyring): string[] {
  return keyring.slots.filter((slot) => slot.publicKey === undefined).map((slot) => slot.username);
}

/**
 * Rotates the data key of the open store, crash-safely. The live file is never re-encrypted in
 * place (a rekey killed midway leaves a file neither key opens):
 * 1. an automatic backup (under the old key) into the data folder's `backups/`;
 * 2. the journal (rotation-journal.ts), phase `copying`, flushed before anything else exists;
 * 3. the new key sealed to every slot (and the recovery slot) in `keyring.next.json`;
 * 4. in one synchronous step, so no other call writes meanwhile: a copy of the store under the
 *    new key (`VACUUM INTO`, then rekey of the copy), flushed; the journal moves to `swapping`;
 *    the old connection closes, the copy is renamed over the store and the session reopens it;
 * 5. the new keyring written as `keyring.json` and its copy; `keyring.next.json` removed, the
 *    rotation noted as completed (rotation-completed-note.ts), the journal removed;
 * 6. a backup under the new key made, and the copies under the old key deleted (old-key-copies.ts).
 * A crash before the journal says `swapping` rolls back to the old key at the next start; after,
 * the next start finishes the rotation (finishInterruptedRotation). Either way the store opens.
 */
export async function rotateDataKey(
  paths: StorePaths,
  session: SessionHolder,
  now: Date,
  afterStep: (step: RotationStep) => void = () => undefined,
): Promise<{ backupFile: string; rotatedAt: string }> {
  const open = session.require();
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
  const backupFile = path.basename(backup.file);
  const rotatedAt = now.toISOString();
  const newKey = newDataKey();
  let swapping = false;
  try {
    writeRotationJournal(paths, { format: 'workwell-mdt-rotation', phase: 'copying', backupFile, startedAt: rotatedAt });
    afterStep('journal-written');
    const pending: Keyring = {
      ...keyring,
      slots: keyring.slots.map((slot) => sealDataKey(keyring.storeId, slot, newKey)),
      ...(keyring.recovery === undefined ? {} : { recovery: sealDataKey(keyring.storeId, keyring.recovery, newKey) }),
    };
    await writeKeyring(paths.pendingKeyring, pending);
    afterStep('pending-keyring-written');

    // From here to the swap, no `await`: a write by another call in between would be lost with the old file.
    const current = session.require();
    copyStoreUnderNewKey(current.store, paths.rotatingDatabase, current.dataKey, newKey);
    afterStep('copy-made');
    writeRotationJournal(paths, { format: 'workwell-mdt-rotation', phase: 'swapping', backupFile, startedAt: rotatedAt });
    swapping = true;
    closeStoreConnectionNow(current.store);
    renameDurablySync(paths.rotatingDatabase, paths.database);
    // The store now opens only with the new key: the session's copy must follow.
    newKey.copy(current.dataKey);
    session.replaceStore(openMigratedStoreSync(paths.database, current.dataKey));
    void current.store.close();
    afterStep('swapped');

    // keyring.json and its copy take the new key; the pending file goes after, so a crash between
    // only repeats this at the next start.
    writeKeyringSync(paths.keyring, pending);
    await fs.rm(paths.pendingKeyring, { force: true });
    noteRotationCompleted(paths, rotatedAt);
    await fs.rm(paths.rotationJournal, { force: true });
    afterStep('keyring-promoted');
  } catch (error) {
    // A failure (a full disk, say) is finished like a crash: rolled back while the journal says
    // `copying`, carried on after. Past the swap the session's connection is gone, so it locks.
    finishInterruptedRotation(paths);
    if (swapping) await session.close();
    throw error;
  } finally {
    newKey.fill(0);
  }
  await writeSecuritySetting(session.require().store.db, 'last_rotated_at', rotatedAt, open.user.userId, rotatedAt);
  // The old key is no longer in force: the backup above (and any store a restore set aside) still
  // opens with it. A backup under the new key replaces them. Should that fail (a full disk), the
  // rotation stands and the next unlock tries again.
  const replacement = await replaceOldKeyCopies(paths, session.require(), now).catch(() => null);
  return { backupFile: replacement ?? backup.file, rotatedAt };
}
