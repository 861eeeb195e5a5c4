import { constants as fsConstants, existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/app-error';
import { readKeyring, type Keyring } from '../../db/keyring';
import { getPartnership } from '../../db/repositories/partnership-repository';
import {
  lastBackupAt,
  lastManualBackupAt,
  readSecuritySetting,
  recordBackup,
  type BackupReason,
} from '../../db/repositories/security-repository';
import type { StorePaths } from '../../db/store-paths';
import type { OpenSession } from '../session-holder';
import { oldKeyCopiesNoteFile } from './rotation-completed-note';
import { checkBackupFile, extractBackupStore, writeBackupFile } from './backup-file';
import { assertStoreSound, recordNewestBackup } from './store-damage';
import { incomingStoreFile, replaceStoreFiles, type RestoreStep } from './restore-journal';

/** A backup is due when none has been made for this long (or since the store was created). */
export const BACKUP_DUE_AFTER_DAYS = 7;

/** The file name used when the path given is a folder. */
export function defaultBackupName(madeAt: Date): string {
  return `workwell-backup-${madeAt.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.wwbackup`;
}

/**
 * Resolves where a backup goes: a folder gets a dated file name; a file must not exist yet (a
 * backup never overwrites anything). The path must be absolute (a relative one would land in
 * whatever folder the app happened to start in), must not be or end in a symbolic link (a link,
 * even a dangling one, would send the file somewhere the path does not say), and must not be the
 * data folder or anything under it (`insideOf`), however it is spelt: there a backup could take a
 * store file's name (`keyring.next.json`, `workwell.db-journal`) and be mistaken for it.
 */
export async function resolveBackupTarget(requested: string, madeAt: Date, insideOf: string | null): Promise<string> {
  if (!path.isAbsolute(requested))
    throw new AppError('VALIDATION', 'Give the full path of the backup.', {
      path: 'Enter the full path, for example /media/usb/backups or E:\\WorkWell backups',
    });
  const resolved = path.resolve(requested);
  const given = await fs.lstat(resolved).catch(() => undefined);
  if (given?.isSymbolicLink() === true) throw symbolicLink();
  const target = given?.isDirectory() === true ? path.join(resolved, defaultBackupName(madeAt)) : resolved;
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink() === true) throw symbolicLink();
  if (existing !== undefined)
    throw new AppError('VALIDATION', 'A file with that name already exists.', {
      path: 'Choose a new file name or a folder: a backup never overwrites a file',
    });
  const folder = await fs.stat(path.dirname(target)).catch(() => undefined);
  if (folder?.isDirectory() !== true)
    throw new AppError('VALIDATION', 'That folder does not exist.', { path: 'Choose a folder that exists' });
  if (insideOf !== null && (await isWithin(path.dirname(target), insideOf)))
    throw new AppError('VALIDATION', 'A backup cannot be saved in the data folder.', {
      path: 'Choose a folder outside the data folder, such as an encrypted drive',
    });
  try {
    await fs.access(path.dirname(target), fsConstants.W_OK);
  } catch {
    throw new AppError('VALIDATION', 'That folder cannot be written.', { path: 'Choose a folder you can write to' });
  }
  return target;
}

const symbolicLink = () =>
  new AppError('VALIDATION', 'That path is a symbolic link.', { path: 'Choose a real folder or a new file name, not a link' });

/** True when `folder` is `dataDir` or under it, once both are resolved through any links. */
async function isWithin(folder: string, dataDir: string): Promise<boolean> {
  const real = await fs.realpath(folder);
  const data = await fs.realpath(dataDir).catch(() => path.resolve(dataDir));
  const relative = path.relative(data, real);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Writes a backup of the open store and logs it (file name only) for the reminder. */
export async function createBackup(
  paths: StorePaths,
  open: OpenSession,
  requested: string,
  now: Date,
  reason: BackupReason = 'manual',
): Promise<{ file: string; bytes: number; madeAt: string }> {
  const keyring = await readKeyring(paths.keyring);
  if (keyring === undefined) throw new AppError('NOT_SET_UP', 'No partnership is set up in this data folder yet.');
  // The rotation's own backup goes in the data folder's backups/ on purpose; a person's, never.
  const file = await resolveBackupTarget(requested, now, reason === 'manual' ? paths.dataDir : null);
  assertStoreSound(paths, open.store, 'full', 'No backup was made: it would have copied the damage.');
  const madeAt = now.toISOString();
  const { bytes } = await writeBackupFile({ store: open.store, dataKey: open.dataKey, keyring, file, madeAt });
  await recordBackup(open.store.db, { madeAt, madeBy: open.user.userId, fileName: path.basename(file), bytes, reason });
  recordNewestBackup(paths, file, madeAt);
  return { file, bytes, madeAt };
}

/**
 * When the last backup was made, whether one is due (none in 7 days, counting from the store's
 * creation), and whether the newest backup a person made predates the last data-key rotation: that
 * backup still opens with the replaced key (and the passphrases of its time), so they need a new one;
 * and whether a completed rotation still waits for its backup under the new key (the copies under
 * the old key stay in the data folder until it is made: retried at every unlock).
 */
export async function backupStatus(
  paths: StorePaths,
  open: OpenSession,
  now: Date,
): Promise<{ lastBackupAt: string | null; due: boolean; madeBeforeRotation: boolean; oldKeyCopiesPending: boolean }> {
  const last = await lastBackupAt(open.store.db);
  const partnership = await getPartnership(open.store.db);
  const since = last ?? partnership?.created_at ?? null;
  const due = since === null || now.getTime() - Date.parse(since) > BACKUP_DUE_AFTER_DAYS * 24 * 60 * 60 * 1000;
  const lastManual = await lastManualBackupAt(open.store.db);
  const rotatedAt = readSecuritySetting(open.store, 'last_rotated_at');
  const madeBeforeRotation = lastManual !== null && rotatedAt !== undefined && lastManual < rotatedAt;
  // The rotation's note outlives a failed after-rotation backup (old-key-copies.ts): until it goes,
  // copies under the replaced key are still in the data folder and must be shown, not just retried.
  return { lastBackupAt: last, due, madeBeforeRotation, oldKeyCopiesPending: existsSync(oldKeyCopiesNoteFile(paths)) };
}

/**
 * A backup of another partnership (another store id) replaces this one's records only when the
 * person has typed that partnership's name: restoring the wrong file must never be one click.
 * An empty folder has no partnership to lose; an unreadable keyring might, so it asks too.
 */
async function assertSamePartnershipOrConfirmed(paths: StorePaths, incoming: Keyring, typed: string | undefined): Promise<void> {
  const here = await readKeyring(paths.keyring).catch(() => null);
  if (here === undefined || here?.storeId === incoming.storeId) return;
  if (typed !== undefined && typed.trim().toLowerCase() === incoming.partnershipName.trim().toLowerCase()) return;
  const current = here === null ? 'the partnership in this data folder' : here.partnershipName;
  throw new AppError(
    'VALIDATION',
    `This backup is of another partnership, ${incoming.partnershipName}, not ${current}. Nothing was restored.`,
    {
      confirmPartnership: `Type the backup's partnership name, ${incoming.partnershipName}, to replace ${current} with it`,
    },
  );
}

/**
 * Restores a backup into a data folder, with the store CLOSED (the caller locks first). The
 * backup is checked completely (passphrase, MAC, schema, the store opens and passes a quick check)
 * before anything in the folder changes; the store and keyring it replaces are moved, not
 * deleted, into `replaced-<time>/` beside them, journaled so a crash midway is finished at the next start.
 */
export async function restoreBackup(
  paths: StorePaths,
  file: string,
  username: string,
  passphrase: string,
  now: Date,
  /** Runs once the backup is fully checked, before any file is replaced (the app locks here). */
  beforeReplace: () => Promise<void> = async () => undefined,
  /** Told after each journaled file move (restore-journal.ts); the crash test kills the process there. */
  afterStep?: (step: RestoreStep) => void,
  /** The backup's partnership name as the person typed it: needed only when it is not this folder's partnership. */
  confirmPartnership?: string,
): Promise<{ replacedInto: string | null }> {
  const backup = await checkBackupFile(path.resolve(file), username, passphrase);
  try {
    await assertSamePartnershipOrConfirmed(paths, backup.keyring, confirmPartnership);
  } catch (error) {
    backup.dataKey.fill(0);
    throw error;
  }
  await fs.mkdir(paths.dataDir, { recursive: true, mode: 0o700 });
  const incoming = incomingStoreFile(paths);
  await fs.rm(incoming, { force: true });
  try {
    await extractBackupStore(backup, incoming);
  } catch (error) {
    await fs.rm(incoming, { force: true });
    throw error;
  } finally {
    backup.dataKey.fill(0);
  }
  try {
    await beforeReplace();
  } catch (error) {
    await fs.rm(incoming, { force: true });
    throw error;
  }
  const replacedInto = replaceStoreFiles(paths, backup.keyring, `replaced-${now.toISOString().replace(/[:.]/g, '-')}`, afterStep);
  return { replacedInto };
}
