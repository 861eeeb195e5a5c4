import { closeSync, existsSync, openSync } from 'node:fs';

/**
 * Creates `file` empty, readable and writable by its owner only (0600), unless it exists. SQLite
 * creates a new database with 0644 less the umask, and gives its -wal, -shm and -journal files the
 * database's own permissions: creating the file first makes the store and all of its companions
 * owner-only whatever the umask (a umask only ever takes bits away from 0600).
 */
export function createOwnerOnlyFile(file: string): void {
  if (existsSync(file)) return;
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    // Made by someone else in between: theirs stands.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
