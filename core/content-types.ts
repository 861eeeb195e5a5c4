/**
 * Content types for the files a Vite build of the renderer produces. Served with
 * `X-Content-Type-Options: nosniff`, so a wrong type here would stop a script or style loading;
 * anything unlisted is sent as an opaque download type that Chromium will not execute.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The type sent for an extension nobody listed: never rendered or run by the browser. */
export const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/** The Content-Type for a file extension such as '.js' (case-insensitive). */
export function contentTypeFor(extension: string): string {
  return CONTENT_TYPES[extension.toLowerCase()] ?? FALLBACK_CONTENT_TYPE;
}
