/**
 * The one clock. "Now" and "today" come from here and nowhere else (a lint rule refuses
 * `Date.now()` and `new Date()` without an argument everywhere but this file), so tests and
 * benchmarks can fix the date and nothing depends on the day or the time zone a machine is in.
 *
 * The service runs in England: "today" is the calendar date in Europe/London, whatever time zone
 * the computer is set to.
 */

/** A source of the current instant. Services receive one; production passes `systemClock`. */
export type Clock = () => Date;

/** The time zone whose calendar every "today" in the app follows. */
export const SERVICE_TIME_ZONE = 'Europe/London';

/** The computer's own clock. */
export const systemClock: Clock = () => new Date();

/** Always the same instant: for tests that assert exact timestamps. */
export function fixedClock(instant: string | Date): Clock {
  const fixed = new Date(instant);
  if (Number.isNaN(fixed.getTime())) throw new Error(`Not an instant: ${String(instant)}`);
  return () => new Date(fixed);
}

/**
 * Starts at `instant` and moves on with real time: dates stay fixed for a test or a demo while
 * timestamps still increase, so "saved first" and ordering by time behave as they do in life.
 */
export function clockStartingAt(instant: string | Date): Clock {
  const start = new Date(instant).getTime();
  if (Number.isNaN(start)) throw new Error(`Not an instant: ${String(instant)}`);
  const realStart = Date.now();
  return () => new Date(start + (Date.now() - realStart));
}

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: SERVICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in England at `instant`. */
export function londonDateOf(instant: Date): string {
  return londonDate.format(instant);
}

/** Where code with no clock handed to it (zod refinements in core) finds the current one. */
let clockSource: () => Clock = () => systemClock;

/**
 * Lets a runtime say which clock applies to the code running now: the services layer points it
 * at the clock of the call being served, the renderer at the app's clock. Returns the source it
 * replaced, so a runtime can fall back to it.
 */
export function setClockSource(source: () => Clock): () => Clock {
  const previous = clockSource;
  clockSource = source;
  return previous;
}

/** The current clock as set by the runtime (the system clock unless told otherwise). */
export function currentClock(): Clock {
  return clockSource();
}

/** Today in England on the current clock: for "not in the future" checks in shared schemas. */
export function todayInLondon(): string {
  return londonDateOf(currentClock()());
}
