import { describe, expect, it } from 'vitest';
import { installCaptureTriggers } from '../../../db/sync/capture-triggers';
import { storePaths } from '../../../db/store-paths';
import { createAppServices } from '../../../services/app-services';
import { mayShare } from '../../../services/participants/consent-service';
import { unlockStore } from '../../../services/session/unlock-store';
import { value } from '../../support/demo-with-person';
import { storeReader } from '../../support/store-reader';
import { tempDir } from '../../support/temp-dir';
import { TEST_ADMIN_PASSPHRASE, testPartnershipInput } from '../../support/test-admin';
import { testClock } from '../../support/test-clock';
import { testReferral } from '../../support/test-referral';

const MIGRATION = '2026-12-06-022-split-dwp-consent';
const COLUMNS = 'decision, decided_on, method, recorded_by, recorded_at, withdrawn_on, withdrawn_by, withdrawn_recorded_at';

type ConsentRow = Record<string, string | null>;

describe('migration 2026-12-06-022: sharing with DWP split from sharing with the partnership system', () => {
  it('copies every share_partnership decision (given, withdrawn, declined) to a share_dwp decision with the same dates, method, recorder and withdrawal', async () => {
    const dataDir = tempDir();
    const services = createAppServices({ clock: testClock(), dataDir });
    value(await services.dispatch('setup.createPartnership', testPartnershipInput()));
    const record = (participantId: string, decision: 'given' | 'declined', date: string) =>
      services.dispatch('consents.record', { participantId, purpose: 'share_partnership', decision, date, method: 'written' });
    const { id: withdrawnThenGiven } = value<{ id: string }>(await services.dispatch('participants.register', testReferral()));
    const { id: declined } = value<{ id: string }>(
      await services.dispatch(
        'participants.register',
        testReferral({ person: { givenName: 'Sam', familyName: 'Otherperson', dateOfBirth: '1990-01-01', nhsNumber: '' } }),
      ),
    );
    const first = value<{ id: string }>(await record(withdrawnThenGiven, 'given', '2026-11-03'));
    value(await services.dispatch('consents.withdraw', { consentId: first.id, date: '2026-11-10' }));
    value(await record(withdrawnThenGiven, 'given', '2026-11-12'));
    value(await record(declined, 'declined', '2026-11-04'));
    await services.close();

    // Make it a store from before the split: no share_dwp decisions, the migration not applied,
    // and joined to a partnership server (capture triggers on), which must not capture the copies.
    const reader = await storeReader(dataDir, 'test.admin', TEST_ADMIN_PASSPHRASE);
    reader.read((database) => {
      database.prepare("DELETE FROM consents WHERE purpose = 'share_dwp'").run();
      database.prepare('DELETE FROM kysely_migration WHERE name = ?').run(MIGRATION);
      database
        .prepare(
          "INSERT INTO sync_state (id, server_url, device_id, user_id, username, joined_at) VALUES (1, 'https://sync.example.invalid', 'd1', 'u1', 'test.admin', '2026-11-01T00:00:00Z')",
        )
        .run();
      installCaptureTriggers({ sqlite: database });
    });
    const before = reader.read(
      (database) =>
        database
          .prepare(`SELECT id, participant_id, ${COLUMNS} FROM consents WHERE purpose = 'share_partnership' ORDER BY id`)
          .all() as ConsentRow[],
    );
    expect(before).toHaveLength(3);
    expect(before.filter((row) => row.withdrawn_on !== null)).toHaveLength(1);

    const { store } = await unlockStore(storePaths(dataDir), 'test.admin', TEST_ADMIN_PASSPHRASE);
    try {
      expect(await mayShare(store, withdrawnThenGiven, 'share_dwp')).toBe(true);
      expect(await mayShare(store, declined, 'share_dwp')).toBe(false);
    } finally {
      await store.close();
    }
    const after = reader.read((database) => ({
      dwp: database
        .prepare(`SELECT id, participant_id, ${COLUMNS} FROM consents WHERE purpose = 'share_dwp' ORDER BY id`)
        .all() as ConsentRow[],
      captured: (database.prepare('SELECT count(*) AS n FROM sync_capture').get() as { n: number }).n,
      capturing: (database.prepare('SELECT capturing FROM sync_state').get() as { capturing: number }).capturing,
      applied: database.prepare('SELECT name FROM kysely_migration WHERE name = ?').all(MIGRATION).length,
    }));
    expect(after.dwp).toEqual(before.map((row) => ({ ...row, id: `${row.id}-dwp` })));
    expect(after.applied).toBe(1);
    expect(after.captured).toBe(0);
    expect(after.capturing).toBe(1);
  }, 60_000);
});
