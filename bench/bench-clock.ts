import { clockStartingAt, type Clock } from '../core/clock';

/**
 * The date every benchmark runs at, whatever the real date: the synthetic histories, the month of
 * the MI return and "today" in the caseload all follow it, so a run on any day measures the same
 * data and its checks (such as 10,000 rows in November's MI return) hold.
 */
export const BENCH_NOW = new Date('2026-11-30T09:00:00Z');

/** A clock that starts at `at` (default BENCH_NOW) and moves on in real time. */
export function benchClock(at: Date = BENCH_NOW): Clock {
  return clockStartingAt(at);
}
