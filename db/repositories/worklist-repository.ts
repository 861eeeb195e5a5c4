import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/** The plan statuses whose actions are being delivered: agreed by the MDT onwards, until reviewed or replaced. */
const IN_FORCE_STATUSES = ['agreed_by_mdt', 'agreed_with_person', 'active'];

/**
 * Whether a plan's JSON mentions any of these ids anywhere: a plain substring test, far cheaper
 * than parsing the JSON, so json_each then runs only on the few plans that can match (ids are
 * UUIDs, so a mention is almost always the owner; json_each makes sure).
 */
function mentionsAnyOf(column: string, ids: readonly string[]) {
  return sql<boolean>`(${sql.join(
    ids.map((id) => sql`instr(${sql.ref(column)}, ${id}) > 0`),
    sql` OR `,
  )})`;
}

/** The team-member ids linked to an app account (action owners are team members, not accounts). */
export async function teamMemberIdsOfUser(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_members').select('id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.id);
}

/**
 * Plans in force with at least one action owned by one of `ownerIds`, with the person each is for.
 * The JSON is searched inside SQLite (json_each), so only the matching plans are read out.
 */
export async function inForcePlansWithActionsOwnedBy(db: Kysely<Database>, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('action_plans')
    .innerJoin('participants', 'participants.id', 'action_plans.participant_id')
    .select([
      'action_plans.id',
      'action_plans.participant_id',
      'action_plans.content_json',
      'participants.reference',
      'participants.given_name',
      'participants.family_name',
    ])
    .where('action_plans.status', 'in', IN_FORCE_STATUSES)
    .where(mentionsAnyOf('action_plans.content_json', ownerIds))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom(sql<{ value: string }>`json_each(action_plans.content_json, '$.actions')`.as('action'))
          .select(sql`1`.as('one'))
          .where(sql<string>`json_extract(action.value, '$.ownerId')`, 'in', ownerIds),
      ),
    )
    .execute();
}

/** The latest progress status of each action of these plans (keyed `planId/actionId`). */
export async function latestActionStatuses(db: Kysely<Database>, planIds: readonly string[]): Promise<Map<string, string>> {
  if (planIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('action_updates')
    .select(['plan_id', 'action_id', 'status'])
    .where('plan_id', 'in', planIds)
    .orderBy('updated_at')
    .execute();
  return new Map(rows.map((row) => [`${row.plan_id}/${row.action_id}`, row.status]));
}

/** What an author left unsigned: assessments (joined-up and discipline), plan drafts and AHP report drafts, newest first. */
export async function draftsStartedBy(db: Kysely<Database>, userId: string) {
  const person = ['participants.reference', 'participants.given_name', 'participants.family_name'] as const;
  const assessments = await db
    .selectFrom('assessments')
    .innerJoin('participants', 'participants.id', 'assessments.participant_id')
    .select(['assessments.id', 'assessments.participant_id', 'assessments.kind', ...person])
    .select(sql<string>`ifnull(assessments.updated_at, assessments.recorded_at)`.as('updated_at'))
    .where('assessments.author_id', '=', userId)
    .where('assessments.signed_at', 'is', null)
    .execute();
  const plans = await db
    .selectFrom('action_plans')
    .innerJoin('participants', 'participants.id', 'action_plans.participant_id')
    .select(['action_plans.id', 'action_plans.participant_id', 'action_plans.updated_at', ...person])
    .where('action_plans.created_by', '=', userId)
    .where('action_plans.status', '=', 'draft')
    .execute();
  const reports = await db
    .selectFrom('ahp_reports')
    .innerJoin('participants', 'participants.id', 'ahp_reports.participant_id')
    .select(['ahp_reports.id', 'ahp_reports.participant_id', 'ahp_reports.updated_at', ...person])
    .where('ahp_reports.author_id', '=', userId)
    .where('ahp_reports.status', '=', 'draft')
    .execute();
  return { assessments, plans, reports };
}

/** Whose people: the user, and the team members linked to their account (who own plan actions). */
export interface PeopleOf {
  readonly userId: string;
  readonly memberIds: readonly string[];
}

/**
 * "Their people", as one condition on `participants`: those the user coaches, has written an
 * assessment for, or owns an action for in the plan in force.
 */
function isOneOfTheirPeople(of: PeopleOf) {
  return sql<boolean>`(participants.coach_user_id = ${of.userId}
    OR EXISTS (SELECT 1 FROM assessments a WHERE a.participant_id = participants.id AND a.author_id = ${of.userId})
    OR ${of.memberIds.length === 0 ? sql`0` : ownsAnActionInForce(of.memberIds)})`;
}

/** An EXISTS on `participants`: their plan in force has an action owned by one of these team members. */
function ownsAnActionInForce(memberIds: readonly string[]) {
  return sql<boolean>`EXISTS (SELECT 1 FROM action_plans ap, json_each(ap.content_json, '$.actions') action
      WHERE ap.participant_id = participants.id AND ap.status IN (${sql.join(IN_FORCE_STATUSES)})
      AND ${mentionsAnyOf('ap.content_json', memberIds)}
      AND json_extract(action.value, '$.ownerId') IN (${sql.join(memberIds)}))`;
}

/**
 * Their people whose review is due by `dueBy`, soonest first: the caseload's "Review due" condition
 * (the same expression as its index) narrowed to them.
 */
export async function reviewsDueAmongPeopleOf(db: Kysely<Database>, of: PeopleOf, dueBy: string, limit: number) {
  return db
    .selectFrom('participants')
    .select(['id', 'reference', 'given_name', 'family_name', 'next_review_on', 'open_risk_flag_count'])
    .where(sql<boolean>`ifnull(participants.next_review_on, '9999-12-31') <= ${dueBy}`)
    .where(isOneOfTheirPeople(of))
    .orderBy(sql`ifnull(participants.next_review_on, '9999-12-31')`)
    .orderBy('family_name')
    .orderBy('given_name')
    .limit(limit)
    .execute();
}

/** A meeting's cases in agenda order, each marked whether it is one of their people (`theirs`: 1 or 0). */
export async function agendaCasesOf(db: Kysely<Database>, meetingId: string, of: PeopleOf) {
  return db
    .selectFrom('agenda_items')
    .innerJoin('participants', 'participants.id', 'agenda_items.participant_id')
    .select(['participants.id', 'participants.reference', 'participants.given_name', 'participants.family_name'])
    .select(isOneOfTheirPeople(of).as('theirs'))
    .where('agenda_items.meeting_id', '=', meetingId)
    .orderBy('agenda_items.position')
    .orderBy('agenda_items.listed_at')
    .execute();
}

/** The first meeting still planned on or after `today`, soonest first. */
export async function firstPlannedMeetingFrom(db: Kysely<Database>, today: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'held_on', 'starts_at', 'chair_id'])
    .where('status', '=', 'planned')
    .where('held_on', '>=', today)
    .orderBy('held_on')
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
}
