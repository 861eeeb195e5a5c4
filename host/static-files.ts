import { promises as fs } from 'node:fs';
import path from 'node:path';
import { contentTypeFor } from '../core/content-types';

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * Resolves a URL path to a file inside `rootDir`, refusing anything that would escape it. Paths
 * without an extension fall back to index.html (the renderer routes on the client).
 */
export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const relative = decoded === '/' || path.extname(decoded) === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  try {
    const body = await fs.readFile(file);
    return { body, contentType: contentTypeFor(path.extname(file)) };
  } catch {
    return undefined;
  }
}
