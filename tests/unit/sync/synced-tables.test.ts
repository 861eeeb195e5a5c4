import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { LOCAL_ONLY_TABLES, SYNCED_TABLES } from '../../../core/sync/synced-tables';
import { listOutbox } from '../../../db/sync/outbox';
import { readSyncState } from '../../../db/sync/sync-state';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { demoFromTemplate } from '../../support/demo-template';
import { value } from '../../support/demo-with-person';
import { testReferral } from '../../support/test-referral';

describe('the synced-tables catalogue', () => {
  it('names every table of the store as synced or kept on the laptop; a solo store captures and queues nothing', async () => {
    const { dataDir, services } = await demoFromTemplate();
    value(await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '' } })));
    await services.close();
    const opened = await openSyncStore(dataDir, 'demo.admin', DEMO_PARTNERSHIP.passphrase);
    try {
      const tables = (
        opened.store.sqlite
          .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name NOT LIKE 'participants_search_%'",
          )
          .all() as Array<{ name: string }>
      ).map((row) => row.name);
      const named = new Set([...SYNCED_TABLES.map((entry) => entry.table), ...LOCAL_ONLY_TABLES]);
      // A table added by a later feature must be placed: shared with the partnership, or kept here on purpose.
      expect(tables.filter((table) => !named.has(table))).toEqual([]);
      expect(SYNCED_TABLES.map((entry) => entry.table).filter((table) => !tables.includes(table))).toEqual([]);
      // Solo: no link, no capture triggers, nothing queued.
      expect(readSyncState(opened.store)).toBeUndefined();
      expect(
        opened.store.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_capture_%'").get(),
      ).toEqual({ n: 0 });
      expect(listOutbox(opened.store)).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
