import { sql, type Kysely } from 'kysely';

/**
 * Several users take turns on one laptop, and the laptop numbers its changes in one sequence for
 * all of them (issue 14, "nothing lost"). Each user pushes only their own changes (the server
 * checks the role of whoever made one), so the coordinator's 7-8 may reach the server after the
 * coach's 9-14: a per-laptop "last mutation applied" would take 7-8 for duplicates. The watermark
 * is kept per (laptop, user) instead, in `device_user_progress`; a pull answers the caller's own.
 *
 * `devices.last_mutation_id` stays the highest id of the laptop dealt with (for the administrator);
 * `devices.legacy_mutation_id` keeps what it was when this migration ran: a laptop's change at or
 * below it that its user's watermark does not cover may have been applied under the per-laptop
 * counter, so the push looks it up in the change log (server/device-user-progress.ts) rather than
 * apply it twice or drop it.
 *
 * The request role (migration 003) reads and advances the watermarks of its own partnership only.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('device_user_progress')
    .addColumn('device_id', 'text', (column) => column.notNull().references('devices.id'))
    .addColumn('user_id', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('partnership_id', 'text', (column) => column.notNull().references('partnerships.id'))
    .addColumn('last_mutation_id', 'bigint', (column) => column.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('device_user_progress_pkey', ['device_id', 'user_id'])
    .execute();
  await db.schema
    .alterTable('devices')
    .addColumn('legacy_mutation_id', 'bigint', (column) => column.notNull().defaultTo(0))
    .execute();
  await sql`UPDATE devices SET legacy_mutation_id = last_mutation_id`.execute(db);

  await sql`ALTER TABLE device_user_progress ENABLE ROW LEVEL SECURITY`.execute(db);
  const own = sql.raw(`partnership_id = NULLIF(current_setting('app.partnership_id', true), '')`);
  await sql`CREATE POLICY device_user_progress_own ON device_user_progress USING (${own}) WITH CHECK (${own})`.execute(db);
  const role = await sql<{ request_role: string }>`SELECT request_role FROM server_meta WHERE id = 1`.execute(db);
  const name = role.rows[0]?.request_role;
  if (name === undefined) throw new Error('server_meta has no request role: migration 2026-12-06-003 did not run.');
  await sql`GRANT SELECT, INSERT, UPDATE ON device_user_progress TO ${sql.id(name)}`.execute(db);
  // `devices.legacy_mutation_id`: the request role's SELECT on devices (migration 003) is table-wide.
}
