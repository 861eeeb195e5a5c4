import { addDaysToIsoDate } from '../../core/calendar-date';
import { clockStartingAt, londonDateOf, type Clock } from '../../core/clock';

/**
 * The instant every test and benchmark runs at, whatever the real date: `WORKWELL_TEST_NOW` when
 * set (tests/unit/clock/any-day.test.ts runs suites at awkward dates that way), else Sunday
 * 6 December 2026, 10:00 in London.
 */
export const TEST_NOW = process.env.WORKWELL_TEST_NOW ?? '2026-12-06T10:00:00Z';

/** Today (YYYY-MM-DD in England) on the test clock. */
export const TEST_TODAY = londonDateOf(new Date(TEST_NOW));

/** A clock that starts at TEST_NOW and moves on in real time, so timestamps still increase. */
export function testClock(): Clock {
  return clockStartingAt(TEST_NOW);
}

/** A calendar date relative to the test's today: `testDate(-30)` is thirty days ago. */
export function testDate(daysFromToday: number): string {
  return addDaysToIsoDate(TEST_TODAY, daysFromToday);
}
