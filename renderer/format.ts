import { formatCalendarDate } from '../core/calendar-date';
import { londonDateOf, SERVICE_TIME_ZONE } from '../core/clock';

/**
 * Every date and time the renderer shows goes through here, so each reads the NHS way ("6 December 2026",
 * "14:05") in England's time, whatever the locale or time zone of the machine.
 */

/** Formats an ISO date (YYYY-MM-DD) the NHS way: 2 March 1984. */
export function formatDate(isoDate: string): string {
  return formatCalendarDate(isoDate);
}

/** A date where space is short (a chart's axis): 2 Mar 1984, as the NHS style guide allows in tight tables. */
export function formatShortDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "Not recorded" for empty optional values. */
export function orNotRecorded(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? 'Not recorded' : value;
}

const londonClockTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: SERVICE_TIME_ZONE,
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
});

/** The time in England at an ISO timestamp, 24-hour: 14:05 ('' for anything that is not a timestamp). */
export function formatTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? '' : londonClockTime.format(date);
}

/** Formats an ISO timestamp in England's time the NHS way: 23 November 2026 at 14:05. */
export function formatDateTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return `${formatCalendarDate(londonDateOf(date))} at ${londonClockTime.format(date)}`;
}
