import { AsyncLocalStorage } from 'node:async_hooks';
import { setClockSource, type Clock } from '../core/clock';

/**
 * The clock of the call being served. Several app instances can live in one process (tests, the
 * loopback host next to the CLI), each with its own injected clock; the zod schemas in core check
 * "not in the future" against `todayInLondon()`, which reads the clock of whichever call is
 * running, through this scope.
 */
const callClock = new AsyncLocalStorage<Clock>();

// Outside any call (a CLI step, a test's own parsing) whatever clock was set before applies.
const outsideCalls = setClockSource(() => callClock.getStore() ?? outsideCalls());

/** Runs `work` (and everything it awaits) on `clock`. */
export function runWithClock<T>(clock: Clock, work: () => T): T {
  return callClock.run(clock, work);
}
