/**
 * Retention of WorkWell records: a person's record is kept for 8 years after they leave the
 * service, then reviewed; an administrator may delete it unless a legal hold is in place. (The
 * NHS Records Management Code of Practice schedules most adult health records for review 8 years
 * after the end of care.) Pure rules on calendar dates (YYYY-MM-DD).
 */

/** Years after exit before a record is due for retention review. */
export const RETENTION_YEARS = 8;

/** `isoDate` moved by whole years; 29 February becomes 28 February in a year without it. */
function shiftYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = year + years;
  const isLeap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const safeDay = month === 2 && day === 29 && !isLeap ? 28 : day;
  return `${String(target).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(safeDay).padStart(2, '0')}`;
}

/** The date a record becomes due for retention review: 8 years after the person's exit. */
export function retentionReviewDueOn(exitedOn: string): string {
  return shiftYears(exitedOn, RETENTION_YEARS);
}

/**
 * The latest exit date whose record is due for review on `today`: records with an exit on or
 * before it are due. Lets the store select due records with one indexed comparison.
 */
export function latestDueExitDate(today: string): string {
  const back = shiftYears(today, -RETENTION_YEARS);
  // An exit on 29 February falls due on 28 February in a year without one (around 2100, since
  // 8 years otherwise keeps leap years apart): on that 28 February it is due too.
  const backYear = Number(back.slice(0, 4));
  const todayYear = Number(today.slice(0, 4));
  return today.slice(5, 10) === '02-28' && isLeapYear(backYear) && !isLeapYear(todayYear) ? `${back.slice(0, 4)}-02-29` : back;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Whether a record whose person exited on `exitedOn` is due for retention review on `today`. */
export function isDueForRetentionReview(exitedOn: string, today: string): boolean {
  return retentionReviewDueOn(exitedOn) <= today;
}
