import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ActionPlanTable, ActionUpdateTable, Database, ParticipantExitTable, PlanReviewTable } from '../schema';

export type ActionPlanRow = Selectable<ActionPlanTable>;

/** The columns a status change may set: never the locked content. */
export type PlanTransition = Partial<
  Pick<
    ActionPlanRow,
    | 'status'
    | 'updated_at'
    | 'mdt_agreed_at'
    | 'mdt_agreed_by'
    | 'meeting_id'
    | 'attendee_ids_json'
    | 'checked_by_id'
    | 'person_agreed_on'
    | 'person_agreement_method'
    | 'person_agreement_recorded_by'
    | 'activated_at'
    | 'closed_at'
    | 'next_review_on'
  >
>;

/** Every version of a person's plan, newest first, with the names of who created and agreed it. */
export async function listPlanVersions(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('action_plans')
    .innerJoin('users as creator', 'creator.id', 'action_plans.created_by')
    .leftJoin('users as agreer', 'agreer.id', 'action_plans.mdt_agreed_by')
    .leftJoin('users as recorder', 'recorder.id', 'action_plans.person_agreement_recorded_by')
    .leftJoin('team_members as checker', 'checker.id', 'action_plans.checked_by_id')
    .selectAll('action_plans')
    .select([
      'creator.display_name as created_by_name',
      'agreer.display_name as agreed_by_name',
      'recorder.display_name as person_recorded_by_name',
      'checker.full_name as checked_by_name',
    ])
    .where('action_plans.participant_id', '=', participantId)
    .orderBy('action_plans.version_number', 'desc')
    .execute();
}
export type PlanVersionRow = Awaited<ReturnType<typeof listPlanVersions>>[number];

/** The plan versions agreed at a meeting (plans record the meeting they were agreed in), newest first, with who checked them. */
export async function listPlansAgreedAtMeeting(db: Kysely<Database>, meetingId: string) {
  return db
    .selectFrom('action_plans')
    .leftJoin('team_members as checker', 'checker.id', 'action_plans.checked_by_id')
    .selectAll('action_plans')
    .select('checker.full_name as checked_by_name')
    .where('action_plans.meeting_id', '=', meetingId)
    .orderBy('action_plans.version_number', 'desc')
    .execute();
}

/** The ids of people whose plan was agreed at this meeting. */
export async function participantsWithPlanAgreedAt(db: Kysely<Database>, meetingId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('action_plans').select('participant_id').where('meeting_id', '=', meetingId).execute();
  return new Set(rows.map((row) => row.participant_id));
}

export async function findPlan(db: Kysely<Database>, id: string): Promise<ActionPlanRow | undefined> {
  return db.selectFrom('action_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The newest version of a person's plan, whatever its status. */
export async function latestPlan(db: Kysely<Database>, participantId: string): Promise<ActionPlanRow | undefined> {
  return db
    .selectFrom('action_plans')
    .selectAll()
    .where('participant_id', '=', participantId)
    .orderBy('version_number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertPlan(db: Kysely<Database>, row: Insertable<ActionPlanTable>): Promise<void> {
  await db.insertInto('action_plans').values(row).execute();
}

/** Saves over a draft at the revision the editor started from; returns whether it did. */
export async function updateDraftPlan(
  db: Kysely<Database>,
  change: { id: string; expectedRevision: number; contentJson: string; reviewOn: string | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('action_plans')
    .set((eb) => ({
      content_json: change.contentJson,
      review_on: change.reviewOn,
      next_review_on: change.reviewOn,
      updated_at: change.at,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', change.id)
    .where('status', '=', 'draft')
    .where('revision', '=', change.expectedRevision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves a version from one status to the next, only if it is still in the expected status (and,
 * for a draft, at the expected revision); returns whether it did.
 */
export async function transitionPlan(
  db: Kysely<Database>,
  change: { id: string; from: string; expectedRevision?: number; set: PlanTransition },
): Promise<boolean> {
  let query = db.updateTable('action_plans').set(change.set).where('id', '=', change.id).where('status', '=', change.from);
  if (change.expectedRevision !== undefined) query = query.where('revision', '=', change.expectedRevision);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks every earlier agreed version of a person's plan as replaced. */
export async function supersedeEarlierVersions(
  db: Kysely<Database>,
  participantId: string,
  beforeVersion: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('action_plans')
    .set({ status: 'superseded', closed_at: at })
    .where('participant_id', '=', participantId)
    .where('version_number', '<', beforeVersion)
    .where('status', 'in', ['agreed_by_mdt', 'agreed_with_person', 'active'])
    .execute();
}

export async function insertActionUpdate(db: Kysely<Database>, row: ActionUpdateTable): Promise<void> {
  await db.insertInto('action_updates').values(row).execute();
}

/** Progress updates for the given plans, oldest first, with who made them. */
export async function listActionUpdates(db: Kysely<Database>, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('action_updates')
    .innerJoin('users', 'users.id', 'action_updates.updated_by')
    .selectAll('action_updates')
    .select('users.display_name as updated_by_name')
    .where('action_updates.plan_id', 'in', planIds)
    .orderBy('action_updates.updated_at')
    .execute();
}

export async function insertPlanReview(db: Kysely<Database>, row: PlanReviewTable): Promise<void> {
  await db.insertInto('plan_reviews').values(row).execute();
}

export async function listPlanReviews(db: Kysely<Database>, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('plan_reviews')
    .innerJoin('users', 'users.id', 'plan_reviews.reviewed_by')
    .selectAll('plan_reviews')
    .select('users.display_name as reviewed_by_name')
    .where('plan_reviews.plan_id', 'in', planIds)
    .orderBy('plan_reviews.recorded_at')
    .execute();
}

/** The plans in force (agreed with the person, or active) of these people, oldest version first so the newest wins in a map. */
export async function plansInForceOf(db: Kysely<Database>, participantIds: readonly string[]) {
  if (participantIds.length === 0) return [];
  return db
    .selectFrom('action_plans')
    .select(['id', 'participant_id', 'version_number'])
    .where('participant_id', 'in', participantIds)
    .where('status', 'in', ['agreed_with_person', 'active'])
    .orderBy('version_number')
    .execute();
}

/** A person's agreed plans still in force (agreed by the MDT onwards, not yet reviewed or replaced): what closing their case closes. */
export async function agreedPlansOf(db: Kysely<Database>, participantId: string) {
  return db
    .selectFrom('action_plans')
    .select(['id', 'status'])
    .where('participant_id', '=', participantId)
    .where('status', 'in', ['agreed_by_mdt', 'agreed_with_person', 'active'])
    .execute();
}

/** Records a person's exit and marks them exited, in the caller's transaction. */
export async function recordExit(db: Kysely<Database>, exit: Insertable<ParticipantExitTable>): Promise<void> {
  await db.insertInto('participant_exits').values(exit).execute();
  await db
    .updateTable('participants')
    .set({ status: 'exited', updated_at: exit.recorded_at })
    .where('id', '=', exit.participant_id)
    .execute();
}

export async function findExit(db: Kysely<Database>, participantId: string) {
  return db.selectFrom('participant_exits').selectAll().where('participant_id', '=', participantId).executeTakeFirst();
}
