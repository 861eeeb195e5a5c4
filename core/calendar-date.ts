/**
 * Formats a calendar date (YYYY-MM-DD, or the date part of a longer ISO string) the NHS way:
 * "2 March 1984". Read as a UTC calendar date so the result never shifts with the machine's time
 * zone. Anything that is not a date is returned unchanged rather than shown as "Invalid Date".
 */
export function formatCalendarDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Whole days from one calendar date (YYYY-MM-DD) to another; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const day = 24 * 60 * 60 * 1000;
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / day);
}

/**
 * A calendar date (YYYY-MM-DD) plus `days` (negative for earlier). Done in UTC, so the answer never
 * shifts with the machine's time zone or a clock change.
 */
export function addDaysToIsoDate(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The last complete month before the one `isoDate` falls in, as YYYY-MM: the MI return's default,
 * since the current month is unfinished (in January, December of the year before).
 */
export function lastCompleteMonth(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * Age in whole years on `today` for a date of birth (both YYYY-MM-DD): the birthday counts from
 * its day, and someone born on 29 February has their birthday on 1 March in other years.
 */
export function ageOn(dateOfBirth: string, today: string): number {
  const [birthYear, birthMonth, birthDay] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}
