import { z } from 'zod';
import { EMPLOYMENT_STATUSES } from '../schemas/referral';
import { outwardCode, type InboxReferral } from './inbox-referral';

/** An age limit in whole years, 16 to 100 (the service is for people of working age), or none. */
function ageSchema(which: 'youngest' | 'oldest') {
  const message = `Enter the ${which} age as a whole number from 16 to 100`;
  return z.number({ error: message }).int(message).min(16, message).max(100, message).nullable().default(null);
}

/**
 * A partnership's eligibility rules (Settings): each is optional, and a rule left unset is not
 * shown. Work statuses the service takes; the longest time out of work it takes; the postcode
 * districts it covers (living or working there counts); and the age range.
 */
export const eligibilityRulesSchema = z
  .strictObject({
    workStatuses: z.array(z.enum(EMPLOYMENT_STATUSES)).max(EMPLOYMENT_STATUSES.length).nullable().default(null),
    maxWeeksOutOfWork: z
      .number({ error: 'Enter the weeks as a whole number, like 26' })
      .int('Enter the weeks as a whole number, like 26')
      .min(0, 'The weeks out of work cannot be negative')
      .max(5200, 'Enter 5200 weeks or fewer')
      .nullable()
      .default(null),
    areaOutwardCodes: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?$/, 'Enter postcode districts like S1 or LS10'),
      )
      .max(500)
      .nullable()
      .default(null),
    minAge: ageSchema('youngest'),
    maxAge: ageSchema('oldest'),
  })
  .refine((rules) => rules.minAge === null || rules.maxAge === null || rules.minAge <= rules.maxAge, {
    message: 'The youngest age must not be above the oldest',
    path: ['maxAge'],
  });
export type EligibilityRules = z.output<typeof eligibilityRulesSchema>;

export const ELIGIBILITY_RULES = ['work_status', 'time_out_of_work', 'area', 'age'] as const;
export type EligibilityRule = (typeof ELIGIBILITY_RULES)[number];
export type RuleOutcome = 'met' | 'not_met' | 'unknown';
export interface RuleResult {
  readonly rule: EligibilityRule;
  readonly outcome: RuleOutcome;
}

/** Whole years between a date of birth and a day, both `YYYY-MM-DD`. */
export function ageOn(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

const OUT_OF_WORK: ReadonlySet<string> = new Set(['out_of_work_recent', 'out_of_work_longer']);

/**
 * A referral against the partnership's rules, one result per rule that is set: met, not met, or
 * unknown when the referral does not say (no postcode, no weeks out of work). Pure: `day` is the
 * day the referral is judged on (its received date), so the result never shifts with the clock.
 */
export function evaluateEligibility(
  referral: Pick<InboxReferral, 'person' | 'employment'>,
  rules: EligibilityRules,
  day: string,
): RuleResult[] {
  const results: RuleResult[] = [];
  const status = referral.employment.status;
  if (rules.workStatuses !== null) {
    results.push({ rule: 'work_status', outcome: rules.workStatuses.includes(status) ? 'met' : 'not_met' });
  }
  if (rules.maxWeeksOutOfWork !== null) {
    const weeks = referral.employment.weeksOutOfWork;
    // Someone in work or off sick is not out of work: the rule does not hold them back.
    const outcome: RuleOutcome = !OUT_OF_WORK.has(status)
      ? 'met'
      : weeks === null
        ? status === 'out_of_work_recent' && rules.maxWeeksOutOfWork >= 12
          ? 'met'
          : 'unknown'
        : weeks <= rules.maxWeeksOutOfWork
          ? 'met'
          : 'not_met';
    results.push({ rule: 'time_out_of_work', outcome });
  }
  if (rules.areaOutwardCodes !== null) {
    const codes = [referral.person.postcode, referral.employment.workPostcode].filter((code): code is string => code !== null);
    const covered = new Set(rules.areaOutwardCodes);
    const outcome: RuleOutcome = codes.some((code) => covered.has(outwardCode(code))) ? 'met' : codes.length === 0 ? 'unknown' : 'not_met';
    results.push({ rule: 'area', outcome });
  }
  if (rules.minAge !== null || rules.maxAge !== null) {
    const age = ageOn(referral.person.dateOfBirth, day);
    const tooYoung = rules.minAge !== null && age < rules.minAge;
    const tooOld = rules.maxAge !== null && age > rules.maxAge;
    results.push({ rule: 'age', outcome: tooYoung || tooOld ? 'not_met' : 'met' });
  }
  return results;
}
