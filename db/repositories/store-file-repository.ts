import { rmSync } from 'node:fs';
import { fsyncFileSync } from '../durable-file';
import { createOwnerOnlyFile } from '../owner-only-file';
import { openEncryptedDatabase, type SqliteDatabase } from '../open-store';
import type { Store } from '../store';

/**
 * Writes a consistent copy of the open store to `file` with `VACUUM INTO`: still encrypted under
 * the data key, and the store stays open and usable while it is made. `file` must not exist yet.
 */
export function copyStoreInto(store: Pick<Store, 'sqlite'>, file: string): void {
  // VACUUM INTO accepts an empty file: made owner-only first, so the copy is too.
  createOwnerOnlyFile(file);
  // The path is bound as a parameter, so no quoting issue.
  store.sqlite.prepare('VACUUM INTO ?').run(file);
}

/**
 * Writes a copy of the open store to `file` encrypted under `newKey`, flushed to the disk; the
 * open store is not touched. `VACUUM INTO` writes under the store's own key (SQLite3 Multiple
 * Ciphers takes the main database's cipher for the target, and this build has no URI filenames
 * to give the target another), so the copy is then re-encrypted with `PRAGMA rekey`: on the copy,
 * which nobody else uses and which a crash simply leaves to be deleted.
 */
export function copyStoreUnderNewKey(store: Pick<Store, 'sqlite'>, file: string, currentKey: Buffer, newKey: Buffer): void {
  // Everything committed is in the main file, so the copy and the WAL left behind agree.
  store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  for (const leftover of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true });
  copyStoreInto(store, file);
  const copy = openEncryptedDatabase(file, currentKey, { create: false });
  try {
    rekeyDatabase(copy, newKey);
  } finally {
    copy.close();
  }
  fsyncFileSync(file);
}

/**
 * Closes the store's connection at once, synchronously (its `close()` awaits): for a rotation,
 * which must release the file it replaces without yielding to another call.
 */
export function closeStoreConnectionNow(store: Pick<Store, 'sqlite'>): void {
  store.sqlite.close();
}

/**
 * Re-encrypts every page of a connection's file under `newKey` (`PRAGMA rekey`); only ever a copy
 * (an interrupted rekey leaves a file that neither key opens). SQLite3 Multiple Ciphers refuses to
 * rekey in WAL mode, so the log is folded in and the journal switches to DELETE for the rekey.
 */
function rekeyDatabase(sqlite: SqliteDatabase, newKey: Buffer): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma(`rekey="x'${newKey.toString('hex')}'"`);
}

/** Whether the store file at `file` opens with the data key and passes SQLite's quick check. */
export function storeFilePassesQuickCheck(file: string, dataKey: Buffer): boolean {
  const database = openEncryptedDatabase(file, dataKey, { create: false });
  try {
    return database.pragma('quick_check', { simple: true }) === 'ok';
  } finally {
    database.close();
  }
}

/**
 * SQLite's own check of the open store: `quick` (every page's structure, at unlock) or `full`
 * (indexes against their tables too, before every backup). The problems found, none when sound;
 * a page that cannot be read or decrypted (its MAC fails) is a problem too, not an exception.
 */
export function storeProblems(store: Pick<Store, 'sqlite'>, depth: 'quick' | 'full'): string[] {
  return checkProblems(store.sqlite, depth === 'quick' ? 'quick_check' : 'integrity_check');
}

/** Runs a checking pragma; its rows other than "ok", or the error code when a page cannot even be read. */
function checkProblems(sqlite: SqliteDatabase, pragma: string): string[] {
  try {
    const rows = sqlite.pragma(pragma) as Array<Record<string, string>>;
    return rows.map((row) => Object.values(row)[0] ?? '').filter((text) => text !== 'ok');
  } catch (error) {
    return [String((error as { code?: unknown }).code ?? (error as Error).message)];
  }
}

/** The store's ordinary tables (virtual tables' own storage is in their shadow tables, listed here too), for a check in slices. */
export function checkableTableNames(store: Pick<Store, 'sqlite'>): string[] {
  const rows = store.sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .all() as Array<{ name: string }>;
  return rows.map((row) => row.name);
}

/**
 * SQLite's quick check of one table and its indexes (not the free list): one slice of a check
 * that yields between tables. The problems found, as storeProblems.
 */
export function tableProblems(store: Pick<Store, 'sqlite'>, table: string): string[] {
  // A pragma's argument cannot be bound; the name comes from sqlite_schema and is quoted.
  return checkProblems(store.sqlite, `quick_check("${table.replaceAll('"', '""')}")`);
}
