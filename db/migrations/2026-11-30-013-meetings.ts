import { sql, type Kysely } from 'kysely';

/**
 * MDT case conferences. Triage decisions are append-only (the newest is the current one). A
 * meeting has a date, chair, expected attendees and, once taken, attendance; its agenda items carry
 * the live discussion notes and decisions, with a version so two people typing at once conflict
 * rather than overwrite. Once a meeting has ended its agenda is locked by a trigger: the minutes
 * are the record.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('held_on', 'text', (column) => column.notNull())
    .addColumn('starts_at', 'text', (column) => column.notNull())
    .addColumn('chair_id', 'text', (column) => column.notNull().references('team_members.id'))
    .addColumn('expected_attendee_ids_json', 'text', (column) => column.notNull())
    .addColumn('present_ids_json', 'text')
    .addColumn('minutes_per_case', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('agenda_reordered', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text', (column) => column.references('users.id'))
    .addColumn('rolled_forward_to_id', 'text', (column) => column.references('meetings.id'))
    .execute();
  await db.schema.createIndex('meetings_by_date').on('meetings').columns(['held_on', 'starts_at']).execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('meeting_id', 'text', (column) => column.notNull().references('meetings.id'))
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('carried_over_from_id', 'text', (column) => column.references('agenda_items.id'))
    .addColumn('notes', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('decisions', 'text', (column) => column.notNull().defaultTo(''))
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('notes_updated_at', 'text')
    .addColumn('notes_updated_by', 'text', (column) => column.references('users.id'))
    .addColumn('listed_at', 'text', (column) => column.notNull())
    .addColumn('listed_by', 'text', (column) => column.notNull().references('users.id'))
    .addUniqueConstraint('agenda_items_once_per_meeting', ['meeting_id', 'participant_id'])
    .execute();
  await db.schema.createIndex('agenda_items_by_participant').on('agenda_items').columns(['participant_id']).execute();
  await sql`
    CREATE TRIGGER agenda_items_locked_after_meeting BEFORE UPDATE ON agenda_items
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'ended'
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the meeting has ended; its minutes cannot be changed'); END`.execute(db);
  await sql`
    CREATE TRIGGER agenda_items_kept_after_meeting BEFORE DELETE ON agenda_items
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'ended'
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: the meeting has ended; its minutes cannot be changed'); END`.execute(db);

  await db.schema
    .createTable('triage_decisions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('missing_json', 'text', (column) => column.notNull())
    .addColumn('note', 'text', (column) => column.notNull())
    .addColumn('meeting_id', 'text', (column) => column.references('meetings.id'))
    .addColumn('decided_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('triage_decisions_by_participant').on('triage_decisions').columns(['participant_id', 'decided_at']).execute();
  await sql`
    CREATE TRIGGER triage_decisions_append_only BEFORE UPDATE ON triage_decisions
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: history cannot be changed'); END`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['triage_decisions', 'agenda_items', 'meetings']) await db.schema.dropTable(table).execute();
}
