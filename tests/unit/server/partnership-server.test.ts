import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_SCHEMA_VERSION } from '../../../server/migrations';
import { defaultRoutes, startPartnershipServer, type PartnershipServer } from '../../../server/partnership-server';
import { servePartnership } from '../../../server/serve-partnership';
import { createServerDatabase } from '../../../server/server-database';
import type { ServerDatabase } from '../../../server/server-schema';
import { httpCall } from '../../support/http-call';
import { freshServerDatabase, type FreshServerDatabase } from '../../support/postgres';
import { addPartnershipRoute, getPartnershipRoute } from '../../support/server-test-routes';

const TLS_FIXTURES = path.join(import.meta.dirname, '../../fixtures/tls');

const root = path.resolve(import.meta.dirname, '../../..');
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** A small limit, so the 413 tests send kilobytes rather than megabytes. */
const MAX_BODY_BYTES = 1024;

let database: FreshServerDatabase;
let db: Kysely<ServerDatabase>;
let server: PartnershipServer;
const log: string[] = [];

beforeAll(async () => {
  database = await freshServerDatabase();
  db = createServerDatabase(database.url);
  server = await startPartnershipServer({
    db,
    host: '127.0.0.1',
    port: 0,
    log: (line) => log.push(line),
    routes: [...defaultRoutes(), addPartnershipRoute, getPartnershipRoute],
    maxBodyBytes: MAX_BODY_BYTES,
  });
});

afterAll(async () => {
  await server?.close();
  await db?.destroy();
  await database?.drop();
});

const json = { 'Content-Type': 'application/json' };

describe('the partnership server over HTTP', () => {
  it('GET /health checks the database and names the schema and server versions', async () => {
    const answer = await httpCall(`${server.url}/health`);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ status: 'ok', schemaVersion: SERVER_SCHEMA_VERSION, serverVersion: PACKAGE_VERSION });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(log.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/health 200 \d+\.\dms$/);
  });

  it('answers unknown addresses with a typed 404, and a known one with the wrong method with 405', async () => {
    const missing = await httpCall(`${server.url}/nowhere?x=1`);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: { code: 'NOT_FOUND', message: 'There is nothing at that address on the partnership server.' } });
    // A bodyless request keeps its connection.
    expect(missing.headers.connection).toBe('keep-alive');

    const wrong = await httpCall(`${server.url}/health`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET');
    expect(wrong.json).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: 'That address takes GET only.' } });
  });

  it('reads a JSON body within the limit', async () => {
    const answer = await httpCall(`${server.url}/test/partnerships`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: 'p-1', name: 'WorkWell Frimley' }),
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ id: 'p-1' });
    expect((await httpCall(`${server.url}/test/partnerships/p-1`)).json).toEqual({ id: 'p-1', name: 'WorkWell Frimley' });
  });

  it('refuses a body over the limit with a typed 413, declared or streamed, and closes the connection', async () => {
    const tooLarge = {
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is larger than the 1,024 bytes this server accepts.' },
    };
    const declared = await httpCall(`${server.url}/test/partnerships`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: 'p-2', name: 'x'.repeat(2000) }),
    });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual(tooLarge);
    expect(declared.headers.connection).toBe('close');

    // Chunked, with no Content-Length: refused once the bytes read pass the limit.
    const streamed = await httpCall(`${server.url}/test/partnerships`, {
      method: 'POST',
      headers: json,
      body: ['{"id":"p-3","name":"', 'y'.repeat(800), 'y'.repeat(800), '"}'],
    });
    expect(streamed.status).toBe(413);
    expect(streamed.json).toEqual(tooLarge);
    expect(await db.selectFrom('partnerships').select('id').where('id', 'in', ['p-2', 'p-3']).execute()).toEqual([]);
  });

  it('answers malformed JSON, bytes that are not UTF-8 and other media types with typed errors', async () => {
    const malformed = await httpCall(`${server.url}/test/partnerships`, { method: 'POST', headers: json, body: '{"id": "p-4", "name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toEqual({ error: { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' } });

    const notUtf8 = await httpCall(`${server.url}/test/partnerships`, {
      method: 'POST',
      headers: json,
      body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    });
    expect(notUtf8.json).toMatchObject({ error: { code: 'MALFORMED_JSON' } });

    const empty = await httpCall(`${server.url}/test/partnerships`, { method: 'POST', headers: json, body: '' });
    expect(empty.json).toMatchObject({ error: { code: 'MALFORMED_JSON' } });

    const form = await httpCall(`${server.url}/test/partnerships`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'id=p-5',
    });
    expect(form.status).toBe(415);
    expect(form.json).toEqual({
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the request body as JSON (Content-Type: application/json).' },
    });
  });

  it('turns an unexpected failure into a typed 500 that quotes nothing, logging only the SQLSTATE', async () => {
    await httpCall(`${server.url}/test/partnerships`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: 'p-dup', name: 'first' }),
    });
    const duplicate = await httpCall(`${server.url}/test/partnerships`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ id: 'p-dup', name: 'second' }),
    });
    expect(duplicate.status).toBe(500);
    expect(duplicate.json).toEqual({
      error: { code: 'INTERNAL', message: 'The partnership server could not answer. If this keeps happening, tell its administrator.' },
    });
    expect(log.at(-1)).toMatch(/ POST \/test\/partnerships 500 [\d.]+ms error=23505$/);
  });
});

describe('the partnership server without its database', () => {
  it('GET /health answers 503 DATABASE_UNAVAILABLE when PostgreSQL does not answer', async () => {
    const lonely = await freshServerDatabase();
    const lonelyDb = createServerDatabase(lonely.url);
    const lines: string[] = [];
    const lonelyServer = await startPartnershipServer({ db: lonelyDb, host: '127.0.0.1', port: 0, log: (line) => lines.push(line) });
    try {
      expect((await httpCall(`${lonelyServer.url}/health`)).status).toBe(200);
      await lonely.drop();
      const answer = await httpCall(`${lonelyServer.url}/health`);
      expect(answer.status).toBe(503);
      expect(answer.json).toEqual({
        error: { code: 'DATABASE_UNAVAILABLE', message: 'The partnership server cannot reach its database.' },
      });
      expect(lines.at(-1)).toMatch(/ GET \/health 503 [\d.]+ms error=\w+$/);
    } finally {
      await lonelyServer.close();
      await lonelyDb.destroy();
    }
  });
});

describe('transport security', () => {
  it('refuses plain HTTP on an address other machines can reach, before touching the database', async () => {
    await expect(startPartnershipServer({ db, host: '0.0.0.0', port: 0 })).rejects.toMatchObject({
      code: 'PLAIN_HTTP_REFUSED',
      message:
        'Refusing to serve plain HTTP on 0.0.0.0: records would cross the network unencrypted. ' +
        'Give --tls-key and --tls-cert for HTTPS, or listen on 127.0.0.1 (for example behind a TLS proxy on this machine).',
    });
    // Nothing listens at port 1: were the database touched first, this would say DATABASE_UNREACHABLE.
    const nowhere = 'postgres://nobody@127.0.0.1:1/none';
    for (const listen of ['192.168.1.20:8443', '[::]:8443', 'workwell.example.nhs.uk:443']) {
      await expect(servePartnership({ databaseUrl: nowhere, listen })).rejects.toMatchObject({ code: 'PLAIN_HTTP_REFUSED' });
    }
    await expect(servePartnership({ databaseUrl: nowhere, listen: '0.0.0.0:8443', tlsKeyFile: 'key.pem' })).rejects.toMatchObject({
      code: 'TLS_INCOMPLETE',
    });
    await expect(servePartnership({ databaseUrl: nowhere, listen: '8443' })).rejects.toMatchObject({ code: 'BAD_LISTEN_ADDRESS' });
  });

  it('serves HTTPS with the key and certificate given', async () => {
    // A committed test-only certificate (tests/fixtures/tls/README.md): no openssl needed.
    const key = path.join(TLS_FIXTURES, 'loopback-test-key.pem');
    const cert = path.join(TLS_FIXTURES, 'loopback-test-cert.pem');
    const secure = await servePartnership({
      databaseUrl: database.url,
      listen: '127.0.0.1:0',
      tlsKeyFile: key,
      tlsCertFile: cert,
      log: () => undefined,
    });
    try {
      expect(secure.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const answer = await httpCall(`${secure.url}/health`, { ca: readFileSync(cert) });
      expect(answer.json).toMatchObject({ status: 'ok' });
      // Without trusting the certificate, the connection is refused: it really is TLS.
      await expect(httpCall(`${secure.url}/health`)).rejects.toThrow(/self-signed|certificate/i);
    } finally {
      await secure.stop();
    }
  });
});
