import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../../core/demo-partnership';
import { readSyncState } from '../../../db/sync/sync-state';
import { currentRow, lockChangeLog } from '../../../server/sync-apply';
import { adminClient } from '../../../services/sync/admin-client';
import { openSyncStore } from '../../../services/sync/open-sync-store';
import { signIn } from '../../../services/sync/sync-client';
import { demoOnServer } from '../../support/sync-partnership';

describe('administrator routes and pushes together', () => {
  it(
    'take the change-log lock before any record, as sync apply does, so neither waits on the other (no deadlock)',
    { timeout: 180_000 },
    async () => {
      const partnership = await demoOnServer();
      const opened = await openSyncStore(partnership.laptopA, 'demo.admin', DEMO_PARTNERSHIP.passphrase);
      const state = readSyncState(opened.store)!;
      const session = await signIn(state.serverUrl, { username: 'demo.admin', deviceId: state.deviceId, ...opened.userKey });
      await opened.close();
      const coach = await partnership.db
        .selectFrom('users')
        .select(['id', 'partnership_id'])
        .where('username', '=', 'demo.coach')
        .executeTakeFirstOrThrow();
      const key = JSON.stringify([coach.id]);

      // A push in the middle of applying: it holds the change-log lock and goes on to lock the
      // coach's record (sync apply's order) while an administrator revokes the coach.
      let revoking: Promise<unknown> | undefined;
      await partnership.db.transaction().execute(async (trx) => {
        await lockChangeLog(trx, coach.partnership_id);
        revoking = adminClient.revokeUser(state.serverUrl, session.token, coach.id).catch((error: unknown) => error);
        // The administrator's request is now waiting for a lock.
        await vi.waitFor(
          async () => {
            const waiting = await sql<{ n: string }>`
              SELECT count(*)::text AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`.execute(partnership.db);
            expect(Number(waiting.rows[0]?.n)).toBe(1);
          },
          { timeout: 20_000, interval: 20 },
        );
        // Before the fix the revoke held this record and waited for the change log: a deadlock here.
        expect(await currentRow(trx, coach.partnership_id, 'users', key)).toMatchObject({ id: coach.id, disabled_at: null });
      });
      const revoked = await revoking;
      expect(revoked).toMatchObject({ revokedAt: expect.any(String) });
      const row = await partnership.db
        .selectFrom('records')
        .select('row')
        .where('table_name', '=', 'users')
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      expect((row.row as { disabled_at: string | null }).disabled_at).not.toBeNull();
    },
  );
});
