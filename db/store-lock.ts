import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../core/app-error';
import { createOwnerOnlyFile } from './owner-only-file';
import { SERVICE_TIME_ZONE } from '../core/clock';

/**
 * One process per data folder. Node has no flock, so the lock is SQLite's: a small database
 * beside the store, opened with `locking_mode = EXCLUSIVE` and a `BEGIN EXCLUSIVE` transaction
 * kept open. SQLite holds that with an OS-level lock (POSIX fcntl / Windows LockFileEx), which the
 * OS releases when the process ends, however it ends: a crash or SIGKILL never leaves it held.
 *
 * Who holds it is written to a sidecar JSON, only so a refusal can name the holder; the sidecar
 * never decides anything (a stale one after a crash is simply overwritten by the next holder).
 */
export const LOCK_DATABASE_FILE_NAME = 'store.lock';
export const LOCK_HOLDER_FILE_NAME = 'store.lock.json';

export interface StoreLockHolder {
  /** "app", "host" or "cli <command>". */
  readonly program: string;
  readonly pid: number;
  /** ISO instant from the holder's injected clock. */
  readonly since: string;
}

export interface StoreLock {
  readonly holder: StoreLockHolder;
  /** Releases the lock. Safe to call more than once. */
  release(): void;
}

const timeOfDay = new Intl.DateTimeFormat('en-GB', { timeZone: SERVICE_TIME_ZONE, hour: '2-digit', minute: '2-digit' });

function readHolder(file: string): StoreLockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<StoreLockHolder>;
    if (typeof parsed.program !== 'string' || typeof parsed.pid !== 'number' || typeof parsed.since !== 'string') return null;
    return { program: parsed.program, pid: parsed.pid, since: parsed.since };
  } catch {
    return null;
  }
}

/** The human message for a refused opener, naming the holder when the sidecar says who. */
export function storeInUseMessage(holder: StoreLockHolder | null): string {
  let who = '';
  if (holder !== null) {
    const since = new Date(holder.since);
    const at = Number.isNaN(since.getTime()) ? '' : `, since ${timeOfDay.format(since)}`;
    who = ` (${holder.program}, pid ${holder.pid}${at})`;
  }
  return `This data folder is open in another WorkWell MDT window or command${who}. Close it first.`;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED');
}

/**
 * Takes the exclusive lock on `dataDir` (creating the folder if needed) or throws
 * AppError('STORE_IN_USE') naming the holder. Never waits: a second opener is refused at once.
 */
export function acquireStoreLock(dataDir: string, program: string, now: Date): StoreLock {
  const folder = path.resolve(dataDir);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const lockFile = path.join(folder, LOCK_DATABASE_FILE_NAME);
  const holderFile = path.join(folder, LOCK_HOLDER_FILE_NAME);
  let db: Database.Database | null = null;
  try {
    createOwnerOnlyFile(lockFile);
    db = new Database(lockFile, { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    // A write inside the transaction makes SQLite take (and keep) the exclusive file lock.
    db.exec('CREATE TABLE IF NOT EXISTS held (at TEXT)');
  } catch (error) {
    db?.close();
    if (isBusy(error)) throw new AppError('STORE_IN_USE', storeInUseMessage(readHolder(holderFile)));
    throw error;
  }
  const holder: StoreLockHolder = { program, pid: process.pid, since: now.toISOString() };
  try {
    writeFileSync(holderFile, `${JSON.stringify(holder)}\n`, { mode: 0o600 });
  } catch {
    // The sidecar only names the holder in a refusal; the lock itself is held either way.
  }
  const held = db;
  let released = false;
  return {
    holder,
    release() {
      if (released) return;
      released = true;
      const current = readHolder(holderFile);
      if (current?.pid === process.pid && current.since === holder.since) rmSync(holderFile, { force: true });
      try {
        held.exec('ROLLBACK');
      } finally {
        held.close();
      }
    },
  };
}
