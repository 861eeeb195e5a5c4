import type { Insertable, Kysely, Selectable } from 'kysely';
import type { SqliteDatabase } from '../open-store';
import type { Database, ParticipantTable } from '../schema';

/**
 * Reserves `count` consecutive participant reference numbers and returns the first. Runs inside
 * the caller's transaction so a failed insert gives the numbers back.
 */
export function reserveParticipantReferences(sqlite: SqliteDatabase, count: number): number {
  const row = sqlite.prepare("UPDATE reference_counters SET value = value + ? WHERE name = 'participant' RETURNING value").get(count) as {
    value: number;
  };
  return row.value - count + 1;
}

export function formatParticipantReference(sequence: number): string {
  return `WW-${String(sequence).padStart(6, '0')}`;
}

/** Every column of a participant row, as read. */
export type ParticipantRow = Selectable<ParticipantTable>;

/**
 * A participant row as written: the cached caseload columns (open risk flags, latest referral)
 * are kept by triggers, and the next review date by the plan services.
 */
export type NewParticipantRow = Omit<ParticipantRow, 'open_risk_flag_count' | 'next_review_on' | 'referred_on' | OptionalColumn> &
  Partial<Pick<Insertable<ParticipantTable>, 'next_review_on' | 'referred_on' | OptionalColumn>>;

/** The monitoring answers (migration 037): optional when writing, so bulk seeding leaves them not asked. */
type MonitoringColumn = 'sex' | 'ethnic_category' | 'disability' | 'benefit_status';

/** Columns a write may leave out: the monitoring answers, and the GP practice (migration 036, not known until given). */
type OptionalColumn = MonitoringColumn | 'gp_practice_ods_code' | 'gp_practice_name';

const PARTICIPANT_COLUMNS = [
  'id',
  'reference',
  'given_name',
  'family_name',
  'date_of_birth',
  'nhs_number',
  'status',
  'created_at',
  'updated_at',
  'phone',
  'email',
  'address',
  'preferred_contact_mode',
  'employment_status',
  'employer_name',
  'employer_size',
  'employer_contact',
  'may_contact_employer',
  'job_title',
  'physical_demands',
  'cognitive_demands',
  'coach_user_id',
  'next_review_on',
  'referred_on',
] as const satisfies ReadonlyArray<keyof ParticipantRow>;

/**
 * Inserts many participants in one transaction with a prepared statement: the bulk path for
 * seeding and imports, where Kysely's per-row compile would dominate.
 */
export function insertParticipantsBulk(
  sqlite: SqliteDatabase,
  build: (sequence: number, index: number) => Omit<NewParticipantRow, 'reference'>,
  count: number,
): void {
  const insert = sqlite.prepare(
    `INSERT INTO participants (${PARTICIPANT_COLUMNS.join(', ')}) VALUES (${PARTICIPANT_COLUMNS.map((column) => `@${column}`).join(', ')})`,
  );
  sqlite.transaction(() => {
    const first = reserveParticipantReferences(sqlite, count);
    for (let index = 0; index < count; index += 1) {
      const sequence = first + index;
      insert.run({ next_review_on: null, referred_on: null, ...build(sequence, index), reference: formatParticipantReference(sequence) });
    }
  })();
}

export async function findParticipant(db: Kysely<Database>, id: string): Promise<ParticipantRow | undefined> {
  return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertParticipant(db: Kysely<Database>, row: NewParticipantRow): Promise<void> {
  await db.insertInto('participants').values(row).execute();
}

/** Each of these people's reference number, by id (people who no longer exist are left out). */
export async function participantReferences(db: Kysely<Database>, participantIds: readonly string[]): Promise<Map<string, string>> {
  if (participantIds.length === 0) return new Map();
  const rows = await db.selectFrom('participants').select(['id', 'reference']).where('id', 'in', participantIds).execute();
  return new Map(rows.map((row) => [row.id, row.reference]));
}

/** People who may be the same person: the same NHS number, or the same name and date of birth. */
export async function findPossibleDuplicates(
  db: Kysely<Database>,
  query: { nhsNumber: string | null; givenName: string; familyName: string; dateOfBirth: string },
): Promise<Array<ParticipantRow & { matched_on: 'nhs_number' | 'name_and_date_of_birth' }>> {
  const byNhs =
    query.nhsNumber === null ? [] : await db.selectFrom('participants').selectAll().where('nhs_number', '=', query.nhsNumber).execute();
  const byName = await db
    .selectFrom('participants')
    .selectAll()
    .where('date_of_birth', '=', query.dateOfBirth)
    .where((eb) => eb(eb.fn('lower', ['family_name']), '=', query.familyName.toLowerCase()))
    .where((eb) => eb(eb.fn('lower', ['given_name']), '=', query.givenName.toLowerCase()))
    .limit(20)
    .execute();
  const seen = new Set(byNhs.map((row) => row.id));
  return [
    ...byNhs.map((row) => ({ ...row, matched_on: 'nhs_number' as const })),
    ...byName.filter((row) => !seen.has(row.id)).map((row) => ({ ...row, matched_on: 'name_and_date_of_birth' as const })),
  ];
}

/** Reserves the next reference inside a Kysely transaction. */
export async function nextParticipantReference(db: Kysely<Database>): Promise<string> {
  const row = await db
    .updateTable('reference_counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'participant')
    .returning('value')
    .executeTakeFirstOrThrow();
  return formatParticipantReference(Number(row.value));
}

/**
 * Sets the date the caseload shows as the person's next review (and filters "review due" on).
 * Called by the plan services inside the transaction that agrees, reviews or ends a plan.
 */
export async function setParticipantNextReview(db: Kysely<Database>, participantId: string, nextReviewOn: string | null): Promise<void> {
  await db.updateTable('participants').set({ next_review_on: nextReviewOn }).where('id', '=', participantId).execute();
}
