import { sql, type Kysely } from 'kysely';

/**
 * Three gaps of issue 14, closed together (one migration number):
 *
 * 1. `challenges.user_id` may be NULL: a sign-in challenge for a username the server does not know
 *    (or has revoked) is a decoy made and stored exactly like a real one (server/auth-routes.ts), so
 *    the challenge step does not tell whether a username exists; only the answer step refuses.
 *
 * 2. `refused_mutations`: every mutation the server refused, per laptop, user and mutation id, with
 *    the typed reason, so a push sent again after its reply was lost gets the same refusal, never
 *    "already applied" (server/sync-push.ts). `device_user_progress.refusals_settled_below`: the
 *    lowest mutation id of the user's latest push from that laptop; a laptop pushes its waiting
 *    changes oldest first, so a refusal below it has reached the laptop, and one at or above it may
 *    not have: a pull's watermark stops below that one (server/device-user-progress.ts).
 *
 * 3. The split of the consent to share (store migration 2026-12-06-022): laptops copied every
 *    `share_partnership` decision to a `share_dwp` one (id `<id>-dwp`, same dates, method and
 *    withdrawal) without capturing the copies for sync, so the server never received them and a
 *    laptop enrolled later would hold one decision where the others hold two. The same copy is
 *    made here, in `records` and as a change in `change_log`, so every laptop receives it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE challenges ALTER COLUMN user_id DROP NOT NULL`.execute(db);

  await db.schema
    .createTable('refused_mutations')
    .addColumn('device_id', 'text', (column) => column.notNull().references('devices.id'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('mutation_id', 'bigint', (column) => column.notNull())
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    .addColumn('code', 'text', (column) => column.notNull())
    .addColumn('message', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('refused_mutations_pkey', ['device_id', 'user_id', 'mutation_id'])
    .execute();
  await db.schema
    .alterTable('device_user_progress')
    .addColumn('refusals_settled_below', 'bigint', (column) => column.notNull().defaultTo(0))
    .execute();
  await sql`ALTER TABLE refused_mutations ENABLE ROW LEVEL SECURITY`.execute(db);
  const own = sql.raw(`partnership_id = NULLIF(current_setting('app.partnership_id', true), '')`);
  await sql`CREATE POLICY refused_mutations_own ON refused_mutations USING (${own}) WITH CHECK (${own})`.execute(db);
  const role = await sql<{ request_role: string }>`SELECT request_role FROM server_meta WHERE id = 1`.execute(db);
  const name = role.rows[0]?.request_role;
  if (name === undefined) throw new Error('server_meta has no request role: migration 2026-12-06-003 did not run.');
  // Append-only for requests: a refusal is remembered for good.
  await sql`GRANT SELECT, INSERT ON refused_mutations TO ${sql.id(name)}`.execute(db);

  await splitDwpConsent(db);
}

/**
 * Copies each `share_partnership` consent the server holds without its `share_dwp` twin, exactly
 * as store migration 022 does on a laptop (the same derived id, so the laptops' own copies and the
 * server's are one row). `records` and `change_log` FORCE row-level security even on their owner;
 * this runs as the owner outside any partnership's scope, so the policy is lifted for the copy and
 * put back in the same transaction (Kysely runs the migration in one).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function splitDwpConsent(db: Kysely<any>): Promise<number> {
  await sql`ALTER TABLE records NO FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE change_log NO FORCE ROW LEVEL SECURITY`.execute(db);
  // The change log first (its seq orders the copies after everything already there), then the
  // current rows from it, in the log's order.
  const copied = await sql<{ n: string }>`
    WITH twins AS (
      SELECT r.partnership_id, r.row->>'id' || '-dwp' AS id,
        jsonb_set(jsonb_set(r.row, '{id}', to_jsonb(r.row->>'id' || '-dwp')), '{purpose}', '"share_dwp"') AS row, r.seq AS source_seq
      FROM records r
      WHERE r.table_name = 'consents' AND r.row->>'purpose' = 'share_partnership'
        AND NOT EXISTS (SELECT 1 FROM records t WHERE t.partnership_id = r.partnership_id AND t.table_name = 'consents'
          AND t.key = jsonb_build_array(r.row->>'id' || '-dwp')::text)
    ), logged AS (
      INSERT INTO change_log (partnership_id, table_name, key, row, device_id, mutation_id)
      SELECT partnership_id, 'consents', jsonb_build_array(id)::text, row, NULL, NULL FROM twins ORDER BY source_seq
      RETURNING seq, partnership_id, key, row
    ), kept AS (
      INSERT INTO records (partnership_id, table_name, key, row, seq)
      SELECT partnership_id, 'consents', key, row, seq FROM logged
      RETURNING 1
    )
    SELECT count(*)::text AS n FROM kept`.execute(db);
  await sql`ALTER TABLE records FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE change_log FORCE ROW LEVEL SECURITY`.execute(db);
  return Number(copied.rows[0]?.n ?? 0);
}
