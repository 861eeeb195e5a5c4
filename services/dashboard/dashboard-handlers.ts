import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { buildDashboard } from './dashboard-service';
import { readWaitingTargets, saveWaitingTargets } from './waiting-targets-settings';

/** The manager's view and the waiting-time targets it measures against. */
export function dashboardHandlers(
  session: SessionHolder,
  now: () => Date,
): Pick<Handlers, 'dashboard.get' | 'config.waitingTargets' | 'config.saveWaitingTargets'> {
  return {
    'dashboard.get': async (input) => buildDashboard(session.require().store, input, now()),
    'config.waitingTargets': async () => readWaitingTargets(session.require().store.db),
    'config.saveWaitingTargets': async (input, context) =>
      saveWaitingTargets(session.require().store, input, signedInCaller(context).userId, now()),
  };
}
