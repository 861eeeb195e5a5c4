import { describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main';
import { ETHNIC_CATEGORY_EXTENSION, ETHNIC_CATEGORY_SYSTEM, ODS_ORGANIZATION_SYSTEM } from '../../../core/fhir/fhir-codes';
import type { InboxEntry } from '../../../core/schemas/referral-inbox';
import { value } from '../../support/demo-with-person';
import { httpCall } from '../../support/http-call';
import { referralBundle, referralBundleEntries } from '../../support/referral-files';
import { serverDigest } from '../../support/server-digest';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';

async function cli(...argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runCli(argv, (line) => lines.push(line));
  return { code, lines };
}

describe('POST /referrals/fhir: referrals from a referrer’s system with a referrer token (issue 20)', () => {
  it(
    'takes a bundle with a token an administrator made, lists each entry refused, and refuses a missing, wrong or revoked token',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const made = await cli('server', 'referrer-token', '--database-url', partnership.databaseUrl, '--name', 'Example Street Surgery');
      expect(made.code).toBe(0);
      const token = made.lines[1]!;
      expect(token).toMatch(/^wwr_[A-Za-z0-9_-]{43}$/);
      const tokenId = /^Referrer token (\S+) /.exec(made.lines[0]!)![1]!;
      // Only its hash is kept; the list never shows a token.
      const stored = await partnership.db.selectFrom('referrer_tokens').select(['name', 'token_hash']).execute();
      expect(stored).toEqual([{ name: 'Example Street Surgery', token_hash: expect.not.stringContaining(token) }]);
      const listed = await cli('server', 'referrer-token', '--database-url', partnership.databaseUrl, '--list');
      expect(listed.lines.join('\n')).toContain('Example Street Surgery');
      expect(listed.lines.join('\n')).not.toContain(token);

      const url = `${partnership.serverUrl}/referrals/fhir`;
      const post = (body: string, headers: Record<string, string>) => httpCall(url, { method: 'POST', headers, body });
      const fhir = { 'Content-Type': 'application/fhir+json', Authorization: `Bearer ${token}` };
      const bundle = referralBundle([
        ...referralBundleEntries(1),
        ...referralBundleEntries(2, { extension: [] }),
        // The third names a GP practice, sex and ethnic category, which reach the record when accepted.
        ...referralBundleEntries(
          3,
          {},
          {
            gender: 'male',
            generalPractitioner: [{ identifier: { system: ODS_ORGANIZATION_SYSTEM, value: 'B82005' }, display: 'Example Road Practice' }],
            extension: [
              { url: ETHNIC_CATEGORY_EXTENSION, valueCodeableConcept: { coding: [{ system: ETHNIC_CATEGORY_SYSTEM, code: 'N' }] } },
            ],
          },
        ),
        ...referralBundleEntries(5, {}, { gender: 'other' }),
      ]);

      const before = await serverDigest(partnership.db);
      for (const [headers, status] of [
        [{ 'Content-Type': 'application/fhir+json' }, 401],
        [{ ...fhir, Authorization: `Bearer wwr_${'A'.repeat(43)}` }, 401],
        [{ ...fhir, Authorization: 'Bearer not-a-token' }, 401],
        [{ ...fhir, 'Content-Type': 'text/plain' }, 415],
      ] as const) {
        const refused = await post(bundle, headers);
        expect(refused.status).toBe(status);
        expect(refused.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }
      const notABundle = await post('{"resourceType":"Patient"}', fhir);
      expect(notABundle.status).toBe(400);
      expect(notABundle.json).toMatchObject({ error: { code: 'VALIDATION' } });
      const nothingGood = await post(referralBundle(referralBundleEntries(4, { extension: [] })), fhir);
      expect(nothingGood.status).toBe(400);
      expect(await serverDigest(partnership.db)).toEqual(before);

      const taken = await post(bundle, fhir);
      expect(taken.status).toBe(202);
      // Counts and the refused entry's reason: nothing stored is read back (no id).
      expect(taken.json).toEqual({
        received: 2,
        refused: [
          { entry: 3, reason: expect.stringContaining('consentToContact') },
          { entry: 7, reason: expect.stringContaining('monitoring.sex') },
        ],
      });
      expect(taken.text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-4/);

      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      const coach = await laptopApp(partnership.laptopA, 'demo.coach');
      const inbox = value<{ referrals: InboxEntry[] }>(await coach.dispatch('referrals.list', {})).referrals;
      expect(inbox.map((entry) => [entry.source, entry.givenName]).sort()).toEqual([
        ['fhir-post', 'Robin1'],
        ['fhir-post', 'Robin3'],
      ]);
      const robin3 = inbox.find((entry) => entry.givenName === 'Robin3')!;
      const accepted = value<{ participantId: string }>(
        await coach.dispatch('referrals.accept', { id: robin3.id, version: robin3.version }),
      );
      expect(value(await coach.dispatch('participants.get', { id: accepted.participantId }))).toMatchObject({
        gpPractice: { odsCode: 'B82005', name: 'Example Road Practice' },
        monitoring: { sex: 'male', ethnicity: 'N', disability: null, benefitStatus: null },
      });

      const revoked = await cli('server', 'referrer-token', '--database-url', partnership.databaseUrl, '--revoke', tokenId);
      expect(revoked.code).toBe(0);
      const afterRevoke = await serverDigest(partnership.db);
      expect((await post(bundle, fhir)).status).toBe(401);
      expect(await serverDigest(partnership.db)).toEqual(afterRevoke);
      await expect(cli('server', 'referrer-token', '--database-url', partnership.databaseUrl, '--revoke', tokenId)).rejects.toThrow(
        /no referrer token/,
      );
      expect((await cli('help')).lines.join('\n')).toContain('workwell-mdt server referrer-token --database-url URL');
    },
  );
});
