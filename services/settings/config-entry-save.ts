import type { Kysely } from 'kysely';
import { AppError } from '../../core/app-error';
import type { Database } from '../../db/schema';
import type { Store } from '../../db/store';
import { toStoreError } from '../../db/store-errors';
import { auditedTransaction } from '../call-audit-scope';

/**
 * The change and the call's audit entry in one transaction. `work` returns the call's output, read
 * inside the transaction, so the entry names the same ids it always did.
 */
export async function inTransaction<T>(store: Store, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  try {
    return await auditedTransaction(store, work);
  } catch (error) {
    throw toStoreError(error);
  }
}

export function invalid(field: string, message: string): AppError {
  return new AppError('VALIDATION', 'Some answers need correcting.', { [field]: message });
}

export function conflict(name: string): AppError {
  return new AppError(
    'CONFLICT',
    `Someone else saved a change to “${name}” after you opened it, so your changes were not saved. Cancel, open it again to see their change, then make yours.`,
  );
}

/**
 * The row an update names, if it is still at the version the caller edited: a missing row is
 * NOT_FOUND, a newer version is a CONFLICT (never a silent overwrite).
 */
export function editableRow<T extends { version: number }>(
  row: T | undefined,
  expectedVersion: number | undefined,
  what: string,
  name: (row: T) => string,
): T {
  if (row === undefined)
    throw new AppError('NOT_FOUND', `That ${what} could not be found. It may have been added in another window: reload the page.`);
  if (row.version !== expectedVersion) throw conflict(name(row));
  return row;
}

/** A row this call just saved, read back inside the transaction. */
export async function requireRow<T>(row: Promise<T | undefined>): Promise<T> {
  const found = await row;
  if (found === undefined) throw new Error('unreachable: a row saved in this call is missing');
  return found;
}
