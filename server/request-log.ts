/** What one request's log line may say. Deliberately no path, query string, headers or body. */
export interface RequestLogEntry {
  readonly method: string;
  /** The matched route's pattern (`/partnerships/:id`), or UNMATCHED_ROUTE. */
  readonly route: string;
  readonly status: number;
  readonly durationMs: number;
  /** For failures: a SQLSTATE, Node error code or error class, from `postgresErrorCode`. */
  readonly errorCode?: string;
}

/** Shown instead of the path when no route matched (an unknown path may carry anything); one word, so the line splits on spaces. */
export const UNMATCHED_ROUTE = '(unmatched)';

const METHOD = /^[A-Z]{1,16}$/;

/**
 * The one log line per request: `2026-12-06T09:00:00.000Z GET /health 200 2.1ms`. Server logs are
 * not encrypted, so the line is built only from the route pattern and numbers, never from
 * anything the client sent except the (checked) method.
 */
export function requestLogLine(entry: RequestLogEntry, at: Date): string {
  const method = METHOD.test(entry.method) ? entry.method : 'OTHER';
  const error = entry.errorCode === undefined ? '' : ` error=${entry.errorCode}`;
  return `${at.toISOString()} ${method} ${entry.route} ${entry.status} ${entry.durationMs.toFixed(1)}ms${error}`;
}
