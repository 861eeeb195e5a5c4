import { sql, type Transaction } from 'kysely';
import { authenticate, type Caller } from './auth-session';
import { CHANGES_CHANNEL } from './change-waiters';
import { HttpError } from './http-error';
import type { RouteContext } from './route';
import type { ServerDatabase } from './server-schema';
import { writeChange } from './sync-apply';

/**
 * The caller of an administrator route: signed in, not revoked, and an administrator in the
 * SERVER's own `users` table. A laptop whose own store says "administrator" is not enough.
 */
export async function requireAdministrator(context: Pick<RouteContext, 'db' | 'headers'>): Promise<Caller> {
  const caller = await authenticate(context.db, context.headers);
  if (caller.role !== 'administrator')
    throw new HttpError(403, 'FORBIDDEN', 'Only an administrator of this partnership can do this on the partnership server.');
  return caller;
}

/** Wakes the partnership's waiting pulls (any server process) once the transaction commits. */
export async function notifyOnCommit(trx: Transaction<ServerDatabase>, partnershipId: string): Promise<void> {
  await sql`SELECT pg_notify(${CHANGES_CHANNEL}, ${partnershipId})`.execute(trx);
}

/**
 * Writes a user's row as every laptop will receive it (an administrator's change: no mutation id)
 * and wakes the partnership's waiting pulls once the transaction commits.
 */
export async function publishUserRow(
  trx: Transaction<ServerDatabase>,
  caller: Caller,
  key: string,
  row: Record<string, string | number | null>,
): Promise<void> {
  await writeChange(trx, { partnershipId: caller.partnershipId, deviceId: caller.deviceId, mutationId: null, table: 'users', key, row });
  await notifyOnCommit(trx, caller.partnershipId);
}
