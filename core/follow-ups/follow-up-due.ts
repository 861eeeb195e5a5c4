import { addDaysToIsoDate } from '../calendar-date';

/** The follow-ups after a case ends (issue 20 item 6): did the person stay in work 3 and 6 months on? */
export const FOLLOW_UP_POINTS = ['three_months', 'six_months'] as const;
export type FollowUpPoint = (typeof FOLLOW_UP_POINTS)[number];
export const FOLLOW_UP_POINT_LABELS: Readonly<Record<FollowUpPoint, string>> = {
  three_months: '3-month follow-up',
  six_months: '6-month follow-up',
};
const MONTHS_AFTER_EXIT: Readonly<Record<FollowUpPoint, number>> = { three_months: 3, six_months: 6 };

/** How many days ahead a follow-up counts as "due soon" on the list of follow-ups due. */
export const FOLLOW_UP_DUE_SOON_DAYS = 14;

/**
 * A calendar date (YYYY-MM-DD) `months` calendar months later. When that month is shorter the date
 * is its last day (31 August + 3 months is 30 November; 30 November + 3 months is 28 or 29
 * February), so a follow-up is never pushed into the month after. Pure calendar arithmetic on the
 * date's numbers: no time zone or clock change can move it.
 */
export function addCalendarMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** The date a follow-up falls due: that many calendar months after the exit date. */
export function followUpDueOn(exitedOn: string, point: FollowUpPoint): string {
  return addCalendarMonths(exitedOn, MONTHS_AFTER_EXIT[point]);
}

/**
 * Where a follow-up stands on `today` (the London calendar date from the injected clock):
 * `recorded` once someone has recorded it; otherwise `overdue` after its due date, `due` from
 * FOLLOW_UP_DUE_SOON_DAYS before it up to the day itself, and `not_yet_due` before that.
 */
export type FollowUpState = 'recorded' | 'overdue' | 'due' | 'not_yet_due';

export function followUpState(dueOn: string, today: string, recorded: boolean): FollowUpState {
  if (recorded) return 'recorded';
  if (dueOn < today) return 'overdue';
  return dueOn <= addDaysToIsoDate(today, FOLLOW_UP_DUE_SOON_DAYS) ? 'due' : 'not_yet_due';
}

/** Both follow-ups of one exit, each with its due date, in order (3 months, then 6). */
export function followUpSchedule(exitedOn: string): Array<{ point: FollowUpPoint; dueOn: string }> {
  return FOLLOW_UP_POINTS.map((point) => ({ point, dueOn: followUpDueOn(exitedOn, point) }));
}

/** One exit (an episode's end) and the follow-up points already recorded for it. */
export interface ExitFollowedUp {
  readonly exitedOn: string;
  readonly recorded: ReadonlySet<string>;
}

/**
 * The follow-ups overdue or due (within FOLLOW_UP_DUE_SOON_DAYS) on `today` for each of the given
 * exits, each with the exit it follows. Every exit is its own: a person who left, was referred
 * again and is back on the caseload still has the first exit's follow-ups due until they are recorded.
 */
export function dueFollowUps<T extends ExitFollowedUp>(
  exits: readonly T[],
  today: string,
): Array<{ exit: T; point: FollowUpPoint; dueOn: string; state: 'overdue' | 'due' }> {
  return exits.flatMap((exit) =>
    followUpSchedule(exit.exitedOn).flatMap(({ point, dueOn }) => {
      const state = followUpState(dueOn, today, exit.recorded.has(point));
      return state === 'overdue' || state === 'due' ? [{ exit, point, dueOn, state }] : [];
    }),
  );
}
