import path from 'node:path';

/** Where a partnership's files live inside its data directory. */
export interface StorePaths {
  readonly dataDir: string;
  readonly database: string;
  readonly keyring: string;
  /** The keyring for a new data key while a rotation is under way (see services/key-rotation.ts). */
  readonly pendingKeyring: string;
  /** Automatic backups (before a data-key rotation). */
  readonly backupsDir: string;
  /** The journal of a data-key rotation under way (services/security/rotation-journal.ts). */
  readonly rotationJournal: string;
  /** The store's copy under the new key while a rotation is under way, renamed over `database` to finish it. */
  readonly rotatingDatabase: string;
}

export const DATABASE_FILE_NAME = 'workwell.db';
export const KEYRING_FILE_NAME = 'keyring.json';
export const PENDING_KEYRING_FILE_NAME = 'keyring.next.json';
export const ROTATION_JOURNAL_FILE_NAME = 'rotation-journal.json';

export function storePaths(dataDir: string): StorePaths {
  const resolved = path.resolve(dataDir);
  return {
    dataDir: resolved,
    database: path.join(resolved, DATABASE_FILE_NAME),
    keyring: path.join(resolved, KEYRING_FILE_NAME),
    pendingKeyring: path.join(resolved, PENDING_KEYRING_FILE_NAME),
    backupsDir: path.join(resolved, 'backups'),
    rotationJournal: path.join(resolved, ROTATION_JOURNAL_FILE_NAME),
    rotatingDatabase: path.join(resolved, `${DATABASE_FILE_NAME}.rotating`),
  };
}
