import { exportCommand } from '../services/exports/export-command';
import { TEST_ADMIN_PASSPHRASE } from '../tests/support/test-admin';
import { benchClock } from './bench-clock';

/**
 * Runs one partnership export in its own process so its peak RSS is the export's alone (the
 * parent seeded the store). Prints one JSON line: milliseconds, peak RSS in MB, counts.
 */
const [dataDir, folder] = process.argv.slice(2);
if (dataDir === undefined || folder === undefined) throw new Error('usage: fhir-export-child DATA_DIR FOLDER');
const started = performance.now();
const report = await exportCommand({ dataDir, username: 'test.admin', passphrase: TEST_ADMIN_PASSPHRASE, folder, now: benchClock() });
const ms = performance.now() - started;
// resourceUsage().maxRSS is in kilobytes.
console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024, ...report.progress }));
