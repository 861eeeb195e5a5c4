/**
 * The management-information return's columns, in order, and the lawful basis each is sent on
 * (issue 15, defect 2; README "Management-information return" has the same table).
 *
 * - `public_task`: service monitoring. The partnership runs the service as a public task (UK GDPR
 *   Art 6(1)(e), and Art 9(2)(h) for the management of health services), so who was referred, how,
 *   what was done and how they left are reported for everyone on the service that month.
 * - `evaluation_consent`: the outcome measures (PHQ-9, GAD-7 and WSAS scores and their dates) are
 *   only needed to evaluate the service, which needs the person's own, withdrawable consent: sent
 *   only when their evaluation consent was in force at the month's end, blank otherwise.
 *
 * Whoever had declined or withdrawn consent to the service itself at the month's end is not a
 * participant that month and has no row at all (MI_RETURN_PARTICIPATION).
 *
 * The last four columns carry the declined referrals (issue 20, item 9): after the participants'
 * rows (`row_type` `participant`, these columns blank) come rows of `row_type` `declined_referrals`,
 * one per referral route and decline reason with at least one referral declined in the month, each
 * a count and nothing else (every participant column blank). Counts of codes are not personal
 * data; they are sent on the service-monitoring basis, like the rest of the return.
 */
export const MI_RETURN_COLUMN_BASIS = {
  reporting_month: 'public_task',
  participant_reference: 'public_task',
  // One row per episode (issue 20 item 4): a person referred again after leaving has a row for each episode on the caseload that month.
  episode_number: 'public_task',
  referral_date: 'public_task',
  referral_source: 'public_task',
  consent_service: 'public_task',
  consent_share_partnership: 'public_task',
  consent_share_dwp: 'public_task',
  consent_evaluation: 'public_task',
  employment_status_at_start: 'public_task',
  fit_note_at_start: 'public_task',
  primary_barrier: 'public_task',
  first_appointment_date: 'public_task',
  plan_agreed_date: 'public_task',
  interventions_team: 'public_task',
  onward_referrals: 'public_task',
  signposts: 'public_task',
  actions_employment_support: 'public_task',
  actions_physiotherapy: 'public_task',
  actions_mental_health: 'public_task',
  actions_occupational_therapy: 'public_task',
  actions_other_discipline: 'public_task',
  phq9_baseline: 'evaluation_consent',
  phq9_baseline_date: 'evaluation_consent',
  phq9_follow_up: 'evaluation_consent',
  phq9_follow_up_date: 'evaluation_consent',
  gad7_baseline: 'evaluation_consent',
  gad7_baseline_date: 'evaluation_consent',
  gad7_follow_up: 'evaluation_consent',
  gad7_follow_up_date: 'evaluation_consent',
  wsas_baseline: 'evaluation_consent',
  wsas_baseline_date: 'evaluation_consent',
  wsas_follow_up: 'evaluation_consent',
  wsas_follow_up_date: 'evaluation_consent',
  status_at_month_end: 'public_task',
  exit_date: 'public_task',
  exit_reason: 'public_task',
  employment_outcome: 'public_task',
  row_type: 'public_task',
  declined_route: 'public_task',
  decline_reason: 'public_task',
  declined_referrals: 'public_task',
} as const satisfies Record<string, MiReturnBasis>;

/** The lawful bases a column of the MI return can be sent on. */
export type MiReturnBasis = 'public_task' | 'evaluation_consent';

export type MiReturnColumn = keyof typeof MI_RETURN_COLUMN_BASIS;

/** The columns in file order (the table's order). */
export const MI_RETURN_COLUMNS = Object.keys(MI_RETURN_COLUMN_BASIS) as MiReturnColumn[];

/** A consent's state at a month's end, as the MI return reports it. */
export type MiConsentState = 'given' | 'declined' | 'withdrawn' | 'not_recorded';

/**
 * Who counts as a participant in a month: anyone on the caseload whose consent to the service did
 * not stand declined or withdrawn at the month's end (not yet recorded still counts: they were
 * referred and are being seen).
 */
export function isMiParticipant(serviceConsent: MiConsentState): boolean {
  return serviceConsent !== 'declined' && serviceConsent !== 'withdrawn';
}

/** Whether a column's value may be sent for a person, given their evaluation consent at the month's end. */
export function miColumnMaySend(column: MiReturnColumn, evaluationConsent: MiConsentState): boolean {
  return MI_RETURN_COLUMN_BASIS[column] === 'public_task' || evaluationConsent === 'given';
}
