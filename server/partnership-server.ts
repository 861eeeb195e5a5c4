import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { adminRoutes } from './admin-routes';
import { ChangeWaiters } from './change-waiters';
import { healthRoute } from './health-route';
import { syncRoutes } from './sync-routes';
import { HttpError } from './http-error';
import { checkTransport } from './listen-address';
import { DEFAULT_MAX_BODY_BYTES, readJsonBody } from './read-json-body';
import { requestLogLine, UNMATCHED_ROUTE } from './request-log';
import { isPublicReferralPath, PublicReferrals, type PublicReferralOptions } from './public-referral-router';
import { matchRoute, type Route } from './route';
import { sendJson } from './send-json';
import { postgresErrorCode } from './server-database';
import { ServerError } from './server-error';
import type { ServerDatabase } from './server-schema';
import { serverVersion } from './server-version';
import { systemClock, type Clock } from '../core/clock';

export interface PartnershipServerOptions {
  readonly db: Kysely<ServerDatabase>;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** PEM key and certificate: HTTPS. Without them the host must be a loopback address. */
  readonly tls?: { readonly key: string | Buffer; readonly cert: string | Buffer };
  /** Where the one line per request goes (default: stdout). */
  readonly log?: (line: string) => void;
  /** The endpoints (default: `defaultRoutes()`). */
  readonly routes?: readonly Route[];
  readonly maxBodyBytes?: number;
  readonly serverVersion?: string;
  /** "Now" for log lines and records (core/clock.ts); the system clock unless a test fixes it. */
  readonly clock?: Clock;
  /**
   * The database to LISTEN on for pushes made through any server process, so a waiting pull
   * (long poll) wakes at once. Without it only pushes through this process wake waiting pulls.
   */
  readonly listenDatabaseUrl?: string;
  /**
   * The public referral form and FHIR POST (server/public-referral-router.ts) with their limits;
   * `false`: not served (404 like any unknown address). Served by default.
   */
  readonly publicReferrals?: PublicReferralOptions | false;
}

export interface PartnershipServer {
  /** `https://host:port` (or `http://` on loopback), with the port actually bound. */
  readonly url: string;
  /** Stops accepting, lets requests in flight finish (at most `graceMs`), then closes every connection. */
  close(graceMs?: number): Promise<void>;
}

/** The server's endpoints. The sync protocol's routes join this list. */
export function defaultRoutes(version: string = serverVersion()): Route[] {
  return [healthRoute(version), ...syncRoutes(), ...adminRoutes()];
}

/** True when the client sent (or is sending) a body the server has not read to its end. */
function bodyLeftUnread(request: IncomingMessage): boolean {
  const declaresBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  return declaresBody && !request.complete;
}

/**
 * PostgreSQL's SQLSTATEs for text it cannot hold (a NUL character in a text parameter, 22021; a
 * \u0000 escape in JSONB, 22P05): the client's input, so a 400, not a server failure.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/** A request may not take longer than this, so a slow client cannot hold a connection open. */
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * Starts the partnership server's HTTP(S) endpoint over an already-migrated database. Every
 * answer is JSON; every failure is `{ error: { code, message } }`; each request logs one line
 * with its route pattern, status and duration, and nothing the client sent.
 */
export async function startPartnershipServer(options: PartnershipServerOptions): Promise<PartnershipServer> {
  checkTransport(options.host, options.tls);
  const routes = options.routes ?? defaultRoutes(options.serverVersion);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const log = options.log ?? ((line: string) => console.log(line));
  const clock = options.clock ?? systemClock;
  const changes = new ChangeWaiters();
  if (options.listenDatabaseUrl !== undefined)
    await changes.listen(options.listenDatabaseUrl, (code) =>
      log(`change notifications lost (${code}); waiting pulls fall back to their timeout`),
    );

  const publicReferrals =
    options.publicReferrals === false ? undefined : new PublicReferrals(options.db, clock, changes, options.publicReferrals ?? {});

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? '';
    let route = UNMATCHED_ROUTE;
    let errorCode: string | undefined;
    try {
      // Only the path is used; the base is a placeholder, the query string is ignored.
      const { pathname, searchParams } = new URL(request.url ?? '/', 'http://partnership-server.invalid');
      // The public endpoints have a router of their own: no route of the API below is reachable
      // through them, and they read no session and answer every failure themselves.
      if (publicReferrals !== undefined && isPublicReferralPath(pathname)) {
        ({ route, errorCode } = await publicReferrals.handle(request, response, pathname));
        return;
      }
      const match = matchRoute(routes, method, pathname);
      if (match.kind === 'none') throw new HttpError(404, 'NOT_FOUND', 'There is nothing at that address on the partnership server.');
      if (match.kind === 'wrong-method') {
        route = match.pattern;
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', `That address takes ${match.allowed.join(' or ')} only.`, {
          headers: { Allow: match.allowed.join(', ') },
        });
      }
      route = match.route.pattern;
      const body = match.route.body === 'json' ? await readJsonBody(request, maxBodyBytes) : undefined;
      const answer = await match.route.handle({
        db: options.db,
        params: match.params,
        body,
        headers: request.headers,
        query: searchParams,
        changes,
        remoteAddress: request.socket.remoteAddress,
      });
      sendJson(response, answer.status, answer.body);
    } catch (thrown) {
      const error =
        thrown instanceof HttpError
          ? thrown
          : UNSTORABLE_TEXT.has(postgresErrorCode(thrown))
            ? new HttpError(
                400,
                'VALIDATION',
                'The request held text the partnership server cannot store (a NUL character). Nothing more was changed.',
                { cause: thrown },
              )
            : new HttpError(500, 'INTERNAL', 'The partnership server could not answer. If this keeps happening, tell its administrator.', {
                cause: thrown,
              });
      if (error.cause !== undefined) errorCode = postgresErrorCode(error.cause);
      // A body left unread (refused, or sent where none is wanted) is not drained: the connection
      // closes after the answer instead, so a client cannot make the server read without limit.
      const close: Record<string, string> = bodyLeftUnread(request) ? { Connection: 'close' } : {};
      if (response.headersSent) response.destroy();
      else sendJson(response, error.status, error.toBody(), { ...error.headers, ...close });
    } finally {
      log(requestLogLine({ method, route, status: response.statusCode, durationMs: performance.now() - started, errorCode }, clock()));
    }
  }

  // handle() answers every failure itself; this only catches a log sink that threw.
  const listener = (request: IncomingMessage, response: ServerResponse) => void handle(request, response).catch(() => response.destroy());
  const server: Server =
    options.tls === undefined ? createHttpServer(listener) : createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, listener);
  server.requestTimeout = REQUEST_TIMEOUT_MS;

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error & { code?: string }) =>
      reject(
        new ServerError('LISTEN_FAILED', `Could not listen on ${options.host}:${options.port} (${error.code ?? error.message}).`, {
          cause: error,
        }),
      );
    server.once('error', failed);
    server.listen(options.port, options.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return {
    url: `${options.tls === undefined ? 'http' : 'https'}://${host}:${port}`,
    close: async (graceMs = 5_000) => {
      // Waiting pulls answer now (with nothing new), so they do not hold the close open.
      await changes.close();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Keep-alive connections with no request in flight would otherwise hold close() open.
        server.closeIdleConnections();
      });
    },
  };
}
