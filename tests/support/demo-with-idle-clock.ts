import { cpSync } from 'node:fs';
import { inject } from 'vitest';
import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { createAppServices } from '../../services/app-services';
import { value } from './demo-with-person';
import { tempDir } from './temp-dir';
import { testClock } from './test-clock';

/**
 * A copy of the run's demo partnership (as demoFromTemplate), signed in as demo.admin, whose idle
 * lock runs on a clock the test moves.
 */
export async function demoWithIdleClock(options: { idleLockSeconds?: number } = {}) {
  let ms = 1_000_000;
  const dataDir = tempDir();
  cpSync(inject('demoTemplateDir'), dataDir, { recursive: true });
  const services = createAppServices({ clock: testClock(), dataDir, idleClock: () => ms, ...options });
  value(await services.dispatch('session.unlock', { username: 'demo.admin', passphrase: DEMO_PARTNERSHIP.passphrase }));
  return { services, advance: (seconds: number) => (ms += seconds * 1000) };
}
