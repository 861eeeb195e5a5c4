/**
 * Calendar arithmetic on YYYY-MM-DD dates, in UTC so a date never shifts with the machine's time
 * zone or a clock change.
 */
export function addDaysToIsoDate(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
