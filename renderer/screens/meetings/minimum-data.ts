import type { MinimumData, MissingItem } from '../../../core/schemas/meetings';

/** The minimum data a case lacks, as checklist items with their labels. */
export function minimumDataProblems(minimumData: MinimumData): Array<{ item: MissingItem; label: string }> {
  return [
    ...(minimumData.joinedUpAssessment ? [] : [{ item: 'joined_up_assessment' as const, label: 'Joined-up assessment' }]),
    ...(minimumData.serviceConsent ? [] : [{ item: 'service_consent' as const, label: 'Consent to the service' }]),
  ];
}
