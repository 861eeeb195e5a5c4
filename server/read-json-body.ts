import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error';

/** Bodies larger than this are refused unless the server is given another limit. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Reads a request body of at most `maxBytes`. A declared Content-Length over the limit is refused
 * before anything is read; a body that grows past it is refused as soon as it does, so a client
 * cannot make the server hold more than the limit.
 */
export async function readBodyBytes(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new HttpError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than the ${maxBytes.toLocaleString('en-GB')} bytes this server accepts.`,
    );
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();

  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop reading but keep the socket: destroying the request would also destroy the
      // connection the 413 answer must go back on (the caller closes it after answering).
      request.off('data', onData);
      request.pause();
      reject(tooLarge());
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
    // The client went away mid-body ('close' after 'end' is harmless: the promise has settled).
    request.once('close', () => reject(new HttpError(400, 'MALFORMED_JSON', 'The request body ended before it was complete.')));
  });
}

/**
 * Reads and parses a JSON request body of at most `maxBytes` (readBodyBytes). The parser's own
 * message is never passed on: it quotes the body, which may be a clinical record.
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  if (!JSON_MEDIA_TYPE.test(request.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as JSON (Content-Type: application/json).');
  }
  const bytes = await readBodyBytes(request, maxBytes);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
  }
}
