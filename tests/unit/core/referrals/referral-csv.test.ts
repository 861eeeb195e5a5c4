import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../../core/app-error';
import { OPTIONAL_REFERRAL_CSV_COLUMNS, REFERRAL_CSV_COLUMNS, parseReferralCsv } from '../../../../core/referrals/referral-csv';
import { referralCsv, referralCsvRow } from '../../../support/referral-files';

function refusedWhole(text: string): string {
  try {
    parseReferralCsv(text);
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION') return error.message;
    throw error;
  }
  throw new Error('the file was not refused');
}

describe('referral CSV import (issue 20, item 1)', () => {
  it('reads good rows with quoted commas, quotes and line breaks, in any column order', () => {
    const parsed = parseReferralCsv(referralCsv([referralCsvRow(1), referralCsvRow(2, { consent_to_contact: 'No' })]));
    expect(parsed.refused).toEqual([]);
    expect(parsed.referrals.map((read) => read.at)).toEqual([2, 3]);
    const first = parsed.referrals[0]?.referral;
    expect(first?.employment.employerName).toBe('Example Foods, "North" site');
    expect(first?.referral.reason).toBe('Anxiety since redundancy;\nwants to get back to work.');
    expect(first?.person.nhsNumber).toMatch(/^999\d{7}$/);
    expect(first?.employment.weeksOutOfWork).toBe(6);
    expect(first?.consentToContact).toBe(true);
    expect(parsed.referrals[1]?.referral.consentToContact).toBe(false);
  });

  it('refuses each kind of bad row with its row number and reason, keeping the good rows', () => {
    const parsed = parseReferralCsv(
      referralCsv([
        referralCsvRow(1),
        referralCsvRow(2, { nhs_number: '9990000019' }),
        referralCsvRow(3, { date_of_birth: '1980-02-30' }),
        referralCsvRow(4, { route: 'carrier_pigeon' }),
        referralCsvRow(5, { consent_to_contact: 'maybe' }),
        referralCsvRow(6, { given_name: '' }),
        referralCsvRow(7, { weeks_out_of_work: 'six' }),
        referralCsvRow(8, { postcode: 'NOT A CODE' }),
        referralCsvRow(9, { referral_date: '2027-01-01' }),
        referralCsvRow(10),
      ]),
    );
    expect(parsed.referrals.map((read) => read.at)).toEqual([2, 11]);
    const reasons = new Map(parsed.refused.map((refused) => [refused.at, refused.reason]));
    expect([...reasons.keys()]).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(reasons.get(3)).toContain('person.nhsNumber: Enter a valid 10-digit NHS number');
    expect(reasons.get(4)).toContain('person.dateOfBirth');
    expect(reasons.get(5)).toContain('referral.route: Choose the referral route');
    expect(reasons.get(6)).toContain('consentToContact');
    expect(reasons.get(7)).toContain('person.givenName: Enter the given name');
    expect(reasons.get(8)).toContain('employment.weeksOutOfWork');
    expect(reasons.get(9)).toContain('person.postcode: Enter a real postcode');
    expect(reasons.get(10)).toContain('Referral date must be today or in the past');
  });

  it('reads the optional GP practice and monitoring columns with registration codes, refusing a bad one with its reason', () => {
    const withAnswers = {
      gp_practice_ods_code: 'a81 001',
      gp_practice_name: 'Example Street Surgery',
      sex: 'Female',
      ethnic_category: 'h',
      disability: 'yes',
      benefit_status: 'universal_credit',
    };
    const parsed = parseReferralCsv(
      referralCsv([
        referralCsvRow(1, withAnswers),
        referralCsvRow(2),
        referralCsvRow(3, { ...withAnswers, gp_practice_name: '' }),
        referralCsvRow(4, { ...withAnswers, gp_practice_ods_code: 'RHQ' }),
        referralCsvRow(5, { ethnic_category: 'Q' }),
        referralCsvRow(6, { sex: 'other' }),
        referralCsvRow(7, { disability: 'perhaps' }),
        referralCsvRow(8, { benefit_status: 'jobseekers' }),
      ]),
    );
    expect(parsed.referrals.map((read) => read.at)).toEqual([2, 3]);
    expect(parsed.referrals[0]?.referral).toMatchObject({
      gpPractice: { odsCode: 'A81001', name: 'Example Street Surgery' },
      monitoring: { sex: 'female', ethnicity: 'H', disability: 'yes', benefitStatus: 'universal_credit' },
    });
    expect(parsed.referrals[1]?.referral).toMatchObject({
      gpPractice: null,
      monitoring: { sex: null, ethnicity: null, disability: null, benefitStatus: null },
    });
    const reasons = new Map(parsed.refused.map((refused) => [refused.at, refused.reason]));
    expect([...reasons.keys()]).toEqual([4, 5, 6, 7, 8, 9]);
    expect(reasons.get(4)).toContain('gpPractice.name: Enter the practice’s name, or leave both blank');
    expect(reasons.get(5)).toContain('gpPractice.odsCode: Enter the practice’s ODS code');
    expect(reasons.get(6)).toContain('monitoring.ethnicity: Choose an ethnic category');
    expect(reasons.get(7)).toContain('monitoring.sex: Choose the person’s sex');
    expect(reasons.get(8)).toContain('monitoring.disability');
    expect(reasons.get(9)).toContain('monitoring.benefitStatus');
  });

  it('refuses a row with the wrong number of cells on its own', () => {
    const good = referralCsv([referralCsvRow(1)]);
    const parsed = parseReferralCsv(`${good}too,few,cells\r\n`);
    expect(parsed.referrals).toHaveLength(1);
    expect(parsed.refused).toEqual([{ at: 3, reason: `has 3 cells where the header has ${REFERRAL_CSV_COLUMNS.length}` }]);
  });

  it('refuses the whole file for a header that is not the column list, an empty file, or an open quote', () => {
    const header = REFERRAL_CSV_COLUMNS.join(',');
    expect(refusedWhole(header.replace('postcode,', ''))).toContain('missing postcode');
    expect(refusedWhole(`${header},shoe_size`)).toContain('not known shoe_size');
    expect(refusedWhole(`${header},reason`)).toContain('repeated reason');
    expect(refusedWhole(`${header},sex,sex`)).toContain('repeated sex');
    expect(refusedWhole(`${header},gp_practice`)).toContain('not known gp_practice');
    expect(refusedWhole('')).toContain('empty');
    expect(refusedWhole(`${header}\r\n"unfinished`)).toContain('quoted cell');
  });

  it('is the column list README documents, the optional columns included', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../../README.md'), 'utf8');
    const csvSection = readme.slice(readme.indexOf('*CSV* (UTF-8'), readme.indexOf('*FHIR R4*: a `Bundle`'));
    for (const column of [...REFERRAL_CSV_COLUMNS, ...OPTIONAL_REFERRAL_CSV_COLUMNS]) expect(csvSection).toContain(`\`${column}\``);
  });
});
