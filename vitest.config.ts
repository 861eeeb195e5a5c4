import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/contract/**/*.test.ts'],
    environment: 'node',
    // A guard against a hang, not a speed target: a services test takes 2-7 s idle, and a CI machine
    // busy with three files at once has stretched one past 30 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Three files at a time on the 2-core machine: most suites wait on child processes, PostgreSQL,
    // disk and timers (the load stays under 2 with two), so a third worker shortens the run.
    maxWorkers: 3,
    // Every test runs on a fixed date (tests/support/test-clock.ts), never the real one.
    setupFiles: ['./tests/support/test-clock-setup.ts'],
    // The demo partnership copied by services tests; PostgreSQL for the partnership server tests,
    // started only when a test asks for it.
    globalSetup: ['./tests/support/global-setup.ts', './tests/support/postgres.ts'],
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
  },
});
