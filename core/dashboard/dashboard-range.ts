import { addDaysToIsoDate, daysBetween } from '../calendar-date';

/** How many weeks the dashboard shows when no range is given: the last 12, this one included. */
export const DEFAULT_DASHBOARD_WEEKS = 12;

/** The longest range the dashboard reads (two years): its charts show one bar per week. */
export const MAX_DASHBOARD_DAYS = 731;

/** The Monday on or before a calendar date (YYYY-MM-DD): the week a date is counted in. */
export function weekStartOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return addDaysToIsoDate(isoDate, -((weekday + 6) % 7));
}

/** The dashboard's default range: from the Monday 11 weeks before this week's to today (in England). */
export function defaultDashboardRange(today: string): { from: string; to: string } {
  return { from: addDaysToIsoDate(weekStartOf(today), -7 * (DEFAULT_DASHBOARD_WEEKS - 1)), to: today };
}

/** Every week (its Monday) that a range touches, oldest first. */
export function weeksOf(range: { from: string; to: string }): string[] {
  const weeks: string[] = [];
  for (let week = weekStartOf(range.from); week <= range.to; week = addDaysToIsoDate(week, 7)) weeks.push(week);
  return weeks;
}

/** Whole days from a referral date to the day something happened (0: the same day). */
export function waitDays(referralDate: string, reachedOn: string): number {
  return daysBetween(referralDate, reachedOn);
}
