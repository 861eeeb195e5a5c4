import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a submitted stamp says about when its form was served. */
export type StampCheck = 'ok' | 'too-fast' | 'invalid';

/**
 * The time a form was served, signed by the server (HMAC-SHA256 under a key of this process), in a
 * hidden field. A person takes seconds to fill the form; a bot posting at once is caught without
 * costing the person anything (no puzzle). A stamp that fails the signature or is too old (the
 * server restarted, or it was forged) is not spam: the form comes back to be sent again.
 */
export class FormStamp {
  readonly #key: Buffer;

  constructor(
    readonly minFillMs: number,
    readonly maxAgeMs: number,
    key: Buffer = randomBytes(32),
  ) {
    this.#key = key;
  }

  /** The stamp for a form served at `now` (milliseconds since the epoch). */
  issue(now: number): string {
    const at = String(Math.floor(now));
    return `${at}.${this.#sign(at)}`;
  }

  /** Whether `stamp` is this server's, old enough and not too old, at `now`. */
  check(stamp: string, now: number): StampCheck {
    const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(stamp);
    if (match === null) return 'invalid';
    const [, at, signature] = match as unknown as [string, string, string];
    const expected = Buffer.from(this.#sign(at));
    if (!timingSafeEqual(expected, Buffer.from(signature))) return 'invalid';
    const age = now - Number(at);
    if (age < 0 || age > this.maxAgeMs) return 'invalid';
    return age < this.minFillMs ? 'too-fast' : 'ok';
  }

  #sign(at: string): string {
    return createHmac('sha256', this.#key).update(`workwell-referral-form:${at}`).digest('base64url');
  }
}
