import { sql, type Kysely } from 'kysely';

/**
 * Action plans, one row per version. A draft is edited (its `revision` counts edits, so two editors
 * conflict instead of overwriting); from MDT agreement on, a version's content is locked by a
 * trigger and a change is the next version. Action progress between meetings and plan reviews are
 * their own append-only rows, so the agreed plan itself never changes. An exit (reason and
 * employment outcome) is one row per person.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('action_plans')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('version_number', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('content_json', 'text', (column) => column.notNull())
    .addColumn('review_on', 'text')
    .addColumn('next_review_on', 'text')
    .addColumn('based_on_id', 'text', (column) => column.references('action_plans.id'))
    .addColumn('created_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('mdt_agreed_at', 'text')
    .addColumn('mdt_agreed_by', 'text', (column) => column.references('users.id'))
    .addColumn('meeting_id', 'text')
    .addColumn('attendee_ids_json', 'text')
    .addColumn('checked_by_id', 'text', (column) => column.references('team_members.id'))
    .addColumn('person_agreed_on', 'text')
    .addColumn('person_agreement_method', 'text')
    .addColumn('person_agreement_recorded_by', 'text', (column) => column.references('users.id'))
    .addColumn('activated_at', 'text')
    .addColumn('closed_at', 'text')
    .addUniqueConstraint('action_plans_version_per_participant', ['participant_id', 'version_number'])
    .execute();
  // One draft per person at a time: a second editor gets a conflict, not a parallel draft.
  await sql`CREATE UNIQUE INDEX action_plans_one_draft ON action_plans (participant_id) WHERE status = 'draft'`.execute(db);
  await sql`CREATE INDEX action_plans_due_for_review ON action_plans (next_review_on) WHERE status IN ('agreed_with_person', 'active')`.execute(
    db,
  );
  await sql`CREATE INDEX action_plans_by_meeting ON action_plans (meeting_id) WHERE meeting_id IS NOT NULL`.execute(db);
  await sql`
    CREATE TRIGGER action_plans_agreed_content_locked BEFORE UPDATE OF content_json, review_on, participant_id, version_number ON action_plans
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: an agreed plan cannot be changed; start a new version'); END`.execute(db);
  await sql`
    CREATE TRIGGER action_plans_agreed_kept BEFORE DELETE ON action_plans
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: an agreed plan cannot be deleted'); END`.execute(db);

  await db.schema
    .createTable('action_updates')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('plan_id', 'text', (column) => column.notNull().references('action_plans.id'))
    .addColumn('action_id', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('note', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('action_updates_by_plan').on('action_updates').columns(['plan_id', 'action_id', 'updated_at']).execute();

  await db.schema
    .createTable('plan_reviews')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('plan_id', 'text', (column) => column.notNull().references('action_plans.id'))
    .addColumn('reviewed_on', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('note', 'text', (column) => column.notNull())
    .addColumn('next_review_on', 'text')
    .addColumn('reviewed_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('plan_reviews_by_plan').on('plan_reviews').columns(['plan_id', 'recorded_at']).execute();

  for (const trigger of ['action_updates', 'plan_reviews']) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${trigger}_append_only`)} BEFORE UPDATE ON ${sql.raw(trigger)}
      BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: history cannot be changed'); END`.execute(db);
  }

  await db.schema
    .createTable('participant_exits')
    .addColumn('participant_id', 'text', (column) => column.primaryKey().references('participants.id'))
    .addColumn('exited_on', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('employment_outcome', 'text', (column) => column.notNull())
    .addColumn('recorded_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['participant_exits', 'plan_reviews', 'action_updates', 'action_plans']) await db.schema.dropTable(table).execute();
}
