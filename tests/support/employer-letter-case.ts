/**
 * The inputs of the employer-letter case the approval tests share: the person's consent to share
 * adjustments with their employer, and one adjustment whose `need` is what the letter says.
 */

/** `consents.record`: the person agreed (verbally) to their adjustments being shared with their employer. */
export function employerShareConsent(participantId: string) {
  return { participantId, purpose: 'share_employer', decision: 'given', date: '2026-11-20', method: 'verbal' } as const;
}

/** `adjustments.save` with one amended-duties adjustment; a new `need` changes the letter (and lapses an approval). */
export function oneAdjustment(
  participantId: string,
  need: string,
  options: { version?: number; contractedHoursPerWeek?: number | null } = {},
) {
  return {
    participantId,
    ...(options.version === undefined ? {} : { version: options.version }),
    contractedHoursPerWeek: options.contractedHoursPerWeek === undefined ? 37.5 : options.contractedHoursPerWeek,
    adjustments: [
      {
        id: 'adj-1',
        category: 'amended_duties',
        recommendation: 'no_lifting',
        functionalNeed: need,
        startOn: '2026-12-07',
        durationWeeks: 6,
        reviewOn: '2027-01-18',
        status: 'proposed',
        teamNote: '',
      },
    ],
    gradedReturn: null,
  };
}
