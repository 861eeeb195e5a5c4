import { AppError } from '../core/app-error';

interface SqliteLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
}

/**
 * Turns a SQLite or file-system error into a typed, human AppError so the UI never shows a raw
 * `SQLITE_NOTADB`. Errors that are already AppErrors pass through unchanged.
 */
export function toStoreError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const code = typeof (error as SqliteLikeError)?.code === 'string' ? String((error as SqliteLikeError).code) : '';
  if (code === 'SQLITE_NOTADB') {
    return new AppError('WRONG_KEY', 'The data key does not open this store. It may belong to another partnership or be damaged.');
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('DISK_FULL', 'The disk is full. Nothing was saved. Free some space and try again.');
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('STORE_READ_ONLY', 'The store cannot be written. Check the folder permissions.');
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new AppError('STORE_BUSY', 'The store is busy in another window. Try again in a moment.');
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_')) {
    return new AppError('NOT_A_STORE', 'The store is damaged. Restore it from a backup.');
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && String((error as SqliteLikeError).message).includes('WORKWELL_LOCKED')) {
    return new AppError('CONFLICT', 'That record is signed and locked. Record an amendment instead. Nothing was changed.');
  }
  if (code === 'SQLITE_CONSTRAINT' || code.startsWith('SQLITE_CONSTRAINT_')) {
    return new AppError('CONFLICT', 'That would duplicate or break a link to an existing record. Nothing was saved.');
  }
  return new AppError('INTERNAL', 'Something went wrong inside the app. Nothing was saved.');
}
