/**
 * A date as typed into the NHS date input's three fields (day, month, year). The renderer joins the
 * parts into one string for the contract: a real date becomes YYYY-MM-DD; anything else keeps the
 * parts as typed ("2026-2-" for a missing day), so the contract's date schema can say what is wrong
 * and the form loses nothing the person typed.
 */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Joins typed parts: '' when all are blank, YYYY-MM-DD when they make a real date, else the parts as typed. */
export function joinDateParts(parts: DateParts): string {
  // A hyphen inside a part would make the joined string ambiguous, so it is dropped as typed.
  const day = parts.day.replace(/-/g, '').trim();
  const month = parts.month.replace(/-/g, '').trim();
  const year = parts.year.replace(/-/g, '').trim();
  if (day === '' && month === '' && year === '') return '';
  const padded = `${year}-${/^\d$/.test(month) ? `0${month}` : month}-${/^\d$/.test(day) ? `0${day}` : day}`;
  return isRealIsoDate(padded) ? padded : `${year}-${month}-${day}`;
}

/** Splits a joined value (a YYYY-MM-DD date or parts as typed) back into the three fields, without leading zeros. */
export function splitDateValue(value: string): DateParts {
  const [year = '', month = '', day = ''] = value.split('-');
  const iso = ISO_DATE.test(value);
  return { day: iso ? String(Number(day)) : day, month: iso ? String(Number(month)) : month, year };
}

/** Whether `value` is YYYY-MM-DD naming a day on the calendar (not 31 February). */
export function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * What is wrong with a typed date, in the NHS design system's words, or undefined when it is a
 * real date. Missing parts are named ("The date must include a month") before anything else.
 */
export function dateEntryProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return 'Enter a date';
  if (isRealIsoDate(value)) return undefined;
  const parts = value.split('-');
  if (parts.length !== 3) return 'Enter a real date';
  const [year, month, day] = parts as [string, string, string];
  const missing = [day === '' ? 'day' : '', month === '' ? 'month' : '', year === '' ? 'year' : ''].filter((part) => part !== '');
  if (missing.length === 1) return `The date must include a ${missing[0]}`;
  if (missing.length === 2) return `The date must include a ${missing[0]} and ${missing[1]}`;
  if (missing.length === 3) return 'Enter a date';
  if (!/^\d{4}$/.test(year)) return 'The year must include 4 numbers';
  return 'Enter a real date';
}
