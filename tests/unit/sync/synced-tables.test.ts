import { describe, expect, it } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { LOCAL_ONLY_TABLES, mayReadRow, readerClass, SYNCED_TABLES, syncedTable } from '../../../core/sync/synced-tables';
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
      // Every unique index of a synced table is one the server keeps too (server/sync-unique.ts), with the same partial WHERE.
      for (const entry of SYNCED_TABLES) {
        const indexes = (
          opened.store.sqlite.pragma(`index_list("${entry.table}")`) as Array<{ name: string; unique: number; origin: string }>
        ).filter((index) => index.unique === 1 && index.origin !== 'pk');
        const inStore = indexes.map((index) => {
          const columns = (opened.store.sqlite.pragma(`index_info("${index.name}")`) as Array<{ name: string }>).map(
            (column) => column.name,
          );
          const sql =
            (
              opened.store.sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(index.name) as
                { sql: string | null } | undefined
            )?.sql ?? '';
          const where = /WHERE (\w+) = '(\w+)'/.exec(sql);
          return JSON.stringify({ columns, where: where === null ? null : { [where[1]!]: where[2] }, nocase: /NOCASE/i.test(sql) });
        });
        const declared = (entry.unique ?? []).map((unique) =>
          JSON.stringify({ columns: unique.columns, where: unique.where ?? null, nocase: unique.nocase ?? false }),
        );
        expect(declared.sort(), entry.table).toEqual(inStore.sort());
      }
      // Every foreign key between synced tables is one the server checks too, so a change building on a refused one is refused.
      for (const entry of SYNCED_TABLES) {
        const keys = opened.store.sqlite.pragma(`foreign_key_list("${entry.table}")`) as Array<{ table: string; from: string }>;
        const inStore = keys
          .filter((key) => SYNCED_TABLES.some((each) => each.table === key.table))
          .map((key) => `${key.from} ${key.table}`);
        const declared = Object.entries(entry.references ?? {}).map(([column, table]) => `${column} ${table}`);
        expect(declared.sort(), `${entry.table} references`).toEqual(inStore.sort());
      }
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

  it('a laptop holds every row its rows refer to: a role that reads a table reads each table it references', () => {
    const missing = SYNCED_TABLES.flatMap((entry) =>
      Object.values(entry.references ?? {}).flatMap((parent) =>
        entry.readBy.filter((role) => !syncedTable(parent)!.readBy.includes(role)).map((role) => `${entry.table} -> ${parent} (${role})`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it("administrators read details, status, referrals and consent only; a draft is its author's until signed", () => {
    const administrator = { role: 'administrator', userId: 'admin-1' } as const;
    expect(SYNCED_TABLES.filter((entry) => entry.readBy.includes('administrator')).map((entry) => entry.table)).toEqual([
      'partnership',
      'users',
      'disciplines',
      'team_members',
      'directory_services',
      'action_library',
      'measure_wording',
      'partnership_settings',
      'participants',
      // The history of a person's details (issue 20 item 5): demographics, which administrators keep right.
      'participant_detail_versions',
      'referrals',
      // A person's later episodes (issue 20 item 4): referrals and the exit before each, as administrators read those.
      'participant_episodes',
      'consents',
      'meetings',
      'participant_exits',
    ]);
    const assessments = syncedTable('assessments')!;
    const draft = { id: 'a', author_id: 'physio-1', signed_at: null };
    expect(mayReadRow(assessments, draft, administrator)).toBe(false);
    expect(mayReadRow(assessments, draft, { role: 'physiotherapist', userId: 'physio-1' })).toBe(true);
    expect(mayReadRow(assessments, draft, { role: 'occupational_therapist', userId: 'ot-1' })).toBe(false);
    expect(
      mayReadRow(assessments, { ...draft, signed_at: '2026-12-06T10:00:00.000Z' }, { role: 'occupational_therapist', userId: 'ot-1' }),
    ).toBe(true);
    expect(mayReadRow(assessments, null, { role: 'coach', userId: 'coach-1' })).toBe(true);
    // An AHP Health and Work Report likewise; a plan draft is the MDT's, shared on purpose.
    const report = { id: 'r', author_id: 'ot-1', status: 'draft', signed_at: null };
    expect(mayReadRow(syncedTable('ahp_reports')!, report, { role: 'physiotherapist', userId: 'physio-1' })).toBe(false);
    expect(mayReadRow(syncedTable('ahp_reports')!, report, { role: 'occupational_therapist', userId: 'ot-1' })).toBe(true);
    expect(
      mayReadRow(
        syncedTable('ahp_reports')!,
        { ...report, status: 'signed', signed_at: '2026-12-06T10:00:00.000Z' },
        { role: 'physiotherapist', userId: 'physio-1' },
      ),
    ).toBe(true);
    expect(SYNCED_TABLES.filter((entry) => entry.draft !== undefined).map((entry) => entry.table)).toEqual(['assessments', 'ahp_reports']);
    // Two administrators receive the same rows; two clinicians do not (their own drafts).
    expect(readerClass({ role: 'administrator', userId: 'a' })).toBe(readerClass({ role: 'administrator', userId: 'b' }));
    expect(readerClass({ role: 'physiotherapist', userId: 'a' })).not.toBe(readerClass({ role: 'physiotherapist', userId: 'b' }));
  });
});
