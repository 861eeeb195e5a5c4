import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer in Debian's Chromium against the loopback host, which
 * runs the real services over a real encrypted store in a temporary folder. Playwright's own
 * browser download is not possible here, hence the executablePath.
 */
export default defineConfig({
  testDir: './tests/e2e',
  outputDir: './test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 90_000,
  // Creating a store runs a memory-hard KDF per user; on a busy 2-core machine that can take a few seconds.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['./tests/support/plain-summary-playwright-reporter.ts']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'system-chromium',
      use: {
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
      },
    },
  ],
});
