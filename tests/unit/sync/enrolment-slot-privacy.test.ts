import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/app-error';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { enrolmentSlotResponseSchema, serverErrorBodySchema } from '../../../core/sync/sync-protocol';
import { parseKeyring } from '../../../db/keyring';
import { healthRoute } from '../../../server/health-route';
import { startPartnershipServer } from '../../../server/partnership-server';
import { syncRoutes } from '../../../server/sync-routes';
import { enrolLaptop } from '../../../services/sync/enrol';
import { httpCall } from '../../support/http-call';
import { demoOnServer } from '../../support/sync-partnership';
import { tempDir } from '../../support/temp-dir';
import { testClock } from '../../support/test-clock';

/** The shape of a JSON value: its keys and the types of its leaves, not their values. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .map(([key, item]) => [key, shape(item)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return typeof value;
}

/** GET from a chosen loopback source address (127.0.0.x), as another client would. */
function getFrom(url: string, localAddress: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(url, { localAddress }, (answer) => {
      answer.resume();
      answer.on('end', () => resolve(answer.statusCode ?? 0));
    });
    call.on('error', reject);
    call.end();
  });
}

describe('GET /enrol/slot', () => {
  it(
    'answers an unknown or revoked username like a known one (a decoy slot, the same every time) and never confirms who exists',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const slotOf = async (username: string) => {
        const answer = await httpCall(`${partnership.serverUrl}/enrol/slot?username=${encodeURIComponent(username)}`);
        return { status: answer.status, body: answer.json };
      };
      const known = await slotOf('demo.coach');
      const unknown = await slotOf('no.such.user');
      expect(known.status).toBe(200);
      expect(unknown.status).toBe(200);
      const knownSlot = enrolmentSlotResponseSchema.parse(known.body);
      const decoy = enrolmentSlotResponseSchema.parse(unknown.body);
      expect(shape(decoy)).toEqual(shape(knownSlot));
      expect(decoy.keyring).toEqual(knownSlot.keyring);
      // The laptop's own checks take the decoy as a slot.
      expect(() => parseKeyring({ format: 'workwell-mdt-keyring', version: 1, ...decoy.keyring, slots: [decoy.slot] })).not.toThrow();
      expect(decoy.slot).toMatchObject({ username: 'no.such.user' });
      // Asked again, the same decoy (a real slot does not change either); another name, another decoy.
      expect((await slotOf('no.such.user')).body).toEqual(unknown.body);
      expect(JSON.stringify((await slotOf('no.such.other')).body)).not.toEqual(JSON.stringify(unknown.body));

      // Enrolling as someone who does not exist fails exactly as a wrong passphrase does for someone who does.
      const failure = async (username: string, passphrase: string) =>
        enrolLaptop({ dataDir: tempDir(), serverUrl: partnership.serverUrl, username, passphrase, clock: testClock() }).then(
          () => undefined,
          (error: unknown) => (error instanceof AppError ? { code: error.code, message: error.message } : String(error)),
        );
      const wrongPassphrase = await failure('demo.coach', `${DEMO_PARTNERSHIP.passphrase}x`);
      expect(wrongPassphrase).toMatchObject({ code: 'WRONG_PASSPHRASE' });
      expect(await failure('no.such.user', DEMO_PARTNERSHIP.passphrase)).toEqual(wrongPassphrase);

      // A revoked user's slot is no longer handed out: a decoy of the same shape instead.
      await partnership.db
        .updateTable('users')
        .set({ revoked_at: new Date('2026-12-06T10:00:00Z') })
        .where('username', '=', 'demo.coach')
        .execute();
      const revoked = await slotOf('demo.coach');
      expect(revoked.status).toBe(200);
      expect(shape(revoked.body)).toEqual(shape(known.body));
      expect(revoked.body).not.toEqual(known.body);
    },
  );

  it('limits how often one address may ask, with a typed 429, while other addresses are still answered', { timeout: 120_000 }, async () => {
    const partnership = await demoOnServer();
    const server = await startPartnershipServer({
      db: partnership.db,
      host: '127.0.0.1',
      port: 0,
      log: () => undefined,
      routes: [healthRoute('test'), ...syncRoutes({ enrolment: { limit: { requests: 3, perMs: 60_000 } } })],
    });
    try {
      const url = `${server.url}/enrol/slot?username=demo.coach`;
      const statuses = [];
      for (let index = 0; index < 3; index += 1) statuses.push((await httpCall(url)).status);
      expect(statuses).toEqual([200, 200, 200]);
      // Unknown names count the same: guessing names is what the limit stops.
      const limited = await httpCall(`${server.url}/enrol/slot?username=guess.one`);
      expect(limited.status).toBe(429);
      expect(serverErrorBodySchema.parse(limited.json).error.code).toBe('RATE_LIMITED');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(await getFrom(url, '127.0.0.2')).toBe(200);
    } finally {
      await server.close();
    }
  });
});
