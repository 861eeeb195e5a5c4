import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { ParticipantAdjustments } from '../../../core/schemas/workplace-adjustments';
import type { AppServices } from '../../../services/app-services';
import { value } from '../../support/demo-with-person';
import { employerShareConsent, oneAdjustment } from '../../support/employer-letter-case';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testReferral } from '../../support/test-referral';

async function switchTo(services: AppServices, username: string): Promise<void> {
  value(await services.dispatch('session.lock', {}));
  value(await services.dispatch('session.unlock', { username, passphrase: DEMO_PARTNERSHIP.passphrase }));
}

describe('the person’s approval of the employer letter across laptops (issue 15, defect 11)', () => {
  it(
    'recorded on one laptop, reaches the partnership server and another laptop, still covering the same letter',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coordinator');
      const { id } = value<{ id: string }>(await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '' } })));
      value(await a.dispatch('consents.record', employerShareConsent(id)));
      value(
        await a.dispatch('plans.saveDraft', {
          participantId: id,
          goals: [{ id: 'g1', text: 'Back to full shifts' }],
          actions: [],
          reviewOn: '2027-02-01',
        }),
      );
      await switchTo(a, 'demo.ot');
      value(await a.dispatch('adjustments.save', oneAdjustment(id, 'Avoid lifting more than 5 kg', { contractedHoursPerWeek: null })));
      value(await a.dispatch('adjustments.approveEmployerLetter', { participantId: id, adjustmentsVersion: 1, method: 'in_person' }));
      // Each user's changes go up under their own sign-in: the coordinator's, then the OT's.
      expect((await partnership.sync(partnership.laptopA, 'demo.coordinator')).refused).toEqual([]);
      const report = await partnership.sync(partnership.laptopA, 'demo.ot');
      expect(report.refused).toEqual([]);
      const held = await partnership.db
        .selectFrom('records')
        .select(['table_name'])
        .where('table_name', '=', 'employer_letter_approvals')
        .execute();
      expect(held).toHaveLength(1);

      const laptopB = await partnership.enrol('demo.coordinator');
      const b = await laptopApp(laptopB.dataDir, 'demo.coordinator');
      const onB = value<ParticipantAdjustments>(await b.dispatch('adjustments.get', { participantId: id }));
      expect(onB.employerLetterApproval).toMatchObject({
        method: 'in_person',
        recordedByName: 'Demo Occupational Therapist',
        adjustmentsVersion: 1,
        inForce: true,
      });
    },
  );
});
