import type { MiReturnSourceRow } from '../../db/repositories/mi-return-repository';

/** The referral's own answer, for an episode with no fit note recorded in force at its start. */
const FROM_REFERRAL: Readonly<Record<string, string>> = { off_sick_fit_note: 'yes', off_sick_no_fit_note: 'no' };

/**
 * The MI return's `fit_note_at_start` (issue 20 item 2): `yes` when a fit note recorded on the record
 * was in force on the episode's start (what was issued beats what the referral said); otherwise the
 * referral's answer: `yes` off sick with a fit note, `no` off sick without one, `not_applicable`.
 */
export function fitNoteAtStart(row: MiReturnSourceRow): string {
  if (row.fit_note_in_force_at_start === 1) return 'yes';
  return FROM_REFERRAL[String(row.employment_status)] ?? 'not_applicable';
}
