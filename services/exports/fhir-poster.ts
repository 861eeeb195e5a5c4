import { createHash } from 'node:crypto';

/** How hard to try one POST: attempts in all, and the first wait (doubled each time). */
export interface RetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  /** Per attempt. */
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 500, timeoutMs: 30_000 };

export type PostOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Statuses worth trying again: the server is busy or briefly broken, not refusing the content. */
function isTransient(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  // Cancelled already (Cancel interrupted the POST): no wait, or the export would sit out the delay.
  if (signal?.aborted === true) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * POSTs transaction Bundles to a FHIR base URL with a bearer token, retrying network errors and
 * busy or failing servers with exponential backoff. Reasons name the HTTP status only: never the
 * token, and never the server's reply (which could echo the person's data).
 */
export class FhirPoster {
  private readonly hash = createHash('sha256');
  private bytesSent = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  /** Sends one bundle; resolves with whether the server accepted it (never throws). */
  async post(body: string, signal?: AbortSignal): Promise<PostOutcome> {
    let reason = 'not sent';
    for (let attempt = 1; attempt <= this.retry.attempts; attempt += 1) {
      if (signal?.aborted === true) return { ok: false, reason: 'Cancelled before it was sent' };
      try {
        const headers: Record<string, string> = { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' };
        if (this.token !== null) headers.authorization = `Bearer ${this.token}`;
        const timeout = AbortSignal.timeout(this.retry.timeoutMs);
        const response = await fetch(this.baseUrl, {
          method: 'POST',
          headers,
          body,
          signal: signal === undefined ? timeout : AbortSignal.any([timeout, signal]),
        });
        await response.arrayBuffer();
        if (response.ok) {
          this.hash.update(body);
          this.bytesSent += Buffer.byteLength(body);
          return { ok: true };
        }
        reason = `The server answered HTTP ${response.status}`;
        if (!isTransient(response.status)) return { ok: false, reason };
      } catch (error) {
        reason =
          error instanceof Error && error.name === 'TimeoutError' ? 'The server did not answer in time' : 'The server could not be reached';
      }
      if (attempt < this.retry.attempts) await wait(this.retry.firstDelayMs * 2 ** (attempt - 1), signal);
    }
    return { ok: false, reason: `${reason} (tried ${this.retry.attempts} times)` };
  }

  /** SHA-256 and size of every bundle the server accepted, for the export log. */
  digest(): { sha256: string; bytes: number } {
    return { sha256: this.hash.copy().digest('hex'), bytes: this.bytesSent };
  }
}
