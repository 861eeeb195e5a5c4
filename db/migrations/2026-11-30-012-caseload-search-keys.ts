import { sql, type Kysely } from 'kysely';

/**
 * The second part of the caseload's migration 012, measured at 250,000 people: searches that match
 * thousands (a common surname) were slow because each match was looked up in `participants` to
 * sort and filter it. The search index now carries each person's sort keys and filter values as
 * unindexed columns, so such a search is filtered, sorted and paged inside the index (read in rowid
 * order) and only the rows on the page are read from `participants`; its triggers follow every
 * column it copies. The "open risk flag" filter gets one small partial index per sort. Frozen in
 * time: `Kysely<any>`, no app imports.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const trigger of ['participants_search_insert', 'participants_search_update', 'participants_search_delete']) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
  }
  await sql`DROP TABLE IF EXISTS participants_search`.execute(db);
  await sql`
    CREATE VIRTUAL TABLE participants_search USING fts5(
      participant_id UNINDEXED, name, nhs, reference,
      family_name UNINDEXED, given_name UNINDEXED, status UNINDEXED, coach_user_id UNINDEXED,
      next_review_key UNINDEXED, referred_key UNINDEXED, open_risk UNINDEXED,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )
  `.execute(db);
  const searchRow = (row: string) => `INSERT INTO participants_search (${SEARCH_COLUMN_NAMES}) VALUES (${searchColumns(row)});`;
  await sql.raw(`CREATE TRIGGER participants_search_insert AFTER INSERT ON participants BEGIN ${searchRow('NEW')} END`).execute(db);
  await sql
    .raw(
      `CREATE TRIGGER participants_search_update AFTER UPDATE OF given_name, family_name, nhs_number, reference, status, coach_user_id,
        next_review_on, referred_on, open_risk_flag_count ON participants BEGIN
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
    .raw(`INSERT INTO participants_search (${SEARCH_COLUMN_NAMES}) SELECT ${searchColumns('participants')} FROM participants`)
    .execute(db);

  // Few people have an open flag: a partial index per sort holds just them, already in order.
  await sql`DROP INDEX IF EXISTS participants_with_open_risk_flag`.execute(db);
  const sorts: Record<string, string> = {
    name: 'family_name, given_name, id',
    next_review: "ifnull(next_review_on, '9999-12-31'), id",
    referred: "ifnull(referred_on, ''), id",
  };
  for (const [name, columns] of Object.entries(sorts)) {
    await sql.raw(`CREATE INDEX participants_risk_sort_${name} ON participants (${columns}) WHERE open_risk_flag_count > 0`).execute(db);
  }
}

const SEARCH_COLUMN_NAMES =
  'rowid, participant_id, name, nhs, reference, family_name, given_name, status, coach_user_id, next_review_key, referred_key, open_risk';

/**
 * The search row of a participant row (`NEW` or the table itself), in SEARCH_COLUMN_NAMES order.
 * The rowid is the number in the reference (`WW-000123` is 123); the sort keys are the same
 * expressions as the sort indexes of the first part.
 */
function searchColumns(table: string): string {
  return `CAST(substr(${table}.reference, 4) AS INTEGER), ${table}.id, ${table}.given_name || ' ' || ${table}.family_name,
    CASE WHEN ${table}.nhs_number IS NULL THEN '' ELSE ${table}.nhs_number || ' ' || substr(${table}.nhs_number, 1, 3) || ' ' || substr(${table}.nhs_number, 4, 3) || ' ' || substr(${table}.nhs_number, 7, 4) END,
    ${table}.reference || ' ' || CAST(substr(${table}.reference, 4) AS INTEGER),
    ${table}.family_name, ${table}.given_name, ${table}.status, ${table}.coach_user_id,
    ifnull(${table}.next_review_on, '9999-12-31'), ifnull(${table}.referred_on, ''), ${table}.open_risk_flag_count > 0`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['name', 'next_review', 'referred']) await sql.raw(`DROP INDEX IF EXISTS participants_risk_sort_${name}`).execute(db);
  await sql`CREATE INDEX participants_with_open_risk_flag ON participants (open_risk_flag_count) WHERE open_risk_flag_count > 0`.execute(
    db,
  );
  // The first part's narrower search index comes back only by running its `up` again.
  for (const trigger of ['participants_search_insert', 'participants_search_update', 'participants_search_delete']) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${trigger}`).execute(db);
  }
  await sql`DROP TABLE IF EXISTS participants_search`.execute(db);
}
