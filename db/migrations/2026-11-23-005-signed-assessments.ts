import { sql, type Kysely } from 'kysely';

/**
 * Signed assessments and amendments. A discipline assessment starts as a draft its author may edit;
 * once signed it is locked, and a correction is a new signed row that `amends_id` the version it
 * replaces, with the reason. Triggers make the lock hold whatever code runs against the store.
 * Outcome measure results were always final: triggers now lock them too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessments').addColumn('discipline', 'text').execute();
  await db.schema
    .alterTable('assessments')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('assessments').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('assessments').addColumn('signed_at', 'text').execute();
  await db.schema
    .alterTable('assessments')
    .addColumn('signed_by', 'text', (column) => column.references('users.id'))
    .execute();
  await db.schema
    .alterTable('assessments')
    .addColumn('amends_id', 'text', (column) => column.references('assessments.id'))
    .execute();
  await db.schema.alterTable('assessments').addColumn('amendment_reason', 'text').execute();

  // Joined-up assessments saved before this migration were final when saved: record them as signed by their author.
  await sql`UPDATE assessments SET discipline = 'employment_support', signed_at = recorded_at, signed_by = author_id, updated_at = recorded_at WHERE kind = 'joined_up'`.execute(
    db,
  );
  await sql`UPDATE assessments SET updated_at = recorded_at WHERE updated_at IS NULL`.execute(db);

  // A signed version is amended at most once: later corrections amend the newest version, so history never forks.
  await sql`CREATE UNIQUE INDEX assessments_one_amendment_each ON assessments (amends_id) WHERE amends_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TRIGGER assessments_signed_are_locked BEFORE UPDATE ON assessments
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a signed assessment cannot be changed'); END`.execute(db);
  await sql`
    CREATE TRIGGER assessments_signed_are_kept BEFORE DELETE ON assessments
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a signed assessment cannot be deleted'); END`.execute(db);
  await sql`
    CREATE TRIGGER measure_results_are_locked BEFORE UPDATE ON measure_results
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded outcome measure cannot be changed'); END`.execute(db);
  await sql`
    CREATE TRIGGER measure_results_are_kept BEFORE DELETE ON measure_results
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded outcome measure cannot be deleted'); END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'measure_results_are_kept',
    'measure_results_are_locked',
    'assessments_signed_are_kept',
    'assessments_signed_are_locked',
  ]) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
  }
  await sql`DROP INDEX IF EXISTS assessments_one_amendment_each`.execute(db);
  for (const column of ['amendment_reason', 'amends_id', 'signed_by', 'signed_at', 'updated_at', 'version', 'discipline']) {
    await db.schema.alterTable('assessments').dropColumn(column).execute();
  }
}
