import { HttpError } from './http-error';
import type { Route } from './route';

/** The body of a healthy `GET /health`. */
export interface HealthBody {
  readonly status: 'ok';
  readonly schemaVersion: number;
  readonly serverVersion: string;
}

/**
 * `GET /health`: reads the schema version from the database, so "ok" means PostgreSQL answered,
 * not merely that the process is up. 503 DATABASE_UNAVAILABLE when it does not.
 */
export function healthRoute(version: string): Route {
  return {
    method: 'GET',
    pattern: '/health',
    async handle({ db }) {
      let schemaVersion: number;
      try {
        schemaVersion = (await db.selectFrom('server_meta').select('schema_version').executeTakeFirstOrThrow()).schema_version;
      } catch (error) {
        throw new HttpError(503, 'DATABASE_UNAVAILABLE', 'The partnership server cannot reach its database.', { cause: error });
      }
      const body: HealthBody = { status: 'ok', schemaVersion, serverVersion: version };
      return { status: 200, body };
    },
  };
}
