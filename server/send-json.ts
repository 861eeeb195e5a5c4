import type { ServerResponse } from 'node:http';

/** Sent with every answer: JSON only, never cached (answers may hold records), never sniffed. */
const HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

/** Writes `body` as the whole JSON answer. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...HEADERS, 'Content-Length': String(Buffer.byteLength(text)), ...headers });
  response.end(text);
}
