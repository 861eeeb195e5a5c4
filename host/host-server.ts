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
}

export interface HostServer {
  /** The one-time address that opens the app; it works once, then the session cookie takes over. */
  readonly launchUrl: string;
  readonly origin: string;
  close(): Promise<void>;
}

const SESSION_COOKIE = 'workwell_session';
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

function readCookie(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
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
 * runtime and for end-to-end tests. The launch token is random, single use, and swapped for an
 * HttpOnly SameSite=Strict cookie; every call must also come from this exact origin and Host, so
 * another local web page or a DNS-rebinding site cannot reach the services.
 */
export async function startHostServer(options: HostServerOptions): Promise<HostServer> {
  let launchToken: string | undefined = randomBytes(32).toString('hex');
  const firstToken = launchToken;
  const sessionSecret = randomBytes(32).toString('hex');
  let origin = '';
  let host = '';

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) sendResult(response, 500, { ok: false, error: { code: 'INTERNAL', message: 'The host failed.' } });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== host) {
      send(response, 421, 'text/plain; charset=utf-8', 'Wrong host.');
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    const token = url.searchParams.get('token') ?? undefined;
    if (request.method === 'GET' && launchToken !== undefined && secretsMatch(launchToken, token)) {
      launchToken = undefined;
      send(response, 303, 'text/plain; charset=utf-8', 'Opening WorkWell MDT…', {
        Location: '/',
        'Set-Cookie': `${SESSION_COOKIE}=${sessionSecret}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return;
    }
    if (!secretsMatch(sessionSecret, readCookie(request, SESSION_COOKIE))) {
      send(response, 403, 'text/plain; charset=utf-8', 'This address opens WorkWell MDT once. Start the app again to get a new one.');
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
