import { postgresErrorCode } from './server-database';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '../core/roles';
import type { ServerDatabase } from './server-schema';

/** Whose request it is: what the row-level security policies are given. */
export interface RequestScope {
  readonly partnershipId: string;
  /** The role the SERVER holds for the user. */
  readonly role: Role;
  readonly userId: string;
}

/**
 * The settings the policies read, as select-list items; `true`: local to the transaction. `whole`:
 * the work sees every record of the partnership, not only what the caller reads (migration 008).
 */
function settings(scope: RequestScope, whole = false) {
  return sql`set_config('app.partnership_id', ${scope.partnershipId}, true), set_config('app.role', ${scope.role}, true),
    set_config('app.user_id', ${scope.userId}, true), set_config('app.whole_partnership', ${whole ? 'on' : ''}, true)`;
}

/**
 * Sets `app.partnership_id`, `app.role` and `app.user_id` until the transaction ends, without
 * changing role. For the owning account's own work on a partnership's records (server init, the
 * server's export: `whole`, every record of the partnership), which the FORCEd policies on
 * `records` and `change_log` bind as they bind requests.
 */
export async function setRequestSettings(trx: Transaction<ServerDatabase>, scope: RequestScope, whole = false): Promise<void> {
  await sql`SELECT ${settings(scope, whole)}`.execute(trx);
}

/**
 * Runs a request's database work in one transaction as the request role (migration
 * 2026-12-06-003-row-level-security: no superuser, no BYPASSRLS, owns nothing) with the caller's
 * settings, so PostgreSQL shows it only its own partnership's rows of the tables its role may read,
 * whatever the query says. Everything is local to the transaction: the pooled connection goes back
 * as the owning account with the settings cleared, on commit or rollback alike.
 *
 * `set_config('role', ..., true)` is `SET LOCAL ROLE` with the name as a value, read from
 * `server_meta` in the same statement (one round trip). Should the name ever be missing, the
 * coalesce names a role that cannot exist, so the request fails rather than run as the owner
 * (`set_config('role', NULL)` would silently keep the current role).
 */
export async function inRequestScope<T>(
  db: Kysely<ServerDatabase>,
  scope: RequestScope,
  work: (trx: Transaction<ServerDatabase>) => Promise<T>,
  whole = false,
): Promise<T> {
  // PostgreSQL may end a transaction it chose as a deadlock victim (or a serialization failure):
  // nothing of it was kept, so it is run again, a few times, before the request fails.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        await sql`
          SELECT set_config('role', coalesce((SELECT request_role FROM server_meta WHERE id = 1), 'workwell: no request role'), true),
            ${settings(scope, whole)}`.execute(trx);
        return work(trx);
      });
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !RETRIED_CODES.has(postgresErrorCode(error))) throw error;
    }
  }
}

/** deadlock_detected and serialization_failure: the transaction was rolled back whole and may simply be run again. */
const RETRIED_CODES = new Set(['40P01', '40001']);
const TRANSACTION_ATTEMPTS = 3;

/**
 * inRequestScope for applying a push: still the request role and the caller's partnership only,
 * but every record of it, whatever the caller's role reads (migration 008). A push must judge and
 * write rows its maker does not receive (a compare-and-set, the store's unique and foreign-key
 * checks, an administrator's consent withdrawal taking the person off agendas). Nothing read here
 * may go back to the laptop: the rows a refusal sends back are read in inRequestScope.
 */
export async function inWholePartnershipScope<T>(
  db: Kysely<ServerDatabase>,
  scope: RequestScope,
  work: (trx: Transaction<ServerDatabase>) => Promise<T>,
): Promise<T> {
  return inRequestScope(db, scope, work, true);
}

/**
 * Runs `work` inside an inWholePartnershipScope transaction as the caller reads (the rows their
 * role and user receive, as inRequestScope shows them), then gives the transaction the whole
 * partnership back: for rows a refusal sends to the laptop in the middle of applying a push.
 */
export async function asCallerReads<T>(trx: Transaction<ServerDatabase>, work: () => Promise<T>): Promise<T> {
  await sql`SELECT set_config('app.whole_partnership', '', true)`.execute(trx);
  // Not in a `finally`: when `work` fails, the transaction fails with it, and its own error is the one to report.
  const result = await work();
  await sql`SELECT set_config('app.whole_partnership', 'on', true)`.execute(trx);
  return result;
}

/**
 * Runs an administrator's change to sign-in's own tables (adding a user with their public key and
 * keyring slot, which the request role may not touch, and a username unique across every
 * partnership on the server, which it cannot see) in one transaction as the owning account, with
 * the caller's settings: its writes to `records` and `change_log` are bound by the same policies
 * as a request's. The caller must already be checked as an administrator.
 */
export async function inAdministrationScope<T>(
  db: Kysely<ServerDatabase>,
  scope: RequestScope,
  work: (trx: Transaction<ServerDatabase>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await setRequestSettings(trx, scope);
    return work(trx);
  });
}
