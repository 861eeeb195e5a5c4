import type { Insertable, Kysely } from 'kysely';
import type { AssessmentTable, Database, MeasureResultTable, RiskFlagTable } from '../schema';

export async function insertAssessment(db: Kysely<Database>, row: Insertable<AssessmentTable>): Promise<void> {
  await db.insertInto('assessments').values(row).execute();
}

/** Every version of every assessment of a kind for one person, oldest first, with author and signer names. */
export async function listAssessmentVersions(db: Kysely<Database>, participantId: string, kind: string) {
  return db
    .selectFrom('assessments')
    .innerJoin('users as author', 'author.id', 'assessments.author_id')
    .leftJoin('users as signer', 'signer.id', 'assessments.signed_by')
    .selectAll('assessments')
    .select(['author.display_name as author_name', 'signer.display_name as signer_name'])
    .where('assessments.participant_id', '=', participantId)
    .where('assessments.kind', '=', kind)
    .orderBy('assessments.recorded_at')
    .orderBy('assessments.id')
    .execute();
}

export type AssessmentVersionRow = Awaited<ReturnType<typeof listAssessmentVersions>>[number];

export async function findAssessment(db: Kysely<Database>, id: string) {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether some later version already corrects this one. */
export async function isAmended(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom('assessments').select('id').where('amends_id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/**
 * Saves over an unsigned draft only if it is still at the version the editor started from;
 * returns whether it did (false: someone else saved or signed it first).
 */
export async function updateDraftAssessment(
  db: Kysely<Database>,
  change: { id: string; expectedVersion: number; assessedOn: string; contentJson: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('assessments')
    .set((eb) => ({
      assessed_on: change.assessedOn,
      content_json: change.contentJson,
      updated_at: change.at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', change.id)
    .where('version', '=', change.expectedVersion)
    .where('signed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Signs a draft at the version the signer read; returns whether it did. */
export async function signDraftAssessment(
  db: Kysely<Database>,
  change: { id: string; expectedVersion: number; by: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('assessments')
    .set({ signed_at: change.at, signed_by: change.by, updated_at: change.at })
    .where('id', '=', change.id)
    .where('version', '=', change.expectedVersion)
    .where('signed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertMeasureResult(db: Kysely<Database>, row: MeasureResultTable): Promise<void> {
  await db.insertInto('measure_results').values(row).execute();
}

export async function listMeasureResults(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('measure_results')
    .innerJoin('users', 'users.id', 'measure_results.recorded_by')
    .selectAll('measure_results')
    .select('users.display_name as recorded_by_name')
    .where('measure_results.participant_id', '=', participantId)
    .orderBy('measure_results.taken_on', 'desc')
    .orderBy('measure_results.recorded_at', 'desc')
    .execute();
}

export async function insertRiskFlag(db: Kysely<Database>, row: RiskFlagTable): Promise<void> {
  await db.insertInto('risk_flags').values(row).execute();
}

export async function listOpenRiskFlags(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('risk_flags')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('acknowledged_at', 'is', null)
    .orderBy('raised_at')
    .execute();
}

export async function findRiskFlag(db: Kysely<Database>, id: string) {
  return db.selectFrom('risk_flags').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Acknowledges a flag only if still open; returns whether this call did it. */
export async function acknowledgeRiskFlag(
  db: Kysely<Database>,
  change: { id: string; by: string; at: string; action: string; note: string },
): Promise<boolean> {
  const result = await db
    .updateTable('risk_flags')
    .set({
      acknowledged_at: change.at,
      acknowledged_by: change.by,
      acknowledgement_action: change.action,
      acknowledgement_note: change.note,
    })
    .where('id', '=', change.id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setParticipantStatus(
  db: Kysely<Database>,
  participantId: string,
  from: readonly string[],
  to: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('participants')
    .set({ status: to, updated_at: at })
    .where('id', '=', participantId)
    .where('status', 'in', from)
    .execute();
}
