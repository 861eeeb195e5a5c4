import { addDaysToIsoDate } from '../calendar-date';

/** One week of a graded return: the hours to work and the duties to do. */
export interface GradedReturnWeek {
  /** The Monday (or whichever day the schedule starts on) this week begins. */
  readonly startsOn: string;
  readonly hours: number;
  readonly duties: string;
}

/** A week-by-week return to work, from `startOn`, against the person's contracted hours. */
export interface GradedReturnSchedule {
  readonly startOn: string;
  readonly weeks: readonly GradedReturnWeek[];
}

/** A problem with one field of the schedule; `path` is relative to the schedule (`weeks.2.hours`). */
export interface ScheduleProblem {
  readonly path: string;
  readonly message: string;
}

/** The most weeks a schedule may plan: six months, the usual review interval of an adjustments passport. */
export const MAX_SCHEDULE_WEEKS = 26;
/** A working week cannot be longer than every hour in it. */
export const MAX_WEEKLY_HOURS = 168;

/** The date week `index` (0-based) of a schedule starting on `startOn` should begin. */
export function weekStartDate(startOn: string, index: number): string {
  return addDaysToIsoDate(startOn, index * 7);
}

/**
 * Every problem with a graded return schedule, in the order the table shows them:
 * - at least one week, at most `MAX_SCHEDULE_WEEKS`;
 * - weeks contiguous from the start date: week 1 begins on it, each next week 7 days later;
 * - hours a number from 0 up to the contracted hours (never over them);
 * - the duties of each week written down.
 * `contractedHours` null means nobody has said what they are, which is itself a problem.
 */
export function gradedReturnProblems(schedule: GradedReturnSchedule, contractedHours: number | null): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  if (contractedHours === null)
    problems.push({
      path: 'contractedHoursPerWeek',
      message: 'Enter the contracted hours a week, so the schedule can be checked against them',
    });
  if (schedule.weeks.length === 0) problems.push({ path: 'weeks', message: 'Add at least one week to the schedule' });
  if (schedule.weeks.length > MAX_SCHEDULE_WEEKS)
    problems.push({ path: 'weeks', message: `A schedule can plan up to ${MAX_SCHEDULE_WEEKS} weeks; review it before planning more` });
  schedule.weeks.forEach((week, index) => {
    const label = `Week ${index + 1}`;
    const expectedStart = weekStartDate(schedule.startOn, index);
    if (week.startsOn !== expectedStart) {
      problems.push({
        path: `weeks.${index}.startsOn`,
        message:
          index === 0
            ? `${label} must start on the schedule’s start date`
            : `${label} must start 7 days after week ${index}, so the weeks follow on without gaps or overlaps`,
      });
    }
    if (!Number.isFinite(week.hours) || week.hours < 0)
      problems.push({ path: `weeks.${index}.hours`, message: `${label}: hours cannot be negative` });
    else if (week.hours > MAX_WEEKLY_HOURS)
      problems.push({ path: `weeks.${index}.hours`, message: `${label}: hours must be ${MAX_WEEKLY_HOURS} or fewer` });
    else if (contractedHours !== null && week.hours > contractedHours) {
      problems.push({
        path: `weeks.${index}.hours`,
        message: `${label}: ${week.hours} hours is more than the contracted ${contractedHours} hours a week`,
      });
    }
    if (week.duties.trim() === '') problems.push({ path: `weeks.${index}.duties`, message: `${label}: describe the duties for the week` });
  });
  return problems;
}
