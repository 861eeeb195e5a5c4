/**
 * The error codes the partnership server answers with, in `{ error: { code, message } }`. Clients
 * (the laptops' sync, later) switch on the code; the message is for people.
 */
export type HttpErrorCode =
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'MALFORMED_JSON'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL'
  // The sync protocol's (issue 14):
  | 'VALIDATION'
  | 'NOT_SIGNED_IN'
  | 'SIGN_IN_FAILED'
  | 'REVOKED'
  | 'RATE_LIMITED'
  | 'FORMAT_UNSUPPORTED'
  // The administrator routes' (server/admin-routes.ts):
  | 'FORBIDDEN'
  | 'CONFLICT'
  // The audit trail on the server (server/audit-routes.ts):
  | 'AUDIT_DIVERGED'
  | 'AUDIT_OUT_OF_ORDER';

/** The JSON body of every error answer. */
export interface HttpErrorBody {
  readonly error: { readonly code: HttpErrorCode; readonly message: string };
}

/**
 * An answer other than success, thrown anywhere below the request handler and turned into JSON
 * by it. `cause` (the underlying failure) is only ever logged as a code, never sent or quoted.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: HttpErrorCode;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: HttpErrorCode, message: string, options: { cause?: unknown; headers?: Record<string, string> } = {}) {
    super(message, { cause: options.cause });
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.headers = options.headers ?? {};
  }

  /** The body sent to the client. */
  toBody(): HttpErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}
