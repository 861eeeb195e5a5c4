import { londonDateOf } from '../clock';

/**
 * The one "review due" rule: a person's review is due when their next review date is on or before
 * this day, England's today. The caseload's "Review due" filter and the "Due for review" list both
 * ask the store with this date, so the two always show the same people.
 */
export function reviewDueBy(now: Date): string {
  return londonDateOf(now);
}
