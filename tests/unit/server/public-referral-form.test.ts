import { describe, expect, it } from 'vitest';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { value } from '../../support/demo-with-person';
import { httpCall } from '../../support/http-call';
import { fillAndSend, goodFormFields, openForm, sendForm, stampOf } from '../../support/public-referral-form';
import { serverDigest } from '../../support/server-digest';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';

/** Short limits, so a test can be a fast bot, a patient person, and meet the rate limit. */
const LIMITS = { minFillMs: 300, rateLimit: { requests: 6, perMs: 60_000 }, maxFormBytes: 8 * 1024 };
const PERSON_WAIT_MS = 400;

describe('the public referral form on the partnership server (issue 20)', () => {
  it(
    'a referral sent through the form lands in a coach’s inbox after their laptop syncs, and can be accepted',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer({ publicReferrals: LIMITS });
      const url = `${partnership.serverUrl}/refer`;

      const form = await openForm(url, '198.51.100.1');
      expect(form.status).toBe(200);
      expect(form.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(form.headers['content-security-policy']).toContain("default-src 'none'");
      expect(form.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(form.headers['set-cookie']).toBeUndefined();
      expect(form.text).toContain('Refer someone to WorkWell');
      expect(form.text).not.toMatch(/<script/i);
      const css = await httpCall(`${partnership.serverUrl}/refer/assets/nhsuk-frontend.min.css`);
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');

      const sent = await fillAndSend(url, goodFormFields(), '198.51.100.1', PERSON_WAIT_MS);
      expect(sent.status).toBe(303);
      expect(sent.headers.location).toBe('/refer/sent');
      expect(sent.headers['set-cookie']).toBeUndefined();
      const thanks = await httpCall(`${partnership.serverUrl}/refer/sent`);
      expect(thanks.status).toBe(200);
      expect(thanks.text).toContain('Referral sent');
      // Nothing read back: not the name, not an id.
      expect(thanks.text).not.toContain('Formperson');
      expect(thanks.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

      const held = await partnership.db.selectFrom('records').select(['key', 'row']).where('table_name', '=', 'referral_inbox').execute();
      expect(held).toHaveLength(1);
      expect(held[0]?.row).toMatchObject({ source: 'public-form', recorded_by: 'partnership-server', status: 'waiting', route: 'gp' });
      const logged = await partnership.db
        .selectFrom('change_log')
        .select('table_name')
        .where('table_name', '=', 'referral_inbox')
        .execute();
      expect(logged).toHaveLength(1);

      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const coach = await laptopApp(partnership.laptopA, 'demo.coach');
      const [entry] = value<{ referrals: InboxEntry[] }>(await coach.dispatch('referrals.list', {})).referrals;
      expect(entry).toMatchObject({
        source: 'public-form',
        route: 'gp',
        givenName: 'Robin',
        familyName: 'Formperson',
        dateOfBirth: '1980-05-17',
        referrerOrganisation: 'Example Street Surgery',
        consentToContact: true,
        status: 'waiting',
      });
      // The store takes it as its own: accepting registers the person, and the decision syncs.
      value(await coach.dispatch('referrals.accept', { id: entry?.id, version: entry?.version }));
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
    },
  );

  it(
    'refuses what it must and stores nothing: field errors, the spam trap, too fast, too large, too many, unknown partnerships',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer({ publicReferrals: LIMITS });
      const url = `${partnership.serverUrl}/refer`;
      const before = await serverDigest(partnership.db);

      // Mistakes: each field's message, linked from the summary, and every answer as it was typed (escaped).
      const wrong = await fillAndSend(
        url,
        goodFormFields({
          givenName: '',
          familyName: '<b>Formperson</b>',
          dobDay: '31',
          dobMonth: '2',
          nhsNumber: '1234567890',
          consentToContact: '',
          route: 'employer',
          referrerOrganisation: '',
        }),
        '198.51.100.2',
        PERSON_WAIT_MS,
      );
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('There is a problem');
      for (const field of ['givenName', 'dobDay', 'nhsNumber', 'referrerOrganisation', 'consentToContact'])
        expect(wrong.text).toContain(`<a href="#${field}">`);
      expect(wrong.text).toContain('Enter the given name');
      expect(wrong.text).toContain('Enter a valid 10-digit NHS number');
      expect(wrong.text).toContain('Confirm that the person agrees to be contacted');
      expect(wrong.text).toContain('value="&#60;b&#62;Formperson&#60;/b&#62;"');
      expect(wrong.text).not.toContain('<b>Formperson');
      expect(wrong.text).toContain('<title>Error: Refer someone to WorkWell');
      // Put right on the page that came back (its fresh stamp), it is taken.
      await new Promise((resolve) => setTimeout(resolve, PERSON_WAIT_MS));
      const putRight = await sendForm(url, goodFormFields({ stamp: stampOf(wrong.text) }), '198.51.100.2');
      expect(putRight.status).toBe(303);
      const after = await serverDigest(partnership.db);
      expect(after.records).not.toBe(before.records);
      const baseline = after;

      // The honeypot, and a form sent faster than a person could: the same thank-you, nothing kept.
      const trapped = await fillAndSend(url, goodFormFields({ website: 'http://spam.example' }), '198.51.100.3', PERSON_WAIT_MS);
      expect(trapped.status).toBe(303);
      expect(trapped.headers.location).toBe('/refer/sent');
      const form = await openForm(url, '198.51.100.4');
      const tooFast = await sendForm(url, goodFormFields({ stamp: stampOf(form.text) }), '198.51.100.4');
      expect(tooFast.status).toBe(303);
      // A forged or stale stamp is not spam: the form comes back to be sent again.
      const forged = await sendForm(url, goodFormFields({ stamp: `1.${'A'.repeat(43)}` }), '198.51.100.5');
      expect(forged.status).toBe(400);
      expect(forged.text).toContain('send it again');
      expect(forged.text).toContain('value="Formperson"');

      // Too large (413), not a form (415), unknown partnership (404), an API route through the prefix (404).
      const huge = await sendForm(url, goodFormFields({ reason: 'x'.repeat(10_000), stamp: stampOf(form.text) }), '198.51.100.6');
      expect(huge.status).toBe(413);
      const json = await httpCall(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.6' },
        body: '{}',
      });
      expect(json.status).toBe(415);
      expect((await openForm(`${url}/00000000-0000-4000-8000-000000000000`, '198.51.100.7')).status).toBe(404);
      expect((await openForm(`${url}/x/sync/pull`, '198.51.100.7')).status).toBe(404);
      const partnershipId = (await partnership.db.selectFrom('partnerships').select('id').executeTakeFirstOrThrow()).id;
      expect((await openForm(`${url}/${partnershipId}`, '198.51.100.7')).status).toBe(200);

      // A session token is no key here: the form neither reads nor issues one.
      const withToken = await httpCall(url, {
        headers: { Authorization: 'Bearer x', Cookie: 'session=x', 'X-Forwarded-For': '198.51.100.8' },
      });
      expect(withToken.status).toBe(200);
      expect(withToken.headers['set-cookie']).toBeUndefined();

      // Six requests an address in the window; the seventh is refused with when to come back.
      const address = '198.51.100.9';
      for (let i = 0; i < 6; i += 1) expect((await openForm(url, address)).status).toBe(200);
      const limited = await sendForm(url, goodFormFields({ stamp: stampOf(form.text) }), address);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect((await openForm(url, '198.51.100.10')).status).toBe(200);

      expect(await serverDigest(partnership.db)).toEqual(baseline);
    },
  );
});
