import { describe, expect, it } from 'vitest';
import { eligibilityRulesSchema, evaluateEligibility, ageOn } from '../../../../core/referrals/eligibility';
import { parseReferralCsv } from '../../../../core/referrals/referral-csv';
import type { InboxReferral } from '../../../../core/referrals/inbox-referral';
import { referralCsv, referralCsvRow } from '../../../support/referral-files';

function referral(overrides: Parameters<typeof referralCsvRow>[1] = {}): InboxReferral {
  const read = parseReferralCsv(referralCsv([referralCsvRow(1, overrides)])).referrals[0];
  if (read === undefined) throw new Error('the test row was refused');
  return read.referral;
}

const rules = eligibilityRulesSchema.parse({
  workStatuses: ['off_sick_fit_note', 'out_of_work_recent'],
  maxWeeksOutOfWork: 8,
  areaOutwardCodes: ['s1', 'S10'],
  minAge: 18,
  maxAge: 66,
});
const outcomes = (value: InboxReferral) =>
  Object.fromEntries(evaluateEligibility(value, rules, '2026-12-06').map((r) => [r.rule, r.outcome]));

describe('eligibility of a referral against the partnership’s rules (issue 20, item 3)', () => {
  it('shows every rule met for a referral inside all of them', () => {
    expect(outcomes(referral())).toEqual({ work_status: 'met', time_out_of_work: 'met', area: 'met', age: 'met' });
  });

  it('shows each rule not met on its own', () => {
    expect(outcomes(referral({ employment_status: 'in_work', weeks_out_of_work: '' })).work_status).toBe('not_met');
    expect(outcomes(referral({ weeks_out_of_work: '9' })).time_out_of_work).toBe('not_met');
    expect(outcomes(referral({ postcode: 'LS1 4AP' })).area).toBe('not_met');
    expect(outcomes(referral({ date_of_birth: '2009-12-07' })).age).toBe('not_met');
    expect(outcomes(referral({ date_of_birth: '1959-01-01' })).age).toBe('not_met');
  });

  it('says unknown when the referral does not say, and counts the work postcode for the area', () => {
    expect(outcomes(referral({ postcode: '' })).area).toBe('unknown');
    expect(outcomes(referral({ postcode: 'LS1 4AP', work_postcode: 's10 2tn' })).area).toBe('met');
    expect(outcomes(referral({ employment_status: 'out_of_work_longer', weeks_out_of_work: '' })).time_out_of_work).toBe('unknown');
  });

  it('shows only the rules the partnership has set, and counts age on birthdays exactly', () => {
    const ageOnly = eligibilityRulesSchema.parse({ minAge: 18 });
    expect(evaluateEligibility(referral(), ageOnly, '2026-12-06')).toEqual([{ rule: 'age', outcome: 'met' }]);
    expect(ageOn('2008-12-06', '2026-12-06')).toBe(18);
    expect(ageOn('2008-12-07', '2026-12-06')).toBe(17);
    expect(eligibilityRulesSchema.safeParse({ minAge: 50, maxAge: 40 }).success).toBe(false);
  });
});
