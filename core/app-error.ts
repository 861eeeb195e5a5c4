/**
 * Error codes every transport carries unchanged from the services layer to the UI. Each has a
 * human message; the UI never shows a raw SQLite or Node error.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'NOT_SIGNED_IN',
  'FORBIDDEN',
  'WRONG_PASSPHRASE',
  'ALREADY_SET_UP',
  'NOT_SET_UP',
  'STORE_NOT_FOUND',
  'NOT_A_STORE',
  'WRONG_KEY',
  'STORE_FROM_FUTURE',
  'KEYRING_INVALID',
  'KEYRING_WEAKENED',
  'DISK_FULL',
  'STORE_READ_ONLY',
  'STORE_BUSY',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
  'TOO_MANY_ATTEMPTS',
  'BACKUP_INVALID',
  'STORE_IN_USE',
  'STORE_DAMAGED',
  'STORE_IO',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The serialisable error shape of a failed call: `fields` maps a field path to its message. */
export interface AppErrorShape {
  readonly code: ErrorCode;
  readonly message: string;
  readonly fields?: Readonly<Record<string, string>>;
}

/** A typed, human error raised anywhere below the transports. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Readonly<Record<string, string>> | undefined;

  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }

  toShape(): AppErrorShape {
    return this.fields === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, fields: this.fields };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
