import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';

/** Debian's Chromium, at the laptop size the specs are written for. */
const chromium: PlaywrightTestConfig['use'] = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1366, height: 768 },
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

/**
 * Specs that measure the main thread (long tasks, Unlock to first page): they run in the `timing`
 * project, after every other spec and with nothing else running, so a neighbour's CPU cannot fail them.
 */
const TIMING_SPECS = /\/(caseload|agenda)-at-scale\.spec\.ts$/;

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against the loopback host, which
 * runs the real services over a real encrypted store in a temporary folder. Playwright's own
 * browser download is not possible here, hence the executablePath.
 *
 * Two workers: each spec has its own host, store, ports and (where it needs one) PostgreSQL
 * cluster, and much of a spec's time is spent waiting (idle timers, a slow server, round trips
 * between runner, browser and host), so two at once shorten the run by minutes on the 2-core
 * machine. Files run in parallel, the tests within a file in order (`--workers=1` runs one at a time).
 */
export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A guard against a hang: the longest spec without a timeout of its own took 30 s in CI with one worker,
  // and two at once on a busy machine stretch each.
  timeout: 150_000,
  // Creating a store runs a memory-hard KDF per user; on a busy 2-core machine running two specs at
  // once that has taken over 15 s. A guard against a hang: what must be quick is measured, not waited for.
  expect: { timeout: 30_000 },
  reporter: [['list'], ['./tests/support/plain-summary-playwright-reporter.ts']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // The 250,000 person store, made on one worker while the other runs the specs below.
    { name: 'scale-store', testMatch: /scale-store\.setup\.ts$/ },
    { name: 'system-chromium', testIgnore: TIMING_SPECS, use: chromium },
    // After both; a timing spec run on its own needs --no-deps (it then makes the scale store itself if need be):
    // `npx playwright test tests/e2e/caseload-at-scale.spec.ts --no-deps`.
    // One after the other (a project each): two timing specs at once on 2 cores measure each other.
    { name: 'timing', testMatch: /\/caseload-at-scale\.spec\.ts$/, dependencies: ['scale-store', 'system-chromium'], use: chromium },
    { name: 'timing-agenda', testMatch: /\/agenda-at-scale\.spec\.ts$/, dependencies: ['timing'], use: chromium },
  ],
});
