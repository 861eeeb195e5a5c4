import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/contract/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // PostgreSQL for the partnership server tests, started only when a test asks for it.
    globalSetup: ['tests/support/postgres.ts'],
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
  },
});
