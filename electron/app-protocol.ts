import { realpath, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy';
import { APP_ORIGIN_HOST, APP_SCHEME, APP_URL, isAppUrl } from './app-origin';
import { contentTypeFor } from '../core/content-types';

export { APP_ORIGIN_HOST, APP_URL };

/**
 * How `app:` is registered. `standard` gives it normal URL resolution and web storage, `secure`
 * makes it a secure context, `supportFetchAPI` lets the renderer fetch its own assets. It does
 * NOT get `bypassCSP`: the CSP the handler sends must bind every page.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * Register the scheme as privileged. Electron only accepts this before `ready`, once.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** The part of a request the handler reads; a WHATWG `Request` satisfies it. */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** Headers on every response, including errors, so no response is ever less protected. */
function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Assets are fingerprinted by Vite, but index.html is not; never cache what we can re-read.
    'Cache-Control': 'no-store',
  });
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * Turn a URL path into a path relative to the renderer directory, or null if it must be refused.
 * Chromium and the WHATWG parser already fold literal and `%2e%2e` dot segments, but an encoded
 * slash (`..%2f`) survives them and only becomes a traversal once decoded, so this checks the
 * decoded segments itself. Refusing any segment that starts with a dot also keeps dotfiles private.
 */
function safeRelativePath(urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  // Backslashes and colons would let a Windows path (`..\`, `C:`) through the segment check.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  return segments.join('/');
}

/** Whether `candidate` is `root` or lies beneath it. */
function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Build the `app:` request handler serving files from `rendererDir` only.
 * `/` and extension-less paths (client-side routes) get index.html; a missing file with an
 * extension is a 404, so a typo in an asset name fails loudly instead of returning HTML.
 */
export function createAppProtocolHandler(rendererDir: string): (request: AppRequest) => Promise<Response> {
  const root = path.resolve(rendererDir);

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method not allowed');
    }
    if (!isAppUrl(request.url)) return plainResponse(404, 'Not found');

    const relative = safeRelativePath(new URL(request.url).pathname);
    if (relative === null) return plainResponse(404, 'Not found');

    const wantsFile = path.posix.extname(relative) !== '';
    const filePath = path.join(root, wantsFile ? relative : 'index.html');
    if (!isInside(root, filePath)) return plainResponse(404, 'Not found');

    let body: Buffer;
    try {
      // Resolve symlinks too: a link inside the build pointing outside it must not be followed.
      const [realRoot, realFile] = await Promise.all([realpath(root), realpath(filePath)]);
      if (!isInside(realRoot, realFile)) return plainResponse(404, 'Not found');
      body = await readFile(realFile);
    } catch {
      // ENOENT, EISDIR and the like: nothing to serve. No logging: the path came from the page.
      return plainResponse(404, 'Not found');
    }

    const headers = securityHeaders(contentTypeFor(path.extname(filePath)));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/**
 * Serve the renderer build over `app://workwell/`. Uses `protocol.handle`, the current API (the
 * older `registerFileProtocol` family is deprecated), and builds the Response itself rather than
 * calling `net.fetch('file://…')`, so the handler can be tested without Electron.
 */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  const handler = createAppProtocolHandler(rendererDir);
  protocol.handle(APP_SCHEME, (request) => handler(request));
}
