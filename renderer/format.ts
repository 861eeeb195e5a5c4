import { formatCalendarDate } from '../core/calendar-date';

/** Formats an ISO date (YYYY-MM-DD) the NHS way: 2 March 1984. */
export function formatDate(isoDate: string): string {
  return formatCalendarDate(isoDate);
}

/** "Not recorded" for empty optional values. */
export function orNotRecorded(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? 'Not recorded' : value;
}

/** Formats an ISO timestamp in local time the NHS way: 23 November 2026 at 14:05. */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${day} at ${time}`;
}
