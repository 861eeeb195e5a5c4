import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../core/clock';
import { createAppServices } from '../../services/app-services';
import { TEST_NOW } from './test-clock';

// No vitest import here: the global setup runs outside any test file.

/**
 * Makes the demo partnership once, on the test clock: creating it runs a memory-hard key
 * derivation for each of its users and seeds 240 synthetic people, about 10 s on the 2-core machine.
 */
export async function makeDemoTemplate(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'workwell-demo-template-'));
  // A fixed clock: every timestamp in the template is TEST_NOW, never later than a test's own clock.
  const services = createAppServices({ dataDir, clock: fixedClock(TEST_NOW) });
  try {
    const created = await services.dispatch('setup.createDemoPartnership', {});
    if (!created.ok) throw new Error(`The demo template could not be made: ${created.error.message}`);
  } finally {
    await services.close();
  }
  return dataDir;
}
