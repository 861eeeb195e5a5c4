/**
 * The management-information return's columns, in order, and the lawful basis each is sent on
 * (issue 15, defect 2; README "Management-information return" has the same table).
 *
 * - `public_task`: service monitoring. The partnership runs the service as a public task (UK GDPR
 *   Art 6(1)(e), and Art 9(2)(h) for the management of health services), so who was referred, how,
 *   what was done and how they left are reported for everyone on the service that month.
 * - `evaluation_consent`: the outcome measures (PHQ-9, GAD-7, WSAS, MSK-HQ and work ability scores
 *   and their dates) and benefit status are only needed to evaluate the service, which needs the
 *   person's own, withdrawable consent: sent only when their evaluation consent was in force at the
 *   month's end, blank otherwise.
 * - `special_category_consent`: ethnicity and disability (issue 20 item 9) are special category
 *   data (UK GDPR Art 9: racial or ethnic origin; health) that describe the person rather than what
 *   happened in the month, and the service needs neither to run, so they rest on the person's
 *   explicit evaluation consent (Art 9(2)(a)) alone, under a stricter condition: in force at the
 *   month's end AND still in force when the return is made. Making a return is processing done
 *   now, so a withdrawal blanks them at once, even in a past month's return made again (a score
 *   taken while consent stood keeps the month's own rule).
 * Age band (never the date of birth), sex and the partnership's own area code describe whom the
 * service reaches; neither age nor sex is special category, and the area is the partnership's, not
 * the person's: service monitoring, on public task.
 *
 * Whoever had declined or withdrawn consent to the service itself at the month's end is not a
 * participant that month and has no row at all (MI_RETURN_PARTICIPATION).
 *
 * The follow-up columns (issue 20 item 6) report whether people stayed in work 3 and 6 months after
 * leaving: service monitoring, like the exit's employment outcome.
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
  referral_date: 'public_task',
  referral_source: 'public_task',
  age_band: 'public_task',
  sex: 'public_task',
  ethnic_category: 'special_category_consent',
  disability: 'special_category_consent',
  area_code: 'public_task',
  benefit_status: 'evaluation_consent',
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
  mskhq_baseline: 'evaluation_consent',
  mskhq_baseline_date: 'evaluation_consent',
  mskhq_follow_up: 'evaluation_consent',
  mskhq_follow_up_date: 'evaluation_consent',
  work_ability_baseline: 'evaluation_consent',
  work_ability_baseline_date: 'evaluation_consent',
  work_ability_follow_up: 'evaluation_consent',
  work_ability_follow_up_date: 'evaluation_consent',
  status_at_month_end: 'public_task',
  exit_date: 'public_task',
  exit_reason: 'public_task',
  employment_outcome: 'public_task',
  follow_up_3_months_status: 'public_task',
  follow_up_3_months_date: 'public_task',
  follow_up_6_months_status: 'public_task',
  follow_up_6_months_date: 'public_task',
  row_type: 'public_task',
  declined_route: 'public_task',
  decline_reason: 'public_task',
  declined_referrals: 'public_task',
} as const satisfies Record<string, MiReturnBasis>;

/** The lawful bases a column of the MI return can be sent on. */
export type MiReturnBasis = 'public_task' | 'evaluation_consent' | 'special_category_consent';

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

/**
 * Whether a column's value may be sent for a person, given their evaluation consent at the month's
 * end and when the return is made. Special category columns need both; a caller that does not say
 * how consent stands now sends none of them (fails closed).
 */
export function miColumnMaySend(
  column: MiReturnColumn,
  evaluationConsent: MiConsentState,
  evaluationConsentWhenMade: MiConsentState = 'not_recorded',
): boolean {
  const basis: MiReturnBasis = MI_RETURN_COLUMN_BASIS[column];
  if (basis === 'public_task') return true;
  if (basis === 'evaluation_consent') return evaluationConsent === 'given';
  return evaluationConsent === 'given' && evaluationConsentWhenMade === 'given';
}

/** A consent state as the store query reads it (null: none decided by then), in the MI return's terms. */
export function miConsentState(state: string | number | null | undefined): MiConsentState {
  return state === 'given' || state === 'declined' || state === 'withdrawn' ? state : 'not_recorded';
}
