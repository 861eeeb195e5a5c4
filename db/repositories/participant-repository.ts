import type { Kysely } from 'kysely';
import type { SqliteDatabase } from '../open-store';
import type { Database, ParticipantTable } from '../schema';

export interface ParticipantPageQuery {
  readonly offset: number;
  readonly limit: number;
}

/** One page of the caseload, by family then given name, with the total for paging. */
export async function listParticipantsPage(
  db: Kysely<Database>,
  query: ParticipantPageQuery,
): Promise<{ total: number; rows: ParticipantTable[] }> {
  const [count, rows] = await Promise.all([
    db.selectFrom('participants').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    db
      .selectFrom('participants')
      .selectAll()
      .orderBy('family_name')
      .orderBy('given_name')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
  ]);
  return { total: Number(count.total), rows };
}

/**
 * Reserves `count` consecutive participant reference numbers and returns the first. Runs inside
 * the caller's transaction so a failed insert gives the numbers back.
 */
export function reserveParticipantReferences(sqlite: SqliteDatabase, count: number): number {
  const row = sqlite
    .prepare("UPDATE reference_counters SET value = value + ? WHERE name = 'participant' RETURNING value")
    .get(count) as { value: number };
  return row.value - count + 1;
}

export function formatParticipantReference(sequence: number): string {
  return `WW-${String(sequence).padStart(6, '0')}`;
}

/**
 * Inserts many participants in one transaction with a prepared statement: the bulk path for
 * seeding and imports, where Kysely's per-row compile would dominate.
 */
export function insertParticipantsBulk(
  sqlite: SqliteDatabase,
  build: (sequence: number, index: number) => Omit<ParticipantTable, 'reference'>,
  count: number,
): void {
  const insert = sqlite.prepare(
    `INSERT INTO participants (id, reference, given_name, family_name, date_of_birth, nhs_number, status, created_at, updated_at)
     VALUES (@id, @reference, @given_name, @family_name, @date_of_birth, @nhs_number, @status, @created_at, @updated_at)`,
  );
  sqlite.transaction(() => {
    const first = reserveParticipantReferences(sqlite, count);
    for (let index = 0; index < count; index += 1) {
      const sequence = first + index;
      insert.run({ ...build(sequence, index), reference: formatParticipantReference(sequence) });
    }
  })();
}
