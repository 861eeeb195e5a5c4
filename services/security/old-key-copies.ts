import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readSecuritySetting, writeSecuritySetting } from '../../db/repositories/security-repository';
import type { StorePaths } from '../../db/store-paths';
import type { OpenSession } from '../session-holder';
import { createBackup, defaultBackupName } from './backup-service';
import { oldKeyCopiesNoteFile as pendingFile } from './rotation-completed-note';

/**
 * Copies of the store under a key that is no longer in force: the backups a rotation keeps in
 * `backups/` and the stores a restore moved into `replaced-<time>/`. A rotation is done to lock out
 * someone who knew the old key (a revoked user); copies it still opens undo that. So once a rotation
 * is complete, the app makes a backup under the new key and deletes the rest (replaceOldKeyCopies),
 * and a restore's `replaced-*` is kept only REPLACED_KEPT_DAYS (long enough to notice a wrong restore).
 */

/** How long a restore's `replaced-<time>/` folder is kept before the next start deletes it. */
export const REPLACED_KEPT_DAYS = 7;

/** The prefix of the backup made under the new key once a rotation is complete. */
export const AFTER_ROTATION_PREFIX = 'after-rotation-';

/** The `replaced-<time>/` folders a restore left, with the time in their name (null when it cannot be read). */
function replacedFolders(paths: StorePaths): { name: string; madeAt: number | null }[] {
  let names: string[];
  try {
    names = readdirSync(paths.dataDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith('replaced-'))
    .map((name) => {
      // The restore names it from toISOString() with ':' and '.' made '-': 2026-12-06T12-00-00-000Z.
      const match = /^replaced-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(name);
      const madeAt = match === null ? NaN : Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
      return { name, madeAt: Number.isNaN(madeAt) ? null : madeAt };
    });
}

/**
 * Deletes a restore's `replaced-*` folders older than REPLACED_KEPT_DAYS (all of them when
 * `all`: retention and a completed rotation). A folder whose name carries no time is kept (it is
 * not one the app made). Runs at every start after an interrupted restore is finished. Returns the names deleted.
 */
export function removeReplacedFolders(paths: StorePaths, now: Date, all = false): string[] {
  const limit = now.getTime() - REPLACED_KEPT_DAYS * 24 * 60 * 60 * 1000;
  const removed: string[] = [];
  for (const folder of replacedFolders(paths)) {
    if (folder.madeAt === null || (!all && folder.madeAt > limit)) continue;
    rmSync(path.join(paths.dataDir, folder.name), { recursive: true, force: true });
    removed.push(folder.name);
  }
  return removed;
}

/**
 * Retention deletes a record from the store: the copies of the store the data folder keeps (a
 * restore's `replaced-*`, the rotation's backups in `backups/`) would still hold it, so they go too.
 * Returns how many were deleted. A person's own backups elsewhere are theirs to age out.
 */
export function removeStoreCopiesForRetention(paths: StorePaths, now: Date): number {
  let removed = removeReplacedFolders(paths, now, true).length;
  removed += removeFolderBackups(paths, null);
  return removed;
}

/** Deletes the backups in the data folder's `backups/` but `keep` (file name); returns how many. */
function removeFolderBackups(paths: StorePaths, keep: string | null): number {
  let names: string[];
  try {
    names = readdirSync(paths.backupsDir);
  } catch {
    return 0;
  }
  const doomed = names.filter((name) => name.endsWith('.wwbackup') && name !== keep);
  for (const name of doomed) rmSync(path.join(paths.backupsDir, name), { force: true });
  return doomed.length;
}

/**
 * When a rotation completed (noteRotationCompleted) and its old-key copies remain: makes a backup
 * under the key now in force into `backups/after-rotation-*.wwbackup`, then deletes every other
 * backup in `backups/` (all made under an earlier key) and every `replaced-*` folder, and records
 * the rotation time if the rotation could not. Runs at the end of the rotation and at every unlock,
 * so a crash or a full disk only delays it. Returns the new backup, or null when nothing was pending.
 */
export async function replaceOldKeyCopies(paths: StorePaths, open: OpenSession, now: Date): Promise<string | null> {
  if (!existsSync(pendingFile(paths))) return null;
  mkdirSync(paths.backupsDir, { recursive: true, mode: 0o700 });
  const made = await createBackup(
    paths,
    open,
    path.join(paths.backupsDir, `${AFTER_ROTATION_PREFIX}${defaultBackupName(now)}`),
    now,
    'after_rotation',
  );
  removeFolderBackups(paths, path.basename(made.file));
  removeReplacedFolders(paths, now, true);
  await recordRotationTime(paths, open);
  rmSync(pendingFile(paths), { force: true });
  return made.file;
}

/** A rotation finished at a start (after a crash) could not write its time into the store: the note carries it. */
async function recordRotationTime(paths: StorePaths, open: OpenSession): Promise<void> {
  let rotatedAt: unknown;
  try {
    rotatedAt = (JSON.parse(readFileSync(pendingFile(paths), 'utf8')) as { rotatedAt?: unknown }).rotatedAt;
  } catch {
    return;
  }
  if (typeof rotatedAt !== 'string') return;
  const recorded = readSecuritySetting(open.store, 'last_rotated_at');
  if (recorded !== undefined && recorded >= rotatedAt) return;
  await writeSecuritySetting(open.store.db, 'last_rotated_at', rotatedAt, open.user.userId, rotatedAt);
}
