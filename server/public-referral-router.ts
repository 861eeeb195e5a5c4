import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import { londonDateOf, type Clock } from '../core/clock';
import { AddressRateLimit } from './address-rate-limit';
import type { ChangeWaiters } from './change-waiters';
import { HttpError } from './http-error';
import { checkPublicForm, formValues, type PublicFormError, type PublicFormValues } from './public-referral-fields';
import { HONEYPOT_FIELD, problemPage, PUBLIC_FORM_STYLESHEET, referralFormPage, thankYouPage } from './public-referral-page';
import { FormStamp } from './public-form-stamp';
import { isStorableReferral, storeServerReferrals } from './public-referral-store';
import { readBodyBytes } from './read-json-body';
import { postgresErrorCode } from './server-database';
import { receiveReferralBundle } from './referral-fhir-route';
import type { ServerDatabase } from './server-schema';

/** The limits of the public endpoints (README, "The public referral form"); tests shorten them. */
export interface PublicReferralOptions {
  /** The largest form body (default 32 KiB: the form's fields at their longest fit in a quarter of it). */
  readonly maxFormBytes?: number;
  /** The largest FHIR bundle POSTed (default 512 KiB). */
  readonly maxBundleBytes?: number;
  /** Requests to the public endpoints per address (default 30 in each 10 minutes). */
  readonly rateLimit?: { readonly requests: number; readonly perMs: number };
  /** A form sent sooner than this after it was served is a bot's (default 3 s). */
  readonly minFillMs?: number;
  /** A form older than this is served afresh to be sent again (default 24 hours). */
  readonly maxFormAgeMs?: number;
}

/** The public endpoints' prefixes: nothing else of the server is reached from them, nor they from it. */
export function isPublicReferralPath(pathname: string): boolean {
  return pathname === '/refer' || pathname.startsWith('/refer/') || pathname === '/referrals/fhir' || pathname.startsWith('/referrals/');
}

/** The route patterns the request log shows for the public endpoints (never an id or a value). */
export type PublicRoute = '/refer' | '/refer/:partnership' | '/refer/sent' | '/refer/assets/:file' | '/referrals/fhir' | '(unmatched)';

/**
 * Strict: only this server's stylesheet; no script, image, font, frame or plugin; a form may post
 * only back here; no page may frame it.
 */
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; img-src 'none'; font-src 'none'",
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const FORM_MEDIA_TYPE = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const PARTNERSHIP_ID = /^[A-Za-z0-9-]{1,64}$/;
const SENT_PATH = '/refer/sent';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The NHS design system's stylesheet, read once from the checkout's node_modules. */
function stylesheet(): Buffer {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve('nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css'));
}

function send(response: ServerResponse, status: number, body: string | Buffer, headers: Readonly<Record<string, string>>): void {
  response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(body);
}

/**
 * The address a request is counted under: the client's, or (from a proxy on the same machine, such
 * as the TLS proxy in front of the server) the last address its X-Forwarded-For names.
 */
export function clientAddress(request: IncomingMessage): string {
  const direct = request.socket.remoteAddress ?? 'unknown';
  const forwarded = request.headers['x-forwarded-for'];
  if (!LOOPBACK.has(direct) || typeof forwarded !== 'string') return direct;
  const last = forwarded.split(',').at(-1)?.trim() ?? '';
  return /^[0-9A-Fa-f.:]{2,45}$/.test(last) ? last : direct;
}

/**
 * The public referral endpoints (issue 20): the referral form for the public and referrers
 * (`GET`/`POST /refer`, or `/refer/<partnershipId>` on a server of several partnerships) and the
 * FHIR POST for referrers' systems (`POST /referrals/fhir`, with a referrer token). A router of
 * their own: no session is read or issued, no other route is reachable through them, a
 * submission never reads anything back, every request counts against its address's limit, and a
 * body is read only up to its limit.
 */
export class PublicReferrals {
  readonly #limit: AddressRateLimit;
  readonly #stamp: FormStamp;
  readonly #maxFormBytes: number;
  readonly #maxBundleBytes: number;
  #css: Buffer | undefined;

  constructor(
    readonly db: Kysely<ServerDatabase>,
    readonly clock: Clock,
    readonly changes: ChangeWaiters | undefined,
    options: PublicReferralOptions = {},
  ) {
    const limit = options.rateLimit ?? { requests: 30, perMs: 10 * 60_000 };
    this.#limit = new AddressRateLimit(limit.requests, limit.perMs);
    this.#stamp = new FormStamp(options.minFillMs ?? 3_000, options.maxFormAgeMs ?? 24 * 3_600_000);
    this.#maxFormBytes = options.maxFormBytes ?? 32 * 1024;
    this.#maxBundleBytes = options.maxBundleBytes ?? 512 * 1024;
  }

  /**
   * Answers one request under the public prefixes, failures included; returns what the request log
   * may say: the route pattern and, for a failure of the server's own, its error code.
   */
  async handle(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<{ route: PublicRoute; errorCode?: string }> {
    const method = request.method ?? '';
    const route = routeOf(pathname);
    const fhir = route === '/referrals/fhir';
    try {
      if (route === '/refer/assets/:file') {
        if (pathname !== PUBLIC_FORM_STYLESHEET || method !== 'GET')
          throw new HttpError(404, 'NOT_FOUND', 'There is nothing at that address.');
        this.#css ??= stylesheet();
        send(response, 200, this.#css, {
          'Content-Type': 'text/css; charset=utf-8',
          'Cache-Control': 'public, max-age=86400',
          'X-Content-Type-Options': 'nosniff',
        });
        return { route };
      }
      const wait = this.#limit.take(clientAddress(request));
      if (wait > 0)
        throw new HttpError(429, 'RATE_LIMITED', 'Too many requests from your address. Wait a few minutes, then try again.', {
          headers: { 'Retry-After': String(Math.ceil(wait / 1000)) },
        });
      if (route === '(unmatched)') throw new HttpError(404, 'NOT_FOUND', 'There is nothing at that address.');
      const allowed = route === '/refer/sent' ? 'GET' : fhir ? 'POST' : 'GET, POST';
      if (!allowed.split(', ').includes(method))
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `That address takes ${allowed} only.`, { headers: { Allow: allowed } });
      if (fhir) {
        const answer = await receiveReferralBundle(request, {
          db: this.db,
          clock: this.clock,
          changes: this.changes,
          maxBytes: this.#maxBundleBytes,
        });
        sendJsonAnswer(response, answer.status, answer.body);
        return { route };
      }
      if (route === '/refer/sent') {
        send(response, 200, thankYouPage(), PAGE_HEADERS);
        return { route };
      }
      const partnership = await this.#partnership(route === '/refer' ? undefined : pathname.slice('/refer/'.length));
      if (method === 'GET') {
        send(response, 200, this.#form(pathname, partnership.name, emptyValues(), []), PAGE_HEADERS);
        return { route };
      }
      await this.#submit(request, response, pathname, partnership);
      return { route };
    } catch (thrown) {
      const error =
        thrown instanceof HttpError
          ? thrown
          : new HttpError(500, 'INTERNAL', 'The form could not be sent. Try again later.', { cause: thrown });
      if (response.headersSent) response.destroy();
      else if (fhir) sendJsonAnswer(response, error.status, error.toBody(), error.headers, request);
      else
        send(response, error.status, problemPage(headingOf(error.status), error.message), {
          ...PAGE_HEADERS,
          ...error.headers,
          ...closeIfUnread(request),
        });
      return error.status === 500 ? { route, errorCode: postgresErrorCode(thrown) } : { route };
    }
  }

  async #partnership(id: string | undefined): Promise<{ id: string; name: string }> {
    const unknown = () => new HttpError(404, 'NOT_FOUND', 'There is no referral form at this address. Check the address you were given.');
    if (id !== undefined && !PARTNERSHIP_ID.test(id)) throw unknown();
    let query = this.db.selectFrom('partnerships').select(['id', 'name']).orderBy('id').limit(2);
    if (id !== undefined) query = query.where('id', '=', id);
    const rows = await query.execute();
    // Without an id, only a server of one partnership knows whose form it is.
    if (rows.length !== 1) throw unknown();
    return rows[0]!;
  }

  #form(action: string, partnershipName: string, values: PublicFormValues, errors: readonly PublicFormError[]): string {
    return referralFormPage({ action, partnershipName, stamp: this.#stamp.issue(this.clock().getTime()), values, errors });
  }

  async #submit(request: IncomingMessage, response: ServerResponse, pathname: string, partnership: { id: string; name: string }) {
    if (!FORM_MEDIA_TYPE.test(request.headers['content-type'] ?? ''))
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the form from its page.');
    const bytes = await readBodyBytes(request, this.#maxFormBytes);
    let body: URLSearchParams;
    try {
      body = new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new HttpError(400, 'VALIDATION', 'The form could not be read. Go back to the form and send it again.');
    }
    const values = formValues(body);
    const now = this.clock();
    const stamp = this.#stamp.check(body.get('stamp') ?? '', now.getTime());
    // A bot: filled the field people are told to leave empty, or sent the form faster than a person
    // could. It is told what a person is told, and nothing is kept.
    if ((body.get(HONEYPOT_FIELD) ?? '') !== '' || stamp === 'too-fast') return sent(response);
    if (stamp === 'invalid') {
      const expired: PublicFormError = {
        field: 'form',
        message: 'The form was open too long or could not be checked. Check your answers and send it again.',
      };
      send(response, 400, this.#form(pathname, partnership.name, values, [expired]), PAGE_HEADERS);
      return;
    }
    const checked = checkPublicForm(values, londonDateOf(now));
    const errors: readonly PublicFormError[] =
      checked.kind === 'errors'
        ? checked.errors
        : isStorableReferral(checked.referral)
          ? []
          : [{ field: 'form', message: 'The form holds characters that cannot be kept. Remove them and send it again.' }];
    if (checked.kind === 'errors' || errors.length > 0) {
      send(response, 400, this.#form(pathname, partnership.name, values, errors), PAGE_HEADERS);
      return;
    }
    await storeServerReferrals(this.db, {
      partnershipId: partnership.id,
      source: 'public-form',
      referrals: [{ at: 0, referral: checked.referral }],
      receivedAt: now,
      channel: 'POST /refer',
      changes: this.changes,
    });
    sent(response);
  }
}

/** See other: the thank-you page, the same for every submission, so a refresh does not send it twice. */
function sent(response: ServerResponse): void {
  send(response, 303, '', { ...PAGE_HEADERS, Location: SENT_PATH });
}

function emptyValues(): PublicFormValues {
  return formValues(new URLSearchParams());
}

function routeOf(pathname: string): PublicRoute {
  if (pathname === '/refer') return '/refer';
  if (pathname === SENT_PATH) return '/refer/sent';
  if (pathname.startsWith('/refer/assets/')) return '/refer/assets/:file';
  if (/^\/refer\/[^/]+$/.test(pathname)) return '/refer/:partnership';
  if (pathname === '/referrals/fhir') return '/referrals/fhir';
  return '(unmatched)';
}

function headingOf(status: number): string {
  if (status === 404) return 'Page not found';
  if (status === 429) return 'Too many requests';
  if (status === 413) return 'The form is too large';
  if (status >= 500) return 'Sorry, there is a problem with the service';
  return 'The form could not be sent';
}

/** A body left unread is not drained: the connection closes after the answer (as the server's own routes do). */
function closeIfUnread(request: IncomingMessage): Record<string, string> {
  const declaresBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  return declaresBody && !request.complete ? { Connection: 'close' } : {};
}

function sendJsonAnswer(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  request?: IncomingMessage,
): void {
  const text = JSON.stringify(body);
  send(response, status, text, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
    ...(request === undefined ? {} : closeIfUnread(request)),
  });
}
