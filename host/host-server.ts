import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import type { Result } from '../core/result';
import type { Dispatch } from '../services/dispatch-types';
import { readStaticFile } from './static-files';

export interface HostServerOptions {
  readonly dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  readonly rendererDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /**
   * How long the page's session lives without a call from it (the idle-lock period); after that
   * the secret is dead and the app must be started again. Default 15 minutes, never under 2.
   */
  readonly sessionIdleMs?: number;
  /** Milliseconds now, for the session's and the launch token's expiry (tests); the real clock by default. */
  readonly monotonicNow?: () => number;
}

export interface HostServer {
  /**
   * The one-time address that opens the app: it works once, within two minutes, and answers with
   * a redirect whose fragment gives the page its session secret. Never put it on a command line
   * (see `writeLaunchPage`).
   */
  readonly launchUrl: string;
  readonly origin: string;
  close(): Promise<void>;
}

/** The header every call carries the page's session secret in: never a cookie, which any local port would receive. */
export const SESSION_HEADER = 'x-workwell-session';
/** The launch token is good for this long after the host starts; it travels in no command line, and is single use. */
const LAUNCH_TOKEN_MS = 2 * 60 * 1000;
const MINIMUM_SESSION_IDLE_MS = 2 * 60 * 1000;
const DEFAULT_SESSION_IDLE_MS = 15 * 60 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;
const RPC_PREFIX = '/rpc/';

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function secretsMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extra });
  response.end(body);
}

function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped rather than the socket destroyed, so the
      // caller gets a typed 413 answer instead of a connection reset.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Serves the renderer and the contract on 127.0.0.1 only, for machines without the Electron
 * runtime and for end-to-end tests. The launch token is random, single use and short-lived; it is
 * swapped for a session secret given to the page in a redirect's fragment (never sent back to any
 * server), which the page keeps in memory (and its tab's sessionStorage, for a reload) and sends
 * as the `x-workwell-session` header on every call. No cookie: a cookie is not bound to a port, so
 * any other program serving a page on 127.0.0.1 would receive it. Every call must also come from
 * this exact origin and Host, so another local web page or a DNS-rebinding site cannot reach the
 * services, and a secret unused for the idle-lock period dies.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  const clock = options.monotonicNow ?? (() => performance.now());
  const startedAt = clock();
  let launchToken: string | undefined = randomBytes(32).toString('hex');
  const firstToken = launchToken;
  let sessionSecret: string | undefined;
  let lastCall = startedAt;
  const sessionIdleMs = Math.max(options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS, MINIMUM_SESSION_IDLE_MS);
  let origin = '';
  let host = '';

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendResult(response, 500, { ok: false, error: { code: 'INTERNAL', message: 'The host failed.' } });
      else response.end();
    });
  });

  /** True while the page's secret is alive; one unused for the idle period is forgotten for good. */
  function sessionAlive(given: string | undefined): boolean {
    if (sessionSecret === undefined) return false;
    if (clock() - lastCall > sessionIdleMs) {
      sessionSecret = undefined;
      return false;
    }
    if (!secretsMatch(sessionSecret, given)) return false;
    lastCall = clock();
    return true;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== host) {
      send(response, 421, 'text/plain; charset=utf-8', 'Wrong host.');
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    const token = url.searchParams.get('token') ?? undefined;
    if (token !== undefined) {
      const fresh = clock() - startedAt <= LAUNCH_TOKEN_MS;
      if (request.method !== 'GET' || launchToken === undefined || !fresh || !secretsMatch(launchToken, token)) {
        send(response, 403, 'text/plain; charset=utf-8', 'This address opens WorkWell MDT once. Start the app again to get a new one.');
        return;
      }
      launchToken = undefined;
      sessionSecret = randomBytes(32).toString('hex');
      lastCall = clock();
      // The fragment stays in the browser: the page reads it and removes it from the address.
      send(response, 303, 'text/plain; charset=utf-8', 'Opening WorkWell MDT…', { Location: `/#session=${sessionSecret}` });
      return;
    }
    if (url.pathname.startsWith(RPC_PREFIX)) {
      await handleRpc(request, response, url.pathname.slice(RPC_PREFIX.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
      return;
    }
    // The renderer's files hold nothing secret (the built app, the same for everyone): they are
    // served without the session, which a navigation could not carry in a header anyway.
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (file === undefined) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
      return;
    }
    send(response, 200, file.contentType, request.method === 'HEAD' ? '' : file.body);
  }

  async function handleRpc(request: IncomingMessage, response: ServerResponse, channel: string): Promise<void> {
    if (request.method !== 'POST') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
      return;
    }
    // Browsers always send Origin on POST; anything else is another site or a forged request.
    if (request.headers.origin !== origin) {
      sendResult(response, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Calls must come from the app itself.' } });
      return;
    }
    const given = request.headers[SESSION_HEADER];
    if (!sessionAlive(typeof given === 'string' ? given : undefined)) {
      sendResult(response, 403, {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'This window is no longer connected to WorkWell MDT. Start the app again.' },
      });
      return;
    }
    const body = await readBody(request);
    if (body === 'too-large') {
      sendResult(response, 413, { ok: false, error: { code: 'VALIDATION', message: 'That request is too large.' } });
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendResult(response, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request was not valid JSON.' } });
      return;
    }
    sendResult(response, 200, await options.dispatch(decodeURIComponent(channel), input));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;

  return {
    launchUrl: `${origin}/?token=${firstToken}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
