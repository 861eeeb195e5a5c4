import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { KEPT_ON_THIS_LAPTOP } from '../../../core/sync/queued-input';
import { value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testReferral } from '../../support/test-referral';

const passphrase = DEMO_PARTNERSHIP.passphrase;

describe('risk flags across laptops', () => {
  it(
    'clinical leads and a meeting-mode acknowledgement reach the server and other laptops; the passphrase never leaves the laptop',
    { timeout: 120_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      const signInAs = async (username: string) => {
        value(await a.dispatch('session.lock', {}));
        value(await a.dispatch('session.unlock', { username, passphrase }));
      };
      const { id } = value<{ id: string }>(
        await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Riskperson' } })),
      );
      value(
        await a.dispatch('measures.record', {
          participantId: id,
          discipline: 'employment_support',
          takenOn: '2026-11-05',
          response: { measure: 'phq9', answers: [1, 1, 1, 1, 1, 1, 0, 0, 2] },
        }),
      );
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);

      await signInAs('demo.admin');
      value(await a.dispatch('config.saveClinicalLeads', { usernames: ['demo.ot'], version: 0 }));
      expect((await partnership.sync(partnership.laptopA, 'demo.admin')).refused).toEqual([]);

      await signInAs('demo.coordinator');
      const flagId = value<ParticipantRecord>(await a.dispatch('participants.get', { id })).openRiskFlags[0]?.id ?? '';
      value(
        await a.dispatch('riskFlags.acknowledgeInMeeting', {
          flagId,
          action: 'gp_informed_same_day',
          note: 'GP informed the same day.',
          username: 'demo.mh',
          passphrase,
        }),
      );
      const queued = (await storeReader(partnership.laptopA, 'demo.coordinator', passphrase)).read(
        (database) =>
          database.prepare("SELECT user_id, input_json FROM sync_outbox WHERE channel = 'riskFlags.acknowledgeInMeeting'").all() as Array<{
            input_json: string;
          }>,
      );
      expect(queued).toHaveLength(1);
      expect(JSON.parse(queued[0]?.input_json ?? '{}')).toMatchObject({ username: 'demo.mh', passphrase: KEPT_ON_THIS_LAPTOP });
      expect(queued[0]?.input_json).not.toContain(passphrase);
      // Pushed as the chair's change (their session); the server re-checks the role and the input and applies it.
      expect((await partnership.sync(partnership.laptopA, 'demo.coordinator')).refused).toEqual([]);

      const laptopB = await partnership.enrol('demo.ot');
      const b = await laptopApp(laptopB.dataDir, 'demo.ot');
      expect(value<PartnershipConfig>(await b.dispatch('config.get', {})).clinicalLeads).toEqual({ usernames: ['demo.ot'], version: 1 });
      const onB = value<ParticipantRecord>(await b.dispatch('participants.get', { id }));
      expect(onB.openRiskFlags).toEqual([]);
      expect(onB.acknowledgedRiskFlags).toEqual([
        expect.objectContaining({ id: flagId, acknowledgedBy: 'Demo Mental Health Practitioner', action: 'gp_informed_same_day' }),
      ]);
    },
  );
});
