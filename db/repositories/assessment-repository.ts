import type { Kysely } from 'kysely';
import type { AssessmentTable, Database, MeasureResultTable, RiskFlagTable } from '../schema';

export async function insertAssessment(db: Kysely<Database>, row: AssessmentTable): Promise<void> {
  await db.insertInto('assessments').values(row).execute();
}

/** The newest assessment of a kind, with its author's name. */
export async function latestAssessment(db: Kysely<Database>, participantId: string, kind: string) {
  return db
    .selectFrom('assessments')
    .innerJoin('users', 'users.id', 'assessments.author_id')
    .selectAll('assessments')
    .select('users.display_name as author_name')
    .where('assessments.participant_id', '=', participantId)
    .where('assessments.kind', '=', kind)
    .orderBy('assessments.recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
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
  return db.selectFrom('risk_flags').selectAll().where('participant_id', '=', participantId).where('acknowledged_at', 'is', null).orderBy('raised_at').execute();
}

export async function findRiskFlag(db: Kysely<Database>, id: string) {
  return db.selectFrom('risk_flags').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Acknowledges a flag only if still open; returns whether this call did it. */
export async function acknowledgeRiskFlag(db: Kysely<Database>, change: { id: string; by: string; at: string; note: string }): Promise<boolean> {
  const result = await db
    .updateTable('risk_flags')
    .set({ acknowledged_at: change.at, acknowledged_by: change.by, acknowledgement_note: change.note })
    .where('id', '=', change.id)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setParticipantStatus(db: Kysely<Database>, participantId: string, from: readonly string[], to: string, at: string): Promise<void> {
  await db.updateTable('participants').set({ status: to, updated_at: at }).where('id', '=', participantId).where('status', 'in', from).execute();
}
