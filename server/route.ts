import type { Kysely } from 'kysely';
import type { ChangeWaiters } from './change-waiters';
import type { ServerDatabase } from './server-schema';

/** What a route's handler gets. */
export interface RouteContext {
  readonly db: Kysely<ServerDatabase>;
  /** The `:name` segments of the pattern, decoded. */
  readonly params: Readonly<Record<string, string>>;
  /** The parsed JSON body for routes with `body: 'json'`; otherwise undefined. Unvalidated. */
  readonly body: unknown;
  /** The request's headers (lower-case names), e.g. `authorization` for the sync routes. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The query string's parameters. Never logged. */
  readonly query: URLSearchParams;
  /** Pulls waiting for the change log to grow (long poll); a push wakes them. */
  readonly changes?: ChangeWaiters;
  /** The client's IP address (for per-address limits). Never logged. */
  readonly remoteAddress?: string;
}

/** A handler's success answer, sent as JSON. Failures are thrown as HttpError. */
export interface RouteAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * One endpoint. The pattern (`/health`, `/partnerships/:id`) is also what the request log shows,
 * so identifiers in the path never reach the log.
 */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly pattern: string;
  /** 'json': the body is read (within the size limit) and parsed before the handler runs. */
  readonly body?: 'json';
  handle(context: RouteContext): Promise<RouteAnswer>;
}

/** The route for a request, the methods its path allows, or nothing. */
export type RouteMatch =
  | { readonly kind: 'route'; readonly route: Route; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'wrong-method'; readonly pattern: string; readonly allowed: readonly string[] }
  | { readonly kind: 'none' };

/** The params of `pathname` against `pattern`, or undefined when it does not match. */
function matchPattern(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const have = pathname.split('/');
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of want.entries()) {
    const given = have[index] ?? '';
    if (segment.startsWith(':')) {
      if (given === '') return undefined;
      try {
        params[segment.slice(1)] = decodeURIComponent(given);
      } catch {
        return undefined;
      }
    } else if (segment !== given) {
      return undefined;
    }
  }
  return params;
}

/** Finds the route for `method` and `pathname` (no query string). */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  let pattern: string | undefined;
  for (const route of routes) {
    const params = matchPattern(route.pattern, pathname);
    if (params === undefined) continue;
    if (route.method === method) return { kind: 'route', route, params };
    allowed.push(route.method);
    pattern ??= route.pattern;
  }
  return pattern === undefined ? { kind: 'none' } : { kind: 'wrong-method', pattern, allowed };
}
