import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultRoutes, startPartnershipServer, type PartnershipServer } from '../../../server/partnership-server';
import { requestLogLine } from '../../../server/request-log';
import { testClock } from '../../support/test-clock';
import { createServerDatabase } from '../../../server/server-database';
import type { ServerDatabase } from '../../../server/server-schema';
import { httpCall } from '../../support/http-call';
import { goodFormFields, stampOf } from '../../support/public-referral-form';
import { freshServerDatabase, type FreshServerDatabase } from '../../support/postgres';
import { addPartnershipRoute, getPartnershipRoute } from '../../support/server-test-routes';

/** Exactly what a request line may look like: time, method, route pattern, status, duration, error code. */
const LOG_LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z [A-Z]+ (\/[a-z/:]*|\(unmatched\)) \d{3} \d+\.\dms( error=[0-9A-Za-z]+)?$/;

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
    maxBodyBytes: 4096,
    // The tests' clock, as the shared schemas' "not in the future" checks read it: with the system
    // clock the form's referral date (today, really) was "in the future" once the real date passed the tests' date.
    clock: testClock(),
  });
});

afterAll(async () => {
  await server?.close();
  await db?.destroy();
  await database?.drop();
});

describe('the request log', () => {
  it('never contains what a client sent: bodies, paths, query strings, headers, or errors quoting them', async () => {
    // Clinical-looking text, unique to this run, in every place a client can put it.
    const canary = `Canary${randomUUID().replaceAll('-', '')}`;
    const note = `Jane ${canary} disclosed low mood and a fall at work`;
    const json = { 'Content-Type': 'application/json', 'X-Note': canary };
    const answers = [
      await httpCall(`${server.url}/test/partnerships`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ id: canary, name: note }),
      }),
      // The same id again: PostgreSQL's error detail says "Key (id)=(Canary...) already exists".
      await httpCall(`${server.url}/test/partnerships`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ id: canary, name: note }),
      }),
      // Malformed: Node's JSON.parse message would quote this text.
      await httpCall(`${server.url}/test/partnerships`, { method: 'POST', headers: json, body: `{"name": "${note}", ` }),
      await httpCall(`${server.url}/test/partnerships`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ id: 'big', name: `${note} `.repeat(100) }),
      }),
      await httpCall(`${server.url}/test/partnerships`, { method: 'POST', headers: { ...json, 'Content-Type': 'text/plain' }, body: note }),
      await httpCall(`${server.url}/health?participant=${canary}`, { headers: { 'X-Note': canary } }),
      await httpCall(`${server.url}/participants/${canary}/notes?text=${encodeURIComponent(note)}`),
      await httpCall(`${server.url}/health/${canary}`, { method: 'POST', headers: json, body: JSON.stringify({ note }) }),
      await httpCall(`${server.url}/health`, { method: 'PUT', headers: json, body: JSON.stringify({ note }) }),
    ];
    const read = await httpCall(`${server.url}/test/partnerships/${canary}`);

    expect(answers.map((answer) => answer.status)).toEqual([201, 500, 400, 413, 415, 200, 404, 404, 405]);
    // The route really received the body (so the log had the chance to leak it) ...
    expect(read.json).toEqual({ id: canary, name: note });
    // ... yet no error answer quotes it back either.
    for (const answer of answers.slice(1)) expect(answer.text).not.toContain(canary);

    expect(log).toHaveLength(answers.length + 1);
    for (const line of log) {
      expect(line).toMatch(LOG_LINE);
      expect(line).not.toContain(canary);
      expect(line).not.toMatch(/Jane|mood|participant|notes/);
    }
    expect(log.map((line) => line.split(' ').slice(1, 4).join(' '))).toEqual([
      'POST /test/partnerships 201',
      'POST /test/partnerships 500',
      'POST /test/partnerships 400',
      'POST /test/partnerships 413',
      'POST /test/partnerships 415',
      'GET /health 200',
      'GET (unmatched) 404',
      'POST (unmatched) 404',
      'PUT /health 405',
      'GET /test/partnerships/:id 200',
    ]);
    expect(log[1]).toMatch(/ error=23505$/);
  });

  it('logs the public referral form by its route pattern only: never the partnership, a field typed or a token', async () => {
    const canary = `Canary${randomUUID().replaceAll('-', '')}`;
    const partnershipId = `p-${canary}`;
    await db
      .insertInto('partnerships')
      .values({ id: partnershipId, name: 'Log test partnership', store_id: null, keyring_meta: null })
      .execute();
    const url = `${server.url}/refer/${partnershipId}`;
    const from = log.length;
    const form = await httpCall(url);
    // Longer than the form's minimum fill time (3 s by default): a person, not a bot.
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const post = (fields: Record<string, string>) =>
      httpCall(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...fields, stamp: stampOf(form.text) }).toString(),
      });
    const answers = [
      form,
      await post(goodFormFields({ givenName: canary, reason: `Jane ${canary} disclosed low mood` })),
      await post(goodFormFields({ familyName: canary, consentToContact: '' })),
      await httpCall(`${server.url}/referrals/fhir`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/fhir+json', Authorization: `Bearer ${canary}` },
        body: JSON.stringify({ note: canary }),
      }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 303, 400, 401]);
    const lines = log.slice(from);
    for (const line of lines) {
      expect(line).toMatch(LOG_LINE);
      expect(line).not.toContain(canary);
      expect(line).not.toMatch(/Jane|mood/);
    }
    expect(lines.map((line) => line.split(' ').slice(1, 4).join(' '))).toEqual([
      'GET /refer/:partnership 200',
      'POST /refer/:partnership 303',
      'POST /refer/:partnership 400',
      'POST /referrals/fhir 401',
    ]);
  });

  it('does not trust the method or an error code to be safe to log', () => {
    const at = new Date('2026-12-06T09:00:00Z');
    expect(requestLogLine({ method: 'GET', route: '/health', status: 200, durationMs: 2.04 }, at)).toBe(
      '2026-12-06T09:00:00.000Z GET /health 200 2.0ms',
    );
    expect(requestLogLine({ method: 'Jane Smith', route: '/health', status: 405, durationMs: 1 }, at)).toBe(
      '2026-12-06T09:00:00.000Z OTHER /health 405 1.0ms',
    );
  });
});
