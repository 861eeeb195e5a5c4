import { setClockSource } from '../../core/clock';
import { TEST_NOW, testClock } from './test-clock';

/**
 * Vitest setup: everything a test runs is on the test clock. Code outside a services call (a test
 * parsing a schema itself) reads it through core's clock source, and child processes (the CLI, the
 * loopback host, reliability writers) inherit it through WORKWELL_CLOCK.
 */
const clock = testClock();
setClockSource(() => clock);
process.env.WORKWELL_CLOCK = TEST_NOW;
