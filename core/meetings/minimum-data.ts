import type { MinimumData, MissingItem } from '../schemas/meetings';

/**
 * The one "ready for the MDT" rule: what a case's minimum data lacks, in checklist order. Triage's
 * "ready" list, its "not ready" list, the triage form and the refusal to list a case all use it, so
 * no screen calls a case ready while another says something is missing.
 */
export function missingMinimumData(minimumData: MinimumData): MissingItem[] {
  return [
    ...(minimumData.joinedUpAssessment ? [] : (['joined_up_assessment'] as const)),
    ...(minimumData.serviceConsent ? [] : (['service_consent'] as const)),
  ];
}

/** Whether the case has the minimum data to be listed for a full discussion. */
export function hasMinimumData(minimumData: MinimumData): boolean {
  return missingMinimumData(minimumData).length === 0;
}
