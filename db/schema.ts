import type { ColumnType, Generated } from 'kysely';

/**
 * The typed shape of the store for Kysely. Migrations define the tables; this interface must
 * match them (a test compares the two).
 */
export interface PartnershipTable {
  id: string;
  name: string;
  icb_code: string | null;
  is_demo: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  created_at: string;
  disabled_at: string | null;
}

export interface ParticipantTable {
  id: string;
  reference: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  nhs_number: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferred_contact_mode: ColumnType<string, string | undefined, string>;
  employment_status: ColumnType<string, string | undefined, string>;
  employer_name: string | null;
  employer_size: ColumnType<string, string | undefined, string>;
  employer_contact: string | null;
  may_contact_employer: ColumnType<number, number | undefined, number>;
  job_title: string | null;
  physical_demands: string | null;
  cognitive_demands: string | null;
  /** The GP practice's ODS code and name, null while not known (migration 036). */
  gp_practice_ods_code: ColumnType<string | null, string | null | undefined, string | null>;
  gp_practice_name: ColumnType<string | null, string | null | undefined, string | null>;
  coach_user_id: string | null;
  /** The review date of the plan in force; set by the plan services (migration 012). */
  next_review_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The latest referral date; kept by triggers on `referrals` (migration 012). */
  referred_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Unacknowledged risk flags; kept by triggers on `risk_flags`, never written by the app. */
  open_risk_flag_count: ColumnType<number, never, never>;
  /** Monitoring answers for the MI return (migration 037; core/schemas/participant-monitoring.ts): null until asked. */
  sex: ColumnType<string | null, string | null | undefined, string | null>;
  ethnic_category: ColumnType<string | null, string | null | undefined, string | null>;
  disability: ColumnType<string | null, string | null | undefined, string | null>;
  benefit_status: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReferralTable {
  id: string;
  participant_id: string;
  referral_date: string;
  route: string;
  referrer_name: string | null;
  referrer_organisation: string | null;
  reason: string;
  recorded_by: string;
  recorded_at: string;
}

export interface ConsentTable {
  id: string;
  participant_id: string;
  purpose: string;
  decision: string;
  decided_on: string;
  method: string;
  recorded_by: string;
  recorded_at: string;
  withdrawn_on: string | null;
  withdrawn_by: string | null;
  withdrawn_recorded_at: string | null;
}

export interface ReferenceCounterTable {
  name: string;
  value: Generated<number>;
}

export interface AssessmentTable {
  id: string;
  participant_id: string;
  kind: string;
  assessed_on: string;
  content_json: string;
  author_id: string;
  recorded_at: string;
  /** The discipline that wrote it: `employment_support` for the coach's joined-up assessment. */
  discipline: string | null;
  /** Bumped by each draft edit, so two people editing the same draft conflict instead of overwriting. */
  version: ColumnType<number, number | undefined, number>;
  updated_at: string | null;
  /** Set once, when signed; the row is then locked by a trigger. */
  signed_at: string | null;
  signed_by: string | null;
  /** The signed version this one corrects. */
  amends_id: string | null;
  amendment_reason: string | null;
}

export interface MeasureResultTable {
  id: string;
  participant_id: string;
  discipline: string;
  measure: string;
  taken_on: string;
  answers_json: string;
  total: number | null;
  band_label: string | null;
  risk_flag: number;
  recorded_by: string;
  recorded_at: string;
}

export interface RiskFlagTable {
  id: string;
  participant_id: string;
  measure_result_id: string | null;
  reason: string;
  raised_on: string;
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledgement_note: string | null;
  /** The action taken (core/schemas/risk-flag.ts RISK_ACTIONS); null on flags acknowledged before it was asked. */
  acknowledgement_action: string | null;
}

/** A partnership-wide setting an administrator edits (a JSON value per key), compare-and-set by version. */
export interface PartnershipSettingTable {
  key: string;
  value_json: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface DisciplineTable {
  code: string;
  label: string | null;
  is_builtin: number;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface TeamMemberTable {
  id: string;
  full_name: string;
  discipline_code: string;
  job_title: string;
  professional_body: string;
  registration_number: string | null;
  email: string | null;
  phone: string | null;
  user_id: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface DirectoryServiceTable {
  id: string;
  name: string;
  category: string;
  description: string;
  eligibility: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  referral_methods_json: string;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

/** A common action of one discipline, offered when drafting a plan; deactivated, never deleted. */
export interface ActionLibraryTable {
  id: string;
  discipline_code: string;
  kind: string;
  description: string;
  /** `one_week`, `two_weeks`, `one_month` or null: the usual time it takes, which sets the due date. */
  due_after: string | null;
  active: number;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface ActionPlanTable {
  id: string;
  participant_id: string;
  version_number: number;
  status: string;
  revision: ColumnType<number, number | undefined, number>;
  content_json: string;
  review_on: string | null;
  /** The review date in force: the plan's own until a review sets the next one. */
  next_review_on: string | null;
  based_on_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  mdt_agreed_at: string | null;
  mdt_agreed_by: string | null;
  meeting_id: string | null;
  attendee_ids_json: string | null;
  checked_by_id: string | null;
  person_agreed_on: string | null;
  person_agreement_method: string | null;
  person_agreement_recorded_by: string | null;
  activated_at: string | null;
  closed_at: string | null;
}

export interface ActionUpdateTable {
  id: string;
  plan_id: string;
  action_id: string;
  status: string;
  note: string;
  updated_by: string;
  updated_at: string;
}

export interface MeasureWordingTable {
  measure: string;
  wording_json: string;
  updated_by: string;
  updated_at: string;
}

export interface PlanReviewTable {
  id: string;
  plan_id: string;
  reviewed_on: string;
  outcome: string;
  note: string;
  next_review_on: string | null;
  reviewed_by: string;
  recorded_at: string;
}

export interface ParticipantExitTable {
  participant_id: string;
  exited_on: string;
  reason: string;
  employment_outcome: string;
  recorded_by: string;
  recorded_at: string;
  /** The words typed for an "other" reason when a case is closed (migration 033). */
  reason_note: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An episode after the first (migration 034): its referral, and the exit of the one before it. */
export interface ParticipantEpisodeTable {
  id: string;
  participant_id: string;
  number: number;
  started_on: string;
  route: string;
  referral_id: string;
  accepted_by: string;
  accepted_at: string;
  previous_ended_on: string;
  previous_end_reason: string;
  previous_end_reason_note: string | null;
  previous_employment_outcome: string;
  previous_ended_by: string;
  previous_end_recorded_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  user_id: string | null;
  username: string | null;
  action: string;
  channel: string;
  participant_id: string | null;
  subject_json: string;
  outcome: string;
  prev_hash: string;
  hash: string;
  /** Who signed the entry (the session's user) and their Ed25519 signature; null before migration 026. */
  signer_user_id: string | null;
  signature: string | null;
}

export interface WorkplaceAdjustmentsTable {
  id: string;
  participant_id: string;
  plan_id: string;
  version: number;
  content_json: string;
  saved_by: string;
  saved_at: string;
}

/** The person's approval of their employer letter's exact content (migration 024). */
export interface EmployerLetterApprovalTable {
  id: string;
  participant_id: string;
  adjustments_id: string;
  adjustments_version: number;
  content_sha256: string;
  method: string;
  approved_at: string;
  recorded_by: string;
}

export interface FitNoteTable {
  id: string;
  participant_id: string;
  issued_on: string;
  period_from: string;
  /** Null: no end date (an indefinite fit note; migration 042). */
  period_to: string | null;
  fitness: string;
  categories_json: string;
  comments: string | null;
  review_needed: number;
  issuer_setting: string;
  issuer_profession: string;
  issuer_name: string | null;
  from_conversation: number;
  replaces_id: string | null;
  correction_reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** A 3- or 6-month follow-up after exit (migration 035): append-only, corrections are new rows. */
export interface FollowUpTable {
  id: string;
  participant_id: string;
  exited_on: string;
  point: string;
  version: number;
  contacted_on: string;
  method: string;
  outcome: string;
  attempts: number | null;
  employment_status: string | null;
  same_employer: number | null;
  hours_per_week: number | null;
  note: string | null;
  replaces_id: string | null;
  correction_reason: string | null;
  recorded_by: string;
  recorded_at: string;
}

export interface AhpReportTable {
  id: string;
  participant_id: string;
  version: Generated<number>;
  status: string;
  content_json: string;
  author_id: string;
  created_at: string;
  updated_at: string;
  signed_by: string | null;
  signed_at: string | null;
  practitioner_json: string | null;
}

/** FTS5 index of the caseload (migration 012), kept by triggers on `participants`; read-only to the app. */
export interface ParticipantSearchTable {
  rowid: ColumnType<number, never, never>;
  participant_id: ColumnType<string, never, never>;
  name: ColumnType<string, never, never>;
  nhs: ColumnType<string, never, never>;
  reference: ColumnType<string, never, never>;
  family_name: ColumnType<string, never, never>;
  given_name: ColumnType<string, never, never>;
  status: ColumnType<string, never, never>;
  coach_user_id: ColumnType<string | null, never, never>;
  next_review_key: ColumnType<string, never, never>;
  referred_key: ColumnType<string, never, never>;
  open_risk: ColumnType<number, never, never>;
}

export interface MeetingTable {
  id: string;
  held_on: string;
  starts_at: string;
  chair_id: string;
  expected_attendee_ids_json: string;
  /** Null until attendance is taken. */
  present_ids_json: string | null;
  minutes_per_case: number;
  /** How long the meeting is booked for (90 before it was asked). */
  duration_minutes: ColumnType<number, number | undefined, number>;
  status: string;
  /** Set once someone orders the agenda by hand: new cases then join the end instead of re-sorting it. */
  agenda_reordered: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: string;
  ended_at: string | null;
  ended_by: string | null;
  rolled_forward_to_id: string | null;
}

export interface AgendaItemTable {
  id: string;
  meeting_id: string;
  participant_id: string;
  position: number;
  status: string;
  carried_over_from_id: string | null;
  notes: ColumnType<string, string | undefined, string>;
  decisions: ColumnType<string, string | undefined, string>;
  /** Bumped by each notes save, so two people typing at once conflict instead of overwriting. */
  version: ColumnType<number, number | undefined, number>;
  notes_updated_at: string | null;
  notes_updated_by: string | null;
  listed_at: string;
  listed_by: string;
}

export interface TriageDecisionTable {
  id: string;
  participant_id: string;
  outcome: string;
  missing_json: string;
  note: string;
  meeting_id: string | null;
  decided_by: string;
  decided_at: string;
}

export interface Database {
  partnership: PartnershipTable;
  users: UserTable;
  participants: ParticipantTable;
  reference_counters: ReferenceCounterTable;
  referrals: ReferralTable;
  consents: ConsentTable;
  assessments: AssessmentTable;
  measure_results: MeasureResultTable;
  risk_flags: RiskFlagTable;
  action_plans: ActionPlanTable;
  action_updates: ActionUpdateTable;
  plan_reviews: PlanReviewTable;
  participant_exits: ParticipantExitTable;
  participant_episodes: ParticipantEpisodeTable;
  audit_log: AuditLogTable;
  disciplines: DisciplineTable;
  team_members: TeamMemberTable;
  directory_services: DirectoryServiceTable;
  action_library: ActionLibraryTable;
  measure_wording: MeasureWordingTable;
  workplace_adjustments: WorkplaceAdjustmentsTable;
  ahp_reports: AhpReportTable;
  employer_letter_approvals: EmployerLetterApprovalTable;
  fit_notes: FitNoteTable;
  follow_ups: FollowUpTable;
  participants_search: ParticipantSearchTable;
  meetings: MeetingTable;
  agenda_items: AgendaItemTable;
  triage_decisions: TriageDecisionTable;
  legal_holds: LegalHoldTable;
  retention_purge: RetentionPurgeTable;
  security_settings: SecuritySettingTable;
  backup_log: BackupLogTable;
  export_log: ExportLogTable;
  export_log_subjects: ExportLogSubjectTable;
  export_settings: ExportSettingTable;
  unfinished_files: UnfinishedFileTable;
  partnership_settings: PartnershipSettingTable;
  referral_inbox: ReferralInboxTable;
  participant_detail_versions: ParticipantDetailVersionTable;
  contact_log: ContactLogTable;
  letters_sent: LetterSentTable;
}

/** A letter produced to the GP or the referrer (migration 036): never changed. */
export interface LetterSentTable {
  id: string;
  participant_id: string;
  kind: string;
  recipient: string;
  addressed_to: string;
  file_name: string;
  sha256: string;
  sent_by: string;
  sent_at: string;
}

/** A referral waiting in the inbox, or accepted or declined (migration 030). */
export interface ReferralInboxTable {
  id: string;
  received_at: string;
  source: string;
  position: number;
  route: string;
  consent_to_contact: number;
  details_json: string;
  recorded_by: string;
  status: string;
  version: number;
  decided_at: string | null;
  decided_by: string | null;
  decline_reason: string | null;
  participant_id: string | null;
}

/** A file being written outside the store; a row left at unlock is debris of a killed process. */
export interface UnfinishedFileTable {
  path: string;
  kind: string;
  destination: string;
  user_id: string | null;
  username: string | null;
  started_at: string;
}

/** A legal hold on a person's record (retention): while `released_at` is null it cannot be deleted. */
export interface LegalHoldTable {
  id: string;
  participant_id: string;
  reason: string;
  placed_by: string;
  placed_at: string;
  released_by: string | null;
  released_at: string | null;
  release_reason: string | null;
}

/** The one-row marker naming the participant being deleted at retention review, inside that transaction only. */
export interface RetentionPurgeTable {
  slot: number;
  participant_id: string;
}

/** One administrator setting of the security screen (`idle_lock_seconds`). */
export interface SecuritySettingTable {
  key: string;
  value: string;
  updated_by: string;
  updated_at: string;
}

/** A backup that was made (file name only, never its folder), for the backup reminder. */
export interface BackupLogTable {
  id: string;
  made_at: string;
  made_by: string;
  file_name: string;
  bytes: number;
  reason: string;
}

/** One export: who, what, where, when, and the SHA-256 of the bytes (migration 017; append-only). */
export interface ExportLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  user_id: string;
  username: string;
  kind: string;
  destination: string;
  sha256: string;
  bytes: number;
  outcome: string;
  included: number;
  skipped: number;
  failed: number;
}

/** One person in an export: included, skipped (with the reason) or failed. */
export interface ExportLogSubjectTable {
  export_id: string;
  participant_id: string;
  outcome: string;
  reason: string;
}

/** Export destination settings (migration 019): folder, FHIR base URL, bearer token. */
export interface ExportSettingTable {
  key: string;
  value: string;
  updated_by: string;
  updated_at: string;
}

/** One edit of a person's details and work: the values before and after (JSON), who and when (migration 032). */
export interface ParticipantDetailVersionTable {
  id: string;
  participant_id: string;
  version: number;
  before_json: string;
  after_json: string;
  saved_by: string;
  saved_at: string;
}

/** One contact with a person, or an appointment they did not attend (migration 032). Append-only. */
export interface ContactLogTable {
  id: string;
  participant_id: string;
  contact_on: string;
  kind: string;
  did_not_attend: number;
  outcome: string;
  recorded_by: string;
  recorded_at: string;
}
