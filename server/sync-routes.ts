import { answerRoute, challengeRoute } from './auth-routes';
import { enrolmentSlotRoute } from './enrolment-slot-route';
import type { Route } from './route';
import { pullRoute } from './sync-pull';
import { pushRoute } from './sync-push';

/** The sync protocol's endpoints (core/sync/sync-protocol.ts); `enrolment` tunes GET /enrol/slot (tests). */
export function syncRoutes(options: { enrolment?: Parameters<typeof enrolmentSlotRoute>[0] } = {}): Route[] {
  return [challengeRoute, answerRoute, enrolmentSlotRoute(options.enrolment), pushRoute, pullRoute];
}
