import type { AppServices } from '../../services/app-services';
import type { RecordFollowUpInput } from '../../core/schemas/follow-up';
import { value } from './demo-with-person';
import { testDate, TEST_TODAY } from './test-clock';
import { testReferral } from './test-referral';

/**
 * Registers a synthetic person referred 300 days ago and closes their case `exitedDaysAgo` days
 * ago (support completed, stayed in work), as the signed-in coach or coordinator. Returns their id.
 */
export async function registerClosedCase(services: AppServices, familyName: string, exitedDaysAgo: number): Promise<string> {
  const referral = testReferral({ person: { nhsNumber: '', familyName } });
  const { id } = value<{ id: string }>(
    await services.dispatch('participants.register', { ...referral, referral: { ...referral.referral, date: testDate(-300) } }),
  );
  value(
    await services.dispatch('participants.close', {
      participantId: id,
      closedOn: testDate(-exitedDaysAgo),
      reason: 'support_completed',
      employmentOutcome: 'stayed_in_work',
    }),
  );
  return id;
}

/** A 3-month follow-up made today by phone: in work with the same employer, 30 hours a week. */
export function inWorkFollowUp(participantId: string, overrides: Partial<RecordFollowUpInput> = {}): RecordFollowUpInput {
  return {
    participantId,
    point: 'three_months',
    contactedOn: TEST_TODAY,
    method: 'phone',
    outcome: 'contacted',
    employmentStatus: 'in_work',
    sameEmployer: true,
    hoursPerWeek: 30,
    note: 'Back on full duties since October.',
    ...overrides,
  };
}
