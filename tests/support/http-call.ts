import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A whole answer: status, headers and the body as text (and parsed, when it is JSON). */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  readonly json: unknown;
}

export interface HttpCallOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  /** Sent as given; each string of an array is written separately (chunked, with no Content-Length). */
  readonly body?: string | Buffer | readonly (string | Buffer)[];
  /** PEM certificate to trust, for https:// URLs. */
  readonly ca?: string | Buffer;
}

/**
 * One raw HTTP(S) request with node:http, which (unlike fetch) can send a chunked body with no
 * Content-Length, a malformed one, and trust a test certificate.
 */
export function httpCall(url: string, options: HttpCallOptions = {}): Promise<HttpAnswer> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  const chunks = options.body === undefined ? [] : Array.isArray(options.body) ? options.body : [options.body as string | Buffer];
  const headers: Record<string, string> = { ...options.headers };
  if (typeof options.body === 'string' || Buffer.isBuffer(options.body))
    headers['Content-Length'] ??= String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const request = send(url, { method: options.method ?? 'GET', headers, ca: options.ca }, (response) => {
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    for (const chunk of chunks) request.write(chunk);
    request.end();
  });
}
