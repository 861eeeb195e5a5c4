import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { createOwnerOnlyFile } from './owner-only-file';
import { AppError } from '../core/app-error';
import { londonDateOf } from '../core/clock';
import { DATA_KEY_BYTES } from './keyring';
import { toStoreError } from './store-errors';

export type SqliteDatabase = Database.Database;

/**
 * `london_date(timestamp)`: the calendar date in England of an ISO timestamp, for SQL that counts
 * by day or month (the MI return). `substr(ts, 1, 10)` would take the UTC date, so a plan agreed at
 * 00:30 BST on 1 July would count in June.
 */
export function registerLondonDate(database: SqliteDatabase): void {
  database.function('london_date', { deterministic: true }, (timestamp: unknown) => {
    if (typeof timestamp !== 'string') return null;
    const instant = new Date(timestamp);
    return Number.isNaN(instant.getTime()) ? null : londonDateOf(instant);
  });
}

/** SQLite's cache_size is in KiB when negative. */
const PAGE_CACHE_KIB = -262_144;

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

function startsWithPlainSqliteHeader(file: string): boolean {
  const descriptor = openSync(file, 'r');
  try {
    const header = Buffer.alloc(PLAIN_SQLITE_HEADER.length);
    const read = readSync(descriptor, header, 0, header.length, 0);
    return read === header.length && header.equals(PLAIN_SQLITE_HEADER);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Opens (or creates) the encrypted store with a raw 256-bit data key, in the SQLCipher 4 format
 * (`cipher='sqlcipher'`, `legacy=4`) so standard SQLCipher tools can read a copy. The key is raw,
 * so no second KDF runs on open: the passphrase KDF already ran when the keyring was unwrapped.
 */
export function openEncryptedDatabase(file: string, dataKey: Buffer, options: { create: boolean }): SqliteDatabase {
  if (dataKey.length !== DATA_KEY_BYTES) throw new AppError('INTERNAL', 'The data key has the wrong length.');
  const exists = existsSync(file);
  if (!exists && !options.create) {
    throw new AppError('STORE_NOT_FOUND', 'No store was found in the data folder. Restore it from a backup or set up again.');
  }
  if (exists && startsWithPlainSqliteHeader(file)) {
    throw new AppError('NOT_A_STORE', 'This file is an unencrypted database, not a WorkWell MDT store. It was not opened.');
  }
  let database: SqliteDatabase | undefined;
  try {
    if (!exists) createOwnerOnlyFile(file);
    database = new Database(file, { fileMustExist: !options.create });
    database.pragma("cipher='sqlcipher'");
    database.pragma('legacy=4');
    // The key is hex of random bytes, so it can never break out of the quoted literal.
    database.pragma(`key="x'${dataKey.toString('hex')}'"`);
    // Reading the schema is the first thing that touches an encrypted page: a wrong key fails here.
    database.prepare('SELECT count(*) FROM sqlite_master').get();
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.pragma('foreign_keys = ON');
    database.pragma('secure_delete = ON');
    database.pragma('temp_store = MEMORY');
    database.pragma('busy_timeout = 5000');
    // Up to 256 MiB of page cache (the build's default is 16 MB): every page read from disk is
    // decrypted, so keeping the indexes a session reads in memory matters more than for plain
    // SQLite. SQLite takes the pages as they are read, so a partnership's store uses only what it
    // reads. 64 MiB served the caseload at 250,000 people ("Caseload at scale"); the dashboard's
    // indexes at that size need more: 1.43 s a call with 64 MiB, 1.34 s with 128, 0.7 s with 256
    // (README, "Dashboard", measured on an idle machine).
    database.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
    registerLondonDate(database);
    return database;
  } catch (error) {
    database?.close();
    throw toStoreError(error, 'opening');
  }
}
