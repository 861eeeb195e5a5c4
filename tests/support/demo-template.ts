import { cpSync } from 'node:fs';
import { inject } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { createAppServices } from '../../services/app-services';
import { testClock } from './test-clock';
import { tempDir } from './temp-dir';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The data folder of a demo partnership made once per run (tests/support/global-setup.ts). */
    demoTemplateDir: string;
  }
}

/**
 * A fresh copy of the run's demo partnership, opened by new services and signed in as
 * demo.admin, as `setup.createDemoPartnership` leaves it. Copying a folder takes milliseconds.
 */
export async function demoFromTemplate() {
  const dataDir = tempDir();
  cpSync(inject('demoTemplateDir'), dataDir, { recursive: true });
  const services = createAppServices({ dataDir, clock: testClock() });
  const unlocked = await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: DEMO_PARTNERSHIP.passphrase });
  if (!unlocked.ok) throw new Error(`The demo template did not unlock: ${unlocked.error.message}`);
  return { dataDir, services };
}
