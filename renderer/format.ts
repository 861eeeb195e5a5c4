/** Formats an ISO date (YYYY-MM-DD) the NHS way: 2 March 1984. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "Not recorded" for empty optional values. */
export function orNotRecorded(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? 'Not recorded' : value;
}
