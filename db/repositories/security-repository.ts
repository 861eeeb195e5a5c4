import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Store } from '../store';

/** Keys of `security_settings`. */
export type SecuritySettingKey = 'idle_lock_seconds' | 'last_rotated_at';

/** Synchronous on purpose: the idle lock reads it from a timer, between calls. */
export function readSecuritySetting(store: Pick<Store, 'sqlite'>, key: SecuritySettingKey): string | undefined {
  const row = store.sqlite.prepare('SELECT value FROM security_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export async function writeSecuritySetting(
  db: Kysely<Database>,
  key: SecuritySettingKey,
  value: string,
  userId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('security_settings')
    .values({ key, value, updated_by: userId, updated_at: at })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_by: userId, updated_at: at }))
    .execute();
}

/** Why a backup was made: by a person, or by a data-key rotation into the data folder's `backups/` before and after it. */
export type BackupReason = 'manual' | 'before_rotation' | 'after_rotation';

export async function recordBackup(
  db: Kysely<Database>,
  entry: { madeAt: string; madeBy: string; fileName: string; bytes: number; reason: BackupReason },
): Promise<void> {
  await db
    .insertInto('backup_log')
    .values({
      id: randomUUID(),
      made_at: entry.madeAt,
      made_by: entry.madeBy,
      file_name: entry.fileName,
      bytes: entry.bytes,
      reason: entry.reason,
    })
    .execute();
}

export async function lastBackupAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('backup_log').select('made_at').orderBy('made_at', 'desc').limit(1).executeTakeFirst();
  return row?.made_at ?? null;
}

/** When a person last made a backup (the rotation's own backups in the data folder not counted), or null. */
export async function lastManualBackupAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('backup_log')
    .select('made_at')
    .where('reason', '=', 'manual')
    .orderBy('made_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.made_at ?? null;
}

/** The file name of the newest backup logged, or undefined (none, or the log cannot be read: a damaged store). */
export function newestBackupFileName(store: Pick<Store, 'sqlite'>): string | undefined {
  try {
    const row = store.sqlite.prepare('SELECT file_name FROM backup_log ORDER BY made_at DESC LIMIT 1').get() as
      { file_name: string } | undefined;
    return row?.file_name;
  } catch {
    return undefined;
  }
}
