import { formatCalendarDate } from '../../core/calendar-date';

/** What every page of a document states about it: its name, version, who generated it and when. */
export interface DocumentMeta {
  /** The document's name, as the page header and footer show it. */
  readonly title: string;
  /** Which version of the record this is ("Version 2", "Signed report 1", "Meeting of 3 December 2026"). */
  readonly version: string;
  readonly organisation: string;
  readonly generatedBy: string;
  /** ISO timestamp of the export. */
  readonly generatedAt: string;
  /** True while the content is not yet agreed or signed: every page then carries a DRAFT watermark. */
  readonly draft: boolean;
  /** What the footer says after "DRAFT: " (why it is not final); "not agreed" when not given. */
  readonly draftNote?: string;
}

/**
 * "30 November 2026 at 11:52", on the clock of England where the service runs, so a document
 * generated on a laptop set to UTC in summer still shows the time people saw on the wall.
 */
export function formatGeneratedAt(isoTimestamp: string): string {
  const at = new Date(isoTimestamp);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  const date = at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
  return `${formatCalendarDate(date)} at ${time}`;
}

/** A calendar date the NHS way, or a fallback when there is none. */
export function dateOr(isoDate: string | null | undefined, fallback: string): string {
  return isoDate === null || isoDate === undefined || isoDate === '' ? fallback : formatCalendarDate(isoDate);
}
