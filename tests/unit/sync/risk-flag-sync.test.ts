import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { NOT_RISK_QUALIFIED_MESSAGE } from '../../../core/risk/risk-qualification';
import { KEPT_ON_THIS_LAPTOP } from '../../../core/sync/queued-input';
import { value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testReferral } from '../../support/test-referral';
import { raiseRiskFlag } from '../../support/raise-risk-flag';

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
      await raiseRiskFlag(a, id);
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

  it(
    'a physiotherapist named a clinical lead only in their own store (behind the app) is refused by the server, which keeps the flag open',
    { timeout: 120_000 },
    async () => {
      const partnership = await demoOnServer();
      const a = await laptopApp(partnership.laptopA, 'demo.coach');
      const { id } = value<{ id: string }>(
        await a.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName: 'Forgedlead' } })),
      );
      await raiseRiskFlag(a, id);
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      // The store's own settings row, written with the data key, not through the app: the app believes it.
      (await storeReader(partnership.laptopA, 'demo.coach', passphrase)).read((database) => {
        const admin = database.prepare("SELECT id FROM users WHERE username = 'demo.admin'").get() as { id: string };
        database
          .prepare(
            "INSERT INTO partnership_settings (key, value_json, version, updated_at, updated_by) VALUES ('clinical_leads', ?, 1, '2026-12-06T09:00:00.000Z', ?)",
          )
          .run(JSON.stringify(['demo.physio']), admin.id);
      });
      value(await a.dispatch('session.lock', {}));
      value(await a.dispatch('session.unlock', { username: 'demo.physio', passphrase }));
      const flagId = value<ParticipantRecord>(await a.dispatch('participants.get', { id })).openRiskFlags[0]?.id ?? '';
      value(await a.dispatch('riskFlags.acknowledge', { flagId, action: 'crisis_line_given', note: 'Crisis line number given.' }));

      const report = await partnership.sync(partnership.laptopA, 'demo.physio');
      expect(report.refused).toEqual([
        expect.objectContaining({ channel: 'riskFlags.acknowledge', code: 'FORBIDDEN', message: NOT_RISK_QUALIFIED_MESSAGE }),
      ]);
      const onServer = await partnership.db
        .selectFrom('records')
        .select('row')
        .where('table_name', '=', 'risk_flags')
        .where('key', '=', JSON.stringify([flagId]))
        .executeTakeFirstOrThrow();
      expect((onServer.row as { acknowledged_by: string | null }).acknowledged_by).toBeNull();
    },
  );
});
