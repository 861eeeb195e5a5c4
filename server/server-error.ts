/** Why the partnership server could not start or keep going; each has a message an operator can act on. */
export type ServerErrorCode =
  | 'SCHEMA_FROM_FUTURE'
  | 'DATABASE_FAILED'
  | 'DATABASE_UNREACHABLE'
  | 'DATABASE_MISSING'
  | 'DATABASE_LOGIN_REFUSED'
  | 'BAD_LISTEN_ADDRESS'
  | 'LISTEN_FAILED'
  | 'PLAIN_HTTP_REFUSED'
  | 'TLS_INCOMPLETE'
  // the role requests run as (server/migrations/2026-12-06-003-row-level-security.ts):
  | 'REQUEST_ROLE_MISSING'
  | 'REQUEST_ROLE_UNSAFE'
  // server init (server/sync-init.ts):
  | 'INIT_REFUSED'
  // server export and server mi-return (server/partnership-rows.ts):
  | 'PARTNERSHIP_NOT_FOUND'
  // server referrer-token (server/referrer-tokens.ts):
  | 'REFERRER_TOKEN_NAME'
  | 'REFERRER_TOKEN_NOT_FOUND';

/**
 * A typed, human error from the partnership server's start-up. Kept apart from core's AppError,
 * whose codes are the laptop contract's and travel to the UI; these go to an operator's terminal.
 */
export class ServerError extends Error {
  readonly code: ServerErrorCode;

  constructor(code: ServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ServerError';
    this.code = code;
  }
}
