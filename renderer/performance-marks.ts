/**
 * User Timing marks read by the caseload-at-scale end-to-end test (and visible in any browser's
 * performance panel): when Unlock is submitted, and when the first caseload page is on screen.
 */
export const PERFORMANCE_MARKS = {
  unlockSubmitted: 'workwell:unlock-submitted',
  caseloadFirstPage: 'workwell:caseload-first-page',
  /** The measure between the two, made when the first page appears after an unlock. */
  unlockToCaseload: 'workwell:unlock-to-caseload',
} as const;

/** Marks Unlock being submitted (clearing any earlier run's marks, so each unlock is measured afresh). */
export function markUnlockSubmitted(): void {
  performance.clearMarks(PERFORMANCE_MARKS.caseloadFirstPage);
  performance.clearMeasures(PERFORMANCE_MARKS.unlockToCaseload);
  performance.mark(PERFORMANCE_MARKS.unlockSubmitted);
}

/** Marks the first caseload page rendered and, after an unlock, measures the time from Unlock to it. */
export function markCaseloadFirstPage(): void {
  if (performance.getEntriesByName(PERFORMANCE_MARKS.caseloadFirstPage, 'mark').length > 0) return;
  performance.mark(PERFORMANCE_MARKS.caseloadFirstPage);
  if (performance.getEntriesByName(PERFORMANCE_MARKS.unlockSubmitted, 'mark').length > 0) {
    performance.measure(PERFORMANCE_MARKS.unlockToCaseload, PERFORMANCE_MARKS.unlockSubmitted, PERFORMANCE_MARKS.caseloadFirstPage);
  }
}
