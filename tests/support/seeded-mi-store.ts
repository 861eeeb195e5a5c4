import { DEMO_PARTNERSHIP } from '../../core/demo-partnership';
import { createAppServices, type AppServices } from '../../services/app-services';
import { seedStore } from '../../services/session/store-commands';
import { demoFromTemplate } from './demo-template';
import { value } from './demo-with-person';
import { testClock } from './test-clock';

/**
 * The demo partnership with `participants` synthetic people whose whole histories (referrals,
 * assessments, plans, scores, exits) are spread over the months before the tests' date, signed in
 * as the coordinator on the tests' clock: the people the MI return and the dashboard are counted over.
 */
export async function seededMiServices(participants: number, seed: number): Promise<AppServices> {
  const { dataDir, services } = await demoFromTemplate();
  await services.close();
  await seedStore({ dataDir, username: 'demo.admin', passphrase: DEMO_PARTNERSHIP.passphrase, participants, seed, now: testClock()() });
  const app = createAppServices({ dataDir, clock: testClock() });
  value(await app.dispatch('session.unlock', { username: 'demo.coordinator', passphrase: DEMO_PARTNERSHIP.passphrase }));
  return app;
}
