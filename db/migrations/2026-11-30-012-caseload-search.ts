import { sql, type Kysely } from 'kysely';

/**
 * The caseload at national scale (250,000 people on one laptop): a full-text index over names, NHS
 * numbers and references, cached per-person columns so a page needs no per-row subquery, and
 * indexes that serve each filter and sort with keyset paging. Frozen in time: `Kysely<any>`, no app
 * imports; the SQL text is repeated here on purpose.
 *
 * - `next_review_on`: the review date of the person's plan in force (set by the plan services in
 *   the same transaction as the agreement, review or exit), so "review due" is one range.
 * - `referred_on`: the latest referral date, kept by triggers on `referrals`.
 * - `open_risk_flag_count`: unacknowledged risk flags, kept by triggers on `risk_flags`.
 * - `participants_search` (FTS5): one row per person, its rowid the number in their reference
 *   (`WW-000123` is 123; references never change and, unlike a rowid of `participants`, survive a
 *   VACUUM), with the person's id beside it. NHS numbers are indexed as digits and as `999 123 4567`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participants').addColumn('next_review_on', 'text').execute();
  await db.schema.alterTable('participants').addColumn('referred_on', 'text').execute();
  await db.schema
    .alterTable('participants')
    .addColumn('open_risk_flag_count', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();

  // Backfill from what is already stored.
  await sql`
    UPDATE participants SET
      referred_on = (SELECT max(referral_date) FROM referrals WHERE referrals.participant_id = participants.id),
      open_risk_flag_count = (SELECT count(*) FROM risk_flags WHERE risk_flags.participant_id = participants.id AND risk_flags.acknowledged_at IS NULL),
      next_review_on = (
        SELECT action_plans.next_review_on FROM action_plans
        WHERE action_plans.participant_id = participants.id AND action_plans.status IN ('agreed_by_mdt', 'agreed_with_person', 'active')
        ORDER BY action_plans.version_number DESC LIMIT 1
      )
  `.execute(db);
  await sql`UPDATE participants SET referred_on = substr(created_at, 1, 10) WHERE referred_on IS NULL`.execute(db);

  // Referral date: the latest referral, whatever order they are recorded in.
  await sql`
    CREATE TRIGGER participants_referred_on_insert AFTER INSERT ON referrals BEGIN
      UPDATE participants SET referred_on = NEW.referral_date
      WHERE id = NEW.participant_id AND (referred_on IS NULL OR referred_on < NEW.referral_date);
    END
  `.execute(db);
  await sql`
    CREATE TRIGGER participants_referred_on_update AFTER UPDATE OF referral_date ON referrals BEGIN
      UPDATE participants SET referred_on = (SELECT max(referral_date) FROM referrals WHERE participant_id = NEW.participant_id)
      WHERE id = NEW.participant_id;
    END
  `.execute(db);

  // Open risk flags: recounted from the partial index on each change, so the cache cannot drift.
  const recount = (participant: string) => `
    UPDATE participants SET open_risk_flag_count =
      (SELECT count(*) FROM risk_flags WHERE participant_id = ${participant} AND acknowledged_at IS NULL)
    WHERE id = ${participant};`;
  await sql
    .raw(`CREATE TRIGGER participants_risk_count_insert AFTER INSERT ON risk_flags BEGIN ${recount('NEW.participant_id')} END`)
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER participants_risk_count_update AFTER UPDATE OF acknowledged_at, participant_id ON risk_flags BEGIN ${recount('OLD.participant_id')} ${recount('NEW.participant_id')} END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER participants_risk_count_delete AFTER DELETE ON risk_flags BEGIN ${recount('OLD.participant_id')} END`)
    .execute(db);

  // Full-text search. prefix='2 3' keeps short prefixes ("sm", "999") fast at 250,000 rows.
  await sql`
    CREATE VIRTUAL TABLE participants_search USING fts5(
      participant_id UNINDEXED, name, nhs, reference,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )
  `.execute(db);
  const searchRow = (row: string) =>
    `INSERT INTO participants_search (rowid, participant_id, name, nhs, reference) VALUES (${searchColumns(row)});`;
  await sql.raw(`CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN ${searchRow('NEW')} END`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER participants_search_update AFTER UPDATE OF given_name, family_name, nhs_number, reference ON participants BEGIN
        DELETE FROM participants_search WHERE rowid = CAST(substr(OLD.reference, 4) AS INTEGER);
        ${searchRow('NEW')}
      END`,
    )
    .execute(db);
  await sql`
    CREATE TRIGGER participants_search_delete AFTER DELETE ON participants BEGIN
      DELETE FROM participants_search WHERE rowid = CAST(substr(OLD.reference, 4) AS INTEGER);
    END
  `.execute(db);
  await sql
    .raw(
      `INSERT INTO participants_search (rowid, participant_id, name, nhs, reference) SELECT ${searchColumns('participants')} FROM participants`,
    )
    .execute(db);

  // One index per sort, and per sort within the two equality filters (status, coach), so every
  // page is an index range walk with no sort step. The sort keys never hold NULL: next review
  // without a date sorts last, referral date without one sorts last when newest come first.
  const sorts: Record<string, string> = {
    name: 'family_name, given_name, id',
    next_review: "ifnull(next_review_on, '9999-12-31'), id",
    referred: "ifnull(referred_on, ''), id",
  };
  await db.schema.dropIndex('participants_by_name').execute();
  for (const [name, columns] of Object.entries(sorts)) {
    await sql.raw(`CREATE INDEX participants_sort_${name} ON participants (${columns})`).execute(db);
    await sql.raw(`CREATE INDEX participants_status_sort_${name} ON participants (status, ${columns})`).execute(db);
    await sql
      .raw(`CREATE INDEX participants_coach_sort_${name} ON participants (coach_user_id, ${columns}) WHERE coach_user_id IS NOT NULL`)
      .execute(db);
  }
  // Few people have an open flag: the filter reads them all and sorts them.
  await sql`CREATE INDEX participants_with_open_risk_flag ON participants (open_risk_flag_count) WHERE open_risk_flag_count > 0`.execute(
    db,
  );
}

/** The search row of a participant row (`NEW`, `OLD` or the table itself): rowid, id, name, NHS number, reference. */
function searchColumns(table: string): string {
  return `CAST(substr(${table}.reference, 4) AS INTEGER), ${table}.id, ${table}.given_name || ' ' || ${table}.family_name,
    CASE WHEN ${table}.nhs_number IS NULL THEN '' ELSE ${table}.nhs_number || ' ' || substr(${table}.nhs_number, 1, 3) || ' ' || substr(${table}.nhs_number, 4, 3) || ' ' || substr(${table}.nhs_number, 7, 4) END,
    ${table}.reference || ' ' || CAST(substr(${table}.reference, 4) AS INTEGER)`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const trigger of [
    'participants_search_delete',
    'participants_search_update',
    'participants_search_insert',
    'participants_risk_count_delete',
    'participants_risk_count_update',
    'participants_risk_count_insert',
    'participants_referred_on_update',
    'participants_referred_on_insert',
  ]) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
  }
  await sql`DROP TABLE IF EXISTS participants_search`.execute(db);
  for (const name of ['name', 'next_review', 'referred']) {
    for (const prefix of ['participants_sort_', 'participants_status_sort_', 'participants_coach_sort_'])
      await sql.raw(`DROP INDEX IF EXISTS ${prefix}${name}`).execute(db);
  }
  await sql`DROP INDEX IF EXISTS participants_with_open_risk_flag`.execute(db);
  await db.schema.createIndex('participants_by_name').on('participants').columns(['family_name', 'given_name']).execute();
  for (const column of ['open_risk_flag_count', 'referred_on', 'next_review_on'])
    await db.schema.alterTable('participants').dropColumn(column).execute();
}
