import { postgresErrorCode } from './server-database';
import { ServerError } from './server-error';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);

/**
 * Turns a failure to reach or use PostgreSQL into a ServerError an operator can act on. Only the
 * SQLSTATE or Node error code is quoted: a PostgreSQL message can contain the data that caused it.
 */
export function describeDatabaseError(error: unknown, whileDoing: string): ServerError {
  if (error instanceof ServerError) return error;
  const code = postgresErrorCode(error);
  // pg reports its own connect timeout without a code.
  const timedOut = code === 'Error' && error instanceof Error && /timeout/i.test(error.message);
  if (UNREACHABLE.has(code) || timedOut) {
    return new ServerError(
      'DATABASE_UNREACHABLE',
      `PostgreSQL did not answer (${timedOut ? 'timed out' : code}). Check that it is running and that the host and port in --database-url are right.`,
      { cause: error },
    );
  }
  if (code === '3D000') {
    return new ServerError(
      'DATABASE_MISSING',
      'That database does not exist on the PostgreSQL server. Create it first (see "Partnership server" in the README).',
      {
        cause: error,
      },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new ServerError(
      'DATABASE_LOGIN_REFUSED',
      `PostgreSQL refused the login (${code}). Check the user in --database-url and the password in PGPASSWORD.`,
      { cause: error },
    );
  }
  return new ServerError('DATABASE_FAILED', `${whileDoing} failed (PostgreSQL error ${code}).`, { cause: error });
}
