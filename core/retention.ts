/**
 * Retention of WorkWell records, after the NHS Records Management Code of Practice (2023)
 * retention schedule: a mental health record is reviewed 20 years after the last contact, any
 * other adult health record 8 years after it. The period counts from the later of the person's
 * exit and their last contact (the latest dated activity on the record), so a person who never
 * exits is still reviewed, and activity recorded after an exit (a late measure, a meeting listing)
 * restarts the period rather than being deleted early. Pure rules on calendar dates (YYYY-MM-DD).
 *
 * A record is a **mental health record** when it holds mental health care: any assessment, outcome
 * measure (PHQ-9, GAD-7 or other) or plan action by the `mental_health` discipline. A PHQ-9 taken
 * by the employment coach does not make it one: screening is not mental health care.
 */
import { formatCalendarDate } from './calendar-date';

/** The kinds of record the retention schedule tells apart. */
export type RetentionRecordKind = 'mental_health' | 'adult_health';

/** Years after the last contact (or exit, if later) before a record of each kind is due for review. */
export const RETENTION_YEARS_BY_KIND: Readonly<Record<RetentionRecordKind, number>> = { mental_health: 20, adult_health: 8 };

/** The shortest period, for wording that covers every record. */
export const RETENTION_YEARS = RETENTION_YEARS_BY_KIND.adult_health;

/** How a record's retention review date was worked out. */
export interface RetentionRule {
  kind: RetentionRecordKind;
  years: number;
  /** The date the period counts from: the later of exit and last contact. */
  countsFrom: string;
  /** Whether `countsFrom` is the exit (true) or the last contact (false). */
  fromExit: boolean;
  reviewDueOn: string;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** `isoDate` moved by whole years; 29 February becomes 28 February in a year without it. */
function shiftYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = year + years;
  const safeDay = month === 2 && day === 29 && !isLeapYear(target) ? 28 : day;
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(safeDay).padStart(2, '0')}`;
}

/** The date a record becomes due for review: `years` (8 unless given) after `countsFrom`. */
export function retentionReviewDueOn(countsFrom: string, years: number = RETENTION_YEARS): string {
  return shiftYears(countsFrom, years);
}

/**
 * The rule for one record. `lastContactOn` is the latest dated activity (null if none at all, when
 * the registration date stands in); the exit counts instead when it is later.
 */
export function retentionRuleFor(kind: RetentionRecordKind, exitedOn: string | null, lastContactOn: string): RetentionRule {
  const contact = lastContactOn.slice(0, 10);
  const fromExit = exitedOn !== null && exitedOn.slice(0, 10) >= contact;
  const countsFrom = fromExit && exitedOn !== null ? exitedOn.slice(0, 10) : contact;
  const years = RETENTION_YEARS_BY_KIND[kind];
  return { kind, years, countsFrom, fromExit, reviewDueOn: shiftYears(countsFrom, years) };
}

/** Whether a record under `rule` is due for retention review on `today`. */
export function isRuleDue(rule: RetentionRule, today: string): boolean {
  return rule.reviewDueOn <= today;
}

/** The rule in words, for the retention screens: "Mental health record: 20 years after last contact on 3 March 2026". */
export function describeRetentionRule(rule: RetentionRule): string {
  const kind = rule.kind === 'mental_health' ? 'Mental health record' : 'Adult health record';
  return `${kind}: ${rule.years} years after ${rule.fromExit ? 'leaving the service' : 'last contact'} on ${formatCalendarDate(rule.countsFrom)}`;
}
