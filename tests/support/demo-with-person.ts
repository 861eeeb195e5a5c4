import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import type { Result } from '../../core/result';
import { createAppServices } from '../../services/app-services';
import { tempDir } from './temp-dir';
import { testReferral } from './test-referral';
import type { Clock } from '../../core/clock';
import { demoFromTemplate } from './demo-template';

/** The value of a successful Result; a failed one fails the test with its code, message and fields. */
export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields)}`);
  return result.value as T;
}

/**
 * A demo partnership (one user per role: demo.coach, demo.physio, demo.mh, demo.ot...) with one
 * registered person, in a fresh temporary data directory. `signInAs` locks and unlocks as that user.
 */
export async function demoWithPerson(options: { clock?: Clock } = {}) {
  const { dataDir, services } = options.clock === undefined ? await demoFromTemplate() : await freshDemo(options.clock);
  const { id } = value<{ id: string }>(await services.dispatch('participants.register', testReferral({ person: { nhsNumber: '' } })));
  const signInAs = async (username: string) => {
    value(await services.dispatch('session.lock', {}));
    value(await services.dispatch('session.unlock', { username, passphrase: DEMO_PARTNERSHIP.passphrase }));
  };
  return { services, id, signInAs, dataDir };
}

/** A demo partnership made from scratch: for tests on a clock of their own, whose dates the run's template would not match. */
async function freshDemo(clock: Clock) {
  const dataDir = tempDir();
  const services = createAppServices({ dataDir, clock });
  value(await services.dispatch('setup.createDemoPartnership', {}));
  return { dataDir, services };
}

/** A complete joined-up assessment (add `participantId`). */
export const JOINED_UP = {
  // A fixed past date, not relative to the test clock: tests on a clock of their own use it too.
  assessedOn: '2026-11-05',
  healthConditions: 'Low back pain; low mood.',
  mainBarrier: 'musculoskeletal',
  socialBarriers: ['debt', 'confidence'],
  whatMatters: 'Keeping my job and being able to pick up my kids.',
  goals: 'Back to full shifts by February.',
  readiness: 'ready',
};
