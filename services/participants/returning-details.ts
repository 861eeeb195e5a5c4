import type { ParsedInput } from '../../core/contract';
import type { ParticipantDetailsSnapshot } from '../../core/schemas/participant-details-snapshot';

/** What a returning person's referral says about them: a registration form's answers, or an inbox referral's. */
export type ReturningTyped = Pick<ParsedInput<'participants.register'>, 'person' | 'employment' | 'monitoring' | 'gpPractice'>;

/** Each typed answer, or what the record had where the form was left blank (null). */
function blanksKept<T extends object>(typed: T, before: T): T {
  return Object.fromEntries(Object.entries(typed).map(([key, answer]) => [key, answer === null ? before[key as keyof T] : answer])) as T;
}

/**
 * The details a registration form typed for someone whose case had closed and who starts a new
 * episode (issue 20 item 4): what they say now replaces the record's, saved as a details version so
 * the old value stays readable. A field left blank keeps the record's (the coach may not have asked
 * again), and so does an employer size of "not known" for the same employer. A different employer
 * is a new job: its employment block is taken as typed, so the old employer's contact, job title and
 * consent to contact them never stay attached to the new one.
 */
export function returningDetails(before: ParticipantDetailsSnapshot, typed: ReturningTyped): ParticipantDetailsSnapshot {
  const newEmployer = typed.employment.employerName !== null && typed.employment.employerName !== before.employment.employerName;
  const employment = newEmployer
    ? typed.employment
    : {
        ...blanksKept(typed.employment, before.employment),
        employerSize: typed.employment.employerSize === 'unknown' ? before.employment.employerSize : typed.employment.employerSize,
      };
  return {
    ...blanksKept(typed.person, before),
    employment,
    gpPractice: typed.gpPractice ?? before.gpPractice,
    monitoring: blanksKept(typed.monitoring, before.monitoring),
  };
}
