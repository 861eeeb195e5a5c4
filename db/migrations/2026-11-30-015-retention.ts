import { sql, type Kysely } from 'kysely';

/**
 * Retention: legal holds, and the one safe path to delete a person's record.
 *
 * Signed assessments, outcome measures and agreed plans are kept by triggers whatever code runs
 * against the store. Retention review must still be able to delete a whole record, so those
 * triggers (and a new one that keeps every participant row) now let a delete through only while a
 * one-row `retention_purge` marker names that participant. The services layer sets the marker and
 * clears it inside the same transaction as the deletes, so it never outlives them: any other
 * delete is refused as before. A person with a legal hold in force is never deleted, even with
 * the marker set. Frozen in time: `Kysely<any>`, no app imports.
 */
const MARKED = (participantColumn: string) => sql.raw(`EXISTS (SELECT 1 FROM retention_purge WHERE participant_id = ${participantColumn})`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('placed_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('placed_at', 'text', (column) => column.notNull())
    .addColumn('released_by', 'text', (column) => column.references('users.id'))
    .addColumn('released_at', 'text')
    .addColumn('release_reason', 'text')
    .execute();
  // At most one hold in force per person; released holds stay as history.
  await sql`CREATE UNIQUE INDEX legal_holds_one_in_force ON legal_holds (participant_id) WHERE released_at IS NULL`.execute(db);
  await sql`
    CREATE TRIGGER legal_holds_history_kept BEFORE UPDATE ON legal_holds
    WHEN OLD.released_at IS NOT NULL OR NEW.participant_id <> OLD.participant_id OR NEW.reason <> OLD.reason OR NEW.placed_at <> OLD.placed_at
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a legal hold can only be released, once'); END`.execute(db);

  await db.schema
    .createTable('retention_purge')
    .addColumn('slot', 'integer', (column) => column.primaryKey().check(sql`slot = 1`))
    .addColumn('participant_id', 'text', (column) => column.notNull())
    .execute();

  await sql`
    CREATE TRIGGER participants_kept BEFORE DELETE ON participants
    WHEN NOT ${MARKED('OLD.id')}
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a record is only deleted at retention review'); END`.execute(db);
  await sql`
    CREATE TRIGGER participants_on_legal_hold_kept BEFORE DELETE ON participants
    WHEN EXISTS (SELECT 1 FROM legal_holds WHERE participant_id = OLD.id AND released_at IS NULL)
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a record on legal hold cannot be deleted'); END`.execute(db);
  await sql`
    CREATE TRIGGER legal_holds_kept BEFORE DELETE ON legal_holds
    WHEN OLD.released_at IS NULL OR NOT ${MARKED('OLD.participant_id')}
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a legal hold cannot be deleted'); END`.execute(db);

  // The same locks as before, with the retention marker as the only way through.
  await sql`DROP TRIGGER assessments_signed_are_kept`.execute(db);
  await sql`
    CREATE TRIGGER assessments_signed_are_kept BEFORE DELETE ON assessments
    WHEN OLD.signed_at IS NOT NULL AND NOT ${MARKED('OLD.participant_id')}
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a signed assessment cannot be deleted'); END`.execute(db);
  await sql`DROP TRIGGER measure_results_are_kept`.execute(db);
  await sql`
    CREATE TRIGGER measure_results_are_kept BEFORE DELETE ON measure_results
    WHEN NOT ${MARKED('OLD.participant_id')}
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded outcome measure cannot be deleted'); END`.execute(db);
  await sql`DROP TRIGGER action_plans_agreed_kept`.execute(db);
  await sql`
    CREATE TRIGGER action_plans_agreed_kept BEFORE DELETE ON action_plans
    WHEN OLD.status <> 'draft' AND NOT ${MARKED('OLD.participant_id')}
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: an agreed plan cannot be deleted'); END`.execute(db);
  // Minutes of an ended meeting (migration 013, which runs first in a new store). A lock trigger
  // this migration does not know is suspended by the purge itself, inside its transaction.
  const agenda = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'agenda_items_kept_after_meeting'`.execute(db);
  if ((agenda.rows[0]?.n ?? 0) > 0) {
    await sql`DROP TRIGGER agenda_items_kept_after_meeting`.execute(db);
    await sql`
      CREATE TRIGGER agenda_items_kept_after_meeting BEFORE DELETE ON agenda_items
      WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'ended' AND NOT ${MARKED('OLD.participant_id')}
      BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the meeting has ended; its minutes cannot be changed'); END`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  const agenda = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'agenda_items_kept_after_meeting'`.execute(db);
  if ((agenda.rows[0]?.n ?? 0) > 0) {
    await sql`DROP TRIGGER agenda_items_kept_after_meeting`.execute(db);
    await sql`
      CREATE TRIGGER agenda_items_kept_after_meeting BEFORE DELETE ON agenda_items
      WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'ended'
      BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the meeting has ended; its minutes cannot be changed'); END`.execute(db);
  }
  await sql`DROP TRIGGER action_plans_agreed_kept`.execute(db);
  await sql`
    CREATE TRIGGER action_plans_agreed_kept BEFORE DELETE ON action_plans
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: an agreed plan cannot be deleted'); END`.execute(db);
  await sql`DROP TRIGGER measure_results_are_kept`.execute(db);
  await sql`
    CREATE TRIGGER measure_results_are_kept BEFORE DELETE ON measure_results
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded outcome measure cannot be deleted'); END`.execute(db);
  await sql`DROP TRIGGER assessments_signed_are_kept`.execute(db);
  await sql`
    CREATE TRIGGER assessments_signed_are_kept BEFORE DELETE ON assessments
    WHEN OLD.signed_at IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a signed assessment cannot be deleted'); END`.execute(db);
  for (const trigger of ['legal_holds_kept', 'participants_on_legal_hold_kept', 'participants_kept', 'legal_holds_history_kept']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(trigger)}`.execute(db);
  }
  await db.schema.dropTable('retention_purge').execute();
  await db.schema.dropTable('legal_holds').execute();
}
