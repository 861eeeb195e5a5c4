import { sql, type Kysely } from 'kysely';

/**
 * Sharing with the partnership system and sharing with DWP become separate decisions (issue 15).
 * Before, one `share_partnership` decision covered both; every such decision (given, declined or
 * withdrawn) is copied to a `share_dwp` decision with the same dates, method, recorder and
 * withdrawal, so nobody is shared with more or less than before. `consents` has no triggers that
 * refuse inserts; the copy's id is derived from the original's (`<id>-dwp`), so running it twice,
 * or on two laptops of one partnership, gives the same rows. A joined laptop does not capture the
 * copies for sync (no channel made them): capturing is paused for the copy and put back as it was.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const syncState = await sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'`.execute(
    db,
  );
  const hasSyncState = Number(syncState.rows[0]?.n ?? 0) > 0;
  const before = hasSyncState
    ? (await sql<{ capturing: number }>`SELECT capturing FROM sync_state WHERE id = 1`.execute(db)).rows[0]
    : undefined;
  if (before !== undefined) await sql`UPDATE sync_state SET capturing = 0 WHERE id = 1`.execute(db);
  await sql`
    INSERT OR IGNORE INTO consents
      (id, participant_id, purpose, decision, decided_on, method, recorded_by, recorded_at, withdrawn_on, withdrawn_by, withdrawn_recorded_at)
    SELECT id || '-dwp', participant_id, 'share_dwp', decision, decided_on, method, recorded_by, recorded_at, withdrawn_on, withdrawn_by, withdrawn_recorded_at
      FROM consents WHERE purpose = 'share_partnership'`.execute(db);
  if (before !== undefined) await sql`UPDATE sync_state SET capturing = ${before.capturing} WHERE id = 1`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM consents WHERE purpose = 'share_dwp' AND id LIKE '%-dwp'`.execute(db);
}
