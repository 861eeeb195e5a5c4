import { sql, type Kysely } from 'kysely';

/**
 * Episodes (issue 20 item 4): a person referred again after their case closed starts a new episode.
 *
 * `participant_episodes` holds a row for each episode after the first, unique by person and number
 * (so two laptops that both start "episode 2" offline clash on the partnership server, which keeps
 * the same index, and the second is refused): the referral that began it (date, route, the `referrals` row), who accepted it and
 * when, and the exit that ended the episode before it (`previous_*`), moved here from
 * `participant_exits` when this one began. `participant_exits` keeps meaning "how the current
 * episode ended", so every reader of it (the MI return, exports, retention, closing) is unchanged.
 *
 * Episode 1 is not stored: it is each person's first referral (date, route, who recorded it) and
 * their registration. So every person already in the store has episode 1 with nothing to copy, and
 * a laptop enrolled later, which receives only what the partnership server holds, derives the same
 * episode 1 as the laptop that was migrated (a backfilled row would exist on migrated laptops only;
 * see services/participants/episodes.ts). Never changed or deleted but by a retention purge.
 * Frozen in time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('participant_episodes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('participant_id', 'text', (column) => column.notNull().references('participants.id'))
    .addColumn('number', 'integer', (column) => column.notNull())
    .addColumn('started_on', 'text', (column) => column.notNull())
    .addColumn('route', 'text', (column) => column.notNull())
    .addColumn('referral_id', 'text', (column) => column.notNull().references('referrals.id'))
    .addColumn('accepted_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('accepted_at', 'text', (column) => column.notNull())
    .addColumn('previous_ended_on', 'text', (column) => column.notNull())
    .addColumn('previous_end_reason', 'text', (column) => column.notNull())
    .addColumn('previous_end_reason_note', 'text')
    .addColumn('previous_employment_outcome', 'text', (column) => column.notNull())
    .addColumn('previous_ended_by', 'text', (column) => column.notNull().references('users.id'))
    .addColumn('previous_end_recorded_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('participant_episodes_number')
    .unique()
    .on('participant_episodes')
    .columns(['participant_id', 'number'])
    .execute();
  await sql
    .raw(
      `CREATE TRIGGER participant_episodes_append_only BEFORE UPDATE ON participant_episodes
       BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded episode cannot be changed'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER participant_episodes_kept BEFORE DELETE ON participant_episodes
       WHEN NOT EXISTS (SELECT 1 FROM retention_purge WHERE participant_id = OLD.participant_id)
       BEGIN SELECT RAISE(ABORT, 'WORKWELL_LOCKED: a recorded episode cannot be deleted'); END`,
    )
    .execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('participant_episodes').execute();
}
