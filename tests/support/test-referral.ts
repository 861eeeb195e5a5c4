import type { RegisterParticipantInput } from '../../core/schemas/referral';

/** A valid registration of a synthetic person; override any part. */
export function testReferral(
  overrides: { person?: Partial<RegisterParticipantInput['person']>; confirmedNotDuplicate?: boolean } = {},
): RegisterParticipantInput {
  return {
    person: {
      givenName: 'Alex',
      familyName: 'Testperson',
      dateOfBirth: '1984-03-02',
      nhsNumber: '999 000 0018',
      phone: '07700 900123',
      preferredContactMode: 'phone',
      ...overrides.person,
    },
    employment: {
      status: 'off_sick_fit_note',
      employerName: 'Example Logistics Ltd',
      employerSize: 'large',
      mayContactEmployer: true,
      jobTitle: 'Warehouse operative',
    },
    referral: {
      date: '2026-11-02',
      route: 'gp',
      referrerName: 'Dr Example',
      reason: 'Back pain since a lifting injury; off work for four weeks.',
    },
    confirmedNotDuplicate: overrides.confirmedNotDuplicate ?? false,
  };
}
