import { sql, type Kysely } from 'kysely';

/**
 * The dashboard (issue 20 item 7: under a second at 250,000 people) and the MI return read a few
 * facts of each episode: the first referral's date and route, a consent's state, the first
 * joined-up assessment's date, the first attended contact, the days plans were agreed and made
 * active, first and latest scores, the primary barrier, and how the episode ended. With only the participant in an index, each look-up also
 * reads the whole row (a plan's or assessment's content with it), and tens of thousands of them
 * overflow the page cache. These indexes hold every column those look-ups read, in the order they
 * sort, so a look-up reads a few index entries next to each other. Local to the store (the
 * partnership server runs no such query). Frozen in time.
 */
const INDEXES: ReadonlyArray<readonly [name: string, table: string, columns: string[]]> = [
  ['referrals_facts', 'referrals', ['participant_id', 'referral_date', 'id', 'route']],
  ['consents_facts', 'consents', ['participant_id', 'purpose', 'decided_on', 'recorded_at', 'decision', 'withdrawn_on']],
  ['assessments_facts', 'assessments', ['participant_id', 'kind', 'assessed_on', 'recorded_at']],
  ['contact_log_facts', 'contact_log', ['participant_id', 'did_not_attend', 'contact_on']],
  ['action_plans_facts', 'action_plans', ['participant_id', 'created_at', 'mdt_agreed_at', 'activated_at']],
  ['participant_exits_by_date_facts', 'participant_exits', ['exited_on', 'participant_id']],
  ['participant_exits_facts', 'participant_exits', ['participant_id', 'exited_on', 'reason', 'employment_outcome']],
  // "Caseload per coach" counts each coach's open cases: without the status beside the coach, that reads every person.
  ['participants_coach_status', 'participants', ['coach_user_id', 'status']],
  ['measure_results_facts', 'measure_results', ['participant_id', 'measure', 'taken_on', 'recorded_at', 'total']],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, table, columns] of INDEXES) await db.schema.createIndex(name).on(table).columns(columns).execute();
  // The primary barrier is one field of the latest assessment's content: indexed by itself, it is read without the content.
  await sql`CREATE INDEX assessments_main_barrier ON assessments (participant_id, kind, recorded_at, assessed_on, json_extract(content_json, '$.mainBarrier'))`.execute(
    db,
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('assessments_main_barrier').execute();
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
