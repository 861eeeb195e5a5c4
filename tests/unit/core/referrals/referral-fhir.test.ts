import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/app-error';
import { ETHNIC_CATEGORY_EXTENSION, ETHNIC_CATEGORY_SYSTEM, ODS_ORGANIZATION_SYSTEM } from '../../../../core/fhir/fhir-codes';
import { PATIENT_EXTENSION, parseReferralBundle } from '../../../../core/referrals/referral-fhir';
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

  it('reads the GP practice, sex, UK Core ethnic category, disability and benefit status from the Patient; refuses bad ones', () => {
    const practice = (odsCode: string, display?: string) => ({
      generalPractitioner: [
        { reference: 'Practitioner/elsewhere' },
        { identifier: { system: ODS_ORGANIZATION_SYSTEM, value: odsCode }, display },
      ],
    });
    const ethnicity = (code: string) => ({
      extension: [
        { url: ETHNIC_CATEGORY_EXTENSION, valueCodeableConcept: { coding: [{ system: ETHNIC_CATEGORY_SYSTEM, code }] } },
        { url: PATIENT_EXTENSION.disability, valueCode: 'no' },
        { url: PATIENT_EXTENSION.benefitStatus, valueCode: 'employment_support_allowance' },
      ],
    });
    const parsed = parseReferralBundle(
      referralBundle([
        ...referralBundleEntries(1, {}, { gender: 'male', ...practice('B82005', 'Example Road Practice'), ...ethnicity('N') }),
        ...referralBundleEntries(2, {}, { gender: 'unknown', ...ethnicity('99') }),
        ...referralBundleEntries(3, {}, practice('B82005')),
        ...referralBundleEntries(4, {}, { gender: 'other' }),
        ...referralBundleEntries(5, {}, ethnicity('X')),
        ...referralBundleEntries(6, {}, { extension: [{ url: PATIENT_EXTENSION.benefitStatus, valueCode: 'lottery' }] }),
      ]),
    );
    expect(parsed.referrals.map((read) => read.at)).toEqual([1, 3]);
    expect(parsed.referrals[0]?.referral).toMatchObject({
      gpPractice: { odsCode: 'B82005', name: 'Example Road Practice' },
      monitoring: { sex: 'male', ethnicity: 'N', disability: 'no', benefitStatus: 'employment_support_allowance' },
    });
    expect(parsed.referrals[1]?.referral).toMatchObject({
      gpPractice: null,
      monitoring: { sex: 'not_stated', ethnicity: null, disability: 'no', benefitStatus: 'employment_support_allowance' },
    });
    const reasons = new Map(parsed.refused.map((refused) => [refused.at, refused.reason]));
    expect([...reasons.keys()]).toEqual([5, 7, 9, 11]);
    expect(reasons.get(5)).toContain('gpPractice.name: Enter the practice’s name');
    expect(reasons.get(7)).toContain('monitoring.sex');
    expect(reasons.get(9)).toContain('monitoring.ethnicity');
    expect(reasons.get(11)).toContain('monitoring.benefitStatus');
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
