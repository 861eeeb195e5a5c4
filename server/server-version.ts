import { readFileSync } from 'node:fs';

/**
 * The server's version: the app's, from package.json, so a server and the laptops released
 * together report the same number. Read from disk because the server runs from source (tsx).
 */
export function serverVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}
