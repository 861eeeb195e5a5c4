import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AhpReportTable, Database, WorkplaceAdjustmentsTable } from '../schema';

export type AhpReportRow = Selectable<AhpReportTable>;

/** The newest saved version of a person's adjustments, with who saved it. */
export async function latestAdjustments(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('workplace_adjustments')
    .innerJoin('users', 'users.id', 'workplace_adjustments.saved_by')
    .selectAll('workplace_adjustments')
    .select('users.display_name as saved_by_name')
    .where('workplace_adjustments.participant_id', '=', participantId)
    .orderBy('workplace_adjustments.version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export type AdjustmentsRow = NonNullable<Awaited<ReturnType<typeof latestAdjustments>>>;

/** Adds the next version; the unique (participant, version) pair refuses a second writer of the same version. */
export async function insertAdjustmentsVersion(db: Kysely<Database>, row: WorkplaceAdjustmentsTable): Promise<void> {
  await db.insertInto('workplace_adjustments').values(row).execute();
}

/** A person's AHP Health and Work Reports, newest first, with the author's name. */
export async function listAhpReports(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('ahp_reports')
    .innerJoin('users', 'users.id', 'ahp_reports.author_id')
    .selectAll('ahp_reports')
    .select('users.display_name as author_name')
    .where('ahp_reports.participant_id', '=', participantId)
    .orderBy('ahp_reports.created_at', 'desc')
    .orderBy('ahp_reports.id')
    .execute();
}

export async function findAhpReport(db: Kysely<Database>, id: string): Promise<AhpReportRow | undefined> {
  return db.selectFrom('ahp_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAhpReport(db: Kysely<Database>, row: Insertable<AhpReportTable>): Promise<void> {
  await db.insertInto('ahp_reports').values(row).execute();
}

/** Saves over a draft at the version the editor started from; returns whether it did. */
export async function updateAhpDraft(
  db: Kysely<Database>,
  change: { id: string; expectedVersion: number; contentJson: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('ahp_reports')
    .set((eb) => ({ content_json: change.contentJson, updated_at: change.at, version: eb('version', '+', 1) }))
    .where('id', '=', change.id)
    .where('status', '=', 'draft')
    .where('version', '=', change.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Signs a draft at the version the signer read; returns whether it did. */
export async function signAhpDraft(
  db: Kysely<Database>,
  change: { id: string; expectedVersion: number; signedBy: string; practitionerJson: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('ahp_reports')
    .set({
      status: 'signed',
      signed_by: change.signedBy,
      signed_at: change.at,
      practitioner_json: change.practitionerJson,
      updated_at: change.at,
    })
    .where('id', '=', change.id)
    .where('status', '=', 'draft')
    .where('version', '=', change.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
