import { describe, expect, it } from 'vitest';
import { createReferrerToken } from '../../../server/referrer-tokens';
import { PUBLIC_FORM_FIELDS } from '../../../server/public-referral-fields';
import { SeededRandom } from '../../../services/synthetic/seeded-random';
import { testClock } from '../../support/test-clock';
import { httpCall } from '../../support/http-call';
import { junk, POLLUTION_KEYS, setOwn } from '../../support/malformed-junk';
import { goodFormFields, stampOf } from '../../support/public-referral-form';
import { referralBundle, referralBundleEntries } from '../../support/referral-files';
import { serverDigest } from '../../support/server-digest';
import { demoOnServer } from '../../support/sync-partnership';

/**
 * The public endpoints under the same malformed-input fuzz as the host's API and the server's own
 * (tests/support/malformed-junk.ts, a fixed seed; 4,000 messages, PUBLIC_FUZZ_MESSAGES for more): POST /refer and POST /referrals/fhir with junk
 * fields, broken encodings, wrong media types, huge bodies, forged stamps and tokens, nearly-right
 * bundles; and every other method and path under the prefixes. Each is answered with a typed
 * error (an HTML page with a 4xx status for the form, `{ error: { code, message } }` for the FHIR
 * POST) or, for a form that trips the spam trap, the thank-you redirect; never a 5xx. Nothing the
 * server holds changes, and it still serves the form and /health after.
 */

const MESSAGES = Number(process.env.PUBLIC_FUZZ_MESSAGES ?? 4_000);
const FORM_KEYS = [...PUBLIC_FORM_FIELDS, 'stamp', 'website'];
const FHIR_KEYS = ['resourceType', 'entry', 'resource', 'fullUrl', 'subject', 'reference', 'extension', 'url', 'valueBoolean', 'name'];

/** A junk value as one form field's text. */
function fieldText(item: unknown): string {
  return typeof item === 'string' ? item : (JSON.stringify(item) ?? '');
}

/** A form body: the good answers with some replaced by junk, or junk alone, sometimes with a real stamp. */
function formBody(random: SeededRandom, stamp: string): string {
  const fields: Record<string, string> = random.next() < 0.5 ? goodFormFields({ consentToContact: '' }) : {};
  for (let i = random.integer(1, 6); i > 0; i -= 1) fields[random.pick(FORM_KEYS)] = fieldText(junk(random, FORM_KEYS));
  if (random.next() < 0.5) fields.stamp = stamp;
  // Never a form that would pass: consent is what the junk never gives.
  if (fields.consentToContact === 'yes') fields.consentToContact = 'no';
  return new URLSearchParams(fields).toString();
}

/** A bundle that is nearly right: a referral lacking consent (so never taken), with one part replaced by junk. */
function nearlyBundle(random: SeededRandom): unknown {
  const bundle = JSON.parse(referralBundle(referralBundleEntries(random.integer(1, 99), { extension: [] }))) as Record<string, unknown>;
  const entries = bundle.entry as Array<Record<string, unknown>>;
  const entry = random.pick(entries);
  const target = random.pick([bundle, entry, entry.resource as Record<string, unknown>]);
  setOwn(target, random.pick([...Object.keys(target), ...POLLUTION_KEYS]), junk(random, FHIR_KEYS));
  return bundle;
}

describe('the public referral endpoints under 4,000 malformed messages', () => {
  it(
    'answers each with a typed error (or the spam trap’s thank-you), changes nothing, and still serves',
    { timeout: 300_000 },
    async () => {
      const partnership = await demoOnServer({
        publicReferrals: { minFillMs: 0, rateLimit: { requests: 1_000_000, perMs: 60_000 }, maxFormBytes: 32 * 1024 },
      });
      const partnershipId = (await partnership.db.selectFrom('partnerships').select('id').executeTakeFirstOrThrow()).id;
      const { token } = await createReferrerToken(partnership.db, { partnershipId, name: 'Fuzz referrer', now: testClock()() });
      const stamp = stampOf((await httpCall(`${partnership.serverUrl}/refer`)).text);
      const before = await serverDigest(partnership.db);

      const random = new SeededRandom(20_001);
      const statuses = new Map<number, number>();
      const send = async (index: number) => {
        const roll = random.next();
        const fhir = roll < 0.45;
        const path = fhir
          ? '/referrals/fhir'
          : roll < 0.85
            ? '/refer'
            : random.pick([
                `/refer/${partnershipId}`,
                `/refer/${encodeURIComponent(fieldText(junk(random, FORM_KEYS)).slice(0, 200))}`,
                '/refer/sent',
                '/refer/assets/x.css',
                '/referrals/x',
                '/refer/a/b',
              ]);
        const method = random.next() < 0.85 ? 'POST' : random.pick(['GET', 'PUT', 'DELETE', 'PATCH']);
        const headers: Record<string, string> = {};
        let body: string | Buffer | undefined;
        if (fhir) {
          const tokenRoll = random.next();
          if (tokenRoll < 0.6) headers.authorization = `Bearer ${token}`;
          else if (tokenRoll < 0.85)
            headers.authorization = random.pick([
              'Bearer ',
              `Bearer ${token}x`,
              `bearer ${token}`,
              `Bearer ${'A'.repeat(5_000)}`,
              'Basic Zm9vOmJhcg==',
            ]);
          headers['content-type'] = random.next() < 0.9 ? random.pick(['application/fhir+json', 'application/json']) : 'text/plain';
          const shape = random.integer(0, 9);
          body =
            shape === 0
              ? random.pick([
                  '{',
                  '',
                  'null',
                  '[]',
                  '"x"',
                  '{"resourceType":"Bundle"}',
                  '{"resourceType":"Bundle","entry":{}}',
                  'A'.repeat(600_000),
                ])
              : shape <= 5
                ? JSON.stringify(nearlyBundle(random))
                : JSON.stringify(junk(random, FHIR_KEYS));
        } else {
          headers['content-type'] =
            random.next() < 0.9
              ? 'application/x-www-form-urlencoded'
              : random.pick(['application/json', 'multipart/form-data; boundary=x', '']);
          const shape = random.integer(0, 9);
          body =
            shape === 0
              ? random.pick<string | Buffer>([
                  '%',
                  '%zz=%',
                  '&&&==&',
                  Buffer.from([0xff, 0xfe, 0x3d, 0x00]),
                  'a=%00',
                  'A'.repeat(40_000),
                  '',
                ])
              : formBody(random, stamp);
        }
        const answer = await httpCall(`${partnership.serverUrl}${path}`, { method, headers, body: method === 'GET' ? undefined : body });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const jsonError = (answer.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
        const typed =
          (method === 'GET' && answer.status === 200) ||
          (answer.status === 303 && answer.headers.location === '/refer/sent') ||
          (answer.status >= 400 &&
            answer.status < 500 &&
            (path === '/referrals/fhir'
              ? typeof jsonError?.code === 'string' && typeof jsonError.message === 'string'
              : answer.headers['content-type'] === 'text/html; charset=utf-8'));
        if (!typed)
          throw new Error(
            `message ${index}: ${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 300)} (sent ${String(body).slice(0, 300)})`,
          );
      };
      for (let index = 0; index < MESSAGES; index += 8)
        await Promise.all(Array.from({ length: Math.min(8, MESSAGES - index) }, (_, offset) => send(index + offset)));

      expect(await serverDigest(partnership.db)).toEqual(before);
      expect((await httpCall(`${partnership.serverUrl}/refer`)).status).toBe(200);
      expect((await httpCall(`${partnership.serverUrl}/health`)).status).toBe(200);
      // The fuzz reached every kind of refusal, not one alone.
      for (const status of [400, 401, 405, 413, 415]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    },
  );
});
