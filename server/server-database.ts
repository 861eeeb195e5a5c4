import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { ServerDatabase } from './server-schema';

export interface ServerDatabaseOptions {
  /** Connections kept open at most; the default suits one partnership (~50 users). */
  readonly maxConnections?: number;
  /**
   * Called when an idle pooled connection fails (PostgreSQL restarted, network dropped). Only the
   * error code is passed on: a PostgreSQL message can quote the row that caused it.
   */
  readonly onIdleError?: (code: string) => void;
}

/** Give up on reaching PostgreSQL after this long, so `/health` answers "unavailable" rather than hang. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A typed Kysely over a `pg` pool for `databaseUrl` (`postgres://user@host:5432/name`).
 * `destroy()` on the result ends the pool. The password, if any, should come from PGPASSWORD
 * (read by `pg`), not from the URL.
 */
export function createServerDatabase(databaseUrl: string, options: ServerDatabaseOptions = {}): Kysely<ServerDatabase> {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: 'workwell-mdt-server',
  });
  // Without a listener, an idle client's error (e.g. PostgreSQL restarting) would crash the process.
  pool.on('error', (error: Error & { code?: unknown }) => options.onIdleError?.(postgresErrorCode(error)));
  return new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
}

/** SQLSTATE codes are five letters or digits; anything else is reported by class only. */
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * A log-safe label for a database error: its SQLSTATE (`23505`) or Node error code (`ECONNREFUSED`)
 * when it has one, else "Error". Never the message, which can quote data.
 */
export function postgresErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (SQLSTATE.test(code) || /^E[A-Z]{2,20}$/.test(code))) return code;
  return 'Error';
}
