import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/app-error';
import { parseReferralBundle } from '../../../../core/referrals/referral-fhir';
import { referralBundle, referralBundleEntries } from '../../../support/referral-files';

describe('FHIR R4 ServiceRequest + Patient referral import (issue 20, item 1)', () => {
  it('reads each ServiceRequest with the Patient it names, by fullUrl or Patient/id', () => {
    const [patient, request] = referralBundleEntries(2) as [{ resource: Record<string, unknown> }, { resource: Record<string, unknown> }];
    const byId = [
      { resource: { ...patient.resource, id: 'p2' } },
      { resource: { ...request.resource, subject: { reference: 'Patient/p2' } } },
    ];
    const parsed = parseReferralBundle(referralBundle([...referralBundleEntries(1), ...byId]));
    expect(parsed.refused).toEqual([]);
    expect(parsed.referrals.map((read) => read.at)).toEqual([1, 3]);
    const first = parsed.referrals[0]?.referral;
    expect(first?.person).toMatchObject({ givenName: 'Robin1', familyName: 'Bundleperson', postcode: 'S10 2TN' });
    expect(first?.person.address).toBe('1 Example Street, Sheffield');
    expect(first?.referral).toMatchObject({ route: 'gp', date: '2026-11-25', referrerName: 'Dr Example' });
    expect(first?.employment).toMatchObject({ status: 'off_sick_fit_note', employerName: 'Example Steel Ltd' });
    expect(first?.consentToContact).toBe(true);
  });

  it('refuses each bad entry with its index and reason, keeping the rest', () => {
    const entries = [
      ...referralBundleEntries(1),
      ...referralBundleEntries(2, { subject: { reference: 'urn:uuid:nobody' } }),
      ...referralBundleEntries(3, { extension: [] }),
      { resource: { resourceType: 'Observation' } },
      { fullUrl: 'urn:uuid:no-resource' },
      ...referralBundleEntries(4, { category: [] }),
    ];
    const parsed = parseReferralBundle(referralBundle(entries));
    expect(parsed.referrals.map((read) => read.at)).toEqual([1]);
    const reasons = new Map(parsed.refused.map((refused) => [refused.at, refused.reason]));
    expect([...reasons.keys()]).toEqual([3, 5, 6, 7, 9]);
    expect(reasons.get(3)).toContain('urn:uuid:nobody is not a Patient in this bundle');
    expect(reasons.get(5)).toContain('employment.status');
    expect(reasons.get(5)).toContain('consentToContact');
    expect(reasons.get(6)).toContain('Observation is not a referral');
    expect(reasons.get(7)).toBe('the entry has no resource');
    expect(reasons.get(9)).toContain('referral.route');
  });

  it('refuses the whole file when it is not JSON or not a Bundle', () => {
    for (const [text, message] of [
      ['{not json', 'not JSON'],
      ['{"resourceType":"Patient"}', 'not a FHIR R4 Bundle'],
    ] as const) {
      let refused: unknown;
      try {
        parseReferralBundle(text);
      } catch (error) {
        refused = error;
      }
      expect(isAppError(refused) && refused.code === 'VALIDATION' && refused.message.includes(message)).toBe(true);
    }
  });
});
