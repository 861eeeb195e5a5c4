import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { splitDwpConsent } from '../../../server/migrations/2026-12-06-007-sync-gaps';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { CONSENT_METHODS } from '../../../core/schemas/consent';
import { value } from '../../support/demo-with-person';
import { demoOnServer, laptopApp } from '../../support/sync-partnership';
import { testReferral } from '../../support/test-referral';

interface ConsentRow {
  id: string;
  participant_id: string;
  purpose: string;
  decision: string;
  decided_on: string;
  withdrawn_on: string | null;
}

describe('server migration 2026-12-06-007: the consent to share split in two', () => {
  it(
    'gives every share_partnership decision the server held before the split its share_dwp twin, so a laptop enrolled later holds both',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const app = await laptopApp(partnership.laptopA, 'demo.coach');
      for (const [familyName, decision] of [
        ['Givenshare', 'given'],
        ['Declinedshare', 'declined'],
      ] as const) {
        const { id } = value<{ id: string }>(
          await app.dispatch('participants.register', testReferral({ person: { nhsNumber: '', familyName } })),
        );
        value(
          await app.dispatch('consents.record', {
            participantId: id,
            purpose: 'share_partnership',
            decision,
            date: '2026-11-03',
            method: CONSENT_METHODS[0],
          }),
        );
      }
      expect((await partnership.sync(partnership.laptopA, 'demo.coach')).refused).toEqual([]);
      // A server from before the split: laptops made their share_dwp copies locally and never sent them.
      await partnership.db
        .deleteFrom('records')
        .where('table_name', '=', 'consents')
        .where(sql<string>`row->>'purpose'`, '=', 'share_dwp')
        .execute();
      await partnership.db
        .deleteFrom('change_log')
        .where('table_name', '=', 'consents')
        .where(sql<string>`row->>'purpose'`, '=', 'share_dwp')
        .execute();
      const before = await partnership.db.selectFrom('records').select('row').where('table_name', '=', 'consents').execute();
      const shared = before.map((each) => each.row as ConsentRow).filter((row) => row.purpose === 'share_partnership');
      expect(shared.map((row) => row.decision).sort()).toEqual(expect.arrayContaining(['declined', 'given']));
      expect(before.some((each) => (each.row as ConsentRow).purpose === 'share_dwp')).toBe(false);

      const copied = await partnership.db.transaction().execute((trx) => splitDwpConsent(trx));
      expect(copied).toBe(shared.length);
      // Run again (a second server start, or a laptop's copies already there): nothing more.
      expect(await partnership.db.transaction().execute((trx) => splitDwpConsent(trx))).toBe(0);
      const logged = await partnership.db
        .selectFrom('change_log')
        .select(['key', 'device_id', 'mutation_id'])
        .where('table_name', '=', 'consents')
        .where(
          'key',
          'in',
          shared.map((row) => JSON.stringify([`${row.id}-dwp`])),
        )
        .execute();
      expect(logged).toHaveLength(shared.length);

      const laptop = await partnership.enrol('demo.coach');
      const opened = await openSyncStore(laptop.dataDir, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
      try {
        const held = opened.store.sqlite
          .prepare('SELECT id, participant_id, purpose, decision, decided_on, withdrawn_on FROM consents')
          .all() as ConsentRow[];
        for (const row of shared) {
          const twin = held.find((each) => each.id === `${row.id}-dwp`);
          expect(twin).toEqual({
            id: `${row.id}-dwp`,
            participant_id: row.participant_id,
            purpose: 'share_dwp',
            decision: row.decision,
            decided_on: row.decided_on,
            withdrawn_on: row.withdrawn_on,
          });
          expect(held.find((each) => each.id === row.id)?.purpose).toBe('share_partnership');
        }
      } finally {
        await opened.close();
      }
    },
  );
});
