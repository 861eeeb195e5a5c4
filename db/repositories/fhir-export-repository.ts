import type { FhirExportAction } from '../../core/fhir/export-data';
import type { ParticipantTable } from '../schema';
import type { Store } from '../store';

/*
 * What the FHIR export reads, one batch of people at a time. Synchronous raw statements, so a
 * batch costs a handful of statements rather than a query per person; a batch's ids travel as
 * one JSON array (`json_each`), so any batch size binds a single parameter.
 */

const IN_BATCH = 'participant_id IN (SELECT value FROM json_each(?))';

/** A person as the export names them. */
export type ExportPersonRow = Readonly<
  Pick<ParticipantTable, 'id' | 'reference' | 'given_name' | 'family_name' | 'date_of_birth' | 'nhs_number'> & {
    exited_on: string | null;
    gp_practice_ods_code: string | null;
    gp_practice_name: string | null;
    sex: string | null;
  }
>;

/** The other rows the export reads, each named for its table. */
export type ExportTeamMemberRow = Readonly<{ id: string; full_name: string; discipline_code: string; label: string | null }>;
export type ExportServiceRow = Readonly<{ id: string; name: string }>;
export type ExportConsentRow = Readonly<{
  participant_id: string;
  id: string;
  decision: string;
  decided_on: string;
  withdrawn_on: string | null;
}>;
export type ExportReferralRow = Readonly<{ participant_id: string; id: string; referral_date: string; route: string }>;
export type ExportMeasureRow = Readonly<{ participant_id: string; id: string; measure: 'phq9' | 'gad7'; taken_on: string; total: number }>;
export type ExportAssessmentRow = Readonly<{ participant_id: string; id: string; assessed_on: string; content_json: string }>;
export type ExportActionStatusRow = Readonly<{ plan_id: string; action_id: string; status: FhirExportAction['status'] }>;

/** How many people the store holds. */
export function countAllParticipants(store: Pick<Store, 'sqlite'>): number {
  return (store.sqlite.prepare('SELECT count(*) AS n FROM participants').get() as { n: number }).n;
}

/** The next `limit` people in id order after `afterId` ('' for the first): keyset paging. */
export function listPeopleAfter(store: Pick<Store, 'sqlite'>, afterId: string, limit: number): ExportPersonRow[] {
  return store.sqlite
    .prepare(
      `SELECT p.id, p.reference, p.given_name, p.family_name, p.date_of_birth, p.nhs_number, e.exited_on,
              p.gp_practice_ods_code, p.gp_practice_name, p.sex
         FROM participants p LEFT JOIN participant_exits e ON e.participant_id = p.id
        WHERE p.id > ? ORDER BY p.id LIMIT ?`,
    )
    .all(afterId, limit) as ExportPersonRow[];
}

/** Every team member with their discipline's configured label (null when the discipline is not configured). */
export function listTeamMembersWithDisciplineLabel(store: Pick<Store, 'sqlite'>): ExportTeamMemberRow[] {
  return store.sqlite
    .prepare(
      'SELECT t.id, t.full_name, t.discipline_code, d.label FROM team_members t LEFT JOIN disciplines d ON d.code = t.discipline_code',
    )
    .all() as ExportTeamMemberRow[];
}

/** Every directory service's id and name. */
export function listDirectoryServiceNames(store: Pick<Store, 'sqlite'>): ExportServiceRow[] {
  return store.sqlite.prepare('SELECT id, name FROM directory_services').all() as ExportServiceRow[];
}

/** Each person's newest decision about sharing with the partnership system (none for people never asked). */
export function latestSharingConsents(store: Pick<Store, 'sqlite'>, participantIds: readonly string[]): ExportConsentRow[] {
  return store.sqlite
    .prepare(
      `SELECT participant_id, id, decision, decided_on, withdrawn_on FROM consents c WHERE ${IN_BATCH} AND purpose = 'share_partnership'
       AND NOT EXISTS (SELECT 1 FROM consents newer WHERE newer.participant_id = c.participant_id AND newer.purpose = c.purpose
         AND (newer.recorded_at > c.recorded_at OR (newer.recorded_at = c.recorded_at AND newer.id > c.id)))`,
    )
    .all(JSON.stringify(participantIds)) as ExportConsentRow[];
}

/** These people's referrals, oldest first. */
export function listReferralsOf(store: Pick<Store, 'sqlite'>, participantIds: readonly string[]): ExportReferralRow[] {
  return store.sqlite
    .prepare(`SELECT participant_id, id, referral_date, route FROM referrals WHERE ${IN_BATCH} ORDER BY referral_date, id`)
    .all(JSON.stringify(participantIds)) as ExportReferralRow[];
}

/** These people's scored PHQ-9 and GAD-7 results, oldest first. */
export function listPhq9AndGad7ResultsOf(store: Pick<Store, 'sqlite'>, participantIds: readonly string[]): ExportMeasureRow[] {
  return store.sqlite
    .prepare(
      `SELECT participant_id, id, measure, taken_on, total FROM measure_results WHERE ${IN_BATCH} AND measure IN ('phq9', 'gad7') AND total IS NOT NULL ORDER BY taken_on, id`,
    )
    .all(JSON.stringify(participantIds)) as ExportMeasureRow[];
}

/** Each person's newest joined-up assessment (an amendment is newer than what it amends). */
export function latestJoinedUpAssessments(store: Pick<Store, 'sqlite'>, participantIds: readonly string[]): ExportAssessmentRow[] {
  return store.sqlite
    .prepare(
      `SELECT participant_id, id, assessed_on, content_json FROM assessments a WHERE ${IN_BATCH} AND kind = 'joined_up'
       AND NOT EXISTS (SELECT 1 FROM assessments newer WHERE newer.participant_id = a.participant_id AND newer.kind = a.kind
         AND (newer.recorded_at > a.recorded_at OR (newer.recorded_at = a.recorded_at AND newer.id > a.id)))`,
    )
    .all(JSON.stringify(participantIds)) as ExportAssessmentRow[];
}

/** A plan version as the export reads it. */
export interface ExportPlanRow {
  readonly participant_id: string;
  readonly id: string;
  readonly version_number: number;
  readonly status: string;
  readonly mdt_agreed_at: string | null;
  readonly created_at: string;
  readonly next_review_on: string | null;
  readonly review_on: string | null;
  readonly content_json: string;
  readonly attendee_ids_json: string | null;
}

/** These people's plan versions in any of `statuses`, newest version first. */
export function listPlanVersionsInStatus(
  store: Pick<Store, 'sqlite'>,
  participantIds: readonly string[],
  statuses: readonly string[],
): ExportPlanRow[] {
  return store.sqlite
    .prepare(
      `SELECT participant_id, id, version_number, status, mdt_agreed_at, created_at, next_review_on, review_on, content_json, attendee_ids_json FROM action_plans p
       WHERE ${IN_BATCH} AND status IN (SELECT value FROM json_each(?))
       ORDER BY version_number DESC`,
    )
    .all(JSON.stringify(participantIds), JSON.stringify(statuses)) as ExportPlanRow[];
}

/** The newest progress update of each action of these plans. */
export function latestActionStatuses(store: Pick<Store, 'sqlite'>, planIds: readonly string[]): ExportActionStatusRow[] {
  return store.sqlite
    .prepare(
      `SELECT plan_id, action_id, status FROM action_updates u WHERE plan_id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM action_updates newer WHERE newer.plan_id = u.plan_id AND newer.action_id = u.action_id AND (newer.updated_at > u.updated_at OR (newer.updated_at = u.updated_at AND newer.id > u.id)))`,
    )
    .all(JSON.stringify(planIds)) as ExportActionStatusRow[];
}
