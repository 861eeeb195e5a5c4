import { AppError } from '../core/app-error';

interface SqliteLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
}

/**
 * The messages a user sees when the disk or the store itself fails, whatever was being done. Each
 * says whether anything was saved and what to do; README "When something goes wrong" lists them.
 */
export const STORE_ERROR_MESSAGES = {
  DISK_FULL: 'The disk is full: nothing was saved. Free some space and try again.',
  STORE_BUSY:
    'The store is busy: another program is writing to it (a backup or sync tool, or a copy of the app). Nothing was saved. Wait a moment and try again.',
  STORE_DAMAGED: 'The store is damaged: nothing was saved. Restore it from your most recent backup.',
  STORE_IO:
    'The store could not be read or written (a disk or file error): nothing was saved. Check the disk and that the data folder is still there, then try again.',
  STORE_READ_ONLY: 'The store cannot be written. Check the folder permissions.',
} as const;

function codeOf(error: unknown): string {
  const code = (error as SqliteLikeError | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * The typed error for a failure of the disk or the store file (full, busy, damaged, I/O), or null
 * for anything else. Dispatch and the CLI use it on errors no service translated, so a full disk
 * is never reported as an internal error.
 */
export function toEnvironmentError(error: unknown): AppError | null {
  const code = codeOf(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('DISK_FULL', STORE_ERROR_MESSAGES.DISK_FULL);
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('STORE_READ_ONLY', STORE_ERROR_MESSAGES.STORE_READ_ONLY);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('STORE_BUSY', STORE_ERROR_MESSAGES.STORE_BUSY);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('STORE_DAMAGED', STORE_ERROR_MESSAGES.STORE_DAMAGED);
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return new AppError('STORE_IO', STORE_ERROR_MESSAGES.STORE_IO);
  return null;
}

/**
 * Turns a SQLite or file-system error into a typed, human AppError so the UI never shows a raw
 * `SQLITE_NOTADB`. Errors that are already AppErrors pass through unchanged. `opening`: the error
 * came from keying a store, where SQLITE_NOTADB means the key does not fit rather than damage.
 */
export function toStoreError(error: unknown, stage: 'opening' | 'using' = 'using'): AppError {
  if (error instanceof AppError) return error;
  const code = codeOf(error);
  if (code === 'SQLITE_NOTADB' && stage === 'opening') {
    return new AppError('WRONG_KEY', 'The data key does not open this store. It may belong to another partnership or be damaged.');
  }
  const environment = toEnvironmentError(error);
  if (environment !== null) return environment;
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && String((error as SqliteLikeError).message).includes('WORKWELL_LOCKED')) {
    return new AppError('CONFLICT', 'That record is signed and locked. Record an amendment instead. Nothing was changed.');
  }
  if (code === 'SQLITE_CONSTRAINT' || code.startsWith('SQLITE_CONSTRAINT_')) {
    return new AppError('CONFLICT', 'That would duplicate or break a link to an existing record. Nothing was saved.');
  }
  return new AppError('INTERNAL', 'Something went wrong inside the app. Nothing was saved.');
}
