import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import type { FitNote } from '../../../core/schemas/fit-note';
import { down } from '../../../db/migrations/2026-12-06-042-open-ended-fit-notes';
import { installCaptureTriggers } from '../../../db/sync/capture-triggers';
import { storePaths } from '../../../db/store-paths';
import { unlockStore } from '../../../services/session/unlock-store';
import { demoWithPerson, value } from '../../support/demo-with-person';
import { gpFitNote } from '../../support/fit-note-input';
import { storeReader } from '../../support/store-reader';

const MIGRATION = '2026-12-06-042-open-ended-fit-notes';

type Database = Parameters<Parameters<Awaited<ReturnType<typeof storeReader>>['read']>[0]>[0];

/** What the rebuild must keep: every row as it was, and the table's indexes and triggers by name. */
function shape(database: Database) {
  return {
    rows: database.prepare('SELECT * FROM fit_notes ORDER BY id').all(),
    endRequired: (
      database.prepare("SELECT \"notnull\" AS n FROM pragma_table_info('fit_notes') WHERE name = 'period_to'").get() as { n: number }
    ).n,
    objects: database
      .prepare("SELECT type, name FROM sqlite_master WHERE tbl_name = 'fit_notes' AND sql IS NOT NULL ORDER BY type, name")
      .all(),
  };
}

describe('migration 2026-12-06-042: a fit note may have no end date', () => {
  it('rebuilds fit_notes with period_to nullable, keeping every row, index, append-only and sync capture trigger, capturing nothing itself', async () => {
    const demo = await demoWithPerson();
    await demo.signInAs('demo.coach');
    const original = value<FitNote>(await demo.services.dispatch('fitNotes.record', gpFitNote(demo.id)));
    value(
      await demo.services.dispatch('fitNotes.record', gpFitNote(demo.id, { replacesId: original.id, correctionReason: 'Wrong dates.' })),
    );
    await demo.services.close();

    // Make it a store from before 042, joined to a partnership server (capture triggers on).
    const { store } = await unlockStore(storePaths(demo.dataDir), 'demo.coach', DEMO_PARTNERSHIP.passphrase);
    try {
      store.sqlite
        .prepare(
          "INSERT INTO sync_state (id, server_url, device_id, user_id, username, joined_at) VALUES (1, 'https://sync.example.invalid', 'd1', 'u1', 'demo.coach', '2026-11-01T00:00:00Z')",
        )
        .run();
      installCaptureTriggers(store);
      // The demo's one fit note with no end date could not exist before 042: taken out as a retention purge would.
      const open = store.sqlite.prepare('SELECT participant_id FROM fit_notes WHERE period_to IS NULL').pluck().all() as string[];
      for (const participantId of open) {
        store.sqlite.prepare('INSERT INTO retention_purge (participant_id) VALUES (?)').run(participantId);
        store.sqlite.prepare('DELETE FROM fit_notes WHERE participant_id = ? AND period_to IS NULL').run(participantId);
        store.sqlite.prepare('DELETE FROM retention_purge WHERE participant_id = ?').run(participantId);
      }
      await down(store.db);
      store.sqlite.prepare('DELETE FROM kysely_migration WHERE name = ?').run(MIGRATION);
      store.sqlite.prepare('DELETE FROM sync_capture').run();
    } finally {
      await store.close();
    }
    const reader = await storeReader(demo.dataDir, 'demo.coach', DEMO_PARTNERSHIP.passphrase);
    const before = reader.read(shape);
    expect(before.endRequired).toBe(1);
    // The test's person's two, among the demo's own fit notes.
    expect(before.rows.filter((row) => (row as { participant_id: string }).participant_id === demo.id)).toHaveLength(2);
    expect(before.objects.map((object) => (object as { name: string }).name)).toEqual(
      expect.arrayContaining(['fit_notes_append_only', 'fit_notes_kept', 'sync_capture_fit_notes_insert', 'fit_notes_one_correction']),
    );

    // Opening the store migrates it.
    const reopened = await unlockStore(storePaths(demo.dataDir), 'demo.coach', DEMO_PARTNERSHIP.passphrase);
    await reopened.store.close();
    const after = reader.read(shape);
    expect(after).toEqual({ ...before, endRequired: 0 });
    reader.read((database) => {
      expect((database.prepare('SELECT count(*) AS n FROM sync_capture').get() as { n: number }).n).toBe(0);
      expect(() => database.prepare('UPDATE fit_notes SET period_to = NULL WHERE id = ?').run(original.id)).toThrow(/WORKWELL_LOCKED/);
      // A fit note with no end date is now taken, and captured for the partnership server at once.
      database
        .prepare(
          `INSERT INTO fit_notes (id, participant_id, issued_on, period_from, period_to, fitness, categories_json, review_needed,
             issuer_setting, issuer_profession, from_conversation, recorded_by, recorded_at)
           SELECT 'open', participant_id, issued_on, period_from, NULL, fitness, categories_json, review_needed,
             issuer_setting, issuer_profession, from_conversation, recorded_by, recorded_at FROM fit_notes WHERE id = ?`,
        )
        .run(original.id);
      expect(database.prepare('SELECT table_name FROM sync_capture').all()).toEqual([{ table_name: 'fit_notes' }]);
    });
  }, 60_000);
});
