import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../../core/demo-partnership';
import type { InboxEntry } from '../../../../core/schemas/referral-inbox';
import { demoFromTemplate } from '../../../support/demo-template';
import { resultValue } from '../../../support/result-value';
import { referralCsv, referralCsvRow } from '../../../support/referral-files';

type Services = Awaited<ReturnType<typeof demoFromTemplate>>['services'];

async function signInAs(services: Services, username: string): Promise<void> {
  resultValue(await services.dispatch('session.lock', {}));
  resultValue(await services.dispatch('session.unlock', { username, passphrase: DEMO_PARTNERSHIP.passphrase }));
}

async function inbox(services: Services, status: 'waiting' | 'accepted' | 'declined' = 'waiting') {
  return resultValue<{ referrals: InboxEntry[]; declinedCount: number }>(await services.dispatch('referrals.list', { status }));
}

describe('the referral inbox (issue 20, items 1 and 3)', () => {
  it('administrators set eligibility but cannot import, read or decide referrals', { timeout: 60_000 }, async () => {
    const { services } = await demoFromTemplate();
    const saved = await services.dispatch('config.saveEligibility', { rules: { minAge: 18, maxAge: 66 }, version: 0 });
    expect(saved).toMatchObject({ ok: true, value: { version: 1, rules: { minAge: 18, maxAge: 66, workStatuses: null } } });
    const stale = await services.dispatch('config.saveEligibility', { rules: { minAge: 20 }, version: 0 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const text = referralCsv([referralCsvRow(1)]);
    expect(await services.dispatch('referrals.import', { format: 'csv', text })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await services.dispatch('referrals.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await services.close();
  });

  it(
    'imports, shows eligibility, accepts one into a participant, declines one with a reason, and links a duplicate rather than doubling it',
    { timeout: 60_000 },
    async () => {
      const { services } = await demoFromTemplate();
      resultValue(
        await services.dispatch('config.saveEligibility', { rules: { areaOutwardCodes: ['S1'], minAge: 18, maxAge: 66 }, version: 0 }),
      );
      await signInAs(services, 'demo.coach');
      // The first carries a GP practice and monitoring answers, which land on the record when accepted.
      const first = referralCsvRow(1, {
        gp_practice_ods_code: 'C84001',
        gp_practice_name: 'Example Lane Surgery',
        sex: 'female',
        ethnic_category: 'R',
        disability: 'not_stated',
        benefit_status: 'none',
      });
      const text = referralCsv([
        first,
        referralCsvRow(2, { postcode: 'LS1 4AP' }),
        referralCsvRow(3, { route: 'nowhere' }),
        referralCsvRow(4, { given_name: 'Other', nhs_number: first.nhs_number ?? '' }),
      ]);
      const imported = resultValue<{ imported: number; refused: Array<{ at: number; reason: string }> }>(
        await services.dispatch('referrals.import', { format: 'csv', text }),
      );
      expect(imported.imported).toBe(3);
      expect(imported.refused).toEqual([{ at: 4, reason: expect.stringContaining('referral.route') }]);

      const waiting = (await inbox(services)).referrals;
      expect(waiting.map((entry) => entry.givenName)).toEqual(['Sam1', 'Sam2', 'Other']);
      expect(waiting[0]?.eligibility).toEqual([
        { rule: 'area', outcome: 'met' },
        { rule: 'age', outcome: 'met' },
      ]);
      expect(waiting[1]?.eligibility[0]).toEqual({ rule: 'area', outcome: 'not_met' });
      const [sam1, sam2, other] = waiting as [InboxEntry, InboxEntry, InboxEntry];

      const accepted = resultValue<{ participantId: string; reference: string; linked: boolean }>(
        await services.dispatch('referrals.accept', { id: sam1.id, version: sam1.version }),
      );
      expect(accepted.linked).toBe(false);
      const record = resultValue<{ givenName: string; referrals: Array<{ route: string }> }>(
        await services.dispatch('participants.get', { id: accepted.participantId }),
      );
      expect(record).toMatchObject({
        givenName: 'Sam1',
        referrals: [{ route: 'jobcentre_plus' }],
        gpPractice: { odsCode: 'C84001', name: 'Example Lane Surgery' },
        monitoring: { sex: 'female', ethnicity: 'R', disability: 'not_stated', benefitStatus: 'none' },
      });
      const again = await services.dispatch('referrals.accept', { id: sam1.id, version: sam1.version });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      resultValue(await services.dispatch('referrals.decline', { id: sam2.id, version: sam2.version, reason: 'not_eligible_area' }));
      const badReason = await services.dispatch('referrals.decline', { id: other.id, version: other.version, reason: 'bored' });
      expect(badReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: expect.any(String) } } });

      const stillWaiting = await inbox(services);
      expect(stillWaiting.declinedCount).toBe(1);
      expect(stillWaiting.referrals).toHaveLength(1);
      const duplicate = stillWaiting.referrals[0] as InboxEntry;
      expect(duplicate.possibleDuplicates).toEqual([expect.objectContaining({ id: accepted.participantId, matchedOn: 'nhs_number' })]);
      const doubled = await services.dispatch('referrals.accept', {
        id: duplicate.id,
        version: duplicate.version,
        confirmedNotDuplicate: true,
      });
      expect(doubled).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', fields: { 'person.nhsNumber': `Already registered as ${accepted.reference}` } },
      });
      const linked = resultValue<{ participantId: string; linked: boolean }>(
        await services.dispatch('referrals.accept', {
          id: duplicate.id,
          version: duplicate.version,
          linkToParticipantId: accepted.participantId,
        }),
      );
      // Their case is open: the referral joins their current episode, no new one starts (issue 20 item 4).
      expect(linked).toEqual({ participantId: accepted.participantId, reference: accepted.reference, linked: true, newEpisode: null });
      const withBoth = resultValue<{ referrals: unknown[] }>(await services.dispatch('participants.get', { id: accepted.participantId }));
      expect(withBoth.referrals).toHaveLength(2);

      expect((await inbox(services, 'declined')).referrals).toEqual([
        expect.objectContaining({
          givenName: 'Sam2',
          declineReason: 'not_eligible_area',
          decidedBy: 'Demo Coach',
          decidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        }),
      ]);
      expect((await inbox(services)).referrals).toEqual([]);
      await services.close();
    },
  );
});
