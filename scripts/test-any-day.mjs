// Runs the unit and contract suites again with the app's clock at awkward moments and the machine
// in other time zones, to prove nothing depends on the day or the place the tests run.
//
//   npm run test:any-day            the date-sensitive suites (services, core, contract, CLI, db)
//   npm run test:any-day -- --all   the whole unit suite at every date (about five times as long)
//
// Each run sets WORKWELL_TEST_NOW (tests/support/test-clock.ts): services, seeds, the demo, child
// processes and the zod "not in the future" checks all follow it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A year after the real today: the one date here that moves, so the suite keeps working next year. */
function aYearFromToday() {
  // The real date on purpose: this is the check that the suite does not depend on it.
  // eslint-disable-next-line no-restricted-syntax
  const now = new Date();
  now.setUTCFullYear(now.getUTCFullYear() + 1);
  return now.toISOString();
}

/** The instants (UTC) and the machine's time zone for each run, and why each is awkward. */
export const RUNS = [
  { name: '31 December, 23:30 (already 1 January in Auckland)', now: '2026-12-31T23:30:00Z', tz: 'Pacific/Auckland' },
  { name: '29 February, 00:30 (still 28 February in Los Angeles)', now: '2028-02-29T00:30:00Z', tz: 'America/Los_Angeles' },
  { name: 'the spring clock change, 02:30 BST just after it', now: '2027-03-28T01:30:00Z', tz: 'Europe/London' },
  { name: 'the autumn clock change, 01:30 in the repeated hour', now: '2027-10-31T01:30:00Z', tz: 'Europe/London' },
  { name: 'a year from today', now: aYearFromToday(), tz: 'Asia/Kolkata' },
];

/** Suites whose results could depend on the date: everything that creates or reads records. */
const DATE_SENSITIVE = [
  'tests/unit/services',
  'tests/unit/core',
  'tests/contract',
  'tests/unit/cli',
  'tests/unit/db',
  'tests/unit/security',
];

const all = process.argv.includes('--all');
const failed = [];
for (const run of RUNS) {
  console.log(`\n== ${run.name}: WORKWELL_TEST_NOW=${run.now} TZ=${run.tz}`);
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...(all ? [] : DATE_SENSITIVE)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, WORKWELL_TEST_NOW: run.now, TZ: run.tz },
  });
  if (result.status !== 0) failed.push(run.name);
}
if (failed.length > 0) {
  console.error(`\nFailed at: ${failed.join('; ')}`);
  process.exit(1);
}
console.log(`\nPassed at all ${RUNS.length} dates.`);
